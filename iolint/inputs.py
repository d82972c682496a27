"""Which files to check, and how each kind of file reaches the engine."""

from __future__ import annotations

import fnmatch
import io
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from iolint import loaders, yamlreader
from iolint.finding import Finding
from iolint.loaders import Problem, ProblemKind

TEMPLATE_SUFFIXES = (".io.yaml", ".io.yml")
# How a payload file read whole becomes payloads, by the kind ``loaders.PAYLOAD_SUFFIXES`` gives
# its name (JSONL is streamed line by line instead): text -> Items and Problems.
READERS = {"json": loaders.load_json, "yaml": yamlreader.load_yaml}
STDIN = "-"  # the path that names standard input
EMPTY = Problem(ProblemKind.NOT_A_MESSAGE, "the file is empty: no message to check", 1, 1)


def is_template(path: Path) -> bool:
    return path.name.lower().endswith(TEMPLATE_SUFFIXES)


def _matches(path: Path, patterns: list[str], root: Path) -> bool:
    try:
        rel = path.resolve().relative_to(root).as_posix()
    except ValueError:
        rel = path.as_posix()
    parts = rel.split("/")
    for pattern in patterns:
        if "/" in pattern.strip("/"):
            if fnmatch.fnmatch(rel, pattern.strip("/")) or fnmatch.fnmatch(rel, pattern.strip("/") + "/*"):
                return True
        elif any(fnmatch.fnmatch(part, pattern) for part in parts):
            return True
    return False


def excluded(path: Path, config) -> bool:
    return _matches(path, config.excludes, config.root)


def included(path: Path, config) -> bool:
    return any(fnmatch.fnmatch(path.name, p) for p in config.include)


@dataclass
class Walked:
    """What walking one folder named on the command line found, and what it left out."""

    found: int = 0
    skipped: Counter = field(default_factory=Counter)  # (reason, "file" or "folder") -> count
    not_messages: int = 0  # files found, read and skipped: no IO message in them (set by the pipeline)

    @property
    def checked(self) -> bool:
        """Whether a file found in the folder was checked (not skipped as no IO message)."""
        return self.found > self.not_messages

    def why_nothing(self, include: list[str]) -> str:
        """Why nothing was checked in the folder, for the error message."""
        if not (self.skipped or self.not_messages):
            return "it holds no files"
        reasons = {
            "name": f"not named like a payload or template ({', '.join(include)})",
            "excluded": "excluded by the configuration",
            "gitignore": "ignored by .gitignore (--no-respect-gitignore checks them)",
        }
        parts = []
        if n := self.not_messages:
            what = "files read that are not IO messages" if n != 1 else "file read that is not an IO message"
            parts.append(f"{n} JSON/YAML {what} (empty, or no content, fiscal_code or feature_level_type)")
        for reason, text in reasons.items():
            counts = [
                f"{n} {kind}{'s' if n != 1 else ''}" for kind in ("folder", "file") if (n := self.skipped[reason, kind])
            ]
            if counts:
                parts.append(f"{' and '.join(counts)} {text}")
        return "skipped " + "; ".join(parts)


@dataclass
class Discovery:
    """Paths named that do not exist, and what each folder named gave."""

    missing: list[Path] = field(default_factory=list)
    folders: dict[Path, Walked] = field(default_factory=dict)
    stdin_empty: bool = False  # `-` was named and standard input held nothing


def discover(
    paths: list[Path],
    config,
    *,
    force_exclude: bool = False,
    respect_gitignore: bool = True,
    discovery: Discovery | None = None,
) -> Iterator[tuple[Path, bool, Path | None]]:
    """(file, explicit, folder) triples: files named on the command line (folder None), and
    files found in folders (the folder named that they were found in).

    Files named explicitly are checked whatever their name, unless ``force_exclude`` (as the
    pre-commit hook does) and the config excludes them. While walking folders, files and
    folders that ``.gitignore`` ignores are skipped (``respect_gitignore``). A path that does
    not exist is noted in ``discovery`` (and yields nothing), as is what each folder gave.
    """
    discovery = discovery if discovery is not None else Discovery()
    seen = set()
    for path in paths:
        if str(path) == STDIN:
            yield path, True, None
        elif path.is_dir():
            walked = discovery.folders.setdefault(path, Walked())
            ignores = None
            if respect_gitignore:
                from iolint.gitignore import Ignores  # pathspec: only when a folder is walked

                ignores = Ignores(path)
            yield from _walk(path, config, seen, walked, ignores)
        elif not (path.exists() or path.is_symlink()):
            discovery.missing.append(path)
        elif path not in seen:
            seen.add(path)
            if force_exclude:
                if not (excluded(path, config) or not (included(path, config) or is_template(path))):
                    yield path, False, None
            else:
                yield path, True, None


def _walk(path: Path, config, seen: set, walked: Walked, ignores) -> Iterator[tuple[Path, bool, Path]]:
    for folder, dirs, files in os.walk(path):
        base = Path(folder)
        kept = []
        for name in sorted(dirs):
            why = _skipped(base / name, config, ignores, folder=True)
            if why:
                walked.skipped[why, "folder"] += 1
            else:
                kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            file = base / name
            why = _skipped(file, config, ignores, folder=False)
            if why:
                walked.skipped[why, "file"] += 1
            elif file not in seen:
                seen.add(file)
                walked.found += 1
                yield file, False, path


def _skipped(path: Path, config, ignores, *, folder: bool) -> str | None:
    """Why a path met while walking is left out, or None."""
    if not folder and not included(path, config):
        return "name"
    if excluded(path, config):
        return "excluded"
    if ignores is not None and ignores.ignored(path, folder=folder):
        return "gitignore"
    return None


@dataclass
class Outcome:
    """What checking one input made of it besides its findings."""

    skipped: bool = False  # it holds no IO message (empty, not one, an unknown extension): not checked


def check_file(
    linter,
    path: Path,
    display: str,
    *,
    explicit: bool = True,
    data: bytes | None = None,
    outcome: Outcome | None = None,
) -> Iterator[Finding]:
    """Findings for one file; whatever is wrong with the file is a finding, never an exception.

    ``data``: the file's bytes when the caller has read them already (to hash them for the cache).
    ``outcome``: told whether the file was skipped, holding no IO message (known once the
    findings are all taken).
    """
    outcome = outcome if outcome is not None else Outcome()
    if is_template(path):
        from iolint.templates import check_template_file

        yield from check_template_file(linter, path, display, data=data)
        return
    kind = loaders.payload_kind(path)
    if kind is None:
        outcome.skipped = True
        if explicit:
            yield from _problem(
                linter,
                Problem(ProblemKind.NOT_A_MESSAGE, "not a payload or template file (unknown extension)"),
                display,
            )
        return
    if not path.exists():
        yield from _problem(linter, Problem(ProblemKind.UNREADABLE, "no such file"), display)
        return
    if path.is_dir():
        yield from _problem(linter, Problem(ProblemKind.UNREADABLE, "is a folder, not a file"), display)
        return
    if not path.is_file():  # a FIFO would block, a device would never end
        yield from _problem(
            linter, Problem(ProblemKind.UNREADABLE, "not a regular file (a pipe, socket or device)"), display
        )
        return
    if kind == "jsonl":
        seen = []
        items = (seen.append(1) or item for item in _jsonl_items(path, data))
        yield from linter.check_items(items, display)
        if not seen:
            outcome.skipped = True
            if explicit:
                yield from _problem(linter, EMPTY, display)
        return
    text = loaders.decode(data) if data is not None else loaders.read_text(path)
    yield from _check_text(linter, kind, text, display, explicit, outcome)


def check_data(linter, kind: str, data: bytes, display: str, outcome: Outcome | None = None) -> Iterator[Finding]:
    """Findings for the bytes of a payload or template that is no file (standard input);
    ``kind`` is "template", "json", "yaml" or "jsonl"; ``outcome`` as for ``check_file``."""
    if len(data) > loaders.MAX_FILE_BYTES:
        yield from _problem(
            linter, Problem(ProblemKind.TOO_LARGE, f"input is over the {loaders.MAX_FILE_BYTES:,}-byte limit"), display
        )
        return
    if kind == "template":
        from iolint.templates import check_template_text

        yield from check_template_text(linter, loaders.decode(data), display)
    elif kind == "jsonl":
        yield from linter.check_items(loaders.load_jsonl(loaders.read_lines(io.BytesIO(data))), display)
    else:
        yield from _check_text(linter, kind, loaders.decode(data), display, True, outcome or Outcome())


def _check_text(
    linter, kind: str, text: str | Problem, display: str, explicit: bool, outcome: Outcome
) -> Iterator[Finding]:
    if isinstance(text, Problem):
        yield from _problem(linter, text, display)
        return
    items = list(READERS[kind](text))
    if not items:
        outcome.skipped = True
        if explicit:
            yield from _problem(linter, EMPTY, display)
        return
    payloads = [i for i in items if not isinstance(i, Problem)]
    if payloads and not any(loaders.looks_like_message(i.data) for i in payloads):
        # package.json, CI workflows and the like are no messages: say so only when asked.
        outcome.skipped = True
        if explicit:
            hint = " (a template? name it with --stdin-filename NAME.io.yaml)" if display == STDIN else ""
            yield from _problem(
                linter,
                Problem(ProblemKind.NOT_A_MESSAGE, f"does not look like an IO message: not checked{hint}", 1, 1),
                display,
            )
        return
    yield from linter.check_items(items, display)


def _jsonl_items(path: Path, data: bytes | None = None):
    try:
        handle = io.BytesIO(data) if data is not None else path.open("rb")
    except OSError as exc:
        yield Problem(ProblemKind.UNREADABLE, f"cannot read the file: {exc.strerror or exc}")
        return
    with handle:
        head = handle.read(8192)
        if loaders.is_binary(head):
            yield Problem(ProblemKind.UNREADABLE, "binary file: payloads and templates are UTF-8 text")
            return
        handle.seek(0)
        yield from loaders.load_jsonl(loaders.read_lines(handle))


def _problem(linter, problem: Problem, display: str) -> Iterator[Finding]:
    found = linter.gate.problem(problem, display)
    if found:
        yield found
