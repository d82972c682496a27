"""Output formats. A reporter receives findings one by one (batches can be huge) and closes.

Messages are masked when findings are made, so no format can print a detected value; a
reporter only arranges what it gets. The text format also shows source lines, masked again
(see ``iolint.report.excerpt``).
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from iolint.finding import Finding, Severity

FORMATS = {
    "text": "iolint.report.text:TextReporter",
    "json": "iolint.report.jsonfmt:JsonReporter",
    "json-lines": "iolint.report.jsonfmt:JsonLinesReporter",
    "sarif": "iolint.report.sarif:SarifReporter",
    "github": "iolint.report.github:GithubReporter",
    "junit": "iolint.report.junit:JunitReporter",
    "gitlab": "iolint.report.gitlab:GitlabReporter",
}


@dataclass
class Summary:
    files: int = 0  # checked
    skipped: int = 0  # read and skipped: no IO message in them
    counts: Counter = field(default_factory=Counter)  # by severity
    by_rule: Counter = field(default_factory=Counter)  # by (code, name)
    baselined: int = 0  # findings the baseline accepted
    quiet: bool = False  # -q: the findings only, no closing line

    def add(self, finding: Finding) -> None:
        self.counts[finding.severity] += 1
        self.by_rule[(finding.code, finding.name)] += 1

    def at_or_above(self, level: Severity) -> int:
        return sum(n for sev, n in self.counts.items() if sev >= level)

    def statistics(self) -> str:
        """Findings per rule, most frequent first."""
        rows = sorted(self.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        return "".join(f"{count:6d}  {code}  {name}\n" for (code, name), count in rows)

    def line(self) -> str:
        if self.quiet:
            return ""
        parts = [f"{self.counts[s]} {s}{'s' if self.counts[s] != 1 else ''}" for s in sorted(self.counts, reverse=True)]
        found = ", ".join(parts) if parts else "no findings"
        noun = "file" if self.files == 1 else "files"
        skipped = f", skipped {self.skipped} (not IO messages)" if self.skipped else ""
        accepted = f" ({self.baselined} more accepted by the baseline)" if self.baselined else ""
        return f"Checked {self.files} {noun}{skipped}: {found}{accepted}.\n"


class Reporter:
    needs_rules = False  # whether the format describes the rules (the catalogue is then loaded)
    writes_statistics = False  # whether --statistics fits in the output (else it goes to stderr)
    shows_excerpts = False  # whether it shows the source lines of findings, masked (report.excerpt)

    def __init__(
        self,
        out: TextIO,
        *,
        rules=(),
        statistics: bool = False,
        fail_level: Severity = Severity.ERROR,
        texts=None,
        masks=None,
        family_of: Callable[[str], str | None] | None = None,
    ):
        self.out = out
        self.texts = {} if texts is None else texts  # what was not read from a file (stdin), by name
        self.masks = {} if masks is None else masks  # what excerpts mask, by file, where known (report.excerpt)
        self.rules = rules
        self.family_of = family_of or builtin_family
        self.statistics = statistics
        self.fail_level = fail_level

    def start(self) -> None:
        pass

    def file(self, display: str, *, skipped: bool = False) -> None:
        """A file, checked or ``skipped`` (no IO message in it); its findings, if any, follow."""

    def add(self, finding: Finding) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass


def builtin_family(code: str) -> str | None:
    """The family of a built-in rule (the catalogue is read on the first call)."""
    from iolint.ruleset import builtin_rules

    return next((r.family for r in builtin_rules() if r.code == code), None)


def reporter_class(name: str) -> type[Reporter]:
    module, _, cls = FORMATS[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def reporter(name: str, out: TextIO, **options) -> Reporter:
    return reporter_class(name)(out, **options)
