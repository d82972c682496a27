"""Which paths `iolint check` reads: missing paths and empty folders are errors; .gitignore counts."""

from __future__ import annotations

import json

import pytest

from iolint import config as cfg
from iolint import inputs
from iolint.report import FORMATS

NOW = "2025-01-01T00:00:00Z"
BODY = (
    "Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio alle 9:30. Porta una fototessera."
)
GOOD = {"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": "Il tuo appuntamento è confermato", "markdown": BODY}}


def write(root, name, text=None):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(GOOD) if text is None else text, "utf-8")
    return path


def check(run_cli, cwd, *args):
    return run_cli("check", "--now", NOW, "--no-cache", "--format", "json", *args, cwd=cwd)


def found(root, *, respect=True):
    files = inputs.discover([root], cfg.load(start=root), respect_gitignore=respect)
    return sorted(p.relative_to(root).as_posix() for p, *_ in files)


def test_a_missing_path_is_an_error_and_the_others_are_still_checked(run_cli, tmp_path):
    write(tmp_path, "messages/a.json")
    code, out, err = check(run_cli, tmp_path, "messagi", "messages/a.json")
    assert code == 2
    assert "iolint: messagi: No such file or directory" in err
    assert json.loads(out) == []  # a.json was checked: clean


def test_a_named_folder_with_nothing_to_check_is_an_error_that_says_why(run_cli, tmp_path):
    write(tmp_path, "docs/readme.md", "# docs")
    write(tmp_path, "docs/node_modules/x.json")
    write(tmp_path, "docs/draft.json")
    write(tmp_path, "docs/.gitignore", "draft.json\n")
    (tmp_path / "empty").mkdir()
    code, _, err = check(run_cli, tmp_path, "docs")
    assert code == 2
    assert "iolint: docs: nothing to check in this folder" in err
    assert "2 files not named like a payload or template" in err  # readme.md and .gitignore
    assert "1 folder excluded by the configuration" in err
    assert "1 file ignored by .gitignore (--no-respect-gitignore checks them)" in err
    code, _, err = check(run_cli, tmp_path, "empty")
    assert code == 2 and "empty: nothing to check in this folder: it holds no files" in err
    assert check(run_cli, tmp_path, "docs", "--no-respect-gitignore")[0] == 0


def test_the_default_folder_with_nothing_to_check_is_only_noted(run_cli, tmp_path):
    write(tmp_path, "notes.txt", "x")
    code, _, err = check(run_cli, tmp_path)
    assert code == 0 and "nothing to check in the current folder" in err
    assert check(run_cli, tmp_path, "-q") == (0, "[]\n", "")


# -- files that are no IO message ---------------------------------------------------------------

NOT_MESSAGES = {
    "package.json": '{"name": "sender", "version": "1.0.0", "scripts": {"test": "jest"}}',
    "workflow.yml": "on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n",
    "openapi.yaml": "openapi: 3.0.3\ninfo:\n  title: Messaggi\n  version: '1'\npaths: {}\n",
}


def not_messages(root, folder="ci"):
    for name, text in NOT_MESSAGES.items():
        write(root, f"{folder}/{name}", text)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_named_folder_of_files_that_are_no_message_is_an_error_that_counts_them(run_cli, tmp_path, monkeypatch, jobs):
    from iolint.pipeline import parallel

    monkeypatch.setattr(parallel, "PARALLEL_BYTES", 1)  # with --jobs 2, workers however small the tree
    not_messages(tmp_path)
    says = (
        "iolint: ci: nothing to check in this folder: skipped 3 JSON/YAML files read that are not IO messages "
        "(empty, or no content, fiscal_code or feature_level_type)\n"
    )
    for _ in range(2):  # the second run is served from the cache, which keeps what was skipped
        code, out, err = run_cli("check", "--now", NOW, "--jobs", jobs, "ci", cwd=tmp_path)
        assert (code, out, err) == (2, "Checked 0 files, skipped 3 (not IO messages): no findings.\n", says)
    code, _, err = run_cli("baseline", "iolint-baseline.json", "ci", "--now", NOW, "--no-cache", cwd=tmp_path)
    assert code == 2 and says in err and not (tmp_path / "iolint-baseline.json").exists()


def test_a_payload_among_files_that_are_no_message_is_checked_and_counted(run_cli, tmp_path):
    not_messages(tmp_path)
    write(tmp_path, "ci/avviso.json", json.dumps({**GOOD, "fiscal_code": "RSSMRA85T10A562X"}))
    code, out, err = run_cli("check", "--now", NOW, "--no-cache", "ci", cwd=tmp_path)
    assert code == 1 and err == ""
    assert "ci/avviso.json:1:" in out and "IO121" in out
    assert out.endswith("Checked 1 file, skipped 3 (not IO messages): 1 error.\n")
    code, _, err = run_cli("baseline", "iolint-baseline.json", "ci", "--now", NOW, "--no-cache", cwd=tmp_path)
    assert code == 0
    assert "accepts 1 finding(s) in 1 file(s); 3 file(s) skipped: not IO messages" in err


def test_files_named_one_by_one_that_are_no_message_still_pass(run_cli, tmp_path):
    """What pre-commit passes: every changed .json and .yaml, messages or not."""
    not_messages(tmp_path)
    named = [f"ci/{name}" for name in NOT_MESSAGES]
    code, out, err = run_cli("check", "--now", NOW, "--no-cache", "--force-exclude", *named, cwd=tmp_path)
    assert (code, out, err) == (0, "Checked 0 files, skipped 3 (not IO messages): no findings.\n", "")
    code, out, _ = check(run_cli, tmp_path, *named)  # without --force-exclude: a note on each
    assert code == 0 and [f["code"] for f in json.loads(out)] == ["IO004"] * 3


def test_the_default_folder_of_files_that_are_no_message_is_only_noted(run_cli, tmp_path):
    not_messages(tmp_path, ".")
    code, out, err = run_cli("check", "--now", NOW, "--no-cache", cwd=tmp_path)
    assert code == 0 and out == "Checked 0 files, skipped 3 (not IO messages): no findings.\n"
    assert err.startswith("iolint: nothing to check in the current folder: skipped 3 JSON/YAML files read")


def test_gitignore_nested_files_and_negations(tmp_path):
    (tmp_path / ".git" / "info").mkdir(parents=True)
    write(tmp_path, ".git/info/exclude", "local.json\n")
    write(tmp_path, ".gitignore", "*.jsonl\nout/\n/top-only.json\n")
    write(tmp_path, "a.json")
    write(tmp_path, "local.json")
    write(tmp_path, "batch.jsonl")
    write(tmp_path, "top-only.json")
    write(tmp_path, "sub/top-only.json")  # anchored at the top: not this one
    write(tmp_path, "out/x.json")
    write(tmp_path, "sub/out/y.json")
    write(tmp_path, "sub/.gitignore", "!keep.jsonl\nsecret/\n")
    write(tmp_path, "sub/keep.jsonl")
    write(tmp_path, "sub/other.jsonl")
    write(tmp_path, "sub/secret/z.json")
    write(tmp_path, "sub/deeper/.gitignore", "*.json\n!wanted.json\n")
    write(tmp_path, "sub/deeper/unwanted.json")
    write(tmp_path, "sub/deeper/wanted.json")
    assert found(tmp_path) == ["a.json", "sub/deeper/wanted.json", "sub/keep.jsonl", "sub/top-only.json"]
    # Walking a subfolder still applies the .gitignore files above it, up to the repository's top.
    assert found(tmp_path / "sub") == ["deeper/wanted.json", "keep.jsonl", "top-only.json"]
    everything = found(tmp_path, respect=False)
    assert "out/x.json" in everything and "local.json" in everything and len(everything) == 12


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_a_gitignore_that_is_a_fifo_or_a_device_ignores_nothing(tmp_path, special):
    """A .gitignore read with read_text: a FIFO blocked the walk for ever, /dev/zero ate the memory."""
    import os
    import subprocess
    import sys

    write(tmp_path, "a.json")
    os.mkfifo(tmp_path / ".gitignore") if special == "fifo" else (tmp_path / ".gitignore").symlink_to(special)
    argv = [sys.executable, "-m", "iolint", "check", "--now", NOW, "--no-cache", "--format", "json", "."]
    done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout.strip()) == (0, "[]"), done.stderr


def test_a_gitignore_pattern_that_backtracks_without_end_ignores_nothing(tmp_path):
    """pathspec turns `*a*a…*b` into a regex that backtracks exponentially on a name of many a's:
    a .gitignore committed with one hung the walk (minutes for a name of 40 characters)."""
    import subprocess
    import sys

    (tmp_path / ".git").mkdir()
    write(tmp_path, ".gitignore", "*a" * 15 + "*b\n")
    write(tmp_path, "messages/" + "a" * 40 + ".json", json.dumps({**GOOD, "fiscal_code": "RSSMRA85T10A562X"}))
    argv = [sys.executable, "-m", "iolint", "check", "--now", NOW, "--no-cache", "--format", "json", "."]
    done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert done.returncode == 1, done.stderr
    assert [(f["file"], f["code"]) for f in json.loads(done.stdout)] == [(f"messages/{'a' * 40}.json", "IO121")]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_file_name_that_is_not_utf8_is_shown_escaped(run_cli, tmp_path, fmt):
    """A name with a Latin-1 byte reaches Python as a lone surrogate: hashing it for the cache key
    or writing it to any output raised UnicodeEncodeError, an internal error for the whole run."""
    import os

    bad = os.fsencode(tmp_path) + b"/avviso-citt\xe0.json"
    with open(bad, "w", encoding="utf-8") as handle:
        handle.write(json.dumps({**GOOD, "fiscal_code": "RSSMRA85T10A562X"}))  # IO121
    write(tmp_path, "good.json")
    report = tmp_path / f"report.{fmt}"
    code, out, err = run_cli("check", "--now", NOW, "--format", fmt, "-o", report, ".", cwd=tmp_path)
    assert code == 1, err
    text = report.read_text("utf-8")
    assert "IO121" in text and "avviso-citt" in text  # as `avviso-citt\xe0.json`, escaped as each format escapes
    assert run_cli("baseline", "accepted.json", ".", cwd=tmp_path)[0] == 0
    assert run_cli("check", "--now", NOW, "--baseline", "accepted.json", ".", cwd=tmp_path)[0] == 0


def test_outside_a_repository_only_the_walked_tree_counts(tmp_path):
    write(tmp_path, ".gitignore", "*.json\n")
    write(tmp_path, "project/a.json")
    write(tmp_path, "project/.gitignore", "b.json\n")
    write(tmp_path, "project/b.json")
    assert found(tmp_path / "project") == ["a.json"]


def test_named_files_are_checked_even_if_ignored(run_cli, tmp_path):
    write(tmp_path, ".gitignore", "*.json\n")
    write(tmp_path, "bad.json", "{")
    assert check(run_cli, tmp_path, "bad.json")[0] == 1


@pytest.mark.parametrize("pattern", ["messages/", "messages", "/messages/", "**/messages"])
def test_ignored_folders_are_not_walked(tmp_path, pattern):
    write(tmp_path, ".gitignore", pattern + "\n")
    write(tmp_path, "messages/a.json")
    write(tmp_path, "b.json")
    assert found(tmp_path) == ["b.json"]
