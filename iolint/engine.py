"""The engine: picks the rules a configuration enables, runs them, stamps findings.

One ``Linter`` serves the CLI, the pre-commit hook, CI and sending code: payload dicts enter at
``check_payload``, the payloads of a file at ``check_items`` (``iolint.inputs`` reads files).
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from iolint import catalogue, registry, secret
from iolint.catalogue import Rule
from iolint.checks import Context
from iolint.config import Config, ConfigError
from iolint.finding import Finding, Hit, Severity
from iolint.loaders import Item, Problem
from iolint.redact import redact



def fingerprint(code: str, field: str | None, value: object, key: bytes | None = None) -> str:
    """A stable key for one finding that neither contains nor reveals the offending value: a hash
    keyed with the project's secret (``iolint.secret``), or, without one, of rule and field alone."""
    parts = [code, field, value] if key else [code, field]
    raw = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=10, key=key or b"").hexdigest()


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
    def __init__(self, config: Config | None = None, *, now: datetime | None = None):
        self.config = config or Config()
        _configure_pii(self.config)
        self.fingerprint_key = secret.key(secret.load(self.config.root))
        self.rules = catalogue.all_rules(self.config.rule_packs)
        self.by_code = {r.code: r for r in self.rules}
        self.bindings = registry.load()
        self.context = Context(
            plan=self.config.plan,
            now=now or self.config.now,
            features=frozenset(self.config.features),
            options=self.config.rule_options,
        )
        self._check_selectors()
        self.enabled = self._select(self.config.select, self.config.extend_select, self.config.ignore)
        self._severity = {
            r.code: level for token, level in self.config.severity.items() for r in self.rules if r.matches(token)
        }
        self._runners = {}  # (kind, ignored codes) -> [(rule, fn)]

    # -- selection ---------------------------------------------------------------------------

    def _check_selectors(self) -> None:
        tokens = [*self.config.select, *self.config.extend_select, *self.config.ignore, *self.config.severity]
        tokens += [t for ts in self.config.per_file_ignores.values() for t in ts]
        unknown = catalogue.unknown_selectors(self.rules, tokens)
        if unknown:
            raise ConfigError(f"unknown rule selector(s) (see `iolint rules`): {'; '.join(unknown)}")

    def _select(self, select, extend, ignore) -> frozenset[str]:
        chosen = {r.code for r in self.rules if any(r.matches(t) for t in select)}
        chosen |= {r.code for r in self.rules if any(r.matches(t) for t in extend)}
        chosen -= {r.code for r in self.rules if any(r.matches(t) for t in ignore)}
        return frozenset(chosen)

    def severity(self, rule: Rule) -> Severity:
        return self._severity.get(rule.code, rule.severity)

    def ignored_for(self, path: str | None) -> frozenset[str]:
        if not path or not self.config.per_file_ignores:
            return frozenset()
        posix = Path(path).as_posix()
        out = set()
        for pattern, tokens in self.config.per_file_ignores.items():
            if fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
                out |= {r.code for r in self.rules if any(r.matches(t) for t in tokens)}
        return frozenset(out)

    def runners(self, kind: str, ignored: frozenset[str] = frozenset()):
        """The (rule, check) pairs that run on one payload of this kind ("payload" or "template")."""
        key = (kind, ignored)
        if key not in self._runners:
            out = []
            for rule in self.rules:
                if rule.code not in self.enabled or rule.code in ignored:
                    continue
                if kind not in rule.applies_to or self.context.plan not in rule.plans:
                    continue
                if rule.check is not None:  # a user pack's rule: only then load the regex module
                    from iolint import datachecks

                    spec = rule.check
                    out.append((rule, lambda msg, ctx, spec=spec: datachecks.run(spec, msg)))
                else:
                    binding = self.bindings.get(rule.code)
                    if binding is not None and binding.kind == registry.PAYLOAD:
                        out.append((rule, binding.check))
            self._runners[key] = out
        return self._runners[key]

    def batch_checks(self, ignored: frozenset[str] = frozenset()):
        return [
            (self.by_code[code], binding.check(self.context))
            for code, binding in self.bindings.items()
            if binding.kind == registry.BATCH and code in self.enabled and code not in ignored and code in self.by_code
        ]

    def template_checks(self, ignored: frozenset[str] = frozenset(), plan: str | None = None):
        """The (rule, check) pairs that run on a template's source."""
        out = []
        for rule in self.rules:
            binding = self.bindings.get(rule.code)
            if binding is None or binding.kind != registry.TEMPLATE:
                continue
            if rule.code in self.enabled and rule.code not in ignored and (plan or self.context.plan) in rule.plans:
                out.append((rule, binding.check))
        return out

    # -- findings ----------------------------------------------------------------------------

    def finding(self, rule: Rule, hit: Hit, *, file=None, line=None, column=None, variant=None) -> Finding:
        """The finding for a check's hit; what its message and field quote of the input is masked."""
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=self.severity(rule),
            message=redact(hit.message),
            file=file,
            line=line,
            column=column,
            field=redact(hit.field) if hit.field else hit.field,
            variant=redact(variant) if variant else variant,
            fingerprint=fingerprint(
                rule.code, hit.field, hit.value if hit.value is not None else hit.message, self.fingerprint_key
            ),
        )

    def problem(self, problem: Problem, file: str) -> Finding | None:
        rule = self.by_code[problem.code]
        if rule.code not in self.enabled or rule.code in self.ignored_for(file):
            return None
        hit = Hit(None, problem.message)
        return self.finding(rule, hit, file=file, line=problem.line, column=problem.column)

    def check_payload(
        self, data: object, *, kind: str = "payload", ctx: Context | None = None
    ) -> list[tuple[Rule, Hit]]:
        """Every (rule, hit) for one decoded payload."""
        ctx = ctx or self.context
        out = []
        for rule, fn in self.runners(kind):
            for hit in fn(data, ctx):
                out.append((rule, hit))
        return out

    # -- files -------------------------------------------------------------------------------

    def check_items(self, items: Iterable[Item | Problem], file: str) -> Iterator[Finding]:
        """Findings for the payloads of one file, batch rules included, in file order."""
        ignored = self.ignored_for(file)
        runners = self.runners("payload", ignored)
        batch = self.batch_checks(ignored)
        ctx = self.context
        for item in items:
            if isinstance(item, Problem):
                found = self.problem(item, file)
                if found:
                    yield found
                continue
            data = item.data
            for rule, fn in runners:
                for hit in fn(data, ctx):
                    line, column = item.locate(hit.field, hit.offset, key=hit.key)
                    yield self.finding(rule, hit, file=file, line=line, column=column)
            for _, state in batch:
                state.feed(data, item.line)
        for rule, state in batch:
            for line, hit in state.finish():
                yield self.finding(rule, hit, file=file, line=line)
