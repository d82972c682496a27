import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"  # what tests read: a fresh clone has nothing beside it


@pytest.fixture
def run_cli(capsys, monkeypatch, tmp_path):
    """Run ``iolint`` in-process; returns (exit code, stdout, stderr)."""
    from iolint.cli import main

    def run(*args, cwd=None):
        monkeypatch.chdir(cwd or tmp_path)
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def python():
    return sys.executable
