"""``--format junit``: JUnit XML, one testsuite, one testcase per file.

Findings at or above the fail level are failures of their file's testcase; the others are listed
in its system-out. A file skipped as no IO message is a skipped testcase, unless a finding on it
fails. Testcases are spooled to a temporary file, since the suite's counts come first.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr

from iolint.report import Reporter

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    return _escape(_INVALID_XML.sub("\ufffd", text))


def attr(text: str) -> str:
    return quoteattr(_INVALID_XML.sub("\ufffd", text), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _text(finding) -> str:
    where = f" [{finding.field}]" if finding.field else ""
    return f"{finding.location()}: {finding.code} {finding.severity} {finding.message}{where} ({finding.name})"


class JunitReporter(Reporter):
    def start(self):
        self.body = tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8")
        self.tests = self.failures = self.skipped = 0
        self.current = None

    def file(self, display, *, skipped=False):
        self._close_case()
        self.current, self.failing, self.other, self.skipping = display, False, [], skipped
        self.tests += 1
        self.body.write(f'    <testcase classname="iolint" name={attr(display)} file={attr(display)}>\n')

    def add(self, finding):
        if finding.file != self.current:
            self.file(finding.file or "<payload>")
        if finding.severity >= self.fail_level:
            self.failing = True
            message = f"{finding.code} {finding.name}: {finding.message}"
            self.body.write(
                f"      <failure type={attr(finding.code)} message={attr(message)}>{escape(_text(finding))}</failure>\n"
            )
        else:
            self.other.append(_text(finding))

    def _close_case(self):
        if self.current is None:
            return
        if self.skipping and not self.failing:
            self.body.write('      <skipped message="not an IO message: not checked"/>\n')
            self.skipped += 1
        if self.other:
            self.body.write(f"      <system-out>{escape(chr(10).join(self.other))}</system-out>\n")
        self.body.write("    </testcase>\n")
        self.failures += self.failing
        self.current = None

    def finish(self, summary):
        self._close_case()
        counts = f'tests="{self.tests}" failures="{self.failures}" errors="0"'
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(
            f'<testsuites name="iolint" {counts}>\n  <testsuite name="iolint" {counts} skipped="{self.skipped}">\n'
        )
        self.body.seek(0)
        shutil.copyfileobj(self.body, self.out)
        self.body.close()
        self.out.write("  </testsuite>\n</testsuites>\n")
