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
from iolint.checks import Context
from iolint.config import Config, ConfigError
from iolint.finding import Finding
from iolint.gate import Gate
from iolint.loaders import Item, Problem

_pii_settings: tuple = ((), ())  # what iolint.pii was last configured with (it is process-wide)


def _configure_pii(config: Config) -> None:
    global _pii_settings
    wanted = (tuple(config.pii.allow), tuple(config.pii.recognizers))
    if wanted == _pii_settings:
        return
    from iolint import pii

    try:
        pii.configure(allow=wanted[0], recognizers=wanted[1])
    except (ImportError, AttributeError, TypeError, ValueError) as exc:
        raise ConfigError(f"[tool.iolint.pii] recognizers: {exc}") from None
    _pii_settings = wanted


class Linter:
    def __init__(self, config: Config | None = None, *, now: datetime | None = None, gate: Gate | None = None):
        self.config = config or Config()
        _configure_pii(self.config)
        self.gate = gate or Gate(self.config, now=now)
        self.rules = self.gate.rules
        # an unknown selector or option is a config error here, not at the first file
        self.enabled, self.options = self.gate.enabled, self.gate.options
        self.bindings = registry.bind(self.rules)  # every rule has its implementation, or nothing runs
        self.context = Context(
            plan=self.config.plan,
            now=now or self.config.now,
            features=frozenset(self.config.features),
        )
        self._runners = {}  # (kind, ignored codes) -> [(rule, fn)]

    def _bound(self, kind: str):
        """(rule, its check), in rule order, for every rule implemented by a check of this kind
        (a payload rule may be a pack's data check); a check that takes options gets the rule's own."""
        for rule in self.rules:
            if rule.check is not None:
                if kind == registry.PAYLOAD:  # only then load the regex module
                    from iolint import datachecks

                    yield rule, functools.partial(datachecks.run, rule.check)
                continue
            binding = self.bindings[rule.code]
            if binding.kind == kind and binding.check is not None:
                check = binding.check
                if binding.options:
                    check = functools.partial(check, options=self.options[rule.code])
                yield rule, check

    def runners(self, kind: str, ignored: frozenset[str] = frozenset()):
        """The (rule, check) pairs that run on one payload of this kind ("payload" or "template")."""
        key = (kind, ignored)
        if key not in self._runners:
            self._runners[key] = [
                (rule, check) for rule, check in self._bound(registry.PAYLOAD) if self.gate.admits(rule, ignored, kind)
            ]
        return self._runners[key]

    def batch_checks(self, ignored: frozenset[str] = frozenset()):
        return [
            (rule, check(self.context))
            for rule, check in self._bound(registry.BATCH)
            if self.gate.admits(rule, ignored, registry.BATCH)
        ]

    def template_checks(self, ignored: frozenset[str] = frozenset(), plan: str | None = None):
        """The (rule, check) pairs that run on a template's source."""
        return [
            (rule, check)
            for rule, check in self._bound(registry.TEMPLATE)
            if self.gate.admits(rule, ignored, registry.TEMPLATE, plan)
        ]

    def check_payload(
        self, data: object, *, kind: str = "payload", ctx: Context | None = None
    ) -> list[tuple]:
        """Every (rule, hit) for one decoded payload."""
        ctx = ctx or self.context
        out = []
        for rule, fn in self.runners(kind):
            for hit in fn(data, ctx):
                out.append((rule, hit))
        return out

    def check_items(self, items: Iterable[Item | Problem], file: str) -> Iterator[Finding]:
        """Findings for the payloads of one file, batch rules included, in file order."""
        gate = self.gate
        ignored = gate.ignored_for(file)
        runners = self.runners("payload", ignored)
        batch = self.batch_checks(ignored)
        ctx = self.context
        for item in items:
            if isinstance(item, Problem):
                found = gate.problem(item, file)
                if found:
                    yield found
                continue
            data = item.data
            for rule, fn in runners:
                for hit in fn(data, ctx):
                    line, column = item.locate(hit.field, hit.offset, key=hit.key)
                    yield gate.finding(rule, hit, file=file, line=line, column=column)
            for _, state in batch:
                state.feed(data, item.line)
        for rule, state in batch:
            yield from self.batch_findings(rule, state, file)

    def batch_findings(self, rule, state, file: str) -> Iterator[Finding]:
        for line, hit in state.finish():
            yield self.gate.finding(rule, hit, file=file, line=line)
