"""Amounts, deadlines and notice numbers as Italian message text writes them, with their offsets.

Amounts: "187,90 €", "€ 187,90", "€187,90", "187,90 euro", "EUR 187,90", "1.250,00 €", "12 euro".
Deadlines: a date right after a deadline cue ("entro il", "entro e non oltre il", "scade il",
"scadenza:", "fino al", "scadrà in data"), numeric ("31/07/2027", "31.07.27", "31-07") or
written ("31 luglio 2027", "1° agosto"), markdown and a weekday allowed in between
("**Entro il:** lunedì 31/07/2027"). Notice numbers: 18 digits starting with 0-3, written
together or in groups ("3021 2345 6789 0123 56").
"""

from __future__ import annotations

import re
from datetime import date
from functools import wraps
from typing import NamedTuple

from iolint import memo
from iolint.pagopa import notice_check_digits
from iolint.pii.hits import lower_same_length

# An amount is found from its currency (a literal search), then its number right before or after.
_NUMBER = r"(\d{1,3}(?:\.\d{3})+|\d{1,12})(?:,(\d{1,2}))?"
_BEFORE = re.compile(rf"(?<![\d.,]){_NUMBER}[ \u00a0\u202f]?$")
_AFTER = re.compile(rf"[ \u00a0\u202f]?{_NUMBER}(?![\d]|[.,]\d)")
_REACH = 20  # characters a number may take

MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
          "settembre", "ottobre", "novembre", "dicembre")  # fmt: skip
_WEEKDAY = r"(?:luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica)"
_CUE = (
    r"\b(?:entro(?:\s+e\s+non\s+oltre)?|scade|scadr[aà]|scadenza|(?:fino|sino)\s+al"
    r"|(?:ultimo\s+)?termine(?:\s+ultimo)?)"
    r"(?:\s+(?:il|l['’]|la|del|dello|della|al|di|in\s+data|giorno|previst[ao]\s+(?:per\s+)?il|è|e['’]))*"
)
_CUES = ("entro", "scad", "fino", "sino", "termine")  # where a deadline may start, in lower case
_DIGIT = re.compile(r"\d")
_DEADLINE = re.compile(
    rf"(?i:{_CUE})[\s*_:,–-]{{0,8}}(?i:{_WEEKDAY}\s+)?"
    r"(?P<date>(?P<d>\d{1,2})(?:[/.-](?P<m>\d{1,2})(?:[/.-](?P<y>\d{4}|\d{2}))?(?![\d/.-]\d)"
    rf"|[°º]?\s+(?P<month>(?i:{'|'.join(MONTHS)}))(?:\s+(?P<y2>\d{{4}}))?\b))"
)
_NOTICE = re.compile(r"\d(?: ?\d){17}")  # from aux digit 0-3, read in the text; its ends are checked apart
_MORE_DIGITS = re.compile(r" ?\d")
_NOTICE_CUES = ("codice", "numero", "avviso", "iuv", " n.", " n°", " nº")  # shortly before, in lower case

# Texts that differ only in their ASCII digits (a batch's bodies: another amount, date or notice
# number) have their amounts, deadlines and runs of 18 digits at the same places: their patterns
# treat every digit alike (``\d``, never a particular one: a notice number's aux digit 0-3 is
# read from the text), and so does the code around them (no digit is a letter or changes case).
# So where they are is found once per text with its digits made 0, memoized (``memo.alike``, the
# memo the checks' finders share through ``PayloadView.found``), and what they say is read from
# the text itself. The key is the text's UTF-8 with every ASCII digit made 0:
# bytes.translate is several times faster than a substitution on the str, UTF-8 is one-to-one and
# its multi-byte sequences hold no ASCII digit, so decoding the key gives a text of the same length.
_ZEROED = bytes.maketrans(b"123456789", b"000000000")


def zeroed(text: str) -> bytes:
    """``text`` as UTF-8 with every ASCII digit made 0: the memo key of texts that differ only in digits."""
    return text.encode("utf-8", "surrogatepass").translate(_ZEROED)


def by_zeroed(find):
    """``find(text)`` memoized by ``zeroed(text)`` (``memo.alike``): the function made takes that
    key and runs ``find`` on the text it decodes to (the text with its digits made 0). Only for a
    ``find`` whose answer is the same for texts that differ only in ASCII digits."""
    return wraps(find)(lambda key: memo.alike(key, find))


# Amounts and deadlines are made for every body: named tuples, immutable like a frozen dataclass
# and made at half its cost (a frozen dataclass sets each field through object.__setattr__).
class Amount(NamedTuple):
    start: int
    end: int
    cents: int


class Deadline(NamedTuple):
    start: int  # of the date
    end: int
    day: int
    month: int
    year: int | None  # None when the text gives none

    def matches(self, day: date) -> bool:
        return (self.day, self.month) == (day.day, day.month) and self.year in (None, day.year)

    def __str__(self) -> str:
        return f"{self.day:02d}/{self.month:02d}" + (f"/{self.year}" if self.year else "")


def amounts(text: str, key: bytes | None = None) -> list[Amount]:
    """The euro amounts the text states, in order (``key``: ``zeroed(text)``, if known)."""
    return [
        Amount(start, end, _cents(text[whole[0] : whole[1]], text[cents[0] : cents[1]]))
        for start, end, whole, cents in _amount_spans(zeroed(text) if key is None else key)
    ]


@by_zeroed
def _amount_spans(text: str) -> tuple:
    """(start, end, the span of the euros, the span of the cents) of each amount of the text."""
    out = []
    spans = []
    at = text.find("€")
    while at != -1:
        spans.append((at, at + 1))
        at = text.find("€", at + 1)
    lower = lower_same_length(text)
    at = lower.find("eur")
    while at != -1:  # "eur" or "euro" as a word
        end = at + 4 if lower.startswith("euro", at) else at + 3
        if not (at and lower[at - 1].isalpha()) and not lower[end : end + 1].isalpha():
            spans.append((at, end))
        at = lower.find("eur", at + 1)
    spans.sort()
    if spans:
        for start, end in spans:
            m = _BEFORE.search(text, max(0, start - _REACH), start)
            if m:
                out.append((m.start(), end, m.span(1), m.span(2)))
                continue
            m = _AFTER.match(text, end, end + _REACH + 1)
            if m:
                out.append((start, m.end(), m.span(1), m.span(2)))
    return tuple(out)


def _cents(euros: str, cents: str) -> int:
    """The amount in cents: ``euros`` with thousands dots, ``cents`` its one or two decimals or ""."""
    return int(euros.replace(".", "") + cents.ljust(2, "0"))  # one int(): euros * 100 + cents


def deadlines(text: str, key: bytes | None = None) -> list[Deadline]:
    """The dates the text gives as deadlines (after "entro il", "scade il", ...), in order
    (``key``: ``zeroed(text)``, if known)."""
    out = []
    for date_span, d, m, y, month in _deadline_spans(zeroed(text) if key is None else key):
        if month is not None:
            number, year = MONTHS.index(text[month[0] : month[1]].lower()) + 1, y
        else:
            number, year = int(text[m[0] : m[1]]), y
        if year is not None:
            year = text[year[0] : year[1]]
            if len(year) == 2:
                year = "20" + year
        day = int(text[d[0] : d[1]])
        if 1 <= number <= 12 and 1 <= day <= 31:
            out.append(Deadline(*date_span, day, number, int(year) if year else None))
    return out


@by_zeroed
def _deadline_spans(text: str) -> tuple:
    """(the date's span, then the spans of its day, its month's number, its year and its month's
    name, None for a part it lacks) of each date given as a deadline in the text."""
    out = []
    lower = lower_same_length(text)
    starts = []
    for cue in _CUES:
        at = lower.find(cue)
        while at != -1:
            starts.append(at)
            at = lower.find(cue, at + 1)
    for start in sorted(starts):
        if not _DIGIT.search(text, start, start + 60):  # a date is near its cue, or there is none
            continue
        m = _DEADLINE.match(text, start)
        if m is None:
            continue
        if m.group("month"):
            month, number, year = m.span("month"), None, m.group("y2") and m.span("y2")
        elif m.group("m"):
            month, number, year = None, m.span("m"), m.group("y") and m.span("y")
        else:
            continue  # a bare number ("entro 30 giorni") is no date
        out.append((m.span("date"), m.span("d"), number, year or None, month))
    return tuple(out)


def notice_numbers(text: str, key: bytes | None = None) -> list[tuple[int, int, str]]:
    """(start, end, digits) of what reads as a pagoPA notice number: 18 digits from aux digit
    0-3, with a cue ("codice avviso", "numero avviso", "IUV") shortly before, or valid check
    digits (``key``: ``zeroed(text)``, if known).

    Where 18 digits are written, whether they stand apart and whether a cue precedes them does
    not depend on which digits they are: found once per zeroed text. The aux digit and the check
    digits are read from the text. (Places that stand apart never overlap: no digit follows one.)"""
    out = []
    for start, end, apart, cue in _notice_spans(zeroed(text) if key is None else key):
        if not apart or text[start] not in "0123":
            continue
        digits = text[start:end].replace(" ", "")
        expected = notice_check_digits(digits)
        if cue or expected is None or digits[16:] == expected:
            out.append((start, end, digits))
    return out


@by_zeroed
def _notice_spans(text: str) -> tuple:
    """(start, end, whether it stands apart from other digits, whether a cue precedes it) of
    every place where 18 digits are written (overlapping ones too)."""
    out = []
    m = _NOTICE.search(text)
    while m is not None:
        start, end = m.span()
        before = text[max(0, start - 2) : start]
        inside = before[-1:].isdigit() or (before[-1:] == " " and before[:1].isdigit())
        apart = not (inside or _MORE_DIGITS.match(text, end))
        window = text[max(0, start - 40) : start].lower()
        out.append((start, end, apart, any(word in window for word in _NOTICE_CUES)))
        m = _NOTICE.search(text, start + 1)
    return tuple(out)
