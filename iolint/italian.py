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

from iolint.pagopa import notice_check_digits

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
_NOTICE = re.compile(r"[0-3](?: ?\d){17}")  # its ends are checked apart: lookbehinds at every position cost
_MORE_DIGITS = re.compile(r" ?\d")
_NOTICE_CUES = ("codice", "numero", "avviso", "iuv", " n.", " n°", " nº")  # shortly before, in lower case


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


def _lower(text: str, lower: str | None = None) -> str:
    """The text in lower case, offsets kept (a few characters, such as "İ", lower to two);
    ``lower``: ``text.lower()`` if the caller has it already."""
    if lower is None:
        lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lower


def amounts(text: str, lower: str | None = None) -> list[Amount]:
    """The euro amounts the text states, in order (``lower``: ``text.lower()``, if known)."""
    out = []
    spans = []
    at = text.find("€")
    while at != -1:
        spans.append((at, at + 1))
        at = text.find("€", at + 1)
    lower = _lower(text, lower)
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
                out.append(Amount(m.start(), end, _cents(m)))
                continue
            m = _AFTER.match(text, end, end + _REACH + 1)
            if m:
                out.append(Amount(start, m.end(), _cents(m)))
    return out


def _cents(m: re.Match) -> int:
    return int(m.group(1).replace(".", "")) * 100 + int((m.group(2) or "0").ljust(2, "0"))


def deadlines(text: str, lower: str | None = None) -> list[Deadline]:
    """The dates the text gives as deadlines (after "entro il", "scade il", ...), in order
    (``lower``: ``text.lower()``, if known)."""
    out = []
    lower = _lower(text, lower)
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
    out = []
    pos = 0
    while (m := _NOTICE.search(text, pos)) is not None:
        start, end = m.span()
        before = text[max(0, start - 2) : start]
        if before[-1:].isdigit() or (before[-1:] == " " and before[:1].isdigit()) or _MORE_DIGITS.match(text, end):
            pos = start + 1  # inside a longer number
            continue
        pos = end
        digits = m.group().replace(" ", "")
        window = text[max(0, start - 40) : start].lower()
        cue = any(word in window for word in _NOTICE_CUES)
        expected = notice_check_digits(digits)
        if cue or expected is None or digits[16:] == expected:
            out.append((m.start(), m.end(), digits))
    return out
