"""Personal data in Italian IO message titles and bodies.

``detect(text)`` is the linter's entry point. How it runs, fastest path first:

1. Memo: results are memoized per unique text (bounded LRU), so a title repeated across a
   batch of messages is analysed once.
2. Normalisation (``iolint.pii.normalise``): unusual spaces, zero-width characters, soft
   hyphens, full-width forms and stray combining marks are undone for detection; detections
   are mapped back to the original text's positions.
3. Pre-filter (``iolint.pii.detectors.candidates``): each detector's cheap necessary condition
   (candidate regex, odonym or cue substrings, lexicon stem, the name rules' own quick test);
   detectors that need a digit are skipped for a text without one. A text that no
   detector may match ("Hai un nuovo avviso di pagamento") is answered here, without importing
   presidio or spaCy.
4. Presidio, imported on first need. With no team recognizers configured, iolint calls its
   own presidio recognizers (``iolint.pii.recognizers``) directly, only those the pre-filter
   named. With team recognizers configured, every text goes through an offline AnalyzerEngine
   built once with iolint's recognizers and the team's (the pre-filter cannot speak for a
   team's recognizers).

Why call the recognizers directly rather than through an AnalyzerEngine when no team
recognizer needs one: the engine's per-call work (tokenisation, context enhancement,
de-duplication, running every recognizer on every text) costs more than the detectors
themselves; bench/bench_pii.py measures both (the direct calls about four times the engine's
titles/s in its latest run). Both paths give the same detections (tests/pii/test_recognizers.py
checks it on every development title).
"""

from __future__ import annotations

import importlib
import os
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from iolint.pii.hits import REPORT, Hit
from iolint.pii.kinds import kind_of
from iolint.pii.masking import mask as _mask

__all__ = ["Detection", "configure", "detect", "load_recognizer", "mask", "show_values"]

# Before presidio is imported, by iolint or by the program that uses it: tldextract (under
# presidio's EmailRecognizer) would fetch the Public Suffix List on first use.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

MEMO_SIZE = 4096


@dataclass(frozen=True, slots=True)
class Detection:
    kind: str  # entity name, e.g. "IT_FISCAL_CODE"
    label: str  # human label, e.g. "codice fiscale", "person name", "health data"
    start: int  # offsets in the analysed text
    end: int
    score: float
    special: bool  # GDPR art. 9/10 categories
    identifier: bool  # full identifiers: codice fiscale, IBAN, identity-document numbers


@dataclass(frozen=True)
class _Settings:
    allow: tuple[str, ...] = ()
    allow_pattern: re.Pattern[str] | None = None
    recognizers: tuple[object, ...] = ()


_settings = _Settings()
_lock = threading.Lock()
_show_values = False


def detect(text: str, entities: Iterable[str] | None = None) -> tuple[Detection, ...]:
    """Personal data found in ``text``, ordered by position; only of ``entities`` if given
    (a body is checked for fewer kinds than a title, and skipping the others is faster)."""
    if not text:
        return ()
    return _detect(text, None if entities is None else frozenset(entities))


@lru_cache(maxsize=MEMO_SIZE)
def _detect(text: str, entities: frozenset[str] | None) -> tuple[Detection, ...]:
    from iolint.pii.normalise import normalise

    settings = _settings
    normal = normalise(text)  # copy-paste and obfuscation undone; spans are mapped back below
    seen = normal.text
    if settings.recognizers:
        hits = [
            Hit(r.entity_type, r.start, r.end, r.score)
            for r in _engine(settings.recognizers).analyze(text=seen, language="it")
            if entities is None or r.entity_type in entities
        ]
    else:
        from iolint.pii.detectors import candidates

        hits = [
            hit
            for d in candidates(seen, entities)
            for hit in d.find(seen)
            if entities is None or hit.kind in entities
        ]
    if not hits:
        return ()
    detections = _merge(seen, [h for h in hits if h.score >= REPORT])
    kept = [d for d in detections if not _allowed(seen, d, settings)]
    if normal.starts is None:
        return tuple(kept)
    return tuple(_replace(d, *normal.span(d.start, d.end)) for d in kept)


def _replace(d: Detection, start: int, end: int) -> Detection:
    return Detection(d.kind, d.label, start, end, d.score, d.special, d.identifier)


def _merge(text: str, hits: list[Hit]) -> list[Detection]:
    """Detections in text order; overlapping hits of one kind become one detection."""
    merged: list[Detection] = []
    last_of_kind: dict[str, int] = {}  # kind -> index in merged of its latest (furthest) span
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        start, end = max(0, h.start), min(h.end, len(text))
        i = last_of_kind.get(h.kind)
        if i is not None and start < merged[i].end:
            d = merged[i]
            merged[i] = Detection(
                d.kind, d.label, d.start, max(d.end, end), max(d.score, h.score), d.special, d.identifier
            )
            continue
        kind = kind_of(h.kind)
        last_of_kind[h.kind] = len(merged)
        merged.append(Detection(h.kind, kind.label, start, end, h.score, kind.special, kind.identifier))
    return merged


def _allowed(text: str, d: Detection, settings: _Settings) -> bool:
    if settings.allow_pattern is None:
        return False
    if text[d.start : d.end].casefold() in settings.allow:
        return True
    return any(m.start() <= d.start and d.end <= m.end() for m in settings.allow_pattern.finditer(text))


@lru_cache(maxsize=1)
def _engine(team_recognizers: tuple[object, ...]):
    from iolint.pii.recognizers import build_analyzer

    return build_analyzer(extra_recognizers=team_recognizers)


def configure(*, allow: Iterable[str] = (), recognizers: Iterable[object] = ()) -> None:
    """Set the terms never reported and the team's extra presidio recognizers; clears the memo.

    ``allow``: an ente's own names ("Comune di Rossi", "Ufficio Tributi Ferrari"), matched
    case-insensitively against a detected value and as phrases of the text: a detection inside
    an allowed phrase is dropped. ``recognizers``: presidio EntityRecognizer instances
    registered for "it", or "module:attr" strings (see ``load_recognizer``).
    """
    global _settings
    terms = tuple(dict.fromkeys(t.casefold() for t in allow if t.strip()))
    pattern = (
        re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
        if terms
        else None
    )
    extra: list[object] = []
    for r in recognizers:
        extra.extend(load_recognizer(r) if isinstance(r, str) else [r])
    with _lock:
        _settings = _Settings(terms, pattern, tuple(extra))
        _detect.cache_clear()
        _engine.cache_clear()


def load_recognizer(spec: str) -> list:
    """Import "package.module:attr" and return presidio recognizer instances.

    ``attr`` may be a recognizer instance, a recognizer class (instantiated without
    arguments), a list or tuple of instances, or a function returning either.
    """
    from presidio_analyzer import EntityRecognizer

    module_name, sep, attr = spec.partition(":")
    if not sep or not module_name or not attr:
        raise ValueError(f"recognizer spec must be 'module:attribute', got {spec!r}")
    obj: object = importlib.import_module(module_name)
    for part in attr.split("."):
        obj = getattr(obj, part)
    if isinstance(obj, type) and issubclass(obj, EntityRecognizer):
        obj = obj()
    elif callable(obj) and not isinstance(obj, EntityRecognizer):
        obj = obj()
    found = list(obj) if isinstance(obj, (list, tuple)) else [obj]
    for r in found:
        if not isinstance(r, EntityRecognizer):
            raise TypeError(f"{spec!r} gave {type(r).__name__}, not a presidio EntityRecognizer")
    return found


def mask(value: str) -> str:
    """A masked form that never shows ``value`` in full: "RSSMRA85T10A562S" -> "RSS*********562S",
    "Mario Rossi" -> "M**** R****", "mario@comune.it" -> "m****@c****.it". Deterministic.
    After ``show_values(True)`` (the CLI's --show-values) the value is returned as it is."""
    return value if _show_values else _mask(value)


def show_values(enabled: bool) -> None:
    """Let ``mask`` return values unmasked (an explicit opt-in for local debugging)."""
    global _show_values
    _show_values = bool(enabled)
