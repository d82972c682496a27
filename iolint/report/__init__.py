"""Output formats. A reporter receives findings one by one (batches can be huge) and closes.

Messages are masked when findings are made, so no format can print a detected value; a
reporter only arranges what it gets.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

from iolint.finding import Finding, Severity

FORMATS = {
    "text": "iolint.report.text:TextReporter",
    "json": "iolint.report.jsonfmt:JsonReporter",
}


@dataclass
class Summary:
    files: int = 0
    counts: Counter = field(default_factory=Counter)  # by severity
    by_rule: Counter = field(default_factory=Counter)  # by (code, name)

    def add(self, finding: Finding) -> None:
        self.counts[finding.severity] += 1
        self.by_rule[(finding.code, finding.name)] += 1

    def at_or_above(self, level: Severity) -> int:
        return sum(n for sev, n in self.counts.items() if sev >= level)


class Reporter:
    def __init__(self, out: TextIO, *, rules=(), statistics: bool = False):
        self.out = out
        self.rules = rules
        self.statistics = statistics

    def start(self) -> None:
        pass

    def add(self, finding: Finding) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass


def reporter(name: str, out: TextIO, **options) -> Reporter:
    module, _, cls = FORMATS[name].partition(":")
    return getattr(importlib.import_module(module), cls)(out, **options)
