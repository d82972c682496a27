"""Which files to check, and how each kind of file reaches the engine."""

from __future__ import annotations

import fnmatch
import io
import os
from collections.abc import Iterator
from pathlib import Path

from iolint import loaders
from iolint.finding import Finding
from iolint.loaders import Problem

TEMPLATE_SUFFIXES = (".io.yaml", ".io.yml")


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


def discover(paths: list[Path], config, *, force_exclude: bool = False) -> Iterator[tuple[Path, bool]]:
    """(file, explicit) pairs: files named on the command line, and files found in folders.

    Files named explicitly are checked whatever their name, unless ``force_exclude`` (as the
    pre-commit hook does) and the config excludes them.
    """
    seen = set()
    for path in paths:
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                base = Path(folder)
                dirs[:] = sorted(d for d in dirs if not excluded(base / d, config))
                for name in sorted(files):
                    file = base / name
                    if included(file, config) and not excluded(file, config) and file not in seen:
                        seen.add(file)
                        yield file, False
        elif path not in seen:
            seen.add(path)
            if force_exclude:
                if not (excluded(path, config) or not (included(path, config) or is_template(path))):
                    yield path, False
            else:
                yield path, True


def check_file(
    linter, path: Path, display: str, *, explicit: bool = True, data: bytes | None = None
) -> Iterator[Finding]:
    """Findings for one file; whatever is wrong with the file is a finding, never an exception.

    ``data``: the file's bytes when the caller has read them already (to hash them for the cache).
    """
    if is_template(path):
        from iolint.templates import check_template_file

        yield from check_template_file(linter, path, display, data=data)
        return
    kind = loaders.payload_kind(path)
    if kind is None:
        if explicit:
            yield from _problem(linter, Problem("IO004", "not a payload or template file (unknown extension)"), display)
        return
    if not path.exists():
        yield from _problem(linter, Problem("IO001", "no such file"), display)
        return
    if path.is_dir():
        yield from _problem(linter, Problem("IO001", "is a folder, not a file"), display)
        return
    if not path.is_file():  # a FIFO would block, a device would never end
        yield from _problem(linter, Problem("IO001", "not a regular file (a pipe, socket or device)"), display)
        return
    empty = Problem("IO004", "the file is empty: no message to check", 1, 1)
    if kind == "jsonl":
        seen = []
        items = (seen.append(1) or item for item in _jsonl_items(path, data))
        yield from linter.check_items(items, display)
        if not seen and explicit:
            yield from _problem(linter, empty, display)
        return
    text = loaders.decode(data) if data is not None else loaders.read_text(path)
    if isinstance(text, Problem):
        yield from _problem(linter, text, display)
        return
    items = list(loaders.load_json(text) if kind == "json" else loaders.load_yaml(text))
    if not items and explicit:
        yield from _problem(linter, empty, display)
        return
    payloads = [i for i in items if not isinstance(i, Problem)]
    if payloads and not any(loaders.looks_like_message(i.data) for i in payloads):
        # package.json, CI workflows and the like are no messages: say so only when asked.
        if explicit:
            yield from _problem(linter, Problem("IO004", "does not look like an IO message: not checked", 1, 1), display)
        return
    yield from linter.check_items(items, display)


def _jsonl_items(path: Path, data: bytes | None = None):
    try:
        handle = io.BytesIO(data) if data is not None else path.open("rb")
    except OSError as exc:
        yield Problem("IO001", f"cannot read the file: {exc.strerror or exc}")
        return
    with handle:
        head = handle.read(8192)
        if b"\0" in head:
            yield Problem("IO001", "binary file: payloads and templates are UTF-8 text")
            return
        handle.seek(0)
        yield from loaders.load_jsonl(loaders.read_lines(handle))


def _problem(linter, problem: Problem, display: str) -> Iterator[Finding]:
    found = linter.problem(problem, display)
    if found:
        yield found
