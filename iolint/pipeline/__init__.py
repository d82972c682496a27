"""The check pipeline: what ``iolint check`` (and ``iolint baseline``) does with every input.

    discover -> read (once) -> cache -> engine -> collect -> suppressions -> baseline -> report

as the methods ``read``, ``cached``, ``engine``, ``collect``, ``suppressed``, ``accepted``.

``STAGES`` names them in order; each takes and returns a ``Unit``, the one result type, which
carries an input from its bytes to the findings the caller reports. Discovery yields the inputs
(``iolint.inputs``); the first stages run ahead of the report (with ``--jobs``, a few inputs per
worker: the engine's work is submitted to a process pool, ``parallel``), the others in input order.
Findings of a file come sorted; a JSONL batch of ``STREAM_BYTES`` or more streams in file order
instead, in bounded memory, and is never cached, as are standard input's batches and the rows of
a recipients CSV: with ``--recipients``, each template is checked as any template, then followed
by an input of its own, at the CSV's path, for the rows rendered with it. The engine is built only
when an input is not in the cache, so a run whose files are all cached does not import the checks,
nor presidio.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path

from iolint import inputs, loaders
from iolint.finding import Finding
from iolint.gate import Gate
from iolint.paths import display, relative
from iolint.pipeline import streams
from iolint.pipeline.progress import Progress
from iolint.pipeline.tasks import STREAM_BYTES, Task, check_task, read
from iolint.privacy import Privacy

__all__ = ["Pipeline", "Progress", "Task", "Unit", "STAGES", "STREAM_BYTES"]

# The stages every input goes through; those before AHEAD run ahead of the report, the rest in order.
STAGES = ("read", "cached", "engine", "collect", "suppressed", "accepted")
AHEAD = 3


@dataclass
class Unit:
    """One input on its way through the stages, and what each has made of it."""

    task: Task
    data: bytes | None = None  # the file's bytes, read once (None: not read whole)
    key: str | None = None  # its cache entry
    findings: Iterable[Finding] | None = None  # from the cache or the engine, then filtered
    pending: partial | None = None  # the engine's work: a call that returns it (from a worker, or run here)
    stream: Iterator[Finding] | None = None  # findings made as they are read (never cached)
    skipped: bool = False  # no IO message in it: not checked (its findings, if any, still reported)


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
        self.excerpts = False  # whether the report shows source lines (their masks are then cached)
        # what the excerpts of a file's findings mask, kept with its cache entry (report.excerpt),
        # by file until the report takes them
        self.masks: dict[str, dict[str, tuple]] = {}
        self.recipients = recipients  # a CSV: each template is rendered once per row
        self.now = now
        self.jobs = jobs
        self.cache = cache
        self.show_values = show_values
        self.progress = Progress(progress)
        self.gate = Gate(config, now=now, baseline=baseline, privacy=Privacy.of(config, show_values=show_values))
        self.errors = 0
        self.parallel = False  # whether worker processes were started (``--jobs`` and enough work)
        self.pool = None
        self._relative: tuple[str | None, str] = (None, "")

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
        if self._relative[0] != shown:  # a unit's suppressions and baseline ask in turn: resolved once
            self._relative = (shown, relative(shown, self.config.root))
        return self._relative[1]

    # -- running -----------------------------------------------------------------------------

    def run(self, paths, *, force_exclude=False) -> Iterator[tuple[str, Iterable[Finding]]]:
        """(display path, findings) for every input, in order; findings are an iterator."""
        return ((unit.task.display, unit.findings) for unit in self.units(paths, force_exclude=force_exclude))

    def units(self, paths, *, force_exclude=False) -> Iterator[Unit]:
        """Every input through the stages, in order: its ``findings`` an iterator, and whether it
        was ``skipped`` (no IO message in it).

        With a recipients CSV the inputs are found here, before the first result is asked for:
        a run with no template to render the CSV with is a ``ConfigError``.
        """
        tasks = self.discover(paths, force_exclude)
        if self.recipients:
            tasks = self._with_recipients(list(tasks))
        return self._run(tasks)

    def _run(self, tasks) -> Iterator[Unit]:
        stages = [getattr(self, name) for name in STAGES]
        ahead, behind = stages[:AHEAD], stages[AHEAD:]
        if self.jobs > 1:
            from iolint.pipeline import parallel

            tasks = list(tasks)
            self.parallel = parallel.worth_it(tasks)
        if self.parallel:
            with parallel.Pool(self.jobs, self.config, self.now, self.show_values) as self.pool:
                for _, unit in self.pool.ordered(tasks, lambda task: _through(ahead, Unit(task))):
                    yield _through(behind, unit)
            self.pool = None
        else:
            for task in tasks:
                yield _through(stages, Unit(task))
        self.progress.done()

    def discover(self, paths, force_exclude: bool) -> Iterator[Task]:
        found = inputs.discover(
            paths,
            self.config,
            force_exclude=force_exclude,
            respect_gitignore=self.respect_gitignore,
            discovery=self.discovery,
        )
        return filter(None, (self._task(path, explicit, force_exclude, folder) for path, explicit, folder in found))

    def _with_recipients(self, tasks: list[Task]) -> list[Task]:
        """Each template checked as a template, then the CSV's rows rendered with it."""
        templates = [
            task for task in tasks if task.kind == "template" or not task.kind and inputs.is_template(task.path)
        ]
        if not templates:
            from iolint.config import ConfigError

            missing = "".join(f"; {path}: No such file or directory" for path in self.discovery.missing)
            raise ConfigError(
                f"--recipients {display(self.recipients)}: no template file (*.io.yaml) among the paths to render "
                f"its rows with; name one, e.g. `iolint check --recipients rows.csv avviso.io.yaml`, or pipe it "
                f"with `--stdin-filename avviso.io.yaml -`{missing}"
            )
        rows = display(self.recipients)
        out = []
        for task in tasks:
            out.append(task)
            if task in templates:
                out.append(Task(self.recipients, rows, True, template=task.path, template_stdin=bool(task.kind)))
        return out

    def _task(self, path: Path, explicit: bool, force_exclude: bool, folder: Path | None) -> Task | None:
        if str(path) != inputs.STDIN:
            return Task(path, display(path), explicit, folder=folder)
        name = Path(self.stdin_filename) if self.stdin_filename else None
        if name and force_exclude and (inputs.excluded(name, self.config) or not inputs.included(name, self.config)):
            return None  # as for a file of that name
        kind = "template" if name and inputs.is_template(name) else loaders.payload_kind(name) if name else None
        return Task(name or path, display(name) if name else inputs.STDIN, True, kind or "sniff")

    # -- the stages ----------------------------------------------------------------------------

    def read(self, unit: Unit) -> Unit:
        """The input's bytes, once; or a stream of findings for what is checked as it is read."""
        task = unit.task
        if task.template:
            from iolint.recipients import check_recipients

            text = None
            if task.template_stdin:  # read by the template's own unit, just before this one
                text = (self.texts.get(display(task.template)) or b"").decode("utf-8", "replace")
            unit.stream = check_recipients(self.linter, task.template, task.path, task.display, text)
        elif task.kind:
            streams.stdin(self, unit)
        else:
            try:
                size = task.path.stat().st_size
            except OSError:
                size = 0  # the engine reports what is wrong with the file
            if size >= STREAM_BYTES and task.path.suffix.lower() in (".jsonl", ".ndjson"):
                unit.stream = streams.big_batch(self, task)
            elif size < STREAM_BYTES:
                unit.data = read(task.path)
        return unit

    def cached(self, unit: Unit) -> Unit:
        """The findings of an unchanged file, from the cache."""
        if self.cache and unit.stream is None and unit.data is not None and not unit.task.kind:
            unit.key = self.cache.key(unit.task.display, unit.task.explicit, unit.data)
            hit = self.cache.get(unit.key)
            if hit is not None:
                unit.findings, unit.skipped, masks = hit
                if masks:
                    self.masks[unit.task.display] = masks
        return unit

    def engine(self, unit: Unit) -> Unit:
        """The engine's findings: submitted to a worker, or a call made when collected."""
        if unit.stream is None and unit.findings is None:
            if self.pool:
                unit.pending = self.pool.check_task(unit.task, unit.data)
            else:
                unit.pending = partial(check_task, self.linter, unit.task, unit.data)
        return unit

    def collect(self, unit: Unit) -> Unit:
        """The findings, in order: the engine's (cached for next time), or the stream's; a file
        skipped as no IO message is counted against the folder named it was found in."""
        self.progress.files += 1
        self.progress.update()
        if unit.stream is not None:
            unit.findings = self._guarded(unit.task, unit.stream)
        elif unit.pending is not None:
            try:
                result = unit.pending()
            except Exception as exc:  # one file's failure must not cost the others their findings
                self._failed(unit.task, exc)
                unit.findings = []
            else:
                unit.findings, until, unit.skipped = result
                if unit.key:
                    masks = {}
                    if self.excerpts:
                        from iolint.report.excerpt import masks_of

                        masks = self.masks[unit.task.display] = masks_of(
                            unit.task.display, unit.data, unit.findings, self.family_of
                        )
                    self.cache.put(unit.key, unit.findings, until, unit.skipped, masks)
        if unit.skipped and unit.task.folder is not None:
            self.discovery.folders[unit.task.folder].not_messages += 1
        return unit

    def suppressed(self, unit: Unit) -> Unit:
        """Without what the config's and the sidecar's suppressions accept."""
        unit.findings = self.gate.suppressed(self.relative(unit.task.display), unit.findings)
        return unit

    def accepted(self, unit: Unit) -> Unit:
        """Without what the baseline accepts."""
        unit.findings = self.gate.accepted(self.relative(unit.task.display), unit.findings)
        return unit

    # -- failures and leftovers ---------------------------------------------------------------

    def _guarded(self, task, findings):
        try:
            yield from findings
        except Exception as exc:
            self._failed(task, exc)

    def _failed(self, task, exc):
        from iolint.privacy import redact
        from iolint.report.inert import inert

        self.errors += 1
        message = f"iolint: internal error on {task.display}: {type(exc).__name__}: {redact(str(exc))}"
        print(inert(message), file=sys.stderr)

    def leftovers(self, *, unused: bool):
        """Findings about the suppressions and the baseline themselves, once every file is done."""
        return self.gate.leftovers(unused=unused)


def _through(stages, unit: Unit) -> Unit:
    for stage in stages:
        unit = stage(unit)
    return unit
