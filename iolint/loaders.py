"""Reading payload files: JSON and JSONL here, YAML in ``iolint.yamlreader``; positions are found
only when a finding needs one (``iolint.positions``).

A loader yields ``Item``s (one payload each) and ``Problem``s (what could not be read, with its
line and column). A problem never stops the other items of the file from being checked.
"""

from __future__ import annotations

import enum
import errno
import json
import json.decoder
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from iolint import repeated
from iolint.positions import Item, Lines, locate_json, skip_ws

PAYLOAD_SUFFIXES = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".jsonl": "jsonl", ".ndjson": "jsonl"}
TOP_LEVEL_KEYS = frozenset({"content", "fiscal_code", "feature_level_type", "time_to_live", "default_addresses"})

MAX_FILE_BYTES = 20 * 1024 * 1024  # JSON and YAML are read whole; JSONL is streamed
MAX_LINE_BYTES = 1024 * 1024
MAX_YAML_NODES = 200_000  # after expanding aliases: refuses "billion laughs" files
MAX_DEPTH = 200

_decoder = json.JSONDecoder()
_WS = " \t\n\r"
_CONSTANT = re.compile(r"-?Infinity|NaN")


class ProblemKind(enum.Enum):
    """What keeps a file, or part of it, from being read as payloads (``iolint.checks.input``
    maps each kind to its rule)."""

    UNREADABLE = "unreadable"  # no file, not a regular file, binary, not UTF-8
    SYNTAX = "syntax"  # JSON, JSONL, YAML or CSV that does not parse
    TOO_LARGE = "too-large"  # a file, line or YAML document over the limits
    NOT_A_MESSAGE = "not-a-message"  # empty, or no IO message in it
    NOT_RENDERED = "not-rendered"  # a row of recipients the template cannot render
    REPEATED_KEY = "repeated-key"  # a key written twice in one object: the payload is still read


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in a file that is not a payload iolint can read."""

    kind: ProblemKind
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None


def looks_like_message(data: object) -> bool:
    """Whether a decoded document is meant as an IO message (or a list of them)."""
    if isinstance(data, list):
        return (
            bool(data)
            and all(looks_like_message(d) for d in data if isinstance(d, dict))
            and any(isinstance(d, dict) for d in data)
        )
    if not isinstance(data, dict):
        return False
    if TOP_LEVEL_KEYS & data.keys():
        return True
    return any(isinstance(v, dict) and {"subject", "markdown"} & v.keys() for v in data.values())


def payload_kind(path: Path) -> str | None:
    return PAYLOAD_SUFFIXES.get(path.suffix.lower())


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading in binary; OSError when it is no regular file: a FIFO would
    block the open itself until a writer came, a device such as /dev/zero would never end."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "not a regular file (a pipe, socket or device)", os.fspath(path))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str | Problem:
    """The file's text, or a Problem saying why it cannot be read."""
    try:
        with open_regular(path) as handle:
            raw = handle.read(limit + 1)  # not trusting st_size: /proc files say 0
    except OSError as exc:
        return Problem(ProblemKind.UNREADABLE, f"cannot read the file: {exc.strerror or exc}")
    if len(raw) > limit:
        return Problem(ProblemKind.TOO_LARGE, f"file is over the {limit:,}-byte limit")
    return decode(raw)


def reason(problem: Problem) -> str:
    """Why ``read_text`` could not read a file, for a message that names the file itself."""
    return problem.message.removeprefix("cannot read the file: ")


def is_binary(head: bytes) -> bool:
    """Whether a file whose first bytes are ``head`` is binary: a NUL byte in its first 8 KB."""
    return b"\0" in head[:8192]


def decode(raw: bytes) -> str | Problem:
    if is_binary(raw):
        return Problem(ProblemKind.UNREADABLE, "binary file: payloads and templates are UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - raw.rfind(b"\n", 0, exc.start)
        return Problem(ProblemKind.UNREADABLE, f"not UTF-8 text (byte 0x{raw[exc.start]:02x})", line, column)


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)  # a JSON string, or its unclosed rest
_BRACKETS = re.compile(r"[\[\]{}]")


def _blank_strings(text: str) -> str:
    """``text`` with the insides of its JSON strings blanked out, offsets kept."""
    return _STRING.sub(lambda m: '"' + " " * (len(m.group()) - 1), text)


def _depth_ok(text: str) -> bool:
    """Whether the JSON ``text`` nests at most ``MAX_DEPTH`` levels; brackets in strings are text."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return True
    depth = 0
    for m in _BRACKETS.finditer(_blank_strings(text) if '"' in text else text):
        if m.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return False
        else:
            depth -= 1
    return True


def _too_long_number(text: str, lines: Lines) -> Problem:
    """The Problem for a number Python will not read (over ``sys.get_int_max_str_digits()``)."""
    limit = sys.get_int_max_str_digits()
    found = re.search(rf"\d{{{limit + 1},}}", _blank_strings(text)) if limit else None
    line, column = lines.position(found.start()) if found else (1, 1)
    return Problem(ProblemKind.SYNTAX, f"invalid JSON: a number with more than {limit:,} digits", line, column)


def _not_json(text: str, lines: Lines) -> Problem:
    """The Problem for a NaN or Infinity in ``text`` (the first outside strings)."""
    found = _CONSTANT.search(_blank_strings(text))
    line, column = lines.position(found.start()) if found else (1, 1)
    name = found.group() if found else "NaN"
    return Problem(
        ProblemKind.SYNTAX,
        f"invalid JSON: {name} is no JSON value (IO refuses the message): write a number",
        line,
        column,
    )


def load_json(text: str) -> Iterator[Item | Problem]:
    if not _depth_ok(text):
        yield Problem(ProblemKind.SYNTAX, f"nesting deeper than {MAX_DEPTH} levels", 1, 1)
        return
    try:
        data, twice = repeated.decode_json(text)
    except json.JSONDecodeError as exc:
        yield Problem(ProblemKind.SYNTAX, f"invalid JSON: {exc.msg}", *Lines(text).position(exc.pos))
        return
    except repeated.NotJson:
        yield _not_json(text, Lines(text))
        return
    except ValueError:  # an integer too long to convert
        yield _too_long_number(text, Lines(text))
        return
    except RecursionError:
        yield Problem(ProblemKind.SYNTAX, "invalid JSON: nested too deeply", 1, 1)
        return
    yield from _items(data, text, twice)


def _items(data, text: str, twice: list[tuple[tuple, str]]):
    lines = Lines(text)
    start = skip_ws(text, 0)
    notes = _json_notes(lines, start, twice, in_list=isinstance(data, list)) if twice else {}
    if isinstance(data, list):
        for index, (entry, offset) in enumerate(zip(data, _element_offsets(text, start), strict=False)):
            yield Item(entry, lines=lines, start=offset, notes=notes.get(index, ()))
    else:
        yield Item(data, lines=lines, start=start, notes=notes.get(None, ()))


def repeated_notes(found: list[tuple[tuple, str, int, int]], *, in_list: bool) -> dict:
    """IO005's problems for (path, key, line, column) of each key written again, by the index of
    the payload they belong to when the document is a list of payloads (``in_list``), else under
    None."""
    notes: dict[int | None, list[Problem]] = {}
    for path, key, line, column in found:
        index, inner = (path[0], path[1:]) if in_list else (None, path)
        field = repeated.dotted((*inner, key))
        notes.setdefault(index, []).append(
            Problem(ProblemKind.REPEATED_KEY, repeated.message(inner, key), line, column, field)
        )
    return {index: tuple(problems) for index, problems in notes.items()}


def _json_notes(lines: Lines, start: int, twice: list[tuple[tuple, str]], line_base=0, *, in_list=False) -> dict:
    """``repeated_notes`` at the last of the keys written twice in JSON text."""
    found = []
    for path, key in twice:
        line, column = lines.position(locate_json(lines.text, (*path, key), start, key=True, children=lines.children))
        found.append((path, key, line + line_base, column))
    return repeated_notes(found, in_list=in_list)


def _element_offsets(text: str, start: int) -> Iterator[int]:
    """Start offsets of the elements of the JSON array at ``start``, in one pass."""
    i = skip_ws(text, start + 1)
    while i < len(text) and text[i] != "]":
        yield i
        i = skip_ws(text, _decoder.raw_decode(text, i)[1])
        if i < len(text) and text[i] == ",":
            i = skip_ws(text, i + 1)


def read_lines(handle) -> Iterator[str | Problem]:
    """Decoded lines of a binary file, each read with a bounded buffer."""
    first = True
    while True:
        raw = handle.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the over-long line
                raw = handle.readline(MAX_LINE_BYTES)
            yield Problem(ProblemKind.TOO_LARGE, f"line is over the {MAX_LINE_BYTES:,}-byte limit", None, 1)
            continue
        try:
            yield raw.decode("utf-8-sig" if first else "utf-8")
        except UnicodeDecodeError as exc:
            yield Problem(ProblemKind.UNREADABLE, f"not UTF-8 text (byte 0x{raw[exc.start]:02x})", None, exc.start + 1)
        first = False


def load_jsonl(lines: Iterator[str | Problem]) -> Iterator[Item | Problem]:
    """One payload per line; bad lines are problems, the rest are still checked."""
    for number, line in enumerate(lines, 1):
        if isinstance(line, Problem):
            yield Problem(line.kind, line.message, number, line.column)
            continue
        if not line.strip():
            continue
        if not _depth_ok(line):
            yield Problem(ProblemKind.SYNTAX, f"nesting deeper than {MAX_DEPTH} levels", number, 1)
            continue
        try:
            data, twice = repeated.decode_json(line)
        except json.JSONDecodeError as exc:
            yield Problem(ProblemKind.SYNTAX, f"invalid JSON: {exc.msg}", number, exc.colno)
            continue
        except repeated.NotJson:
            problem = _not_json(line, Lines(line))
            yield Problem(problem.kind, problem.message, number, problem.column)
            continue
        except ValueError:  # an integer too long to convert
            problem = _too_long_number(line, Lines(line))
            yield Problem(problem.kind, problem.message, number, problem.column)
            continue
        except RecursionError:
            yield Problem(ProblemKind.SYNTAX, "invalid JSON: nested too deeply", number, 1)
            continue
        lines_of = Lines(line)
        notes = _json_notes(lines_of, skip_ws(line, 0), twice, number - 1) if twice else {}
        yield Item(data, number, lines=lines_of, line_base=number - 1, notes=notes.get(None, ()))
