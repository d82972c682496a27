"""What stands around a name and makes it a place's, an institution's, an event's or a thing's:
"Via Giuseppe Verdi", "Concerto per Ennio Morricone", "Rosa Parks Library"."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from iolint.pii.hits import Hit
from iolint.pii.namedata import fold
from iolint.pii.names.vocabulary import (
    APPOINTMENTS,
    ARTICLES,
    CAPITAL_LETTER,
    CONJUNCTIONS,
    EVENT_LINKS,
    EVENTS,
    PLACE_ENDINGS,
    PLACES,
    PLACES_WITH_DI,
    QUALIFIERS,
)
from iolint.pii.names.words import NameText, remembered

# (a closing quote too, which ends a quoted name: "della lista 'Verdi per la città' di |Ahmed"; not
# letters right after a digit: the "S" closing "RSSMRA85T10A562S" is no saint before "Mario Rossi")
WORD_BEFORE = re.compile(r"(?<!\d)[^\W\d_]+(?:\.[^\W\d_]+)*\.?|[,:;()!?\-–—/\"”»]|['’](?<=[^\W\d_]['’])(?=[ \t])")

# What a word before a name is, as bits (``_kind``): a place, an event, a link between an event
# and its honoree, an article, a word that may stand between a place and its name, a place whose
# name follows "di", capitalised, a German compound naming a place, a visit (an event unless
# booked), a lower-case word in none of the lists.
PLACE, EVENT, LINK, ARTICLE, BETWEEN, WITH_DI, CAPITAL, COMPOUND, APPOINTMENT, PLAIN = (1 << i for i in range(10))
_KINDS: dict[str, int] = {}


def _kind(original: str) -> int:
    kind = _KINDS.get(original)
    if kind is not None:
        return kind
    low = original.lower().rstrip(".")
    kind = (
        (PLACE if low in PLACES else 0)
        | (EVENT if low in EVENTS else 0)
        | (LINK if low in EVENT_LINKS or low in ARTICLES or low in PLACES else 0)
        | (ARTICLE if low in ARTICLES else 0)
        | (BETWEEN if low in QUALIFIERS or low in ARTICLES or low in CONJUNCTIONS else 0)
        | (WITH_DI if low in PLACES_WITH_DI else 0)
        | (APPOINTMENT if low in APPOINTMENTS else 0)
    )
    if not kind and original[0].islower():
        kind = PLAIN  # a lower-case word in no list ("bibliotecario")
    if original[0].isupper():
        kind |= CAPITAL
        if low.endswith(PLACE_ENDINGS) and len(low) > 8:
            kind |= COMPOUND  # "Grundschule", "Gemeindebibliothek"
    return remembered(_KINDS, original, kind)


# The text split at ``WORD_BEFORE``'s matches, which it keeps: words at the odd places, and what
# lies between them at the even ones (no match is empty, so the split finds what ``finditer``
# finds); their spans are the running sums of the parts' lengths, without a match object a word.
_SPLIT_WORDS = re.compile(f"({WORD_BEFORE.pattern})")


def _words(t: NameText) -> tuple[list[int], list[int], list[int]]:
    """Starts, ends and kinds of the text's words and punctuation (``WORD_BEFORE``)."""
    if t._before is None:
        parts = _SPLIT_WORDS.split(t.text)
        bounds = list(accumulate(map(len, parts), initial=0))  # where each part starts
        words = parts[1::2]
        kinds = list(map(_KINDS.get, words))
        if None in kinds:  # words not met before
            kinds = [_kind(word) if k is None else k for word, k in zip(words, kinds, strict=True)]
        if "visit" in t.low and any(k & APPOINTMENT for k in kinds) and booked(t):
            kinds = [k & ~EVENT if k & APPOINTMENT else k for k in kinds]  # a visit booked for someone
        t._before = (bounds[1:-1:2], bounds[2::2], kinds)
    return t._before


# A visit is an event ("Visita guidata alla mostra") unless the title books it: "visita per Perera
# Nirosha fissata il 9 giugno alle 11:20".
SCHEDULED = re.compile(
    r"(?<![^\W\d_])(?:fissat|prenotat|confermat|spostat|annullat|programmat|anticipat|posticipat|rinviat)[oaie]"
    r"(?![^\W\d_])|(?<![^\W\d_])(?:alle|ore)[ \t]+\d{1,2}[:.]\d\d"
    # A doctor's visit is someone's whether booked or not: "prima visita diabetologica", "visita
    # fisiatrica", "visita di controllo" (a guided or a school visit stays an event).
    r"|(?<![^\W\d_])(?:prim[ae][ \t]+visit[ae]|visit[ae][ \t]+(?:di[ \t]+controllo|medic[ahe]|specialistic|"
    r"[a-z]*(?:ologic|iatric|oculistic|ortopedic|chirurgic)))"
)


def booked(t: NameText) -> bool:
    """Whether the title books a visit for someone (``SCHEDULED``): then "visita" is no event."""
    return SCHEDULED.search(t.text) is not None


def _kinds_back(t: NameText, start: int) -> list[int]:
    """The kinds of the (at most 8) words and punctuation before ``start``, within 80 characters."""
    if start == 0:
        return []  # nothing before: no need to read the text's words
    starts, ends, kinds = _words(t)
    last = bisect_right(ends, start)
    first = max(bisect_left(starts, start - 80), last - 8)
    return kinds[first:last]


def after_event(kinds: list[int]) -> bool:
    """Whether an event word stands shortly before, with only links, articles and place words
    (or capitalised ones) after it."""
    for steps in range(min(len(kinds), 6)):
        kind = kinds[len(kinds) - 1 - steps]
        if kind & EVENT:
            return True
        if not kind & LINK:
            return False
    return False


def event_before(t: NameText, start: int) -> bool:
    """Whether an event word stands shortly before ``start`` ("Mostra: |Frida Kahlo")."""
    return after_event(_kinds_back(t, start))


def after_place(t: NameText, start: int) -> bool:
    """Whether the words before ``start`` (at most 80 characters back) name a street, place,
    institution or saint.

    Walking back over capitalised words and qualifiers: "Istituto Comprensivo |Leonardo",
    "Scuola dell'infanzia |Gianni", "Borsa di studio |Giacomo", "Comune di |Giuliano".
    """
    known = t._places.get(start)
    if known is None:
        known = t._places[start] = _after_place(_kinds_back(t, start))
    return known


def _after_place(kinds: list[int]) -> bool:
    if after_event(kinds):
        return True
    for steps in range(min(len(kinds), 6)):
        i = len(kinds) - 1 - steps
        kind = kinds[i]
        if kind & (PLACE | COMPOUND):
            return True
        if kind & ARTICLE and steps == 0:
            return i > 0 and bool(kinds[i - 1] & WITH_DI)
        if kind & (CAPITAL | BETWEEN):
            continue
        # One lower-case complement of a named place: "Borsa di studio", "Scuola di musica", or
        # one adjective right before the name: "Polo bibliotecario |Alda Merini".
        if steps == 0 and kind == PLAIN and i > 0 and kinds[i - 1] & PLACE:
            return True
        return i > 1 and bool(kinds[i - 1] & ARTICLE) and bool(kinds[i - 2] & PLACE)
    return False


# What follows a name and makes it a place, an event or a thing named after someone: "Rosa
# Parks Library", "Marco Polo Card", "Giovanni Paolo II", "Dante Alighieri: letture in piazza".
FOLLOWER = re.compile(r"[ \t»”\"]*([^\W\d_]+)")


# Also after a second name joined by "e" ("Giovanni Falcone e Paolo Borsellino: giornata…").
EVENT_AFTER = re.compile(
    rf"(?:[ \t]+(?:e|ed|and|und)(?:[ \t]+{CAPITAL_LETTER}[^\W\d_]*){{1,4}})?[ \t»”\"]*[:–—-][ \t]*([^.;!?]{{0,80}})"
)


LETTERS_RUN = re.compile(r"[^\W\d_]+")


ROMAN = re.compile(r"[IVX]+")


def named_after(t: NameText, hit: Hit) -> bool:
    """Whether the name is part of a place, an event or a thing's name, or a pope's or a king's."""
    text = t.text
    follower = FOLLOWER.match(text, hit.end)
    if follower and text[hit.end : follower.start(1)].strip(" \t") == "":
        word = follower.group(1)
        if fold(word) in PLACES or fold(word) in EVENTS or (ROMAN.fullmatch(word) and word != "I"):
            return True
    event = EVENT_AFTER.match(text, hit.end)
    if event is None or addresses_the_reader(t) or FILE_OF.search(text, max(0, hit.start - 64), hit.start):
        return False
    words = [fold(word) for word in LETTERS_RUN.findall(event.group(1))]
    if not any(word in EVENTS for word in words):
        return False
    # A visit the title books is someone's appointment: "Quispe Mamani Luis – visita fisiatrica
    # prenotata", as before the name ("visita per Perera Nirosha fissata il 9 giugno"); a guided
    # visit stays an event.
    if any(word in EVENTS and word not in APPOINTMENTS for word in words):
        return True
    return not booked(t) or any(word.startswith("guidat") for word in words)


# An administrative file in capitals before the name is that person's: "PEI di Lorenzo Moretti:
# incontro del GLO", "ISEE di …: visita" (not an honoree's event).
FILE_OF = re.compile(
    r"(?<![^\W\d_])[A-Z]{2,6}[ \t]+(?:di|del|della|per)[ \t]+$"
    # and so is a civil act: "Unione civile di Marta Colombo e Chiara Villa: celebrazione in Sala…"
    r"|(?<![^\W\d_])(?i:unione civile|matrimonio|nozze|funeral[ei]|esequie|trauung|hochzeit|wedding|"
    r"civil partnership)[ \t]+(?i:di|del|della|tra|fra|von|of|between)[ \t]+"
    rf"(?:(?:{CAPITAL_LETTER}[^\W\d_]*[ \t]+){{1,4}}(?:e|ed|and|und)[ \t]+)?$"  # (the second of two)
)


READER = re.compile(r"(?<![^\W\d_])(?:tu[oaei]?|hai|sei|your|you|Ihr\w*|dein\w*)(?![^\W\d_])", re.IGNORECASE)


def addresses_the_reader(t: NameText) -> bool:
    if t._reader is None:
        t._reader = READER.search(t.text) is not None
    return t._reader
