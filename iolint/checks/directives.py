"""IO907: an ``iolint:`` directive written inside a message's text, where it suppresses nothing
and the citizen reads it (see ``iolint.suppress`` for where directives count)."""

from __future__ import annotations

import re

from iolint.finding import Hit
from iolint.registry import payload_check

_LOOKS_LIKE = re.compile(r"(?:\{#-?\s*|#\s*)?iolint\s*:\s*ignore(?:-file)?\s*\[[^\]\n]*\]?", re.IGNORECASE)


@payload_check("IO907", needs="text")
def directive_in_message_text(view, ctx):
    hits = []
    for field, text in view.texts():
        for start, end in view.found(text, _directives):
            written = text[start:end]
            message = (
                f"`{written}` is part of the message text: the citizen reads it, and it suppresses "
                "nothing. Write it as a YAML comment outside the text (a template may also use a Jinja "
                "comment {# ... #}); for JSON, use the config or iolint-suppressions.yaml"
            )
            hits.append(Hit(field, message, value=written, offset=start))
    return hits


def _directives(text: str) -> tuple[tuple[int, int], ...]:
    """Where directives are written: the pattern treats every digit alike, so a text that differs
    only in digits has them at the same places."""
    if "iolint" not in text.lower():
        return ()
    return tuple(m.span() for m in _LOOKS_LIKE.finditer(text))
