"""The CTA family: the front matter that gives a message its buttons: placement, YAML,
structure, actions, locales, labels.

Parsing is ``iolint.frontmatter``'s, run through the shared, memoized ``iolint.rendering.analyze``
(the view's ``analysis``).
"""

from __future__ import annotations

import re

from iolint.checks.markdown import issue_hits
from iolint.finding import Hit
from iolint.frontmatter import CtaIssue
from iolint.registry import payload_check, payload_checks

CODES = {
    CtaIssue.MISPLACED: "IO620",
    CtaIssue.MALFORMED: "IO621",
    CtaIssue.UNKNOWN_KEY: "IO622",
    CtaIssue.INVALID: "IO623",
    CtaIssue.INVALID_ACTION: "IO624",
    CtaIssue.MISSING_LOCALE: "IO625",
}


@payload_checks(CODES, needs="markup")
def front_matter_issues(view, ctx):
    return issue_hits(view, CODES)


_VAGUE = {
    "clicca qui", "clicca", "qui", "scopri di più", "scopri di piu", "scopri", "leggi di più",
    "maggiori informazioni", "altre informazioni", "info", "click here", "click", "here",
    "learn more", "read more", "more", "more info",
}  # fmt: skip
_FILLER = re.compile(r"[\s.!:…]+")


@payload_check("IO626", needs="markup")
def vague_cta_label(view, ctx):
    hits = []
    for label in view.analysis.labels:
        words = _FILLER.sub(" ", label.text).strip().lower()
        if not words:
            hits.append(Hit("content.markdown", f"`{label.where}` has an empty label", offset=label.offset))
        elif words in _VAGUE or words.startswith(("clicca ", "click ")):
            message = f'`{label.where}` label "{label.text.strip()}" does not say what the button does'
            hits.append(Hit("content.markdown", message, value=label.text, offset=label.offset))
    return hits


@payload_check("IO627", needs="markup")
def long_cta_label(view, ctx, options):
    limit = options["max-length"]
    hits = []
    for label in view.analysis.labels:
        n = len(label.text.strip())
        if n > limit:
            message = f"`{label.where}` label is {n} characters: keep it to {limit} or fewer, a short action"
            hits.append(Hit("content.markdown", message, value=label.text, offset=label.offset))
    return hits
