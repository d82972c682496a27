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

import re
import string
import time
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, time as clock
from zoneinfo import ZoneInfo

from jinja2 import StrictUndefined, nodes
from jinja2.filters import FILTERS, make_attrgetter
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.tests import TESTS
from jinja2.utils import Namespace
from jinja2.visitor import NodeTransformer

MAX_TEXT = 100_000  # characters one string operation, or one rendered field, may produce
MAX_SIZE = 100_000  # characters or items of any value an operation receives (see ``measure``)
MAX_ALLOCATED = 1_000_000  # characters and items all operations of one render may build
MAX_STEPS = 20_000  # loop iterations, calls, filters, tests, operators and comparisons in one render
MAX_RANGE = 10_000
MAX_WIDTH = 1_000  # padding and format widths
MAX_INT_BITS = 100_000
SECONDS = 1.0  # wall time of one render

ROME = ZoneInfo("Europe/Rome")
_NUMBER = re.compile(r"\d+")
_PERCENT = re.compile(r"%(?:\([^)%]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")  # a %-format's width


class RenderLimit(Exception):
    """A render that would take too much time or memory; it is stopped, not finished."""


class Budget:
    __slots__ = ("steps", "chars", "deadline")

    def __init__(self, seconds: float | None = None):
        self.steps = 0
        self.chars = 0
        self.deadline = time.monotonic() + (SECONDS if seconds is None else seconds)

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise RenderLimit(f"more than {MAX_STEPS:,} loop iterations, calls and operations")
        if time.monotonic() > self.deadline:
            raise RenderLimit(f"rendering took more than {SECONDS:g} s")

    def text(self, size: int) -> None:
        if size > MAX_TEXT:
            raise RenderLimit(f"a text of {size:,} characters (the limit is {MAX_TEXT:,})")
        self.chars += size
        if self.chars > MAX_ALLOCATED:
            raise RenderLimit(f"more than {MAX_ALLOCATED:,} characters and items built")
        self.step()


_budget: ContextVar[Budget] = ContextVar("iolint_render_budget")


@contextmanager
def limits(seconds: float | None = None):
    """Run renders under a fresh budget (of ``SECONDS`` unless told)."""
    token = _budget.set(Budget(seconds))
    try:
        yield
    finally:
        _budget.reset(token)


def measure(value, limit: int | None = None) -> int:
    """How big ``value`` is as text: characters of strings and numbers, one per item of lists,
    tuples and dicts plus what they hold (a shared item counts each time it appears, as it would be
    printed). Stops counting past ``limit`` (default ``MAX_SIZE``); iterators and other objects
    count one."""
    limit = MAX_SIZE if limit is None else limit
    total, stack = 0, [value]
    while stack and total <= limit:
        item = stack.pop()
        if isinstance(item, str | bytes):
            total += len(item)
        elif isinstance(item, bool | float | None):
            total += 1
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 1
        elif isinstance(item, list | tuple | range):
            total += len(item)
            if total <= limit and not isinstance(item, range):
                stack.extend(item)
        elif isinstance(item, dict):
            total += len(item)
            if total <= limit:
                stack.extend(item.keys())
                stack.extend(item.values())
        else:
            total += 1
    return total


def check_size(*values) -> None:
    """Refuse an operation on values bigger than ``MAX_SIZE`` (it could take too long)."""
    size = measure(values)
    if size > MAX_SIZE:
        raise RenderLimit(f"an operation on a value of more than {MAX_SIZE:,} characters or items")


def built(value) -> object:
    """Charge what an operation built to the render's allocation budget."""
    if isinstance(value, str | bytes | list | tuple | dict):
        _spend().text(len(value))
    return value


def _spend() -> Budget:
    budget = _budget.get(None)
    if budget is None:
        raise RenderLimit("templates render only inside iolint.templates.sandbox.limits()")
    return budget


# -- guarded operations ----------------------------------------------------------------------


def bounded_iter(iterable):
    """Every ``{% for %}`` iterates through this (the loop rewrite below puts it there)."""
    budget = _spend()
    for item in iterable:
        budget.step()
        yield item


def concat(*parts) -> str:
    """The ``~`` operator."""
    check_size(*parts)
    texts = [str(p) for p in parts]
    _spend().text(sum(map(len, texts)))
    return "".join(texts)


_COMPARE = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "gt": lambda a, b: a > b,
    "gteq": lambda a, b: a >= b,
    "lt": lambda a, b: a < b,
    "lteq": lambda a, b: a <= b,
    "in": lambda a, b: a in b,
    "notin": lambda a, b: a not in b,
}


def compare(left, *rest) -> bool:
    """A comparison chain (``a < b <= c``, ``x in items``): ``rest`` alternates operators and
    operands. Comparing nested values can cost their whole size: they are measured first."""
    _spend().step()
    check_size(left, *rest[1::2])
    for op, right in zip(rest[::2], rest[1::2]):
        if not _COMPARE[op](left, right):
            return False
        left = right
    return True


def safe_range(*args) -> range:
    numbers = range(*args)
    try:
        size = len(numbers)
    except OverflowError:
        size = MAX_RANGE + 1
    if size > MAX_RANGE:
        raise RenderLimit(f"range() of more than {MAX_RANGE:,} numbers")
    return numbers


def _check_width(width: object) -> None:
    if isinstance(width, int) and width > MAX_WIDTH:
        raise RenderLimit(f"a width of {width:,} (the limit is {MAX_WIDTH:,})")


def _check_format_string(fmt: str) -> None:
    """str.format: no nested fields in specs, no huge widths."""
    try:
        parsed = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # format() itself will refuse it
    for _, _, spec, _ in parsed:
        if spec and ("{" in spec or any(int(n) > MAX_WIDTH for n in _NUMBER.findall(spec))):
            raise RenderLimit("a format spec with a nested field or a width over the limit")


def _check_percent(fmt: str) -> None:
    """printf-style formatting: no ``*`` widths, no huge widths."""
    for m in _PERCENT.finditer(fmt):
        for part in m.groups():
            if part == "*" or (part and int(part) > MAX_WIDTH):
                raise RenderLimit("a %-format with a `*` width or a width over the limit")


def _sequence_size(value) -> int | None:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else None


def _checked_call(obj, args: tuple, kwargs: dict) -> tuple:
    """The call's arguments, after refusing string methods that would build too much text
    (a generator given to ``join`` is read into a list first, to measure it)."""
    method = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    owner = getattr(method, "__self__", None)
    check_size(owner if isinstance(owner, str | bytes | list | tuple | dict) else None, args, kwargs)
    if not isinstance(owner, (str, bytes)):
        return args
    name = getattr(method, "__name__", "")
    if name in ("center", "ljust", "rjust", "zfill"):
        _check_width(args[0] if args else kwargs.get("width"))
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        _check_width(size)
        _spend().text(len(owner) + owner.count("\t" if isinstance(owner, str) else b"\t") * max(size, 0))
    elif name == "replace" and len(args) >= 2:
        old, new = args[0], args[1]
        count = owner.count(old) if old else len(owner) + 1
        _spend().text(len(owner) + count * max(0, len(new) - len(old)))
    elif name == "join" and args:
        items = list(args[0])
        check_size(items)
        size = sum(len(i) for i in items if isinstance(i, (str, bytes)))
        _spend().text(size + len(owner) * max(0, len(items) - 1))
        args = (items, *args[1:])
    elif name in ("format", "format_map") and isinstance(owner, str):
        _check_format_string(owner)
    return args


# -- filters ---------------------------------------------------------------------------------


def _euro(cents) -> str:
    from iolint.money import format_euro

    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError(f"euro: expects an integer number of cents, not {str(cents)[:40]!r}")
    return format_euro(cents)


def _moment(value) -> datetime | date:
    if isinstance(value, (datetime, date)):
        return value
    text = str(value)
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"not an ISO date such as 2031-07-31: {text[:40]!r}") from None
    return moment.astimezone(ROME) if moment.tzinfo else moment


def _data(value) -> str:
    """An ISO date or date-time as the citizen reads it: 31/07/2031 (Rome time)."""
    return f"{_moment(value):%d/%m/%Y}"


def _ora(value) -> str:
    """The time of an ISO date-time, Rome time: 09:30."""
    moment = _moment(value)
    if not isinstance(moment, datetime):
        raise ValueError(f"ora: {str(value)[:40]!r} has no time")
    return f"{moment:%H:%M}"


def _fine_giornata(value) -> str:
    """The end of a day in Rome (23:59:59), as the UTC timestamp ``due_date`` wants."""
    moment = _moment(value)
    day = moment.date() if isinstance(moment, datetime) else moment
    end = datetime.combine(day, clock(23, 59, 59), ROME).astimezone(UTC)
    return end.strftime("%Y-%m-%dT%H:%M:%SZ")


def _format(value, *args, **kwargs) -> str:
    _check_percent(str(value))
    return FILTERS["format"](value, *args, **kwargs)


def _attr(environment, obj, name):
    if str(name).startswith("_"):
        environment.unsafe_undefined(obj, str(name))
    return FILTERS["attr"](environment, obj, name)


_attr.jinja_pass_arg = FILTERS["attr"].jinja_pass_arg  # type: ignore[attr-defined]


def _center(value, width=80):
    _check_width(width)
    return FILTERS["center"](value, width)


def _indent(value, width=4, *args, **kwargs):
    size = width if isinstance(width, int) else len(str(width))
    _check_width(size)
    text = str(value)
    _spend().text(len(text) + (text.count("\n") + 1) * max(size, 0))
    return FILTERS["indent"](value, width, *args, **kwargs)


def _batch(value, linecount, fill_with=None):
    _check_width(linecount)
    return FILTERS["batch"](value, linecount, fill_with)


def _slice(value, slices, fill_with=None):
    _check_width(slices)
    return FILTERS["slice"](value, slices, fill_with)


def _replace(eval_ctx, value, old, new, count=None):
    text, old, new = str(value), str(old), str(new)
    times = text.count(old) if old else len(text) + 1
    _spend().text(len(text) + times * max(0, len(new) - len(old)))
    return FILTERS["replace"](eval_ctx, value, old, new, count)


def _join(eval_ctx, value, d="", attribute=None):
    items = list(value)
    check_size(items, d)
    _spend().text(sum(len(str(i)) for i in items) + len(str(d)) * max(0, len(items) - 1))
    return FILTERS["join"](eval_ctx, items, d, attribute)


def _sum(environment, iterable, attribute=None, start=0):
    """Jinja's ``sum``; lists are joined in one pass (Python's sum of lists copies quadratically)."""
    items = list(iterable)
    if attribute is not None:
        items = list(map(make_attrgetter(environment, attribute), items))
    if isinstance(start, list | tuple) and all(isinstance(i, list | tuple) for i in items):
        check_size(start, items)
        joined = [x for part in (start, *items) for x in part]
        return built(joined if isinstance(start, list) else tuple(joined))
    return sum(items, start)


_replace.jinja_pass_arg = FILTERS["replace"].jinja_pass_arg  # type: ignore[attr-defined]
_join.jinja_pass_arg = FILTERS["join"].jinja_pass_arg  # type: ignore[attr-defined]
_sum.jinja_pass_arg = FILTERS["sum"].jinja_pass_arg  # type: ignore[attr-defined]


def _guarded(fn):
    """A filter or test that counts as a step, measures what it receives and charges what it builds."""
    passes = getattr(fn, "jinja_pass_arg", None)

    def run(*args, **kwargs):
        _spend().step()
        check_size(args[1:] if passes else args, kwargs)
        return built(fn(*args, **kwargs))

    if passes is not None:
        run.jinja_pass_arg = passes  # type: ignore[attr-defined]
    run.__name__ = getattr(fn, "__name__", "filter")
    return run


def finalize(value):
    """What ``{{ }}`` prints is measured before it becomes text."""
    if measure(value, MAX_TEXT) > MAX_TEXT:
        raise RenderLimit(f"printing a value of more than {MAX_TEXT:,} characters or items")
    return value


# Builtin filters that cannot grow text without bound, plus guarded versions of those that can.
_PLAIN_FILTERS = (
    "abs capitalize count d default dictsort e escape filesizeformat first float "
    "forceescape groupby int items last length list lower map max min pprint reject rejectattr "
    "reverse round safe select selectattr sort string striptags title tojson trim truncate "
    "unique upper urlencode urlize wordcount wordwrap xmlattr"
).split()
FILTERS_ALLOWED = {
    name: _guarded(fn)
    for name, fn in {
        **{name: FILTERS[name] for name in _PLAIN_FILTERS},
        "attr": _attr,
        "format": _format,
        "center": _center,
        "indent": _indent,
        "batch": _batch,
        "slice": _slice,
        "replace": _replace,
        "join": _join,
        "sum": _sum,
        "euro": _euro,
        "data": _data,
        "ora": _ora,
        "fine_giornata": _fine_giornata,
    }.items()
}
TESTS_ALLOWED = {name: _guarded(fn) for name, fn in TESTS.items()}
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
        budget = _spend()
        budget.step()
        check_size(left, right)
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                size = _sequence_size(seq)
                if size is not None and isinstance(times, int):
                    budget.text(size * max(times, 0))
            if isinstance(left, int) and isinstance(right, int):
                if left.bit_length() + right.bit_length() > MAX_INT_BITS:
                    raise RenderLimit("a multiplication of huge numbers")
        elif operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and abs(left) > 1 and left.bit_length() * right > MAX_INT_BITS:
                raise RenderLimit("a power too large to compute")
        elif operator == "+":
            a, b = _sequence_size(left), _sequence_size(right)
            if a is not None and b is not None:
                budget.text(a + b)
        elif operator == "%" and isinstance(left, str):
            _check_percent(left)
        return built(super().call_binop(context, operator, left, right))

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (the sandbox's signature)
        _spend().step()
        args = _checked_call(__obj, args, kwargs)
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
    target = nodes.ImportedName(f"{__name__}.{name}", lineno=lineno)
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
    budget = _spend()
    out, size = [], 0
    for chunk in template.generate(variables):
        size += len(chunk)
        if size > MAX_TEXT:
            raise RenderLimit(f"the rendered text is over {MAX_TEXT:,} characters")
        if time.monotonic() > budget.deadline:
            raise RenderLimit(f"rendering took more than {SECONDS:g} s")
        out.append(chunk)
    return "".join(out)
