"""Email addresses and phone numbers (Italian ones, and numbers abroad with their country code).

Not personal data, so not reported: an office's role mailbox (``tributi@comune.bari.it``,
``protocollo@pec...``) and toll-free, shared-cost and premium numbers (``800 123 456``).
A phone candidate must be a valid Italian number for ``phonenumbers``; pagoPA notice numbers,
amounts, protocol numbers, dates and years never reach that check because the pattern refuses
to start or end inside a longer number.
"""

from __future__ import annotations

import re

from iolint.pii.codes import is_vat_code, vat_cue_before
from iolint.pii.hits import CONTEXT, PATTERN, Hit, before, cue
from iolint.pii.wordlists import words

EMAIL = re.compile(r"(?<![\w.%+-])([\w.%+-]{1,64})@((?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24})(?![\w-])", re.IGNORECASE)
# Written to slip past a filter: "mario.rossi[at]gmail.com", "mario.rossi (at) gmail [dot] com".
_AT = r"\s?[\[({]at[\])}]\s?"
_DOT = r"(?:\.|\s?[\[({]dot[\])}]\s?)"
OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.%+-])([\w.%+-]{{1,64}}){_AT}((?:[a-z0-9-]{{1,63}}{_DOT}){{1,8}}[a-z]{{2,24}})(?![\w-])", re.IGNORECASE
)
_DOTS = re.compile(_DOT)
EMAIL_CUES = ("@", "[at]", "(at)", "{at}")
_ROLE_WORDS = frozenset(words("contacts", "role mailbox words"))
_WEBMAIL = frozenset(words("contacts", "webmail"))

PHONE = re.compile(
    r"""(?=[+03(])                     # what a number starts with, tried first: a faster scan
    (?<![\w+/.,(])(?<!\d[ .-])        # not inside a number, a code, an amount or a date
    (?:(?:\+|00)39[ .-]?)?              # country code
    (?:3\d{2}|0\d{1,4}|\(0\d{1,4}\)\ ?|(?<=39)\ ?\(0\)\ ?[1-9]\d{0,3})  # mobile prefix or area code;
    # the area code in brackets, or its trunk 0 after the country code ("+39 (0)6")
    (?:/?\d|[ .-]?\d)(?:[ .-]?\d){3,7}  # subscriber digits, grouped; a slash after the prefix
    (?![\w/]|[ .-]?\d)                  # not followed by more digits
    """,
    re.VERBOSE,
)
# A number abroad, written with its country code ("+44 7911 123456", "0043 664 1234567"), not
# inside a longer number: phonenumbers decides whether it is one.
FOREIGN_PHONE = re.compile(
    r"(?<![\w+/.,])(?<!\d[ .-])(?:\+|00)(?!39)[1-9]\d{0,2}[ .-]?(?:\(0\)[ ]?)?\d{1,5}(?:[ .-]?\d){4,11}(?![\w/]|[ .-]?\d)"
)
_PHONE_CUE = cue(r"tel|cell|chiam|richiam|contatt|sms|whatsapp|phone|call|mobile|telefon|handy|rückruf|anruf")
# The value is a reference number when a reference noun, maybe with "n.", comes right before
# it ("pratica n. 0612345678"), also with one or two words between ("pratica edilizia CILA
# n. …", "codice prenotazione …"); "numero" alone is no such noun ("il tuo numero 347...").
REFERENCE_CUE = re.compile(
    r"(?<![^\W\d_])(?:prot|protocollo|pratica|codice|cod|avviso|iuv|rif|riferimento|fattura|"
    r"ricevuta|verbale|bolletta|contratto|matricola|id|tessera|utenza|cliente|pod|pdr|ordine|prenotazione|"
    r"impegnativa|ricetta|nre|bollettino|fascicolo|posizione|sinistro|polizza|rgnr|rg)"
    r"[.:°]*(?:\s+[^\W\d_]{2,14}){0,2}(?:\s+(?:n|nr|n°|num|numero)[.:°]*)?\s*$",
    re.IGNORECASE,
)
_DATE_SHAPE = re.compile(r"\d{1,2}([./-])\d{1,2}\1\d{2,4}|(?:0[1-9]|1[0-2])[/.-](?:19|20)\d\d")  # or "06/2026"
_NOT_PERSONAL = {3, 4, 5, 9}  # phonenumbers' TOLL_FREE, PREMIUM_RATE, SHARED_COST, UAN
# ... and UNKNOWN, the type of an invalid number: ``number_type`` alone answers ``is_valid_number``
# too (both match the number against its region's metadata; asked both, phonenumbers does it twice)
_NOT_PERSONAL_OR_INVALID = _NOT_PERSONAL | {99}


# Second-level domains under a country's code ("yahoo.co.uk", "hotmail.com.br").
_SECOND_LEVEL = frozenset("co com net org ac gov edu ne or".split())


def _provider(domain: str) -> str:
    """The name the domain was registered under: "gmail" for gmail.com and yahoo.co.uk's "yahoo"."""
    labels = domain.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2]


def _is_role_mailbox(local: str, domain: str) -> bool:
    """An office's mailbox: its words are role words ("tributi", "protocollo"), or words of the
    language or compounds of them ("edilizia.privata", "servizisociali", "international"), with
    no name among them ("mario.rossi85", "f.colombo", "tonia98" are people's)."""
    words = [w for w in re.split(r"[._+-]+", re.sub(r"\d", "", local.lower())) if w]
    if not words:
        return False
    if all(w in _ROLE_WORDS for w in words):
        return True
    if _provider(domain) in _WEBMAIL:
        return False  # a personal webmail's ("tiger.blue77@gmail.com", "mb.casa@tiscali.it", "@yahoo.co.uk")
    from iolint.pii.names import could_be_a_name, is_a_name, joins_names

    words = [w for w in words if w not in _ROLE_WORDS]  # a role word is no name ("erasmus.incoming")
    if any(len(w) == 1 or could_be_a_name(w) or joins_names(w) for w in words):
        return False  # an initial, a name that is not a word, a name-like word, "luisabasso"
    return sum(is_a_name(w) for w in words) < 2  # two names that are words: "franco.ferri"


def find_emails(text: str) -> list[Hit]:
    found = list(EMAIL.finditer(text))
    low = text.lower()
    if any(c in low for c in EMAIL_CUES[1:]):
        found += OBFUSCATED_EMAIL.finditer(text)
    return [
        Hit("EMAIL_ADDRESS", m.start(), m.end(), CONTEXT)
        for m in found
        if not _is_role_mailbox(m.group(1), _DOTS.sub(".", m.group(2).lower()))
    ]


def may_be_phone(view, cued: bool) -> bool:
    """A run of digits that starts with 0 or 3 (an area code, a mobile prefix or +39), or a "+"
    (a number abroad), and six digits in all."""
    text = view.text
    return view.digit_count >= 6 and ("+" in text or any(text[at] in "03" for at in view.run_starts))


def find_phones(text: str) -> list[Hit]:
    foreign = FOREIGN_PHONE.search(text) if "+" in text or "00" in text else None
    if PHONE.search(text) is None and foreign is None:
        return []
    import phonenumbers

    hits = _foreign_phones(text, phonenumbers) if foreign else []
    for m in PHONE.finditer(text):
        if _DATE_SHAPE.fullmatch(m.group()):
            continue  # "03.04.1988" is a date, whatever phonenumbers says
        window = before(text, m.start())
        cued = _PHONE_CUE.search(window) is not None
        digits = re.sub(r"\D", "", m.group())
        if not cued and (
            REFERENCE_CUE.search(window)
            or (len(digits) == 11 and is_vat_code(digits))
            or vat_cue_before(text, m.start())
        ):
            continue
        try:  # brackets dropped: "(081) 5551234"; "+39 (0)6 …" keeps the 0, which Italy dials
            number = phonenumbers.parse(m.group().replace("(", "").replace(")", ""), "IT")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.number_type(number) not in _NOT_PERSONAL_OR_INVALID:
            hits.append(Hit("PHONE_NUMBER", m.start(), m.end(), CONTEXT if cued else PATTERN))
    return hits


def _foreign_phones(text: str, phonenumbers) -> list[Hit]:
    """Numbers abroad with their country code: valid for phonenumbers, and not toll-free, premium
    or shared-cost."""
    hits = []
    for m in FOREIGN_PHONE.finditer(text):
        try:
            number = phonenumbers.parse("+" + m.group().lstrip("+0").replace("(0)", ""), None)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.number_type(number) not in _NOT_PERSONAL_OR_INVALID:
            window = before(text, m.start())
            cued = _PHONE_CUE.search(window) is not None
            if cued or not REFERENCE_CUE.search(window):  # not "pratica n. 0049 …"
                hits.append(Hit("PHONE_NUMBER", m.start(), m.end(), CONTEXT if cued else PATTERN))
    return hits
