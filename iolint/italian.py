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
from dataclasses import dataclass
from datetime import date

_NUMBER = r"(?P<{p}int>\d{{1,3}}(?:\.\d{{3}})+|\d{{1,12}})(?:,(?P<{p}dec>\d{{1,2}}))?"
_CURRENCY = r"(?:€|\b(?i:eur|euro)\b)"
_AMOUNT = re.compile(
    rf"(?<![\d.,]){_NUMBER.format(p='a')}(?![\d])[ \u00a0\u202f]?{_CURRENCY}"
    rf"|{_CURRENCY}[ \u00a0\u202f]?{_NUMBER.format(p='b')}(?![\d]|[.,]\d)"
)

MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
          "settembre", "ottobre", "novembre", "dicembre")  # fmt: skip
_WEEKDAY = r"(?:luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica)"
_CUE = (
    r"\b(?:entro(?:\s+e\s+non\s+oltre)?|scade|scadr[aà]|scadenza|(?:fino|sino)\s+al"
    r"|(?:ultimo\s+)?termine(?:\s+ultimo)?)"
    r"(?:\s+(?:il|l['’]|la|del|dello|della|al|di|in\s+data|giorno|previst[ao]\s+(?:per\s+)?il|è|e['’]))*"
)
_DEADLINE = re.compile(
    rf"(?i:{_CUE})[\s*_:,–-]{{0,8}}(?i:{_WEEKDAY}\s+)?"
    r"(?P<date>(?P<d>\d{1,2})(?:[/.-](?P<m>\d{1,2})(?:[/.-](?P<y>\d{4}|\d{2}))?(?![\d/.-]\d)"
    rf"|[°º]?\s+(?P<month>(?i:{'|'.join(MONTHS)}))(?:\s+(?P<y2>\d{{4}}))?\b))"
)
_NOTICE = re.compile(r"(?<!\d)(?<!\d )[0-3](?: ?\d){17}(?! ?\d)")
_NOTICE_CUE = re.compile(r"(?i:codice|numero|avviso|\biuv\b|\bn[.°º])")


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    cents: int


@dataclass(frozen=True)
class Deadline:
    start: int  # of the date
    end: int
    day: int
    month: int
    year: int | None  # None when the text gives none

    def matches(self, day: date) -> bool:
        return (self.day, self.month) == (day.day, day.month) and self.year in (None, day.year)

    def __str__(self) -> str:
        return f"{self.day:02d}/{self.month:02d}" + (f"/{self.year}" if self.year else "")


def amounts(text: str) -> list[Amount]:
    """The euro amounts the text states, in order."""
    if "€" not in text and "eur" not in text.lower():
        return []
    out = []
    for m in _AMOUNT.finditer(text):
        prefix = "a" if m.group("aint") else "b"
        whole = m.group(f"{prefix}int").replace(".", "")
        cents = (m.group(f"{prefix}dec") or "0").ljust(2, "0")
        out.append(Amount(m.start(), m.end(), int(whole) * 100 + int(cents)))
    return out


def deadlines(text: str) -> list[Deadline]:
    """The dates the text gives as deadlines (after "entro il", "scade il", ...), in order."""
    lower = text.lower()
    if not any(cue in lower for cue in ("entro", "scad", "fino al", "sino al", "termine")):
        return []
    out = []
    for m in _DEADLINE.finditer(text):
        if m.group("month"):
            month, year = MONTHS.index(m.group("month").lower()) + 1, m.group("y2")
        elif m.group("m"):
            month, year = int(m.group("m")), m.group("y")
        else:
            continue  # a bare number ("entro 30 giorni") is no date
        if year and len(year) == 2:
            year = "20" + year
        day = int(m.group("d"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            out.append(Deadline(m.start("date"), m.end("date"), day, month, int(year) if year else None))
    return out


def notice_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) of what reads as a pagoPA notice number: 18 digits from aux digit
    0-3, with a cue ("codice avviso", "numero avviso", "IUV") shortly before, or valid check
    digits."""
    from iolint.checks.payment import notice_number_check_digits

    if sum(c.isdigit() for c in text) < 18:
        return []
    out = []
    for m in _NOTICE.finditer(text):
        digits = m.group().replace(" ", "")
        cue = _NOTICE_CUE.search(text, max(0, m.start() - 40), m.start())
        expected = notice_number_check_digits(digits)
        if cue or expected is None or digits[16:] == expected:
            out.append((m.start(), m.end(), digits))
    return out
