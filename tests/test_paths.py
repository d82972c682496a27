"""Which paths `iolint check` reads: missing paths and empty folders are errors; .gitignore counts."""

from __future__ import annotations

import json

import pytest

from iolint import config as cfg
from iolint import inputs

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
    return sorted(p.relative_to(root).as_posix() for p, _ in files)


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
