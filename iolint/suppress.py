"""Suppressions: accepted findings that must carry a reason and never depend on line numbers.

Inline, only where the text never reaches the citizen: in a YAML file (payload or template), a
YAML comment ``# iolint: ignore[IO501,personal-data-in-title] reason="..."`` (or
``# {# iolint: ... #}``); in a template, also a Jinja comment ``{# iolint: ... #}``, which
renders to nothing. It covers its own line and the next; ``ignore-file[CODES]`` the whole file.
A directive written inside a payload's text (its markdown) is text the citizen reads: it
suppresses nothing, and IO907 reports it. JSON payloads cannot hold comments: for them,
``[[tool.iolint.suppress]]`` entries and the sidecar ``iolint-suppressions.yaml`` (a list of the
same entries), matched by file glob, rule and field path. Any of them may say
``until=YYYY-MM-DD``: after that day (in Rome) it suppresses nothing. What is wrong with a
suppression is itself a finding (IO901-IO904, IO906).
"""

from __future__ import annotations

import bisect
import fnmatch
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from iolint.finding import Finding, Hit

SIDECAR = "iolint-suppressions.yaml"
ROME = ZoneInfo("Europe/Rome")
NO_REASON, UNKNOWN_RULE, UNUSED, INVALID, EXPIRED = "IO901", "IO902", "IO903", "IO904", "IO906"
CODES = frozenset({NO_REASON, UNKNOWN_RULE, UNUSED, INVALID, "IO905", EXPIRED})

_DIRECTIVE = re.compile(r"\{#-?\s*iolint\s*:(.*?)-?#\}")
# A YAML comment holding a directive, bare or as a Jinja comment.
_COMMENT = re.compile(r"#\s*(?:\{#-?\s*)?iolint\s*:(.*?)(?:-?#\})?\s*$")
_FORM = re.compile(r"""\s*(?P<verb>ignore|ignore-file)\s*\[(?P<codes>[^\]]*)\](?P<options>.*)$""")
_OPTION = re.compile(r"""\s*(?P<key>\w+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"']+))""")


def today(now: datetime | None = None) -> date:
    """The day suppressions expire by: ``now`` (--now or the config's) or today, in Rome."""
    return (now or datetime.now(UTC)).astimezone(ROME).date()


def expired(until: date | None, day: date) -> str | None:
    """The message for a suppression past its ``until`` day, or None."""
    if until is not None and day > until:
        return f"this suppression expired on {until:%d/%m/%Y}: fix the finding, or renew it with a new reason"
    return None


def _options(text: str) -> dict[str, str] | None:
    """``reason="..." until=2026-12-31`` as a mapping; None when it does not parse."""
    options, rest = {}, text.strip()
    while rest:
        m = _OPTION.match(rest)
        if m is None or m.group("key") in options:
            return None
        options[m.group("key")] = next(v for v in m.group("dq", "sq", "bare") if v is not None)
        rest = rest[m.end() :].strip()
    return options


def make(linter, code: str, message: str, file: str, *, line=None, field=None) -> Finding | None:
    """A finding of one of the suppression rules, unless the configuration switched it off."""
    rule = linter.by_code.get(code)
    if rule is None or code not in linter.enabled or code in linter.ignored_for(file):
        return None
    return linter.finding(rule, Hit(field, message), file=file, line=line)


def _resolve(rules, token: str) -> str | None:
    from iolint.catalogue import find

    rule = find(rules, token)
    return rule.code if rule else None


# -- inline directives --------------------------------------------------------------------------


@dataclass
class Directive:
    line: int
    whole_file: bool
    codes: dict[str, str]  # code -> the token written
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        if finding.code not in self.codes:
            return False
        return self.whole_file or finding.line in (self.line, self.line + 1)


def kind_of(name: str) -> str | None:
    """Where a file of this name may hold directives: "template", "yaml", or None (JSON)."""
    lower = name.lower()
    if lower.endswith((".io.yaml", ".io.yml")):
        return "template"
    return "yaml" if lower.endswith((".yaml", ".yml")) else None


def _scalar_spans(text: str) -> list[tuple[int, int]] | None:
    """(start, end) offsets of every YAML scalar (the values, text the citizen may read), or
    None when the text does not scan as YAML."""
    import yaml

    try:
        return [
            (token.start_mark.index, token.end_mark.index)
            for token in yaml.scan(text, Loader=yaml.SafeLoader)
            if isinstance(token, yaml.ScalarToken)
        ]
    except yaml.YAMLError:
        return None


def _comments(text: str) -> Iterator[tuple[int, str]]:
    """(line number, comment from its ``#``) of the YAML comments that mention iolint."""
    spans = _scalar_spans(text)
    starts = [s for s, _ in spans] if spans else []
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        if "iolint" in line:
            for column, char in enumerate(line):
                if char != "#" or (column and not line[column - 1].isspace()):
                    continue
                if spans is None:  # not YAML: only a whole-line comment is surely one
                    if line[:column].strip():
                        break
                else:
                    i = bisect.bisect_right(starts, offset + column) - 1
                    if i >= 0 and offset + column < spans[i][1]:
                        continue  # inside a value
                yield number, line[column:].rstrip("\r\n")
                break
        offset += len(line)


def _found(text: str, kind: str) -> Iterator[tuple[int, str]]:
    """(line number, body) of every directive that counts in a file of this kind."""
    seen = set()
    for number, comment in _comments(text):
        m = _COMMENT.match(comment)
        if m:
            seen.add(number)
            yield number, m.group(1)
    if kind == "template":  # Jinja comments, wherever they are, render to nothing
        for number, line in enumerate(text.splitlines(), 1):
            if "iolint" in line and number not in seen:
                for match in _DIRECTIVE.finditer(line):
                    yield number, match.group(1)


def apply_inline(linter, text: str, findings: Iterable[Finding], file: str, kind: str | None = None) -> Iterator[Finding]:
    """The findings no directive of ``text`` covers, then what is wrong with the directives.

    ``kind`` ("template", "yaml"; by default from ``file``'s name) says where directives count;
    a JSON file has none."""
    kind = kind or kind_of(file)
    if kind is None:
        yield from findings
        return
    directives, problems = [], []
    for number, body in _found(text, kind):
        directive = _parse(linter, body, number, problems)
        if directive:
            directives.append(directive)
    for finding in findings:
        covering = [d for d in directives if d.covers(finding)]
        for d in covering:
            d.used.add(finding.code)
        if not covering:
            yield finding
    ignored = linter.ignored_for(file)
    for d in directives:
        for code, token in d.codes.items():
            if code not in d.used and code in linter.enabled and code not in ignored:
                where = "this file" if d.whole_file else "this line or the next"
                problems.append((UNUSED, f"`{token}` is suppressed but reports nothing on {where}", d.line))
    for code, message, line in problems:
        found = make(linter, code, message, file, line=line)
        if found:
            yield found


def _parse(linter, body: str, line: int, problems: list) -> Directive | None:
    form = _FORM.match(body)
    tokens = [t.strip() for t in form.group("codes").split(",") if t.strip()] if form else []
    options = _options(form.group("options")) if form else None
    if not tokens or options is None or set(options) - {"reason", "until"}:
        problems.append((INVALID, 'not a directive iolint knows: write `{# iolint: ignore[CODE] reason="..." #}`', line))
        return None
    if not options.get("reason", "").strip():
        written = f"iolint: {form.group('verb')}[{', '.join(tokens)}]"
        problems.append((NO_REASON, f'`{written}` gives no reason="...": it suppresses nothing', line))
        return None
    if "until" in options:
        try:
            until = date.fromisoformat(options["until"])
        except ValueError:
            problems.append((INVALID, f"`until={options['until']}` is not a day written as YYYY-MM-DD", line))
            return None
        late = expired(until, today(linter.context.now))
        if late:
            problems.append((EXPIRED, late, line))
            return None
    codes = {}
    for token in tokens:
        code = _resolve(linter.rules, token)
        if code is None:
            problems.append((UNKNOWN_RULE, f"`{token}` is not a rule (see `iolint rules`)", line))
        else:
            codes[code] = token
    return Directive(line, form.group("verb") == "ignore-file", codes)


# -- config and sidecar entries -----------------------------------------------------------------


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
        return fnmatch.fnmatch(rel, self.pattern) or ("/" not in self.pattern and fnmatch.fnmatch(Path(rel).name, self.pattern))


class Entries:
    """The suppressions of the config and of the sidecar file, with how often each was used."""

    def __init__(self, config, display, day: date | None = None):
        self.day = day or today()
        self.entries: list[Entry] = []
        self.problems: list[tuple] = []  # (code, message, source, line)
        prefix = "tool.iolint." if config.source and config.source.name == "pyproject.toml" else ""
        source = display(config.source) if config.source else "pyproject.toml"
        for i, s in enumerate(config.suppress):
            entry = Entry(s.file, s.code, s.field, source, where=f"{prefix}suppress[{i}]")
            late = expired(s.until, self.day)
            if late:
                self.problems.append((EXPIRED, late, entry, None))
            else:
                self.entries.append(entry)
        sidecar = config.root / SIDECAR
        if sidecar.is_file():
            self._read_sidecar(sidecar, display(sidecar))
        self._resolved = False

    def _read_sidecar(self, path: Path, source: str) -> None:
        import yaml

        from iolint import loaders

        text = loaders.read_text(path)
        if isinstance(text, loaders.Problem):
            self.problems.append((INVALID, f"cannot read the suppressions: {text.message}", source, text.line or 1))
            return
        try:
            root = loaders.compose(text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 1
            self.problems.append((INVALID, f"cannot read the suppressions: {exc.problem or exc.context}", source, line))
            return
        except (yaml.YAMLError, RecursionError, ValueError) as exc:
            self.problems.append((INVALID, f"cannot read the suppressions: {exc}", source, 1))
            return
        if root is None:
            return
        if not isinstance(root, yaml.SequenceNode):
            self.problems.append((INVALID, "the file is a list of entries with file, code, field and reason", source, 1))
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
                self.problems.append((INVALID, "an entry needs `file` (a glob) and `code`", source, line))
            elif not str(values.get("reason", "")).strip():
                message = f"the entry for {values['code']} gives no reason: it suppresses nothing"
                self.problems.append((NO_REASON, message, source, line))
            else:
                self._sidecar_entry(values, source, line)

    def _sidecar_entry(self, values: dict, source: str, line: int) -> None:
        try:
            until = date.fromisoformat(values["until"]) if values.get("until") else None
        except ValueError:
            self.problems.append((INVALID, f"`until: {values['until']}` is not a day written as YYYY-MM-DD", source, line))
            return
        late = expired(until, self.day)
        if late:
            self.problems.append((EXPIRED, late, source, line))
        else:
            self.entries.append(Entry(values["file"], values["code"], values.get("field") or None, source, line=line))

    def resolve(self, rules) -> None:
        """Codes for the names written; an unknown one is a finding and suppresses nothing."""
        if self._resolved:
            return
        for entry in self.entries:
            entry.code = _resolve(rules, entry.token)
            if entry.code is None:
                self.problems.append((UNKNOWN_RULE, f"`{entry.token}` is not a rule (see `iolint rules`)", entry, None))
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

    def leftovers(self, linter, *, unused: bool) -> Iterator[Finding]:
        """What is wrong with the entries; unused ones only when ``unused`` (a run over folders)."""
        if not (self.entries or self.problems):
            return
        self.resolve(linter.rules)
        problems = list(self.problems)
        if unused:
            for e in self.entries:
                if e.code and e.matched and not e.used and e.code in linter.enabled:
                    where = f" [{e.field}]" if e.field else ""
                    problems.append((UNUSED, f"the suppression of {e.token} in {e.pattern}{where} matches no finding", e, None))
        for code, message, source, line in problems:
            if isinstance(source, Entry):
                found = make(linter, code, message, source.source, line=source.line, field=source.where)
            else:
                found = make(linter, code, message, source, line=line)
            if found:
                yield found
