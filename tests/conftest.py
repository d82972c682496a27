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


# For the child processes that measure their own peak memory: VmHWM, not ru_maxrss, which Linux
# carries over from the parent (pytest, hundreds of MB late in a run) through fork and exec.
PEAK_RSS_KB = """
def peak_rss_kb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""
