"""The check command's exit codes and options."""

from __future__ import annotations

import io
import json
import sys

import pytest

from iolint.pipeline import Progress

NOW = "2025-01-01T00:00:00Z"
BODY = (
    "Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio alle 9:30. Porta una fototessera."
)
GOOD = {"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": "Il tuo appuntamento è confermato", "markdown": BODY}}
DUPLICATES = "\n".join([json.dumps(GOOD)] * 2) + "\n"  # IO131, a warning


def check(run_cli, tmp_path, *args):
    return run_cli("check", "--now", NOW, "--no-cache", *args, cwd=tmp_path)[0]


def test_exit_codes(run_cli, tmp_path):
    (tmp_path / "good.json").write_text(json.dumps(GOOD), "utf-8")
    (tmp_path / "twice.jsonl").write_text(DUPLICATES, "utf-8")
    (tmp_path / "broken.json").write_text("{", "utf-8")
    assert check(run_cli, tmp_path, "good.json") == 0
    assert check(run_cli, tmp_path, "twice.jsonl") == 0  # a warning, under the default fail level
    assert check(run_cli, tmp_path, "twice.jsonl", "--fail-level", "warning") == 1
    assert check(run_cli, tmp_path, "broken.json") == 1
    assert check(run_cli, tmp_path, "broken.json", "--exit-zero") == 0
    assert check(run_cli, tmp_path, "--select", "IO999") == 2
    assert check(run_cli, tmp_path, "--jobs", "-1") == 2
    (tmp_path / "iolint.toml").write_text("unknown-key = 1\n", "utf-8")
    assert check(run_cli, tmp_path) == 2


def test_baseline_command_never_fails_on_findings(run_cli, tmp_path):
    (tmp_path / "broken.json").write_text("{", "utf-8")
    code, _, err = run_cli("baseline", "base.json", "--now", NOW, cwd=tmp_path)
    assert code == 0 and "accepts 1 finding(s)" in err
    assert check(run_cli, tmp_path, "--baseline", "base.json") == 0


def test_force_exclude_applies_the_config_to_named_files(run_cli, tmp_path):
    (tmp_path / "iolint.toml").write_text('extend-exclude = ["drafts"]\n', "utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "broken.json").write_text("{", "utf-8")
    assert check(run_cli, tmp_path, "drafts/broken.json") == 1
    assert check(run_cli, tmp_path, "drafts/broken.json", "--force-exclude") == 0


def test_progress_counts_on_a_terminal_only(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    progress = Progress(True)
    progress.files = 3
    progress.update(", big.jsonl: 20,000 lines", force=True)
    progress.done()
    assert err.getvalue().startswith("\riolint: 3 files, big.jsonl: 20,000 lines")
    assert err.getvalue().endswith("\r\x1b[K")
    quiet = Progress(False)
    quiet.update(force=True)
    quiet.done()
    assert err.getvalue().count("\r") == 2


def test_progress_fits_a_narrow_terminal_and_is_not_shown_on_a_dumb_one(monkeypatch):
    """A progress line longer than the terminal wrapped, and each update (ten a second) left a
    new line; on TERM=dumb its ESC [K was printed as it is."""
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setenv("COLUMNS", "30")
    progress = Progress(True)
    progress.files = 12_345
    progress.update(", messaggi/2031/tari-comune-di-esempio.jsonl: 20,000 lines", force=True)
    (line,) = err.getvalue().split("\r")[1:]
    assert line == "iolint: 12,345 files, messag…\x1b[K" and len(line.removesuffix("\x1b[K")) == 29
    monkeypatch.setenv("TERM", "dumb")
    dumb = Progress(True)
    dumb.update(", big.jsonl: 20,000 lines", force=True)
    dumb.done()
    assert err.getvalue().count("\r") == 1


def test_no_progress_over_a_report_printed_on_the_same_terminal(tmp_path, monkeypatch):
    """With stdout and stderr on one terminal, each finding's line started after the counter:
    `iolint: 1 files/tmp/a.json:2:18: IO121 …`."""
    from iolint.cli import main

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    (tmp_path / "a.json").write_text(json.dumps({"content": {"subject": "Avviso", "markdown": "x" * 80}}), "utf-8")
    monkeypatch.chdir(tmp_path)
    for stdout, args, shown in ((Terminal(), [], False), (io.StringIO(), [], True), (Terminal(), ["-o", "r"], True)):
        monkeypatch.setattr("sys.stdout", stdout)
        monkeypatch.setattr("sys.stderr", Terminal())
        assert main(["check", "a.json", "--no-cache", *args]) == 1
        assert ("\riolint: 1 files" in sys.stderr.getvalue()) is shown, (args, sys.stderr.getvalue())


def test_select_ignore_and_extend_select_add_up(run_cli, tmp_path):
    bad = {
        **GOOD,
        "fiscal_code": "RSSMRA85T10A562X",
        "content": {**GOOD["content"], "payment_data": {"amount": 10.5, "notice_number": "302123456789012357"}},
    }
    (tmp_path / "bad.json").write_text(json.dumps(bad), "utf-8")

    def codes(*args):
        code, out, err = run_cli("check", "--now", NOW, "--no-cache", "--format", "json", *args, cwd=tmp_path)
        assert code in (0, 1), err
        return sorted({f["code"] for f in json.loads(out)})

    assert codes("--select", "IO1", "--select", "IO201") == ["IO121", "IO201"]
    assert codes("--select", "IO121,IO201", "--select", "notice-number-check-digits") == ["IO121", "IO201", "IO205"]
    assert codes("--select", "IO121", "--extend-select", "IO201", "--extend-select", "IO205") == [
        "IO121",
        "IO201",
        "IO205",
    ]
    assert codes("--ignore", "IO1", "--ignore", "IO2,IO3", "--ignore", "IO8") == []


def test_explain_a_family_or_a_prefix_prints_each_of_its_rules(run_cli, tmp_path):
    code, out, _ = run_cli("explain", "privacy", cwd=tmp_path)
    assert code == 0
    assert [line.split()[0] for line in out.splitlines() if line.startswith("IO5")] == ["IO501", "IO502", "IO503"]
    code, out, _ = run_cli("explain", "IO20", cwd=tmp_path)
    assert code == 0 and "IO205 notice-number-check-digits (error)" in out and "IO301" not in out
    code, out, err = run_cli("explain", "privcy", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert "did you mean `privacy`" in err


def test_unknown_rules_are_errors_with_a_suggestion(run_cli, tmp_path):
    code, _, err = run_cli("check", "--select", "notice-number-check-digit", cwd=tmp_path)
    assert code == 2 and "did you mean `notice-number-check-digits`" in err
    code, _, err = run_cli("check", "--ignore", "IO205", "--ignore", "htp-link", cwd=tmp_path)
    assert code == 2 and "`htp-link`" in err and "`http-link`" in err and "IO205" not in err
    (tmp_path / "iolint.toml").write_text('ignore = ["amount-not-integr"]\n', "utf-8")
    (tmp_path / "good.json").write_text(json.dumps(GOOD), "utf-8")
    code, _, err = run_cli("check", "--no-cache", "good.json", cwd=tmp_path)
    assert code == 2 and "did you mean `amount-not-integer`" in err


def test_quiet_prints_the_findings_only(run_cli, tmp_path):
    (tmp_path / "twice.jsonl").write_text(DUPLICATES, "utf-8")
    code, out, err = run_cli("check", "--now", NOW, "--no-cache", "-q", "twice.jsonl", cwd=tmp_path)
    assert code == 0 and "IO131" in out and "Checked" not in out and err == ""
    code, out, _ = run_cli("check", "--now", NOW, "--no-cache", "twice.jsonl", cwd=tmp_path)
    assert "Checked 1 file" in out


def test_version_short_and_long(run_cli, tmp_path):
    from iolint import __version__

    for flag in ("-V", "--version"):
        code, out, _ = run_cli(flag, cwd=tmp_path)
        assert (code, out) == (0, f"iolint {__version__}\n")


@pytest.mark.parametrize(("typed", "meant"), [("IO2O5", "IO205"), ("io1l0", "IO110"), ("IO5O1", "IO501")])
def test_a_code_typed_with_a_letter_for_a_digit_suggests_that_code_first(run_cli, tmp_path, typed, meant):
    code, _, err = run_cli("check", "--select", typed, cwd=tmp_path)
    assert code == 2 and f"did you mean `{meant}`" in err
