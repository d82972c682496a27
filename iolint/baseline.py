"""Baselines: the findings a project accepted once, so that only new ones are reported.

An entry is keyed by rule code, file (relative to the project root), field path and the
finding's fingerprint, with a count: never by line, so moving lines changes nothing, and never
holding the value itself. The fingerprint is a hash of rule, field and value keyed with the
project's secret (``iolint.secret``), so it cannot be reversed by hashing candidate values; the
baseline names the secret by a short key id, to tell a run without it from stale entries.

Version 1 baselines (unkeyed fingerprints) are still honoured, by rule, file and field alone,
until they are rewritten.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from iolint import __version__, atomic, loaders, registry, secret
from iolint.config import ConfigError
from iolint.finding import Finding
from iolint.suppress.common import Kind

VERSION = 2
LEGACY = 1
MAX_BYTES = 100 * 1024 * 1024


def key(finding: Finding, rel: str) -> tuple[str, str, str, str]:
    return (finding.code, rel, finding.field or "", finding.fingerprint or "")


def write(path: Path, accepted: Counter, key_id: str) -> int:
    """Write the baseline, atomically; findings about suppressions are never accepted. Returns the count."""
    about_suppressions = {registry.code_of(kind) for kind in Kind}
    entries = [
        {"code": code, "file": file, "field": field or None, "fingerprint": fp, "count": n}
        for (code, file, field, fp), n in sorted(accepted.items())
        if code not in about_suppressions
    ]
    data = {"version": VERSION, "tool": f"iolint {__version__}", "key": key_id, "entries": entries}
    with atomic.replacing(path) as handle:
        handle.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return sum(e["count"] for e in entries)


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def read(path: Path, display: str) -> dict:
    """The baseline's data, checked; ConfigError says what is wrong, naming the entry."""
    try:
        with loaders.open_regular(path) as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read the baseline {display}: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise ConfigError(f"the baseline {display} is over {MAX_BYTES:,} bytes")
    # Not `iolint baseline {display}`: it refuses to overwrite a file that is not a baseline.
    hint = (
        "(`iolint baseline iolint-baseline.json [PATHS...]` writes one; it overwrites no file that is not "
        "a baseline, so delete a damaged one first)"
    )
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ConfigError(f"{display} is not an iolint baseline: {str(exc)[:200]} {hint}") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ConfigError(f"{display} is not an iolint baseline: no list of `entries` {hint}")
    if data.get("version") not in (LEGACY, VERSION) or isinstance(data.get("version"), bool):
        raise ConfigError(
            f"{display}: baseline version {str(data.get('version'))[:20]} is not one this iolint reads (1 or 2)"
        )
    for number, entry in enumerate(data["entries"], 1):
        problem = _entry_problem(entry)
        if problem:
            raise ConfigError(f"{display}: entry {number}: {problem} {hint}")
    return data


def _entry_problem(entry) -> str | None:
    if not isinstance(entry, dict):
        return "is not an object with code, file, field, fingerprint and count"
    for name in ("code", "file", "fingerprint"):
        if not isinstance(entry.get(name), str):
            return f"`{name}` must be text"
    if not isinstance(entry.get("field"), str | None):
        return "`field` must be text or null"
    count = entry.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        return f"`count` must be a whole number from 1, not {str(count)[:40]}"
    return None


def is_baseline(path: Path) -> bool:
    try:
        data = read(path, path.name)
    except ConfigError:
        return False
    return str(data.get("tool", "")).startswith("iolint")


class Baseline:
    def __init__(self, path: Path, display: str, key_id: str | None = None):
        self.display = display
        data = read(path, display)
        self.legacy = data["version"] == LEGACY
        if not self.legacy and data.get("key") != key_id:
            raise ConfigError(_wrong_secret(display, data.get("key"), key_id))
        self.remaining = Counter()
        for e in data["entries"]:
            self.remaining[self._key((e["code"], e["file"], e.get("field") or "", e["fingerprint"]))] += e.get(
                "count", 1
            )
        self.checked: set[str] = set()
        self.hidden = 0

    def _key(self, k: tuple) -> tuple:
        """A version 1 baseline's fingerprints are not this iolint's: it matches without them."""
        return (*k[:3], "") if self.legacy else k

    def filter(self, rel: str, findings: Iterable[Finding]) -> Iterator[Finding]:
        """The findings of the file at ``rel`` that the baseline does not accept."""
        self.checked.add(rel)
        for finding in findings:
            k = self._key(key(finding, rel))
            if self.remaining[k] > 0:
                self.remaining[k] -= 1
                self.hidden += 1
            else:
                yield finding

    def stale(self) -> Iterator[tuple]:
        """Entries of the checked files whose findings are gone, as (kind, message, file, line, field)."""
        for (code, file, field, _), n in sorted(self.remaining.items()):
            if n > 0 and file in self.checked:
                where = f" [{field}]" if field else ""
                message = (
                    f"{n} accepted {code} finding{'s' if n > 1 else ''} in {file}{where} no longer "
                    f"occur{'' if n > 1 else 's'}: rewrite the baseline with `iolint baseline {self.display}`"
                )
                yield Kind.STALE_BASELINE, message, self.display, None, field or None


def _wrong_secret(display: str, written: object, ours: str | None) -> str:
    how = (
        f"set {secret.ENV} to the secret in {secret.FOLDER}/key of the project where it was written "
        "(see docs/security.md)"
    )
    if ours is None:
        return f"{display} was written with the project's secret (key {written}), which this run does not have: {how}"
    return f"{display} was written with another secret (key {written}; this run's is {ours}): {how}"
