"""One payload as every rule reads it: its parts found once, what is derived from them computed
once, on first need, and shared by the rules that read it.

The parts (``content``, ``subject``, ``markdown``, ``payment``, ``third_party``, ``due_date``) are
set when the view is made; derived values (the body without its front matter, the markdown's
analysis, the amounts its text states, the parsed due date, the schema's errors, each text's
memo key ``zeroed``) are computed on first use. ``shape`` says which parts a payload has, whether
it is ``irregular`` (not one ``iolint.message.plainly_valid`` vouches for) and whether its markdown
has ``markup`` at all: a check bound with ``needs=...`` (``iolint.registry``) is not even called
on a payload without them.
"""

from __future__ import annotations

import hashlib
import json

from iolint import italian, memo, rendering
from iolint.clock import ROME, parse_timestamp
from iolint.frontmatter import split_front_matter
from iolint.message import plainly_valid

_EMPTY: dict = {}  # never written to: checks only read content
_MISS = object()

# The parts a check may need, as ``shape`` bits.
SUBJECT, MARKDOWN, PAYMENT, DUE_DATE, THIRD_PARTY, TEXT, IRREGULAR, MARKUP = 1, 2, 4, 8, 16, 32, 64, 128
PARTS = {
    "subject": SUBJECT,
    "markdown": MARKDOWN,
    "payment": PAYMENT,
    "due_date": DUE_DATE,
    "third_party": THIRD_PARTY,
    "text": TEXT,  # the subject or the markdown
    # not a payload plainly_valid vouches for: a check that reports only what IO's schema refuses
    # (a missing field, a wrong type, a length, a malformed value) finds nothing without it
    "irregular": IRREGULAR,
    # markdown with front matter, a --- line or a character that starts markup
    # (rendering.may_report): the markdown and CTA rules find nothing in a body without it
    "markup": MARKUP,
}


class _once:
    """``functools.cached_property`` without its lock (Python 3.11 takes one on every first use,
    which a view pays for each payload): a view is read by one thread, and the value is computed
    once, then found in the instance's ``__dict__``."""

    def __init__(self, fn):
        self.fn, self.name, self.__doc__ = fn, fn.__name__, fn.__doc__

    def __get__(self, view, owner=None):
        if view is None:
            return self
        value = view.__dict__[self.name] = self.fn(view)
        return value


def needs_mask(needs) -> int:
    """The shape bits a check needs, from the names of its parts."""
    mask = 0
    for name in needs:
        mask |= PARTS[name]
    return mask


class PayloadView:
    """A decoded payload (any JSON value, usually a dict) and what the rules derive from it."""

    def __init__(self, data: object):
        self.data = data
        self.is_dict = isinstance(data, dict)
        content = data.get("content") if type(data) is dict else None
        if type(content) is not dict:
            content = _EMPTY
        self.content = content
        subject, markdown = content.get("subject"), content.get("markdown")
        self.subject: str | None = subject if type(subject) is str else None
        self.markdown: str | None = markdown if type(markdown) is str else None
        payment, third_party = content.get("payment_data"), content.get("third_party_data")
        self.payment: dict | None = payment if isinstance(payment, dict) else None
        self.third_party: dict | None = third_party if isinstance(third_party, dict) else None
        self.due_date = content.get("due_date")
        shape = 0
        texts = ()
        if self.subject:
            shape |= SUBJECT | TEXT
            texts = (("content.subject", self.subject),)
        if self.markdown:
            shape |= MARKDOWN | TEXT
            texts += (("content.markdown", self.markdown),)
            if rendering.may_report(self.markdown):
                shape |= MARKUP
        self._texts = texts
        if self.payment is not None:
            shape |= PAYMENT
        if self.due_date is not None:
            shape |= DUE_DATE
        if self.third_party is not None:
            shape |= THIRD_PARTY
        if not plainly_valid(data):  # most payloads are plainly valid: the schema's checks are not called
            shape |= IRREGULAR
        self.shape = shape
        self._zeroed: dict[str, bytes] = {}
        self._answers: dict[str, dict] = {}

    def texts(self) -> tuple[tuple[str, str], ...]:
        """(field, text) of the subject and the markdown, those that are non-empty text."""
        return self._texts

    def zeroed(self, text: str) -> bytes:
        """``iolint.italian.zeroed(text)``, once per text of the payload: the memo key the checks
        share for what is found in a text whatever its digits."""
        found = self._zeroed.get(text)
        if found is None:
            found = self._zeroed[text] = italian.zeroed(text)
        return found

    def found(self, text: str, finder):
        """``finder(text)``, for a finder whose answer is the same for every text that differs from
        ``text`` only in ASCII digits (its patterns treat every digit alike, and its answer holds
        none of them): it runs once on the text with its digits made 0, and the payloads of a
        batch whose texts differ only in amounts, dates and numbers read its answer with one
        look-up for all their finders (tests/checks/test_zeroed.py)."""
        answers = self._answers.get(text)
        if answers is None:
            answers = self._answers[text] = memo.answers(self.zeroed(text))
        found = answers.get(finder, _MISS)
        if found is _MISS:
            found = answers[finder] = finder(answers[memo.TEXT])
        return found

    @_once
    def body(self) -> tuple[str, int] | None:
        """The markdown the app renders (front matter left out) and its offset in the field; None
        without markdown text."""
        text = self.markdown
        if text is None:
            return None
        if text.startswith(("---", "\ufeff", "= yaml =")):
            _, body, at = split_front_matter(text)
            return body, at
        return text, 0

    @_once
    def analysis(self):
        """The markdown's analysis (``iolint.rendering.Analysis``: markdown and CTA issues, button
        labels), for the markdown and CTA rules; None without markdown text."""
        return rendering.analysis(self.markdown) if self.markdown else None

    @_once
    def markdown_amounts(self) -> list:
        """The euro amounts the whole markdown states (``iolint.italian.Amount``)."""
        return italian.amounts(self.markdown, self.zeroed(self.markdown)) if self.markdown else []

    @_once
    def body_amounts(self) -> list:
        """The euro amounts the body states, at offsets of the body."""
        body = self.body
        if not body or not body[0]:
            return []
        if body[1] == 0:
            return self.markdown_amounts
        return italian.amounts(body[0], self.zeroed(body[0]))

    @_once
    def due(self):
        """The due date as a datetime (naive without a zone), or None when it is not one IO accepts."""
        value = self.due_date
        return parse_timestamp(value)[0] if type(value) is str else None

    @_once
    def due_day(self):
        """The due date's day in Rome (its own day when it has no zone), or None when it is not
        one IO accepts."""
        return _day_in_rome(self.due_date) if self.due is not None else None

    @_once
    def schema_errors(self) -> list[dict]:
        """pydantic's errors against IO's NewMessage, for all the structure rules."""
        if not self.shape & IRREGULAR:  # most payloads: no import of pydantic's names to pay for
            return []
        from pydantic import ValidationError

        from iolint.message import NewMessage

        try:
            NewMessage.model_validate(self.data)
        except ValidationError as exc:
            return exc.errors(include_url=False, include_input=True, include_context=False)
        return []

    @_once
    def content_digest(self) -> int:
        """A 64-bit hash of the content, what the batch rules count."""
        return digest(self.content)


@memo.short_texts(1024)  # by the due date's text: a batch's payloads share one or a few
def _day_in_rome(value: str):
    due = parse_timestamp(value)[0]
    return (due.astimezone(ROME) if due.tzinfo else due).date()


# One encoder for every digest: json.dumps with options builds a new one per call (a quarter of
# a digest's time on a batch's contents).
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, default=str)


def digest(*parts: object) -> int:
    """A 64-bit hash of JSON values."""
    text = _CANONICAL.encode(parts)
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")
