"""Personal data in Italian IO message titles and bodies.

``Detector`` holds one caller's settings (an allow list, a team's presidio recognizers, whether
values are shown) and its memo; ``Detector.detect(text)`` is what the privacy rules ask
(``iolint.pii.detector`` says how it runs). ``mask(value, show=False)`` is a pure function.

``detect``, ``configure``, ``show_values`` and ``mask(value)`` without ``show`` are thin
wrappers over a default Detector, for the callers that do not hold one of their own yet.
Importing this package is light: the finders, the name data and presidio load on first use.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable

from iolint.pii import masking
from iolint.pii.detector import Detection, Detector, load_recognizer

__all__ = ["Detection", "Detector", "configure", "default_detector", "detect", "load_recognizer", "mask", "show_values"]

# Before presidio is imported, by iolint or by the program that uses it: tldextract (under
# presidio's EmailRecognizer) would fetch the Public Suffix List on first use.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

_lock = threading.Lock()
_default = Detector()


def default_detector() -> Detector:
    """The Detector that ``detect``, ``configure``, ``show_values`` and ``mask`` act on."""
    return _default


def detect(text: str, entities: Iterable[str] | None = None) -> tuple[Detection, ...]:
    """``default_detector().detect(text, entities)``."""
    return _default.detect(text, entities)


def configure(*, allow: Iterable[str] = (), recognizers: Iterable[object] = ()) -> None:
    """Replace the default Detector by one with these settings (and an empty memo), keeping
    whether values are shown. See ``Detector`` for ``allow`` and ``recognizers``."""
    global _default
    detector = Detector(allow=allow, recognizers=recognizers, show_values=_default.show_values)
    with _lock:
        _default = detector


def show_values(enabled: bool) -> None:
    """Let ``mask`` without ``show`` return values unmasked (the CLI's --show-values)."""
    _default.show_values = bool(enabled)


def mask(value: str, *, show: bool | None = None) -> str:
    """``value`` masked ("RSS*********562S", "M**** R****", "m****@c****.it"): pure with ``show``
    given; without it, as the default Detector shows values (``show_values``)."""
    return masking.mask(value, show=_default.show_values if show is None else show)
