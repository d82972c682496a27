"""The words and word patterns of person-name detection; the word lists are in data/names.txt."""

from __future__ import annotations

import re

from iolint.pii.namedata import fold
from iolint.pii.wordlists import lines, words


def words_of(section: str) -> frozenset[str]:
    """A section's words, as written and folded ("città", "citta"): looked up both ways."""
    return frozenset(w for word in words("names", section) for w in (word, fold(word)))


PRONOUNS = words_of("pronouns")
ROLES = words_of("roles") | PRONOUNS
PLACES = words_of("places")
PLACE_ENDINGS = tuple(words("names", "place endings"))
PLACES_WITH_DI = words_of("places with di")
QUALIFIERS = words_of("qualifiers")
ARTICLES = words_of("articles")
CONJUNCTIONS = words_of("conjunctions")
EVENTS = words_of("events")
APPOINTMENTS = words_of("appointments")
EVENT_LINKS = words_of("event links")
STOP_WORDS = ROLES | PLACES | PLACES_WITH_DI | words_of("stop words")

# The particles that join a name's words ("De Luca", "van der Berg", "D'Amico").
_PARTICLES = lines("names", "particles") + lines("names", "particles joining only")
PARTICLE = re.compile(rf"(?:(?i:{'|'.join(p.replace(' ', '[ ]') for p in _PARTICLES)})[ \t]|(?i:d|l)['’])")
PARTICLE_WORDS = frozenset(p for p in lines("names", "particles") if " " not in p)
ELIDED_PARTICLES = frozenset("d' d’ l' l’".split())
# Particles as the words of a text split at every non-letter ("d'", "l'" leave "d", "l").
PARTICLE_KEYS = frozenset(w for p in _PARTICLES for w in p.split()) | {"d", "l"}
ASCII_PARTICLES = frozenset(w.encode() for w in PARTICLE_KEYS)

# Upper-case letters up to U+024F (Latin, Latin-1, Latin Extended-A and B): beyond them the
# pre-filter does not look, and lets the rules decide.
UPPER = "".join(c for c in map(chr, range(0x250)) if c.isupper())
# A name's capital in the rules' patterns: A-Z, Latin-1's capitals, and Latin Extended-A and B
# ("Łukasz", "Đorđe", "Şerban") as ranges, their lower-case letters with them (rare at a word's
# start here): the exact class of ``UPPER`` costs several times more to compile, in every
# pattern built on ``CAP_WORD``.
CAPITAL_LETTER = "[A-ZÀ-ÖØ-ÞĀ-ɏ]"
# A capitalised word (title case or all caps), possibly after an elided particle (D'Amico).
CAP_WORD = re.compile(
    rf"(?:[A-Z][a-z]?['’])?{CAPITAL_LETTER}[^\W\d_]*(?:['’][^\W\d_]+)?(?:-{CAPITAL_LETTER}[^\W\d_]+)?"
)
LOWER_WORD = re.compile(r"[a-zà-ÿ][^\W\d_]*(?:-[a-zà-ÿ][^\W\d_]+)?")
GAP = re.compile(r"[ \t\u00a0]{1,2}")
INITIAL = re.compile(r"[A-Z]\.")
NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)?")
LETTER = re.compile(r"[^\W\d_]")
LETTERS = re.compile(r"[^\W\d_]+")
NOT_LETTERS = bytes(c if chr(c).isalpha() else 32 for c in range(256))

# A colon, or a dash after a space, that may open a clause; its first character leads (the rest is
# a look-behind), so that a search skips to colons and spaces: "(?::|[ \t][–—-])" as first written.
CLAUSE_MARK = r"[: \t](?:(?<=:)|(?<=[ \t])[–—-])"


def letter_first(words: str, not_before: str) -> str:
    """An alternation of the literal ``words`` ("di|a|ad") not after ``not_before`` (a class of one
    character), each word's first letter first and the look-behind after it: "(?<![\\w.])(?:di|
    a|ad)" as "d(?<![\\w.]d)(?:i)|a(?<![\\w.]a)(?:|d)", which a search skips to those letters for
    instead of trying the look-behind at every position."""
    by_first: dict[str, list[str]] = {}
    for word in words.split("|"):
        by_first.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{c}(?<!{not_before}{c})(?:{'|'.join(rests)})" for c, rests in by_first.items())


BEYOND_LATIN = re.compile(r"[^\W\d_\x00-\u024f]")
# A capitalised word: an upper-case letter with no letter before it, then the rest of the word;
# also after an elided particle ("D'Amico"), as ``CAP_WORD`` reads it.
# (The capital comes first, so that the regex engine skips quickly to the next one.)
CAPITALISED = re.compile(rf"[{UPPER}](?<![^\W\d_].)(?:[a-z]?['’][{UPPER}])?[^\W\d_]*(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)?")
# A capitalised word as ``NAME_TOKEN`` cuts words: not joined to a word before it by an
# apostrophe or a hyphen ("dell'Aquila", "Anna-Maria" are one word each).
CAP_TOKEN = re.compile(rf"[{UPPER}](?<![^\W\d_].)(?<![^\W\d_]['’-].)[^\W\d_]*(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)?")
