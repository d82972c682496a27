"""A template and a CSV of recipients: every row rendered and checked, findings at the CSV line."""

import io
import json
import shutil
import sys

import pytest

from tests.conftest import ROOT

TEMPLATE = ROOT / "examples" / "templates" / "avviso-pagamento.io.yaml"
CSV = ROOT / "examples" / "recipients" / "tari-2031.csv"


@pytest.fixture
def project(tmp_path):
    shutil.copy(TEMPLATE, tmp_path / "avviso.io.yaml")
    shutil.copy(CSV, tmp_path / "tari.csv")
    return tmp_path


def check(run_cli, project, *args):
    code, out, err = run_cli(
        "check", "--format", "json", "--now", "2030-01-01", "--no-cache", *args, "avviso.io.yaml", cwd=project
    )
    return code, json.loads(out), err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_row_is_rendered_and_checked(run_cli, project, jobs):
    code, found, _ = check(run_cli, project, "--recipients", "tari.csv", "--jobs", jobs)
    assert code == 1
    assert [(f["file"], f["line"], f["code"]) for f in found] == [
        ("tari.csv", 3, "IO205"),  # a mistyped notice number in row 2
        ("tari.csv", 4, "IO725"),  # an amount in euros where the template wants integer cents
        ("tari.csv", 5, "IO131"),  # the first row again
    ]
    assert "RSSMRA85T10A562S" not in json.dumps(found)


def test_identical_rows_are_a_mass_mailing(run_cli, project):
    (project / "pyproject.toml").write_text("[tool.iolint.rules.IO130]\nthreshold = 3\n", encoding="utf-8")
    rows = ["fiscal_code,anno,intestatario,rata,importo,scadenza,numero_avviso"]
    for cf in ("RSSMRA85T10A562S", "BNCGLI90L43F205R", "VRDLGU80A01H501Q"):
        rows.append(f"{cf},2031,Ufficio Tributi,rata unica,18790,2031-07-31,301166131860913988")
    (project / "same.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    _, found, _ = check(run_cli, project, "--recipients", "same.csv", "--select", "IO130")
    assert [(f["line"], f["code"]) for f in found] == [(2, "IO130")]


def test_columns_that_are_no_variable_are_reported(run_cli, project):
    (project / "bad.csv").write_text("fiscal_code,nome\nRSSMRA85T10A562S,Mario\n", encoding="utf-8")
    _, found, _ = check(run_cli, project, "--recipients", "bad.csv")
    assert [(f["line"], f["code"]) for f in found] == [(1, "IO002")]
    assert "nome" in found[0]["message"]


@pytest.mark.parametrize(
    ("header", "says"),
    [("fiscal_code,,importo", "column 2 has no name"), ("fiscal_code, ,importo,", "columns 2, 4 have no name")],
)
def test_columns_without_a_name_are_named_by_number(run_cli, project, header, says):
    (project / "bad.csv").write_text(f"{header}\nRSSMRA85T10A562S,x,12,\n", encoding="utf-8")
    _, found, _ = check(run_cli, project, "--recipients", "bad.csv")
    assert [(f["line"], f["code"]) for f in found] == [(1, "IO002")]
    assert found[0]["message"].startswith(says)


@pytest.mark.parametrize("text", ["", "\n\n"], ids=["empty", "blank lines"])
def test_an_empty_csv_is_reported_not_taken_for_no_recipients(run_cli, project, text):
    (project / "empty.csv").write_text(text, encoding="utf-8")
    code, found, _ = check(run_cli, project, "--recipients", "empty.csv")
    assert code == 1
    assert [(f["file"], f["line"], f["code"]) for f in found] == [("empty.csv", 1, "IO002")]
    assert "empty" in found[0]["message"]


def test_a_header_without_rows_is_no_recipients(run_cli, project):
    (project / "header.csv").write_text("fiscal_code,anno\n", encoding="utf-8")
    code, found, _ = check(run_cli, project, "--recipients", "header.csv")
    assert (code, found) == (0, [])


def lint(run_cli, project, *args):
    code, out, err = run_cli("check", "--format", "json", "--now", "2030-01-01", "--no-cache", *args, cwd=project)
    return code, json.loads(out), err


def careless(project):
    """The example template with a misspelled key, a name in its title and a variable it never uses."""
    text = (project / "avviso.io.yaml").read_text("utf-8")
    text = text.replace("\ndue_date:", "\ndue_data:").replace(
        "subject: Nuovo avviso di pagamento TARI", 'subject: "Avviso TARI per {{ intestatario }}"'
    )
    (project / "careless.io.yaml").write_text(text + "  inutile: {sample: x}\n", encoding="utf-8")
    rows = (project / "tari.csv").read_text("utf-8").splitlines()
    rows = [rows[0] + ",inutile"] + [row + ",x" for row in rows[1:]]
    (project / "rows.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_template_is_still_checked_as_a_template(run_cli, project, jobs):
    careless(project)
    _, alone, _ = lint(run_cli, project, "careless.io.yaml")
    assert {"IO703", "IO711", "IO715"} <= {f["code"] for f in alone}
    code, found, _ = lint(run_cli, project, "--jobs", jobs, "--recipients", "rows.csv", "careless.io.yaml")
    assert code == 1
    assert [f for f in found if f["file"] == "careless.io.yaml"] == alone
    rows = [(f["line"], f["code"]) for f in found if f["file"] == "rows.csv"]
    assert (3, "IO205") in rows and (5, "IO131") in rows  # the rows are rendered and checked all the same
    assert {f["file"] for f in found} == {"careless.io.yaml", "rows.csv"}


def test_a_template_that_cannot_be_rendered_renders_no_row(run_cli, project):
    text = (project / "avviso.io.yaml").read_text("utf-8").replace("{{ anno }}", "{{ anno }")
    (project / "broken.io.yaml").write_text(text, encoding="utf-8")
    _, alone, _ = lint(run_cli, project, "broken.io.yaml")
    assert "IO701" in {f["code"] for f in alone}
    code, found, _ = lint(run_cli, project, "--recipients", "tari.csv", "broken.io.yaml")
    assert code == 1
    assert [f for f in found if f["file"] == "broken.io.yaml"] == alone  # its errors, where they are
    rows = [f for f in found if f["file"] == "tari.csv"]
    assert [(f["line"], f["code"]) for f in rows] == [(1, "IO727")]  # one finding says no row was rendered
    assert "no row was rendered" in rows[0]["message"] and "broken.io.yaml" in rows[0]["message"]


@pytest.mark.parametrize("paths", [[], ["msg.json"], ["missing.io.yaml"]])
def test_recipients_without_a_template_is_a_usage_error(run_cli, tmp_path, paths):
    shutil.copy(CSV, tmp_path / "tari.csv")
    (tmp_path / "msg.json").write_text('{"content": {"subject": "Avviso", "markdown": "Testo"}}', encoding="utf-8")
    code, out, err = run_cli("check", "--no-cache", "--recipients", "tari.csv", *paths, cwd=tmp_path)
    assert code == 2
    assert out == ""
    assert "--recipients tari.csv: no template file" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_template_on_standard_input_renders_the_rows(run_cli, project, monkeypatch, jobs):
    careless(project)
    _, named, _ = lint(run_cli, project, "--recipients", "rows.csv", "careless.io.yaml")
    text = (project / "careless.io.yaml").read_text("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    code, piped, err = lint(
        run_cli, project, "--jobs", jobs, "--recipients", "rows.csv", "--stdin-filename", "careless.io.yaml", "-"
    )
    assert code == 1, err
    assert piped == named  # the template's findings, then its rows', as when it is named
    assert {f["file"] for f in piped} == {"careless.io.yaml", "rows.csv"}


def test_an_unnamed_standard_input_is_no_template_for_the_rows(run_cli, project, monkeypatch):
    text = (project / "avviso.io.yaml").read_text("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    code, out, err = run_cli("check", "--no-cache", "--recipients", "tari.csv", "-", cwd=project)
    assert (code, out) == (2, "")
    assert "no template file" in err and "--stdin-filename avviso.io.yaml -" in err


# -- baselines of the rows' findings ---------------------------------------------------------------


def baseline(run_cli, project, *args):
    return run_cli("baseline", "iolint-baseline.json", *args, "--now", "2030-01-01", "--no-cache", cwd=project)


def test_a_baseline_written_with_recipients_accepts_the_rows_findings_and_no_new_one(run_cli, project):
    code, _, err = baseline(run_cli, project, "avviso.io.yaml", "--recipients", "tari.csv")
    assert code == 0 and "accepts 3 finding(s) in 2 file(s)" in err  # the template and the CSV
    entries = json.loads((project / "iolint-baseline.json").read_text("utf-8"))["entries"]
    assert sorted((e["file"], e["code"]) for e in entries) == [("tari.csv", c) for c in ("IO131", "IO205", "IO725")]
    assert check(run_cli, project, "--recipients", "tari.csv", "--baseline", "iolint-baseline.json")[:2] == (0, [])
    # A new row with another mistyped notice number: a finding the baseline does not accept.
    with (project / "tari.csv").open("a", encoding="utf-8") as rows:
        rows.write("VRDLGU80A01H501Q,2031,Luigi Verdi,seconda rata,9395,2031-07-31,301166131860913987\n")
    code, found, _ = check(run_cli, project, "--recipients", "tari.csv", "--baseline", "iolint-baseline.json")
    assert code == 1
    assert [(f["file"], f["line"], f["code"]) for f in found] == [("tari.csv", 6, "IO205")]


def test_a_baseline_without_recipients_does_not_accept_the_rows_findings(run_cli, project):
    assert baseline(run_cli, project, "avviso.io.yaml")[0] == 0
    code, found, _ = check(run_cli, project, "--recipients", "tari.csv", "--baseline", "iolint-baseline.json")
    assert code == 1 and {f["file"] for f in found} == {"tari.csv"}


@pytest.mark.parametrize("csv", ["missing.csv", "."])
def test_a_baseline_is_not_written_for_recipients_that_cannot_be_read(run_cli, project, csv):
    """`check` fails on a CSV it cannot read (IO001): a baseline must not accept that."""
    code, _, err = baseline(run_cli, project, "avviso.io.yaml", "--recipients", csv)
    assert code == 2 and f"--recipients {csv}: " in err and "iolint-baseline.json not written" in err
    assert not (project / "iolint-baseline.json").exists()


def test_a_baseline_never_overwrites_the_recipients(run_cli, project):
    before = (project / "tari.csv").read_bytes()
    code, _, err = run_cli("baseline", "tari.csv", "avviso.io.yaml", "--recipients", "tari.csv", cwd=project)
    assert code == 2 and "not overwriting it" in err
    assert (project / "tari.csv").read_bytes() == before


def test_the_csvs_io727_and_the_templates_are_apart_in_the_baseline(run_cli, project):
    """A template that cannot be rendered has an IO727, and so has the CSV it renders no row of:
    two findings of one rule on no field, which a baseline keeps apart by file and by value."""
    text = (project / "avviso.io.yaml").read_text("utf-8").replace("{{ anno }}", "{{ anno }")
    (project / "broken.io.yaml").write_text(text, encoding="utf-8")
    code, _, err = baseline(run_cli, project, "broken.io.yaml", "--recipients", "tari.csv")
    assert code == 0, err
    entries = json.loads((project / "iolint-baseline.json").read_text("utf-8"))["entries"]
    io727 = [e for e in entries if e["code"] == "IO727"]
    assert sorted(e["file"] for e in io727) == ["broken.io.yaml", "tari.csv"]
    assert io727[0]["fingerprint"] != io727[1]["fingerprint"] and all(e["count"] == 1 for e in io727)
    _, found, _ = lint(run_cli, project, "broken.io.yaml", "--recipients", "tari.csv")
    prints = {f["file"]: f["fingerprint"] for f in found if f["code"] == "IO727"}
    assert prints == {e["file"]: e["fingerprint"] for e in io727}
    code, found, _ = lint(
        run_cli, project, "broken.io.yaml", "--recipients", "tari.csv", "--baseline", "iolint-baseline.json"
    )
    assert (code, found) == (0, [])
    # Each entry accepts its own finding only: the template's alone leaves the CSV's reported.
    data = json.loads((project / "iolint-baseline.json").read_text("utf-8"))
    data["entries"] = [e for e in data["entries"] if e["file"] != "tari.csv"]
    (project / "iolint-baseline.json").write_text(json.dumps(data), encoding="utf-8")
    code, found, _ = lint(
        run_cli, project, "broken.io.yaml", "--recipients", "tari.csv", "--baseline", "iolint-baseline.json"
    )
    assert [(f["file"], f["code"]) for f in found] == [("tari.csv", "IO727")]
