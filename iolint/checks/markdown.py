"""Markdown the IO app drops, shows as plain text or cannot open (IO601..IO609).

The logic is in ``iolint.markdown``; each rule reports the issues of its code.
"""

from __future__ import annotations

from iolint import markdown
from iolint.checks import text_of
from iolint.finding import Hit
from iolint.registry import payload_check


def issue_hits(msg, code: str):
    text = text_of(msg, "markdown")
    if text:
        analysis = markdown.analyze(text)
        if not analysis.issues:
            return
        for issue in analysis.of(code):
            yield Hit("content.markdown", issue.message, value=issue.value, offset=issue.offset)


def register(code: str) -> None:
    payload_check(code)(lambda msg, ctx: issue_hits(msg, code))


for _code in markdown.CODES:
    register(_code)
