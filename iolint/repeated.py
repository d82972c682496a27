"""Keys written more than once in one JSON object or YAML mapping (IO005).

JSON and YAML readers keep the last value of a repeated key without a word, and so does IO: the
first value, often the one meant, is dropped. ``decode_json`` is ``json.loads`` that also says
which objects repeat a key (the object hook costs about a microsecond a payload, and the path of
an object is looked for only when one repeats) and refuses NaN and Infinity; ``in_yaml`` finds
repeated keys in a composed node tree.
"""

from __future__ import annotations

import json
import threading

import yaml


class NotJson(ValueError):
    """NaN, Infinity or -Infinity: Python's json reads them, JSON has no such values (RFC 8259)
    and IO refuses a request that holds one."""


def _refuse(name: str):
    raise NotJson(name)


_found = threading.local()  # per thread: (object, its repeated keys) of the document being decoded


def _pairs(pairs: list[tuple[str, object]]) -> dict:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        again = [k for k, _ in pairs if k in seen or seen.add(k)]
        _found.objects.append((obj, list(dict.fromkeys(again))))
    return obj


_decoder = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_refuse)


def decode_json(text: str) -> tuple[object, list[tuple[tuple, str]]]:
    """``json.loads(text)`` (the same value and errors, but NaN and Infinity, which JSON lacks, raise
    ``NotJson``), and the (path, key) of each key written more than once in one object, in
    document order of the objects' ends; a path is a tuple of keys and list indexes from the top."""
    if text.startswith("\ufeff"):  # as json.loads does
        raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
    _found.objects = []
    try:
        data = _decoder.decode(text)
        objects = _found.objects
    finally:
        _found.objects = None
    if not objects:
        return data, []
    paths = _paths(data, {id(obj) for obj, _ in objects})
    return data, [(paths[id(obj)], key) for obj, keys in objects for key in keys]


def _paths(data: object, wanted: set[int]) -> dict[int, tuple]:
    """The path of each object of ``data`` whose id is in ``wanted`` (decoded JSON is a tree)."""
    found: dict[int, tuple] = {}
    stack: list[tuple[object, tuple]] = [(data, ())]
    while stack and len(found) < len(wanted):
        value, path = stack.pop()
        if isinstance(value, dict):
            if id(value) in wanted:
                found[id(value)] = path
            stack.extend((v, (*path, k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(value))
    return found


_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"


def in_yaml(root: yaml.Node) -> list[tuple[tuple, str, int, int]]:
    """(path, key, line, column) of each key written again in a mapping under ``root``, at the
    later key; the key as JSON would send it (``1`` and ``"1"`` are one key). Merge keys (``<<``)
    are not keys; a node reached through several aliases is read once."""
    out = []
    stack: list[tuple[yaml.Node, tuple]] = [(root, ())]
    seen: set[int] = set()
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, (*path, i)) for i, child in reversed(list(enumerate(node.value))))
        elif isinstance(node, yaml.MappingNode):
            named = [(_key(key), key, value) for key, value in node.value]
            keys: set[str] = set()
            for name, key, _ in named:
                if name is not None and name in keys:
                    out.append((path, name, key.start_mark.line + 1, key.start_mark.column + 1))
                keys.add(name)
            stack.extend((value, (*path, name)) for name, _, value in reversed(named) if name is not None)
    return out


def _key(node: yaml.Node) -> str | None:
    """A mapping key as JSON text would have it, or None (a merge key, a key that is no scalar or
    that cannot be read: the loader reports those). A constructor of its own reads the rare key
    that is no string, so the loader's state is left as it was."""
    if not isinstance(node, yaml.ScalarNode) or node.tag == _MERGE:
        return None
    if node.tag == _STR:
        return node.value
    try:
        return str(yaml.constructor.SafeConstructor().construct_object(node))
    except (yaml.YAMLError, ValueError, TypeError):
        return None


def message(path: tuple, key: str) -> str:
    """What IO005 says of ``key`` written again in the object at ``path``."""
    where = f"in `{dotted(path)}`" if path else "at the top level"
    return f"the key `{key}` is written more than once {where}: only the last value is read, the others are dropped"


def dotted(path: tuple) -> str:
    """A path as findings name fields: ``content.payment_data``, ``[2].content``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if out else str(part)
    return out
