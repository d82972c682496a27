"""Texts alike but for the values of their digits (the bodies of a batch send: one template,
other amounts, dates and notice numbers) share what does not read those values.

Each finder says (``finders.Finder``: ``blind_maybe``, ``blind_hits``, ``digit_words``,
``blind_if``) whether its pre-filter test, and its hits, see where digits stand but never which
they are. ``shape`` keeps, for a text with every ASCII digit made 0, its view, those finders'
pre-filter answers and the blind finders' hits; ``scan`` then runs only the finders that read
digits' values, on the text itself, on a view made from the kept one (``View.alike``), or none
when the shape's answers are all kept (``Shape.settled``). ``Shapes`` is a detector's memo of
shapes. tests/pii/test_alike_digits.py compares this with normalising and scanning afresh.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from functools import lru_cache
from typing import NamedTuple

from iolint.pii import finders
from iolint.pii.finders import Finder
from iolint.pii.hits import Hit, lower_same_length
from iolint.pii.normalise import Normalised, normalise
from iolint.pii.special import special_in
from iolint.pii.view import View

SHAPES_MAX_BYTES = 2_000_000  # of the texts whose shapes a detector keeps (about 10,000 bodies)


def scan(text: str, entities: frozenset[str] | None, shapes: Shapes) -> tuple[Normalised | None, list[Hit]]:
    """``text`` normalised for detection (None: as it is) and ``finders.scan`` of that, with what
    a text alike has left in ``shapes``.

    Normalisation reads no ASCII digit's value either (NFKC keeps them, and what it drops or
    joins around one it does around any), and a text of ``shapes`` is already normalised: a text
    whose digits made 0 give one of them needs no normalisation, so is not asked again."""
    raw = text.encode("utf-8", "surrogatepass")
    zeroed = raw.translate(_ZEROED)
    normal = None
    if not (text.isascii() or (zeroed, entities) in shapes):
        found = normalise(text)
        if found.starts is not None:
            normal, text = found, found.text
            raw = text.encode("utf-8", "surrogatepass")
            zeroed = raw.translate(_ZEROED)
    if zeroed == raw:  # no digit but 0: nothing to share that the detector's memo does not
        return normal, finders.scan(text, entities)
    return normal, _alike(text, entities, shapes(zeroed, entities))


_ZEROED = bytes.maketrans(b"123456789", b"000000000")  # (UTF-8: no other character holds these bytes)
_ZEROED_TEXT = str.maketrans("123456789", "000000000")
_ASCII_DIGIT = re.compile("[0-9]")


class Shape(NamedTuple):
    """What ``scan`` needs of every text whose ASCII digits, made 0, give ``view.text``."""

    view: View
    # the automaton's stems with a digit that may occur in such a text (their digits made 0 occur
    # in ``view.text``), or None if one occurs in ``view.text`` itself (``View.alike``)
    digit_stems: tuple[str, ...] | None
    # per finder of the pre-filter's answer: (finder, its cue bit, whether it passes the
    # pre-filter (None: ask its ``maybe`` of each text), its hits (None: run it on each text),
    # whether both hold only for a text in which none of ``digit_stems`` occurs (``blind_if``))
    plan: tuple[tuple[Finder, int, bool | None, tuple[Hit, ...] | None, bool], ...]
    # when every answer of ``plan`` is kept: the hits of a text alike in which none of the words
    # that would change an answer occurs (the finders' digit words, and ``digit_stems`` where an
    # answer needs them absent; only those whose digits made 0 occur in ``view.text``), found
    # without a view or a look at each finder (a batch's bodies); else None
    settled: tuple[Hit, ...] | None
    watch: tuple[str, ...]  # those words without letters: looked for in the text as it is
    watch_low: tuple[str, ...]  # and with letters: in its lower case


def shape(zeroed: bytes, entities: frozenset[str] | None = None) -> Shape | None:
    """The view of the text ``zeroed`` (UTF-8) for the finders of ``entities``, each finder's
    pre-filter answer where it reads no digit's value (``blind_maybe``), and its hits where they
    do not either (``blind_hits``; both where ``blind_if`` says so of this text, for the texts
    alike that hold no stem with a digit); None when a cue word holds a digit (then no text is
    alike)."""
    digit_stems = _digit_stems(entities)
    if digit_stems is None:
        return None
    v = finders.view(zeroed.decode("utf-8", "surrogatepass"), entities)
    if any(stem in v.low for stem in digit_stems):
        digit_stems = None
    else:
        digit_stems = tuple(stem for stem in digit_stems if stem.translate(_ZEROED_TEXT) in v.low)
    cued = v.cued
    plan = []
    for d, bit, needed, maybe in finders._PLAN[v.digits]:
        if (needed and not cued & needed) or (entities is not None and entities.isdisjoint(d.entities)):
            continue  # (the digit test and the cue words read no digit's value)
        own = bool(d.digit_words) and any(word in v.low for word in d.digit_words)
        blind = d.blind_if is not None and digit_stems is not None and d.blind_if(v)
        unless_digit_stem = blind and bool(digit_stems)
        if maybe is None:
            passes = True
        elif (d.blind_maybe or blind) and not own:
            passes = maybe(v, bool(cued & bit))
        else:
            passes = None  # asked of each text
        if passes is False and not d.digit_words and not unless_digit_stem:
            continue  # (one with digit words or stems stays: a text that holds one asks again)
        hits = None
        if passes and (d.blind_hits or blind) and not own:
            hits = tuple(d.scan(v) if d.scan is not None else d.find(v.text))
        plan.append((d, bit, passes, hits, unless_digit_stem))
    settled = None
    if all(passes is False or hits is not None for _, _, passes, hits, _ in plan):
        settled = tuple(hit for _, _, passes, hits, _ in plan if passes for hit in hits)
    watch = {word for d, *_ in plan for word in d.digit_words if word.translate(_ZEROED_TEXT) in v.low}
    if any(entry[4] for entry in plan):
        watch.update(digit_stems)
    caseless = {word for word in watch if word.lower() == word.upper()}
    return Shape(v, digit_stems, tuple(plan), settled, tuple(sorted(caseless)), tuple(sorted(watch - caseless)))


def _alike(text: str, entities: frozenset[str] | None, known: Shape | None) -> list[Hit]:
    """``finders.scan(text, entities)``, given the shape of the text with its digits made 0."""
    if known is None:
        return finders.scan(text, entities)
    model, digit_stems, plan, settled, watch, watch_low = known
    if settled is not None and not any(word in text for word in watch):
        if not watch_low:
            return list(settled)
        low = text.lower()
        if len(low) != len(text):
            low = lower_same_length(text)
        if not any(word in low for word in watch_low):
            return list(settled)
    v = None  # the view of ``text``, made when a finder reads it
    hits: list[Hit] = []
    for d, bit, passes, found, unless_digit_stem in plan:
        if d.digit_words or unless_digit_stem:
            v = v or View.alike(model, text, finders._index(entities), digit_stems)
            # (a view scanned anew, not the model's stems: a stem with a digit occurs in this text)
            if (unless_digit_stem and v.stems is not model.stems) or any(word in v.low for word in d.digit_words):
                passes, found = (None if d.maybe is not None else True), None
        if passes is None:
            v = v or View.alike(model, text, finders._index(entities), digit_stems)
            passes = d.maybe(v, bool(v.cued & bit))
        if not passes:
            continue
        if found is None:
            v = v or View.alike(model, text, finders._index(entities), digit_stems)
            found = d.scan(v) if d.scan is not None else d.find(text)
        hits += found
    return hits


@lru_cache(maxsize=8)
def _digit_stems(entities: frozenset[str] | None) -> tuple[str, ...] | None:
    """The stems of ``finders._index(entities)`` that hold an ASCII digit (the lexicon's "l. 104"), or
    None if a finder's cue word does (its cue bit would then read a digit's value)."""
    used = [d for d in finders.FINDERS if entities is None or not entities.isdisjoint(d.entities)]
    if any(_ASCII_DIGIT.search(cue.stem) for d in used for cue in d.cues):
        return None
    lexicon = finders._lexicon() if any(d.scan is special_in for d in used) else {}
    return tuple(stem for stem in lexicon if _ASCII_DIGIT.search(stem))


class Shapes(OrderedDict):
    """``shape`` memoized for one detector, per text with its digits made 0 and kinds
    (bounded, least recently used out first): made the second time such a text is met, so a text
    met once (most titles) costs a look-up and is remembered by its hash only, and the bodies of
    a batch share one per template."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size
        self.held = 0  # bytes of the texts shaped (a shape holds a view: its size grows with them)
        self._lock = threading.Lock()  # (a detector may serve several threads; shaping runs unlocked)

    def __call__(self, zeroed: bytes, entities: frozenset[str] | None):
        key = (zeroed, entities)
        met = hash(key)  # (two texts of one hash: the second is shaped when first met, no harm)
        with self._lock:
            known = self.get(key)
            if known is not None:
                self.move_to_end(key)
                return known or None  # (False: no shape)
            if met not in self:
                self._make_room(1, 0)
                self[met] = None
                return None
        known = shape(zeroed, entities) or False
        with self._lock:
            self.pop(met, None)
            if key not in self:
                self._make_room(1, len(zeroed))
                self[key] = known
                self.held += len(zeroed)
        return known or None

    def _make_room(self, entries: int, size: int) -> None:
        while self and (len(self) + entries > self.size or self.held + size > SHAPES_MAX_BYTES):
            key, known = self.popitem(last=False)
            if known is not None:
                self.held -= len(key[0])

    def clear(self) -> None:
        with self._lock:
            super().clear()
            self.held = 0
