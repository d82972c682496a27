"""The batch family: IO messages are personal, one citizen each, never a mass mailing.

A batch check's ``key(view)`` is what it counts of one payload, and ``add(key, where)`` counts
it: with ``--jobs`` the workers compute the keys of their lines and the parent adds them in
file order (``feed`` does both, in one process). Memory stays bounded on batches of millions of lines: contents are tracked by a 64-bit hash in
a table that sheds its one-off entries when it grows past ``_TABLE_LIMIT``. A key seen once
costs one small int in ``first``; only repeated keys get a count.
"""

from __future__ import annotations

from iolint.finding import Hit
from iolint.registry import batch_check
from iolint.view import digest

_TABLE_LIMIT = 100_000


class _Counter:
    """Counts per key with the first place each key was seen."""

    def __init__(self):
        self.first: dict[int, int] = {}  # key -> where it was first seen
        self.counts: dict[int, int] = {}  # key -> how often, for keys seen more than once

    def add(self, key: int, where: int) -> tuple[int, int]:
        """(how often the key has been seen, where it was first seen)."""
        first = self.first.get(key)
        if first is None:
            if len(self.first) >= _TABLE_LIMIT:
                self.first = {k: v for k, v in self.first.items() if k in self.counts}
                if len(self.first) >= _TABLE_LIMIT // 2:  # mostly repeats: track no new keys
                    return 1, where
            self.first[key] = where
            return 1, where
        count = self.counts[key] = self.counts.get(key, 1) + 1
        return count, first

    def repeated(self):
        for key, count in self.counts.items():
            yield count, self.first[key]


@batch_check("IO130")
class MassCommunication:
    """The same content to many recipients: nothing in it is personal."""

    def __init__(self, ctx, options):
        self.threshold = options["threshold"]
        self.counter = _Counter()

    @staticmethod
    def key(view) -> int | None:
        """What this rule counts of one payload; computed anywhere (a worker), added in order."""
        return view.content_digest if view.content else None

    def feed(self, view, where):
        self.add(self.key(view), where)

    def add(self, key, where):
        if key is not None:
            self.counter.add(key, where)

    def finish(self):
        for count, where in self.counter.repeated():
            if count >= self.threshold:
                yield (
                    where,
                    Hit(
                        "content",
                        f"{count} messages in this batch have exactly the same content: IO messages "
                        f"are personal communications to one citizen, mass mailings are not allowed",
                    ),
                )


@batch_check("IO131")
class DuplicateMessage:
    """The same message to the same citizen twice in one batch."""

    def __init__(self, ctx):
        self.counter = _Counter()
        self.repeats: list[tuple[object, object]] = []

    @staticmethod
    def key(view) -> int | None:
        if view.is_dict and "fiscal_code" in view.data and view.content:
            return digest(view.data["fiscal_code"], view.content_digest)
        return None

    def feed(self, view, where):
        self.add(self.key(view), where)

    def add(self, key, where):
        if key is not None:
            count, first = self.counter.add(key, where)
            if count > 1:
                self.repeats.append((where, first))

    def finish(self):
        for where, first in self.repeats:
            yield (
                where,
                Hit(
                    None,
                    f"the same message to the same recipient is already at line {first} of this "
                    f"batch: the citizen would get it twice",
                ),
            )
