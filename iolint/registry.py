"""Where each rule's logic is: one registry of payload, template, batch and file rules.

Every module of ``iolint.checks`` is a family's binding module: it binds check functions (or, for
a batch rule, a class) to rule codes with the decorators below, and maps the kinds of problem its
parsers and analysers report to rule codes. The package is listed, not named module by module,
so a new family module needs no other edit. ``bind(rules)`` pairs the catalogue with the
registry and refuses, loudly, a rule without exactly one implementation, an implementation
without a rule, and an implementation whose kind is not the rule's ``applies_to``.

A payload check is ``fn(view, ctx)`` returning its hits on one payload, or nothing (``view``:
``iolint.view.PayloadView``, the payload read once for all the rules); a template check is
``fn(template, ctx)``; a batch check is a class fed every payload of one input. A check that serves several rules (one pass over a body for the markdown
rules) gives each hit the ``kind`` its family maps to a code. A check that takes the rule's
options has a parameter named ``options``.
"""

from __future__ import annotations

import enum
import importlib
import importlib.util
import inspect
import pkgutil
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from iolint.errors import IolintError

CHECKS = "iolint.checks"  # the package of the binding modules
PAYLOAD, TEMPLATE, BATCH, FILE = "payload", "template", "batch", "file"
# What a rule's ``applies_to`` may say, by the kind of its implementation: a payload check also
# runs on every rendered variant of a template, unless the rule says payloads only.
APPLIES_TO = {
    PAYLOAD: (frozenset({"payload", "template"}), frozenset({"payload"})),
    TEMPLATE: (frozenset({"template"}),),
    BATCH: (frozenset({"batch"}),),
    FILE: (frozenset({"file"}),),
}


class RegistryError(IolintError):
    """Rules and implementations that do not pair up: a bug to fix before iolint can run."""


@dataclass(frozen=True)
class Binding:
    code: str
    kind: str  # PAYLOAD, TEMPLATE, BATCH or FILE
    check: Callable | type | None  # None: reported, by kind, where it is found (a parser, a file reader)
    where: str  # "module.function", for messages
    key: enum.Enum | None = None  # the kind of hit this code reports, for a check serving several rules
    needs: tuple[str, ...] = ()  # payload view parts the check needs present (see iolint.view)
    options: bool = False  # the check takes the rule's options
    by_subject: bool = False  # its hits depend on the title alone: memoized per title


_bindings: dict[str, Binding] = {}
_codes: dict[enum.Enum, str] = {}  # a kind reported by a parser or analyser -> its rule code
_loaded = False
_lock = threading.Lock()


def _where(obj) -> str:
    return f"{obj.__module__}.{getattr(obj, '__qualname__', obj)}"


def _add(binding: Binding) -> None:
    known = _bindings.get(binding.code)
    if known is not None and known.where != binding.where:
        raise RegistryError(f"{binding.code} has two implementations: {known.where} and {binding.where}")
    _bindings[binding.code] = binding


def _map(codes: Mapping[enum.Enum, str]) -> None:
    for key, code in codes.items():
        if not isinstance(key, enum.Enum):
            raise RegistryError(f"{code}: a kind is an enum member, not {key!r}")
        known = _codes.get(key)
        if known is not None and known != code:
            raise RegistryError(f"{key} is mapped to both {known} and {code}")
        _codes[key] = code


def _takes_options(fn) -> bool:
    target = fn.__init__ if isinstance(fn, type) else fn
    return "options" in inspect.signature(target).parameters


def _decorator(kind: str, code: str | None, codes: Mapping[enum.Enum, str] | None, needs, by_subject=False):
    needs = (needs,) if isinstance(needs, str) else tuple(needs)

    def register(fn):
        where, options = _where(fn), _takes_options(fn)
        if codes is None:
            _add(Binding(code, kind, fn, where, None, needs, options, by_subject))
        else:
            _map(codes)
            for key, one in codes.items():
                _add(Binding(one, kind, fn, where, key, needs, options, by_subject))
        return fn

    return register


def payload_check(code: str, *, needs=(), by_subject: bool = False):
    """Bind ``fn(view, ctx)`` to one rule. ``needs``: the view parts without which it finds
    nothing (it is not called on a payload without them); ``by_subject``: its hits depend on the
    title alone (a batch repeating a title checks it once)."""
    return _decorator(PAYLOAD, code, None, needs, by_subject)


def payload_checks(codes: Mapping[enum.Enum, str], *, needs=()):
    """Bind one ``fn(view, ctx)`` to several rules: each hit's ``kind`` says whose it is."""
    return _decorator(PAYLOAD, None, codes, needs)


def template_check(code: str):
    return _decorator(TEMPLATE, code, None, ())


def batch_check(code: str):
    return _decorator(BATCH, code, None, ())


def reported(codes: Mapping[enum.Enum, str], kind: str = FILE) -> None:
    """Rules reported, by kind, by the code that finds them (a file that cannot be read, a
    suppression without a reason): the kinds map to the codes, which need no check of their own."""
    _map(codes)
    for key, code in codes.items():
        _add(Binding(code, kind, None, f"{type(key).__module__}.{type(key).__qualname__}", key))


def kinds(codes: Mapping[enum.Enum, str]) -> None:
    """Kinds reported under rules implemented elsewhere (a CSV row that does not render: IO725)."""
    _map(codes)


def code_of(kind: enum.Enum) -> str:
    """The rule code a reported kind stands for."""
    load()
    return _codes[kind]


def load() -> dict[str, Binding]:
    """Every binding: the modules of ``iolint.checks``, listed and imported once (a plug-in
    discovery: the binding modules import this one, never the other way round)."""
    global _loaded
    if not _loaded:
        with _lock:
            if not _loaded:
                folders = importlib.util.find_spec(CHECKS).submodule_search_locations
                for module in pkgutil.iter_modules(folders):
                    importlib.import_module(f"{CHECKS}.{module.name}")
                _loaded = True
    return _bindings


def bind(rules, bindings: Mapping[str, Binding] | None = None) -> dict[str, Binding]:
    """The implementation of each rule; ``RegistryError`` names every rule of the catalogue without
    exactly one, every implementation without a rule, and every kind mismatch. A rule with a data
    ``check:`` (a rule pack's) is implemented by it and must have no other implementation."""
    bindings = load() if bindings is None else bindings
    problems, out = [], {}
    for rule in rules:
        found = bindings.get(rule.code)
        if rule.check is not None:
            if found is not None:
                problems.append(f"{rule.code} has both a data `check:` and {found.where}")
            continue
        if found is None:
            problems.append(f"{rule.code} ({rule.name}, {rule.pack}) has no implementation: bind a check to it")
            continue
        if rule.applies_to not in APPLIES_TO[found.kind]:
            allowed = " or ".join(str(sorted(a)) for a in APPLIES_TO[found.kind])
            problems.append(
                f"{rule.code}: applies_to is {sorted(rule.applies_to)} but {found.where} is a {found.kind} "
                f"check (applies_to {allowed})"
            )
        out[rule.code] = found
    codes = {rule.code for rule in rules}
    problems += [
        f"{b.code} is implemented by {b.where} but no rule has that code"
        for b in bindings.values()
        if b.code not in codes
    ]
    if problems:
        raise RegistryError("the rules and their implementations do not pair up:\n  " + "\n  ".join(problems))
    return out
