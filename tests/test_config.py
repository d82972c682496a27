import textwrap
from pathlib import Path

import pytest

from iolint import catalogue
from iolint.config import ConfigError, load
from iolint.engine import Linter
from iolint.finding import Severity
from tests.conftest import ROOT
from tests.examples import run_example

PACK = ROOT / "examples" / "packs" / "ente.yaml"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pyproject.toml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_reads_tool_iolint_from_pyproject_upwards(tmp_path):
    write(tmp_path, """
        [project]
        name = "sender"
        [tool.iolint]
        plan = "premium"
        ignore = ["IO120", "payment-without-due-date"]
        severity = { IO104 = "error", "deprecated-field" = "info" }
        per-file-ignores = { "legacy/*" = ["IO105"] }
        [tool.iolint.rules.IO130]
        threshold = 3
    """)
    sub = tmp_path / "messages"
    sub.mkdir()
    config = load(start=sub)
    assert config.plan == "premium"
    linter = Linter(config)
    assert "IO120" not in linter.enabled and "IO208" not in linter.enabled
    gate = linter.gate
    assert gate.severity(gate.by_code["IO104"]) is Severity.ERROR
    assert gate.severity(gate.by_code["IO105"]) is Severity.INFO
    assert "IO105" in gate.ignored_for("legacy/old.json")
    assert linter.context.option("IO130", "threshold", 10) == 3


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('[tool.iolint]\nplna = "base"\n', "plna: unknown key"),
        ('[tool.iolint]\nplan = "gold"\n', "plan"),
        ('[tool.iolint]\nfail-level = "fatal"\n', "fail-level"),
        ('[tool.iolint]\nseverity = { IO101 = "loud" }\n', "severity"),
        ('[tool.iolint]\nfeatures = ["telepathy"]\n', "features"),
        ("[tool.iolint\n", "invalid TOML"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path, body, expected):
    write(tmp_path, body)
    with pytest.raises(ConfigError, match=expected):
        load(start=tmp_path)


def test_unknown_rule_selector_is_an_error(tmp_path):
    write(tmp_path, '[tool.iolint]\nignore = ["IO999", "no-such-rule"]\n')
    with pytest.raises(ConfigError, match="`IO999` is no rule.*; `no-such-rule` is no rule"):
        Linter(load(start=tmp_path))


def test_selection_by_code_name_and_prefix():
    config = load(start=Path("/")).replace(select=["IO2", "invalid-due-date"], ignore=["IO209"])
    enabled = Linter(config).enabled
    assert "IO205" in enabled and "IO301" in enabled
    assert "IO209" not in enabled and "IO101" not in enabled


def test_bad_rule_pack_is_a_clear_error(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules:\n  - code: ENTE001\n    name: x\n    severity: error\n", encoding="utf-8")
    with pytest.raises(catalogue.CatalogueError, match="lacks summary"):
        catalogue.all_rules((pack,))
    pack.write_text(
        "rules:\n  - {code: IO101, name: mine, severity: error, summary: s, what: w, why: y, fix: f,"
        " check: {type: length, field: content.subject, max: 3},"
        " examples: {bad: [{payload: {}}], good: [{payload: {}}]}}\n",
        encoding="utf-8",
    )
    with pytest.raises(catalogue.CatalogueError, match="reuses a code"):
        catalogue.all_rules((pack,))
    pack.write_text(
        "rules:\n  - {code: ENTE009, name: mine, severity: error, summary: s, what: w, why: y, fix: f,"
        " check: {type: pattern, field: content.subject, regex: '(unclosed'},"
        " examples: {bad: [{payload: {}}], good: [{payload: {}}]}}\n",
        encoding="utf-8",
    )
    with pytest.raises(catalogue.CatalogueError, match="invalid regex"):
        catalogue.all_rules((pack,))


USER_RULES = catalogue.load_pack(PACK)


@pytest.mark.parametrize(
    ("rule", "kind", "example"),
    [
        pytest.param(rule, kind, ex, id=f"{rule.code}-{kind}-{i}")
        for rule in USER_RULES
        for kind in ("bad", "good")
        for i, ex in enumerate(rule.examples[kind])
    ],
)
def test_user_pack_examples(rule, kind, example, tmp_path):
    found = [f for f in run_example(rule, example, tmp_path, packs=[PACK]) if f.code == rule.code]
    assert bool(found) == (kind == "bad"), found


def test_pii_allow_list_and_team_recognizers_from_config(tmp_path):
    import iolint

    write(tmp_path, """
        [tool.iolint.pii]
        allow = ["Sportello Mario Rossi"]
        recognizers = ["tests.pii.team_recognizers:recognizers"]
    """)
    config = load(start=tmp_path)
    payload = {
        "fiscal_code": "RSSMRA85T10A562S",
        "content": {
            "subject": "Sportello Mario Rossi: pratica PR-123456",
            "markdown": "La tua pratica è stata registrata. Riceverai un nuovo messaggio quando sarà conclusa.",
        },
    }
    try:
        found = iolint.lint(payload, config=config, select=["IO501"]).findings
        # the team's case number is found (and masked); the allowed office, named after a person, is not
        assert [f.message for f in found] == [
            "the title holds personal data (it pratica: P*-*****6), shown on the lock screen"
        ]
    finally:
        Linter(load(start=Path("/")))  # back to iolint's own settings for the other tests
