"""A template and a CSV of recipients: every row rendered and checked, findings at the CSV line."""

import json
import shutil

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
