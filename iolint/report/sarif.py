"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning and other CI tools read it.

The rule catalogue goes into ``tool.driver.rules``; results are streamed after it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

from iolint import __version__
from iolint.finding import Severity
from iolint.report import Reporter
from iolint.report.inert import json_inert

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def rule_descriptor(rule) -> dict:
    text = f"{rule.what}\n\nWhy it matters:\n{rule.why}\n\nHow to fix it:\n{rule.fix}"
    markdown = f"{rule.what}\n\n**Why it matters**\n\n{rule.why}\n\n**How to fix it**\n\n{rule.fix}"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.family]},
    }


# iolint.paths.display shows a byte of a name that is not UTF-8 as ``\xNN`` (0x80 to 0xff).
_ESCAPED_BYTE = re.compile(r"\\x([89a-f][0-9a-f])")


def _uri_path(file: str) -> str:
    """The name's own bytes, percent-encoded: ``citt\\xe0.json`` (a Latin-1 name) is
    ``citt%E0.json``, not ``citt%5Cxe0.json``, a file of another name."""
    raw = _ESCAPED_BYTE.sub(lambda m: chr(0xDC00 + int(m[1], 16)), file).encode("utf-8", "surrogateescape")
    return quote(raw)


def _location(file: str, line: int | None, column: int | None) -> dict:
    path = Path(file)
    if path.is_absolute():
        artifact = {"uri": "file://" + _uri_path(path.as_posix())}
    else:
        artifact = {"uri": _uri_path(path.as_posix()), "uriBaseId": "%SRCROOT%"}
    physical = {"artifactLocation": artifact}
    if line and line >= 1:
        physical["region"] = {"startLine": line, **({"startColumn": column} if column and column >= 1 else {})}
    return {"physicalLocation": physical}


class SarifReporter(Reporter):
    needs_rules = True

    def start(self):
        self.index = {rule.code: i for i, rule in enumerate(self.rules)}
        run = {
            "tool": {
                "driver": {
                    "name": "iolint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": [rule_descriptor(r) for r in self.rules],
                }
            },
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
        }
        # Results are streamed: write the log and the run with their closing braces cut off.
        log = json.dumps({"$schema": SCHEMA, "version": "2.1.0"})[:-1]
        self.out.write(f'{log}, "runs": [{json_inert(json.dumps(run, ensure_ascii=False))[:-1]}, "results": [')
        self.first = True

    def add(self, finding):
        result = {"ruleId": finding.code}
        if finding.code in self.index:
            result["ruleIndex"] = self.index[finding.code]
        result["level"] = LEVELS[finding.severity]
        where = f" [{finding.field}]" if finding.field else ""
        result["message"] = {"text": finding.message + where}
        if finding.file:
            result["locations"] = [_location(finding.file, finding.line, finding.column)]
        if finding.fingerprint:
            result["partialFingerprints"] = {"iolint/v1": finding.fingerprint}
        props = {k: v for k, v in (("field", finding.field), ("variant", finding.variant)) if v}
        if props:
            result["properties"] = props
        self.out.write(("\n" if self.first else ",\n") + json_inert(json.dumps(result, ensure_ascii=False)))
        self.first = False

    def finish(self, summary):
        self.out.write("\n]}]}\n")
