"""Due dates: ISO 8601 with time and zone, a real date, not at the day boundary, not past."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from iolint.checks import content
from iolint.finding import Hit
from iolint.message import TIMESTAMP_RE
from iolint.registry import payload_check

ROME = ZoneInfo("Europe/Rome")
_TIMESTAMPS = (
    ("content.due_date", ("content", "due_date")),
    ("content.third_party_data.original_receipt_date", ("content", "third_party_data", "original_receipt_date")),
)


def _value(msg: object, keys: tuple[str, ...]) -> object:
    for key in keys:
        if not isinstance(msg, dict) or key not in msg:
            return None
        msg = msg[key]
    return msg


@cache
def parse_timestamp(text: str) -> tuple[datetime | None, str | None]:
    """(moment, None) for a timestamp IO accepts, else (None, why not). Zone-less stays naive."""
    m = TIMESTAMP_RE.match(text)
    if not m:
        if len(text) == 10 and text[4:5] == "-":
            return None, "is a date without a time: IO refuses it; add the time and zone"
        return None, "is not an ISO 8601 date-time such as 2025-01-12T22:59:59Z"
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None, f"is not a real calendar date or time: {_why_not_real(m)}"
    return moment, None


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")  # fmt: skip


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


@payload_check("IO301")
def invalid_due_date(msg, ctx):
    for field, keys in _TIMESTAMPS:
        value = _value(msg, keys)
        if value is None:
            continue
        if not isinstance(value, str):
            yield Hit(field, f"`{field}` must be a string such as 2025-01-12T22:59:59Z", value=value)
            continue
        _, why = parse_timestamp(value)
        if why:
            yield Hit(field, f"`{field}` {why}", value=value)


def _due(msg: object) -> datetime | None:
    value = content(msg).get("due_date")
    return parse_timestamp(value)[0] if isinstance(value, str) else None


@payload_check("IO302")
def due_date_without_timezone(msg, ctx):
    due = _due(msg)
    if due is not None and due.tzinfo is None:
        yield Hit(
            "content.due_date",
            "`due_date` has no zone: IO reads it in its servers' time zone; end it with Z "
            "(UTC) or an offset such as +01:00",
        )


@payload_check("IO303")
def due_date_at_midnight(msg, ctx):
    due = _due(msg)
    if due is None or due.tzinfo is None:
        return
    local = due.astimezone(ROME)
    if local.time() <= time(2, 0):
        # Read as a whole-day deadline on the UTC calendar date; its end in Rome is the fix.
        end = datetime.combine(due.astimezone(UTC).date(), time(23, 59, 59), ROME)
        if local.date() != due.astimezone(UTC).date():
            end = datetime.combine(local.date() - timedelta(days=1), time(23, 59, 59), ROME)
        fix = end.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        yield Hit(
            "content.due_date",
            f"`due_date` is {local:%H:%M} of {local:%d/%m/%Y} in Rome: the deadline ends at the "
            f"start of that day, so the citizen has one day less than the date suggests; for a "
            f"whole-day deadline use 23:59:59 Rome time, e.g. {fix}",
        )


@payload_check("IO304")
def due_date_in_past(msg, ctx):
    due = _due(msg)
    if due is None:
        return
    now = ctx.now or datetime.now(UTC)
    if due.tzinfo is None:
        due = due.replace(tzinfo=ROME)
    if due < now:
        yield Hit(
            "content.due_date",
            f"`due_date` {due.astimezone(ROME):%d/%m/%Y %H:%M} (Rome) is already past "
            f"(now: {now.astimezone(ROME):%d/%m/%Y %H:%M})",
            value=content(msg)["due_date"],
        )
