"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff."""

from __future__ import annotations

from iolint.finding import Severity
from iolint.report import Reporter
from iolint.report.inert import inert

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A workflow command's data: controls shown as escapes (the log would interpret ESC)."""
    return inert(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    writes_statistics = True

    def add(self, finding):
        props = []
        if finding.file:
            props.append(f"file={escape_property(finding.file)}")
            if finding.line:
                props.append(f"line={finding.line}")
                if finding.column:
                    props.append(f"col={finding.column}")
        props.append(f"title={escape_property(f'{finding.code} {finding.name}')}")
        where = f" [{finding.field}]" if finding.field else ""
        self.out.write(f"::{LEVELS[finding.severity]} {','.join(props)}::{escape_data(finding.message + where)}\n")

    def finish(self, summary):
        if self.statistics:
            self.out.write(summary.statistics())
        self.out.write(summary.line())
