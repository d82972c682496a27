"""Time as IO and the citizen read it: Rome's time zone, and the timestamps IO accepts."""

from __future__ import annotations

from zoneinfo import ZoneInfo

ROME = ZoneInfo("Europe/Rome")
