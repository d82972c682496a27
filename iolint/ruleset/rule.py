"""A rule of the catalogue, as the rest of iolint sees it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from iolint.errors import IolintError
from iolint.finding import Severity
from iolint.ruleset.schema import OptionSpec

PLANS = ("base", "premium")


class RulesetError(IolintError):
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
    check: object | None = field(default=None, compare=False)  # a data check (iolint.datachecks)
    options: Mapping[str, OptionSpec] = field(default_factory=lambda: MappingProxyType({}), compare=False, repr=False)
    pack: str = "builtin"

    def matches(self, token: str) -> bool:
        """Whether a select/ignore token (code, name, alias, code prefix or family) names this rule.
        An empty token names none (as a code prefix it would name every rule: `ignore = [""]`)."""
        return bool(token.strip()) and (
            token == self.name
            or token in self.aliases
            or self.code.startswith(token.upper())
            or token.lower() == self.family
            or token.upper() == "ALL"
        )

    def defaults(self) -> dict:
        """The rule's options at their default values."""
        return {name: option.default for name, option in self.options.items()}
