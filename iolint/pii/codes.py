"""Checksum-validated codes: codice fiscale, partita IVA, IBAN (python-stdnum does the maths).

A value whose check character or digits are wrong is not reported: a mistyped code is not a
code, and reporting it would teach people to ignore the finding.
"""

from __future__ import annotations

import re

from iolint.pii.cues import matches_at
from iolint.pii.hits import CHECKSUM, PATTERN, Hit, before, cue

_OMO = "0-9lmnpqrstuv"  # a digit, or the letter that replaces it in an omocodia code
# Also written in groups, "RSS MRA 85T10 A562S" or "RSS-MRA-85-T-10-A562-S": one space, dash or
# dot may stand where its parts meet (surname, name, year, month, day, place, check character).
_SEP = "[ .-]?"
_FISCAL_CODE_FROM_A_WORD_START = (
    rf"[a-z]{{3}}{_SEP}[a-z]{{3}}{_SEP}[{_OMO}]{{2}}{_SEP}[abcdehlmprst]{_SEP}[{_OMO}]{{2}}{_SEP}"
    rf"[a-z][{_OMO}]{{3}}{_SEP}[a-z](?![a-z0-9])"
)
FISCAL_CODE = re.compile(rf"(?<![a-z0-9]){_FISCAL_CODE_FROM_A_WORD_START}", re.IGNORECASE)
# The same pattern for lower-cased ASCII text: case-sensitive, it scans about a third faster;
# and for lower-cased text without "_", with a word boundary for the look-behind, a cheaper test
# at each position of the search: no ASCII capital is left in it, so only "_" tells "\b" (no
# [A-Za-z0-9_] before) from "(?<![a-z0-9])".
_FISCAL_CODE_LOWER = re.compile(FISCAL_CODE.pattern)
_FISCAL_CODE_WORD = re.compile(rf"\b{_FISCAL_CODE_FROM_A_WORD_START}", re.ASCII)
_SEPARATORS = re.compile(r"[ .-]")
# The letters that ignoring case lets into FISCAL_CODE and that ``str.upper`` leaves beyond ASCII
# (every other one it lets in, "ı" and "ſ" included, upper-cases to A-Z).
_ASCII_CAPITALS = str.maketrans({"İ": "I", "\u212a": "K"})  # dotted I, Kelvin sign
# 11 digits, optionally after "IT"; not inside a longer number, a date or a protocol number.
VAT_CODE = re.compile(r"(?=[I\d])(?<![\w/.,-])(IT ?)?(\d{11})(?![\w/]|[.,]\d)")  # (?=…): a faster scan
_VAT_CUE = cue(r"p\.? ?iva|partita iva|vat|ust-?id|mwst|codice fiscale")
# Every match of _VAT_CUE in lower-cased text holds one of these ("ı", "İ" and "ſ" match "i" and
# "s" when case is ignored): a few substring tests spare most texts the scan.
_VAT_CUE_ANCHORS = ("iva", "vat", "ust", "mwst", "codice fiscale", "ı", "İ", "ſ")
# The 11 digits in groups, right after a VAT cue ("P. IVA 177 21070583", a non-breaking space
# pasted inside): taken only with the cue, whose checksum then decides.
VAT_GROUPED = re.compile(r"(?<![\w/.,-])(IT ?)?(\d{1,9}(?: \d{1,9}){1,4})(?![\w/]|[.,]\d)")
_VAT_CUE_NEAR = cue(r"(?:p\.? ?iva|partita iva|vat(?: number| no\.?)?|ust-?id(?:nr\.?)?)[ .:]{0,3}$")
# The code of a public body, which identifies no person: "Codice dell'ente 01199250158", "C.F. del
# Comune: 80012340587", "P.IVA dell'ASL …".
_BODY_CODE = re.compile(
    r"(?<![^\W\d_])(?:codice|cod\.|c\.? ?f\.?|p\.? ?iva|partita iva)(?: fiscale| identificativo)?"
    r" (?:del|dell['’] ?|della|dello) ?(?:ente|comune|amministrazione|regione|provincia|asl|ausl|ats|azienda|"
    r"istituto|universit[aà]|ateneo|scuola|inps|inail|agenzia|camera|prefettura|ministero|municipio)\b[^\d]{0,12}$"
)
# A country code, two check digits, then 11-30 letters or digits, optionally spaced in groups.
IBAN = re.compile(r"(?<![a-z0-9])[a-z]{2} ?\d{2}(?: ?[a-z0-9]){11,30}(?![a-z0-9])", re.IGNORECASE)
# The same, from its first check digit, the country code (and a space) read behind it: it
# matches where an IBAN's check digits start; a search for it tries the letters only before a
# digit, not at every position.
_IBAN_FROM_CHECK_DIGITS = re.compile(
    r"\d(?:(?<=(?<![a-z0-9])[a-z]{2}.)|(?<=(?<![a-z0-9])[a-z]{2} .))\d(?: ?[a-z0-9]){11,30}(?![a-z0-9])",
    re.IGNORECASE,
)


# python-stdnum's validators are thorough and slow (10 to 40 microseconds a call); each is
# called only after a quick check of the check character or digits, which most look-alikes fail.


def find_fiscal_codes(text: str) -> list[Hit]:
    if FISCAL_CODE.search(text) is None:
        return []  # most texts: one scan, no import statement, no list of matches
    from stdnum.it import codicefiscale

    hits = []
    for m in FISCAL_CODE.finditer(text):
        code = _SEPARATORS.sub("", m.group()).upper().translate(_ASCII_CAPITALS)  # stdnum knows only ASCII
        if codicefiscale.calc_check_digit(code[:15]) == code[15] and codicefiscale.is_valid(code):
            hits.append(Hit("IT_FISCAL_CODE", m.start(), m.end(), CHECKSUM))
    return hits


def _luhn(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        n = int(c) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def is_vat_code(digits: str) -> bool:
    from stdnum.it import iva

    return _luhn(digits) and iva.is_valid(digits)


def _iban_checksum(compact: str) -> bool:
    """ISO 13616's mod-97 check, the quick test before python-stdnum's full one."""
    moved = (compact[4:] + compact[:4]).upper()
    if not moved.isalnum() or not moved.isascii():
        return False
    return int(moved.translate(_LETTER_VALUES)) % 97 == 1


_LETTER_VALUES = str.maketrans({chr(c): str(c - 55) for c in range(ord("A"), ord("Z") + 1)})  # A=10 … Z=35


def vat_cue_before(text: str, start: int) -> bool:
    return _VAT_CUE.search(before(text, start)) is not None


def find_vat_codes(text: str) -> list[Hit]:
    hits = []
    for m in VAT_CODE.finditer(text):
        if is_vat_code(m.group(2)) and not _BODY_CODE.search(before(text, m.start())):
            confirmed = m.group(1) or vat_cue_before(text, m.start())
            hits.append(Hit("IT_VAT_CODE", m.start(), m.end(), CHECKSUM if confirmed else PATTERN))
    if not hits and " " in text:
        for m in VAT_GROUPED.finditer(text):
            digits = m.group(2).replace(" ", "")
            if len(digits) == 11 and _VAT_CUE_NEAR.search(before(text, m.start())) and is_vat_code(digits):
                hits.append(Hit("IT_VAT_CODE", m.start(), m.end(), CHECKSUM))
    return hits


# The pre-filter (``finders``): each code needs a run of digits of its own length.


def may_be_fiscal_code(view, cued: bool) -> bool:
    """``FISCAL_CODE`` matches: asked of the lower-cased text, where ignoring case is lower-casing
    unless the text holds one of the letters beyond ASCII that ignoring case lets in as ASCII ones
    (the Kelvin sign lower-cases to "k"; the others are left to the finder)."""
    low = view.low
    if not view.text.isascii() and ("ı" in low or "İ" in low or "ſ" in low):
        return True
    return (_FISCAL_CODE_LOWER if "_" in low else _FISCAL_CODE_WORD).search(low) is not None


def may_be_vat_code(view, cued: bool) -> bool:
    """Eleven digits in a row (a partita IVA's run is never longer: a letter or no word follows),
    or in groups after a VAT cue."""
    if 11 in view.run_lengths:
        return True
    if view.digit_count < 11 or len(view.runs) < 2:
        return False
    low = view.low
    return any(anchor in low for anchor in _VAT_CUE_ANCHORS) and _VAT_CUE.search(low) is not None


def may_be_iban(view, cued: bool) -> bool:
    """Whether ``IBAN`` matches."""
    return _IBAN_FROM_CHECK_DIGITS.search(view.text) is not None


def _iban_starts(view) -> list[int]:
    """Where an ``IBAN`` match can start: two letters right before a run of two digits or more
    (a space between at most), the country code and the check digits."""
    text, found = view.text, []
    for start, run in zip(view.run_starts, view.runs, strict=True):
        if len(run) < 2 or start < 2:
            continue
        at = start - 3 if text[start - 1] == " " else start - 2  # the country code's first letter
        if at >= 0:
            found.append(at)
    return found


def ibans_in(view) -> list[Hit]:
    """``find_ibans`` on a view: ``IBAN`` tried where a match can start, not searched for."""
    return _ibans(matches_at(IBAN, view.text, _iban_starts(view)))


def find_ibans(text: str) -> list[Hit]:
    return _ibans(list(IBAN.finditer(text)))


def _ibans(found: list[re.Match[str]]) -> list[Hit]:
    if not found:
        return []
    from stdnum import iban

    hits = []
    for m in found:
        # The spaced form may run into a following word or number group: drop trailing
        # groups until the checksum holds.
        groups = m.group().split(" ")
        for n in range(len(groups), 0, -1):
            compact = "".join(groups[:n])
            if len(compact) < 15:
                break
            if _iban_checksum(compact) and iban.is_valid(compact.upper()):
                end = m.start() + len(" ".join(groups[:n]))
                hits.append(Hit("IBAN_CODE", m.start(), end, CHECKSUM))
                break
    return hits
