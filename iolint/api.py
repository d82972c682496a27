"""The Python API for sending code: ``lint`` a payload, or ``check_before_send`` and refuse it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from iolint.config import Config
from iolint.engine import Linter
from iolint.finding import Finding, Severity
from iolint.loaders import Item, Problem, load_json


class IolintError(Exception):
    """Base class of iolint's exceptions."""


class MessageRejected(IolintError):
    """A message with findings at or above the fail level; ``findings`` says why."""

    def __init__(self, report: Report):
        self.report = report
        self.findings = report.failing
        lines = [f"{f.code} {f.name}: {f.message}" for f in self.findings]
        super().__init__(f"{len(self.findings)} problem(s) in the message:\n  " + "\n  ".join(lines))


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    fail_level: Severity = Severity.ERROR

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def failing(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity >= self.fail_level)

    @property
    def ok(self) -> bool:
        return not self.failing

    def raise_for_errors(self) -> None:
        if not self.ok:
            raise MessageRejected(self)


@lru_cache(maxsize=32)
def _linter(config: Config | None, plan, select, ignore, features, now) -> Linter:
    config = config or Config()
    config = config.replace(
        plan=plan,
        select=list(select) if select is not None else None,
        ignore=list(ignore) if ignore is not None else None,
        features=list(features) if features is not None else None,
    )
    return Linter(config, now=now)


def _as_data(payload: object) -> object | Item | Problem:
    if type(payload) is dict:  # the common case first: sending code calls this per message
        return payload
    if hasattr(payload, "model_dump"):  # an iolint.NewMessage or another pydantic model
        return payload.model_dump(mode="json", exclude_none=True)
    if isinstance(payload, bytes | str):
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        items = list(load_json(text))
        return items[0] if len(items) == 1 else Problem("IO004", "expected one payload, got a list")
    return payload


def lint(
    payload: object,
    *,
    plan: str | None = None,
    now: datetime | None = None,
    config: Config | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    features: Iterable[str] | None = None,
) -> Report:
    """Check one NewMessage payload (a dict, JSON text or an ``iolint.NewMessage``).

    The rules and defaults are the CLI's; ``plan`` defaults to the config's, which defaults to
    "base". Only the rules about files and batches do not apply to a single payload.
    """
    linter = _linter(
        config,
        plan,
        tuple(select) if select is not None else None,
        tuple(ignore) if ignore is not None else None,
        tuple(features) if features is not None else None,
        now,
    )
    data = _as_data(payload)
    if isinstance(data, Problem):
        found = linter.problem(data, "<payload>")
        return Report((found,) if found else (), linter.config.fail_level)
    if isinstance(data, Item):  # read from JSON text: findings get line and column
        findings = []
        for rule, hit in linter.check_payload(data.data):
            line, column = data.locate(hit.field, hit.offset)
            findings.append(linter.finding(rule, hit, line=line, column=column))
    else:
        findings = [linter.finding(rule, hit) for rule, hit in linter.check_payload(data)]
    return Report(tuple(findings), linter.config.fail_level)


def check_before_send(payload: object, **options) -> dict:
    """The payload as a dict, ready to POST; raises ``MessageRejected`` if it must not be sent."""
    report = lint(payload, **options)
    report.raise_for_errors()
    data = _as_data(payload)
    return data.data if isinstance(data, Item) else data
