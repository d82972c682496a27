"""``--jobs N``: files checked in worker processes, and big JSONL batches cut into chunks of lines.

Workers start only when the input is big enough to pay for them (``worth_it``): a
pre-commit-sized run stays in one process whatever ``--jobs`` says.

The batch rules (a mass mailing, a citizen twice) need every line of a batch.
The workers run the per-payload rules on their chunks with the batch rules switched off, and
send back what each batch rule counts of each line (its key); the parent counts the keys in
file order, so it never parses a line itself. Results come
back in order, a bounded number of chunks at a time, so the output is the one of ``--jobs 1``.
"""

from __future__ import annotations

import signal
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from functools import partial

from iolint import environment

CHUNK_LINES = 5_000
# Starting workers costs about a second of CPU on a 2-core machine (each imports iolint and
# builds its engine) and the parent still reads, feeds the batch rules and reports: below this
# much input one process is faster. bench/bench_jobs.py measures both sides.
PARALLEL_BYTES = 8 * 1024 * 1024
TEMPLATE_BYTES = 512 * 1024  # a template renders up to 64 variants: it weighs as this much payload text
WATCH_SECONDS = 1.0  # how often a wait for a result looks whether a worker has died

_linter = _batchless = None  # the worker process's linters (a worker serves one run)


def batchless(config, now, show_values=False):
    """A linter that runs every enabled rule but the batch ones."""
    from iolint.engine import Linter

    return Linter(config.replace(ignore=[*config.ignore, *batch_codes()]), now=now, show_values=show_values)


def batch_codes() -> list[str]:
    """The batch rules' codes, in the order the workers send their keys."""
    from iolint import registry

    return [code for code, b in sorted(registry.load().items()) if b.kind == registry.BATCH]


def _init(config, now, show_values):
    # Ctrl-C reaches the whole process group: the parent stops the run, a worker printing its
    # own KeyboardInterrupt traceback would only add noise; SIGTERM ends a worker at once (a
    # forked worker inherits the parent's handler, which raises KeyboardInterrupt). Both were
    # held from the fork (Pool._submit) until now.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    environment.release()
    _linters(config, now, show_values)


def _linters(config, now, show_values):
    global _linter, _batchless
    from iolint.engine import Linter

    _linter = Linter(config, now=now, show_values=show_values)
    _batchless = batchless(config, now, show_values)


def _check_task(task, data):
    from iolint.pipeline.tasks import check_task

    return check_task(_linter, task, data)


def check_chunk(linter, display: str, first: int, lines: list) -> tuple[list, list]:
    """Findings of the payload rules on ``lines``, the first of which is line ``first``, and
    (line, keys) of each payload: what every batch rule counts of it (``batch_keys``)."""
    from iolint import loaders, registry
    from iolint.view import PayloadView

    shift = first - 1
    rules = tuple(registry.load()[code].check for code in batch_codes())
    keyed = []

    def tap(items):
        for item in items:
            if isinstance(item, loaders.Item):
                view = PayloadView(item.data)
                keyed.append((item.line + shift, tuple(rule.key(view) for rule in rules)))
            yield item

    findings = [
        replace(f, line=f.line + shift) if f.line else f
        for f in linter.check_items(tap(loaders.load_jsonl(iter(lines))), display)
    ]
    return findings, keyed


def _check_chunk(display, first, lines):
    return check_chunk(_batchless, display, first, lines)


def worth_it(tasks) -> bool:
    """Whether there is enough to check for workers to pay for themselves: the bytes of the
    files (a template weighs ``TEMPLATE_BYTES``), counted until ``PARALLEL_BYTES``. Standard
    input, of unknown size, counts as nothing."""
    from iolint.inputs import is_template

    total = 0
    for task in tasks:
        if task.kind:
            continue
        if is_template(task.path):
            total += TEMPLATE_BYTES
        else:
            try:
                total += task.path.stat().st_size
            except OSError:
                pass
        if total >= PARALLEL_BYTES:
            return True
    return False


def chunks(lines):
    """(first line number, lines) for consecutive runs of ``CHUNK_LINES`` lines."""
    first, batch = 1, []
    for line in lines:
        batch.append(line)
        if len(batch) == CHUNK_LINES:
            yield first, batch
            first, batch = first + CHUNK_LINES, []
    if batch:
        yield first, batch


class Pool:
    """Worker processes, each with its own linter, and an in-order window of pending work."""

    def __init__(self, jobs: int, config, now, show_values: bool):
        self.jobs = jobs
        self.settings = (config, now, show_values)
        self.executor = ProcessPoolExecutor(jobs, initializer=_init, initargs=self.settings)
        self.broken = False
        self.ends_closed = False

    def __enter__(self):
        return self

    def __exit__(self, kind, *exc):
        if kind is not None:  # an interrupt or an error ends the run: no work in progress is needed
            self._end_workers()
        self.executor.shutdown(cancel_futures=True)

    # A worker killed halfway through sending a result (SIGTERM to the process group, the
    # out-of-memory killer during a big chunk's findings) leaves the pool's reader waiting for
    # the rest for ever: the result pipe reaches its end only when no process holds its write
    # end. Likewise a chunk being written to the workers when they die: the write never ends
    # while a process holds the call pipe's read end (gh-94777: fixed in later 3.11 releases, but
    # the 3.11.2 of Debian 12 hangs). So the parent closes its own copies of both ends once
    # every worker has started (a worker started later would need them), and a wait that sees a
    # dead worker ends the others: the pool then reads the end of the pipe and breaks, as for
    # any dead worker, and a write to dead workers fails (the pool ignores that error).

    def _processes(self) -> list:
        return list((getattr(self.executor, "_processes", None) or {}).values())

    def _close_parent_ends(self):
        results = getattr(self.executor, "_result_queue", None)
        calls = getattr(self.executor, "_call_queue", None)
        if results is not None and calls is not None and len(self._processes()) >= self.jobs:
            results._writer.close()
            calls._reader.close()
            self.ends_closed = True

    def _end_workers(self):
        for process in self._processes():
            process.terminate()

    def check_task(self, task, data):
        return self._submit(_check_task, task, data)

    def check_chunk(self, display, first, lines):
        return self._submit(_check_chunk, display, first, lines)

    def _submit(self, function, *args):
        """``function(*args)`` submitted to a worker: a call that returns its result. Workers are
        started here, with Ctrl-C and SIGTERM held until their initializer has set what the
        signals do to them. Once a worker has died (killed, out of memory), which breaks the
        whole pool, what is left runs in this process: the other files keep their findings."""
        if not self.broken:
            try:
                with environment.held():  # an interrupt must not fall between the start and the closing
                    future = self.executor.submit(function, *args)
                    if not self.ends_closed:
                        self._close_parent_ends()
                return partial(self._result, future, function, args)
            except BrokenProcessPool:
                self._break()
        return partial(function, *args)

    def _result(self, future, function, args):
        try:
            while True:
                try:
                    return future.result(timeout=WATCH_SECONDS)
                except TimeoutError:
                    if any(process.exitcode is not None for process in self._processes()):
                        self._end_workers()
        except BrokenProcessPool:
            self._break()
            return function(*args)

    def _break(self):
        if not self.broken:
            self.broken = True
            _linters(*self.settings)
            print(
                "iolint: a worker process ended abruptly (killed, out of memory?): the rest is checked in this process",
                file=sys.stderr,
            )

    def ordered(self, items, start):
        """``start(item)`` for each item, at most a few per worker ahead, results in order."""
        window = deque()
        for item in items:
            window.append((item, start(item)))
            if len(window) >= self.jobs * 2:
                yield window.popleft()
        yield from window
