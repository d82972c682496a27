"""The engine: runs the checks of the rules a configuration enables on decoded payloads.

One ``Linter`` serves the CLI, the pre-commit hook, CI and sending code: payload dicts enter at
``check_payload``, the payloads of a file at ``check_items`` (``iolint.inputs`` reads files).
What becomes a finding, and how, is the gate's to say (``iolint.gate``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from datetime import datetime

from iolint import registry
from iolint.config import Config
from iolint.context import Context
from iolint.finding import Finding
from iolint.gate import Gate
from iolint.loaders import Item, Problem
from iolint.privacy import Privacy
from iolint.view import PayloadView, needs_mask


def _first(item: tuple) -> int:
    return item[0]


_MISS = object()
MEMO_SIZE = 4096


def _routed(checks, view, ctx):
    """(place in rule order, rule, hit) for each hit of ``checks`` ((check, route) pairs) that
    a rule of the plan reports."""
    for check, route in checks:
        found = check(view, ctx)
        if found:
            for hit in found:
                routed = route.get(hit.kind)
                if routed is not None:
                    yield (*routed, hit)


class _BySubject:
    """A plan's checks whose hits depend on the title alone (``by_subject``) and that need the
    same parts of a payload: run as one, their routed hits memoized per title (hits are
    immutable), so a batch that repeats a title checks it with one look-up."""

    __slots__ = ("checks", "memo")

    def __init__(self):
        self.checks: list[tuple] = []  # (check, route)
        self.memo: dict = {}

    def __call__(self, view, ctx) -> tuple:
        found = self.memo.get(view.subject, _MISS)
        if found is _MISS:
            if len(self.memo) >= MEMO_SIZE:
                self.memo.clear()
            found = self.memo[view.subject] = tuple(_routed(self.checks, view, ctx))
        return found


class Plan:
    """The rules that run on one kind of payload, and their checks: each check once, with the
    rule each kind of its hits belongs to (None: the check serves one rule), as (its place in
    rule order, rule), and the payload parts it needs; the checks whose hits depend on the title
    alone run as one ``_BySubject``, whose hits come routed (its route is None).
    ``checks(shape)`` leaves out the checks a payload of that shape cannot wake."""

    __slots__ = ("rules", "_all", "_by_shape")

    def __init__(self, rules: tuple, checks: tuple):
        self.rules = rules
        self._all = checks  # (check, {hit kind: (order, rule)} or None, needed shape bits)
        self._by_shape: dict[int, tuple] = {}

    def checks(self, shape: int) -> tuple:
        found = self._by_shape.get(shape)
        if found is None:
            found = self._by_shape[shape] = tuple((c, r) for c, r, need in self._all if shape & need == need)
        return found


class Linter:
    def __init__(
        self, config: Config | None = None, *, now: datetime | None = None, gate: Gate | None = None, show_values=False
    ):
        self.config = config or Config()
        self.gate = gate or Gate(self.config, now=now, privacy=Privacy.of(self.config, show_values=show_values))
        self.privacy = self.gate.privacy
        self.rules = self.gate.rules
        # an unknown selector or option is a config error here, not at the first file
        self.enabled, self.options = self.gate.enabled, self.gate.options
        self.bindings = registry.bind(self.rules)  # every rule has its implementation, or nothing runs
        self.context = Context(
            plan=self.config.plan,
            now=now or self.config.now,
            features=frozenset(self.config.features),
            privacy=self.privacy,
        )
        self._plans: dict[tuple, Plan] = {}
        self._order = {rule.code: i for i, rule in enumerate(self.rules)}

    def _bound(self, kind: str):
        """(rule, its binding, its check), in rule order, for every rule implemented by a check of
        this kind (a payload rule may be a pack's data check); a check that takes options gets the
        rule's own."""
        for rule in self.rules:
            if rule.check is not None:
                if kind == registry.PAYLOAD:  # only then load the regex module
                    from iolint import datachecks

                    yield rule, None, functools.partial(datachecks.run, rule.check)
                continue
            binding = self.bindings[rule.code]
            if binding.kind == kind and binding.check is not None:
                check = binding.check
                if binding.options:
                    check = functools.partial(check, options=self.options[rule.code])
                yield rule, binding, check

    def plan(self, kind: str, ignored: frozenset[str] = frozenset()) -> Plan:
        """What runs on one payload of this kind ("payload", or "template" for a template's
        rendered variants) in a file whose ``per-file-ignores`` are ``ignored``."""
        key = (kind, ignored)
        if key not in self._plans:
            rules, checks, by_subject = [], {}, {}
            for rule, binding, check in self._bound(registry.PAYLOAD):
                if self.gate.admits(rule, ignored, kind):
                    rules.append(rule)
                    needs = needs_mask(binding.needs) if binding else 0
                    # a check serving several rules runs once, its hits routed by kind
                    route = checks.setdefault(id(check), (check, {}, needs))[1]
                    route[binding.key if binding else None] = (self._order[rule.code], rule)
                    if binding and binding.by_subject:
                        by_subject[id(check)] = needs
            units: dict[int, _BySubject] = {}
            for at in by_subject:  # in rule order, as the plan would run them
                check, route, needs = checks.pop(at)
                units.setdefault(needs, _BySubject()).checks.append((check, route))
            plan = tuple(checks.values()) + tuple((unit, None, needs) for needs, unit in units.items())
            self._plans[key] = Plan(tuple(rules), plan)
        return self._plans[key]

    def hits(self, data: object, plan: Plan, ctx: Context | None = None) -> list[tuple]:
        """Every (rule, hit) of a plan's checks on one decoded payload, in rule order."""
        return self.view_hits(PayloadView(data), plan, ctx or self.context)

    def view_hits(self, view: PayloadView, plan: Plan, ctx: Context) -> list[tuple]:
        out = []
        for check, route in plan.checks(view.shape):
            found = check(view, ctx)
            if found:
                if route is None:  # a _BySubject's hits, routed
                    out += found
                    continue
                for hit in found:
                    routed = route.get(hit.kind)
                    if routed is not None:
                        out.append((*routed, hit))
        if not out:
            return out
        if len(out) > 1:
            out.sort(key=_first)
        return [(rule, hit) for _, rule, hit in out]

    def check_payload(self, data: object, *, kind: str = "payload") -> list[tuple]:
        """Every (rule, hit) for one decoded payload."""
        return self.hits(data, self.plan(kind))

    def batch_checks(self, ignored: frozenset[str] = frozenset()):
        return [
            (rule, check(self.context))
            for rule, _, check in self._bound(registry.BATCH)
            if self.gate.admits(rule, ignored, registry.BATCH)
        ]

    def template_checks(self, ignored: frozenset[str] = frozenset(), plan: str | None = None):
        """The (rule, check) pairs that run on a template's source."""
        return [
            (rule, check)
            for rule, _, check in self._bound(registry.TEMPLATE)
            if self.gate.admits(rule, ignored, registry.TEMPLATE, plan)
        ]

    def check_items(self, items: Iterable[Item | Problem], file: str) -> Iterator[Finding]:
        """Findings for the payloads of one file, batch rules included, in file order."""
        gate = self.gate
        ignored = gate.ignored_for(file)
        plan = self.plan("payload", ignored)
        batch = self.batch_checks(ignored)
        ctx = self.context
        for item in items:
            if isinstance(item, Problem):
                found = gate.problem(item, file)
                if found:
                    yield found
                continue
            for note in item.notes:
                found = gate.problem(note, file)
                if found:
                    yield found
            view = PayloadView(item.data)
            for rule, hit in self.view_hits(view, plan, ctx):
                line, column = item.locate(hit.field, hit.offset, key=hit.key)
                yield gate.finding(rule, hit, file=file, line=line, column=column)
            for _, state in batch:
                state.feed(view, item.line)
        for rule, state in batch:
            yield from self.batch_findings(rule, state, file)

    def batch_findings(self, rule, state, file: str) -> Iterator[Finding]:
        for line, hit in state.finish():
            yield self.gate.finding(rule, hit, file=file, line=line)
