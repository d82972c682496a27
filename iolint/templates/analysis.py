"""What a template's Jinja source uses, read from its AST before anything is rendered."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import TemplateSyntaxError, nodes

# Names that only a template reaching for the host (Flask, os, Jinja's own helpers) would use.
UNSAFE_NAMES = frozenset(
    "self config request session g os sys subprocess builtins cycler joiner lipsum environment "
    "context url_for get_flashed_messages eval exec open getattr globals locals vars importlib "
    "shutil socket".split()
)
UNSAFE_ATTRIBUTES = frozenset(
    "mro func_globals func_code f_globals f_locals f_builtins f_back gi_frame gi_code cr_frame "
    "cr_code ag_frame ag_code tb_frame tb_next co_code im_func environ popen system subclasses "
    "import_module".split()
)
# Names Jinja defines inside loops, macros and call blocks.
IMPLICIT_NAMES = frozenset({"loop", "caller", "varargs", "kwargs"})
_CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_BLOCK_TAG = re.compile(r"\{%[-+]?\s*(\w+)([^%]*)")
_BLOCKS = frozenset({"if", "for", "macro", "call", "filter", "block", "with", "raw", "set", "autoescape", "trans"})
_UNCLOSED = re.compile(r"innermost block that needs to be closed is '(\w+)'")


@dataclass
class Source:
    """One field's Jinja source, parsed."""

    field: str
    text: str
    ast: nodes.Template | None = None
    error: tuple[int, str] | None = None  # (line, message) of a syntax error

    def offset(self, lineno: int, pattern: str | None = None) -> int:
        """Offset of a line of the source: at the first match of ``pattern`` inside a Jinja tag
        or expression on that line, else anywhere on it, else at the line's start."""
        start = 0
        for _ in range(max(lineno, 1) - 1):
            nl = self.text.find("\n", start)
            if nl == -1:
                break
            start = nl + 1
        if pattern:
            end = self.text.find("\n", start)
            line = self.text[start : len(self.text) if end == -1 else end]
            wanted = re.compile(pattern)
            for span in [*jinja_spans(line), (0, len(line))]:
                m = wanted.search(line, *span)
                if m:
                    return start + m.start()
        return start


def jinja_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every ``{{ }}``, ``{% %}`` and ``{# #}``, in one pass (a regex with a
    lazy ``.*?`` would rescan the rest of the text from every unclosed opener)."""
    upcoming = {opener: text.find(opener) for opener in _CLOSERS}
    i = 0
    while True:
        for opener, at in upcoming.items():
            if -1 < at < i:
                upcoming[opener] = text.find(opener, i)
        found = [(at, opener) for opener, at in upcoming.items() if at != -1]
        if not found:
            return
        at, opener = min(found)
        close = text.find(_CLOSERS[opener], at + 2)
        if close == -1:
            return
        yield at, close + 2
        i = close + 2


MAX_NESTING = 100  # levels of a field's syntax tree: the walks over it (ours, Jinja's compiler) recurse


def _deepest(ast: nodes.Node) -> nodes.Node | None:
    """A node nested over ``MAX_NESTING`` levels deep, found without recursion, or None."""
    stack = [(ast, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            return node
        stack.extend((child, depth + 1) for child in node.iter_child_nodes())
    return None


def parse(env, field: str, text: str) -> Source:
    source = Source(field, text)
    try:
        ast = env.parse(text)
        # Jinja parses a chain of 5,000 filters without recursing, but every walk of it would.
        deep = _deepest(ast)
        if deep is not None:
            source.error = (deep.lineno or 1, "expressions nested too deeply")
        else:
            source.ast = ast
    except TemplateSyntaxError as exc:
        message = exc.message or "syntax error"
        unclosed = _UNCLOSED.search(message)
        line = _opening_line(text, unclosed.group(1)) if unclosed else None
        source.error = (line or exc.lineno or 1, message)
    except RecursionError:
        source.error = (1, "expressions nested too deeply")
    return source


def _opening_line(text: str, block: str) -> int | None:
    """The line of the innermost ``{% block %}`` tag left open, found by pairing tags."""
    stack: list[tuple[str, int]] = []
    for m in _BLOCK_TAG.finditer(text):
        name, rest = m.group(1), m.group(2)
        if name in _BLOCKS and not (name == "set" and "=" in rest):
            stack.append((name, text.count("\n", 0, m.start()) + 1))
        elif name.startswith("end") and stack and stack[-1][0] == name[3:]:
            stack.pop()
    for name, line in reversed(stack):
        if name == block:
            return line
    return None


def loads(ast: nodes.Template) -> Iterator[nodes.Name]:
    return (n for n in ast.find_all(nodes.Name) if n.ctx == "load")


def _assigned(ast: nodes.Template) -> set[str]:
    names = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    names |= {n.name for n in ast.find_all(nodes.Macro)}
    return names


def undeclared(ast: nodes.Template, declared, env) -> Iterator[nodes.Name]:
    """Names read but neither declared, assigned in the template, nor a global."""
    known = set(declared) | _assigned(ast) | set(env.globals) | IMPLICIT_NAMES
    for name in loads(ast):
        if name.name not in known and not _unsafe_name(name.name, declared):
            yield name


def unknown_filters(ast: nodes.Template, env) -> Iterator[tuple[str, str, int]]:
    for node in ast.find_all((nodes.Filter, nodes.Test, nodes.FilterBlock)):
        if isinstance(node, nodes.FilterBlock):
            node = node.filter
        kind, known = ("test", env.tests) if isinstance(node, nodes.Test) else ("filter", env.filters)
        if node.name not in known:
            yield kind, node.name, node.lineno


def _unsafe_name(name: str, declared) -> bool:
    return name.startswith("__") or name == "self" or (name in UNSAFE_NAMES and name not in declared)


def _unsafe_attribute(name: str) -> bool:
    return name.startswith("_") or name in UNSAFE_ATTRIBUTES


def escapes(ast: nodes.Template, declared) -> Iterator[tuple[int, str, str]]:
    """(line, what, the name as written) for every reach into Python internals, the host or the
    environment."""
    for node in ast.find_all((nodes.Name, nodes.Getattr, nodes.Getitem, nodes.Const)):
        if isinstance(node, nodes.Name) and node.ctx == "load" and _unsafe_name(node.name, declared):
            yield node.lineno, f"`{node.name}`", node.name
        elif isinstance(node, nodes.Getattr) and _unsafe_attribute(node.attr):
            yield node.lineno, f"attribute `{node.attr}`", node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            if isinstance(node.arg.value, str) and _unsafe_attribute(node.arg.value):
                yield node.lineno, f"item `{node.arg.value}`", node.arg.value
        elif isinstance(node, nodes.Const) and isinstance(node.value, str) and "__" in node.value:
            yield node.lineno, f"the string {node.value[:40]!r}", node.value


def includes(ast: nodes.Template) -> Iterator[tuple[int, str]]:
    tags = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from-import", nodes.Extends: "extends"}
    for node in ast.find_all(tuple(tags)):
        yield node.lineno, tags[type(node)]


def chains(ast: nodes.Node) -> list[nodes.If]:
    """Every ``{% if %}`` (with its elifs and else) in document order; elifs are not chains."""
    found: list[nodes.If] = []

    def walk(node: nodes.Node) -> None:
        if isinstance(node, nodes.If):
            found.append(node)
            for branch in (node, *node.elif_):
                for inner in branch.body:
                    walk(inner)
            for inner in node.else_:
                walk(inner)
            return
        for child in node.iter_child_nodes():
            walk(child)

    walk(ast)
    return found


def labels(source: Source, chain: nodes.If) -> list[str]:
    """Names for the choices of one if-chain: the branches in order, then else."""
    tags = []
    for start, end in jinja_spans(source.text):
        words = source.text[start + 2 : end - 2].strip("-+ \t\r\n").split(None, 1)
        if len(words) == 2 and words[0] in ("if", "elif") and source.text[start + 1] == "%":
            tags.append((source.text.count("\n", 0, start) + 1, words[0], " ".join(words[1].split())))

    def test_text(node: nodes.If, keyword: str) -> str:
        for line, kind, text in tags:
            if kind == keyword and line == node.lineno:
                return text
        return f"(line {node.lineno})"

    head = f"if {test_text(chain, 'if')}"
    out = [f"{head}: then"]
    out += [f"{head}: elif {test_text(e, 'elif')}" for e in chain.elif_]
    out.append(f"{head}: else")
    return out


def paths(node: nodes.Node) -> Iterator[tuple[list[str], int]]:
    """Variable references as their dotted parts: ``cittadino.nome`` is ["cittadino", "nome"]."""
    parts = _chain(node)
    if parts is not None:
        yield parts, node.lineno
        if isinstance(node, nodes.Getitem) and not isinstance(node.arg, nodes.Const):
            yield from paths(node.arg)
        return
    for child in node.iter_child_nodes():
        yield from paths(child)


def _chain(node: nodes.Node) -> list[str] | None:
    if isinstance(node, nodes.Name) and node.ctx == "load":
        return [node.name]
    if isinstance(node, nodes.Getattr):
        inner = _chain(node.node)
        return inner + [node.attr] if inner is not None else None
    if isinstance(node, nodes.Getitem):
        inner = _chain(node.node)
        if inner is not None:
            key = node.arg.value if isinstance(node.arg, nodes.Const) else None
            return inner + [str(key)] if isinstance(key, str) else inner
    return None
