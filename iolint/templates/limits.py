"""The limits that bound one render, and the guarded operations that spend from them.

Every loop iteration, call, filter, test and comparison spends from a per-render ``Budget`` (a
context variable, so threads do not share one); the render stops with ``RenderLimit`` when a
budget or the time runs out. Time can only be checked between operations, so no single operation
may be long: what an operation receives is measured first (``measure``) and refused over
``MAX_SIZE``, and what it builds is charged to the render's allocation budget (``built``).
``iolint.templates.sandbox`` routes a template's loops, ``~`` and comparisons through the
guarded operations here.
"""

from __future__ import annotations

import re
import string
import time
from contextlib import contextmanager
from contextvars import ContextVar

from jinja2.utils import Namespace

MAX_TEXT = 100_000  # characters one string operation, or one rendered field, may produce
MAX_SIZE = 100_000  # characters or items of any value an operation receives (see ``measure``)
MAX_ALLOCATED = 1_000_000  # characters and items all operations of one render may build
MAX_STEPS = 20_000  # loop iterations, calls, filters, tests, operators and comparisons in one render
MAX_RANGE = 10_000
MAX_WIDTH = 1_000  # padding and format widths
MAX_INT_BITS = 100_000
SECONDS = 1.0  # wall time of one render

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
    printed), and a ``namespace()`` as the dict it holds. Stops counting past ``limit`` (default
    ``MAX_SIZE``); iterators and other objects count one."""
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
        elif isinstance(item, Namespace):  # printed as the dict of what it holds
            stack.append(object.__getattribute__(item, "_Namespace__attrs"))
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
        spend().text(len(value))
    return value


def spend() -> Budget:
    budget = _budget.get(None)
    if budget is None:
        raise RenderLimit("templates render only inside iolint.templates.limits.limits()")
    return budget


# -- guarded operations ----------------------------------------------------------------------


def bounded_iter(iterable):
    """Every ``{% for %}`` iterates through this (the loop rewrite below puts it there)."""
    budget = spend()
    for item in iterable:
        budget.step()
        yield item


def concat(*parts) -> str:
    """The ``~`` operator."""
    check_size(*parts)
    texts = [str(p) for p in parts]
    spend().text(sum(map(len, texts)))
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
    spend().step()
    check_size(left, *rest[1::2])
    for op, right in zip(rest[::2], rest[1::2], strict=False):
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


def check_width(width: object) -> None:
    if isinstance(width, int) and width > MAX_WIDTH:
        raise RenderLimit(f"a width of {width:,} (the limit is {MAX_WIDTH:,})")


def check_format_string(fmt: str) -> None:
    """str.format: no nested fields in specs, no huge widths."""
    try:
        parsed = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # format() itself will refuse it
    for _, _, spec, _ in parsed:
        if spec and ("{" in spec or any(int(n) > MAX_WIDTH for n in _NUMBER.findall(spec))):
            raise RenderLimit("a format spec with a nested field or a width over the limit")


def check_percent(fmt: str) -> None:
    """printf-style formatting: no ``*`` widths, no huge widths."""
    for m in _PERCENT.finditer(fmt):
        for part in m.groups():
            if part == "*" or (part and int(part) > MAX_WIDTH):
                raise RenderLimit("a %-format with a `*` width or a width over the limit")


def sequence_size(value) -> int | None:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else None


def checked_call(obj, args: tuple, kwargs: dict) -> tuple:
    """The call's arguments, after refusing string methods that would build too much text
    (a generator given to ``join`` is read into a list first, to measure it)."""
    method = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    owner = getattr(method, "__self__", None)
    check_size(owner if isinstance(owner, str | bytes | list | tuple | dict) else None, args, kwargs)
    if not isinstance(owner, (str, bytes)):
        return args
    name = getattr(method, "__name__", "")
    if name in ("center", "ljust", "rjust", "zfill"):
        check_width(args[0] if args else kwargs.get("width"))
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        check_width(size)
        spend().text(len(owner) + owner.count("\t" if isinstance(owner, str) else b"\t") * max(size, 0))
    elif name == "replace" and len(args) >= 2:
        old, new = args[0], args[1]
        count = owner.count(old) if old else len(owner) + 1
        spend().text(len(owner) + count * max(0, len(new) - len(old)))
    elif name == "join" and args:
        items = list(args[0])
        check_size(items)
        size = sum(len(i) for i in items if isinstance(i, (str, bytes)))
        spend().text(size + len(owner) * max(0, len(items) - 1))
        args = (items, *args[1:])
    elif name in ("format", "format_map") and isinstance(owner, str):
        check_format_string(owner)
    return args
