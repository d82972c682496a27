"""The checks a rule declares as data, for the rule packs of an ente: pattern, forbidden words,
required field, length.

A spec is the ``check:`` mapping of a rule, validated by ``iolint.ruleset.schema`` (e.g.
``{type: forbidden-words, fields: [content.subject], words: [urgente]}``). Patterns run with the
``regex`` module's timeout, so a slow pattern cannot hang a run; a search so stopped is a finding
that says so, never a silent pass (nor, for ``must: match``, a "does not match").
"""

from __future__ import annotations

from functools import cache

import regex

from iolint.fields import MISSING, dig
from iolint.finding import Hit
from iolint.message import utf16_len

REGEX_TIMEOUT = 0.2  # seconds per search


@cache
def _compile(pattern: str, ignore_case: bool) -> regex.Pattern:
    return regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)


@cache
def _words(words: tuple[str, ...]) -> regex.Pattern:
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", regex.IGNORECASE)


_TIMED_OUT = object()  # a search stopped by the timeout: neither a match nor its absence


def _search(pattern: regex.Pattern, text: str):
    try:
        return pattern.search(text, timeout=REGEX_TIMEOUT)
    except TimeoutError:
        return _TIMED_OUT


def _timed_out(field: str, search: str) -> Hit:
    return Hit(
        field,
        f"`{field}` could not be checked: {search} was stopped after {REGEX_TIMEOUT} s on this text "
        "(a pattern that backtracks too much, or a very long text)",
    )


def run(spec, view, ctx) -> list[Hit]:
    """The hits of one data check on a payload (an ``iolint.view.PayloadView``)."""
    msg = view.data
    kind = spec.type
    custom = spec.message
    hits = []
    if kind == "required-field":
        if (spec.when is None or dig(msg, spec.when) is not MISSING) and dig(msg, spec.field) is MISSING:
            hits.append(Hit(spec.field, custom or f"`{spec.field}` is required by your rules"))
        return hits
    for field in spec.targets():
        value = dig(msg, field)
        if not isinstance(value, str):
            continue
        if kind == "pattern":
            found = _search(_compile(spec.regex, spec.ignore_case), value)
            if found is _TIMED_OUT:
                hits.append(_timed_out(field, f"the pattern {spec.regex!r}"))
            elif spec.must == "match":
                if found is None:
                    hits.append(Hit(field, custom or f"`{field}` does not match {spec.regex!r}"))
            elif found is not None:
                hits.append(Hit(field, custom or f"`{field}` matches {spec.regex!r}", offset=found.start()))
        elif kind == "forbidden-words":
            found = _search(_words(tuple(spec.words)), value)
            if found is _TIMED_OUT:
                hits.append(_timed_out(field, "the search for the forbidden words"))
            elif found is not None:
                hits.append(
                    Hit(field, custom or f"`{field}` uses the forbidden word {found.group()!r}", offset=found.start())
                )
        elif kind == "length":
            n = utf16_len(value)
            low, high = spec.min, spec.max
            if (low is not None and n < low) or (high is not None and n > high):
                bounds = f"{low if low is not None else 0}..{high if high is not None else '∞'}"
                hits.append(Hit(field, custom or f"`{field}` is {n} characters; your rules ask {bounds}"))
    return hits
