"""The privacy family: personal data in titles (errors) and in bodies (a data-minimisation
warning).

Detection is the run's (``ctx.privacy``, in front of ``iolint.pii``): memoized per text; presidio
is imported only for a team's own recognizers. Messages name the kind of data and
show only a masked value.
"""

from __future__ import annotations

from iolint.finding import Hit
from iolint.privacy import body_entities
from iolint.registry import payload_check


def _hits(field: str, text: str, detections, template: str, ctx) -> list[Hit]:
    mask = ctx.privacy.mask
    out = []
    for d in detections:
        value = text[d.start : d.end]
        out.append(Hit(field, template.format(label=d.label, value=mask(value)), value=value, offset=d.start))
    return out


@payload_check("IO501", needs="subject", by_subject=True)
def personal_data_in_title(view, ctx):
    found = ctx.privacy.detect(view.subject)
    if found:
        template = "the title holds personal data ({label}: {value}), shown on the lock screen"
        return _hits("content.subject", view.subject, [d for d in found if not d.special], template, ctx)
    return None


@payload_check("IO502", needs="subject", by_subject=True)
def special_category_in_title(view, ctx):
    found = ctx.privacy.detect(view.subject)
    if found:
        template = "the title reveals special-category data ({label}: {value}), shown on the lock screen"
        return _hits("content.subject", view.subject, [d for d in found if d.special], template, ctx)
    return None


@payload_check("IO503", needs="markdown")
def personal_data_in_body(view, ctx):
    found = ctx.privacy.detect(view.markdown, body_entities())
    if found:
        template = "the body holds {label} ({value}): keep only what the citizen needs (data minimisation)"
        return _hits("content.markdown", view.markdown, [d for d in found if d.special or d.identifier], template, ctx)
    return None
