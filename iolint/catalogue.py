"""The rule catalogue: rule metadata and examples from YAML packs, bound to their checks.

Built-in packs live in the top-level ``rules/`` folder (shipped inside the wheel as
``iolint/rules``); users add packs of their own in the same format, whose rules use the generic
checks of ``iolint.datachecks``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from iolint.errors import IolintError
from iolint.finding import Severity

# libyaml's loader when PyYAML has it: the catalogue is parsed on every start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,9}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
KINDS = frozenset({"payload", "template", "batch", "file"})
PLANS = ("base", "premium")


class CatalogueError(IolintError):
    """A rule pack that cannot be used: a config error, reported with exit code 2."""


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    family: str
    summary: str
    what: str
    why: str
    fix: str
    applies_to: frozenset[str] = frozenset({"payload"})
    plans: tuple[str, ...] = PLANS
    aliases: tuple[str, ...] = ()
    examples: dict = field(default_factory=dict, compare=False, repr=False)
    check: dict | None = field(default=None, compare=False)  # generic check spec (user packs)
    pack: str = "builtin"

    def matches(self, token: str) -> bool:
        """Whether a select/ignore token (code, name, alias or code prefix) names this rule."""
        return (
            token == self.name
            or token in self.aliases
            or self.code.startswith(token.upper())
            or token.upper() == "ALL"
        )


def builtin_dir() -> Path:
    here = Path(__file__).resolve().parent
    packaged = here / "rules"
    if packaged.is_dir():
        return packaged
    return here.parent / "rules"  # a source checkout or an editable install


def _fail(source: str, message: str) -> CatalogueError:
    return CatalogueError(f"{source}: {message}")


def parse_pack(text: str, source: str, *, builtin: bool) -> list[Rule]:
    try:
        doc = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise _fail(source, f"invalid YAML: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
        raise _fail(source, "a rule pack is a mapping with a `rules:` list")
    unknown = set(doc) - {"family", "rules", "definitions"}
    if unknown:
        raise _fail(source, f"unknown top-level keys: {', '.join(sorted(unknown))}")
    family = str(doc.get("family", Path(source).stem))
    rules = []
    for entry in doc["rules"]:
        rules.append(_rule(entry, family, source, builtin))
    return rules


_REQUIRED = ("code", "name", "severity", "summary", "what", "why", "fix")
_ALLOWED = set(_REQUIRED) | {"applies_to", "plans", "aliases", "examples", "check"}


def _rule(entry: object, family: str, source: str, builtin: bool) -> Rule:
    if not isinstance(entry, dict):
        raise _fail(source, "each rule is a mapping")
    label = f"rule {entry.get('code', '?')}"
    missing = [k for k in _REQUIRED if not entry.get(k)]
    if missing:
        raise _fail(source, f"{label} lacks {', '.join(missing)}")
    unknown = set(entry) - _ALLOWED
    if unknown:
        raise _fail(source, f"{label} has unknown keys: {', '.join(sorted(unknown))}")
    code, name = str(entry["code"]), str(entry["name"])
    if not CODE_RE.match(code):
        raise _fail(source, f"{label}: a code is letters then 3 digits, such as IO101 or ENTE001")
    if not NAME_RE.match(name):
        raise _fail(source, f"{label}: a name is kebab-case, such as `subject-too-long`")
    try:
        severity = Severity.parse(str(entry["severity"]))
    except ValueError as exc:
        raise _fail(source, f"{label}: {exc}") from None
    applies = frozenset(entry.get("applies_to", ["payload"]))
    if not applies <= KINDS:
        raise _fail(source, f"{label}: applies_to takes {', '.join(sorted(KINDS))}")
    plans = tuple(entry.get("plans", PLANS))
    if not set(plans) <= set(PLANS):
        raise _fail(source, f"{label}: plans are base and premium")
    check = entry.get("check")
    if not builtin and not isinstance(check, dict):
        raise _fail(source, f"{label}: a rule of your own needs a `check:` (pattern, forbidden-words, required-field or length)")
    examples = entry.get("examples") or {}
    if not builtin and not (examples.get("bad") and examples.get("good")):
        raise _fail(source, f"{label}: give at least one bad and one good example")
    return Rule(
        code=code,
        name=name,
        severity=severity,
        family=family,
        summary=str(entry["summary"]).strip(),
        what=str(entry["what"]).strip(),
        why=str(entry["why"]).strip(),
        fix=str(entry["fix"]).strip(),
        applies_to=applies,
        plans=plans,
        aliases=tuple(entry.get("aliases", ())),
        examples=examples,
        check=check,
        pack="builtin" if builtin else source,
    )


@cache
def builtin_rules() -> tuple[Rule, ...]:
    rules = []
    for path in sorted(builtin_dir().glob("*.yaml")):
        rules.extend(parse_pack(path.read_text("utf-8"), path.name, builtin=True))
    return tuple(sorted(rules, key=lambda r: r.code))


def load_pack(path: Path) -> list[Rule]:
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise _fail(str(path), f"cannot read the rule pack: {exc.strerror or exc}") from None
    rules = parse_pack(text, str(path), builtin=False)
    from iolint.datachecks import validate_spec  # not at the top: cached runs load no checks

    for rule in rules:
        problem = validate_spec(rule.check)
        if problem:
            raise _fail(str(path), f"rule {rule.code}: {problem}")
    return rules


def all_rules(packs: tuple[Path, ...] = ()) -> tuple[Rule, ...]:
    rules = list(builtin_rules())
    taken = {r.code for r in rules} | {r.name for r in rules}
    for path in packs:
        for rule in load_pack(path):
            if rule.code in taken or rule.name in taken:
                raise _fail(str(path), f"rule {rule.code} ({rule.name}) reuses a code or name already taken")
            taken |= {rule.code, rule.name}
            rules.append(rule)
    return tuple(rules)


def unknown_selectors(rules: tuple[Rule, ...], tokens) -> list[str]:
    """What is wrong with each select/ignore token that names no rule, with a "did you mean"."""
    import difflib

    names = [r.name for r in rules] + [r.code for r in rules]
    out = []
    for token in dict.fromkeys(tokens):
        if any(r.matches(token) for r in rules):
            continue
        close = difflib.get_close_matches(token, names, n=2, cutoff=0.6)
        close += [c for c in difflib.get_close_matches(token.upper(), names, n=1, cutoff=0.6) if c not in close]
        hint = f": did you mean {' or '.join(f'`{c}`' for c in close)}?" if close else ""
        out.append(f"`{token}` is no rule code, name or code prefix{hint}")
    return out


def find(rules: tuple[Rule, ...], token: str) -> Rule | None:
    for rule in rules:
        if token.upper() == rule.code or token == rule.name or token in rule.aliases:
            return rule
    return None
