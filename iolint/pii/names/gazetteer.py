"""Names found from the name lists: first names and surnames side by side, with an initial, or
with an unknown word that could be a name."""

from __future__ import annotations

import re

from iolint.pii.hits import PAIR, PATTERN, Hit
from iolint.pii.namedata import FIRST, ITALIAN, SURNAME, WORD, fold, municipalities
from iolint.pii.names.context import after_place
from iolint.pii.names.cued import cue_matches
from iolint.pii.names.vocabulary import CAP_TOKEN, CAPITAL_LETTER, GAP, INITIAL, PARTICLE_WORDS, PLACES
from iolint.pii.names.words import (
    Covered,
    NameText,
    capital_next,
    flags_of,
    is_caps,
    is_name_like,
    is_stop,
    stops_after,
)


def gazetteer_tokens(t: NameText) -> list[tuple[int, int, int]]:
    """(start, end, flags) of the words of the text that are in the gazetteer: capitalised, or
    lower case in a lower-case pair."""
    if t.pair() or t.beyond_latin():
        words = t.tokens()
    else:  # only the capitalised words matter: found by the pattern, not word by word
        words = [(m.start(), m.end(), m.group(), flags_of(m.group())) for m in CAP_TOKEN.finditer(t.text)]
    tokens = []
    for start, end, word, flags in words:
        if not flags or word.lower() in PARTICLE_WORDS:
            continue  # "Da Mario", "von der": particles join names, they do not start them
        if word[0].isupper() or (word.islower() and not flags & WORD):
            tokens.append((start, end, flags))
    return tokens


def run_from(t: NameText, first: tuple[int, int, int]) -> list[tuple[int, int, int]]:
    """Adjacent gazetteer words from ``first`` on, and a surname after a particle (De Luca)."""
    text = t.text
    lower = text[first[0]].islower()
    run = [first]
    while len(run) < 4:
        nxt = t.next_word(run[-1][1], lower)
        if nxt is None:
            break
        start, end, flags, particle = nxt
        if lower and flags & WORD:
            break  # "kit per la differenziata": lower-case names must not be words
        word = text[start:end].split()[-1]
        if stops_after(word, run[-1][2]):
            break  # "Chiesa di |Santa Chiara"
        if not (flags or (particle and any(token[2] & FIRST for token in run))):
            break
        if particle and is_caps(text, run[-1][0], run[-1][1]) != is_caps(text, end - len(word), end):
            break  # an acronym, a particle and a name: "PEI di Lorenzo Moretti"
        run.append((start, end, flags))
    return run


# A lower-case surname led by a particle (or joined by a hyphen), right before a lower-case first name.
LOWER_SURNAME_BEFORE = re.compile(
    rf"(?<![^\W\d_])(?:{'|'.join(sorted(PARTICLE_WORDS, key=len, reverse=True))})[ -]([a-zà-ÿ]{{2,30}}) $"
)
# A lower-case particle right before a name: with it the name is a surname ("de luca francesco").
LOWER_PARTICLE_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(sorted(PARTICLE_WORDS, key=len, reverse=True))}) $")


def is_pair(text: str, run: list[tuple[int, int, int]]) -> bool:
    """Adjacent names are a person when one is a first name and one is not a word; in lower
    case, when an unambiguous first name meets a surname."""
    if len(run) < 2:
        return False
    if text[run[0][0]].islower():
        # The surname: a listed one, or a name that is not a word or an unknown word after a
        # particle ("luca di stefano", "andrea de santis").
        surname = any(
            f & SURNAME
            or (
                " " in text[start:end]
                and (not f & WORD if f else is_name_like(text[start:end].split()[-1].capitalize()))
            )
            for start, end, f in run
        )
        return surname and any(f & FIRST and not f & WORD for _, _, f in run)
    clear = any((f and not f & WORD) or (not f and is_name_like(text[start:end].split()[-1])) for start, end, f in run)
    return clear and any(f & FIRST for _, _, f in run)


def surname_after(t: NameText, run: list[tuple[int, int, int]]) -> tuple[int, int, int] | None:
    """An unknown capitalised word after a lone first name ("Chiara Gallo"); after a foreign first
    name that is an Italian word, one that could be a name, where a preposition leads them
    ("Candidatura di Anca Munteanu"; not "in Alto Adige", "Monte Amiata:")."""
    text = t.text
    start, end, flags = run[-1]
    if len(run) != 1 or not flags & FIRST or is_caps(text, start, end):
        return None
    if flags & WORD and (flags & ITALIAN or not OF_BEFORE.search(text, max(0, start - 6), start)):
        return None
    if text[start].islower():
        return None
    nxt = t.next_word(end)
    if nxt is None or nxt[2]:
        return None
    word = text[nxt[0] : nxt[1]]
    if word.isupper() or is_stop(word) or (flags & WORD and (nxt[3] or not is_name_like(word))):
        return None
    return nxt[0], nxt[1], nxt[2]


OF_BEFORE = re.compile(r"(?<![^\W\d_])(?:[Dd][ia]|[Aa]|[Pp]er|[Ff]or|[Oo]f|[Vv]on|[Ff]ür)[ \t]$")


WORD_BEHIND = re.compile(rf"(?<![^\W\d_])({CAPITAL_LETTER}[^\W\d_]{{1,30}})[ \t]$")


def given_before(text: str, start: int, flags: int) -> int | None:
    """Where an unknown name-like word right before a surname that is not a word starts
    ("Gurpreet Singh", "Fatou Ndiaye"; also one that is a first name too: "Aminata Diallo")."""
    if not flags & SURNAME or flags & WORD or not text[start].isupper():
        return None
    m = WORD_BEHIND.search(text, max(0, start - 30), start)
    if m and not flags_of(m.group(1)) and is_name_like(m.group(1)) and not m.group(1).isupper():
        return m.start(1)
    return None


def given_after(t: NameText, start: int, end: int, flags: int) -> int | None:
    """Where an unknown name-like word right after a surname that is not a word ends ("Singh
    Harpreet"). Two unknown words ("Hoxha Arben") are a person only where the title leaves
    nothing else (``position_runs``)."""
    text = t.text
    if not flags & SURNAME or flags & (WORD | FIRST) or not text[start].isupper():
        return None
    nxt = t.next_word(end)
    if nxt is None or nxt[3] or nxt[2]:
        return None
    word = text[nxt[0] : nxt[1]]
    if word.isupper() != text[start:end].isupper() or not is_name_like(word):
        return None
    return nxt[1]


def elided_surname(text: str, start: int) -> bool:
    """A word after an elided "D'", a surname whatever its tail ("D'Amico", "D'Angelo")."""
    return text[start : start + 1] == "D" and text[start + 1 : start + 2] in ("'", "’")


def with_initial(text: str, start: int, end: int, flags: int) -> tuple[int, int] | None:
    """A surname with an initial: "Rossi M.", "M. Rossi"; after the initial also a surname with
    an elided particle ("D'Angelo R.") or a first name ("Mario R.")."""
    elided = elided_surname(text, start)
    if (flags & WORD and not elided) or not text[start].isupper():
        return None
    after = GAP.match(text, end)
    if (
        (flags & (SURNAME | FIRST) or elided)
        and after
        and INITIAL.match(text, after.end())
        and not text[after.end() + 2 : after.end() + 3].isalpha()
    ):
        return start, after.end() + 2
    if not flags & SURNAME and not elided:
        return None
    if start >= 3 and INITIAL.fullmatch(text, start - 3, start - 1) and text[start - 1] == " ":
        if start == 3 or not text[start - 4].isalnum():
            if text[start - 3] != "S":  # "S. Rossi" may be a saint's abbreviation
                return start - 3, end
    return None


SLASH_WORD = re.compile(rf"/({CAPITAL_LETTER}[^\W\d_]+)(?![\w/])")


def slash_pair(t: NameText, start: int, end: int, flags: int) -> int | None:
    """Where two surnames joined by a slash end, a couple's ("unione civile Ferraris/Colombo"):
    the first a listed surname that is not a word ("Ferrari/Lamborghini" are cars), the second a
    listed name, written alike."""
    if not flags & SURNAME or flags & WORD or t.text[end : end + 1] != "/" or (start and t.text[start - 1] == "/"):
        return None
    m = SLASH_WORD.match(t.text, end)
    if m is None:
        return None
    other = flags_of(m.group(1))
    if not other & (SURNAME | FIRST) or is_caps(t.text, start, end) != m.group(1).isupper():
        return None
    return m.end()


def gazetteer_runs(t: NameText, found: list[Hit] = ()) -> list[Hit]:
    """Runs of gazetteer words (a word inside an earlier rule's name is not looked at again)."""
    hits = []
    text = t.text
    tokens = gazetteer_tokens(t)
    if not tokens:
        return hits
    opening = len(text) - len(text.lstrip())  # where the first word starts
    consumed = -1
    covered = Covered(found)
    cues = {m.start() for m in matches} if (matches := cue_matches(t)) else ()  # no name starts at a cue
    for token in tokens:
        start, end, flags = token
        if start < consumed or start in covered or start in cues:
            continue
        if flags & WORD and not capital_next(text, end) and start != opening and not elided_surname(text, start):
            continue  # a name that is a word, alone: every rule below needs more
        initial = with_initial(text, start, end, flags)
        if initial and not after_place(t, initial[0]):
            hits.append(Hit("PERSON", *initial, PAIR))
            consumed = initial[1]
            continue
        pair = slash_pair(t, start, end, flags)
        if pair and not after_place(t, start):
            hits.append(Hit("PERSON", start, pair, PAIR))
            consumed = pair
            continue
        given = given_before(text, start, flags)
        if given and not after_place(t, given) and fold(text[given:end]) not in municipalities():
            hits.append(Hit("PERSON", given, end, PAIR))
            consumed = end
            continue
        given_end = given_after(t, start, end, flags)
        if given_end and not after_place(t, start) and fold(text[start:given_end]) not in municipalities():
            hits.append(Hit("PERSON", start, given_end, PAIR))
            consumed = given_end
            continue
        if fold(text[start:end]) in PLACES or fold(text[start:end]).replace("’", "'").split("'")[0] in PLACES:
            continue  # "Villa Borghese", "Porta Nuova", "Sant'Andrea": a place word starts no name
        run = run_from(t, token)
        consumed = run[-1][1]
        lead = LOWER_SURNAME_BEFORE.search(text, max(0, start - 30), start) if text[start].islower() else None
        if lead and len(run) == 1 and flags & FIRST and not flags & WORD and is_name_like(lead.group(1).capitalize()):
            run.insert(0, (lead.start(), lead.end(), 0))  # "de santis lorenzo": a surname with a particle first
        elif text[start].islower() and len(run) > 1 and run[-1][2] & FIRST and not run[-1][2] & WORD:
            # A name after a particle is a surname, also a first name's: "de luca francesco".
            particle = LOWER_PARTICLE_BEFORE.search(text, max(0, start - 6), start)
            if particle:
                run[0] = (particle.start(), run[0][1], SURNAME)
        surname = surname_after(t, run)
        if surname:
            run.append(surname)
            consumed = surname[1]
        if is_pair(text, run) or surname:
            score = PAIR
        elif (
            len(run) == 1
            and flags & FIRST
            and not flags & WORD
            and start == opening
            and text[end : end + 1] in (",", "!")
            and text[start].isupper()
        ):
            score = PATTERN  # "Alessandro, la tua domanda è stata accolta"
        else:
            continue
        first, last = run[0][0], run[-1][1]
        if not after_place(t, first) and fold(text[first:last]) not in municipalities():
            hits.append(Hit("PERSON", first, last, score))
    return hits


# An initial and a name-like word: "M. Kravchuk", "Kravchuk M." (a listed surname is
# ``with_initial``'s); the capital first, the look-behind after it, so that a search skips to it.
INITIAL_FIRST = re.compile(
    rf"[A-Z](?<![^\W\d_.][A-Z])\. ({CAPITAL_LETTER}[^\W\d_]+(?:-{CAPITAL_LETTER}[^\W\d_]+)?)(?![\w.])"
)


INITIAL_AFTER = re.compile(rf"({CAPITAL_LETTER}(?<![^\W\d_]{CAPITAL_LETTER})[^\W\d_]+) [A-Z]\.(?![^\W\d_.])")


ELIDED_D = re.compile(r"(?<![^\W\d_])D(?:ell|all|egl)?['’]$")
PARTICLE_LEAD = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(sorted(p.capitalize() for p in PARTICLE_WORDS))})[ \t]$")
CLOSES = re.compile(r"[ \t]*(?:[,:;)]|[–—-][ \t]|$)")


def initial_runs(t: NameText) -> list[Hit]:
    hits = []
    text = t.text
    if "." not in text:
        return hits
    for rx in (INITIAL_FIRST, INITIAL_AFTER):
        for m in rx.finditer(text):
            word = m.group(1)
            if rx is INITIAL_FIRST and m.group().startswith("S."):
                continue  # "S. Rocco" may be a saint's abbreviation
            # After an elided D-particle any word is a surname ("Dell'Acqua F."), and after a particle when
            # the initial closes a clause ("Lo Presti G.,"; not "La Fase B. del progetto").
            lead, closes = (text, max(0, m.start(1) - 5), m.start(1)), CLOSES.match(text, m.end()) and not is_stop(word)
            elided = rx is INITIAL_AFTER and (ELIDED_D.search(*lead) or (closes and PARTICLE_LEAD.search(*lead)))
            start = elided.start() if elided else m.start()
            if word.isupper() or after_place(t, start):
                continue
            if not elided and (flags_of(word) or not is_name_like(word)):
                continue
            hits.append(Hit("PERSON", start, m.end(), PAIR))
    return hits
