"""Personal data in titles (errors) and in bodies (a data-minimisation warning).

Detection is ``iolint.pii.detect``: memoized per text, and presidio is imported only when a text
may hold personal data (importing ``iolint.pii`` itself is light). Messages name the kind of data and show only a masked value.
"""

from __future__ import annotations

from functools import cache

from iolint import pii
from iolint.checks import text_of
from iolint.finding import Hit
from iolint.pii.kinds import KINDS
from iolint.registry import payload_check


def _detections(msg, key, entities=None):
    text = text_of(msg, key)
    if not text:
        return text, ()
    return text, pii.detect(text, entities)


@cache
def _body_entities() -> frozenset[str]:
    """What a body is checked for: special categories and full identifiers, nothing else."""
    return frozenset(name for name, kind in KINDS.items() if kind.special or kind.identifier)


def _hits(field: str, text: str, detections, template: str):
    for d in detections:
        value = text[d.start : d.end]
        yield Hit(field, template.format(label=d.label, value=pii.mask(value)), value=value, offset=d.start)


@payload_check("IO501")
def personal_data_in_title(msg, ctx):
    text, found = _detections(msg, "subject")
    yield from _hits(
        "content.subject", text, [d for d in found if not d.special],
        "the title holds personal data ({label}: {value}), shown on the lock screen",
    )


@payload_check("IO502")
def special_category_in_title(msg, ctx):
    text, found = _detections(msg, "subject")
    yield from _hits(
        "content.subject", text, [d for d in found if d.special],
        "the title reveals special-category data ({label}: {value}), shown on the lock screen",
    )


@payload_check("IO503")
def personal_data_in_body(msg, ctx):
    text, found = _detections(msg, "markdown", _body_entities())
    keep = [d for d in found if d.special or d.identifier]
    yield from _hits(
        "content.markdown", text, keep,
        "the body holds {label} ({value}): keep only what the citizen needs (data minimisation)",
    )
