"""A payload as the plain JSON types it is sent as (``plain``), and what ``iolint.lint`` checks
of what it is given (``as_data``).

Whatever the caller passes is turned, once, into the plain JSON types the payload is sent as, so
that every rule sees exactly what a plain dict would give: an OrderedDict, a MappingProxyType, a
pydantic model, a ``markupsafe.Markup`` title are checked like a dict and a str. What cannot be
sent as JSON cannot be checked either, and raises ``InvalidPayload``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from math import isfinite

from iolint import loaders
from iolint.errors import InvalidPayload
from iolint.loaders import Item, Problem, ProblemKind, decode, load_json
from iolint.privacy import redact


def plain(payload: object) -> object:
    """``payload`` as the plain dicts, lists, str, int, float, bool and None it is sent as.

    Any ``Mapping`` becomes a dict (keys as ``json.dumps`` writes them), tuples become lists,
    ``str``/``int``/``float`` subclasses (``markupsafe.Markup``, an ``IntEnum``) their plain
    value, a pydantic model its ``model_dump(mode="json", exclude_none=True)``. Raises
    ``InvalidPayload`` for what JSON cannot hold, structures that contain themselves or are
    nested deeper than 200 levels, and integers too long to write as JSON.
    """
    try:
        return _copy(payload, 0)
    except _Unusual:
        return _plain(payload, (), set())


class _Unusual(Exception):
    """Raised by ``_copy`` at anything but plain types: ``_plain`` then does the whole job."""


def _copy(value, depth: int):
    """The common case, fast: a payload already of plain types (str keys, ints that fit in 64
    bits, not nested too deep) copied as ``_plain`` would copy it, without the path ``_plain``
    keeps for its messages."""
    kind = type(value)
    if kind is str or kind is bool or value is None or (kind is float and isfinite(value)):
        return value
    if kind is int and value.bit_length() <= 64:
        return value
    if depth >= loaders.MAX_DEPTH:  # also ends a structure that contains itself
        raise _Unusual
    if kind is dict:
        out = {}
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            out[key] = item if type(item) is str else _copy(item, depth + 1)  # most values: text, no call
        return out
    if kind is list:
        return [_copy(item, depth + 1) for item in value]
    raise _Unusual


def _plain(value, path: tuple, active: set):
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is float:
        return _finite(value, path)
    if kind is int:
        return _integer(value, path)
    if kind is dict or kind is list:
        return _container(value, path, active)
    if isinstance(value, str):
        return str.__str__(value)  # the text itself, whatever the subclass's __str__ says
    if isinstance(value, int):
        return _integer(int.__int__(value), path)
    if isinstance(value, float):
        return _finite(float.__float__(value), path)
    if isinstance(value, Mapping | tuple):
        return _container(value, path, active)
    if _is_model(value):
        return _plain(_dump(value, path), path, active)
    if isinstance(value, bytes | bytearray):
        raise InvalidPayload(f"{_where(path)} is bytes: JSON has no bytes; decode them into a str")
    raise InvalidPayload(
        f"{_where(path)} is of type {kind.__name__}, which JSON cannot hold: it cannot be sent, or checked"
    )


def _container(value, path: tuple, active: set):
    if len(path) >= loaders.MAX_DEPTH:
        raise InvalidPayload(f"{_where(path)} is nested deeper than {loaders.MAX_DEPTH} levels")
    if id(value) in active:
        raise InvalidPayload(f"{_where(path)} contains itself: it cannot be written as JSON")
    active.add(id(value))
    try:
        if isinstance(value, Mapping):
            out = {}
            for key, item in _pairs(value, path):
                name = _key(key, path)
                out[name] = _plain(item, (*path, name), active)
            return out
        return [_plain(item, (*path, i), active) for i, item in enumerate(value)]
    finally:
        active.discard(id(value))


def _pairs(mapping: Mapping, path: tuple) -> list:
    """The items of a Mapping, whose own code (``__iter__``, ``__getitem__``) may fail: it is the
    caller's, so its failure is an ``InvalidPayload`` that names it (masked), not iolint's."""
    if type(mapping) is dict:
        return mapping.items()
    try:
        return list(mapping.items())
    except Exception as exc:
        raise InvalidPayload(f"{_where(path)} cannot be read: {type(exc).__name__}: {redact(str(exc))}") from None


def _key(key, path: tuple) -> str:
    """A key as ``json.dumps`` writes it."""
    if isinstance(key, str):
        return str.__str__(key)
    if key is None or isinstance(key, bool):
        return {None: "null", True: "true", False: "false"}[key]
    if isinstance(key, int):
        return str(_integer(int.__int__(key), path))
    if isinstance(key, float):
        return json.dumps(float.__float__(key))  # NaN, Infinity: as a key, json writes a string
    raise InvalidPayload(f"{_where(path)} has a key of type {type(key).__name__}: JSON keys are strings")


def _finite(value: float, path: tuple) -> float:
    if isfinite(value):
        return value
    raise InvalidPayload(
        f"{_where(path)} is {json.dumps(value)}: JSON has no such number (json.dumps writes it, IO refuses it)"
    )


def _integer(value: int, path: tuple) -> int:
    if value.bit_length() > 64:
        try:
            str(value)
        except ValueError:
            raise InvalidPayload(f"{_where(path)} is an integer too long to write as JSON") from None
    return value


def _is_model(value) -> bool:
    from pydantic import BaseModel

    return isinstance(value, BaseModel)


def _dump(model, path: tuple):
    from pydantic_core import PydanticSerializationError

    try:
        return model.model_dump(mode="json", exclude_none=True)
    except PydanticSerializationError as exc:  # a field of a type pydantic cannot write as JSON
        raise InvalidPayload(f"{_where(path)} cannot be written as JSON: {redact(str(exc))}") from None


def _where(path: tuple) -> str:
    if not path:
        return "the payload"
    dotted = redact("".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip("."))
    if len(dotted) > 80:  # masked first: a cut must not leave part of a value unmasked
        dotted = f"{dotted[:40]}…{dotted[-30:]}"
    return f"`{dotted}`"


def as_data(payload: object) -> object | Item | Problem:
    """The payload's plain data; JSON text (str or bytes) gives an Item, whose findings have
    positions, or the Problem that keeps it from being read."""
    if type(payload) is dict:  # most payloads: no isinstance tests to pay for
        return plain(payload)
    if isinstance(payload, bytes | bytearray):
        payload = decode(bytes(payload))
        if isinstance(payload, Problem):
            return payload
    if isinstance(payload, str):
        items = list(load_json(str.__str__(payload)))
        return items[0] if len(items) == 1 else Problem(ProblemKind.NOT_A_MESSAGE, "expected one payload, got a list")
    return plain(payload)
