"""Findings as plain data."""

from __future__ import annotations

from dataclasses import asdict

from hypothesis import given
from hypothesis import strategies as st

from iolint.finding import Finding, Severity

_TEXT = st.none() | st.text(max_size=20)
_NUMBER = st.none() | st.integers(min_value=1)


_FINDINGS = st.builds(
    Finding, st.text(), st.text(), st.sampled_from(Severity), st.text(), _TEXT, _NUMBER, _NUMBER, _TEXT, _TEXT, _TEXT
)


@given(_FINDINGS)
def test_to_dict_is_asdict_with_the_severity_named(finding):
    expected = asdict(finding) | {"severity": str(finding.severity)}
    assert finding.to_dict() == expected and list(finding.to_dict()) == list(expected)
