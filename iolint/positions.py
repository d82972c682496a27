"""Where a payload's fields are in the text they were read from: ``Item``, one payload with a lazy
map from dotted field paths to (line, column), and ``Lines``, offsets to positions.

Positions are found only when a finding needs one: JSON text is walked from the payload's start
to the field; a YAML payload keeps its node tree, and a string's character is mapped through
the scalar's style (plain, quoted, block).
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import re

import yaml

_decoder = json.JSONDecoder()
_WS = " \t\n\r"

JSON_BREAKS = re.compile(r"\r\n?|\n")  # where an editor starts a new line of a JSON file
YAML_BREAKS = re.compile("\r\n?|[\n\x85\u2028\u2029]")  # PyYAML's line breaks (YAML 1.1)


class Lines:
    """Offset to (line, column) for one text, with the newline table built on first use."""

    __slots__ = ("text", "_starts", "_breaks", "children", "strings")

    def __init__(self, text: str, breaks: re.Pattern[str] = JSON_BREAKS):
        self.text = text
        self._starts: list[int] | None = None
        self._breaks = breaks
        # found once per text, however many findings point there (thousands in one body)
        self.children: dict[int, dict] = {}  # JSON containers' members, by the container's offset (``locate_json``)
        self.strings: dict[int, tuple] = {}  # JSON strings' escapes, by opening quote (``_json_char``)

    def position(self, offset: int) -> tuple[int, int]:
        if self._starts is None:
            self._starts = _line_starts(self.text, self._breaks)
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def _line_starts(text: str, breaks: re.Pattern[str]) -> list[int]:
    """Offsets where the lines of ``text`` start (LF-only JSON takes the fast path)."""
    if breaks is JSON_BREAKS and "\r" not in text:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts
    return [0, *(m.end() for m in breaks.finditer(text))]


class Item:
    """One payload, with a lazy map from dotted field paths to (line, column), and ``notes``: what
    its reader found wrong in how it is written but that did not keep it from being read (a key
    written twice), as ``loaders.Problem``s."""

    __slots__ = ("data", "notes", "_line", "_lines", "_start", "_yaml_node", "_prefix", "_line_base")

    def __init__(self, data, line=None, *, lines=None, start=0, yaml_node=None, prefix=(), line_base=0, notes=()):
        self.data = data
        self.notes = notes
        self._line = line
        self._lines = lines
        self._start = start
        self._yaml_node = yaml_node
        self._prefix = prefix
        self._line_base = line_base

    @property
    def line(self) -> int | None:
        if self._line is None:
            self._line = self.locate(None)[0]
        return self._line

    def locate(
        self, field: str | None, offset: int | None = None, *, key: bool = False
    ) -> tuple[int | None, int | None]:
        """(line, column) of a field's value; with ``offset``, of that character of a string
        value; with ``key``, of the field's key (a misspelled key is the thing to fix)."""
        keys = tuple(_split(field)) if field else ()
        if self._yaml_node is not None:
            return locate_yaml(self._yaml_node, self._prefix + keys, offset, key=key)
        if self._lines is not None:
            text = self._lines.text
            at = locate_json(text, keys, self._start, key=key, children=self._lines.children)
            if offset is not None and not key and text.startswith('"', at):
                at = _json_char(self._lines, at, offset)
            line, column = self._lines.position(at)
            return line + self._line_base, column
        return self._line, None


_INDEXED = re.compile(r"^(.*?)((?:\[\d+\])*)$", re.DOTALL)


def _split(field: str) -> list[str | int]:
    """Keys of a dotted path; `[n]` suffixes are list indexes. Odd keys stay literal text."""
    out: list[str | int] = []
    for part in field.split("."):
        name, indexes = _INDEXED.match(part).groups()
        if name:
            out.append(name)
        out.extend(int(i) for i in re.findall(r"\d+", indexes))
    return out


def skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WS:
        i += 1
    return i


def locate_json(text: str, keys: tuple, start: int = 0, *, key: bool = False, children: dict | None = None) -> int:
    """Offset of the value at ``keys`` (from the value at ``start``), or of its nearest ancestor;
    with ``key``, of the last key's opening quote. ``children`` keeps each container's members
    once read (``Lines.children``): thousands of findings on the keys of one object read it once,
    not once each."""
    if children is None:
        children = {}
    i = skip_ws(text, start)
    for depth, name in enumerate(keys):
        members = children.get(i)
        if members is None:
            members = children[i] = _members(text, i)
        place = members.get(name)
        if place is None:
            return i
        quote, value = place
        i = quote if key and quote is not None and depth == len(keys) - 1 else value
    return i


def _members(text: str, i: int) -> dict:
    """The members of the JSON container at ``i``: key (or index) -> (offset of the key's opening
    quote, or None in a list; offset of the value). Of a key written twice, the last, as JSON
    reads it. Nothing for a scalar; what was read before any error."""
    found: dict = {}
    try:
        if text[i] == "{":
            j = skip_ws(text, i + 1)
            while j < len(text) and text[j] == '"':
                quote = j
                written, j = json.decoder.scanstring(text, j + 1)
                j = skip_ws(text, skip_ws(text, j) + 1)  # past the colon
                found[written] = (quote, j)
                j = skip_ws(text, _decoder.raw_decode(text, j)[1])
                if j < len(text) and text[j] == ",":
                    j = skip_ws(text, j + 1)
        elif text[i] == "[":
            j = skip_ws(text, i + 1)
            index = 0
            while j < len(text) and text[j] != "]":
                found[index] = (None, j)
                j = skip_ws(text, _decoder.raw_decode(text, j)[1])
                j = skip_ws(text, j + 1)  # the comma
                index += 1
    except (ValueError, IndexError):
        pass
    return found


def _json_char(lines: Lines, quote: int, offset: int) -> int:
    """Source offset of decoded character ``offset`` of the JSON string starting at ``quote`` (an
    escape counts one)."""
    if quote not in lines.strings:
        lines.strings[quote] = _escapes(lines.text, quote)
    end, decoded, source = lines.strings[quote]
    k = bisect.bisect_left(decoded, offset)  # the escapes before the character
    if k == 0:
        return min(quote + 1 + offset, end)
    at = source[k - 1]
    return min(at + _escape_length(lines.text, at) + offset - decoded[k - 1] - 1, end)


def _escapes(text: str, quote: int) -> tuple[int, list[int], list[int]]:
    """The closing quote of the JSON string at ``quote``, and each escape's decoded index and
    source offset (each character scanned once)."""
    decoded, source, shrink = [], [], 0
    i = quote + 1
    close = text.find('"', i)
    while True:
        if close != -1 and close < i:  # that quote was escaped
            close = text.find('"', i)
        slash = text.find("\\", i, len(text) if close == -1 else close)
        if slash == -1:
            return (len(text) if close == -1 else close), decoded, source
        decoded.append(slash - quote - 1 - shrink)
        source.append(slash)
        length = _escape_length(text, slash)
        shrink += length - 1
        i = slash + length


def _escape_length(text: str, at: int) -> int:
    return 6 if text.startswith("u", at + 1) else 2


def yaml_members(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A constructed mapping's scalar keys -> (key node, value node), the last of a key written
    twice. Read once and kept on the node, which the document's findings share: thousands of
    findings on the keys of one mapping would otherwise read it once each."""
    members = node.__dict__.get("_iolint_members")
    if members is None:
        members = node._iolint_members = {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    return members


def locate_yaml(node: yaml.Node, keys: tuple, offset: int | None = None, *, key: bool = False) -> tuple[int, int]:
    for depth, name in enumerate(keys):
        child = None
        if isinstance(node, yaml.MappingNode):
            pair = yaml_members(node).get(str(name))
            if pair is not None:
                child = pair[0] if key and depth == len(keys) - 1 else pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(name, int) and name < len(node.value):
            child = node.value[name]
        if child is None:
            offset = None
            break
        node = child
    if offset is not None and not key and isinstance(node, yaml.ScalarNode):
        found = scalar_position(node, offset)
        if found:
            return found
    return node.start_mark.line + 1, node.start_mark.column + 1


def scalar_position(node: yaml.ScalarNode, offset: int) -> tuple[int, int] | None:
    """(line, column) in the source of character ``offset`` of a scalar's value, or None when
    it cannot be told (escapes in a quoted scalar spanning lines, say)."""
    start, end = node.start_mark, node.end_mark
    value = node.value
    if not 0 <= offset <= len(value):
        return None
    if node.style in ("|", ">"):
        return _block_position(node, offset)
    if start.line == end.line:  # plain, or quoted without escapes before the offset
        source = start.buffer[start.index : end.index] if start.buffer else ""
        quoted = 1 if node.style in ("'", '"') else 0
        if source[quoted : quoted + offset] == value[:offset]:
            return start.line + 1, start.column + 1 + quoted + offset
    return None


def _block_position(node: yaml.ScalarNode, offset: int) -> tuple[int, int] | None:
    """Position in a literal (``|``) or folded (``>``) block: its content lines are replayed,
    folded as YAML folds them, until the one that holds the offset."""
    buffer = node.start_mark.buffer
    if not buffer:
        return None
    rows = YAML_BREAKS.split(buffer[node.start_mark.index : node.end_mark.index])[1:]  # after the indicator
    content = [r for r in rows if r.strip()]
    if not content:
        return None
    indent = min(len(r) - len(r.lstrip(" ")) for r in content)
    value, at, previous = node.value, 0, None  # previous: the last non-blank row, for folding
    blanks = 0
    for number, row in enumerate(rows):
        text = row[indent:]
        if not text.strip():
            blanks += 1
            continue
        if previous is None:
            at += blanks  # leading blank lines stay line breaks
        else:
            if node.style == ">" and not previous.startswith((" ", "\t")) and not text.startswith((" ", "\t")):
                at += blanks if blanks else 1  # a single break folds to a space; blank lines stay breaks
            else:
                at += blanks + 1
        blanks = 0
        if at <= offset <= at + len(text) and value[at : at + len(text)] == text:
            return node.start_mark.line + 2 + number, indent + offset - at + 1
        if value[at : at + len(text)] != text:
            return None  # not the value the replay expects: say nothing rather than something wrong
        at += len(text)
        previous = text
    return None
