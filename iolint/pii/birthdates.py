"""Dates of birth: a full date (day, month, year) shortly after a birth cue.

Without the cue a date is a deadline or an appointment ("entro il 31/12/2025"), not personal
data. A range after the cue ("nati dal 01/01/2025") is an eligibility rule, not a birth date.
"""

from __future__ import annotations

import re

from iolint.pii.cues import alternatives, stem_of
from iolint.pii.hits import CONTEXT, Hit, cue

_MONTHS = (
    "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|"
    "gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic|"
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|jun|jul|aug|sep|sept|oct|dec|"
    "januar|jänner|februar|märz|mai|juni|juli|oktober|dezember"
)
DATE = re.compile(
    rf"""(?<!\d)(?:
      (?P<d>\d{{1,2}})[./-](?P<m>\d{{1,2}})[./-](?P<y>\d{{4}}|\d{{2}})
    | (?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})
    | (?P<td>\d{{1,2}})(?:°|º)?\.?\s+(?P<tm>{_MONTHS})\.?\s+(?P<ty>\d{{4}})
    | (?P<em>{_MONTHS})\s+(?P<ed>\d{{1,2}}),?\s+(?P<ey>\d{{4}})
    )(?!\d)""",
    re.VERBOSE | re.IGNORECASE,
)
_BIRTH_WORDS = r"nat[oaie]\b|nascita|born\b|birth|geboren|geb\.|geburt|d\.o\.b\b|dob\b"
BIRTH_CUE = cue(_BIRTH_WORDS)
CUES = tuple(stem_of(word) for word in alternatives(_BIRTH_WORDS))


_RANGE = cue(
    r"dal|dall|al|entro|prima|dopo|fino|tra|fra|partire|since|after|before|until|from|between|ab|bis|vor|nach|seit"
)
_REACH = 40  # characters from the end of the cue to the start of the date


def _plausible(m: re.Match[str]) -> bool:
    day, month = m.group("d") or m.group("id") or m.group("td") or m.group("ed"), m.group("m") or m.group("im")
    if not 1 <= int(day) <= 31:
        return False
    return month is None or 1 <= int(month) <= 12


def find_birthdates(text: str) -> list[Hit]:
    hits = []
    for c in BIRTH_CUE.finditer(text):
        m = DATE.search(text, c.end(), c.end() + _REACH + 40)
        if m is None or m.start() - c.end() > _REACH or not _plausible(m):
            continue
        if _RANGE.search(text, c.end(), m.start()):
            continue
        hits.append(Hit("DATE_OF_BIRTH", m.start(), m.end(), CONTEXT))
    return list(dict.fromkeys(hits))
