"""Inputs checked as they are read: standard input (its kind told from its first line when it has
no name), and JSONL batches too big to read whole (cut into chunks for the workers with
``--jobs``, every payload still fed to the batch rules)."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import replace
from itertools import chain

from iolint import inputs, loaders


def stdin(run, unit) -> None:
    """Standard input, read once: a JSONL batch streams, anything else is read whole."""
    handle = sys.stdin.buffer
    first = handle.readline(loaders.MAX_LINE_BYTES + 1)
    kind = sniff(first) if unit.task.kind == "sniff" else unit.task.kind
    data = None
    if kind != "jsonl":
        data = first + handle.read(loaders.MAX_FILE_BYTES + 1 - len(first))
        if unit.task.kind == "sniff" and len(data) <= loaders.MAX_FILE_BYTES and is_batch(data):
            kind = "jsonl"  # its first line is broken, not the batch: each line is checked
    unit.task = task = replace(unit.task, kind=kind)
    if not first or (data is not None and not data.strip()):
        run.discovery.stdin_empty = True  # an error, as a folder named with nothing to check
        unit.findings = []
    elif kind == "jsonl":
        run.texts[task.display] = data  # None when streamed: it may be huge
        if data is not None:
            lines = loaders.read_lines(io.BytesIO(data))
        else:
            lines = chain(loaders.read_lines(io.BytesIO(first)), loaders.read_lines(handle))
        unit.stream = _lines(run, task, _noted_if_blank(run, lines))
    else:
        unit.data = data
        run.texts[task.display] = unit.data


def sniff(first_line: bytes) -> str:
    """The kind of unnamed input, from its first line: "jsonl" when that line is a whole JSON
    object (one payload, or the first of a batch), "json" when it opens JSON, else "yaml"."""
    head = first_line.removeprefix(b"\xef\xbb\xbf").strip()
    if head[:1] not in (b"{", b"["):
        return "yaml"
    try:  # decoded first: json.loads would read bytes in UTF-16 or UTF-32 as well
        value = json.loads(head.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError included: read whole, the reader says what is wrong
        return "json"
    return "jsonl" if isinstance(value, dict) else "json"


def is_batch(data: bytes) -> bool:
    """Whether unnamed input that is not one JSON document is a JSONL batch whose first line is
    broken: more than one non-empty line, one of those after the first a whole JSON object."""
    lines = [line.strip() for line in data.splitlines() if line.strip()]
    if len(lines) < 2 or not any(line[:1] == b"{" and line[-1:] == b"}" for line in lines[1:]):
        return False
    try:
        json.loads(data)
        return False
    except (ValueError, RecursionError):  # RecursionError: nested thousands of levels deep
        pass
    for line in lines[1:]:
        try:
            if isinstance(json.loads(line), dict):
                return True
        except (ValueError, RecursionError):
            continue
    return False


def _noted_if_blank(run, lines):
    """The lines of a streamed batch; one of blank lines only is empty stdin, known at its end."""
    blank = True
    for line in lines:
        blank = blank and isinstance(line, str) and not line.strip()
        yield line
    run.discovery.stdin_empty = run.discovery.stdin_empty or blank


def big_batch(run, task):
    """A big JSONL batch, read once."""
    try:
        handle = task.path.open("rb")
    except OSError:
        yield from inputs.check_file(run.linter, task.path, task.display, explicit=task.explicit)
        return
    with handle:
        if loaders.is_binary(handle.read(8192)):
            yield from inputs.check_file(run.linter, task.path, task.display, explicit=task.explicit)
            return
        handle.seek(0)
        yield from _lines(run, task, loaders.read_lines(handle))


def _lines(run, task, lines):
    lines = _counted(run, task, lines)
    if run.pool is None:
        yield from run.linter.check_items(loaders.load_jsonl(lines), task.display)
    else:
        yield from _chunks(run, task, lines)


def _chunks(run, task, lines):
    """Chunks of lines to the workers, which run the payload rules and send back what the batch
    rules count of each line; the batch rules count here, in file order."""
    from iolint.pipeline.parallel import batch_codes, chunks

    linter, pool = run.linter, run.pool
    batch = linter.batch_checks(linter.gate.ignored_for(task.display))
    index = {code: i for i, code in enumerate(batch_codes())}  # the workers' key order
    for _, pending in pool.ordered(chunks(lines), lambda chunk: pool.check_chunk(task.display, *chunk)):
        findings, keyed = pending()
        for rule, state in batch:
            at = index[rule.code]
            for line, keys in keyed:
                state.add(keys[at], line)
        yield from findings
    for rule, state in batch:
        yield from linter.batch_findings(rule, state, task.display)


def _counted(run, task, lines):
    from iolint.report.inert import inert

    for number, line in enumerate(lines, 1):
        if number % 10_000 == 0:
            run.progress.update(f", {inert(task.display)}: {number:,} lines")
        yield line
