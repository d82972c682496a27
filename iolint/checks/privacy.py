"""The privacy family: personal data in titles (errors) and in bodies (a data-minimisation
warning).

Detection is the run's (``ctx.privacy``, in front of ``iolint.pii``): memoized per text, and
presidio is imported only when a text may hold personal data. Messages name the kind of data and
show only a masked value.
"""

from __future__ import annotations

from iolint.checks import text_of
from iolint.finding import Hit
from iolint.privacy import body_entities
from iolint.registry import payload_check


def _detections(msg, key, ctx, entities=None):
    text = text_of(msg, key)
    if not text:
        return text, ()
    return text, ctx.privacy.detect(text, entities)


def _hits(field: str, text: str, detections, template: str, ctx):
    for d in detections:
        value = text[d.start : d.end]
        yield Hit(field, template.format(label=d.label, value=ctx.privacy.mask(value)), value=value, offset=d.start)


@payload_check("IO501")
def personal_data_in_title(msg, ctx):
    text, found = _detections(msg, "subject", ctx)
    yield from _hits(
        "content.subject", text, [d for d in found if not d.special],
        "the title holds personal data ({label}: {value}), shown on the lock screen", ctx,
    )


@payload_check("IO502")
def special_category_in_title(msg, ctx):
    text, found = _detections(msg, "subject", ctx)
    yield from _hits(
        "content.subject", text, [d for d in found if d.special],
        "the title reveals special-category data ({label}: {value}), shown on the lock screen", ctx,
    )


@payload_check("IO503")
def personal_data_in_body(msg, ctx):
    text, found = _detections(msg, "markdown", ctx, body_entities())
    keep = [d for d in found if d.special or d.identifier]
    yield from _hits(
        "content.markdown", text, keep,
        "the body holds {label} ({value}): keep only what the citizen needs (data minimisation)", ctx,
    )
