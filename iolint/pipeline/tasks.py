"""One input of a run: a file or standard input, read once, checked by the engine with its inline
directives applied. What a worker process runs (``iolint.pipeline.parallel``) is ``check_task``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from iolint import inputs
from iolint.finding import Finding
from iolint.suppress import kind_of

STREAM_BYTES = 16 * 1024 * 1024  # a JSONL batch this big streams, in file order, and is never cached


@dataclass(frozen=True)
class Task:
    path: Path
    display: str
    explicit: bool
    kind: str | None = None  # standard input only: "json", "yaml", "jsonl", "template" or "sniff" (unnamed)
    template: Path | None = None  # a recipients CSV only: the template its rows are rendered with
    template_stdin: bool = False  # ... which came on standard input, named ``template``
    folder: Path | None = None  # the folder named on the command line that the file was found in


def check_task(linter, task: Task, data: bytes | None) -> tuple[list[Finding], datetime | None, bool]:
    """The findings of one file (or of standard input), inline directives applied, sorted; the
    instant they may stop holding (``Horizon``; None: they hold for the whole run's key); and
    whether the input was skipped, holding no IO message (``inputs.Outcome``)."""
    linter.context.horizon.reset()
    outcome = inputs.Outcome()
    if task.kind:
        findings = inputs.check_data(linter, task.kind, data, task.display, outcome)
    else:
        findings = inputs.check_file(
            linter, task.path, task.display, explicit=task.explicit, data=data, outcome=outcome
        )
    kind = task.kind or kind_of(task.path.name)
    if kind in ("yaml", "template") and data and b"iolint" in data:  # JSON holds no comments
        text = data.decode("utf-8", "replace")
        findings = linter.gate.directives(text, findings, task.display, kind)
    findings = sorted(findings, key=Finding.sort_key)  # first: the outcome is known once all are taken
    return findings, linter.context.horizon.until, outcome.skipped


def read(path: Path) -> bytes | None:
    """The bytes of a file, read once: hashed for the cache, scanned for directives and checked.
    None for what is not a regular file, cannot be read, or has grown past the streaming size."""
    try:
        if not path.is_file():
            return None
        with path.open("rb") as handle:
            data = handle.read(STREAM_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= STREAM_BYTES else None
