"""``--format text``: one line per finding, then a summary."""

from __future__ import annotations

from iolint.report import Reporter


class TextReporter(Reporter):
    def add(self, finding):
        where = f" [{finding.field}]" if finding.field else ""
        variant = f" (variant: {finding.variant})" if finding.variant else ""
        self.out.write(
            f"{finding.location()}: {finding.code} {finding.severity} {finding.message}"
            f"{where}{variant} ({finding.name})\n"
        )

    def finish(self, summary):
        if self.statistics:
            for (code, name), count in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
                self.out.write(f"{count:6d}  {code}  {name}\n")
        parts = [f"{summary.counts[s]} {s}{'s' if summary.counts[s] != 1 else ''}" for s in sorted(summary.counts, reverse=True)]
        found = ", ".join(parts) if parts else "no findings"
        noun = "file" if summary.files == 1 else "files"
        self.out.write(f"Checked {summary.files} {noun}: {found}.\n")
