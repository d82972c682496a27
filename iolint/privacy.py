"""The one door into ``iolint.pii`` for the rest of iolint: detecting personal data, masking it,
finding it in iolint's own words.

A ``Privacy`` belongs to a run (``iolint.context.Context.privacy``): the configuration's allow-list
and team recognizers, and whether values are shown (``--show-values``). Checks detect through it,
the gate masks findings through it, outputs mask excerpts through it. ``redact`` and ``DEFAULT``
serve what is said outside a run (error messages): always masked, with iolint's own settings.

Finding personal data in iolint's own words (an unknown key quoted by a finding, a source line
under it) uses the pure-Python detectors behind ``iolint.pii.detect`` (presidio would cost a run
that only reports findings most of its time; no allow-list, so this may mask more than the privacy
rules report, never less), plus anything shaped like a codice fiscale (a mistyped one is still
someone's).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import cache, lru_cache

_lock = threading.Lock()
_active: tuple = ((), ())  # the settings iolint.pii holds: it is configured process-wide


class Privacy:
    def __init__(self, allow: Iterable[str] = (), recognizers: Iterable[str] = (), *, show_values: bool = False):
        self.settings = (tuple(allow), tuple(recognizers))
        self.show_values = show_values

    @classmethod
    def of(cls, config, *, show_values: bool = False) -> Privacy:
        return cls(config.pii.allow, config.pii.recognizers, show_values=show_values)

    def activate(self) -> None:
        """Give ``iolint.pii`` this run's settings (a team recognizer that cannot be loaded is a
        config error); ``detect`` does it when another run's settings are active."""
        global _active
        from iolint import pii
        from iolint.config import ConfigError

        with _lock:
            try:
                pii.configure(allow=self.settings[0], recognizers=self.settings[1])
            except (ImportError, AttributeError, TypeError, ValueError) as exc:
                raise ConfigError(f"[tool.iolint.pii] recognizers: {exc}") from None
            _active = self.settings

    def detect(self, text: str, entities: Iterable[str] | None = None) -> tuple:
        """Personal data in ``text`` (``iolint.pii.Detection``s), only of ``entities`` if given."""
        if self.settings != _active:
            self.activate()
        return _pii().detect(text, entities)

    def mask(self, value: str) -> str:
        """The masked form of a detected value ("M**** R****"), or the value with ``show_values``."""
        if self.show_values:
            return value
        return _pii().mask(value)

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


def forget() -> None:
    """Forget what detection memoized, in every run (a benchmark's pass starts cold)."""
    _pii()._detect.cache_clear()


@cache
def _pii():
    """``iolint.pii``, imported on first use (it is light, presidio is not imported with it)."""
    import iolint.pii

    return iolint.pii


@cache
def body_entities() -> frozenset[str]:
    """What a body is checked for: special categories and full identifiers, nothing else."""
    from iolint.pii.kinds import KINDS

    return frozenset(name for name, kind in KINDS.items() if kind.special or kind.identifier)


@lru_cache(maxsize=4096)
def spans(text: str, *, touching: bool = False) -> tuple[tuple[int, int], ...]:
    """(start, end) of every personal-data value in ``text``, sorted, overlapping ones merged (and
    ``touching`` ones too)."""
    from iolint.pii.codes import FISCAL_CODE
    from iolint.pii.detectors import find_all

    found = sorted([(hit.start, hit.end) for hit in find_all(text)] + [m.span() for m in FISCAL_CODE.finditer(text)])
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and (start < merged[-1][1] or (touching and start == merged[-1][1])):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


class _Default(Privacy):
    """Masked, with iolint's own settings, and never the one that configures ``iolint.pii``."""

    def __init__(self):
        self.settings = ((), ())
        self.show_values = False


DEFAULT = _Default()


def redact(text: str) -> str:
    """``text`` masked, for what iolint says outside a run (an error message)."""
    return DEFAULT.redact(text)
