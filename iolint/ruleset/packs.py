"""Reading rule packs: YAML, validated by ``iolint.ruleset.schema``, into ``Rule``s.

Built-in packs live in the top-level ``rules/`` folder (shipped inside the wheel as
``iolint/rules``); an ente's packs (``rule-packs`` in the config) use the same format, and each of
their rules needs a data ``check:`` and a bad and a good example.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from types import MappingProxyType

import yaml
from pydantic import ValidationError

from iolint import loaders
from iolint.ruleset.rule import PLANS, Rule, RulesetError
from iolint.ruleset.schema import PackSpec, RuleSpec

# libyaml's loader when PyYAML has it: the catalogue is parsed on every start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FIELDS = ("code", "name", "severity", "summary", "what", "why", "fix")
_CHECK_TYPES = ("pattern", "forbidden-words", "required-field", "length")


def builtin_dir() -> Path:
    here = Path(__file__).resolve().parent.parent
    packaged = here / "rules"
    if packaged.is_dir():
        return packaged
    return here.parent / "rules"  # a source checkout or an editable install


def _fail(source: str, message: str) -> RulesetError:
    return RulesetError(f"{source}: {message}")


def _located(loc: tuple) -> list:
    """An error's path, without the name of the ``check`` type pydantic puts in it."""
    loc = list(loc)
    if loc[:1] == ["check"] and len(loc) > 1 and loc[1] in _CHECK_TYPES:
        del loc[1]
    return loc


def _explain(exc: ValidationError, label: str) -> str:
    """pydantic's errors in a pack author's words: what is missing, unknown or wrong, and where."""
    missing = [str(e["loc"][0]) for e in exc.errors() if e["type"] == "missing" and len(e["loc"]) == 1]
    empty = [str(e["loc"][0]) for e in exc.errors() if e["type"] == "string_too_short" and len(e["loc"]) == 1]
    if missing or empty:
        return f"{label} lacks {', '.join(k for k in _FIELDS if k in missing + empty) or ', '.join(missing + empty)}"
    unknown = [str(e["loc"][-1]) for e in exc.errors() if e["type"] == "extra_forbidden"]
    if unknown:
        where = ".".join(str(p) for p in _located(exc.errors()[0]["loc"][:-1]))
        return f"{label} has unknown keys{' in `' + where + '`' if where else ''}: {', '.join(sorted(unknown))}"
    err = exc.errors()[0]
    where = ".".join(str(p) for p in _located(err["loc"]))
    reason = err["msg"].removeprefix("Value error, ")
    if err["type"] == "string_pattern_mismatch" and err["loc"] == ("code",):
        reason = "a code is letters then 3 digits, such as IO101 or ENTE001"
    elif err["type"] == "string_pattern_mismatch" and err["loc"] == ("name",):
        reason = "a name is kebab-case, such as `subject-too-long`"
    elif err["loc"][:1] == ("check",) and err["type"] == "union_tag_invalid":
        reason = "`check.type` must be one of pattern, forbidden-words, required-field, length"
    return f"{label}: `{where}`: {reason}" if where else f"{label}: {reason}"


def parse_pack(text: str, source: str, *, builtin: bool) -> list[Rule]:
    try:
        doc = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise _fail(source, f"invalid YAML: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
        raise _fail(source, "a rule pack is a mapping with a `rules:` list")
    try:
        pack = PackSpec.model_validate(doc)
    except ValidationError as exc:
        unknown = sorted(str(e["loc"][0]) for e in exc.errors() if e["type"] == "extra_forbidden")
        raise _fail(source, f"unknown top-level keys: {', '.join(unknown)}" if unknown else str(exc)) from None
    family = pack.family or Path(source).stem
    return [_rule(entry, family, source, builtin) for entry in pack.rules]


def _rule(entry: object, family: str, source: str, builtin: bool) -> Rule:
    if not isinstance(entry, dict):
        raise _fail(source, "each rule is a mapping")
    label = f"rule {entry.get('code', '?')}"
    try:
        spec = RuleSpec.model_validate(entry)
    except ValidationError as exc:
        raise _fail(source, _explain(exc, label)) from None
    if builtin and spec.applies_to is None:
        raise _fail(source, f"{label}: say what it applies to (`applies_to`: payload, template, batch or file)")
    if not builtin and spec.check is None:
        raise _fail(
            source, f"{label}: a rule of your own needs a `check:` (pattern, forbidden-words, required-field or length)"
        )
    if spec.check is not None and not {"payload"} <= set(spec.applies_to or ["payload"]) <= {"payload", "template"}:
        raise _fail(
            source,
            f"{label}: a `check:` runs on payloads (and templates): `applies_to` is [payload] or [payload, template]",
        )
    if not builtin and not (spec.examples.bad and spec.examples.good):
        raise _fail(source, f"{label}: give at least one bad and one good example")
    return Rule(
        code=spec.code,
        name=spec.name,
        severity=spec.severity,
        family=family,
        summary=spec.summary,
        what=spec.what,
        why=spec.why,
        fix=spec.fix,
        applies_to=frozenset(spec.applies_to or ["payload"]),
        plans=tuple(spec.plans or PLANS),
        aliases=tuple(spec.aliases),
        examples=entry.get("examples") or {},  # as written: a payload's nulls are part of it
        check=spec.check,
        options=MappingProxyType(dict(spec.options)),
        pack="builtin" if builtin else source,
    )


@cache
def builtin_rules() -> tuple[Rule, ...]:
    rules = []
    for path in sorted(builtin_dir().glob("*.yaml")):
        rules.extend(parse_pack(path.read_text("utf-8"), path.name, builtin=True))
    return tuple(sorted(rules, key=lambda r: r.code))


def load_pack(path: Path) -> list[Rule]:
    text = loaders.read_text(path)
    if isinstance(text, loaders.Problem):
        raise _fail(str(path), f"cannot read the rule pack: {loaders.reason(text)}")
    return parse_pack(text, str(path), builtin=False)


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
