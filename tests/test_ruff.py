"""The code's own style: ruff's lint and format checks pass with the project's settings
(``[tool.ruff]`` in pyproject.toml), as a contributor runs them with ``ruff check`` and
``ruff format``."""

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("command", [["check", "--no-cache"], ["format", "--check", "--no-cache"]])
def test_ruff_passes(command):
    done = subprocess.run([sys.executable, "-m", "ruff", *command, "."], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
