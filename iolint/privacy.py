"""The one door into ``iolint.pii`` for the rest of iolint: detecting personal data, masking it,
finding it in iolint's own words.

A ``Privacy`` belongs to a run (``iolint.context.Context.privacy``): the configuration's allow-list
and team recognizers, and whether values are shown (``--show-values``). Checks detect through it,
the gate masks findings through it, outputs mask excerpts through it. ``redact`` and ``DEFAULT``
serve what is said outside a run (error messages): always masked, with iolint's own settings.

Finding personal data in iolint's own words (an unknown key quoted by a finding, a source line
under it) uses the pure-Python finders behind ``iolint.pii.Detector`` (presidio would cost a run
that only reports findings most of its time; no allow-list, so this may mask more than the privacy
rules report, never less), plus anything shaped like a codice fiscale (a mistyped one is still
someone's).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, cached_property

from iolint import memo


class Privacy:
    """A run's detection and masking: an ``iolint.pii.Detector`` of its own (its settings and
    memo belong to the run, nothing is configured process-wide) and whether values are shown.
    The Detector is made on first use (``of`` makes it at once, so that a team recognizer that
    cannot be loaded is a config error where the run starts)."""

    def __init__(self, allow: Iterable[str] = (), recognizers: Iterable[str] = (), *, show_values: bool = False):
        self.settings = (tuple(allow), tuple(recognizers))
        self.show_values = bool(show_values)

    @cached_property
    def detector(self):
        from iolint.config import ConfigError
        from iolint.pii import Detector

        allow, recognizers = self.settings
        try:
            return Detector(allow=allow, recognizers=recognizers, show_values=self.show_values)
        except (ImportError, AttributeError, TypeError, ValueError) as exc:
            raise ConfigError(f"[tool.iolint.pii] recognizers: {exc}") from None

    @classmethod
    def of(cls, config, *, show_values: bool = False) -> Privacy:
        """The configuration's allow-list and team recognizers (one that cannot be loaded is a
        config error, raised here) and ``--show-values``."""
        privacy = cls(config.pii.allow, config.pii.recognizers, show_values=show_values)
        privacy.detector  # noqa: B018 (made now: a recognizer that cannot be loaded fails here)
        return privacy

    def detect(self, text: str, entities: Iterable[str] | None = None) -> tuple:
        """Personal data in ``text`` (``iolint.pii.Detection``s), only of ``entities`` if given."""
        return self.detector.detect(text, entities)

    def mask(self, value: str) -> str:
        """The masked form of a detected value ("M**** R****"), or the value with ``show_values``."""
        from iolint.pii.masking import mask

        return mask(value, show=self.show_values)

    def forget(self) -> None:
        """Forget what detection memoized (a benchmark's pass starts cold)."""
        self.detector.clear()

    def redact(self, text: str) -> str:
        """``text`` with each personal-data value found in it replaced by its masked form."""
        if not text:
            return text
        found = spans(text)
        if not found:
            return text
        out, last = [], 0
        for start, end in found:
            out += [text[last:start], self.mask(text[start:end])]
            last = end
        out.append(text[last:])
        return "".join(out)


@cache
def body_entities() -> frozenset[str]:
    """What a body is checked for: special categories and full identifiers, nothing else."""
    from iolint.pii.kinds import KINDS

    return frozenset(name for name, kind in KINDS.items() if kind.special or kind.identifier)


@memo.short_texts(4096)
def spans(text: str, *, touching: bool = False) -> tuple[tuple[int, int], ...]:
    """(start, end) of every personal-data value in ``text``, sorted, overlapping ones merged (and
    ``touching`` ones too)."""
    from iolint.pii.codes import FISCAL_CODE
    from iolint.pii.finders import find_all

    found = sorted([(hit.start, hit.end) for hit in find_all(text)] + [m.span() for m in FISCAL_CODE.finditer(text)])
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and (start < merged[-1][1] or (touching and start == merged[-1][1])):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


DEFAULT = Privacy()  # masked, with iolint's own settings: for what is said outside a run


def redact(text: str) -> str:
    """``text`` masked, for what iolint says outside a run (an error message)."""
    return DEFAULT.redact(text)
