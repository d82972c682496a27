"""Check functions, bound to rule codes.

A payload check is ``fn(msg, ctx) -> Iterable[Hit]``; ``msg`` is the decoded payload (any JSON
value, usually a dict). A batch check is a class whose instances are fed every payload of one
input and report at the end. The rule's metadata lives in ``rules/*.yaml``; only the logic is here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from iolint.finding import Hit

PayloadCheck = Callable[[object, "Context"], Iterable[Hit]]

PAYLOAD_CHECKS: dict[str, PayloadCheck] = {}
BATCH_CHECKS: dict[str, type] = {}
TEMPLATE_CHECKS: dict[str, Callable] = {}  # fn(template, ctx) -> Iterable[Hit], see iolint.templates

# Modules holding check functions; imported once, on first use of the registry.
_MODULES = (
    "structure", "recipient", "payment", "dates", "plan", "batch", "privacy",
    "markdown", "cta", "style", "directives", "consistency",
)  # fmt: skip
_loaded = False

MISSING = object()


@dataclass(frozen=True)
class Context:
    """What a check may know besides the payload."""

    plan: str = "base"
    now: datetime | None = None
    features: frozenset[str] = frozenset()  # premium features the sender declares it uses
    options: dict = field(default_factory=dict)  # per-rule options, keyed by rule code

    def option(self, code: str, name: str, default):
        return self.options.get(code, {}).get(name, default)


def payload_check(code: str):
    def register(fn: PayloadCheck) -> PayloadCheck:
        PAYLOAD_CHECKS[code] = fn
        return fn

    return register


def batch_check(code: str):
    def register(cls: type) -> type:
        BATCH_CHECKS[code] = cls
        return cls

    return register


def template_check(code: str):
    def register(fn: Callable) -> Callable:
        TEMPLATE_CHECKS[code] = fn
        return fn

    return register


def load_all() -> None:
    global _loaded
    if not _loaded:
        for name in _MODULES:
            importlib.import_module(f"iolint.checks.{name}")
        _loaded = True


def dig(data: object, path: str) -> object:
    """The value at a dotted path, or MISSING."""
    for key in path.split("."):
        if not isinstance(data, dict) or key not in data:
            return MISSING
        data = data[key]
    return data


def content(msg: object) -> dict:
    value = msg.get("content") if type(msg) is dict else None
    return value if type(value) is dict else _EMPTY


_EMPTY: dict = {}  # never written to: checks only read content


def text_of(msg: object, key: str) -> str | None:
    # content() inlined: every payload calls this some thirty times
    body = msg.get("content") if type(msg) is dict else None
    value = body.get(key) if type(body) is dict else None
    return value if type(value) is str else None


def is_advanced(msg: object) -> bool:
    return isinstance(msg, dict) and msg.get("feature_level_type") == "ADVANCED"
