"""The catalogue's own invariants: every rule documented, exemplified, bound to a check."""

import re
import subprocess
import sys

from iolint import docs, registry
from iolint.catalogue import builtin_rules
from tests.conftest import ROOT

INPUT_CODES = {"IO001", "IO002", "IO003", "IO004"}
# IO727 names the rules that did not run in this run's selection: iolint.templates.lint makes it.
TEMPLATE_FILE_CODES = {"IO727"}


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


def test_every_rule_is_bound_to_a_check():
    bound = set(registry.load())
    codes = {r.code for r in builtin_rules()}
    # IO9xx are about suppressions and the baseline themselves: iolint.suppress and .baseline
    unbound = {c for c in codes - bound - INPUT_CODES - TEMPLATE_FILE_CODES if not c.startswith("IO9")}
    assert not unbound, f"rules without a check: {sorted(unbound)}"
    assert not (bound - codes), f"checks without a rule: {sorted(bound - codes)}"


def test_readme_rules_table_is_current():
    readme = (ROOT / "README.md").read_text("utf-8")
    table = docs.rules_table(builtin_rules())
    assert table in readme, "README rules table is stale: run `python -m iolint rules --format markdown` and paste it"


def test_explain_prints_docs_and_examples():
    out = subprocess.run(
        [sys.executable, "-m", "iolint", "explain", "notice-number-check-digits"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert out.startswith("IO205 notice-number-check-digits (error)")
    for heading in ("What it checks", "Why it matters", "How to fix it", "Bad example", "Good example"):
        assert heading in out
