"""The check pipeline: files -> cache or engine (+ inline directives) -> config and sidecar
suppressions -> baseline -> the caller's reporter.

Findings of a file come sorted; a JSONL batch of ``STREAM_BYTES`` or more streams in file order
instead, in bounded memory, and is never cached. The engine is built only when a file is not in
the cache, so a run whose files are all cached does not import the checks, nor presidio.
"""

from __future__ import annotations

import io
import sys
import time
from concurrent.futures import Future
from dataclasses import dataclass, replace
from functools import cached_property, partial
from itertools import chain
from pathlib import Path

from iolint import inputs, loaders, suppress
from iolint.gate import Gate
from iolint.finding import Finding
from iolint.paths import display, relative

STREAM_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Task:
    path: Path
    display: str
    explicit: bool
    kind: str | None = None  # standard input only: "json", "yaml", "jsonl", "template" or "sniff" (unnamed)


def check_file(linter, task: Task, data: bytes | None) -> list[Finding]:
    """The findings of one file (or of standard input), inline directives applied, sorted."""
    if task.kind:
        findings = inputs.check_data(linter, task.kind, data, task.display)
    else:
        findings = inputs.check_file(linter, task.path, task.display, explicit=task.explicit, data=data)
    kind = task.kind or suppress.kind_of(task.path.name)
    if kind in ("yaml", "template") and data and b"iolint" in data:  # JSON holds no comments
        text = data.decode("utf-8", "replace")
        findings = linter.gate.directives(text, findings, task.display, kind)
    return sorted(findings, key=Finding.sort_key)


def _read(path: Path) -> bytes | None:
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


class Progress:
    """A one-line counter on stderr, when stderr is a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.files = 0
        self.shown = 0.0

    def update(self, text: str = "", *, force: bool = False) -> None:
        now = time.monotonic()
        if self.enabled and (force or now - self.shown > 0.1):
            self.shown = now
            sys.stderr.write(f"\riolint: {self.files:,} files{text}\x1b[K")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled and self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


class Pipeline:
    def __init__(
        self,
        config,
        *,
        now=None,
        jobs=1,
        cache=None,
        baseline=None,
        show_values=False,
        progress=False,
        recipients=None,
        respect_gitignore=True,
        stdin_filename=None,
    ):
        self.config = config
        self.respect_gitignore = respect_gitignore
        self.discovery = inputs.Discovery()  # paths that do not exist, what each folder gave
        self.stdin_filename = stdin_filename  # what `-` is called in messages and config matching
        self.texts: dict[str, bytes | None] = {}  # what was read from stdin, for excerpts (None: not kept)
        self.recipients = recipients  # a CSV: each template is rendered once per row
        self.now = now
        self.jobs = jobs
        self.cache = cache
        self.show_values = show_values
        self.progress = Progress(progress)
        self.gate = Gate(config, now=now, baseline=baseline)
        self.errors = 0
        self.parallel = False  # whether worker processes were started (``--jobs`` and enough work)

    @cached_property
    def linter(self):
        from iolint.engine import Linter

        return Linter(self.config, now=self.now, gate=self.gate)

    @property
    def baseline(self):
        return self.gate.baseline

    def rules(self):
        return self.gate.rules

    def family_of(self, code: str) -> str | None:
        """The family of a rule (the catalogue is read on the first call)."""
        rule = self.gate.by_code.get(code)
        return rule.family if rule else None

    def relative(self, shown: str) -> str:
        return relative(shown, self.config.root)

    # -- running -----------------------------------------------------------------------------

    def run(self, paths, *, force_exclude=False):
        """(display path, findings) for every file, in order; findings are an iterator."""
        found = inputs.discover(
            paths,
            self.config,
            force_exclude=force_exclude,
            respect_gitignore=self.respect_gitignore,
            discovery=self.discovery,
        )
        tasks = filter(None, (self._task(path, explicit, force_exclude) for path, explicit in found))
        if self.jobs > 1:
            from iolint import parallel

            tasks = list(tasks)
            self.parallel = parallel.worth_it(tasks)
        if self.parallel:
            with parallel.Pool(self.jobs, self.config, self.now, self.show_values) as pool:
                for task, pending in pool.ordered(tasks, lambda t: self._start(t, pool)):
                    yield task.display, self._after(task, self._resolve(task, pending))
        else:
            for task in tasks:
                yield task.display, self._after(task, self._resolve(task, self._start(task, None)))
        self.progress.done()

    def _task(self, path: Path, explicit: bool, force_exclude: bool) -> Task | None:
        if str(path) != inputs.STDIN:
            return Task(path, display(path), explicit)
        name = Path(self.stdin_filename) if self.stdin_filename else None
        if name and force_exclude and (inputs.excluded(name, self.config) or not inputs.included(name, self.config)):
            return None  # as for a file of that name
        kind = "template" if name and inputs.is_template(name) else loaders.payload_kind(name) if name else None
        return Task(name or path, display(name) if name else inputs.STDIN, True, kind or "sniff")

    def _start(self, task: Task, pool):
        """Cached findings; (a Future of findings or a call that makes them, cache key); or a
        generator for a big batch."""
        if task.kind:
            return self._stdin(task, pool)
        if self.recipients and inputs.is_template(task.path):
            from iolint.recipients import check_recipients

            return check_recipients(self.linter, task.path, self.recipients, display(self.recipients))
        try:
            size = task.path.stat().st_size
        except OSError:
            size = 0  # the engine reports what is wrong with the file
        if size >= STREAM_BYTES and task.path.suffix.lower() in (".jsonl", ".ndjson"):
            return self._stream(task, pool)
        data = _read(task.path) if size < STREAM_BYTES else None
        key = self.cache.key(task.display, task.explicit, data) if self.cache and data is not None else None
        if key:
            cached = self.cache.get(key)
            if cached is not None:
                return cached
        if pool:
            return pool.check_task(task, data), key
        return partial(check_file, self.linter, task, data), key

    def _resolve(self, task, pending):
        self.progress.files += 1
        self.progress.update()
        if isinstance(pending, tuple):
            findings, key = pending
            try:
                findings = findings.result() if isinstance(findings, Future) else findings()
            except Exception as exc:  # one file's failure must not cost the others their findings
                self._failed(task, exc)
                return []
            if key:
                self.cache.put(key, findings)
            return findings
        return pending if isinstance(pending, list) else self._guarded(task, pending)

    def _guarded(self, task, findings):
        try:
            yield from findings
        except Exception as exc:
            self._failed(task, exc)

    def _failed(self, task, exc):
        from iolint.redact import redact
        from iolint.report.inert import inert

        self.errors += 1
        message = f"iolint: internal error on {task.display}: {type(exc).__name__}: {redact(str(exc))}"
        print(inert(message), file=sys.stderr)

    def _after(self, task, findings):
        rel = self.relative(task.display)
        return self.gate.accepted(rel, self.gate.suppressed(rel, findings))

    def _stdin(self, task: Task, pool):
        """Standard input, read once: a JSONL batch streams, anything else is read whole."""
        handle = sys.stdin.buffer
        first = handle.readline(loaders.MAX_LINE_BYTES + 1)
        kind = inputs.sniff(first) if task.kind == "sniff" else task.kind
        task = replace(task, kind=kind)
        if kind == "jsonl":
            self.texts[task.display] = None  # not kept: it may be huge
            lines = chain(loaders.read_lines(io.BytesIO(first)), loaders.read_lines(handle))
            return self._stream_lines(task, pool, lines)
        data = first + handle.read(loaders.MAX_FILE_BYTES + 1 - len(first))
        self.texts[task.display] = data
        if pool:
            return pool.check_task(task, data), None
        return partial(check_file, self.linter, task, data), None

    def _stream(self, task: Task, pool):
        """A big JSONL batch, read once: chunks to the workers, every payload to the batch rules."""
        try:
            handle = task.path.open("rb")
        except OSError:
            yield from inputs.check_file(self.linter, task.path, task.display, explicit=task.explicit)
            return
        with handle:
            if b"\0" in handle.read(8192):
                yield from inputs.check_file(self.linter, task.path, task.display, explicit=task.explicit)
                return
            handle.seek(0)
            yield from self._stream_lines(task, pool, loaders.read_lines(handle))

    def _stream_lines(self, task: Task, pool, lines):
        lines = self._counted(task, lines)
        if pool is None:
            yield from self.linter.check_items(loaders.load_jsonl(lines), task.display)
            return
        yield from self._stream_chunks(task, pool, lines)

    def _stream_chunks(self, task, pool, lines):
        from iolint.parallel import batch_codes, chunks

        linter = self.linter
        batch = linter.batch_checks(linter.gate.ignored_for(task.display))
        index = {code: i for i, code in enumerate(batch_codes())}  # the workers' key order
        start = lambda chunk: pool.check_chunk(task.display, *chunk)  # noqa: E731
        for _, pending in pool.ordered(chunks(lines), start):
            findings, keyed = pending.result()
            for rule, state in batch:
                at = index[rule.code]
                for line, keys in keyed:
                    state.add(keys[at], line)
            yield from findings
        for rule, state in batch:
            yield from linter.batch_findings(rule, state, task.display)

    def _counted(self, task, lines):
        from iolint.report.inert import inert

        for number, line in enumerate(lines, 1):
            if number % 10_000 == 0:
                self.progress.update(f", {inert(task.display)}: {number:,} lines")
            yield line

    def leftovers(self, *, unused: bool):
        """Findings about the suppressions and the baseline themselves, once every file is done."""
        return self.gate.leftovers(unused=unused)

