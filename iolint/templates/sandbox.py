"""The sandboxed Jinja2 environment templates render in, and the limits that bound one render.

Jinja's ImmutableSandboxedEnvironment keeps templates away from Python internals; it does not
bound work. Here every loop iteration, call, filter, test and comparison spends from a per-render
``Budget`` (a context variable, so threads do not share one), and the render stops with
``RenderLimit`` when a budget or the time runs out.

Time can only be checked between operations, so no single operation may be long: every value an
operation receives (a filter's input and arguments, a method's, the operands of ``*``, ``+``,
``%``, ``~`` and comparisons, what ``{{ }}`` prints) is measured first, as the text it would
become — characters of strings, items of lists and dicts and what they hold, shared items counted
each time — and refused over ``MAX_SIZE``; what an operation builds is charged to the render's
allocation budget. An attribute a template may not reach (private, dunder) is refused outright,
wherever the name comes from (``attr``, ``map(attribute=...)``, ``sort(attribute=...)``). The
environment has no loader: include, import and extends cannot read files.
"""

from __future__ import annotations

import time

from jinja2 import StrictUndefined, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import Namespace
from jinja2.visitor import NodeTransformer

from iolint.templates import limits
from iolint.templates.filters import FILTERS_ALLOWED, TESTS_ALLOWED, finalize
from iolint.templates.limits import (
    RenderLimit,
    built,
    check_percent,
    check_size,
    checked_call,
    safe_range,
    sequence_size,
    spend,
)

GLOBALS = {"range": safe_range, "dict": dict, "namespace": Namespace}


class Sandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self):
        super().__init__(
            undefined=StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            loader=None,
            finalize=finalize,
        )
        self.filters = dict(FILTERS_ALLOWED)
        self.tests = dict(TESTS_ALLOWED)
        self.globals = dict(GLOBALS)

    def unsafe_undefined(self, obj, attribute):
        """A private or dunder attribute is refused, not rendered as an undefined value."""
        raise SecurityError(f"access to attribute {attribute!r} of a {type(obj).__name__} value is not allowed")

    def getattr(self, obj, attribute):
        if isinstance(attribute, str) and attribute.startswith("_"):
            self.unsafe_undefined(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        """``x['_name']`` is a key of a dict, or refused: ``attr``, ``map(attribute=...)`` and the
        other attribute filters look names up here, whether the attribute exists or not."""
        if isinstance(argument, str) and argument.startswith("_") and not (isinstance(obj, dict) and argument in obj):
            self.unsafe_undefined(obj, argument)
        return super().getitem(obj, argument)

    def call_binop(self, context, operator, left, right):
        budget = spend()
        budget.step()
        check_size(left, right)
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                size = sequence_size(seq)
                if size is not None and isinstance(times, int):
                    budget.text(size * max(times, 0))
            if isinstance(left, int) and isinstance(right, int):
                if left.bit_length() + right.bit_length() > limits.MAX_INT_BITS:
                    raise RenderLimit("a multiplication of huge numbers")
        elif operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and abs(left) > 1 and left.bit_length() * right > limits.MAX_INT_BITS:
                raise RenderLimit("a power too large to compute")
        elif operator == "+":
            a, b = sequence_size(left), sequence_size(right)
            if a is not None and b is not None:
                budget.text(a + b)
        elif operator == "%" and isinstance(left, str):
            check_percent(left)
        return built(super().call_binop(context, operator, left, right))

    def call(__self, __context, __obj, *args, **kwargs):
        spend().step()
        args = checked_call(__obj, args, kwargs)
        return built(super().call(__context, __obj, *args, **kwargs))


class _BoundLoops(NodeTransformer):
    """Routes every for-loop's iterable through ``bounded_iter``, every ``~`` through ``concat``
    and every comparison through ``compare``."""

    def visit_For(self, node: nodes.For) -> nodes.For:
        self.generic_visit(node)
        node.iter = _call("bounded_iter", [node.iter], node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Call:
        self.generic_visit(node)
        return _call("concat", list(node.nodes), node.lineno)

    def visit_Compare(self, node: nodes.Compare) -> nodes.Call:
        self.generic_visit(node)
        args = [node.expr]
        for operand in node.ops:
            args += [nodes.Const(operand.op, lineno=node.lineno), operand.expr]
        return _call("compare", args, node.lineno)


def _call(name: str, args: list, lineno: int) -> nodes.Call:
    target = nodes.ImportedName(f"{limits.__name__}.{name}", lineno=lineno)
    return nodes.Call(target, args, [], None, None, lineno=lineno)


def bound(ast: nodes.Template) -> nodes.Template:
    """The template with its loops, concatenations and comparisons under the render budget (in place)."""
    return _BoundLoops().visit(ast)


_ENV: Sandbox | None = None


def environment() -> Sandbox:
    global _ENV
    if _ENV is None:
        _ENV = Sandbox()
    return _ENV


def render(template, variables: dict) -> str:
    """Render a compiled template, streaming so that its output size is bounded as it grows."""
    budget = spend()
    out, size = [], 0
    for chunk in template.generate(variables):
        size += len(chunk)
        if size > limits.MAX_TEXT:
            raise RenderLimit(f"the rendered text is over {limits.MAX_TEXT:,} characters")
        if time.monotonic() > budget.deadline:
            raise RenderLimit(f"rendering took more than {limits.SECONDS:g} s")
        out.append(chunk)
    return "".join(out)
