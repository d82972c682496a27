"""Masked forms of detected values, for messages and reports: never the value in full."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"([^@\s]+)@([^@\s]+)")


def _keep(n: int) -> tuple[int, int]:
    """How many leading and trailing letters or digits stay visible out of ``n``."""
    if n >= 14:
        return 3, 4
    if n >= 10:
        return 2, 2
    if n >= 6:
        return 1, 1
    return 0, 0


def _mask_chars(value: str) -> str:
    """Star the letters and digits of a code, keeping separators and a few ends (RSS*...562S)."""
    positions = [i for i, c in enumerate(value) if c.isalnum()]
    head, tail = _keep(len(positions))
    hidden = set(positions[head : len(positions) - tail])
    return "".join("*" if i in hidden else c for i, c in enumerate(value))


def _mask_words(value: str) -> str:
    """Keep the first letter of each word: "Mario Rossi" -> "M**** R****"."""
    return re.sub(r"\S+", lambda m: m.group()[0] + "*" * (len(m.group()) - 1) if len(m.group()) > 1 else "*", value)


def _mask_email(local: str, domain: str) -> str:
    *labels, tld = domain.split(".")
    masked = [f"{label[:1]}****" for label in labels] + [tld if labels else f"{tld[:1]}****"]
    return f"{local[:1]}****@{'.'.join(masked)}"


def mask(value: str, *, show: bool = False) -> str:
    """A masked form that never shows ``value`` in full: "RSSMRA85T10A562S" -> "RSS*********562S",
    "Mario Rossi" -> "M**** R****", "mario@comune.it" -> "m****@c****.it". Deterministic and
    pure; ``show=True`` (an explicit opt-in for local debugging) returns the value as it is."""
    if show:
        return value
    email = _EMAIL.fullmatch(value.strip())
    if email:
        out = _mask_email(*email.groups())
    elif len(value.split()) > 1 and sum(c.isalpha() for c in value) * 2 > sum(c.isalnum() for c in value):
        out = _mask_words(value)
    else:
        out = _mask_chars(value) if sum(c.isalnum() for c in value) else "*" * len(value)
    # A value made of stars and spaces would come back unchanged.
    return out if out != value or len(value) < 2 else "*" * (len(value) + 1)
