"""Structure: required fields, types, unknown and misspelled keys, deprecated and legacy fields.

The schema is the pydantic model in ``iolint.message``; pydantic's errors are sorted into rules
here. Fields whose values have a dedicated rule (lengths, codes, dates) are left to that rule.
Every check here reports only what the schema refuses: it needs an ``irregular`` payload, and is
not called on one ``iolint.message.plainly_valid`` vouches for (``iolint.view``).
"""

from __future__ import annotations

import difflib
import enum
from datetime import date
from functools import cache

from iolint.fields import MISSING, dig
from iolint.finding import Hit
from iolint.message import (
    MARKDOWN_MAX,
    MARKDOWN_MIN,
    SUBJECT_MAX,
    SUBJECT_MIN,
    known_fields,
    utf16_len,
)
from iolint.registry import payload_check, payload_checks
from iolint.rendering import ANALYSED_MAX

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
    if value is None:
        return "null"
    # what YAML's explicit tags build, which JSON cannot hold
    if isinstance(value, bytes):
        return "binary data (YAML's !!binary)"
    if isinstance(value, set):
        return "a set (YAML's !!set)"
    if isinstance(value, date):
        return "a timestamp (YAML's !!timestamp): quote it to keep it text"
    return type(value).__name__


class Structure(enum.Enum):
    """What pydantic's errors against IO's NewMessage say, as the rules sort them."""

    MISSING = "missing"
    WRONG_TYPE = "wrong-type"
    MISSPELLED = "misspelled"
    UNKNOWN = "unknown"
    INVALID = "invalid"


CODES = {
    Structure.MISSING: "IO101",
    Structure.WRONG_TYPE: "IO102",
    Structure.MISSPELLED: "IO103",
    Structure.UNKNOWN: "IO104",
    Structure.INVALID: "IO107",
}


@payload_checks(CODES, needs="irregular")
def schema_issues(view, ctx):
    """Every error pydantic finds, sorted into its rule; fields with a dedicated rule left to it."""
    errors = view.schema_errors
    if not errors:
        return None
    hits = []
    for err in errors:
        kind, path = err["type"], _path(err["loc"])
        if kind == "missing":
            hits.append(Hit(path, f"required field `{path}` is missing", kind=Structure.MISSING))
        elif kind == "null_value":
            hits.append(
                Hit(path, f"`{path}` is null: IO refuses null; omit the field instead", kind=Structure.WRONG_TYPE)
            )
        elif kind in _TYPE_NAMES:
            if path not in _DEDICATED:
                where = f"`{path}`" if path else "a message"
                message = f"{where} must be {_TYPE_NAMES[kind]}, not {_kind_of(err['input'])}"
                hits.append(Hit(path or None, message, kind=Structure.WRONG_TYPE))
        elif kind == "extra_forbidden":
            hits.append(_unknown_key(err))
        elif not _not_a_value_error(err, path):
            reason = err["msg"].removeprefix("Value error, ")
            hits.append(Hit(path, f"`{path}`: {reason}", value=err["input"], kind=Structure.INVALID))
    if any(err["type"] == "string_unicode" for err in errors):
        for path in _unpaired_keys(view.data):
            message = "a key holds an unpaired surrogate escape (such as \\ud800): it is no IO field"
            hits.append(Hit(path or None, message, kind=Structure.UNKNOWN))
    return hits


def _not_a_value_error(err: dict, path: str) -> bool:
    """Errors of a field another rule reports (a dedicated rule, a length, a key not in Unicode)."""
    if path in _DEDICATED:
        return True
    if err["type"] == "string_unicode":  # a key that is not valid Unicode, at any depth: IO104
        return True
    return path in _LENGTH_RULED and err["type"] == "value_error"


@cache
def _known() -> dict[str, frozenset[str]]:
    return known_fields()


def _unknown_key(err: dict) -> Hit:
    """A key the IO schema does not know: misspelled when close to one it knows, else unknown."""
    *parent, key = err["loc"]
    key = str(key)
    known = _known().get(_path(tuple(parent)), frozenset())
    by_case = {k.lower(): k for k in known}
    suggestion = by_case.get(key.lower()) or next(
        iter(difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.75)), None
    )
    path = _path(err["loc"])
    if suggestion:
        message = f"`{path}` is not an IO field and IO drops it silently: did you mean `{suggestion}`?"
        return Hit(path, message, key=True, kind=Structure.MISSPELLED)
    return Hit(path, f"`{path}` is not an IO field: IO drops it silently", key=True, kind=Structure.UNKNOWN)


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
    return dig(msg, path) is not MISSING


_DEPRECATED_KEYS = frozenset(_DEPRECATED)  # top-level fields
_LEGACY_KEYS = frozenset(path.removeprefix("content.") for path in _LEGACY)  # fields of content


@payload_check("IO105", needs="irregular")
def deprecated_field(view, ctx):
    data = view.data
    if not isinstance(data, dict) or _DEPRECATED_KEYS.isdisjoint(data):  # most payloads: a set test
        return []
    return [
        Hit(path, f"`{path}` is deprecated: {why}; remove it")
        for path, why in _DEPRECATED.items()
        if _present(view.data, path)
    ]


@payload_check("IO106", needs="irregular")
def legacy_field(view, ctx):
    content = view.data.get("content") if isinstance(view.data, dict) else None
    if not isinstance(content, dict) or _LEGACY_KEYS.isdisjoint(content):
        return []
    return [
        Hit(path, f"`{path}` is a legacy field: {why}") for path, why in _LEGACY.items() if _present(view.data, path)
    ]


def _length_hit(text: str, key: str, low: int, high: int):
    n = utf16_len(text)
    if n < low or n > high:
        side = "short" if n < low else "long"
        astral = " (emoji and other astral characters count 2)" if n != len(text) else ""
        message = f"`{key}` is too {side}: {n} characters as IO counts them{astral}; IO accepts {low}..{high:,}"
        return [Hit(f"content.{key}", message)]
    return None


@payload_check("IO110", needs="irregular")
def subject_length(view, ctx):
    text = view.content.get("subject")
    if isinstance(text, str):
        return _length_hit(text, "subject", SUBJECT_MIN, SUBJECT_MAX)


@payload_check("IO111", needs="irregular")
def markdown_length(view, ctx):
    text = view.content.get("markdown")
    if isinstance(text, str):
        found = _length_hit(text, "markdown", MARKDOWN_MIN, MARKDOWN_MAX)
        if len(text) > ANALYSED_MAX:
            found = [
                Hit(h.field, f"{h.message}; at this length its markdown and buttons are not checked") for h in found
            ]
        return found
