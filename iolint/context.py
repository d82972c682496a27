"""What a check knows besides what it checks: the run's settings and its door to personal data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from iolint.clock import Horizon
from iolint.privacy import DEFAULT, Privacy


@dataclass(frozen=True)
class Context:
    plan: str = "base"
    now: datetime | None = None
    features: frozenset[str] = frozenset()  # premium features the sender declares it uses
    variants: int | None = None  # for a template: how many of its variants are rendered
    privacy: Privacy = field(default=DEFAULT, compare=False)  # detection and masking for this run
    horizon: Horizon = field(default_factory=Horizon, compare=False)  # until when real-clock findings hold
