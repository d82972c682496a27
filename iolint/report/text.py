"""``--format text``: one line per finding with its source line and a caret, then a summary."""

from __future__ import annotations

from iolint.report import Reporter
from iolint.report.excerpt import Sources, excerpt
from iolint.report.inert import inert


class TextReporter(Reporter):
    writes_statistics = True
    shows_excerpts = True

    def start(self):
        self.sources = Sources(self.texts)
        self.known = {}  # what the excerpts of the file being reported mask, where known

    def file(self, display, *, skipped=False):
        self.known = self.masks.pop(display, None) or {}  # taken: a run keeps only what is not reported yet

    def add(self, finding):
        where = f" [{finding.field}]" if finding.field else ""
        variant = f" (variant: {finding.variant})" if finding.variant else ""
        line = (
            f"{finding.location()}: {finding.code} {finding.severity} {finding.message}"
            f"{where}{variant} ({finding.name})"
        )
        self.out.write(inert(line) + "\n")
        if finding.file and finding.line:
            source = self.sources.line(finding.file, finding.line)
            shown = (
                excerpt(source, finding.column, self.family_of(finding.code), self.known)
                if source is not None
                else None
            )
            if shown:
                text, caret = shown
                gutter = f"{finding.line:>6} | "
                self.out.write(f"{gutter}{inert(text)}\n")
                if caret is not None:  # escapes before the column move it
                    self.out.write(f"{'':>6} | {' ' * len(inert(text[:caret]))}^\n")

    def finish(self, summary):
        self.sources.close()
        if self.statistics:
            self.out.write(summary.statistics())  # codes and names: validated, no control characters
        self.out.write(summary.line())
