"""Rendering one template variant into a NewMessage payload, with a map back to the source.

To map rendered text back to template lines, every piece of output (a run of literal text or
one ``{{ expression }}``) is preceded by an invisible marker naming its source line; the markers
are stripped after rendering and their offsets kept. Branches are forced by replacing the tests
of one if-chain with constants.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from jinja2 import nodes
from jinja2.runtime import Undefined
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from iolint.templates import analysis, filters, sandbox
from iolint.templates.document import CONTENT_FIELDS, Document

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters: never in a message
_MARKER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_NATIVE = "iolint_value"
TEXT_FIELDS = ("subject", "markdown")  # rendered as text, with a source map


@dataclass(frozen=True)
class Segment:
    """Where one run of rendered text comes from: a source line, and a column if known."""

    line: int
    column: int | None
    literal: bool


class SourceMap:
    def __init__(self, text: str, starts: list[int], segments: list[Segment]):
        self.text = text
        self.starts = starts
        self.segments = segments

    def locate(self, offset: int) -> tuple[int, int | None]:
        """(line, 0-based column or None) in the Jinja source of a rendered offset."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return 1, None
        start, seg = self.starts[i], self.segments[i]
        if not seg.literal:
            return seg.line, seg.column
        newlines = self.text.count("\n", start, offset)
        if newlines:
            return seg.line + newlines, offset - self.text.rfind("\n", start, offset) - 1
        return seg.line, None if seg.column is None else seg.column + offset - start


class _Markers(NodeTransformer):
    """Puts a marker before every output node; macro and block-assignment bodies are left alone
    (their output is attributed to the expression that prints it)."""

    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.segments: list[Segment] = []
        self.expressions_on: dict[int, int] = {}
        self.starts: dict[int, list[int]] = {}  # line -> where its `{{` are: found once, not per expression

    def visit_Output(self, node: nodes.Output) -> nodes.Output:
        out = []
        for child in node.nodes:
            out.append(nodes.TemplateData(f"{_OPEN}{len(self.segments)}{_CLOSE}", lineno=child.lineno))
            self.segments.append(self._segment(child))
            out.append(child)
        node.nodes = out
        return node

    def _segment(self, child: nodes.Node) -> Segment:
        line = child.lineno
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if isinstance(child, nodes.TemplateData):
            first = child.data.split("\n", 1)[0]
            column = text.find(first) if first else -1
            return Segment(line, column if column >= 0 else None, True)
        nth = self.expressions_on.get(line, 0)
        self.expressions_on[line] = nth + 1
        starts = self.starts.get(line)
        if starts is None:
            starts = self.starts[line] = [m.start() for m in re.finditer(r"\{\{", text)]
        return Segment(line, starts[nth] if nth < len(starts) else None, False)

    def _skip(self, node):
        return node

    visit_Macro = visit_CallBlock = visit_FilterBlock = visit_AssignBlock = _skip


def force(ast: nodes.Template, chain: int, choice: int) -> None:
    """Make one if-chain take branch ``choice`` (its if, its elifs in order, then else)."""
    head = analysis.chains(ast)[chain]
    for i, branch in enumerate((head, *head.elif_)):
        branch.test = nodes.Const(i == choice, lineno=branch.lineno)


@dataclass
class Compiled:
    template: object
    segments: list[Segment] | None
    native: bool  # a field that is one expression keeps the expression's type (amount: 12350)


def compile_source(text: str, *, mapped: bool, forced: tuple[int, int] | None = None) -> Compiled:
    env = sandbox.environment()
    ast = env.parse(text)
    if forced is not None:
        force(ast, *forced)
    native = not mapped and _single_expression(ast)
    if native:
        ast.body = [nodes.Assign(nodes.Name(_NATIVE, "store", lineno=1), ast.body[0].nodes[0], lineno=1)]
    sandbox.bound(ast)
    segments = None
    if mapped:
        markers = _Markers(text)
        markers.visit(ast)
        segments = markers.segments
    return Compiled(env.from_string(ast), segments, native)


def _single_expression(ast: nodes.Template) -> bool:
    body = ast.body
    return (
        len(body) == 1
        and isinstance(body[0], nodes.Output)
        and len(body[0].nodes) == 1
        and not isinstance(body[0].nodes[0], nodes.TemplateData)
    )


def run(compiled: Compiled, values: dict) -> tuple[object, SourceMap | None]:
    """The rendered value of one field: text (with its source map) or, for one expression, the
    expression's own value."""
    if compiled.native:
        value = getattr(compiled.template.make_module(values), _NATIVE)
        return _plain(filters.finalize(value)), None
    raw = sandbox.render(compiled.template, values)
    if compiled.segments is None:
        return raw, None
    parts = _MARKER.split(raw)
    text, starts, segments = [parts[0]], [], []
    size = len(parts[0])
    for index, piece in zip(parts[1::2], parts[2::2], strict=False):
        starts.append(size)
        segments.append(compiled.segments[int(index)])
        text.append(piece)
        size += len(piece)
    rendered = "".join(text)
    return rendered, SourceMap(rendered, starts, segments)


def _plain(value: object) -> object:
    if isinstance(value, Undefined):
        str(value)  # StrictUndefined raises the error naming what is missing
    if isinstance(value, Markup):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


class FieldError(Exception):
    """Rendering one field raised ``error``; ``line`` is the template line, when Jinja knows it."""

    def __init__(self, field: str, error: Exception):
        super().__init__(f"{field}: {error}")
        self.field = field
        self.error = error
        self.line = _template_line(error)


def _template_line(error: Exception) -> int | None:
    """The line of the innermost template frame in the traceback (Jinja rewrites frames so that
    they carry template lines)."""
    line, tb = None, error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class Renderer:
    """Renders a document's fields, caching compiled templates per (field, forced branch)."""

    def __init__(self, doc: Document, *, mapped: bool = True):
        self.doc = doc
        self.mapped = mapped
        self._compiled: dict[tuple, Compiled] = {}

    def compiled(self, field: str, forced: tuple[int, int] | None) -> Compiled:
        key = (field, forced)
        if key not in self._compiled:
            mapped = self.mapped and field in TEXT_FIELDS
            self._compiled[key] = compile_source(self.doc.sources[field], mapped=mapped, forced=forced)
        return self._compiled[key]

    def payload(self, values: dict, forced: tuple[str, int, int] | None = None):
        """(NewMessage payload, source maps of subject and markdown); FieldError if a field fails."""
        maps: dict[str, SourceMap] = {}
        content, top = {}, {}
        for key, value in self.doc.data.items():
            if key in CONTENT_FIELDS:
                content[key] = self._value(key, value, values, forced, maps)
            elif key == "feature_level_type":
                top[key] = self._value(key, value, values, forced, maps)
        return {**top, "content": content}, maps

    def _value(self, path: str, value, values, forced, maps):
        if isinstance(value, dict):
            return {k: self._value(f"{path}.{k}", v, values, forced, maps) for k, v in value.items()}
        if not isinstance(value, str):
            return value
        branch = forced[1:] if forced and forced[0] == path else None
        try:
            rendered, source_map = run(self.compiled(path, branch), values)
        except Exception as exc:
            raise FieldError(path, exc) from exc
        if source_map is not None:
            maps[path] = source_map
        return rendered
