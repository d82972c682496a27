"""The gate: the one place that decides whether something found becomes a finding, and how.

A check's hit, a reader's problem (a file that does not parse) and what is wrong with a
suppression or the baseline all pass through here: the rule must be enabled, not ignored for the
file (``per-file-ignores``), on the run's plan, and for this kind of input; the finding gets the
configured severity, its message and field masked, and its fingerprint keyed with the project's
secret. Then what the project accepted is taken out: inline directives, the config's and the
sidecar's suppressions, the baseline. Nothing else builds a ``Finding``.
"""

from __future__ import annotations

import enum
import fnmatch
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import cached_property
from pathlib import Path

from iolint import registry, secret
from iolint.finding import Finding, Hit, Severity
from iolint.privacy import DEFAULT, Privacy

FINGERPRINT_MEMO = 4096  # (rule, field) pairs whose unkeyed fingerprint a gate remembers
FINDING_MEMO = 4096  # findings without a place (the API's) a gate remembers


def fingerprint(code: str, field: str | None, value: object, key: bytes | None = None) -> str:
    """A stable key for one finding that neither contains nor reveals the offending value: a hash
    keyed with the project's secret (``iolint.secret``), or, without one, of rule and field alone."""
    parts = [code, field, value] if key else [code, field]
    raw = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=10, key=key or b"").hexdigest()


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(text: str) -> str:
    """``text`` with lone surrogates (JSON and YAML allow "\\ud800" in keys and values, and messages
    quote them) written as ``\\ud800``: no output could be written in UTF-8 with one in it."""
    if text.isascii():
        return text
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class Gate:
    """Selection, severity, masking and acceptance for one run (one configuration)."""

    def __init__(self, config, *, now: datetime | None = None, baseline=None, privacy: Privacy = DEFAULT):
        from iolint.suppress import Entries, today

        self.config = config
        self.privacy = privacy
        self.now = now or config.now
        self.day = today(self.now)  # suppressions expire by it
        self.suppressions = Entries(config, self.day)
        self.baseline = baseline
        self._ignored: dict[str, frozenset[str]] = {}
        self._unkeyed: dict[tuple, str] = {}  # fingerprints without a secret: of rule and field alone
        self._unplaced: dict[tuple, Finding] = {}  # findings without a place or a secret, by what makes them

    # -- the rules and what the configuration selects ----------------------------------------

    @cached_property
    def rules(self):
        from iolint import ruleset

        return ruleset.all_rules(self.config.rule_packs)

    @cached_property
    def by_code(self) -> dict:
        return {r.code: r for r in self.rules}

    @cached_property
    def enabled(self) -> frozenset[str]:
        from iolint import ruleset
        from iolint.config import ConfigError

        config = self.config
        tokens = [*config.select, *config.extend_select, *config.ignore, *config.severity]
        tokens += [t for ts in config.per_file_ignores.values() for t in ts]
        unknown = ruleset.unknown_selectors(self.rules, tokens)
        if unknown:
            raise ConfigError(f"unknown rule selector(s) (see `iolint rules`): {'; '.join(unknown)}")
        if not config.select and not config.extend_select:  # `--select "$RULES"` with RULES unset
            raise ConfigError("no rule is selected: `select` is empty and `extend-select` names none")
        chosen = self._codes(config.select) | self._codes(config.extend_select)
        return frozenset(chosen - self._codes(config.ignore))

    def _codes(self, tokens) -> set[str]:
        return {r.code for r in self.rules if any(r.matches(t) for t in tokens)}

    @cached_property
    def options(self) -> dict:
        """Each rule's options, {code: {name: value}}, the configuration's checked against the rules'."""
        from iolint import ruleset
        from iolint.config import ConfigError

        options, problems = ruleset.rule_options(self.rules, self.config.rule_options)
        if problems:
            raise ConfigError(ruleset.options_error(problems))
        return options

    @cached_property
    def _severity(self) -> dict[str, Severity]:
        return {r.code: level for token, level in self.config.severity.items() for r in self.rules if r.matches(token)}

    def severity(self, rule) -> Severity:
        return self._severity.get(rule.code, rule.severity)

    def ignored_for(self, path: str | None) -> frozenset[str]:
        """The codes ``per-file-ignores`` switches off for the file at ``path``."""
        if not path or not self.config.per_file_ignores:
            return frozenset()
        if path not in self._ignored:
            posix, name = Path(path).as_posix(), Path(path).name
            out = set()
            for pattern, tokens in self.config.per_file_ignores.items():
                if fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(name, pattern):
                    out |= self._codes(tokens)
            self._ignored[path] = frozenset(out)
        return self._ignored[path]

    def admits(
        self, rule, ignored: frozenset[str] = frozenset(), kind: str | None = None, plan: str | None = None
    ) -> bool:
        """Whether ``rule`` reports: enabled, not ignored, on the plan, for this kind of input."""
        return (
            rule.code in self.enabled
            and rule.code not in ignored
            and (plan or self.config.plan) in rule.plans
            and (kind is None or kind in rule.applies_to)
        )

    # -- findings ----------------------------------------------------------------------------

    @cached_property
    def fingerprint_key(self) -> bytes | None:
        return secret.key(secret.load(self.config.root))

    def finding(self, rule, hit: Hit, *, file=None, line=None, column=None, variant=None) -> Finding:
        """The finding for an admitted rule's hit; what its message and field quote of the input is masked."""
        if file is None and line is None and column is None and variant is None and self.fingerprint_key is None:
            # Without a place or a secret, a finding is made of its rule, message and field alone
            # (the fingerprint is of rule and field): one finding serves a batch's repeated hits.
            key = (rule.code, hit.message, hit.field)  # a code names one rule, of one severity in a run
            found = self._unplaced.get(key)
            if found is None:
                if len(self._unplaced) >= FINDING_MEMO:
                    self._unplaced.clear()
                found = self._unplaced[key] = self._made(rule, hit, None, None, None, None)
            return found
        return self._made(rule, hit, file, line, column, variant)

    def _made(self, rule, hit: Hit, file, line, column, variant) -> Finding:
        value = hit.value if hit.value is not None else hit.message
        redact = self.privacy.redact
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=self.severity(rule),
            message=_encodable(redact(hit.message)),
            file=file,
            line=line,
            column=column,
            field=_encodable(redact(hit.field)) if hit.field else hit.field,
            variant=_encodable(redact(variant)) if variant else variant,
            fingerprint=self._fingerprint(rule.code, hit.field, value),
        )

    def _fingerprint(self, code: str, field: str | None, value: object) -> str:
        key = self.fingerprint_key
        if key:
            return fingerprint(code, field, value, key)
        found = self._unkeyed.get((code, field))
        if found is None:
            if len(self._unkeyed) >= FINGERPRINT_MEMO:
                self._unkeyed.clear()
            found = self._unkeyed[code, field] = fingerprint(code, field, value)
        return found

    def report(self, kind: enum.Enum, message: str, *, file=None, line=None, column=None, field=None) -> Finding | None:
        """The finding for something reported by kind (a problem reading a file, a suppression
        without a reason), unless the configuration switches its rule off."""
        rule = self.by_code.get(registry.code_of(kind))
        if rule is None or not self.admits(rule, self.ignored_for(file)):
            return None
        return self.finding(rule, Hit(field, message), file=file, line=line, column=column)

    def problem(self, problem, file: str | None) -> Finding | None:
        return self.report(
            problem.kind, problem.message, file=file, line=problem.line, column=problem.column, field=problem.field
        )

    # -- what the project accepted -----------------------------------------------------------

    def directives(
        self, text: str, findings: Iterable[Finding], file: str, kind: str | None = None
    ) -> Iterator[Finding]:
        """The findings no inline directive of ``text`` covers, then what is wrong with them."""
        from iolint.suppress.directives import apply_inline

        return apply_inline(self, text, findings, file, kind)

    def suppressed(self, rel: str, findings: Iterable[Finding]) -> Iterator[Finding]:
        """The findings of the file at ``rel`` that neither the config nor the sidecar suppresses."""
        return self.suppressions.filter(rel, findings, lambda: self.rules)

    def accepted(self, rel: str, findings: Iterable[Finding]) -> Iterable[Finding]:
        """The findings of the file at ``rel`` that the baseline does not accept."""
        return self.baseline.filter(rel, findings) if self.baseline else findings

    def leftovers(self, *, unused: bool) -> Iterator[Finding]:
        """Findings about the suppressions and the baseline themselves, once every file is done."""
        troubles = []
        if self.suppressions.entries or self.suppressions.problems:
            troubles += self.suppressions.leftovers(self, unused=unused)
        if self.baseline:
            troubles += self.baseline.stale()
        for kind, message, file, line, field in troubles:
            found = self.report(kind, message, file=file, line=line, field=field)
            if found:
                yield found
