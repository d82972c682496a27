"""`iolint check` end to end: discovery, selection, plans, exit codes, json output."""

import json

import pytest

GOOD = {
    "fiscal_code": "RSSMRA85T10A562S",
    "content": {
        "subject": "Il tuo appuntamento è confermato",
        "markdown": "Il tuo appuntamento allo sportello anagrafe è confermato. Ricordati di portare una fototessera recente.",
    },
}
BAD = {**GOOD, "fiscal_code": "RSSMRA85T10A562X", "feature_level_type": "ADVANCED"}


@pytest.fixture
def project(tmp_path):
    (tmp_path / "messages").mkdir()
    (tmp_path / "messages" / "good.json").write_text(json.dumps(GOOD), encoding="utf-8")
    (tmp_path / "messages" / "bad.json").write_text(json.dumps(BAD, indent=2), encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "x", "version": "1.0.0"}', encoding="utf-8")
    return tmp_path


def findings(run_cli, *args, cwd=None):
    code, out, err = run_cli("check", "--format", "json", "--ignore", "IO5", *args, cwd=cwd)
    return code, json.loads(out), err


def test_default_is_the_current_folder_and_non_messages_are_skipped(run_cli, project):
    code, found, _ = findings(run_cli, cwd=project)
    assert code == 1
    assert {(f["file"], f["code"]) for f in found} == {("messages/bad.json", "IO121"), ("messages/bad.json", "IO401")}
    for f in found:
        assert set(f) >= {"code", "name", "severity", "message", "file", "line", "column", "field"}
    assert next(f for f in found if f["code"] == "IO121")["line"] == 2


def test_plan_premium_accepts_advanced(run_cli, project):
    _, found, _ = findings(run_cli, "--plan", "premium", cwd=project)
    assert [f["code"] for f in found] == ["IO121"]


def test_select_and_ignore_by_name_and_prefix(run_cli, project):
    _, found, _ = findings(run_cli, "--select", "invalid-fiscal-code", cwd=project)
    assert [f["code"] for f in found] == ["IO121"]
    code, found, _ = findings(run_cli, "--ignore", "IO4,IO1", cwd=project)
    assert (code, found) == (0, [])


def test_config_exclude_and_fail_level(run_cli, project):
    (project / "pyproject.toml").write_text('[tool.iolint]\nextend-exclude = ["bad.json"]\n', encoding="utf-8")
    code, found, _ = findings(run_cli, cwd=project)
    assert (code, found) == (0, [])
    code, _, _ = findings(run_cli, "--fail-level", "warning", "messages/good.json", cwd=project)
    assert code == 0


def test_warnings_do_not_fail_unless_asked(run_cli, project):
    no_recipient = {"content": GOOD["content"]}
    (project / "w.json").write_text(json.dumps(no_recipient), encoding="utf-8")
    code, found, _ = findings(run_cli, "w.json", cwd=project)
    assert code == 0 and [f["code"] for f in found] == ["IO120"]
    code, _, _ = findings(run_cli, "--fail-level", "warning", "w.json", cwd=project)
    assert code == 1
    code, _, _ = findings(run_cli, "--fail-level", "warning", "--exit-zero", "w.json", cwd=project)
    assert code == 0


def test_broken_files_are_findings_and_do_not_stop_the_others(run_cli, project):
    (project / "broken.json").write_text('{"content": {"subject": }', encoding="utf-8")
    (project / "binary.json").write_bytes(b"\x00\x01\x02")
    code, found, err = findings(run_cli, "broken.json", "binary.json", "missing.json", "messages/bad.json", cwd=project)
    codes = {(f["file"], f["code"]) for f in found}
    assert ("broken.json", "IO002") in codes and ("binary.json", "IO001") in codes
    assert ("messages/bad.json", "IO121") in codes
    # A path that does not exist is a usage error (exit 2, as ruff), not a finding: a mistyped
    # path must not let a CI job pass.
    assert "missing.json: No such file or directory" in err
    assert code == 2


def test_explicit_non_message_gets_an_info_note(run_cli, project):
    code, found, _ = findings(run_cli, "package.json", cwd=project)
    assert code == 0 and [f["code"] for f in found] == ["IO004"]


def test_usage_and_config_errors_exit_2(run_cli, project):
    assert run_cli("check", "--plan", "gold", cwd=project)[0] == 2
    assert run_cli("explain", "IO999", cwd=project)[0] == 2
    (project / "pyproject.toml").write_text('[tool.iolint]\nplna = "base"\n', encoding="utf-8")
    code, _, err = run_cli("check", cwd=project)
    assert code == 2 and "plna: unknown key" in err


def test_rules_lists_the_catalogue(run_cli, project):
    code, out, _ = run_cli("rules", "--format", "json", cwd=project)
    rules = json.loads(out)
    assert code == 0 and {"IO205", "IO501"} <= {r["code"] for r in rules}


def test_python_dash_m(project, python):
    import subprocess

    proc = subprocess.run([python, "-m", "iolint", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("iolint ")


def test_payloads_without_personal_data_never_load_presidio_or_spacy(project, python):
    import subprocess

    probe = (
        "import sys; from iolint.cli import main; "
        "code = main(['check', '--no-cache', '-o', 'out.txt', 'messages/good.json']); "
        "print(code, 'spacy' in sys.modules, 'presidio_analyzer' in sys.modules)"
    )
    proc = subprocess.run([python, "-c", probe], cwd=project, capture_output=True, text=True, check=True)
    assert proc.stdout.split() == ["0", "False", "False"]


def test_the_readme_sample_output_is_what_iolint_prints(run_cli):
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    sample = readme[readme.index("$ iolint check examples/payloads/bad/avviso-sbagliato.json") :]
    shown = sample[: sample.index("\n...\n")].splitlines()[1:]
    code, out, _ = run_cli("check", "--no-cache", "examples/payloads/bad/avviso-sbagliato.json", cwd=ROOT)
    printed = out.splitlines()
    assert code == 1 and printed[: len(shown)] == shown  # the README shows the first findings, none skipped


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("!!binary SWwgdHVvIGFwcHVudGFtZW50bw==", "binary data"),
        ("!!set {a, b}", "a set"),
        ("!!timestamp 2030-01-01 10:00:00", "a timestamp"),
    ],
    ids=["binary", "set", "timestamp"],
)
def test_a_yaml_value_json_cannot_hold_is_named_not_called_null(run_cli, tmp_path, value, says):
    """YAML's explicit tags build bytes, sets and datetimes; IO102 called each of them null."""
    body = GOOD["content"]["markdown"]
    (tmp_path / "m.yaml").write_text(
        f"fiscal_code: RSSMRA85T10A562S\ncontent:\n  subject: {value}\n  markdown: {body}\n", "utf-8"
    )
    code, found, _ = findings(run_cli, "m.yaml", "--no-cache", cwd=tmp_path)
    (wrong,) = [f for f in found if f["code"] == "IO102"]
    assert code == 1 and wrong["field"] == "content.subject" and wrong["line"] == 3
    assert wrong["message"].startswith(f"`content.subject` must be a string, not {says}"), wrong["message"]
