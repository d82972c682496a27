"""Naming rules from the outside: select/ignore tokens, suppressions, and rule options in the
configuration, each checked against the catalogue, with a "did you mean" for what names nothing."""

from __future__ import annotations

import difflib
from types import MappingProxyType

from iolint.ruleset.rule import Rule
from iolint.ruleset.schema import value_problem

_DIGIT_LOOKALIKES = str.maketrans("OILS", "0115")


def _close(word: str, candidates: list[str]) -> str:
    # A code typed with a letter for a digit ("IO2O5", "io1l0") is the code it reads as, first.
    upper = word.upper()
    read = upper[:2] + upper[2:].translate(_DIGIT_LOOKALIKES) if upper.startswith("IO") else None
    close = [read] if read in candidates and read != word else []
    close += [c for c in difflib.get_close_matches(word, candidates, n=2, cutoff=0.6) if c not in close][
        : 2 - len(close)
    ]
    close += [c for c in difflib.get_close_matches(word.upper(), candidates, n=1, cutoff=0.6) if c not in close]
    return f": did you mean {' or '.join(f'`{c}`' for c in close)}?" if close else ""


def unknown_selectors(rules: tuple[Rule, ...], tokens) -> list[str]:
    """What is wrong with each select/ignore token that names no rule, with a "did you mean"."""
    names = [r.name for r in rules] + [r.code for r in rules] + sorted({r.family for r in rules})
    out = []
    for token in dict.fromkeys(tokens):
        if not token.strip():
            out.append("an empty selector names no rule")
        elif not any(r.matches(token) for r in rules):
            out.append(f"`{token}` is no rule code, name, code prefix or family{_close(token, names)}")
    return out


def find(rules: tuple[Rule, ...], token: str) -> Rule | None:
    for rule in rules:
        if token.upper() == rule.code or token == rule.name or token in rule.aliases:
            return rule
    return None


def options_error(problems: list[str]) -> str:
    return "invalid rule options (see `iolint explain RULE`):\n  " + "\n  ".join(problems)


def rule_options(rules: tuple[Rule, ...], configured: dict) -> tuple[dict, list[str]]:
    """Every rule's options ({code: read-only {name: value}}, defaults filled in) from the
    configuration's ``[tool.iolint.rules.RULE]`` tables, and what is wrong with those tables: a
    rule that does not exist or takes no options, an option it does not have, a value of the
    wrong type or out of bounds."""
    problems = []
    given: dict[str, dict] = {}
    for token, values in configured.items():
        rule = find(rules, token)
        if rule is None:
            names = [r.code for r in rules if r.options] + [r.name for r in rules if r.options]
            problems.append(f"[rules.{token}]: no such rule{_close(token, names)}")
            continue
        if not rule.options:
            problems.append(f"[rules.{token}]: {rule.code} ({rule.name}) takes no options")
            continue
        for name, value in values.items():
            option = rule.options.get(name)
            if option is None:
                problems.append(
                    f"[rules.{token}] {name}: {rule.code} has no such option{_close(name, list(rule.options))}"
                )
                continue
            problem = value_problem(option, value)
            if problem:
                problems.append(f"[rules.{token}] {name}: {problem}")
            given.setdefault(rule.code, {})[name] = value
    options = {r.code: MappingProxyType({**r.defaults(), **given.get(r.code, {})}) for r in rules if r.options}
    return options, problems
