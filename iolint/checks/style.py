"""Writing guidance of the IO services manual (../shared/research/io-models.md §3.3): "tu", not
"Lei"; titles that state the subject; the pagoPA brand; payment messages that say how much and
by when (IO801..IO807).
"""

from __future__ import annotations

import re
from functools import lru_cache

from iolint import cta
from iolint.checks import content, text_of
from iolint.finding import Hit
from iolint.registry import payload_check

_FIELDS = ("subject", "markdown")

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
_DATE = re.compile(
    r"(?<!\d)(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d\d-\d\d|\d{1,2}[°º]?\s+(?i:gennaio|febbraio"
    r"|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre))(?!\d)"
)
_PAGOPA = re.compile(r"\b(?i:pago[ \t-]?pa)\b")
_COMPANY = re.compile(r"\s*(?i:s\.?\s?p\.?\s?a)\b")
_DOMAIN_PART = re.compile(r"\.\w")


def _texts(msg):
    for key in _FIELDS:
        text = text_of(msg, key)
        if text:
            yield f"content.{key}", text


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _LEAD_IN:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


# Courtesy forms hold no digits: texts that differ only in digits (the same body with another
# amount or date, as in a batch) share one analysis.
_DIGIT = re.compile(r"[1-9]")


@lru_cache(maxsize=4096)
def _formal_forms(text: str) -> tuple[tuple[int, str], ...]:
    found = {m.start(): m.group() for m in _COURTESY.finditer(text)}
    for m in _LE_PRONOUN.finditer(text):
        found.setdefault(m.start(), m.group())
    for m in _PRONOUN.finditer(text):
        if m.start() not in found and not _sentence_initial(text, m.start()):
            found[m.start()] = m.group()
    return tuple(sorted(found.items()))


@payload_check("IO801")
def formal_address(msg, ctx):
    for field, text in _texts(msg):
        for start, words in _formal_forms(_DIGIT.sub("0", text)):
            message = f"\"{words}\" addresses the citizen formally: IO messages use \"tu\""
            yield Hit(field, message, value=words, offset=start)


@payload_check("IO802")
def all_caps_title(msg, ctx):
    subject = text_of(msg, "subject")
    if not subject:
        return
    words = [w for w in _WORD.findall(subject) if not (w.isupper() and (len(w) <= 4 or w in _ACRONYMS))]
    if words and "".join(words).isupper():
        yield Hit("content.subject", "the title is in capital letters, which reads as shouting")


def _normal(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text).lower().split())


@payload_check("IO803")
def ente_name_title(msg, ctx):
    subject = text_of(msg, "subject")
    m = _ENTE_NAME.match(subject) if subject else None
    if not m or len(m.group().split()) < 2:
        return
    rest = _normal(subject[m.end() :].strip(_SEPARATORS))
    if not rest or rest in VAGUE_TITLES:
        yield Hit(
            "content.subject",
            "the title is the ente's name: the app already shows who sends the message, "
            "the title should say what it is about",
        )


@payload_check("IO804")
def vague_title(msg, ctx):
    subject = text_of(msg, "subject")
    if subject and _normal(subject) in VAGUE_TITLES:
        yield Hit("content.subject", f"\"{subject.strip()}\" does not say what the message is about")


def _payment_body(msg) -> str | None:
    body = text_of(msg, "markdown")
    if body is None or not isinstance(content(msg).get("payment_data"), dict):
        return None
    return cta.split_front_matter(body)[1]


@payload_check("IO805")
def payment_body_without_amount(msg, ctx):
    body = _payment_body(msg)
    if body is not None and not _AMOUNT.search(body):
        yield Hit("content.markdown", "a payment message whose body does not say how much to pay")


@payload_check("IO806")
def payment_body_without_date(msg, ctx):
    body = _payment_body(msg)
    if body is not None and not _DATE.search(body):
        yield Hit("content.markdown", "a payment message whose body does not say by when to pay")


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


@payload_check("IO807")
def pagopa_misspelled(msg, ctx):
    for field, text in _texts(msg):
        if "pago" not in text.lower():
            continue
        for m in _PAGOPA.finditer(text):
            if _misspelled_pagopa(text, m):
                message = f"\"{m.group()}\": the platform is spelled \"pagoPA\""
                yield Hit(field, message, value=m.group(), offset=m.start())
