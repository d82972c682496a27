"""Never destroy a user's file: an output that names an input is refused, outputs are written whole."""

from __future__ import annotations

import json
import os

import pytest

NOW = "2030-01-01T00:00:00Z"
PAYLOAD = {
    "fiscal_code": "RSSMRA85T10A562S",
    "content": {"subject": "Avviso", "markdown": "Hai un nuovo avviso di pagamento per la tassa rifiuti."},
}
TEMPLATE = (
    "subject: Il tuo avviso è pronto\nmarkdown: Hai un nuovo avviso di pagamento per la tassa rifiuti del comune.\n"
)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "msgs").mkdir()
    (tmp_path / "msgs" / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    (tmp_path / "msgs" / "b.jsonl").write_text(json.dumps(PAYLOAD) + "\n", "utf-8")
    (tmp_path / "msgs" / "t.io.yaml").write_text(TEMPLATE, "utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.iolint]\n", "utf-8")
    return tmp_path


def snapshot(folder) -> dict:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and ".iolint" not in str(p)}


def refused(run_cli, project, *args) -> str:
    before = snapshot(project)
    code, out, err = run_cli(*args, "--now", NOW, cwd=project)
    assert code == 2, out + err
    assert "not overwriting" in err or "is a folder" in err, err
    assert snapshot(project) == before
    assert not list(project.rglob("*.tmp"))
    return err


@pytest.mark.parametrize(
    "args",
    [
        ["msgs/a.json", "-o", "msgs/a.json"],
        ["msgs/a.json", "--output-file", "./msgs/../msgs/a.json"],
        ["msgs", "-o", "msgs/a.json"],
        ["msgs", "-o", "msgs/b.jsonl"],
        ["msgs", "-o", "msgs/t.io.yaml"],
        ["-o", "msgs/a.json"],  # the current folder, walked
        ["msgs/a.json", "-o", "pyproject.toml"],  # the configuration
        ["msgs/a.json", "-o", "msgs"],  # a folder
    ],
    ids=[
        "same file",
        "same file, other spelling",
        "in a folder",
        "a batch in a folder",
        "a template",
        "cwd",
        "the config",
        "a folder",
    ],
)
def test_an_output_file_that_is_an_input_is_refused(run_cli, project, args):
    refused(run_cli, project, "check", *args)


def test_links_to_an_input_are_refused(run_cli, project):
    os.symlink(project / "msgs" / "a.json", project / "link.json")
    os.link(project / "msgs" / "a.json", project / "hard.json")
    refused(run_cli, project, "check", "msgs/a.json", "-o", "link.json")
    refused(run_cli, project, "check", "msgs/a.json", "-o", "hard.json")


def test_the_baseline_and_the_recipients_are_inputs_too(run_cli, project):
    code, _, err = run_cli("baseline", "base.json", "msgs", "--now", NOW, cwd=project)
    assert code == 0, err
    refused(run_cli, project, "check", "msgs", "--baseline", "base.json", "-o", "base.json")
    (project / "rows.csv").write_text("fiscal_code\nRSSMRA85T10A562S\n", "utf-8")
    refused(run_cli, project, "check", "--recipients", "rows.csv", "msgs/t.io.yaml", "-o", "rows.csv")


def test_an_earlier_report_in_the_walked_folder_is_replaced(run_cli, project):
    for _ in range(2):  # the first run writes report.json where the second one walks
        code, _, err = run_cli("check", "--format", "json", "-o", "report.json", "--now", NOW, cwd=project)
        assert code == 1, err
    assert json.loads((project / "report.json").read_text("utf-8"))


@pytest.mark.parametrize(
    "args",
    [
        ["msgs/a.json"],  # the baseline's name forgotten: the payload would be overwritten
        ["msgs/a.json", "msgs"],
        ["msgs/b.jsonl", "msgs/a.json"],
        ["msgs/t.io.yaml"],
        ["pyproject.toml"],  # an existing file that is no baseline
        ["msgs"],  # a folder
    ],
    ids=["payload", "payload and folder", "batch", "template", "other file", "folder"],
)
def test_a_baseline_over_a_file_that_is_no_baseline_is_refused(run_cli, project, args):
    err = refused(run_cli, project, "baseline", *args)
    if args[0] == "msgs/a.json":
        assert "did you forget the baseline's name" in err


def test_a_baseline_is_rewritten_in_place(run_cli, project):
    for _ in range(2):
        code, _, err = run_cli("baseline", "iolint-baseline.json", "msgs", "--now", NOW, cwd=project)
        assert code == 0, err
    assert json.loads((project / "iolint-baseline.json").read_text("utf-8"))["entries"]


def test_a_run_that_fails_leaves_the_previous_report_whole(run_cli, project, monkeypatch):
    (project / "report.json").write_text("the previous report\n", "utf-8")

    def broken(self, finding):
        raise RuntimeError("disk full")

    monkeypatch.setattr("iolint.report.jsonfmt.JsonReporter.add", broken)
    code, _, err = run_cli("check", "msgs", "--format", "json", "-o", "report.json", "--now", NOW, cwd=project)
    assert code == 2 and "disk full" in err
    assert (project / "report.json").read_text("utf-8") == "the previous report\n"
    assert not list(project.glob("*.tmp")) and not list(project.glob(".report.json*"))


def test_a_baseline_that_fails_to_be_written_leaves_the_previous_one(run_cli, project, monkeypatch):
    code, _, _ = run_cli("baseline", "base.json", "msgs", "--now", NOW, cwd=project)
    before = (project / "base.json").read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("iolint.baseline.json.dumps", broken)
    code, _, _ = run_cli("baseline", "base.json", "msgs", "--now", NOW, cwd=project)
    assert code == 2
    assert (project / "base.json").read_bytes() == before
    assert not [p for p in project.iterdir() if p.name.endswith(".tmp")]


def test_a_report_keeps_the_permissions_of_the_file_it_replaces(run_cli, project):
    report = project / "report.json"
    report.write_text("", "utf-8")
    report.chmod(0o640)
    run_cli("check", "msgs", "--format", "json", "-o", "report.json", "--now", NOW, cwd=project)
    assert report.stat().st_mode & 0o777 == 0o640 and json.loads(report.read_text("utf-8"))


def test_an_output_through_a_link_or_to_a_device(run_cli, project):
    (project / "reports").mkdir()
    (project / "reports" / "real.json").write_text("", "utf-8")
    os.symlink(project / "reports" / "real.json", project / "report.json")
    code, out, err = run_cli("check", "msgs", "--format", "json", "-o", "report.json", "--now", NOW, cwd=project)
    assert code == 1, err
    assert (project / "report.json").is_symlink() and json.loads((project / "reports" / "real.json").read_text("utf-8"))
    code, out, err = run_cli("check", "msgs", "--format", "json", "-o", os.devnull, "--now", NOW, cwd=project)
    assert code == 1 and os.path.exists(os.devnull) and not os.path.isfile(os.devnull)


def test_an_output_to_dev_stdout_on_a_pipe(project):
    """/dev/stdout on a pipe resolves to /proc/PID/fd/pipe:[N], no real path: the temporary file
    beside it could not be made, an internal error (`iolint check -o /dev/stdout | jq` in CI)."""
    import subprocess
    import sys

    argv = [sys.executable, "-m", "iolint", "check", "msgs", "--format", "json", "-o", "/dev/stdout", "--now", NOW]
    done = subprocess.run(argv, cwd=project, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)


def test_an_output_in_a_folder_that_does_not_exist_is_a_clear_error(run_cli, project):
    for command in (["check", "msgs", "-o"], ["baseline"]):
        code, _, err = run_cli(
            *command, "missing/report.json", *(["msgs"] if command == ["baseline"] else []), cwd=project
        )
        assert code == 2 and "internal error" not in err, err
        assert "cannot write missing/report.json: No such file or directory" in err
