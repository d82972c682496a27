"""What inline directives, config entries and the baseline share: the kinds of what can be wrong
with them, and expiry."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime

from iolint.clock import ROME, day_text


class Kind(enum.Enum):
    """What can be wrong with a suppression or a baseline entry (``iolint.checks.suppressions``
    maps each kind to its rule)."""

    NO_REASON = "no-reason"
    UNKNOWN_RULE = "unknown-rule"
    UNUSED = "unused"
    INVALID = "invalid"
    STALE_BASELINE = "stale-baseline"
    EXPIRED = "expired"


def today(now: datetime | None = None) -> date:
    """The day suppressions expire by: ``now`` (--now or the config's) or today, in Rome."""
    return (now or datetime.now(UTC)).astimezone(ROME).date()


def expired(until: date | None, day: date) -> str | None:
    """The message for a suppression past its ``until`` day, or None."""
    if until is not None and day > until:
        return f"this suppression expired on {day_text(until)}: fix the finding, or renew it with a new reason"
    return None


def resolve(rules, token: str) -> str | None:
    """The code of the rule a suppression names (by code, name or alias), or None."""
    from iolint.ruleset import find

    rule = find(rules, token)
    return rule.code if rule else None
