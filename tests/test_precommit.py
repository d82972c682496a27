"""The pre-commit hook, run by the real pre-commit on a throwaway repository.

The hook's environment is installed once for the module (from PyPI: it takes a while), from a
snapshot of this working tree committed to a scratch repository, so uncommitted work is tested.
The sender's configuration is the README's snippet, as written there but for its two
placeholders. pre-commit is run through this interpreter (``python -m pre_commit``), never
looked up on PATH: the README's test command does not activate the virtual environment.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

PLACEHOLDER_REPO = "https://github.com/YOUR-ORG/iolint"
PLACEHOLDER_REV = "FULL-COMMIT-SHA"

GOOD = {
    "fiscal_code": "RSSMRA85T10A562S",
    "content": {
        "subject": "Il tuo appuntamento è confermato",
        "markdown": "Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio alle 9:30. Porta una fototessera.",
    },
}
BAD = {**GOOD, "content": {**GOOD["content"], "payment_data": {"amount": 123.5, "notice_number": "302123456789012356"}}}


def git(cwd, *args, env=None):
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home / "pre-commit"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": str(home / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    env.pop("GITHUB_ACTIONS", None)
    return env


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, env):
    """This working tree (tracked and untracked files, as git would see them), committed."""
    snapshot = tmp_path_factory.mktemp("hook-repo")
    listed = git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git(snapshot, "init", "-q", env=env)
    git(snapshot, "add", "-A", env=env)
    git(snapshot, "commit", "-q", "-m", "snapshot", env=env)
    return snapshot, git(snapshot, "rev-parse", "HEAD", env=env).strip()


def readme_snippet() -> str:
    """The ``.pre-commit-config.yaml`` the README's Pre-commit section tells senders to write."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## Pre-commit") :]
    return re.search(r"```yaml\n(.*?)```", section, re.DOTALL).group(1)


def pre_commit(*args, cwd, env):
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, check=True, capture_output=True
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory, hook_repo, env):
    """A sender's repository with the hook installed (its environment built once, here)."""
    repo_path, rev = hook_repo
    project = tmp_path_factory.mktemp("sender")
    git(project, "init", "-q", env=env)
    snippet = readme_snippet()
    assert snippet.count(PLACEHOLDER_REPO) == 1 and snippet.count(PLACEHOLDER_REV) == 1, snippet
    config = snippet.replace(PLACEHOLDER_REPO, str(repo_path)).replace(PLACEHOLDER_REV, rev)
    (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    pre_commit("install", cwd=project, env=env)
    pre_commit("install-hooks", cwd=project, env=env)
    return project


def commit(project, env, name, text):
    (project / name).write_text(text, encoding="utf-8")
    git(project, "add", name, env=env)
    done = subprocess.run(["git", "commit", "-m", f"add {name}"], cwd=project, env=env, capture_output=True, text=True)
    if done.returncode:  # leave nothing staged for the next test
        git(project, "reset", "-q", env=env)
    return done.returncode, done.stdout + done.stderr


def test_a_good_payload_is_committed(project, env):
    code, out = commit(project, env, "good.json", json.dumps(GOOD, ensure_ascii=False))
    assert code == 0, out
    assert "iolint" in out and "Passed" in out


def test_a_bad_payload_blocks_the_commit(project, env):
    code, out = commit(project, env, "bad.json", json.dumps(BAD, ensure_ascii=False, indent=2))
    assert code != 0
    assert "IO201" in out and "bad.json" in out
    assert "bad.json" not in git(project, "ls-files", env=env).split()


def test_a_bad_batch_blocks_the_commit(project, env):
    lines = "\n".join(json.dumps(m, ensure_ascii=False) for m in (GOOD, BAD)) + "\n"
    code, out = commit(project, env, "batch.jsonl", lines)
    assert code != 0
    assert "batch.jsonl:2:" in out and "IO201" in out


def test_config_excludes_apply_to_files_pre_commit_names(project, env):
    (project / "pyproject.toml").write_text('[tool.iolint]\nextend-exclude = ["drafts"]\n', encoding="utf-8")
    (project / "drafts").mkdir()
    git(project, "add", "pyproject.toml", env=env)
    code, out = commit(project, env, "drafts/bad.json", json.dumps(BAD))
    assert code == 0, out
