"""``--format text``: one line per finding with its source line and a caret, then a summary."""

from __future__ import annotations

from iolint.report import Reporter
from iolint.report.excerpt import Sources, excerpt


class TextReporter(Reporter):
    writes_statistics = True

    def start(self):
        self.sources = Sources(self.texts)

    def add(self, finding):
        where = f" [{finding.field}]" if finding.field else ""
        variant = f" (variant: {finding.variant})" if finding.variant else ""
        self.out.write(
            f"{finding.location()}: {finding.code} {finding.severity} {finding.message}"
            f"{where}{variant} ({finding.name})\n"
        )
        if finding.file and finding.line:
            line = self.sources.line(finding.file, finding.line)
            shown = excerpt(line, finding.column, finding.code) if line is not None else None
            if shown:
                text, caret = shown
                gutter = f"{finding.line:>6} | "
                self.out.write(f"{gutter}{text}\n")
                if caret is not None:
                    self.out.write(f"{'':>6} | {' ' * caret}^\n")

    def finish(self, summary):
        self.sources.close()
        if self.statistics:
            self.out.write(summary.statistics())
        self.out.write(summary.line())
