"""Words as name detection sees them: their flags in the name data, whether an unknown word
could be a name, and the tokens of a text."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from iolint.pii.namedata import FIRST, ITALIAN, SURNAME, WORD, fold, is_word, municipalities, table
from iolint.pii.names.vocabulary import (
    ASCII_PARTICLES,
    CAP_WORD,
    GAP,
    LETTERS,
    LOWER_WORD,
    NAME_TOKEN,
    NOT_LETTERS,
    PARTICLE,
    PARTICLE_KEYS,
    STOP_WORDS,
)


class Token(NamedTuple):
    start: int
    end: int
    flags: int  # FIRST | SURNAME | WORD, 0 for an unknown word


def flags_of(word: str) -> int:
    if word.isalpha():
        return table().get(word.lower() if word.isascii() else fold(word), 0)
    flags = 0
    for part in word.replace("’", "'").split("-"):
        key = fold(part.rsplit("'", 1)[-1])
        flags |= table().get(key, 0)
    return flags


@lru_cache(maxsize=4096)  # the same few thousand words recur across titles
def is_name_like(word: str) -> bool:
    """An unknown word that could be a name: not a word of the language, nor a compound ending
    in one ("Marktgemeinde", "Neumarkt"), nor a role, place or code (an unknown word of four
    capitals or fewer is an acronym: TARI, INPS)."""
    key = fold(word.replace("’", "'").rsplit("'", 1)[-1])
    if not 2 <= len(key) <= 30 or (word.isupper() and len(key) <= 4):
        return False
    if key in STOP_WORDS or key in municipalities() or is_word(key):
        return False
    if key.endswith("innen"):
        return False  # a German plural of persons ("Bürgerinnen", "Schülerinnen")
    # A compound: a word of five letters or more after three or more ("Neumarkt"; not
    # "Aminata", whose tail "minata" follows a single letter).
    return not any(is_word(key[i:]) for i in range(3, len(key) - 4))


def could_be_a_name(word: str) -> bool:
    """A word (any case) that is a name which is not a common word, or an unknown word that
    could be a name: what makes a mailbox someone's."""
    flags = flags_of(word)
    return bool(flags and not flags & WORD) if flags else is_name_like(word.capitalize())


def joins_names(word: str) -> bool:
    """A lower-case word made of a first name and a name, or of an initial and a surname, written
    together as mailboxes are ("luisabasso", "mercedesserraglio", "jpiacentini")."""
    if len(word) < 6 or not word.isalpha() or is_word(word):
        return False
    initial = flags_of(word[1:])
    if initial & SURNAME and not initial & WORD:
        return True
    for i in range(3, len(word) - 2):
        left, right = flags_of(word[:i]), flags_of(word[i:])
        if (left & FIRST and right & (FIRST | SURNAME)) or (left & SURNAME and right & FIRST):
            return True
    return False


def is_a_name(word: str) -> bool:
    """A word that is in the name lists, whether or not it is also a common word."""
    return bool(flags_of(word) & (FIRST | SURNAME))


def counts_here(word: str) -> bool:
    """Whether a word may be part of a name where the title leaves only a person: a name that
    is not a word, an Italian name even if it is one (Rosa, Costa), or a name-like word (a
    foreign name that is an Italian word, like "Zona", is a word here)."""
    flags = flags_of(word)
    if flags:
        return bool(flags & ITALIAN or not flags & WORD)
    return is_name_like(word)


def is_clear(word: str, flags: int) -> bool:
    """A name that is not a word, or an unknown word that could be a name."""
    return bool(flags and not flags & WORD) if flags else is_name_like(word)


def surname_after_clear(before: str, word: str) -> bool:
    """A surname that is also a common word after a name that is not one: "Cheikh Fall"."""
    flags = flags_of(before)
    return bool(flags_of(word) & SURNAME) and (bool(flags and not flags & WORD) or (not flags and is_name_like(before)))


@lru_cache(maxsize=8)
def word_tokens(text: str) -> tuple[tuple[int, int, str, int], ...]:
    """(start, end, word, flags) of every word, computed once per text for all the rules."""
    get = table().get
    words = []
    for m in NAME_TOKEN.finditer(text):
        word = m.group()
        if word.isalpha():  # the common case, inlined: this runs for nearly every title
            flags = get(word.lower() if word.isascii() else fold(word), 0)
        else:
            flags = flags_of(word)
        words.append((m.start(), m.end(), word, flags))
    return tuple(words)


def is_caps(text: str, token: Token) -> bool:
    word = text[token.start : token.end]
    return len(word) > 1 and word.isupper()


def next_word(text: str, end: int, lower: bool = False) -> tuple[Token, bool] | None:
    """The word right after ``end`` (capitalised, or lower case if ``lower``), and whether a
    particle (De, Di, D', van der) led it."""
    gap = GAP.match(text, end)
    if not gap:
        return None
    word_rx = LOWER_WORD if lower else CAP_WORD
    particle = PARTICLE.match(text, gap.end())
    word = word_rx.match(text, particle.end()) if particle else None
    if word is None:
        particle, word = None, word_rx.match(text, gap.end())
    if word is None or text[word.end() : word.end() + 1].isdigit():
        return None  # no word, or part of a code: "IBAN DE35…"
    return Token(gap.end(), word.end(), flags_of(word.group())), particle is not None


def capital_at(text: str, at: int) -> bool:
    """Whether a capitalised word (``CAP_WORD``) may start at ``at``: a capital, or a particle."""
    c = text[at : at + 1]
    return bool(c) and (c.isupper() or PARTICLE.match(text, at) is not None)


def capital_next(text: str, end: int) -> bool:
    """Whether a capitalised word or a particle follows ``end`` after a space."""
    gap = GAP.match(text, end)
    return gap is not None and (text[gap.end() : gap.end() + 1].isupper() or PARTICLE.match(text, gap.end()) is not None)


@lru_cache(maxsize=1)
def lower_names() -> tuple[frozenset[str], ...]:
    """Names that are not words; the first names among them; those also surnames; as keys and
    as ASCII bytes."""
    flags = table()
    names = frozenset(k for k, f in flags.items() if not f & WORD)
    first = frozenset(k for k in names if flags[k] & FIRST)
    both = frozenset(k for k in first if flags[k] & SURNAME)
    return names, first, both, *(frozenset(k.encode() for k in keys if k.isascii()) for keys in (names, first, both))


@lru_cache(maxsize=8)  # asked by the pre-filter and by the rules
def lower_pair(text: str) -> bool:
    """Whether a lower-case name may be found (``run_from`` and ``is_pair`` in lower case): a first
    name that is not a word, with another name that is not one, or that is also a surname
    ("mario rossi", "mario de xyz")."""
    names, first, both, ascii_names, ascii_first, ascii_both = lower_names()
    if text.isascii():
        words = text.encode().translate(NOT_LETTERS).split()
        if ascii_first.isdisjoint(words):
            return False
        if not (ascii_both.isdisjoint(words) or ASCII_PARTICLES.isdisjoint(words)):
            return True
        return sum(w in ascii_names for w in words) >= 2
    keys = [fold(run) for run in LETTERS.findall(text) if run.islower()]
    if first.isdisjoint(keys):
        return False
    return not (both.isdisjoint(keys) or PARTICLE_KEYS.isdisjoint(keys)) or sum(k in names for k in keys) >= 2


class Covered:
    """Where earlier rules found names: ``at in covered`` in O(log n), for texts of any length."""

    def __init__(self, hits):
        if not hits:
            self.starts = self.reach = ()
            return
        spans = sorted((h.start, h.end) for h in hits)
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max))  # furthest end so far

    def __contains__(self, at: int) -> bool:
        if not self.starts:
            return False
        i = bisect_right(self.starts, at) - 1
        return i >= 0 and at < self.reach[i]
