"""The process and its environment: a locale that cannot encode "€", closed pipes, signals, full disks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOT

NOW = "2030-01-01T00:00:00Z"
BAD = "examples/payloads/bad"


def iolint(*args, env=None, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env or {})}
    env.pop("GITHUB_ACTIONS", None)
    argv = [sys.executable, "-m", "iolint", *map(str, args)]
    kwargs.setdefault("cwd", ROOT)
    return subprocess.run(argv, capture_output=True, env=env, timeout=120, **kwargs)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("fmt", ["json", "json-lines", "sarif", "junit"])
def test_machine_formats_are_utf8_whatever_the_locale(encoding, fmt):
    """`PYTHONIOENCODING=ascii iolint check --format json` stopped at the first "€" of a message
    with an internal error (exit 2, a truncated report); JSON, SARIF and JUnit are UTF-8."""
    done = iolint("check", BAD, "--no-cache", "--now", NOW, "--format", fmt, env={"PYTHONIOENCODING": encoding})
    assert done.returncode == 1, done.stderr
    text = done.stdout.decode("utf-8")
    assert "€" in text
    if fmt == "json-lines":
        assert all(json.loads(line) for line in text.splitlines())
    elif fmt == "junit":
        assert ET.fromstring(done.stdout).tag == "testsuites"
    else:
        assert json.loads(text)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "args",
    [
        ["check", BAD, "--no-cache", "--now", NOW],
        ["check", BAD, "--no-cache", "--now", NOW, "--format", "github"],
        ["rules"],
        ["rules", "--format", "json"],
        ["rules", "--format", "markdown"],
        ["explain", "IO203"],
        ["models"],
        ["models", "--format", "json"],
        ["render", "tari/avviso-pagamento", "--sample"],
    ],
    ids=" ".join,
)
def test_no_command_fails_on_what_stdout_cannot_encode(encoding, args):
    done = iolint(*args, env={"PYTHONIOENCODING": encoding})
    assert done.returncode in (0, 1), done.stderr
    assert b"internal error" not in done.stderr
    if args[0] == "render" or {"json", "markdown"} & set(args):
        assert not done.stdout.decode("utf-8").isascii()
    elif args[0] == "check" and "--format" not in args:  # text for people: escaped, in the terminal's encoding
        text = done.stdout.decode(encoding)
        assert "\\u20ac" in text and "€" not in text


def _limited(size: int):
    """A child whose files cannot grow past ``size`` bytes: a full disk, as a write sees it."""
    import resource

    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


@pytest.mark.parametrize("fmt", ["text", "junit"])
def test_a_report_that_cannot_be_written_is_a_clear_error(tmp_path, fmt):
    """A full disk while writing `-o report.json` was `internal error: OSError: [Errno 27] File
    too large`; it now names the file, and the previous report stays whole."""
    (tmp_path / "report.txt").write_text("the previous report\n", "utf-8")
    args = ["check", ROOT / BAD, "--no-cache", "--now", NOW, "--format", fmt, "-o", "report.txt"]
    done = iolint(*args, cwd=tmp_path, preexec_fn=_limited(1000))
    assert done.returncode == 2
    assert done.stderr.decode().strip() == "iolint: cannot write report.txt: File too large"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]
    assert (tmp_path / "report.txt").read_text("utf-8") == "the previous report\n"


def test_a_baseline_that_cannot_be_written_is_a_clear_error(tmp_path):
    (tmp_path / "msgs").mkdir()
    for bad in (ROOT / BAD).iterdir():
        (tmp_path / "msgs" / bad.name).write_bytes(bad.read_bytes())
    done = iolint("baseline", "base.json", "msgs", "--now", NOW, "--no-cache", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    before = (tmp_path / "base.json").read_bytes()
    (tmp_path / "msgs" / "more.json").write_bytes((ROOT / BAD / "avviso-sbagliato.json").read_bytes())
    args = ["baseline", "base.json", "msgs", "--now", NOW, "--no-cache"]
    done = iolint(*args, cwd=tmp_path, preexec_fn=_limited(len(before)))
    assert done.returncode == 2
    assert done.stderr.decode().strip() == "iolint: cannot write base.json: File too large"
    assert (tmp_path / "base.json").read_bytes() == before and not list(tmp_path.glob(".*.tmp"))


def test_a_report_to_a_full_device_is_a_clear_error():
    done = iolint("check", BAD, "--no-cache", "--now", NOW, "-o", "/dev/full")
    assert done.returncode == 2
    assert done.stderr.decode().strip() == "iolint: cannot write /dev/full: No space left on device"


def _batch(path, lines: int) -> None:
    row = {"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": "Avviso {} per Mario Rossi", "markdown": "x"}}
    with path.open("w", encoding="utf-8") as out:
        for i in range(lines):
            row["content"]["markdown"] = f"Gentile cittadino, il suo avviso numero {i} è pronto. " * 3
            out.write(json.dumps(row) + "\n")


def _interrupted(tmp_path, signum, *args, group=False):
    """Start ``iolint check batch.jsonl -o rep.json ARGS`` and send ``signum`` once it is writing
    its report (and its workers, if any, have started); (exit code, stderr)."""
    import time

    argv = [sys.executable, "-m", "iolint", "check", "batch.jsonl", "-o", "rep.json", "--format", "json", *args]
    child = subprocess.Popen(argv, cwd=tmp_path, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".rep.json.*.tmp")) and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    if "--jobs" in args:
        workers = Path(f"/proc/{child.pid}/task/{child.pid}/children")
        while child.poll() is None and len(workers.read_text().split()) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
    assert child.poll() is None, "the run ended before it could be interrupted: make the batch bigger"
    (os.killpg if group else os.kill)(child.pid, signum)
    _, err = child.communicate(timeout=60)
    return child.returncode, err.decode()


@pytest.mark.parametrize("cache", [["--no-cache"], []], ids=["no cache", "cache"])
def test_sigterm_mid_run_leaves_no_temporary_file(tmp_path, cache):
    """SIGTERM (a cancelled CI job) ended the process on the spot and left `.rep.json.*.tmp` (and
    a cache entry's temporary file) behind; it now stops the run as Ctrl-C does."""
    import signal

    _batch(tmp_path / "batch.jsonl", 20_000)
    code, err = _interrupted(tmp_path, signal.SIGTERM, *cache)
    # 2, as after Ctrl-C; about one run in fifteen CPython ends by SIGINT instead (strace shows
    # it kill itself after the SIGTERM), with nothing on stderr and nothing left behind
    assert code in (2, -signal.SIGINT) and "Traceback" not in err, (code, err)
    assert not list(tmp_path.rglob("*.tmp")) and not (tmp_path / "rep.json").exists()


@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM"])
def test_a_signal_to_the_process_group_with_jobs_prints_no_traceback(tmp_path, signame):
    """Ctrl-C with --jobs: each worker printed a KeyboardInterrupt traceback. SIGTERM to the
    group killed the workers, one of them at times halfway through sending a chunk's findings:
    the parent then waited for the rest for ever (tests/pipeline/test_jobs.py has that case)."""
    import signal

    from iolint.pipeline.parallel import PARALLEL_BYTES

    _batch(tmp_path / "batch.jsonl", PARALLEL_BYTES // 150)
    assert (tmp_path / "batch.jsonl").stat().st_size > PARALLEL_BYTES
    code, err = _interrupted(tmp_path, getattr(signal, signame), "--jobs", "2", "--no-cache", group=True)
    assert code == 2 and err == "", err
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.parametrize("command", [["check", "{payload}", "--no-cache"], ["rules"], ["explain", "IO205"]])
def test_a_current_folder_that_was_deleted_is_a_clear_error(tmp_path, monkeypatch, capsys, command):
    """A shell left in a folder another process removed: `internal error: FileNotFoundError`."""
    from iolint.cli import main

    payload = tmp_path / "a.json"
    payload.write_bytes((ROOT / BAD / "avviso-sbagliato.json").read_bytes())
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    assert main([arg.format(payload=payload) for arg in command]) == 2
    out, err = capsys.readouterr()
    assert (
        out == "" and err == "iolint: the current folder cannot be read: No such file or directory (was it deleted?)\n"
    )


@pytest.mark.parametrize(("args", "code"), [(["check", "--no-cache", "batch.jsonl"], 2), (["explain", "IO"], 0)])
def test_a_reader_that_leaves_early_ends_the_run_quietly(tmp_path, args, code):
    """`iolint check … | head`: the report is cut and the files after it are not checked, so there
    is no verdict to give (2, not the 0 a clean run gives: `set -o pipefail` keeps a CI job red).
    A listing cut short is no failure. Neither prints a traceback."""
    _batch(tmp_path / "batch.jsonl", 3_000)  # far more than a pipe holds
    argv = (
        [sys.executable, "-m", "iolint", *args, "--now", NOW]
        if args[0] == "check"
        else [sys.executable, "-m", "iolint", *args]
    )
    child = subprocess.Popen(argv, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout.read(1)
    child.stdout.close()
    assert child.wait(timeout=120) == code
    assert child.stderr.read() == b""
