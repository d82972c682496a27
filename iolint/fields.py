"""Fields of a payload named by dotted paths (``content.payment_data.amount``)."""

from __future__ import annotations

MISSING = object()


def dig(data: object, path: str) -> object:
    """The value at a dotted path, or MISSING."""
    for key in path.split("."):
        if not isinstance(data, dict) or key not in data:
            return MISSING
        data = data[key]
    return data
