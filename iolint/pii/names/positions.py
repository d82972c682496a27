"""Names where the title leaves only a person: opening it, closing it, opening a clause after a
colon or a dash, or a first name addressing the reader."""

from __future__ import annotations

import re

from iolint.pii.hits import PAIR, PATTERN, Hit
from iolint.pii.namedata import FIRST, SURNAME, WORD, fold, municipalities
from iolint.pii.names.context import after_place, event_before
from iolint.pii.names.cued import CUE_PATTERNS, cue_may_start
from iolint.pii.names.runs import person_run, surname_word
from iolint.pii.names.vocabulary import CAP_WORD, CAPITAL_LETTER, CLAUSE_MARK, GAP, LETTERS, letter_first
from iolint.pii.names.words import (
    Covered,
    NameText,
    capital_at,
    capital_next,
    counts_here,
    covered,
    flags_of,
    is_name_like,
    is_stop,
)

# Words after a name that leave only a person in the title: "Rosa, hai…", "Serena Costa:".
ADDRESSES = re.compile(
    r"[ \t]*[,!][ \t]*(?:\w+[ \t]+){0,3}?(?:hai|sei|ti|tu|tuo|tua|tuoi|tue|puoi|devi|ricorda|ricordati|"
    r"vi|vostr[oaie]|avete|siete|potete|dovete|benvenut[oaie]|bentornat[oaie]|"
    r"your|you|welcome|dein\w*|du|ihr|ihre|euer|eure\w*|sie|willkommen)\b",
    re.IGNORECASE,
)


SURNAME_COMMA_FIRST = re.compile(rf"({CAPITAL_LETTER}[^\W\d_]+),[ \t]+({CAPITAL_LETTER}[^\W\d_]+)")


OPENING_END = re.compile(r"[ \t]*(?:[:,!]|[-–—][ \t])")


# "per Name Surname", ": Name Surname" or "(Name Surname)" closing the title.
# (also after a slash, a bar or a number: "Esito pratica / Hoxha Arben", "Pratica n. 123 Hoxha Arben")
CLOSING_CUE = re.compile(
    r"(?:(?<![\w.])(?:[Pp]er|[Aa]d?|[Dd][ai]|[Ff]or|[Tt]o|[Ff]rom|[Ff]ür|[Aa]n|PER|AD?|D[AI])|[:–—/|]|(?<= )-|(?<=[ ./])\d+)[ \t]+|(?<= )\("
)


CLOSING_END = re.compile(r"[ \t.!)]*$")


OPEN_PUNCT = re.compile(r"[ \t]*[,!]")
COMMA_AFTER = re.compile(r"[ \t]*,")


TRAILING = re.compile(r"[ \t.!)]*")


# Where a clause starts after a colon or a dash, leaving only a person if names open it:
# "Dati anagrafici: Hoxha Ardit, nato a…", "Servizio civile: Ousmane Gueye assegnato al…".
CLAUSE_START = re.compile(rf"{CLAUSE_MARK}[ \t]{{1,3}}")


# A past participle: regular ("assegnato", "ricevuto"), in -sso/-tto ("ammesso", "iscritta",
# "promossi"), or one of the irregular ones an outcome is told with ("accolta", "respinta",
# "chiusa", "sospesa", "presa in carico").
IRREGULAR_PARTICIPLES = (
    "accolt|raccolt|risolt|sciolt|scelt|svolt|coinvolt|respint|vint|aggiunt|assunt|raggiunt|chiest|"
    "dispost|propost|rispost|previst|chius|conclus|esclus|inclus|pres|sospes|estes|decis|apert|offert"
)
PARTICIPLE = (
    r"(?!(?:tutt|stess|spess|adess|sott)[oaie]\b)"
    rf"(?:[a-zà-ù]+(?:at|it|ut|ss|tt)|(?:{IRREGULAR_PARTICIPLES}))[oaie]"
)
CLAUSE_END = re.compile(rf"[ \t]*(?:[:,!]|[-–—][ \t])|[ \t]+(?:{PARTICIPLE}|nat[oaie])\b")


def clause_runs(t: NameText, found: list[Hit]) -> list[Hit]:
    """Names opening a clause after a colon or a dash, before punctuation or a participle."""
    hits = []
    text = t.text
    covered = Covered(found)
    for m in CLAUSE_START.finditer(text):
        at = m.end()
        if at in covered or not capital_at(text, at) or event_before(t, m.end()):
            continue  # "Mostra: Frida Kahlo, …" is an event's
        span = person_run(text, at, opening=True)
        if span and CLAUSE_END.match(text, span[1]) and fold(text[span[0] : span[1]]) not in municipalities():
            hits.append(Hit("PERSON", span[0], span[1], PAIR))
            continue
        # A first name alone before a comma: "Iscrizione al nido: Aylin, la domanda è accolta".
        word = CAP_WORD.match(text, at)
        flags = flags_of(word.group()) if word else 0
        if flags & FIRST and not flags & WORD and COMMA_AFTER.match(text, word.end()):
            hits.append(Hit("PERSON", word.start(), word.end(), PATTERN))
    return hits


# A preposition before two or more names and an outcome or a verb: "Cambio di residenza di Bledar
# Shehu registrato", "Il rimborso a Dritan Kola è stato disposto".
# (and in German and English: "Antrag von Dritan Hoxha genehmigt", "Application of … approved")
OF_WORDS = r"di|a|ad|per|da|von|für|an|of|for|to|from|by"
# "(?<![\w.])(?:di|a|…)[ \t]{1,3}" as first written, the first letters first (``letter_first``).
NOT_AFTER_OF = r"[\w.]"
OF_NAME = re.compile(rf"(?:{letter_first(OF_WORDS, NOT_AFTER_OF)})[ \t]{{1,3}}")
VERB_AFTER = re.compile(
    rf"[ \t]+(?:{PARTICIPLE}|è|ha|hanno|sono|risulta|risultano|viene|verrà|deve|dovrà|può|potrà|"
    r"va|vanno|scade|riceve|riceverà|sarà|saranno|avrà|avranno|verranno|potranno|dovranno|pront[oaie]|disponibil[ei]|"
    r"[a-zäöüß]*ge[a-zäöüß]+(?:t|en)|wurde|wird|ist|sind|hat|[a-z]+ed|is|was|has|will)\b"
)
# Also a date or a time ("per Ixpha Shane il 12/03 alle 10:00").
PARTICIPLE_AFTER = re.compile(rf"{VERB_AFTER.pattern}|[ \t]*[,;:]|[ \t]+(?:il|dal|alle|entro il|in data)[ \t]+\d")


def of_name_runs(t: NameText, found: list[Hit]) -> list[Hit]:
    hits = []
    text = t.text
    covered = Covered(found)
    for m in OF_NAME.finditer(text):
        if m.end() in covered or not capital_at(text, m.end()):
            continue
        span = person_run(text, m.end())
        if not (span and PARTICIPLE_AFTER.match(text, span[1])):
            # "di Bruno Ferri rinnovata": a first name that is a word or an unknown word first.
            word = CAP_WORD.match(text, m.end())
            flags = flags_of(word.group()) if word else 0
            if not (flags & FIRST and flags & WORD or (word and not flags and is_name_like(word.group()))):
                continue
            span = person_run(text, m.end(), verb_after=True)
            if not (span and VERB_AFTER.match(text, span[1])):
                continue
        if not after_place(t, span[0]):
            hits.append(Hit("PERSON", span[0], span[1], PAIR))
    return hits


def bracket_runs(t: NameText, found: list[Hit]) -> list[Hit]:
    """Names that fill a pair of brackets: "Mensa scolastica (Xiuying Lei): ricarica"."""
    hits = []
    text = t.text
    covered = Covered(found)
    for m in BRACKET.finditer(text):
        if m.end() in covered or not capital_at(text, m.end()):
            continue
        span = person_run(text, m.end(), opening=True)
        if span is None or text[span[1] : span[1] + 1] != ")" or after_place(t, span[0]):
            continue
        # At least one listed name: two unknown words in brackets are often a term ("Yom Kippur").
        if any(flags_of(w) & (FIRST | SURNAME) for w in LETTERS.findall(text, span[0], span[1])):
            hits.append(Hit("PERSON", span[0], span[1], PAIR))
    return hits


BRACKET = re.compile(r"\([ \t]*")


AND_NAME = re.compile(rf"[ \t]+(?:e|ed|and|und)[ \t]+(?={CAPITAL_LETTER})")


# An English family named by its surname: "the Rossi family", "the Khan household".
FAMILY = re.compile(rf"(?<![^\W\d_'’-])({CAP_WORD.pattern})[ \t]+(?:family|household)\b")  # (a word's start)


def family_runs(t: NameText) -> list[Hit]:
    hits = []
    for m in FAMILY.finditer(t.text):
        flags = flags_of(m.group(1))
        if not is_stop(m.group(1)) and (flags & SURNAME or (not flags and is_name_like(m.group(1)))):
            hits.append(Hit("PERSON", m.start(1), m.end(1), PAIR))
    return hits


def position_runs(t: NameText, found: list[Hit] = ()) -> list[Hit]:
    """Names where the title leaves only a person: opening it, closing it, or addressing (a
    place an earlier rule's name already covers is not looked at again)."""
    text = t.text
    hits = clause_runs(t, found) if ":" in text or "-" in text or "–" in text or "—" in text else []
    if "family" in t.low or "household" in t.low:
        hits += family_runs(t)
    hits += of_name_runs(t, [*found, *hits])
    if "(" in text:
        hits += bracket_runs(t, [*found, *hits])
    opening = len(text) - len(text.lstrip(" \t*_#>\"'«“"))
    word = CAP_WORD.match(text, opening)
    if word is None or covered(found, opening):
        return hits + closing_runs(t, [*found, *hits])
    # A name opening the title has a second capitalised word or an initial.
    two = capital_next(text, word.end()) or text.find(".", opening, opening + 34) >= 0
    span = person_run(text, opening, opening=True) if two else None
    # Before punctuation, or before a verb as its subject ("Serena Greco è stata ammessa").
    ends = span and (OPENING_END.match(text, span[1]) or VERB_AFTER.match(text, span[1]))
    if ends and fold(text[span[0] : span[1]]) not in municipalities():
        hits.append(Hit("PERSON", span[0], span[1], PAIR))
    elif span and (joined := AND_NAME.match(text, span[1])):
        # Two people opening the title: "Hoxha Blerina e Shehu Arben, benvenuti…".
        second = person_run(text, joined.end(), opening=True)
        if second and OPENING_END.match(text, second[1]):
            hits += [Hit("PERSON", span[0], span[1], PAIR), Hit("PERSON", second[0], second[1], PAIR)]
    # "Esposito, Gennaro: …": a surname, a comma and a first name open the title.
    comma = SURNAME_COMMA_FIRST.match(text, opening)
    if comma and flags_of(comma.group(1)) & SURNAME and flags_of(comma.group(2)) & FIRST:
        if counts_here(comma.group(1)) and counts_here(comma.group(2)) and OPENING_END.match(text, comma.end()):
            hits.append(Hit("PERSON", comma.start(), comma.end(), PAIR))
    # A first name addressing the reader: "Rosa, hai…", "Arben, la tua domanda…"; two joined by
    # "e" ("Giulia e Marco, benvenuti…"), or an unknown name and a word for its surname
    # ("Abdoulaye Sow, la tua adesione…").
    end = addressed_end(text, word)
    if (
        end
        and ADDRESSES.match(text, end)
        and not (cue_may_start(t, word.start()) and any(rx.match(text, word.start()) for rx, _, _ in CUE_PATTERNS))
    ):
        hits.append(Hit("PERSON", word.start(), end, PATTERN))
    return hits + closing_runs(t, [*found, *hits])


def first_name(word: str) -> bool:
    flags = flags_of(word)
    return bool(flags & FIRST) or (not flags and is_name_like(word))


def addressed_end(text: str, word: re.Match[str]) -> int | None:
    """Where the names opening the text end before a comma or "!", when they may address the
    reader: a first name or an unknown name, two listed first names joined by "e", or an unknown
    name and a capitalised word."""
    if ("," not in text and "!" not in text) or not first_name(word.group()):
        return None
    if OPEN_PUNCT.match(text, word.end()):
        return word.end()
    joined = AND_NAME.match(text, word.end())
    gap = None if joined else GAP.match(text, word.end())
    second = CAP_WORD.match(text, (joined or gap).end()) if joined or gap else None
    if second is None or not OPEN_PUNCT.match(text, second.end()) or is_stop(second.group()):
        return None
    if joined and flags_of(word.group()) & flags_of(second.group()) & FIRST:
        return second.end()  # both listed first names ("Tari e Imu, hai pagato?" is no one)
    if gap and not flags_of(word.group()) and surname_word(second.group(), word.group()):
        return second.end()
    return None


def closing_runs(t: NameText, found: list[Hit]) -> list[Hit]:
    """ "… per Fatou Diop", "…: Kavinda Jayasuriya": names closing the text after a preposition,
    a colon, a dash, a slash or a number."""
    text = t.text
    last = len(text.rstrip(" \t.!)")) - 1
    if last < 0 or not text[last].isalpha() or covered(found, last):
        return []
    start = last
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "'’-"):
        start -= 1
    if text[start : last + 1].islower():
        return []  # a closing name ends with a capitalised word
    hits = []
    for m in CLOSING_CUE.finditer(text, max(0, len(text) - 80)):  # a closing name is near the end
        if not capital_at(text, m.end()):
            continue
        # After a slash, a bar or a number, names that are words only first name first.
        span = person_run(text, m.end(), opening=text[m.start()] in "/|" or text[m.start()].isdigit())
        # The place or event must name the person: "Concerto per |Ennio Morricone" is an
        # event's, "Iscrizione all'asilo nido per |Amadou Diallo" a child's.
        if span and CLOSING_END.fullmatch(text, span[1]) and not after_place(t, span[0]):
            hits.append(Hit("PERSON", span[0], span[1], PAIR))
    return hits
