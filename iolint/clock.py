"""Time as IO and the citizen read it: Rome's time zone, the timestamps IO accepts, and the
moments given to iolint (``--now``, ``now=``)."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from iolint import memo

ROME = ZoneInfo("Europe/Rome")
# IO's IsoDateFromString: a date and a time, optional fraction, then Z, an offset or nothing.
TIMESTAMP_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?$")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")  # fmt: skip


def day_text(moment: date) -> str:
    """ "dd/mm/yyyy", as the app writes a date (``%Y`` does not pad a year before 1000)."""
    return f"{moment.day:02d}/{moment.month:02d}/{moment.year:04d}"


def current() -> datetime:
    """The real time, when no ``now`` is given (one place, so that tests can move it)."""
    return datetime.now(UTC)


class Horizon:
    """Until when the findings made with the real clock hold: a check whose verdict or message
    depends on the time notes the earliest instant it could change; ``until`` is the earliest
    noted since ``reset``. The cache drops an entry at that instant."""

    def __init__(self):
        self.until: datetime | None = None

    def reset(self) -> None:
        self.until = None

    def note(self, instant: datetime) -> None:
        if self.until is None or instant < self.until:
            self.until = instant


def moment(text: str) -> datetime:
    """An ISO 8601 date or date-time given to iolint (``--now``); naive means UTC. ValueError if
    it is none, or if it is out of range (see ``placed``)."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return placed(value if value.tzinfo else value.replace(tzinfo=UTC))


def placed(value: datetime) -> datetime:
    """``value``, after making sure it is a moment in both UTC and Rome time (naive: Rome's).
    Within a day of year 1 or 9999 one of them falls outside Python's years 1-9999, and every
    comparison or message in Rome time would fail: ValueError."""
    try:
        (value if value.tzinfo else value.replace(tzinfo=ROME)).astimezone(UTC).astimezone(ROME)
    except OverflowError:
        raise ValueError(OUT_OF_RANGE) from None
    return value


OUT_OF_RANGE = "is outside the years 0001-9999 in UTC or in Rome time"


@memo.short_texts(4096)  # bounded: a JSONL batch of millions of lines may hold as many dates
def parse_timestamp(text: str) -> tuple[datetime | None, str | None]:
    """(moment, None) for a timestamp IO accepts, else (None, why not). Zone-less stays naive."""
    m = TIMESTAMP_RE.match(text)
    if not m:
        if len(text) == 10 and text[4:5] == "-":
            return None, "is a date without a time: IO refuses it; add the time and zone"
        return None, "is not an ISO 8601 date-time such as 2025-01-12T22:59:59Z"
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None, f"is not a real calendar date or time: {_why_not_real(m)}"
    try:
        return placed(value), None
    except ValueError:
        return None, OUT_OF_RANGE


def _why_not_real(m) -> str:
    """What is out of range in a timestamp shaped right, e.g. "June has 30 days"."""
    year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
    zone = m.group(8) or ""
    if not 1 <= month <= 12:
        return f"there is no month {month:02d}"
    if day < 1:
        return "days start at 01"
    days = calendar.monthrange(year, month)[1] if year else 31
    if day > days:
        leap = f" in {year}" if month == 2 else ""
        return f"{_MONTHS[month - 1]} has {days} days{leap}"
    if hour > 23 or minute > 59 or second > 59:
        return "hours go up to 23, minutes and seconds up to 59"
    if zone[1:3].isdigit() and (int(zone[1:3]) > 23 or int(zone[4:6]) > 59):
        return f"{zone} is no time zone offset"
    return "year 0000 does not exist"
