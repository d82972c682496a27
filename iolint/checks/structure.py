"""Structure: required fields, types, unknown and misspelled keys, deprecated and legacy fields.

The schema is the pydantic model in ``iolint.message``; pydantic's errors are sorted into rules
here. Fields whose values have a dedicated rule (lengths, codes, dates) are left to that rule.
"""

from __future__ import annotations

import difflib
from functools import cache

from pydantic import ValidationError

from iolint.checks import content
from iolint.finding import Hit
from iolint.message import (
    MARKDOWN_MAX,
    MARKDOWN_MIN,
    SUBJECT_MAX,
    SUBJECT_MIN,
    NewMessage,
    known_fields,
    utf16_len,
)
from iolint.registry import payload_check

# Fields whose every problem but absence is reported by a dedicated rule.
_DEDICATED = {
    "fiscal_code",
    "content.due_date",
    "content.payment_data.amount",
    "content.payment_data.notice_number",
    "content.payment_data.payee.fiscal_code",
    "content.third_party_data.id",
    "content.third_party_data.configuration_id",
    "content.third_party_data.original_receipt_date",
}
# Fields whose value errors (lengths) have a dedicated rule; wrong types stay here.
_LENGTH_RULED = {"content.subject", "content.markdown"}

_TYPE_NAMES = {
    "string_type": "a string",
    "int_type": "an integer",
    "bool_type": "true or false",
    "model_type": "an object",
    "dict_type": "an object",
    "model_attributes_type": "an object",
}
_DEPRECATED = {
    "time_to_live": "IO ignores it since push and email delivery no longer retry on it",
    "default_addresses": "IO ignores it: the citizen's own addresses are always used",
}
_LEGACY = {
    "content.eu_covid_cert": "EU COVID certificates need a special permission (403 otherwise)",
    "content.prescription_data": "medical prescriptions are a legacy, permission-gated feature",
    "content.legal_data": "legal-mail (PEC) data is internal to IO's PEC integration",
}

_last: tuple[object, list] = (None, [])


def _errors(msg: object) -> list[dict]:
    """pydantic's errors for this payload, computed once for all the structure rules."""
    global _last
    if _last[0] is not msg:  # identity, and holding msg keeps its id from being reused
        try:
            NewMessage.model_validate(msg)
            errors = []
        except ValidationError as exc:
            errors = exc.errors(include_url=False, include_input=True, include_context=False)
        _last = (msg, errors)
    return _last[1]


def _path(loc: tuple) -> str:
    return ".".join(str(p) for p in loc)


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number with decimals"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


@payload_check("IO101")
def missing_required_field(msg, ctx):
    for err in _errors(msg):
        if err["type"] == "missing":
            path = _path(err["loc"])
            yield Hit(path, f"required field `{path}` is missing")


@payload_check("IO102")
def wrong_type(msg, ctx):
    for err in _errors(msg):
        if err["type"] == "null_value":
            path = _path(err["loc"])
            yield Hit(path, f"`{path}` is null: IO refuses null; omit the field instead")
            continue
        expected = _TYPE_NAMES.get(err["type"])
        path = _path(err["loc"])
        if expected is None or path in _DEDICATED:
            continue
        got = _kind_of(err["input"])
        where = f"`{path}`" if path else "a message"
        yield Hit(path or None, f"{where} must be {expected}, not {got}")


@payload_check("IO107")
def invalid_value(msg, ctx):
    for err in _errors(msg):
        path = _path(err["loc"])
        kind = err["type"]
        if kind in _TYPE_NAMES or kind in ("missing", "extra_forbidden", "null_value") or path in _DEDICATED:
            continue
        if kind == "string_unicode" and not err["loc"]:  # a key that is not valid Unicode: IO104
            continue
        if path in _LENGTH_RULED and kind == "value_error":
            continue
        reason = err["msg"].removeprefix("Value error, ")
        yield Hit(path, f"`{path}`: {reason}", value=err["input"])


@cache
def _known() -> dict[str, frozenset[str]]:
    return known_fields()


def _unknown_keys(msg: object):
    """(path, key, suggestion or None) for every key the IO schema does not know."""
    for err in _errors(msg):
        if err["type"] != "extra_forbidden":
            continue
        *parent, key = err["loc"]
        key = str(key)
        known = _known().get(_path(tuple(parent)), frozenset())
        by_case = {k.lower(): k for k in known}
        suggestion = by_case.get(key.lower()) or next(
            iter(difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.75)), None
        )
        yield _path(err["loc"]), suggestion


@payload_check("IO103")
def misspelled_field(msg, ctx):
    for path, suggestion in _unknown_keys(msg):
        if suggestion:
            yield Hit(
                path,
                f"`{path}` is not an IO field and IO drops it silently: did you mean `{suggestion}`?",
                key=True,
            )


@payload_check("IO104")
def unknown_field(msg, ctx):
    for path, suggestion in _unknown_keys(msg):
        if not suggestion:
            yield Hit(path, f"`{path}` is not an IO field: IO drops it silently", key=True)
    if any(err["type"] == "string_unicode" and not err["loc"] for err in _errors(msg)):
        for path in _unpaired_keys(msg):
                yield Hit(path or None, "a key holds an unpaired surrogate escape (such as \\ud800): it is no IO field")


def _unpaired_keys(data: object, prefix: str = ""):
    """Paths of objects with a key that is not valid Unicode (pydantic cannot even name it)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and not _encodable(key):
                yield prefix
            elif isinstance(value, dict):
                yield from _unpaired_keys(value, f"{prefix}.{key}" if prefix else key)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _present(msg: object, path: str) -> bool:
    for key in path.split("."):
        if not isinstance(msg, dict) or key not in msg:
            return False
        msg = msg[key]
    return True


@payload_check("IO105")
def deprecated_field(msg, ctx):
    for path, why in _DEPRECATED.items():
        if _present(msg, path):
            yield Hit(path, f"`{path}` is deprecated: {why}; remove it")


@payload_check("IO106")
def legacy_field(msg, ctx):
    for path, why in _LEGACY.items():
        if _present(msg, path):
            yield Hit(path, f"`{path}` is a legacy field: {why}")


def _length_hit(msg, key: str, low: int, high: int):
    text = content(msg).get(key)
    if isinstance(text, str):
        n = utf16_len(text)
        if n < low or n > high:
            side = "short" if n < low else "long"
            astral = " (emoji and other astral characters count 2)" if n != len(text) else ""
            yield Hit(
                f"content.{key}",
                f"`{key}` is too {side}: {n} characters as IO counts them{astral}; "
                f"IO accepts {low}..{high:,}",
            )


@payload_check("IO110")
def subject_length(msg, ctx):
    yield from _length_hit(msg, "subject", SUBJECT_MIN, SUBJECT_MAX)


@payload_check("IO111")
def markdown_length(msg, ctx):
    yield from _length_hit(msg, "markdown", MARKDOWN_MIN, MARKDOWN_MAX)
