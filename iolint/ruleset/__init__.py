"""The rule catalogue: each rule's code, name, severity, docs, examples and options, read from
YAML packs (``packs``) validated by pydantic models (``schema``). What implements each rule is
``iolint.registry``'s; ``iolint.registry.bind`` pairs the two."""

from iolint.ruleset.packs import all_rules, builtin_dir, builtin_rules, load_pack, parse_pack
from iolint.ruleset.rule import Rule, RulesetError
from iolint.ruleset.select import find, options_error, rule_options, unknown_selectors

__all__ = [
    "Rule", "RulesetError", "all_rules", "builtin_dir", "builtin_rules", "load_pack", "parse_pack", "find",
    "options_error", "rule_options", "unknown_selectors",
]  # fmt: skip
