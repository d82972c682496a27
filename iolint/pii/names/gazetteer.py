"""Names found from the name lists: first names and surnames side by side, with an initial, or
with an unknown word that could be a name."""

from __future__ import annotations

import re

from iolint.pii.hits import PAIR, PATTERN, Hit
from iolint.pii.namedata import FIRST, SURNAME, WORD, fold, municipalities, table
from iolint.pii.names.context import after_place
from iolint.pii.names.vocabulary import BEYOND_LATIN, CAP_TOKEN, GAP, INITIAL, PARTICLE_WORDS, PLACES, STOP_WORDS
from iolint.pii.names.words import (
    Covered,
    Token,
    capital_next,
    flags_of,
    is_caps,
    is_name_like,
    lower_pair,
    next_word,
    word_tokens,
)


def gazetteer_tokens(text: str) -> list[Token]:
    """Words of the text that are in the gazetteer: capitalised, or lower case in a lower-case pair."""
    if lower_pair(text) or (not text.isascii() and BEYOND_LATIN.search(text)):
        words = word_tokens(text)
    else:  # only the capitalised words matter: found by the pattern, not word by word
        get = table().get
        words = []
        for m in CAP_TOKEN.finditer(text):
            word = m.group()
            flags = get(word.lower() if word.isascii() else fold(word), 0) if word.isalpha() else flags_of(word)
            words.append((m.start(), m.end(), word, flags))
    tokens = []
    for start, end, word, flags in words:
        if not flags or word.lower() in PARTICLE_WORDS:
            continue  # "Da Mario", "von der": particles join names, they do not start them
        if word[0].isupper() or (word.islower() and not flags & WORD):
            tokens.append(Token(start, end, flags))
    return tokens


def run_from(text: str, first: Token) -> list[Token]:
    """Adjacent gazetteer words from ``first`` on, and a surname after a particle (De Luca)."""
    lower = text[first.start].islower()
    run = [first]
    while len(run) < 4:
        nxt = next_word(text, run[-1].end, lower)
        if nxt is None:
            break
        token, particle = nxt
        if lower and token.flags & WORD:
            break  # "kit per la differenziata": lower-case names must not be words
        if fold(text[token.start : token.end].split()[-1]) in STOP_WORDS:
            break  # "Chiesa di |Santa Chiara"
        if not (token.flags or (particle and any(t.flags & FIRST for t in run))):
            break
        run.append(token)
    return run


def is_pair(text: str, run: list[Token]) -> bool:
    """Adjacent names are a person when one is a first name and one is not a word; in lower
    case, when an unambiguous first name meets a surname."""
    if len(run) < 2:
        return False
    if text[run[0].start].islower():
        return any(t.flags & FIRST and not t.flags & WORD for t in run) and any(t.flags & SURNAME for t in run)
    clear = any(
        (t.flags and not t.flags & WORD) or (not t.flags and is_name_like(text[t.start : t.end].split()[-1])) for t in run
    )
    return clear and any(t.flags & FIRST for t in run)


def surname_after(text: str, run: list[Token]) -> Token | None:
    """An unknown capitalised word after a lone unambiguous first name ("Chiara Gallo")."""
    last = run[-1]
    if len(run) != 1 or last.flags & WORD or not last.flags & FIRST or is_caps(text, last):
        return None
    if text[last.start].islower():
        return None
    nxt = next_word(text, last.end)
    if nxt is None or nxt[0].flags:
        return None
    word = text[nxt[0].start : nxt[0].end]
    if word.isupper() or fold(word) in STOP_WORDS:
        return None
    return nxt[0]


WORD_BEHIND = re.compile(r"(?<![^\W\d_])([A-ZÀ-Þ][^\W\d_]{1,30})[ \t]$")


def given_before(text: str, token: Token) -> int | None:
    """Where an unknown name-like word right before a surname that is not a word starts
    ("Gurpreet Singh", "Fatou Ndiaye")."""
    if not token.flags & SURNAME or token.flags & (WORD | FIRST) or not text[token.start].isupper():
        return None
    m = WORD_BEHIND.search(text, max(0, token.start - 30), token.start)
    if m and not flags_of(m.group(1)) and is_name_like(m.group(1)) and not m.group(1).isupper():
        return m.start(1)
    return None


def given_after(text: str, token: Token) -> int | None:
    """Where an unknown name-like word right after a surname that is not a word ends ("Singh
    Harpreet"). Two unknown words ("Hoxha Arben") are a person only where the title leaves
    nothing else (``position_runs``)."""
    if not token.flags & SURNAME or token.flags & (WORD | FIRST) or not text[token.start].isupper():
        return None
    nxt = next_word(text, token.end)
    if nxt is None or nxt[1] or nxt[0].flags:
        return None
    word = text[nxt[0].start : nxt[0].end]
    if word.isupper() != text[token.start : token.end].isupper() or not is_name_like(word):
        return None
    return nxt[0].end


def with_initial(text: str, token: Token) -> tuple[int, int] | None:
    """A surname with an initial: "Rossi M.", "M. Rossi"."""
    if not token.flags & SURNAME or token.flags & WORD or not text[token.start].isupper():
        return None
    after = GAP.match(text, token.end)
    if after and INITIAL.match(text, after.end()) and not text[after.end() + 2 : after.end() + 3].isalpha():
        return token.start, after.end() + 2
    if token.start >= 3 and INITIAL.fullmatch(text, token.start - 3, token.start - 1) and text[token.start - 1] == " ":
        if token.start == 3 or not text[token.start - 4].isalnum():
            if text[token.start - 3] != "S":  # "S. Rossi" may be a saint's abbreviation
                return token.start - 3, token.end
    return None


def gazetteer_runs(text: str, found: list[Hit] = ()) -> list[Hit]:
    """Runs of gazetteer words (a word inside an earlier rule's name is not looked at again)."""
    hits = []
    tokens = gazetteer_tokens(text)
    opening = len(text) - len(text.lstrip())  # where the first word starts
    consumed = -1
    covered = Covered(found)
    for token in tokens:
        if token.start < consumed or token.start in covered:
            continue
        if token.flags & WORD and not capital_next(text, token.end) and token.start != opening:
            continue  # a name that is a word, alone: every rule below needs more
        initial = with_initial(text, token)
        if initial and not after_place(text, initial[0]):
            hits.append(Hit("PERSON", *initial, PAIR))
            consumed = initial[1]
            continue
        given = given_before(text, token)
        if given and not after_place(text, given):
            hits.append(Hit("PERSON", given, token.end, PAIR))
            consumed = token.end
            continue
        given_end = given_after(text, token)
        if given_end and not after_place(text, token.start):
            hits.append(Hit("PERSON", token.start, given_end, PAIR))
            consumed = given_end
            continue
        if fold(text[token.start : token.end]) in PLACES:
            continue  # "Villa Borghese", "Porta Nuova": a place word starts no name
        run = run_from(text, token)
        consumed = run[-1].end
        surname = surname_after(text, run)
        if surname:
            run.append(surname)
            consumed = surname.end
        if is_pair(text, run) or surname:
            score = PAIR
        elif (
            len(run) == 1
            and token.flags & FIRST
            and not token.flags & WORD
            and token.start == opening
            and text[token.end : token.end + 1] in (",", "!")
            and text[token.start].isupper()
        ):
            score = PATTERN  # "Alessandro, la tua domanda è stata accolta"
        else:
            continue
        start, end = run[0].start, run[-1].end
        if not after_place(text, start) and fold(text[start:end]) not in municipalities():
            hits.append(Hit("PERSON", start, end, score))
    return hits


# An initial and a name-like word: "M. Kravchuk", "Kravchuk M." (a listed surname is
# ``with_initial``'s).
INITIAL_FIRST = re.compile(r"(?<![^\W\d_.])[A-Z]\. ([A-ZÀ-Þ][^\W\d_]+(?:-[A-ZÀ-Þ][^\W\d_]+)?)(?![\w.])")


INITIAL_AFTER = re.compile(r"(?<![^\W\d_])([A-ZÀ-Þ][^\W\d_]+) [A-Z]\.(?![^\W\d_.])")


def initial_runs(text: str) -> list[Hit]:
    hits = []
    if "." not in text:
        return hits
    for rx in (INITIAL_FIRST, INITIAL_AFTER):
        for m in rx.finditer(text):
            word = m.group(1)
            if rx is INITIAL_FIRST and m.group().startswith("S."):
                continue  # "S. Rocco" may be a saint's abbreviation
            if flags_of(word) or not is_name_like(word) or word.isupper() or after_place(text, m.start()):
                continue
            hits.append(Hit("PERSON", m.start(), m.end(), PAIR))
    return hits
