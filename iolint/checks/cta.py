"""The CTA family: the front matter that gives a message its buttons: placement, YAML,
structure, actions, locales, labels.

Parsing is ``iolint.cta``, run through the shared, memoized ``iolint.markdown.analyze``.
"""

from __future__ import annotations

import re

from iolint import markdown
from iolint.checks import text_of
from iolint.checks.markdown import issue_hits
from iolint.cta import CtaIssue
from iolint.finding import Hit
from iolint.registry import payload_check, payload_checks

CODES = {
    CtaIssue.MISPLACED: "IO620",
    CtaIssue.MALFORMED: "IO621",
    CtaIssue.UNKNOWN_KEY: "IO622",
    CtaIssue.INVALID: "IO623",
    CtaIssue.INVALID_ACTION: "IO624",
    CtaIssue.MISSING_LOCALE: "IO625",
}


@payload_checks(CODES)
def front_matter_issues(msg, ctx):
    return issue_hits(msg, CODES)


_VAGUE = {
    "clicca qui", "clicca", "qui", "scopri di più", "scopri di piu", "scopri", "leggi di più",
    "maggiori informazioni", "altre informazioni", "info", "click here", "click", "here",
    "learn more", "read more", "more", "more info",
}  # fmt: skip
_FILLER = re.compile(r"[\s.!:…]+")


def _labels(msg):
    text = text_of(msg, "markdown")
    return markdown.analyze(text).labels if text else ()


@payload_check("IO626")
def vague_cta_label(msg, ctx):
    for label in _labels(msg):
        words = _FILLER.sub(" ", label.text).strip().lower()
        if not words:
            yield Hit("content.markdown", f"`{label.where}` has an empty label", offset=label.offset)
        elif words in _VAGUE or words.startswith(("clicca ", "click ")):
            yield Hit(
                "content.markdown",
                f"`{label.where}` label \"{label.text.strip()}\" does not say what the button does",
                value=label.text,
                offset=label.offset,
            )


@payload_check("IO627")
def long_cta_label(msg, ctx, options):
    limit = options["max-length"]
    for label in _labels(msg):
        n = len(label.text.strip())
        if n > limit:
            yield Hit(
                "content.markdown",
                f"`{label.where}` label is {n} characters: keep it to {limit} or fewer, a short action",
                value=label.text,
                offset=label.offset,
            )
