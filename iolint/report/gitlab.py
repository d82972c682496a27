"""``--format gitlab``: a GitLab Code Quality report (``artifacts: reports: codequality``), the
subset of the Code Climate issue format that GitLab reads: one JSON array of issues, each with a
description, a check name, a severity, a location and a fingerprint.

GitLab shows one issue per fingerprint, and compares fingerprints between the merge request and
its target branch to tell new findings from old ones: a fingerprint here is a hash of the file,
the rule, the field and the finding's own fingerprint (itself a keyed hash of the value, never
the value), plus a counter for findings that share all of these in one file, so it survives
lines moving. Severities: error is "major", warning "minor", info "info".
"""

from __future__ import annotations

import hashlib
from collections import Counter

from iolint.finding import Severity
from iolint.report.jsonfmt import JsonReporter

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


class GitlabReporter(JsonReporter):
    def start(self):
        super().start()
        self.seen: Counter = Counter()

    def record(self, finding):
        path = (finding.file or "<payload>").replace("\\", "/").removeprefix("./")
        key = "\0".join((path, finding.code, finding.field or "", finding.fingerprint or finding.message))
        self.seen[key] += 1
        fingerprint = hashlib.sha256(f"{key}\0{self.seen[key]}".encode("utf-8", "surrogatepass")).hexdigest()
        where = f" [{finding.field}]" if finding.field else ""
        return {
            "description": f"{finding.code} {finding.message}{where}",
            "check_name": f"{finding.code} {finding.name}",
            "fingerprint": fingerprint,
            "severity": _SEVERITY[finding.severity],
            "location": {"path": path, "lines": {"begin": finding.line or 1}},
        }
