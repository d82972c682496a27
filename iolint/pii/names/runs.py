"""A run of capitalised words that may be a person's name where the title leaves only a person
(``positions``): which words may stand in it, with particles, initials and a word taken for
the surname."""

from __future__ import annotations

import re

from iolint.pii.namedata import FIRST, SURNAME, WORD, fold, municipalities
from iolint.pii.names.info import short_caps
from iolint.pii.names.vocabulary import CAP_WORD, CAPITAL_LETTER, EVENTS, GAP, PARTICLE, QUALIFIERS
from iolint.pii.names.words import counts_here, flags_of, is_name_like, is_stop, stops_after, surname_after_clear


def surname_word(word: str, before: str) -> bool:
    """A capitalised word that may be a surname after ``before``, a first name or an unknown name
    ("Gentile" after "Viola", "Kola" after "Dritan"): written like its neighbour (title case, or
    all capitals), not an event, a qualifier or a role."""
    if len(word) < 3 or not (word[1:].islower() or (word.isupper() and before.isupper())):
        return False
    if fold(word) in EVENTS or fold(word) in QUALIFIERS:
        return False
    flags = flags_of(before)
    return bool(flags & FIRST) if flags else is_name_like(before)


def surname_before_first(text: str, word: re.Match[str]) -> bool:
    """A capitalised word in the plural form of Italian surnames (-i) right before a first name
    that is not a word: "Ferri Lucia" (not a place: "Canale Licia", "Feletto Umberto")."""
    if word.group()[-1] not in "iI":
        return False
    gap = GAP.match(text, word.end())
    after = CAP_WORD.match(text, gap.end()) if gap else None
    if after is None:
        return False
    flags = flags_of(after.group())
    return bool(flags & FIRST) and not flags & WORD and surname_word(word.group(), after.group())


# An initial before a capitalised word ("S." excepted: a saint's abbreviation), or after one.
INITIAL_BEFORE = re.compile(rf"(?!S\.)[A-Z]\.[ \t](?={CAPITAL_LETTER})")
INITIAL_AFTER = re.compile(r"[ \t][A-Z]\.(?![^\W\d_.])")


def initialled_run(text: str, at: int) -> tuple[int, int] | None:
    """A listed name or a word that counts here with an initial, before or after it: "per M.
    Bond", "Pop F.:", "(W. Han)"."""
    initial = INITIAL_BEFORE.match(text, at)
    word = CAP_WORD.match(text, initial.end() if initial else at)
    if word is None or is_stop(word.group()) or text[word.end() : word.end() + 1].isdigit():
        return None
    after = None if initial else INITIAL_AFTER.match(text, word.end())
    if not (initial or after) or not (flags_of(word.group()) & (FIRST | SURNAME) or counts_here(word.group())):
        return None
    return (initial.start(), word.end()) if initial else (word.start(), after.end())


def caps_name_beside(text: str, words: list[re.Match[str]], word: re.Match[str]) -> bool:
    """Whether a name-like word of five letters or more, in capitals, stands right before or after
    ``word``: then ``word`` is a short surname, not an acronym."""
    if words:
        beside = words[-1].group()
    else:
        gap = GAP.match(text, word.end())
        after = CAP_WORD.match(text, gap.end()) if gap else None
        if after is None:
            return False
        beside = after.group()
    return len(beside) >= 5 and beside.isupper() and counts_here(beside) and not flags_of(beside) & WORD


# Between two names that are words: a space or two, or a capitalised particle.
WORD_GAP = re.compile(rf"{GAP.pattern}(?:(?=[A-Z]){PARTICLE.pattern})?")


def person_run(text: str, at: int, opening: bool = False, verb_after: bool = False) -> tuple[int, int] | None:
    """Two to four capitalised words from ``at`` that may each be part of a name, with particles
    and hyphens. Names that are all words must stand side by side, and when opening the title
    ("Bianco Natale:", "Stella di Natale:") be a first name then a surname. A capitalised
    particle may lead the first word ("De Santis Lorenzo:", "El Amrani Youssef")."""
    # An initial before the name, or after its first word ("M. Bond", "Pop F."): looked for only
    # where a dot stands two characters on.
    dot = text.find(".", at, at + 34)
    if dot >= 0 and (dot == at + 1 or text[dot - 2 : dot - 1] == " ") and (initialled := initialled_run(text, at)):
        return initialled
    words: list[re.Match[str]] = []
    first = end = at
    # (a particle is a short word: a space within six characters)
    lead = PARTICLE.match(text, at) if text[at : at + 1].isupper() and " " in text[at + 1 : at + 7] else None
    if lead and CAP_WORD.match(text, lead.end()):
        at = lead.end()
    while len(words) < 4:
        word = CAP_WORD.match(text, at)
        if not word or text[word.end() : word.end() + 1].isdigit():
            break
        if stops_after(word.group(), flags_of(words[-1].group()) if words else 0):
            break
        if len(word.group()) <= 4 and short_caps(word.group()) and caps_name_beside(text, words, word):
            pass  # "DIOP FATOU:", "per IBRAHIMA NDAO": a short surname in capitals by a name
        elif not counts_here(word.group()) and not (words and surname_after_clear(words[-1].group(), word.group())):
            # A word that is no name taken for the surname: after a listed first name that is not
            # a word ("Lorenzo Ferri:"); before a verb also after an unknown name ("a Dritan Kola
            # è…") or, in the plural form of Italian surnames (-i), after a first name that is a
            # word ("di Bruno Ferri rinnovata"; not "di Primo Soccorso confermato", "per Marina
            # Militare", "Christmas Market:"); or before a first name that is not a word ("di
            # Ferri Lucia pronta").
            if words:
                prev = flags_of(words[-1].group())
                loose = verb_after and (not prev & WORD or word.group()[-1] in "iI")
                if (loose or (prev and not prev & WORD)) and surname_word(word.group(), words[-1].group()):
                    words.append(word)
                    end = word.end()
                break
            if not surname_before_first(text, word):
                break
        words.append(word)
        end = word.end()
        gap = GAP.match(text, end)
        if not gap:
            break
        at = (PARTICLE.match(text, gap.end()) or gap).end()
    if len(words) < 2:
        return None
    flags = [flags_of(w.group()) for w in words]
    if all(f & WORD for f in flags):
        # Names that are all words ("Stella di Natale", "Bianco Natale") are a person only as
        # first name then surname, side by side: "Serena Costa", "Marina Greco".
        # (or with a capitalised particle between: "Serena Lo Russo", not "Stella di Natale")
        if len(words) != 2 or not WORD_GAP.fullmatch(text, words[0].end(), words[1].start()):
            return None
        # Or surname then first name, each only that ("Costa Serena:"; not "Bianco Natale:").
        if (
            opening
            and not (flags[0] & FIRST and flags[1] & SURNAME)
            and not (
                flags[0] & (FIRST | SURNAME) == SURNAME
                and flags[1] & (FIRST | SURNAME) == FIRST
                and fold(words[1].group()) not in EVENTS
            )
        ):
            return None
    if not (lead and first == words[0].start() - len(lead.group())):
        first = words[0].start()
    if is_stop(words[0].group()) or text[first:end].lower() in municipalities():
        return None
    return first, end
