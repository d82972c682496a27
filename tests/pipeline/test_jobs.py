"""--jobs: the same findings, in the same order, as one process; big batches in chunks."""

from __future__ import annotations

import json

import pytest

from iolint import pipeline
from iolint.pipeline import parallel

NOW = "2025-01-01T00:00:00Z"
BODY = (
    "Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio alle 9:30. Porta una fototessera."
)
FISCAL_CODES = ["RSSMRA85T10A562S", "BNCGLI90L43F205R", "VRDLGU80A01H501Q"]


def message(i):
    content = {"subject": "Il tuo appuntamento è confermato", "markdown": BODY}
    if i % 7 == 0:
        content["payment_data"] = {"amount": 10.5, "notice_number": "302123456789012356"}
    return {"fiscal_code": FISCAL_CODES[i % 3], "content": content}


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """Small payload files, and a batch that counts as big and spans many chunks."""
    monkeypatch.setattr(pipeline, "STREAM_BYTES", 10_000)
    monkeypatch.setattr(parallel, "CHUNK_LINES", 7)
    monkeypatch.setattr(parallel, "PARALLEL_BYTES", 1)  # a small tree: workers anyway, to test them
    for i in range(12):
        (tmp_path / f"p{i:02}.json").write_text(json.dumps(message(i), ensure_ascii=False, indent=2), "utf-8")
    lines = [json.dumps(message(i), ensure_ascii=False) for i in range(60)]
    lines[30] = '{"content": '  # a broken line in the middle
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    assert (tmp_path / "batch.jsonl").stat().st_size > 10_000
    return tmp_path


def run(run_cli, tree, *args):
    code, out, err = run_cli("check", "--now", NOW, "--no-cache", "--format", "json-lines", *args, cwd=tree)
    assert code == 1, err
    return [json.loads(line) for line in out.splitlines()]


def test_jobs_give_the_same_findings_as_one_process(run_cli, tree):
    one = run(run_cli, tree, "--jobs", "1")
    two = run(run_cli, tree, "--jobs", "2")
    assert one == two
    batch = [(f["code"], f["line"]) for f in one if f["file"] == "batch.jsonl"]
    assert ("IO002", 31) in batch
    assert ("IO130", 2) in batch  # mass communication, seen across every chunk
    assert ("IO131", 60) in batch  # a duplicate of line 57, in another chunk
    assert ("IO201", 57) in batch


def test_a_big_batch_streams_in_file_order(run_cli, tree):
    batch = [f for f in run(run_cli, tree, "--jobs", "2") if f["file"] == "batch.jsonl"]
    payload_rules = [f["line"] for f in batch if f["code"] not in ("IO130", "IO131")]
    assert payload_rules == sorted(payload_rules)
    assert batch[-1]["code"] in ("IO130", "IO131")  # batch rules report at the end, pointing back


def test_jobs_with_the_cache(run_cli, tree):
    one = run(run_cli, tree)
    code, out, _ = run_cli("check", "--now", NOW, "--format", "json-lines", "-j", "2", cwd=tree)
    code, again, _ = run_cli("check", "--now", NOW, "--format", "json-lines", "-j", "2", cwd=tree)
    assert [json.loads(line) for line in out.splitlines()] == one
    assert again == out


def test_a_failing_file_costs_only_its_own_findings(run_cli, tree, monkeypatch):
    from iolint import inputs

    real = inputs.check_file

    def broken(linter, path, display, **kw):
        if display == "p03.json":
            raise RuntimeError("boom")
        return real(linter, path, display, **kw)

    monkeypatch.setattr(inputs, "check_file", broken)
    code, out, err = run_cli("check", "--now", NOW, "--no-cache", "--format", "json", cwd=tree)
    assert code == 2
    assert "internal error on p03.json: RuntimeError: boom" in err
    assert {f["file"] for f in json.loads(out)} >= {"p00.json", "batch.jsonl"}


@pytest.mark.parametrize("dies_on", ["a file", "a chunk of a big batch"])
def test_a_worker_that_dies_costs_no_findings(run_cli, tree, monkeypatch, dies_on):
    """A worker killed (the out-of-memory killer) broke the whole pool: the run stopped with
    `internal error: BrokenProcessPool` and reported nothing for any file."""
    import os

    from iolint.pipeline import tasks

    module, name = (tasks, "check_task") if dies_on == "a file" else (parallel, "check_chunk")
    parent, real = os.getpid(), getattr(module, name)

    def dying(*args):  # the workers are forked: they see this too
        if os.getpid() != parent:
            os._exit(9)
        return real(*args)

    one = run(run_cli, tree, "--jobs", "1")
    monkeypatch.setattr(module, name, dying)
    code, out, err = run_cli("check", "--now", NOW, "--no-cache", "--format", "json-lines", "-j", "2", cwd=tree)
    assert code == 1 and [json.loads(line) for line in out.splitlines()] == one
    assert (
        err == "iolint: a worker process ended abruptly (killed, out of memory?): the rest is checked in this process\n"
    )


# A worker dies halfway through sending its findings: the start of a result on the pipe to the
# parent, then death. Run in a child process: the pool this guards against would never end.
HALF_SENT = """
import gc, os, struct, sys
from multiprocessing.queues import SimpleQueue
from iolint import pipeline
from iolint.cli import main
from iolint.pipeline import parallel, tasks

pipeline.STREAM_BYTES, parallel.CHUNK_LINES, parallel.PARALLEL_BYTES = 10_000, 7, 1
real, parent = tasks.check_task, os.getpid()

def half_sent(*args):
    if os.getpid() != parent and (EVERY or not os.path.exists("dead")):
        open("dead", "w").close()
        results = next(o for o in gc.get_objects() if isinstance(o, SimpleQueue))
        os.write(results._writer.fileno(), struct.pack("!i", 1 << 20) + b"x" * 100)
        os._exit(9)
    return real(*args)

tasks.check_task = half_sent
sys.exit(main(["check", "--now", NOW, "--no-cache", "--format", "json-lines", "-j", "2", "."]))
"""


@pytest.mark.parametrize("every", [True, False], ids=["every worker", "one worker"])
def test_a_worker_killed_while_sending_its_findings_costs_no_findings(run_cli, tree, every):
    """SIGTERM to the process group, or the out-of-memory killer, while a worker sent a big
    result: the pool waited for the rest of it for ever (no exit 60 s after the signal). When
    one worker dies so, the pipe's end is reached only once the others are ended too."""
    import subprocess
    import sys

    one = run(run_cli, tree, "--jobs", "1")
    script = HALF_SENT.replace("NOW", repr(NOW)).replace("EVERY", repr(every))
    child = subprocess.run([sys.executable, "-c", script], cwd=tree, capture_output=True, text=True, timeout=60)
    assert child.returncode == 1 and [json.loads(line) for line in child.stdout.splitlines()] == one
    assert child.stderr == (
        "iolint: a worker process ended abruptly (killed, out of memory?): the rest is checked in this process\n"
    )


@pytest.mark.parametrize("value", ["-1", "-100", "257", "100000", "9" * 30, "1" * 5000, "two", "1e3", ""])
def test_a_negative_huge_or_odd_jobs_is_a_usage_error(run_cli, tree, value):
    code, out, err = run_cli("check", "--jobs", value, "--no-cache", cwd=tree)
    assert code == 2 and out == ""
    last = err.strip().splitlines()[-1]
    assert "--jobs" in last and "Traceback" not in err and len(last) < 200


def test_jobs_never_exceed_the_cpus(monkeypatch):
    from iolint import cli_options

    monkeypatch.setattr(cli_options.os, "cpu_count", lambda: 3)
    assert [cli_options.jobs(v) for v in ("0", "1", "2", "3", "4", "256")] == [3, 1, 2, 3, 3, 3]
    monkeypatch.setattr(cli_options.os, "cpu_count", lambda: None)
    assert cli_options.jobs("0") == cli_options.jobs("8") == 1


def test_many_jobs_on_few_cpus_start_no_more_workers_than_cpus(run_cli, tree, monkeypatch):
    from iolint.pipeline import parallel

    started = []
    real = parallel.Pool.__init__

    def counted(self, jobs, *args, **kwargs):
        started.append(jobs)
        real(self, jobs, *args, **kwargs)

    monkeypatch.setattr(parallel.Pool, "__init__", counted)
    monkeypatch.setattr(parallel, "PARALLEL_BYTES", 1)  # enough work for workers, however small
    monkeypatch.setattr("iolint.cli_options.os.cpu_count", lambda: 2)
    assert run(run_cli, tree, "--jobs", "200") == run(run_cli, tree, "--jobs", "1")
    assert started and max(started) <= 2


def test_workers_start_only_for_enough_work(tree, monkeypatch):
    from iolint.config import Config
    from iolint.pipeline import Pipeline

    def started(paths, jobs=2):
        run = Pipeline(Config(), jobs=jobs)
        for _, findings in run.run(paths):
            list(findings)
        return run.parallel

    monkeypatch.setattr(parallel, "PARALLEL_BYTES", 64 * 1024)
    assert not started([tree / "p00.json", tree / "p01.json"])  # two small files: one process
    assert not started([tree], jobs=1)
    monkeypatch.setattr(parallel, "TEMPLATE_BYTES", 64 * 1024)
    (tree / "t.io.yaml").write_text("subject: Il tuo appuntamento è confermato\nmarkdown: x\n", "utf-8")
    assert started([tree / "t.io.yaml"])  # a template weighs its variants
    big = tree / "big.jsonl"
    big.write_text((json.dumps(message(1)) + "\n") * 400, "utf-8")
    assert big.stat().st_size > 64 * 1024 and started([big])
