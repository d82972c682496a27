"""Vehicle plates and the numbers of identity cards, passports and driving licences.

Patterns that only these documents use are reported alone (current plates AB123CD, CIE numbers
CA12345AB, licences U1... and MI1234567X); the shape two documents share (two letters and seven
digits: paper identity card or passport) is reported only after a cue word naming the document,
and the nearest cue decides which it is.
"""

from __future__ import annotations

import re

from iolint.pii.contacts import REFERENCE_CUE
from iolint.pii.hits import CONTEXT, PATTERN, Hit, before, cue
from iolint.pii.view import DIGITS

_L = "A-HJ-NPR-Z"  # plate letters: no I, O, Q, U
# Plates and CIE numbers are also written with spaces or dashes, and in lower case
# ("EZ-551-RB", "dk 023 hp", "CB 98765 DF"); lower case counts only after a cue word.
PLATE = re.compile(rf"(?<![A-Za-z0-9])[{_L}]{{2}}[ -]?\d{{3}}[ -]?[{_L}]{{2}}(?![A-Za-z0-9])", re.IGNORECASE)
CIE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2} ?\d{5} ?[A-Z]{2}(?![A-Za-z0-9])", re.IGNORECASE)
# Reported only after a cue word, so also in lower case ("passaporto ya7712034"), and with the
# digits in groups ("passaporto n. YC 1184 592").
TWO_LETTERS_SEVEN_DIGITS = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2} ?\d(?: ?\d){6}(?![A-Za-z0-9]| \d)")
# Licences in any case; in lower case only after a cue word ("patente n. u1a23b456c").
NEW_LICENCE = re.compile(r"(?<![A-Za-z0-9])U1(?=(?:[A-Z]{0,7}\d){3})[A-Z0-9]{7}[A-Z](?![A-Za-z0-9])", re.IGNORECASE)
# (the old format also in groups, "patente BO 5512345 Y", only after a cue word)
OLD_LICENCE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}[ -]?\d{7}[ -]?[A-Z](?![A-Za-z0-9])", re.IGNORECASE)

# A foreign passport's number right after the word ("Reisepass C01X00T47", "passport number
# 533380006"): eight or nine letters and digits, five of them digits at least (eight digits
# alone may be a date).
PASSPORT_NUMBER = re.compile(
    r"(?i:passaport\w{0,2}|passport|reisepass|passeport)(?:\s+(?i:n[.°r]?\.?|no\.?|nr\.?|number|nummer|numero))?"
    r"\s?[:.]?\s?(?P<value>[A-Z0-9]{8,9})(?![A-Za-z0-9])"
)
_FIVE_DIGITS = re.compile(r"(?:\D*\d){5}")

_PLATE_CUE = cue(
    r"targ|veicol|auto|vettur|moto|ztl|plate|vehicle|car\b|kennzeichen|fahrzeug|parchegg|sosta|contrassegn|permess|rimo[sz]|parking"
)
_CUES = {
    "IT_IDENTITY_CARD": cue(
        r"carta d['’ ]?identit|carta di identit|documento(?! di espatrio| di viaggio)|identity card|id card|identity document|"
        r"cie\b|c\.i\.|personalausweis|ausweis|identitätskarte"
    ),
    "IT_PASSPORT": cue(
        r"passaport|passport|passeport|reisepass|pass\.|pass-nr|documento di (?:espatrio|viaggio)|travel document"
    ),
    "IT_DRIVER_LICENSE": cue(r"patente|licen[cs]e|führerschein"),
}


def _nearest_cue(text: str, start: int, kinds: tuple[str, ...]) -> str | None:
    window = before(text, start)
    best, best_at = None, -1
    for kind in kinds:
        for m in _CUES[kind].finditer(window):
            if m.start() > best_at:
                best, best_at = kind, m.start()
    return best


def _cue_after(text: str, end: int, kinds: tuple[str, ...]) -> str | None:
    """The first cue in the rest of the sentence after ``end`` ("YB2290374 pronto: ritiro del
    documento di espatrio"), when none stands before the value."""
    stop = min((i for i in (text.find(c, end) for c in ".!?\n") if i >= 0), default=len(text))
    window = text[end : min(stop, end + _AFTER)]
    best, best_at = None, len(window)
    for kind in kinds:
        m = _CUES[kind].search(window)
        if m and m.start() < best_at:
            best, best_at = kind, m.start()
    return best


_AFTER = 60


# The pre-filter (``finders``): each document's number has a run of digits of its own length
# (a plate 3, a CIE 5, the others 7), or starts with U1 (a new driving licence).


def may_be_plate(view, cued: bool) -> bool:
    return 3 in view.run_lengths


def may_be_document(view, cued: bool) -> bool:
    lengths, low = view.run_lengths, view.low
    if 5 in lengths or max(lengths, default=0) >= 7 or "u1" in low or "pass" in low:
        return True
    # A card's seven digits in groups after its name ("carta d'identità AU 123 4567").
    return view.digit_count >= 7 and ("ident" in low or "document" in low or "ausweis" in low)


def find_plates(text: str) -> list[Hit]:
    hits = []
    for m in PLATE.finditer(text):
        window = before(text, m.start())
        cued = _PLATE_CUE.search(window) is not None
        if cued or (m.group().isupper() and not REFERENCE_CUE.search(window)):  # not "Codice impianto AB123CD"
            hits.append(Hit("IT_LICENSE_PLATE", m.start(), m.end(), CONTEXT if cued else PATTERN))
    return hits


def find_identity_documents(text: str) -> list[Hit]:
    """Identity card, passport and driving-licence numbers."""
    found = list(DIGITS.finditer(text))
    return _documents(text, text.lower(), [m.group() for m in found], [m.start() for m in found])


def identity_documents_in(view) -> list[Hit]:
    """``find_identity_documents`` on a view of the text, whose runs of digits are already found
    (and its lower case: the same letters where ``find_identity_documents`` looks, "pass", "u1")."""
    return _documents(view.text, view.low, view.runs, view.run_starts)


def seven_in_groups(text: str, runs: list[str], starts: list[int]) -> bool:
    """Whether runs of digits, each one space after the last ("1184 592"), hold seven digits:
    what a number of two letters and seven digits needs (its digits are such runs, whole, as
    nothing but a letter or a space after one stands before them, and no digit after). A body
    with a date and an amount ("18/11/2026", "1.123,73") has seven digits, but not so."""
    total = 0
    for i, run in enumerate(runs):
        joined = i and starts[i] == starts[i - 1] + len(runs[i - 1]) + 1 and text[starts[i] - 1] == " "
        total = total + len(run) if joined else len(run)
        if total == 7:
            return True
    return False


def _documents(text: str, low: str, runs: list[str], starts: list[int]) -> list[Hit]:
    hits = []
    lengths = {len(run) for run in runs}
    for m in CIE.finditer(text) if 5 in lengths else ():
        cued = _nearest_cue(text, m.start(), ("IT_IDENTITY_CARD",)) is not None
        if cued or (m.group().startswith("C") and m.group().isupper()):
            hits.append(Hit("IT_IDENTITY_CARD", m.start(), m.end(), CONTEXT if cued else PATTERN))
    for m in TWO_LETTERS_SEVEN_DIGITS.finditer(text) if seven_in_groups(text, runs, starts) else ():
        kinds = ("IT_IDENTITY_CARD", "IT_PASSPORT")
        kind = _nearest_cue(text, m.start(), kinds) or (m.group()[:2].isupper() and _cue_after(text, m.end(), kinds))
        if kind:
            hits.append(Hit(kind, m.start(), m.end(), CONTEXT))
    # (each word PASSPORT_NUMBER starts with holds "pass"; "ſ" matches "s" when case is ignored)
    for m in PASSPORT_NUMBER.finditer(text) if "pass" in low or "ſ" in low else ():
        value = m.group("value")
        if _FIVE_DIGITS.match(value) and (len(value) == 9 or not value.isdigit()):  # not a date: 20250312
            hits.append(Hit("IT_PASSPORT", m.start("value"), m.end("value"), CONTEXT))
    for m in NEW_LICENCE.finditer(text) if "u1" in low else ():
        cued = _nearest_cue(text, m.start(), ("IT_DRIVER_LICENSE",)) is not None
        if cued or m.group().isupper():
            hits.append(Hit("IT_DRIVER_LICENSE", m.start(), m.end(), CONTEXT if cued else PATTERN))
    # Two letters, seven digits and a letter is a driving licence's shape alone (paper identity
    # cards and passports end with a digit): reported alone too, unless a reference noun stands
    # right before it ("Protocollo PG0045123X"); its cue raises the score.
    for m in OLD_LICENCE.finditer(text) if 7 in lengths else ():
        cued = _nearest_cue(text, m.start(), ("IT_DRIVER_LICENSE",)) is not None
        grouped = len(m.group()) > 10
        if cued or (not grouped and m.group().isupper() and not REFERENCE_CUE.search(before(text, m.start()))):
            hits.append(Hit("IT_DRIVER_LICENSE", m.start(), m.end(), CONTEXT if cued else PATTERN))
    return hits
