"""Where a sentence ends, and whether it addresses the reader: the two questions ``topics`` asks
before it decides whether a special-category term is about someone or only a topic.

A sentence ends at "!", "?", a new line or a period, but not at the period of an abbreviation,
an initial or a day's number ("Oncologia: il dott. Rossi va in pensione" is one sentence). It
addresses the reader when it holds "tuo", "hai", "Ihr", "your", a greeting…, except in a
condition put to everyone ("se sei…"), an invitation to everyone ("Iscrivi tuo figlio al
corso…"), an option open to all ("puoi modificare…"), a formula ("Gentile cittadino,", "ti
informiamo che", "la tua guida") or an honorific naming a third person ("il dott. Rossi").
The word lists are in data/special.txt.
"""

from __future__ import annotations

import re
from functools import lru_cache

from iolint.pii.wordlists import factored_alternation, words

_SENTENCE_END = re.compile(r"[.!?\n]")
# Abbreviations whose period ends no sentence ("il dott. Rossi", "Sig.ra", "n. 12").
_ABBREVIATIONS = frozenset(word.lower() for word in words("special", "abbreviations"))
_REACH = 200

# Words that address the recipient or name a person: a term next to them is about someone.
_RECIPIENT = re.compile(rf"\b(?:{factored_alternation('special', 'recipient')})(?![^\W\d_])")
# German "Ihr" addresses the reader only capitalised ("ihr" is "her", "their", "you all").
# (Each word's first letter comes before the test that no letter precedes it: the search then
# skips to an "I" or an "S", instead of trying the pattern at every position.)
_GERMAN_YOU = re.compile(r"(?:I(?<![^\W\d_].)(?:hr|hre|hren|hrem|hrer|hnen)|S(?<![^\W\d_].)ie)(?![^\W\d_])")
# "se sei ricoverato", "if you are": a condition put to everyone, not a fact about the reader.
_HYPOTHETICAL = re.compile(r"(?:\bse|\bif|\bwenn|\bfalls)\s+$")
# "Se sei in dialisi puoi chiedere…": a sentence with a condition on the reader is an offer to all.
# (First letters before the word-start test, as in ``_GERMAN_YOU``: "\b" before a letter is "no
# word character before it".)
_CONDITIONAL = re.compile(
    r"(?:s(?<!\w.)e\s+(?:sei|hai|tu|il\s+tuo|la\s+tua)|i(?<!\w.)f\s+you|w(?<!\w.)enn\s+(?:sie|du)|f(?<!\w.)alls\s+sie)\b"
)
# A sentence that opens with an invitation to everyone ("Iscrivi tuo figlio al corso…", "Conosci
# i tuoi diritti…", "Partecipa al sondaggio…"): its "tuo" is anyone's.
_INVITATION = re.compile(
    r"[\W\d_]*(?:scopri|conosci|partecipa|partecipate|vieni|venite|segui|seguite|leggi|iscrivi|iscriviti|"
    r"iscrivetevi|find\s+out|discover|join|learn|entdecken\s+sie|besuchen\s+sie|kommen\s+sie)\b"
)
# An honorific after an article names a third person ("il dott. Rossi va in pensione"), not
# the reader ("Gentile dott. Rossi", "Sig. Verdi, la visita…").
_HONORIFICS = frozenset(("sig", "sig.ra", "dott"))
_ARTICLE_BEFORE = re.compile(
    r"(?:\b(?:il|la|lo|i|gli|le|dal|dalla|dallo|del|della|dello|al|alla|allo|col|nel|nella|sul|sulla|dai|dei|ai)\s+"
    r"|\bl['’]\s*)$"
)
# Formulas of every message, by the word that addresses the reader: a salutation to a role
# ("Gentile cittadino,", "Dear resident,", "Sehr geehrte Bürgerinnen und Bürger,"), "ti informiamo
# che", "la tua guida", and "puoi" before a verb of choosing or asking ("puoi modificare la
# scelta entro…", an option open to all). What follows them is not about the reader for that.
# (They are only matched right after the word, which "(?<!\s)" says, so no search backtracks.)
_TO_A_ROLE = re.compile(
    r"(?<!\s)\s+(?:cittadin|utent|genitor|famigli|contribuent|client|student|resident|elettor|assistit|pazient|"
    r"citizen|parent|customer|bürger|eltern|kund)[^\s,;:]*"
    r"(?:\s*(?:/|\be\b|\bo\b|\bund\b|\boder\b|\band\b|\bor\b)\s*[^\W\d_]+)?\s*[,;:]"
)
_WE_TELL_YOU = re.compile(
    r"(?<!\s)\s+(?:informiamo|comunichiamo|ricordiamo|segnaliamo|avvisiamo|aspettiamo|invitiamo)\b"
)
_GUIDE = re.compile(r"(?<!\s)\s+guid[ae]\b")
_MAY_CHOOSE = re.compile(
    r"(?<!\s)\s+(?:anche\s+|ancora\s+|già\s+)?(?:modific|cambi|sceglie|sceglier|chieder|richieder|prenot|iscriver|partecip|"
    r"presentar|fare\s+domanda|aderi|trovar|consult|scaric|rivolgert|contatt|chiamar|scriver|revocar|esprimer|indicar)"
)
_FORMULAS = {
    **dict.fromkeys(
        ("gentile", "cara", "caro", "dear", "liebe", "lieber", "sehr geehrte", "sehr geehrter"), _TO_A_ROLE
    ),
    "ti": _WE_TELL_YOU,
    "tua": _GUIDE,
    "your": _GUIDE,
    "puoi": _MAY_CHOOSE,
}


def _ends_sentence(text: str, at: int) -> bool:
    """Whether the mark at ``at`` ends a sentence: not a period inside a word or a number
    ("dott.ssa", "12.03.2025", "asl.it"), after an abbreviation or an initial ("il dott. Rossi",
    "Sig. Bianchi", "n. 12", "M. Rossi"), or after a day's number ("am 3. März")."""
    if text[at] != ".":
        return True
    after = text[at + 1 : at + 2]
    if after and not after.isspace():
        return False
    start = at
    while start > 0 and at - start < 12 and text[start - 1].isalnum():
        start -= 1
    if start == at:
        return True
    word = text[start:at].lower()
    return not (len(word) == 1 or word in _ABBREVIATIONS or (word.isdigit() and len(word) <= 2 and after != "\n"))


def sentence(text: str, at: int) -> tuple[int, int]:
    """The bounds of the sentence around ``at``, at most ``_REACH`` characters either side."""
    lo = max(0, at - _REACH)
    hi = min(len(text), at + _REACH)
    if _SENTENCE_END.search(text, lo, hi) is None:
        return lo, hi  # (most titles: no mark at all)
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, at):
        if _ends_sentence(text, m.start()):
            start = m.end()
    for m in _SENTENCE_END.finditer(text, at, hi):
        if _ends_sentence(text, m.start()):
            return start, m.end()
    return start, hi


# (Remembered for the last sentences asked about: a text's terms often share their sentence,
# and the recipient words' search is the costliest part of deciding about a term.)
@lru_cache(maxsize=16)
def addresses_reader(text: str, low: str, lo: int, hi: int) -> bool:
    """Whether the sentence ``lo:hi`` addresses the reader (not in a condition put to all, an
    invitation to all, a formula, nor with an honorific naming a third person)."""
    if _CONDITIONAL.search(low, lo, hi) or _INVITATION.match(low, lo):
        return False
    # (each German address holds "Ih" or "Sie": a sentence without them is not searched for one)
    said = text[lo:hi]
    german = "Ih" in said or "Sie" in said
    for rx, seen in ((_RECIPIENT, low), (_GERMAN_YOU, text)) if german else ((_RECIPIENT, low),):
        for m in rx.finditer(seen, lo, hi):
            if _HYPOTHETICAL.search(low, max(lo, m.start() - 6), m.start()):
                continue
            if m.group() in _HONORIFICS and _ARTICLE_BEFORE.search(low, max(lo, m.start() - 8), m.start()):
                continue  # "il dott. Rossi", "dalla sig.ra Neri": a third person, such as the doctor
            formula = _FORMULAS.get(m.group())
            if formula is not None and formula.match(low, m.end()):
                continue  # "Gentile cittadino, ti informiamo che…", "puoi modificare…": said to everyone
            return True
    return False
