"""Rule documentation: ``iolint explain``, ``iolint rules --format json|markdown``, the README's rules table
(written into it by ``iolint docs --write``, see ``iolint.docgen``)."""

from __future__ import annotations

import json

from iolint.ruleset import Rule


def listing(rules: list[Rule], fmt: str = "text") -> str:
    """``iolint rules``: the catalogue as ``text`` (a line a rule), ``json`` or a ``markdown`` table."""
    if fmt == "json":
        return json.dumps([rule_dict(r) for r in rules], ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return rules_table(rules)
    return "".join(f"{r.code}  {r.name:<42} {str(r.severity):<8} {r.family:<12} {r.summary}\n" for r in rules)


def rule_dict(rule: Rule) -> dict:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": str(rule.severity),
        "family": rule.family,
        "summary": rule.summary,
        "what": rule.what,
        "why": rule.why,
        "fix": rule.fix,
        "applies_to": sorted(rule.applies_to),
        "plans": list(rule.plans),
        "aliases": list(rule.aliases),
        "options": {name: option.model_dump(exclude_none=True) for name, option in rule.options.items()},
    }


def rules_table(rules) -> str:
    lines = ["| code | name | severity | family | what it catches |", "| --- | --- | --- | --- | --- |"]
    for rule in rules:
        plans = "" if set(rule.plans) == {"base", "premium"} else f" *({'/'.join(rule.plans)} plan)*"
        summary = rule.summary.replace("|", "\\|")
        lines.append(f"| {rule.code} | `{rule.name}` | {rule.severity} | {rule.family} | {summary}{plans} |")
    lines.append("")
    return "\n".join(lines)


def _expected(expect: dict | None) -> str | None:
    """A bad example's ``expect:`` in words: where its finding points, how many there are."""
    if not expect:
        return None
    where = [expect.get("field")] + [f"{k} {expect[k]}" for k in ("line", "column") if k in expect]
    count = expect.get("count")
    found = f"{count} finding{'s' if count != 1 else ''}" if count else "a finding"
    at = ", ".join(filter(None, where))
    return f"{found} at {at}" if at else found


def _example(example: dict) -> str:
    settings = [f"{k}: {example[k]}" for k in ("plan", "now", "features") if k in example]
    notes = [example.get("note"), ", ".join(settings), _expected(example.get("expect"))]
    head = "".join(f"# {line}\n" for line in filter(None, notes))
    if "payload" in example:
        body = json.dumps(example["payload"], ensure_ascii=False, indent=2)
    elif "batch" in example:
        body = "\n".join(json.dumps(p, ensure_ascii=False) for p in example["batch"])
    elif "project" in example:
        body = "\n".join(f"({name})\n{text.rstrip()}" for name, text in example["project"].items())
    elif "file" in example:
        body = f"({example['file']['name']})\n{example['file'].get('text', '<binary content>')}"
    else:
        body = str(example.get("template", ""))
    return head + body.rstrip() + "\n"


def explain(rule: Rule) -> str:
    parts = [
        f"{rule.code} {rule.name} ({rule.severity})",
        "",
        rule.summary,
        "",
        "What it checks",
        _indent(rule.what),
        "Why it matters",
        _indent(rule.why),
        "How to fix it",
        _indent(rule.fix),
    ]
    if set(rule.plans) != {"base", "premium"}:
        parts += [f"Applies on the {' and '.join(rule.plans)} plan only.", ""]
    if rule.options:
        parts += [f"Options ([tool.iolint.rules.{rule.code}])"]
        for name, option in rule.options.items():
            parts.append(
                _indent(f"{name} ({option.type}, default {json.dumps(option.default)}): {option.doc}").rstrip("\n")
            )
        parts.append("")
    for label, key in (("Bad", "bad"), ("Good", "good")):
        for example in rule.examples.get(key, []):
            parts += [f"{label} example", _indent(_example(example))]
    return "\n".join(parts).rstrip() + "\n"


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" if line.strip() else "\n" for line in text.strip().splitlines())
