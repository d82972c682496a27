"""Inline directives: ``# iolint: ignore[CODES] reason="..."`` in a YAML comment, or a Jinja
comment in a template (see ``iolint.suppress``)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from iolint.finding import Finding
from iolint.suppress.common import Kind, expired, resolve

_DIRECTIVE = re.compile(r"\{#-?\s*iolint\s*:(.*?)-?#\}")
# A YAML comment holding a directive, bare or as a Jinja comment.
_COMMENT = re.compile(r"#\s*(?:\{#-?\s*)?iolint\s*:(.*?)(?:-?#\})?\s*$")
_FORM = re.compile(r"""\s*(?P<verb>ignore|ignore-file)\s*\[(?P<codes>[^\]]*)\](?P<options>.*)$""")
_OPTION = re.compile(r"""\s*(?P<key>\w+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"']+))""")


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


def apply_inline(gate, text: str, findings: Iterable[Finding], file: str, kind: str | None = None) -> Iterator[Finding]:
    """The findings no directive of ``text`` covers, then what is wrong with the directives, as
    ``gate`` (``iolint.gate.Gate``) reports it.

    ``kind`` ("template", "yaml"; by default from ``file``'s name) says where directives count;
    a JSON file has none."""
    kind = kind or kind_of(file)
    if kind is None:
        yield from findings
        return
    directives, problems = [], []
    for number, body in _found(text, kind):
        directive = _parse(gate, body, number, problems)
        if directive:
            directives.append(directive)
    for finding in findings:
        covering = [d for d in directives if d.covers(finding)]
        for d in covering:
            d.used.add(finding.code)
        if not covering:
            yield finding
    ignored = gate.ignored_for(file)
    for d in directives:
        for code, token in d.codes.items():
            if code not in d.used and code in gate.enabled and code not in ignored:
                where = "this file" if d.whole_file else "this line or the next"
                problems.append((Kind.UNUSED, f"`{token}` is suppressed but reports nothing on {where}", d.line))
    for trouble, message, line in problems:
        found = gate.report(trouble, message, file=file, line=line)
        if found:
            yield found


def _parse(gate, body: str, line: int, problems: list) -> Directive | None:
    form = _FORM.match(body)
    tokens = [t.strip() for t in form.group("codes").split(",") if t.strip()] if form else []
    options = _options(form.group("options")) if form else None
    if not tokens or options is None or set(options) - {"reason", "until"}:
        problems.append(
            (Kind.INVALID, 'not a directive iolint knows: write `{# iolint: ignore[CODE] reason="..." #}`', line)
        )
        return None
    if not options.get("reason", "").strip():
        written = f"iolint: {form.group('verb')}[{', '.join(tokens)}]"
        problems.append((Kind.NO_REASON, f'`{written}` gives no reason="...": it suppresses nothing', line))
        return None
    if "until" in options:
        try:
            until = date.fromisoformat(options["until"])
        except ValueError:
            problems.append((Kind.INVALID, f"`until={options['until']}` is not a day written as YYYY-MM-DD", line))
            return None
        late = expired(until, gate.day)
        if late:
            problems.append((Kind.EXPIRED, late, line))
            return None
    codes = {}
    for token in tokens:
        code = resolve(gate.rules, token)
        if code is None:
            problems.append((Kind.UNKNOWN_RULE, f"`{token}` is not a rule (see `iolint rules`)", line))
        else:
            codes[code] = token
    return Directive(line, form.group("verb") == "ignore-file", codes)
