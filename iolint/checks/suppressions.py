"""The suppressions family: what is wrong with a suppression or a baseline entry (reported, by
kind, where iolint reads them: ``iolint.suppress``, ``iolint.baseline``), and directives written
where the citizen reads them (a payload rule, in ``directives``)."""

from __future__ import annotations

from iolint.registry import reported
from iolint.suppress.common import Kind

reported(
    {
        Kind.NO_REASON: "IO901",
        Kind.UNKNOWN_RULE: "IO902",
        Kind.UNUSED: "IO903",
        Kind.INVALID: "IO904",
        Kind.STALE_BASELINE: "IO905",
        Kind.EXPIRED: "IO906",
    }
)
