"""The dates family: due dates in ISO 8601 with time and zone, a real date, not at the day
boundary, not past."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from iolint import clock, memo
from iolint.clock import ROME, parse_timestamp
from iolint.finding import Hit
from iolint.registry import payload_check

_DUE = "content.due_date"
_RECEIPT = "content.third_party_data.original_receipt_date"
_LATEST = time(2, 0)  # a due time up to this, in Rome, reads as the start of the day


@payload_check("IO301", needs="irregular")
def invalid_due_date(view, ctx):
    hits = []
    receipt = view.third_party.get("original_receipt_date") if view.third_party is not None else None
    for field, value in ((_DUE, view.due_date), (_RECEIPT, receipt)):
        if value is None:
            continue
        if not isinstance(value, str):
            hits.append(Hit(field, f"`{field}` must be a string such as 2025-01-12T22:59:59Z", value=value))
            continue
        _, why = parse_timestamp(value)
        if why:
            hits.append(Hit(field, f"`{field}` {why}", value=value))
    return hits


@payload_check("IO302", needs="due_date")
def due_date_without_timezone(view, ctx):
    due = view.due
    if due is not None and due.tzinfo is None:
        message = (
            "`due_date` has no zone: IO reads it in its servers' time zone; end it with Z "
            "(UTC) or an offset such as +01:00"
        )
        return [Hit(_DUE, message)]
    return None


@payload_check("IO303", needs="due_date")
def due_date_at_midnight(view, ctx):
    due = view.due
    if due is None or due.tzinfo is None:
        return None
    return _at_midnight(view.due_date)


@memo.short_texts(1024)  # by the due date's text alone: a batch's payloads share one or a few
def _at_midnight(value: str) -> tuple[Hit, ...]:
    """IO303's hits for a due date IO accepts, with a zone."""
    due = parse_timestamp(value)[0]
    local = due.astimezone(ROME)
    if local.time() > _LATEST:
        return ()
    # Read as a whole-day deadline on the UTC calendar date; its end in Rome is the fix.
    end = datetime.combine(due.astimezone(UTC).date(), time(23, 59, 59), ROME)
    if local.date() != due.astimezone(UTC).date():
        end = datetime.combine(local.date() - timedelta(days=1), time(23, 59, 59), ROME)
    fix = end.astimezone(UTC).isoformat().replace("+00:00", "Z")  # strftime's %Y does not pad year 1 to 0001
    message = (
        f"`due_date` is {local:%H:%M} of {clock.day_text(local)} in Rome: the deadline ends at the "
        f"start of that day, so the citizen has one day less than the date suggests; for a "
        f"whole-day deadline use 23:59:59 Rome time, e.g. {fix}"
    )
    return (Hit(_DUE, message),)


@payload_check("IO304", needs="due_date")
def due_date_in_past(view, ctx):
    due = view.due
    if due is None:
        return None
    now = ctx.now or clock.current()
    if due.tzinfo is None:
        due = due.replace(tzinfo=ROME)
    if ctx.now is None:  # with the real clock, the verdict flips at the due date; the message names the minute
        ctx.horizon.note(due if due >= now else now.replace(second=0, microsecond=0) + timedelta(minutes=1))
    if due < now:
        message = f"`due_date` {_minute(due)} (Rome) is already past (now: {_minute(now)})"
        return [Hit(_DUE, message, value=view.due_date)]
    return None


def _minute(moment: datetime) -> str:
    local = moment.astimezone(ROME)
    return f"{clock.day_text(local)} {local:%H:%M}"
