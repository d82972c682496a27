"""Every documented example runs: bad ones fire their rule where their ``expect`` says, good ones
stay quiet."""

import pytest

from iolint import ruleset
from iolint.ruleset import builtin_rules
from tests.examples import run_example, unmet

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
        problem = unmet(findings, example.get("expect"))
        assert problem is None, f"{rule.code} bad example {index}: {problem}"
    else:
        assert not findings, f"{rule.code} fired on its good example {index}: {findings}"


def test_expect_is_checked_against_the_findings():
    from iolint.finding import Finding, Severity

    found = [
        Finding("IO1", "a", Severity.ERROR, "m", line=3, column=5, field="subject"),
        Finding("IO1", "a", Severity.ERROR, "m", line=4),
    ]
    assert unmet(found, None) is None
    assert unmet(found, {"field": "subject", "line": 3, "column": 5, "count": 2}) is None
    assert unmet(found, {"line": 4}) is None
    assert "expected 1 findings, got 2" in unmet(found, {"count": 1})
    assert "no finding points at {'field': 'subject', 'line': 4}" in unmet(found, {"field": "subject", "line": 4})


def _pack(bad: str, good: str = "{payload: {}}") -> str:
    return (
        "rules:\n  - {code: ENTE009, name: mine, severity: error, summary: s, what: w, why: y, fix: f,"
        f" check: {{type: length, field: x, max: 1}}, examples: {{bad: [{bad}], good: [{good}]}}}}\n"
    )


@pytest.mark.parametrize(
    ("pack", "expected"),
    [
        (_pack("{payload: {}, expect: {line: 2}}"), "a payload example has no lines"),
        (_pack("{template: 'x', expect: {column: 2}}"), "`expect.column` needs `expect.line`"),
        (_pack("{template: 'x', expect: {line: 0}}"), "greater than or equal to 1"),
        (_pack("{payload: {}, expect: {}}"), "gives at least one of field, line or count"),
        (_pack("{payload: {}, expect: {field: x, where: y}}"), "unknown keys in `examples.bad.0.expect`: where"),
        (_pack("{payload: {}}", "{payload: {}, expect: {count: 1}}"), "a good example has none"),
    ],
)
def test_expect_is_validated(pack, expected):
    with pytest.raises(ruleset.RulesetError) as caught:
        ruleset.parse_pack(pack, "pack.yaml", builtin=False)
    assert expected in str(caught.value)
