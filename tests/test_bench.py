"""The bench scripts that reach into iolint's internals still run (a rename broke bench_parts
once, unnoticed until the next measurement): each on a handful of payloads, its table printed.
They time nothing here; the figures come from full runs (README, Performance)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize(
    "command",
    [
        ["bench_parts.py", "--n", "20", "--runs", "1"],
        ["bench_throughput.py", "--n", "20", "--baseline-n", "5", "--runs", "1"],
    ],
)
def test_a_bench_script_runs(command):
    done = subprocess.run([sys.executable, *command], cwd=ROOT / "bench", capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "unique" in done.stdout and "batch" in done.stdout
