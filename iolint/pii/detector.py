"""``Detector``: personal-data detection with its own settings and memo, for one run or one caller.

How ``Detector.detect`` runs, fastest path first:

1. Memo: results are memoized per unique text of up to 10,000 characters (bounded LRU, per
   detector), so a title repeated across a batch of messages is analysed once; and what does
   not read the values of a text's digits, per text with its digits made 0 (``alike``), so a
   body of a batch send with other amounts and dates runs only the finders that read them.
2. Normalisation (``iolint.pii.normalise``): unusual spaces, zero-width characters, soft
   hyphens, full-width forms and stray combining marks are undone for detection; detections
   are mapped back to the original text's positions. (A text alike to one already analysed
   but for its digits needs none if that one needed none: ``alike.scan``.)
3. Pre-filter (``iolint.pii.finders.candidates``): a digit test and one pass of an
   Aho-Corasick automaton for every finder's cue words, then each finder's own cheap test. A
   text no finder may match ("Hai un nuovo avviso di pagamento") is answered here.
4. The finders the pre-filter named run directly: pure Python, no presidio. Only when a team
   configured recognizers of its own does every text go through an offline presidio
   AnalyzerEngine built once with iolint's recognizers and the team's (the pre-filter cannot
   speak for a team's recognizers). Both paths give the same detections (tested).
5. Allow list: a detection equal to an allowed term, or inside an allowed phrase, is dropped.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from iolint.pii.hits import REPORT, Hit
from iolint.pii.kinds import kind_of
from iolint.pii.masking import mask

MEMO_SIZE = 4096
MEMO_MAX_CHARS = 10_000  # IO's limit for a body (IO111)


@dataclass(frozen=True, slots=True)
class Detection:
    kind: str  # entity name, e.g. "IT_FISCAL_CODE"
    label: str  # human label, e.g. "codice fiscale", "person name", "health data"
    start: int  # offsets in the analysed text
    end: int
    score: float
    special: bool  # GDPR art. 9/10 categories
    identifier: bool  # full identifiers: codice fiscale, IBAN, identity-document numbers


class Detector:
    """Detection with its settings and its memo.

    ``allow``: an ente's own names ("Comune di Rossi", "Ufficio Tributi Ferrari"), matched
    case-insensitively against a detected value and as phrases of the text: a detection inside
    an allowed phrase is dropped. ``recognizers``: a team's presidio EntityRecognizer instances
    registered for "it", or "module:attr" strings (``load_recognizer``). ``show_values``: what
    ``mask`` returns (an explicit opt-in for local debugging: the CLI's --show-values).
    """

    def __init__(
        self,
        *,
        allow: Iterable[str] = (),
        recognizers: Iterable[object] = (),
        show_values: bool = False,
        memo_size: int = MEMO_SIZE,
    ):
        self.allow = tuple(dict.fromkeys(t.casefold() for t in allow if t.strip()))
        self._allow_pattern = (
            re.compile("|".join(re.escape(t) for t in sorted(self.allow, key=len, reverse=True)), re.IGNORECASE)
            if self.allow
            else None
        )
        team: list[object] = []
        for r in recognizers:
            team.extend(load_recognizer(r) if isinstance(r, str) else [r])
        self.recognizers = tuple(team)
        self.show_values = bool(show_values)
        self._engine = None
        self._memo = lru_cache(maxsize=memo_size)(self._analyse)
        self._shapes = None  # what texts alike but for their digits share (``alike.Shapes``)
        self._memo_size = memo_size

    def detect(self, text: str, entities: Iterable[str] | None = None) -> tuple[Detection, ...]:
        """Personal data found in ``text``, ordered by position; only of ``entities`` if given
        (a body is checked for fewer kinds than a title, and skipping the others is faster)."""
        if not text:
            return ()
        kinds = None if entities is None else frozenset(entities)
        # A text longer than any body IO accepts is not kept: 4,096 of them could hold gigabytes.
        return self._memo(text, kinds) if len(text) <= MEMO_MAX_CHARS else self._analyse(text, kinds)

    def mask(self, value: str) -> str:
        """``value`` as this detector's output shows it: masked, unless ``show_values``."""
        return mask(value, show=self.show_values)

    def clear(self) -> None:
        """Forget the memo (for benchmarks and tests that time or count first analyses)."""
        self._memo.cache_clear()
        self._shapes = None

    def _analyse(self, text: str, entities: frozenset[str] | None) -> tuple[Detection, ...]:
        if _finders is None:
            _load()
        # Copy-paste and obfuscation undone (plain ASCII needs nothing); spans are mapped back below.
        if not self.recognizers and len(text) <= MEMO_MAX_CHARS:  # (``alike.scan`` normalises)
            self._shapes = self._shapes or _alike.Shapes(self._memo_size)
            normal, hits = _alike.scan(text, entities, self._shapes)
        else:
            normal = None if text.isascii() else _normalise(text)
        seen = text if normal is None else normal.text
        if self.recognizers:
            hits = [
                Hit(r.entity_type, r.start, r.end, r.score)
                for r in self._analyzer().analyze(text=seen, language="it")
                if entities is None or r.entity_type in entities
            ]
        elif len(text) > MEMO_MAX_CHARS:
            hits = _finders.scan(seen, entities)
        if entities is not None and not self.recognizers:
            hits = [hit for hit in hits if hit.kind in entities]
        if not hits:
            return ()
        kept = _merge(seen, [h for h in hits if h.score >= REPORT])
        if self._allow_pattern is not None:
            kept = [d for d in kept if not self._allowed(seen, d)]
        if normal is None or normal.starts is None:
            return tuple(kept)
        return tuple(_moved(d, *normal.span(d.start, d.end)) for d in kept)

    def _allowed(self, text: str, d: Detection) -> bool:
        if text[d.start : d.end].casefold() in self.allow:
            return True
        return any(m.start() <= d.start and d.end <= m.end() for m in self._allow_pattern.finditer(text))

    def _analyzer(self):
        if self._engine is None:
            from iolint.pii.recognizers import build_analyzer

            self._engine = build_analyzer(extra_recognizers=self.recognizers)
        return self._engine


_finders = _alike = _normalise = None  # iolint.pii.finders, alike and normalise, imported on first use


def _load() -> None:
    global _finders, _alike, _normalise
    from iolint.pii import alike, finders
    from iolint.pii.normalise import normalise

    _finders, _alike, _normalise = finders, alike, normalise


def _moved(d: Detection, start: int, end: int) -> Detection:
    return Detection(d.kind, d.label, start, end, d.score, d.special, d.identifier)


def _merge(text: str, hits: list[Hit]) -> list[Detection]:
    """Detections in text order; overlapping hits of one kind become one detection."""
    if len(hits) == 1:  # most texts with a finding: nothing to order or merge
        h = hits[0]
        k = kind_of(h.kind)
        return [Detection(h.kind, k.label, max(0, h.start), min(h.end, len(text)), h.score, k.special, k.identifier)]
    merged: list[list] = []  # [kind, start, end, score]
    last_of_kind: dict[str, list] = {}  # kind -> its latest (furthest) span in merged
    for h in sorted(hits, key=_order) if len(hits) > 1 else hits:
        start, end = max(0, h.start), min(h.end, len(text))
        last = last_of_kind.get(h.kind)
        if last is not None and start < last[2]:
            last[2], last[3] = max(last[2], end), max(last[3], h.score)
            continue
        last_of_kind[h.kind] = span = [h.kind, start, end, h.score]
        merged.append(span)
    found = []
    for kind, start, end, score in merged:
        k = kind_of(kind)
        found.append(Detection(kind, k.label, start, end, score, k.special, k.identifier))
    return found


def _order(h: Hit) -> tuple[int, int]:
    return h.start, -h.end


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
