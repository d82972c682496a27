"""``--format json``: one JSON array of finding objects; ``json-lines``: one object per line.

Both are written as findings arrive.
"""

from __future__ import annotations

import json

from iolint.report import Reporter
from iolint.report.inert import json_inert


class JsonReporter(Reporter):
    def start(self):
        self.first = True
        self.out.write("[")

    def add(self, finding):
        self.out.write("\n  " if self.first else ",\n  ")
        self.out.write(json_inert(json.dumps(self.record(finding), ensure_ascii=False)))
        self.first = False

    def record(self, finding) -> dict:
        """The JSON object written for ``finding``."""
        return finding.to_dict()

    def finish(self, summary):
        self.out.write("\n]\n" if not self.first else "]\n")


class JsonLinesReporter(Reporter):
    def add(self, finding):
        self.out.write(json_inert(json.dumps(finding.to_dict(), ensure_ascii=False)) + "\n")
