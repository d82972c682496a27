"""The catalogue's own invariants: every rule documented, exemplified, bound to a check."""

import re
import subprocess
import sys

import pytest

from iolint import docgen, docs, registry, ruleset
from iolint.ruleset import builtin_rules
from tests.conftest import ROOT


def test_codes_and_names_are_unique_and_well_formed():
    rules = builtin_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    for rule in rules:
        assert re.fullmatch(r"IO\d{3}", rule.code)
        assert not rule.name.startswith(("no-", "disallow-")), rule.name


def test_every_rule_has_docs_and_both_examples():
    for rule in builtin_rules():
        assert rule.summary and rule.what and rule.why and rule.fix, rule.code
        assert rule.examples.get("bad") and rule.examples.get("good"), rule.code


def test_every_rule_has_exactly_one_implementation_of_its_kind():
    bound = registry.bind(builtin_rules())
    assert set(bound) == {r.code for r in builtin_rules()}
    for rule in builtin_rules():
        assert rule.applies_to in registry.APPLIES_TO[bound[rule.code].kind], rule.code


PACK = """
family: demo
rules:
  - {code: IO990, name: demo-rule, severity: error, applies_to: [payload, template], summary: s, what: w, why: y, fix: f}
"""


def _demo_rules(applies_to="[payload, template]"):
    return ruleset.parse_pack(PACK.replace("[payload, template]", applies_to), "demo.yaml", builtin=True)


def _binding(kind=registry.PAYLOAD, code="IO990", where="demo.check"):
    return {code: registry.Binding(code, kind, lambda msg, ctx: (), where)}


def test_a_rule_without_implementation_is_refused():
    with pytest.raises(registry.RegistryError, match="IO990 .* has no implementation"):
        registry.bind(_demo_rules(), {})


def test_an_implementation_without_rule_is_refused():
    with pytest.raises(registry.RegistryError, match="IO991 is implemented by demo.check but no rule has that code"):
        registry.bind(_demo_rules(), {**_binding(), **_binding(code="IO991")})


def test_a_kind_mismatch_is_refused():
    with pytest.raises(
        registry.RegistryError, match="IO990: applies_to is \\['template'\\] but demo.check is a payload check"
    ):
        registry.bind(_demo_rules("[template]"), _binding())
    with pytest.raises(registry.RegistryError, match="is a batch check"):
        registry.bind(_demo_rules(), _binding(registry.BATCH))
    assert registry.bind(_demo_rules("[payload]"), _binding())  # payloads only: allowed


def test_a_code_bound_twice_is_refused():
    registry.load()
    with pytest.raises(registry.RegistryError, match="IO205 has two implementations"):
        registry.payload_check("IO205")(lambda msg, ctx: ())


def test_readme_rules_table_is_current():
    stale = docgen.stale(ROOT / "README.md", {"rules": docs.rules_table(builtin_rules())})
    assert not stale, "README rules table is stale: run `python -m iolint docs --write`"


def test_explain_prints_docs_and_examples():
    out = subprocess.run(
        [sys.executable, "-m", "iolint", "explain", "notice-number-check-digits"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.startswith("IO205 notice-number-check-digits (error)")
    for heading in ("What it checks", "Why it matters", "How to fix it", "Bad example", "Good example"):
        assert heading in out
