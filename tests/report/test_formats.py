"""Output formats: text with masked excerpts, json-lines, SARIF (schema-valid), github, gitlab, junit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from iolint.finding import Finding, Severity
from iolint.report import Summary, reporter
from tests.conftest import DATA

CF = "RSSMRA85T10A562S"
NOW = "2025-01-01T00:00:00Z"
BODY = (
    "Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio alle 9:30. Porta una fototessera."
)
GOOD = {"fiscal_code": CF, "content": {"subject": "Il tuo appuntamento è confermato", "markdown": BODY}}
AMOUNT = {
    **GOOD,
    "content": {**GOOD["content"], "payment_data": {"amount": 123.5, "notice_number": "302123456789012356"}},
}


def write(folder, name, data, indent=2):
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=indent), encoding="utf-8")
    return path


def check(run_cli, tmp_path, *args):
    return run_cli("check", "--now", NOW, "--no-cache", *args, cwd=tmp_path)


# -- text ----------------------------------------------------------------------------------------


def test_text_shows_the_source_line_with_a_caret(run_cli, tmp_path):
    write(tmp_path, "bad.json", AMOUNT)
    code, out, _ = check(run_cli, tmp_path, "bad.json", "--select", "IO201")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("bad.json:7:17: IO201 error")
    assert lines[1] == '     7 |       "amount": 123.5,'
    assert lines[2] == "       |                 ^"
    assert lines[-1] == "Checked 1 file: 1 error."


def test_text_never_prints_personal_data_of_the_source_line(run_cli, tmp_path):
    # One line holding the codice fiscale twice: as recipient, and in the title (IO501).
    payload = {"fiscal_code": CF, "content": {"subject": f"Avviso per {CF}", "markdown": "breve"}}
    write(tmp_path, "one-line.json", payload, indent=None)
    code, out, _ = check(run_cli, tmp_path, "one-line.json")
    assert code == 1
    assert "IO501" in out and "IO111" in out  # personal data in the title, markdown too short
    assert CF not in out
    assert "*" * len(CF) in out  # the excerpt of IO111 shows the line, masked


def test_privacy_findings_get_no_excerpt(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.yaml").write_text(f"subject: Pratica di Mario Rossi {CF}\n", encoding="utf-8")
    finding = Finding("IO501", "personal-data-in-title", Severity.ERROR, "masked", "t.yaml", 1, 10)
    out = render("text", [finding])
    assert "Mario" not in out and CF not in out and "|" not in out


def test_excerpt_of_a_long_line_is_cut_around_the_column(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "long.jsonl").write_text("x" * 5000 + "ERR" + "y" * 5000 + "\n", encoding="utf-8")
    out = render("text", [Finding("IO002", "invalid-syntax", Severity.ERROR, "m", "long.jsonl", 1, 5001)])
    source, caret = out.splitlines()[1:3]
    assert len(source) < 130 and "ERR" in source
    assert source.index("ERR") == caret.index("^")


def test_excerpts_of_findings_pointing_back_in_a_big_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "big.jsonl").write_text("".join(f"line {n}\n" for n in range(1, 5001)), encoding="utf-8")
    lines = [4500, 20, 3001, 3001, 5000]
    out = render("text", [Finding("IO131", "duplicate-message", Severity.WARNING, "m", "big.jsonl", n) for n in lines])
    shown = [row.split("| ")[1] for row in out.splitlines() if "| line" in row]
    assert shown == [f"line {n}" for n in lines]


def test_statistics_and_output_file(run_cli, tmp_path):
    write(tmp_path, "a.json", AMOUNT)
    write(tmp_path, "b.json", AMOUNT)
    code, out, _ = check(run_cli, tmp_path, ".", "--select", "IO201", "--statistics", "-o", "report.txt")
    assert code == 1 and out == ""
    text = (tmp_path / "report.txt").read_text("utf-8")
    assert "     2  IO201  amount-not-integer\n" in text
    assert text.endswith("Checked 2 files: 2 errors.\n")


def test_statistics_of_a_machine_format_go_to_stderr(run_cli, tmp_path):
    write(tmp_path, "a.json", AMOUNT)
    _, out, err = check(run_cli, tmp_path, "a.json", "--select", "IO201", "--statistics", "--format", "json")
    assert json.loads(out)[0]["code"] == "IO201"
    assert "1  IO201  amount-not-integer" in err


# -- machine formats -----------------------------------------------------------------------------


def render(fmt, findings, files=None, rules=()):
    import io

    out = io.StringIO()
    report = reporter(fmt, out, rules=rules)
    summary = Summary()
    report.start()
    for name in files or sorted({f.file for f in findings}):
        summary.files += 1
        report.file(name)
        for f in (f for f in findings if f.file == name):
            summary.add(f)
            report.add(f)
    report.finish(summary)
    return out.getvalue()


def test_json_lines_one_object_per_finding(run_cli, tmp_path):
    write(tmp_path, "a.json", AMOUNT)
    write(tmp_path, "b.json", AMOUNT)
    _, out, _ = check(run_cli, tmp_path, ".", "--select", "IO201", "--format", "json-lines")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["file"], r["code"], r["line"]) for r in rows] == [("a.json", "IO201", 7), ("b.json", "IO201", 7)]


@pytest.fixture(scope="module")
def sarif_schema():
    return json.loads((DATA / "sarif-schema-2.1.0.json").read_text("utf-8"))


def test_sarif_is_valid_and_carries_rules_and_locations(run_cli, tmp_path, sarif_schema):
    write(tmp_path, "bad.json", AMOUNT)
    (tmp_path / "broken.json").write_text('{"content": ', encoding="utf-8")
    code, out, _ = check(run_cli, tmp_path, ".", "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    jsonschema.validate(log, sarif_schema)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    assert by_id["IO201"]["name"] == "amount-not-integer"
    assert by_id["IO201"]["defaultConfiguration"] == {"level": "error"}
    assert "How to fix it" in by_id["IO201"]["help"]["markdown"]
    [result] = [r for r in run["results"] if r["ruleId"] == "IO201"]
    assert rules[result["ruleIndex"]]["id"] == "IO201"
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "bad.json", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 7, "startColumn": 17}
    assert result["partialFingerprints"]["iolint/v1"]
    assert any(r["ruleId"] == "IO002" for r in run["results"])


def test_sarif_uris_of_names_that_are_not_utf8_are_their_bytes(run_cli, tmp_path, sarif_schema):
    """A Latin-1 name (`città 100%.json` written by an old tool) is shown `citt\\xe0 100%.json`;
    its SARIF URI was that text percent-encoded (`citt%5Cxe0…`: a file of another name)."""
    import os
    from urllib.parse import unquote_to_bytes

    name = b"citt\xe0 100%.json"
    (tmp_path / os.fsdecode(name)).write_text(json.dumps(AMOUNT), "utf-8")
    code, out, _ = check(run_cli, tmp_path, ".", "--format", "sarif")
    log = json.loads(out)
    jsonschema.validate(log, sarif_schema)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"citt%E0%20100%25.json"} and unquote_to_bytes(uris.pop()) == name
    finding = Finding("IO201", "amount-not-integer", Severity.ERROR, "m", "/srv/msgs/citt\\xe0.json", 1, 1)
    (result,) = json.loads(render("sarif", [finding], rules=()))["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///srv/msgs/citt%E0.json"}


def test_sarif_omits_unknown_positions(sarif_schema):
    rules = __import__("iolint.ruleset", fromlist=["x"]).builtin_rules()
    findings = [
        Finding("IO130", "mass-communication", Severity.ERROR, "m", "batch dir/b.jsonl", None, None, fingerprint="f"),
        Finding("IO905", "stale-baseline-entry", Severity.INFO, "m", "baseline.json", 0),
    ]
    log = json.loads(render("sarif", findings, rules=rules))
    jsonschema.validate(log, sarif_schema)
    first, second = sorted(log["runs"][0]["results"], key=lambda r: r["ruleId"])
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "batch%20dir/b.jsonl", "uriBaseId": "%SRCROOT%"}
    }
    assert "region" not in second["locations"][0]["physicalLocation"]
    assert second["level"] == "note"


def test_github_workflow_commands_are_escaped():
    findings = [
        Finding(
            "IO201", "amount-not-integer", Severity.ERROR, "100% wrong\r\nsecond line", "a,b:c.json", 3, 7, field="x"
        ),
        Finding("IO131", "duplicate-message", Severity.WARNING, "twice", "b.jsonl", 2),
        Finding("IO004", "not-a-message", Severity.INFO, "skipped", "c.json"),
    ]
    lines = render("github", findings).splitlines()
    assert (
        lines[0]
        == "::error file=a%2Cb%3Ac.json,line=3,col=7,title=IO201 amount-not-integer::100%25 wrong%0D%0Asecond line [x]"
    )
    assert lines[1] == "::warning file=b.jsonl,line=2,title=IO131 duplicate-message::twice"
    assert lines[2] == "::notice file=c.json,title=IO004 not-a-message::skipped"


def test_github_is_the_default_on_github_actions(run_cli, tmp_path, monkeypatch):
    from iolint.cli import main

    write(tmp_path, "bad.json", AMOUNT)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["check", "bad.json", "--select", "IO201", "--no-cache", "-o", "out.txt"]) == 1
    assert (tmp_path / "out.txt").read_text("utf-8").startswith("::error file=bad.json,line=7,col=17,")


def test_junit_has_a_testcase_per_file_and_failures_per_finding(run_cli, tmp_path):
    write(tmp_path, "a-good.json", GOOD)
    write(tmp_path, "b-bad.json", {**AMOUNT, "content": {**AMOUNT["content"], "markdown": "<b> & \x01"}})
    code, out, _ = check(run_cli, tmp_path, ".", "--format", "junit", "--select", "IO201,IO111")
    assert code == 1
    suite = ET.fromstring(out).find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    good, bad = suite.findall("testcase")
    assert good.get("name") == "a-good.json" and not list(good)
    assert [f.get("type") for f in bad.findall("failure")] == ["IO111", "IO201"]


def test_files_that_are_no_message_are_counted_as_skipped_not_checked(run_cli, tmp_path):
    write(tmp_path, "a-bad.json", AMOUNT)
    write(tmp_path, "b-package.json", {"name": "sender", "version": "1.0.0"})
    write(tmp_path, "c-openapi.json", {"openapi": "3.0.3", "paths": {}})
    code, out, _ = check(run_cli, tmp_path, ".", "--format", "junit", "--select", "IO201")
    assert code == 1
    suite = ET.fromstring(out).find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("3", "1", "2")
    bad, package, openapi = suite.findall("testcase")
    assert bad.find("skipped") is None and bad.find("failure") is not None
    assert [case.find("skipped").get("message") for case in (package, openapi)] == [
        "not an IO message: not checked"
    ] * 2
    # A file named explicitly gets its IO004 note: a failure with --fail-level info, then not skipped.
    code, out, _ = check(run_cli, tmp_path, "b-package.json", "--format", "junit", "--fail-level", "info")
    suite = ET.fromstring(out).find("testsuite")
    assert (code, suite.get("tests"), suite.get("failures"), suite.get("skipped")) == (1, "1", "1", "0")
    for fmt in ("text", "github"):
        _, out, _ = check(run_cli, tmp_path, ".", "--format", fmt, "--select", "IO201")
        assert out.endswith("Checked 1 file, skipped 2 (not IO messages): 1 error.\n")


def test_junit_lists_findings_below_the_fail_level_as_output():
    findings = [Finding("IO131", "duplicate-message", Severity.WARNING, 'a "quoted" <tag>', "b.jsonl", 2)]
    suite = ET.fromstring(render("junit", findings)).find("testsuite")
    assert suite.get("failures") == "0"
    assert 'a "quoted" <tag>' in suite.find("testcase/system-out").text


def test_excerpt_masks_a_codice_fiscale_even_with_a_wrong_check_character():
    from iolint.report.excerpt import excerpt

    text, caret = excerpt('  "fiscal_code": "RSSMRA85T10A562X",', 18, "payload")
    assert "RSSMRA85T10A562X" not in text and "*" * 16 in text
    assert caret == 17


# -- gitlab --------------------------------------------------------------------------------------


def test_gitlab_code_quality_issues(run_cli, tmp_path):
    write(tmp_path, "a.json", AMOUNT)
    write(tmp_path, "b.json", {**AMOUNT, "content": {**AMOUNT["content"], "subject": f"Avviso per {CF}"}})
    code, out, _ = check(run_cli, tmp_path, ".", "--select", "IO201,IO501", "--format", "gitlab")
    issues = json.loads(out)
    assert code == 1
    assert [
        (i["location"]["path"], i["check_name"], i["severity"], i["location"]["lines"]["begin"]) for i in issues
    ] == [
        ("a.json", "IO201 amount-not-integer", "major", 7),
        ("b.json", "IO501 personal-data-in-title", "major", 4),
        ("b.json", "IO201 amount-not-integer", "major", 7),
    ]
    assert all(set(i) == {"description", "check_name", "fingerprint", "severity", "location"} for i in issues)
    assert issues[0]["description"].startswith("IO201 ") and issues[0]["description"].endswith(
        "[content.payment_data.amount]"
    )
    assert CF not in out  # masked, like every format
    assert len({i["fingerprint"] for i in issues}) == 3


def test_gitlab_fingerprints_survive_moved_lines_and_tell_repeats_apart():
    def finding(line, file="a.json", fingerprint="f1"):
        return Finding(
            "IO201", "amount-not-integer", Severity.WARNING, "m", file, line, 3, "content", None, fingerprint
        )

    first = json.loads(render("gitlab", [finding(7), finding(9), finding(9, fingerprint="f2")]))
    moved = json.loads(render("gitlab", [finding(17), finding(19), finding(19, fingerprint="f2")]))
    other = json.loads(render("gitlab", [finding(7, file="b.json")]))
    prints = [i["fingerprint"] for i in first]
    assert prints == [i["fingerprint"] for i in moved]
    assert len(set(prints)) == 3 and other[0]["fingerprint"] not in prints
    assert {i["severity"] for i in first} == {"minor"}
    assert render("gitlab", []) == "[]\n"
