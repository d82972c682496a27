"""The markdown family: markdown the IO app drops, shows as plain text or cannot open.

The analysis is ``iolint.rendering``'s, once per body; this maps what it reports to the rules.
"""

from __future__ import annotations

from iolint.finding import Hit
from iolint.registry import payload_checks
from iolint.rendering import MarkdownIssue

CODES = {
    MarkdownIssue.DEEP_HEADING: "IO601",
    MarkdownIssue.TABLE: "IO602",
    MarkdownIssue.STRIKETHROUGH: "IO603",
    MarkdownIssue.RAW_HTML: "IO604",
    MarkdownIssue.IMAGE_OUTSIDE_PARAGRAPH: "IO605",
    MarkdownIssue.EMPTY_LINK: "IO606",
    MarkdownIssue.HTTP_LINK: "IO607",
    MarkdownIssue.UNSUPPORTED_LINK: "IO608",
    MarkdownIssue.FOOTNOTE: "IO609",
}


def issue_hits(view, kinds) -> list[Hit] | None:
    """A hit for each issue of the body of these kinds (markdown's or the front matter's)."""
    issues = view.analysis.issues
    if not issues:
        return None
    return [
        Hit("content.markdown", issue.message, value=issue.value, offset=issue.offset, kind=issue.kind)
        for issue in issues
        if issue.kind in kinds
    ]


@payload_checks(CODES, needs="markup")
def markdown_issues(view, ctx):
    return issue_hits(view, CODES)
