"""Words as name detection sees them: their flags in the name data, whether an unknown word
could be a name, and ``NameText``, what the rules learn about one text, once."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from iolint.pii.namedata import FIRST, ITALIAN, SURNAME, WORD, fold, is_word, municipalities, table
from iolint.pii.names.vocabulary import (
    ASCII_PARTICLES,
    BEYOND_LATIN,
    CAP_WORD,
    GAP,
    LETTERS,
    LOWER_WORD,
    NAME_TOKEN,
    NOT_LETTERS,
    PARTICLE,
    PARTICLE_KEYS,
    PRONOUNS,
    STOP_WORDS,
)

# What is known of a word as written is kept, per process, in dictionaries that are emptied
# when they reach this size (the same few thousand words recur across titles).
CACHE_SIZE = 1 << 15


def remembered(cache: dict, key, value):
    if len(cache) >= CACHE_SIZE:
        cache.clear()
    cache[key] = value
    return value


_FLAGS: dict[str, int] = {}


def flags_of(word: str) -> int:
    """FIRST | SURNAME | WORD | ITALIAN of a word as written (0: not in the name lists); a hyphenated
    word has its parts' flags, an elided one ("D'Amico") its tail's, a possessive ("Liam's") its name's."""
    flags = _FLAGS.get(word)
    if flags is not None:
        return flags
    if word.isalpha():
        return remembered(_FLAGS, word, table().get(word.lower() if word.isascii() else fold(word), 0))
    flags = 0
    for part in word.replace("’", "'").split("-"):
        head, _, tail = part.rpartition("'")
        flags |= table().get(fold(head if tail in ("s", "S") and head else tail), 0)
    return remembered(_FLAGS, word, flags)


_NAME_LIKE: dict[str, bool] = {}


def is_name_like(word: str) -> bool:
    """An unknown word that could be a name: not a word of the language, nor a compound ending
    in one ("Marktgemeinde", "Neumarkt"), nor a role, place or code (an unknown word of four
    capitals or fewer is an acronym: TARI, INPS; so is one in mixed case ending in a capital:
    SerD, SerT)."""
    known = _NAME_LIKE.get(word)
    if known is not None:
        return known
    key = fold(word.replace("’", "'").rsplit("'", 1)[-1])
    if not 2 <= len(key) <= 30 or (word.isupper() and len(key) <= 4) or (word[-1].isupper() and not word.isupper()):
        like = False
    elif key in STOP_WORDS or key in municipalities() or is_word(key):
        like = False
    elif key.endswith("innen"):
        like = False  # a German plural of persons ("Bürgerinnen", "Schülerinnen")
    else:
        # A compound: a word of five letters or more after three or more ("Neumarkt"; not
        # "Aminata", whose tail "minata" follows a single letter).
        like = not any(is_word(key[i:]) for i in range(3, len(key) - 4))
    return remembered(_NAME_LIKE, word, like)


_STOP: dict[str, bool] = {}


def is_stop(word: str) -> bool:
    """A role, a place, an institution or a word of titles ("Utente", "Via", "Avviso"), also
    elided before a name ("Sant'Andrea")."""
    stop = _STOP.get(word)
    if stop is None:
        key = fold(word)
        stop = remembered(_STOP, word, key in STOP_WORDS or key.replace("’", "'").split("'")[0] in STOP_WORDS)
    return stop


def pronoun_name(word: str, before: int) -> bool:
    """A pronoun of address that is a listed name, after a name (flags ``before``) that is not a
    word: the name's second word ("Wang Lei", where "Lei" alone is a role)."""
    return bool(before and not before & WORD and fold(word) in PRONOUNS and flags_of(word) & FIRST)


def stops_after(word: str, before: int) -> bool:
    """``is_stop``, for a word after a name whose flags are ``before`` (``pronoun_name``)."""
    return is_stop(word) and not pronoun_name(word, before)


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
    """A surname or a first name that is also a common word after a name that is not one: "Cheikh
    Fall", "Ciobanu Andrei" (surname first)."""
    flags = flags_of(before)
    return bool(flags_of(word) & (SURNAME | FIRST)) and is_clear(before, flags)


def is_caps(text: str, start: int, end: int) -> bool:
    return end - start > 1 and text[start:end].isupper()


_LOWER_NAMES: tuple | None = None


def lower_names() -> tuple[frozenset, ...]:
    """Names that are not words and the first names among them, as keys and as ASCII bytes."""
    global _LOWER_NAMES
    if _LOWER_NAMES is None:
        flags = table()
        names = frozenset(k for k, f in flags.items() if not f & WORD)
        first = frozenset(k for k in names if flags[k] & FIRST)
        ascii_keys = (frozenset(k.encode() for k in keys if k.isascii()) for keys in (names, first))
        _LOWER_NAMES = (names, first, *ascii_keys)
    return _LOWER_NAMES


def lower_pair(text: str) -> bool:
    """Whether a lower-case name may be found (``run_from`` and ``is_pair`` in lower case): a first
    name that is not a word, with another name that is not one, or with a particle ("mario rossi",
    "andrea de santis", "de santis lorenzo")."""
    names, first, ascii_names, ascii_first = lower_names()
    if text.isascii():
        words = text.encode().translate(NOT_LETTERS).split()
        if ascii_first.isdisjoint(words):
            return False
        if not ASCII_PARTICLES.isdisjoint(words) and _particle_by_first(words, ascii_first, ASCII_PARTICLES):
            return True
        return sum(w in ascii_names for w in words) >= 2
    keys = [fold(run) for run in LETTERS.findall(text) if run.islower()]
    if first.isdisjoint(keys):
        return False
    return _particle_by_first(keys, first, PARTICLE_KEYS) or sum(k in names for k in keys) >= 2


def _particle_by_first(words: list, first: frozenset, particles: frozenset) -> bool:
    """A particle right after a first name, or two words before it ("andrea de santis", "de
    santis lorenzo")."""
    return any(
        w in first and ((i + 1 < len(words) and words[i + 1] in particles) or (i >= 2 and words[i - 2] in particles))
        for i, w in enumerate(words)
    )


def covered(hits, at: int) -> bool:
    """Whether ``at`` lies inside one of ``hits`` (names earlier rules found)."""
    for hit in hits:
        if hit.start <= at < hit.end:
            return True
    return False


class Covered:
    """``covered`` for many positions: ``at in Covered(hits)``, a scan of a few hits (most
    titles), O(log n) for texts with many (a long text of names stays linear)."""

    __slots__ = ("hits", "starts", "reach")

    def __init__(self, hits) -> None:
        self.hits = hits if len(hits) <= 16 else None
        if self.hits is None:
            spans = sorted((h.start, h.end) for h in hits)
            self.starts = [start for start, _ in spans]
            self.reach = list(accumulate((end for _, end in spans), max))  # furthest end so far

    def __contains__(self, at: int) -> bool:
        if self.hits is not None:
            return covered(self.hits, at)
        i = bisect_right(self.starts, at) - 1
        return i >= 0 and at < self.reach[i]


class NameText:
    """One text as the name rules read it, each part made on first use and kept for the others:
    its words, the words before each position, what stands before a name, the capitalised
    word at a position, the cue words' matches. Made once per text (``finders.view``'s ``names``)."""

    __slots__ = tuple("text low cued cue_starts cues at_cue _tokens _pair _before _places _next _reader _latin".split())

    def __init__(self, text: str, low: str, cued: bool, cue_starts: list[int] | None = None) -> None:
        self.text = text
        self.low = low
        # A greeting, a title or a relation word occurs; where their stems do (None: not known).
        self.cued, self.cue_starts = cued, cue_starts
        self._tokens = self._pair = self._before = None
        self._places: dict[int, bool] = {}
        self._next: dict[tuple[int, bool], tuple | None] = {}
        self._reader = None
        self._latin = None
        self.cues = self.at_cue = None  # the cue words' matches, where one may start (``cued``), on first use

    def tokens(self) -> list[tuple[int, int, str, int]]:
        """(start, end, word, flags) of every word (``NAME_TOKEN``)."""
        if self._tokens is None:
            self._tokens = [
                (m.start(), m.end(), m.group(), flags_of(m.group())) for m in NAME_TOKEN.finditer(self.text)
            ]
        return self._tokens

    def pair(self) -> bool:
        """``lower_pair`` of the text."""
        if self._pair is None:
            self._pair = lower_pair(self.text)
        return self._pair

    def beyond_latin(self) -> bool:
        """Letters beyond U+024F (Greek, Cyrillic, …)."""
        if self._latin is None:
            self._latin = not self.text.isascii() and BEYOND_LATIN.search(self.text) is not None
        return self._latin

    def next_word(self, end: int, lower: bool = False) -> tuple[int, int, int, bool] | None:
        """The word right after ``end`` (capitalised, or lower case if ``lower``): its start (that
        of its particle, if one led it), end and flags, and whether a particle (De, Di, D', van
        der) led it."""
        key = (end, lower)
        if key in self._next:
            return self._next[key]
        text = self.text
        found = None
        gap = GAP.match(text, end)
        if gap:
            word_rx = LOWER_WORD if lower else CAP_WORD
            particle = PARTICLE.match(text, gap.end())
            word = word_rx.match(text, particle.end()) if particle else None
            if word is None:
                particle, word = None, word_rx.match(text, gap.end())
            if word is not None and not text[word.end() : word.end() + 1].isdigit():  # "IBAN DE35…" is a code
                found = (gap.end(), word.end(), flags_of(word.group()), particle is not None)
        self._next[key] = found
        return found


def capital_at(text: str, at: int) -> bool:
    """Whether a capitalised word (``CAP_WORD``) may start at ``at``: a capital, or a particle."""
    c = text[at : at + 1]
    return bool(c) and (c.isupper() or PARTICLE.match(text, at) is not None)


def capital_next(text: str, end: int) -> bool:
    """Whether a capitalised word or a particle follows ``end`` after a space."""
    gap = GAP.match(text, end)
    return gap is not None and (
        text[gap.end() : gap.end() + 1].isupper() or PARTICLE.match(text, gap.end()) is not None
    )
