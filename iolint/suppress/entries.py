"""Suppressions that are no comment: ``[[tool.iolint.suppress]]`` entries of the config and the
sidecar ``iolint-suppressions.yaml``, matched by file glob, rule and field (see ``iolint.suppress``)."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from iolint.finding import Finding
from iolint.paths import display
from iolint.suppress.common import Kind, expired, resolve

SIDECAR = "iolint-suppressions.yaml"


@dataclass
class Entry:
    pattern: str
    token: str
    field: str | None
    source: str  # where the entry is written (display path)
    line: int | None = None
    where: str | None = None  # its key path in a config file
    code: str | None = None
    matched: bool = False  # a checked file matched the pattern
    used: int = 0

    def covers(self, finding: Finding) -> bool:
        if finding.code != self.code:
            return False
        if self.field and not (
            finding.field == self.field or (finding.field or "").startswith((self.field + ".", self.field + "["))
        ):
            return False
        return True

    def matches_file(self, rel: str) -> bool:
        return fnmatch.fnmatch(rel, self.pattern) or (
            "/" not in self.pattern and fnmatch.fnmatch(Path(rel).name, self.pattern)
        )


class Entries:
    """The suppressions of the config and of the sidecar file, with how often each was used."""

    def __init__(self, config, day: date):
        self.day = day
        self.entries: list[Entry] = []
        self.problems: list[tuple] = []  # (kind, message, source, line)
        prefix = "tool.iolint." if config.source and config.source.name == "pyproject.toml" else ""
        source = display(config.source) if config.source else "pyproject.toml"
        for i, s in enumerate(config.suppress):
            entry = Entry(s.file, s.code, s.field, source, where=f"{prefix}suppress[{i}]")
            late = expired(s.until, self.day)
            if late:
                self.problems.append((Kind.EXPIRED, late, entry, None))
            else:
                self.entries.append(entry)
        sidecar = config.root / SIDECAR
        if sidecar.is_file():
            self._read_sidecar(sidecar, display(sidecar))
        self._resolved = False

    def _read_sidecar(self, path: Path, source: str) -> None:
        import yaml

        from iolint import loaders, yamlreader

        text = loaders.read_text(path)
        if isinstance(text, loaders.Problem):
            self.problems.append(
                (Kind.INVALID, f"cannot read the suppressions: {text.message}", source, text.line or 1)
            )
            return
        try:
            root = yamlreader.compose(text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 1
            self.problems.append(
                (Kind.INVALID, f"cannot read the suppressions: {exc.problem or exc.context}", source, line)
            )
            return
        except (yaml.YAMLError, RecursionError, ValueError) as exc:
            self.problems.append((Kind.INVALID, f"cannot read the suppressions: {exc}", source, 1))
            return
        if root is None:
            return
        if not isinstance(root, yaml.SequenceNode):
            self.problems.append(
                (Kind.INVALID, "the file is a list of entries with file, code, field and reason", source, 1)
            )
            return
        for node in root.value:
            line = node.start_mark.line + 1
            values = {}
            if isinstance(node, yaml.MappingNode):
                values = {
                    k.value: v.value
                    for k, v in node.value
                    if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)
                }
            if not values.get("file") or not values.get("code"):
                self.problems.append((Kind.INVALID, "an entry needs `file` (a glob) and `code`", source, line))
            elif not str(values.get("reason", "")).strip():
                message = f"the entry for {values['code']} gives no reason: it suppresses nothing"
                self.problems.append((Kind.NO_REASON, message, source, line))
            else:
                self._sidecar_entry(values, source, line)

    def _sidecar_entry(self, values: dict, source: str, line: int) -> None:
        try:
            until = date.fromisoformat(values["until"]) if values.get("until") else None
        except ValueError:
            self.problems.append(
                (Kind.INVALID, f"`until: {values['until']}` is not a day written as YYYY-MM-DD", source, line)
            )
            return
        late = expired(until, self.day)
        if late:
            self.problems.append((Kind.EXPIRED, late, source, line))
        else:
            self.entries.append(Entry(values["file"], values["code"], values.get("field") or None, source, line=line))

    def resolve(self, rules) -> None:
        """Codes for the names written; an unknown one is a finding and suppresses nothing."""
        if self._resolved:
            return
        for entry in self.entries:
            entry.code = resolve(rules, entry.token)
            if entry.code is None:
                self.problems.append(
                    (Kind.UNKNOWN_RULE, f"`{entry.token}` is not a rule (see `iolint rules`)", entry, None)
                )
        self._resolved = True

    def filter(self, rel: str, findings: Iterable[Finding], rules: Callable[[], tuple]) -> Iterator[Finding]:
        """``findings`` of the file at ``rel`` (relative to the project root) that no entry covers;
        ``rules()`` gives the catalogue, loaded only when an entry concerns the file."""
        mine = [e for e in self.entries if e.matches_file(rel)]
        if not mine:
            yield from findings
            return
        self.resolve(rules())
        for e in mine:
            e.matched = True
        for finding in findings:
            entry = next((e for e in mine if e.covers(finding)), None)
            if entry is None:
                yield finding
            else:
                entry.used += 1

    def leftovers(self, gate, *, unused: bool) -> Iterator[tuple]:
        """What is wrong with the entries, as (kind, message, file, line, field); unused ones only
        when ``unused`` (a run over folders)."""
        if not (self.entries or self.problems):
            return
        self.resolve(gate.rules)
        problems = list(self.problems)
        if unused:
            for e in self.entries:
                if e.code and e.matched and not e.used and e.code in gate.enabled:
                    where = f" [{e.field}]" if e.field else ""
                    problems.append(
                        (Kind.UNUSED, f"the suppression of {e.token} in {e.pattern}{where} matches no finding", e, None)
                    )
        for kind, message, source, line in problems:
            if isinstance(source, Entry):
                yield kind, message, source.source, source.line, source.where
            else:
                yield kind, message, source, line, None
