"""Every documented example runs: bad ones fire their rule, good ones stay quiet."""

import pytest

from iolint.ruleset import builtin_rules
from tests.examples import run_example

CASES = [
    pytest.param(rule, kind, i, example, id=f"{rule.code}-{kind}-{i}")
    for rule in builtin_rules()
    for kind in ("bad", "good")
    for i, example in enumerate(rule.examples.get(kind, []))
]


@pytest.mark.parametrize(("rule", "kind", "index", "example"), CASES)
def test_example(rule, kind, index, example, tmp_path):
    findings = [f for f in run_example(rule, example, tmp_path) if f.code == rule.code]
    if kind == "bad":
        assert findings, f"{rule.code} did not fire on its bad example {index}"
        assert all(f.name == rule.name for f in findings)
    else:
        assert not findings, f"{rule.code} fired on its good example {index}: {findings}"
