"""The Python API for sending code: ``lint`` a payload, or ``check_before_send`` and refuse it.

Whatever the caller passes is first turned, once, into the plain JSON types the payload is sent
as (``iolint.plain``); what cannot be sent as JSON cannot be checked either, and raises
``InvalidPayload``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from iolint import clock
from iolint.config import Config, ConfigError
from iolint.engine import Linter
from iolint.errors import InternalError, InvalidPayload, IolintError
from iolint.finding import Finding, Severity
from iolint.loaders import Item, Problem
from iolint.plain import as_data, plain
from iolint.privacy import redact

__all__ = ["lint", "check_before_send", "plain", "Report", "IolintError", "InvalidPayload", "MessageRejected"]


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


# -- options ------------------------------------------------------------------------------------


def _tokens(value, name: str) -> tuple[str, ...] | None:
    """Rule selectors or features: a comma-separated str, or an iterable of them."""
    if value is None:
        return None
    items = [value] if isinstance(value, str) else value
    try:
        items = list(items)
    except TypeError:
        raise ConfigError(f"{name}: expected a str or an iterable of str, not {type(value).__name__}") from None
    out = []
    for item in items:
        if not isinstance(item, str):
            raise ConfigError(f"{name}: expected rule codes or names as str, not {type(item).__name__}")
        out += [t.strip() for t in item.split(",") if t.strip()]
    return tuple(out)


_ZONES = (timezone, ZoneInfo)  # zones whose offsets are always valid (a tzinfo of the caller's may raise)


def read_now(value) -> datetime | None:
    """``now``: a datetime, a date (its midnight) or ISO 8601 text; naive means UTC, as on the CLI.
    (``iolint.preview`` reads its ``now`` here too.) ConfigError if it is none of them."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return clock.moment(value)
        except ValueError as exc:
            shown = redact(value[:40])
            if str(exc) == clock.OUT_OF_RANGE:
                raise ConfigError(f"now: {shown!r} {exc}") from None
            raise ConfigError(
                f"now: not an ISO 8601 date or date-time such as 2030-01-01T00:00:00Z: {shown!r}"
            ) from None
    elif isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    elif not isinstance(value, datetime):
        raise ConfigError(f"now: expected a datetime or ISO 8601 text, not {type(value).__name__}")
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    if 1 < aware.year < 9999 and type(aware.tzinfo) in _ZONES:
        return aware  # what clock.placed returns: no offset of these zones (under a day) takes it out of range
    try:
        return clock.placed(aware)
    except ValueError as exc:
        raise ConfigError(f"now: {value.isoformat()} {exc}") from None


def _level(value) -> Severity | None:
    if value is None or isinstance(value, Severity):
        return value
    if isinstance(value, str):
        try:
            return Severity.parse(value)
        except ValueError as exc:
            raise ConfigError(f"fail_level: {exc}") from None
    raise ConfigError(f"fail_level: expected 'error', 'warning' or 'info', not {type(value).__name__}")


def _config(value) -> Config | None:
    if value is None or isinstance(value, Config):
        return value
    if isinstance(value, str | os.PathLike):
        path = Path(value)
        try:
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        except (OSError, ValueError):
            stamp = None  # load() says what is wrong with it
        return _loaded(str(path), "" if path.is_absolute() else os.getcwd(), stamp)
    raise ConfigError(f"config: expected an iolint.Config (iolint.config.load()) or a path, not {type(value).__name__}")


@lru_cache(maxsize=8)
def _loaded(path: str, cwd: str, stamp: tuple | None) -> Config:
    """The config at ``path`` (relative to ``cwd``), read once while the file is unchanged: a
    Config is its own cache key, so one read per call would build a new Linter every call."""
    from iolint.config import load

    return load(Path(path))


@lru_cache(maxsize=32)
def _linter(config: Config | None, plan, select, ignore, features, now, fail_level) -> Linter:
    config = config or Config()
    config = config.replace(
        "the arguments of iolint.lint",
        plan=plan,
        select=list(select) if select is not None else None,
        ignore=list(ignore) if ignore is not None else None,
        features=list(features) if features is not None else None,
        fail_level=fail_level,
    )
    return Linter(config, now=now)


# -- the API ------------------------------------------------------------------------------------


def lint(
    payload: object,
    *,
    plan: str | None = None,
    now: datetime | date | str | None = None,
    config: Config | str | os.PathLike | None = None,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    features: str | Iterable[str] | None = None,
    fail_level: Severity | str | None = None,
) -> Report:
    """Check one NewMessage payload with the CLI's rules; returns a ``Report``.

    Parameters:
        payload: the message as sent: a dict (or any ``Mapping``, such as an OrderedDict), an
            ``iolint.NewMessage`` or another pydantic model, or its JSON text (``str`` or UTF-8
            ``bytes``; findings then carry line and column). Values are checked as the JSON
            they become: a ``markupsafe.Markup`` title is its text, a tuple a list.
        plan: the ente's IO plan, "base" or "premium" (default: the config's, else "base").
        now: the moment due dates are compared with: a ``datetime`` (naive means UTC), a
            ``date`` (its midnight, UTC) or ISO 8601 text such as "2030-01-01T00:00:00Z"
            (default: the config's ``now``, else the current time).
        config: an ``iolint.Config`` (``iolint.config.load()``) or the path of a pyproject.toml
            or iolint.toml; its settings apply, and the other parameters override them.
        select: the rules to run, as codes ("IO205"), names ("notice-number-check-digits") or
            code prefixes ("IO2"): a comma-separated str or an iterable (default: all).
        ignore: rules not to run, written as ``select``.
        features: the Premium features the ente relies on ("read-status", "payment-status",
            "reminder-unread", "reminder-payment", "attachments"), as ``select``.
        fail_level: the lowest severity that makes ``Report.ok`` false and
            ``raise_for_errors`` raise: "error", "warning", "info" or an ``iolint.Severity``
            (default: the config's, else "error").

    Raises (all ``iolint.IolintError``):
        InvalidPayload: a payload that cannot be sent as JSON, so cannot be checked (a set,
            bytes inside it, an arbitrary object, a structure that contains itself or is
            nested deeper than 200 levels, an integer too long for JSON).
        ConfigError: an option or configuration iolint cannot use (an unknown rule, a ``now``
            that is no date, a plan that does not exist).
        InternalError: a failure inside iolint; its message names it, masked.

    JSON text that does not parse is not an exception: it is a finding (IO002), as in a file.
    The rules about files and batches do not apply to a single payload.
    """
    return _run(payload, plan, now, config, select, ignore, features, fail_level)[0]


def _run(payload, plan=None, now=None, config=None, select=None, ignore=None, features=None, fail_level=None):
    """(the report, the payload's plain data) for ``lint`` and ``check_before_send``."""
    linter = _linter(
        _config(config),
        plan,
        _tokens(select, "select"),
        _tokens(ignore, "ignore"),
        _tokens(features, "features"),
        read_now(now),
        _level(fail_level),
    )
    data = as_data(payload)
    try:
        findings = _findings(linter, data)
    except IolintError:
        raise
    except Exception as exc:  # a bug must not read as "no findings", nor quote the payload
        raise InternalError(f"iolint failed on this payload: {type(exc).__name__}: {redact(str(exc))}") from None
    # the settings' own attribute: Config's __getattr__ runs only after a failed look-up, which costs
    return Report(tuple(findings), linter.config.settings.fail_level), data


def _findings(linter: Linter, data) -> list[Finding]:
    gate = linter.gate
    if isinstance(data, Problem):
        found = gate.problem(data, "<payload>")
        return [found] if found else []
    if isinstance(data, Item):  # read from JSON text: findings get line and column
        out = [found for note in data.notes if (found := gate.problem(note, "<payload>"))]
        for rule, hit in linter.check_payload(data.data):
            line, column = data.locate(hit.field, hit.offset, key=hit.key)
            out.append(gate.finding(rule, hit, line=line, column=column))
        return out
    return [gate.finding(rule, hit) for rule, hit in linter.check_payload(data)]


def check_before_send(payload: object, **options) -> object:
    """The payload in plain JSON types, ready to POST: exactly what was checked.

    Takes the parameters of ``lint``; raises ``MessageRejected`` (with ``findings``) when
    something is at or above the fail level, and the other ``IolintError``s as ``lint`` does.
    """
    report, data = _run(payload, **options)
    report.raise_for_errors()
    return data.data if isinstance(data, Item) else data
