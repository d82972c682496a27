"""The style family: the writing guidance of IO's services manual: "tu", not "Lei"; titles that
state the subject; the pagoPA brand; payment messages that say how much and by when.
"""

from __future__ import annotations

import re
import unicodedata

from iolint.finding import Hit
from iolint.registry import payload_check

# Courtesy forms. "La"/"Le" + verb only capitalised: in lower case they may mean "her"/"them".
# "Gentile" before a name is formal too ("Gentile Mario Rossi,"); only "Gentile" is reported,
# never the name after it.
_COURTESY = re.compile(
    r"\b(?:(?i:gentile\s+(?:utente|cittadin[oa]|contribuente|signor[ae]?)"
    r"|egregi[oa]|spettabile|spett\.le)"
    r"|La\s+(?i:informiamo|preghiamo|invitiamo|ringraziamo)"
    r"|Le\s+(?i:comunichiamo|ricordiamo|segnaliamo|chiediamo|scriviamo))\b"
    r"|\b(?:[Gg]entil(?:e|issim[oa])|[Gg]ent\.m[oa])(?=\s+[A-ZÀ-Ý])"
    r"|\b[a-zàèéìòù]{3,}L[ae]\b"  # enclitic: comunicarLe, informarLa
)
# Reported only mid-sentence: "Lei" and "Sua" open sentences about someone else too.
_PRONOUN = re.compile(r"\b(?:Lei|Sua|Suo|Sue|Suoi)\b")
# "Le" is the pronoun only before a verb ("Le inviamo", "Le è stato inviato"); before a noun it
# is the article, wherever it stands ("Le candidature sono aperte", "[Le novità](…)").
_LE_PRONOUN = re.compile(
    r"\bLe(?=\s+(?:[a-zàèéìòù]+(?:iamo|emo)|[a-zàèéìòù]+o(?<!foto)(?<!moto)(?<!auto)(?<!radio)"
    r"(?<!info)(?<!video)(?<!euro)(?<!metro)|è|sarà|saranno|verrà|verranno|viene|vengono|sono|ha|"
    r"hanno|spetta|spettano|manca|mancano|serve|servono|occorre|occorrono|piace|interessa|sia|siano)\b)"
)
_SENTENCE_END = ".!?:;…\n"
_LEAD_IN = " \t*_#>+-\"'«“‘([`"  # markdown and quotes between a sentence end and its first word

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ACRONYMS = {"INAIL", "ISTAT", "CONSAP", "ARERA", "ACI", "CCIAA"}

# A kind of ente, then capitalised words joined by particles: "Comune di Reggio nell'Emilia".
_ENTE_NAME = re.compile(
    r"\s*(?i:comune|citt[àa](?:\s+metropolitana)?|regione|provincia|municipio|unione|ministero"
    r"|agenzia|azienda|istituto|consorzio|prefettura|questura|camera\s+di\s+commercio"
    r"|asl|asst|ats|ausl|ulss|asp)\b"
    r"(?:\s+(?:(?:di|del|dello|della|dei|degli|delle|de|e|ed|in|nel|nella|nei|negli|nelle"
    r"|sul|sulla|al|alla|a|da|sotto|sopra)\s+|(?:d|nell|sull|all)['’]\s*)*[A-ZÀ-Ý][\w'’.-]*)*"
)
_SEPARATORS = " \t:;,.-–—|/"
VAGUE_TITLES = {
    "comunicazione", "comunicazioni", "comunicazione importante", "nuova comunicazione", "avviso",
    "avvisi", "avviso importante", "nuovo avviso", "informazione", "informazioni", "informativa",
    "notifica", "messaggio", "nuovo messaggio", "esito", "esito della richiesta", "esito richiesta",
    "esito della domanda", "esito domanda", "aggiornamento", "aggiornamenti", "promemoria",
    "importante", "urgente", "info", "news", "novità",
}  # fmt: skip
_PUNCTUATION = re.compile(r"[^\w\s]+")

_AMOUNT = re.compile(r"€\s?\d|\d\s?€|\d\s?(?i:euro?)\b|\b(?i:euro?)\s?\d")
# A date starts with a digit: the lookahead lets the regex engine skip to digits.
_DATE = re.compile(
    r"(?=\d)(?<!\d)(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d\d-\d\d|\d{1,2}[°º]?\s+(?i:gennaio|febbraio"
    r"|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre))(?!\d)"
)
_EUR = re.compile("eur", re.IGNORECASE)
_PAGOPA = re.compile(r"\b(?i:pago[ \t-]?pa)\b")
_COMPANY = re.compile(r"\s*(?i:s\.?\s?p\.?\s?a)\b")
_DOMAIN_PART = re.compile(r"\.\w")


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _LEAD_IN:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


# Courtesy forms hold no digits: texts that differ only in digits (the same body with another
# amount or date, as in a batch) share one analysis (``view.found``).
def _formal_forms(text: str) -> tuple[tuple[int, str], ...]:
    found = {m.start(): m.group() for m in _COURTESY.finditer(text)}
    for m in _LE_PRONOUN.finditer(text):
        found.setdefault(m.start(), m.group())
    for m in _PRONOUN.finditer(text):
        if m.start() not in found and not _sentence_initial(text, m.start()):
            found[m.start()] = m.group()
    return tuple(sorted(found.items()))


@payload_check("IO801", needs="text")
def formal_address(view, ctx):
    hits = []
    for field, text in view.texts():
        for start, words in view.found(text, _formal_forms):
            message = f'"{words}" addresses the citizen formally: IO messages use "tu"'
            hits.append(Hit(field, message, value=words, offset=start))
    return hits


# The title rules below treat every digit alike (their patterns say ``\w`` or letters, and
# VAGUE_TITLES holds no digit): titles that differ only in digits get the same answer
# (``view.found``).
@payload_check("IO802", needs="subject", by_subject=True)
def all_caps_title(view, ctx):
    if view.found(view.subject, _shouts):
        return [Hit("content.subject", "the title is in capital letters, which reads as shouting")]
    return None


def _shouts(subject: str) -> bool:
    words = [w for w in _WORD.findall(subject) if not (w.isupper() and (len(w) <= 4 or w in _ACRONYMS))]
    return bool(words) and "".join(words).isupper()


def _normal(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text).lower().split())


@payload_check("IO803", needs="subject", by_subject=True)
def ente_name_title(view, ctx):
    if view.found(view.subject, _only_the_ente):
        message = (
            "the title is the ente's name: the app already shows who sends the message, "
            "the title should say what it is about"
        )
        return [Hit("content.subject", message)]
    return None


def _only_the_ente(subject: str) -> bool:
    m = _ENTE_NAME.match(subject)
    if not m or len(m.group().split()) < 2:
        return False
    rest = _normal(subject[m.end() :].strip(_SEPARATORS))
    return not rest or rest in VAGUE_TITLES


@payload_check("IO804", needs="subject", by_subject=True)
def vague_title(view, ctx):
    if view.found(view.subject, _vague):
        return [Hit("content.subject", f'"{view.subject.strip()}" does not say what the message is about')]
    return None


def _vague(subject: str) -> bool:
    return _normal(subject) in VAGUE_TITLES


@payload_check("IO805", needs="payment")
def payment_body_without_amount(view, ctx):
    body = view.body
    if body is not None and not view.found(body[0], _states_amount):
        return [Hit("content.markdown", "a payment message whose body does not say how much to pay")]
    return None


@payload_check("IO806", needs="payment")
def payment_body_without_date(view, ctx):
    body = view.body
    if body is not None and not view.found(body[0], _states_date):
        return [Hit("content.markdown", "a payment message whose body does not say by when to pay")]
    return None


# _AMOUNT, _EUR and _DATE treat every digit alike: a body's answers are those of its zeroed form
# (``view.found``).
def _states_amount(body: str) -> bool:
    """Whether ``_AMOUNT`` matches: every match holds "€" or "eur" at most two characters after
    its start, so the search starts there, not at the beginning of the text."""
    first = body.find("€")
    euro = _EUR.search(body)
    if euro is not None and (first < 0 or euro.start() < first):
        first = euro.start()
    return first >= 0 and _AMOUNT.search(body, max(0, first - 2)) is not None


def _states_date(body: str) -> bool:
    """Whether ``_DATE`` matches."""
    return _DATE.search(body) is not None


def _misspelled_pagopa(text: str, m: re.Match) -> bool:
    word = m.group()
    if word == "pagoPA":
        return False
    if word == "PagoPA":
        return not _COMPANY.match(text, m.end())  # "PagoPA S.p.A." is the company's name
    if word == "pagopa":  # fine in an address: www.pagopa.gov.it, @pagopa
        before = text[m.start() - 1 : m.start()]
        return not (before and before in "./@" or _DOMAIN_PART.match(text, m.end()))
    return True


def _pagopas(text: str, lower: str) -> list[re.Match]:
    """``_PAGOPA.finditer(text)``, tried only where ``lower`` (``text.lower()``) has "pago": no
    character but the ASCII letters matches p, a, g or o ignoring case, and only when the lower
    case is as long as the text (no "İ") are its offsets the text's."""
    if len(lower) != len(text):
        return list(_PAGOPA.finditer(text))
    out = []
    at = lower.find("pago")
    while at != -1:
        m = _PAGOPA.match(text, at)
        if m:
            out.append(m)
        at = lower.find("pago", m.end() if m else at + 1)
    return out


@payload_check("IO807", needs="text")
def pagopa_misspelled(view, ctx):
    hits = []
    for field, text in view.texts():
        for start, word in view.found(text, _misspellings):
            message = f'"{word}": the platform is spelled "pagoPA"'
            hits.append(Hit(field, message, value=word, offset=start))
    return hits


def _misspellings(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, spelling) of each misspelled "pagoPA": no spelling holds a digit, and the patterns
    treat every digit alike, so a text that differs only in digits has them at the same places."""
    lower = text.lower()
    if "pago" not in lower:
        return ()
    return tuple((m.start(), m.group()) for m in _pagopas(text, lower) if _misspelled_pagopa(text, m))


# What the app draws as nothing or that reorders the text around it: C0 and C1 controls (a tab
# or a line break excepted), zero-width spaces, bidirectional controls, the BOM, and halves of a
# character (lone surrogates). Joiners (emoji sequences, Persian) and soft hyphens are left alone.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]"
)
_REORDERING = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@payload_check("IO808", needs="text")
def invisible_character(view, ctx):
    hits = []
    for field, text in view.texts():
        found = view.found(text, _invisible)
        if found:
            start, count = found[0], len(found)
            kinds = ", ".join(dict.fromkeys(_described(text[at]) for at in found))
            what = "an invisible character" if count == 1 else f"{count} invisible characters"
            effect = (
                "it changes the order in which the app shows the text around it"
                if any(text[at] in _REORDERING for at in found)
                else "the citizen sees nothing there, but it is part of the text (push notification, search, copy)"
            )
            hits.append(Hit(field, f"{what} ({kinds}): {effect}", offset=start))
    return hits


def _invisible(text: str) -> tuple[int, ...]:
    """Where the invisible characters are (no digit is one: the key's zeroed digits change nothing)."""
    return tuple(m.start() for m in _INVISIBLE.finditer(text))


def _described(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        return f"{code}, half of a character"
    if char <= "\x9f":
        return f"{code}, a control character"
    return f"{code} {unicodedata.name(char, '')}".rstrip()


# Line breaks that show as such: IO808 reports the other controls (U+000B, U+000C, U+0085).
_LINE_BREAK = re.compile("[\n\r\u2028\u2029]")


@payload_check("IO809", needs="subject", by_subject=True)
def title_line_break(view, ctx):
    found = _LINE_BREAK.search(view.subject)
    if found:
        message = (
            "the title holds a line break: the inbox shows the service's name and the title in two lines in all, "
            "and the push notification and the calendar reminder carry the break too"
        )
        return [Hit("content.subject", message, offset=found.start())]
    return None
