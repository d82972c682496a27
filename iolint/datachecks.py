"""Generic checks for rule packs of an ente's own: pattern, forbidden words, required field, length.

A spec is the ``check:`` mapping of a rule in a user pack, e.g.
``{type: forbidden-words, fields: [content.subject], words: [urgente]}``.
User patterns run with the ``regex`` module's timeout, so a slow pattern cannot hang a run.
"""

from __future__ import annotations

from functools import cache

import regex

from iolint.checks import MISSING, dig
from iolint.finding import Hit
from iolint.message import utf16_len

TYPES = {
    "pattern": {"regex", "fields", "field", "must", "ignore_case", "message"},
    "forbidden-words": {"words", "fields", "field", "message"},
    "required-field": {"field", "when", "message"},
    "length": {"field", "fields", "min", "max", "message"},
}
REGEX_TIMEOUT = 0.2  # seconds per search


def validate_spec(spec: object) -> str | None:
    """Why a generic check spec cannot be used, or None."""
    if not isinstance(spec, dict) or spec.get("type") not in TYPES:
        return f"`check.type` must be one of {', '.join(TYPES)}"
    unknown = set(spec) - TYPES[spec["type"]] - {"type"}
    if unknown:
        return f"unknown keys in `check`: {', '.join(sorted(unknown))}"
    if not _fields(spec):
        return "`check` needs `field` or `fields`"
    kind = spec["type"]
    if kind == "pattern":
        try:
            _compile(str(spec.get("regex", "")), bool(spec.get("ignore_case")))
        except regex.error as exc:
            return f"invalid regex: {exc}"
        if spec.get("must", "not-match") not in ("match", "not-match"):
            return "`must` is match or not-match"
    if kind == "forbidden-words" and not (
        isinstance(spec.get("words"), list) and all(isinstance(w, str) for w in spec["words"])
    ):
        return "`words` must be a list of strings"
    if kind == "length" and not any(isinstance(spec.get(k), int) for k in ("min", "max")):
        return "`length` needs an integer `min` or `max`"
    return None


def _fields(spec: dict) -> list[str]:
    fields = spec.get("fields") or ([spec["field"]] if spec.get("field") else [])
    return [str(f) for f in fields]


@cache
def _compile(pattern: str, ignore_case: bool) -> regex.Pattern:
    return regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)


@cache
def _words(words: tuple[str, ...]) -> regex.Pattern:
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", regex.IGNORECASE)


def _search(pattern: regex.Pattern, text: str):
    try:
        return pattern.search(text, timeout=REGEX_TIMEOUT)
    except TimeoutError:
        return None


def run(spec: dict, msg: object) -> list[Hit]:
    kind = spec["type"]
    custom = spec.get("message")
    hits = []
    if kind == "required-field":
        when = spec.get("when")
        if (when is None or dig(msg, when) is not MISSING) and dig(msg, spec["field"]) is MISSING:
            hits.append(Hit(spec["field"], custom or f"`{spec['field']}` is required by your rules"))
        return hits
    for field in _fields(spec):
        value = dig(msg, field)
        if not isinstance(value, str):
            continue
        if kind == "pattern":
            found = _search(_compile(str(spec["regex"]), bool(spec.get("ignore_case"))), value)
            if spec.get("must", "not-match") == "match":
                if found is None:
                    hits.append(Hit(field, custom or f"`{field}` does not match {spec['regex']!r}"))
            elif found is not None:
                hits.append(Hit(field, custom or f"`{field}` matches {spec['regex']!r}", offset=found.start()))
        elif kind == "forbidden-words":
            found = _search(_words(tuple(spec["words"])), value)
            if found is not None:
                hits.append(Hit(field, custom or f"`{field}` uses the forbidden word {found.group()!r}", offset=found.start()))
        elif kind == "length":
            n = utf16_len(value)
            low, high = spec.get("min"), spec.get("max")
            if (low is not None and n < low) or (high is not None and n > high):
                bounds = f"{low if low is not None else 0}..{high if high is not None else '∞'}"
                hits.append(Hit(field, custom or f"`{field}` is {n} characters; your rules ask {bounds}"))
    return hits
