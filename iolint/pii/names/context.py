"""What stands around a name and makes it a place's, an institution's, an event's or a thing's:
"Via Giuseppe Verdi", "Concerto per Ennio Morricone", "Rosa Parks Library"."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from iolint.pii.hits import Hit
from iolint.pii.namedata import fold
from iolint.pii.names.vocabulary import (
    ARTICLES,
    CONJUNCTIONS,
    EVENT_LINKS,
    EVENTS,
    PLACE_ENDINGS,
    PLACES,
    PLACES_WITH_DI,
    QUALIFIERS,
)

WORD_BEFORE = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?|[,:;()!?\-–—/]")


def after_event(words: list[str]) -> bool:
    """Whether an event word stands shortly before, with only links, articles and place words
    (or capitalised ones) after it."""
    for steps in range(min(len(words), 6)):
        low = words[len(words) - 1 - steps]
        if low in EVENTS:
            return True
        if not (low in EVENT_LINKS or low in ARTICLES or low in PLACES):
            return False
    return False


@lru_cache(maxsize=8)
def words_before(text: str) -> tuple[list[int], list[int], list[str], list[str]]:
    """Starts, ends, words and their lower-cased forms (dots stripped) of the text's words and
    punctuation, for ``after_place``, computed once per text."""
    found = [(m.start(), m.end(), m.group()) for m in WORD_BEFORE.finditer(text)]
    return (
        [start for start, _, _ in found],
        [end for _, end, _ in found],
        [word for _, _, word in found],
        [word.lower().rstrip(".") for _, _, word in found],
    )


def _words_back(text: str, start: int) -> tuple[list[str], list[str]]:
    """The (at most 8) words and punctuation before ``start``, within 80 characters: as written,
    and lower-cased without dots."""
    starts, ends, originals, words = words_before(text)
    last = bisect_right(ends, start)
    first = max(bisect_left(starts, start - 80), last - 8)
    return originals[first:last], words[first:last]


def event_before(text: str, start: int) -> bool:
    """Whether an event word stands shortly before ``start`` ("Mostra: |Frida Kahlo")."""
    return after_event(_words_back(text, start)[1])


@lru_cache(maxsize=256)  # the pre-filter and the rules ask about the same words
def after_place(text: str, start: int) -> bool:
    """Whether the words before ``start`` (at most 80 characters back) name a street, place,
    institution or saint.

    Walking back over capitalised words and qualifiers: "Istituto Comprensivo |Leonardo",
    "Scuola dell'infanzia |Gianni", "Borsa di studio |Giacomo", "Comune di |Giuliano".
    """
    originals, words = _words_back(text, start)
    if after_event(words):
        return True
    for steps in range(min(len(words), 6)):
        i = len(words) - 1 - steps
        low = words[i]
        if low in PLACES or (originals[i][0].isupper() and low.endswith(PLACE_ENDINGS) and len(low) > 8):
            return True  # also a German compound naming a place: "Grundschule", "Gemeindebibliothek"
        if low in ARTICLES and steps == 0:
            return i > 0 and words[i - 1] in PLACES_WITH_DI
        if originals[i][0].isupper() or low in QUALIFIERS or low in ARTICLES or low in CONJUNCTIONS:
            continue
        # One lower-case complement of a named place: "Borsa di studio", "Scuola di musica".
        return i > 1 and words[i - 1] in ARTICLES and words[i - 2] in PLACES
    return False


# What follows a name and makes it a place, an event or a thing named after someone: "Rosa
# Parks Library", "Marco Polo Card", "Giovanni Paolo II", "Dante Alighieri: letture in piazza".
FOLLOWER = re.compile(r"[ \t»”\"]*([^\W\d_]+)")


EVENT_AFTER = re.compile(r"[ \t»”\"]*[:–—-][ \t]*([^.;!?]{0,80})")


LETTERS_RUN = re.compile(r"[^\W\d_]+")


ROMAN = re.compile(r"[IVX]+")


def named_after(text: str, hit: Hit) -> bool:
    """Whether the name is part of a place, an event or a thing's name, or a pope's or a king's."""
    follower = FOLLOWER.match(text, hit.end)
    if follower and text[hit.end : follower.start(1)].strip(" \t") == "":
        word = follower.group(1)
        if fold(word) in PLACES or fold(word) in EVENTS or (ROMAN.fullmatch(word) and word != "I"):
            return True
    event = EVENT_AFTER.match(text, hit.end)
    if event is None or addresses_the_reader(text):
        return False
    return any(fold(word) in EVENTS for word in LETTERS_RUN.findall(event.group(1)))


READER = re.compile(r"(?<![^\W\d_])(?:tu[oaei]?|hai|sei|your|you|Ihr\w*|dein\w*)(?![^\W\d_])", re.IGNORECASE)


def addresses_the_reader(text: str) -> bool:
    return READER.search(text) is not None
