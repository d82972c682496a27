"""Files iolint writes (a report, a baseline) must never be files it reads.

``iolint check a.json -o a.json``, or ``iolint baseline PAYLOAD.json`` with the baseline's name
forgotten, would replace a user's message with a report. Such a target is refused (exit 2) before
anything is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from iolint import inputs, loaders


def refused_output(target: Path, read: list, config, what: str) -> str | None:
    """Why ``target`` must not be written, or None: it is a folder, or a file this run reads
    (named, or found by walking a folder named: a payload or a template)."""
    from iolint.paths import display

    if target.is_dir():
        return f"{what} {display(target)} is a folder"
    if not target.exists():
        return None
    for path in read:
        if path is None or not path.exists():
            continue
        if path.is_dir() and _walked(target, path, config):
            return f"{what} {display(target)} is a message file under {display(path)}, which this run checks: not overwriting it"
        if not path.is_dir() and _same(target, path):
            return f"{what} {display(target)} is one of the files this run reads: not overwriting it"
    return None


def refused_baseline(target: Path, read: list, config) -> str | None:
    """Why the baseline ``target`` must not be written: an existing file that is no baseline (the
    baseline's name forgotten, ``iolint baseline PAYLOAD.json``), or a file this run reads."""
    from iolint.baseline import is_baseline
    from iolint.paths import display

    if target.is_file() and not is_baseline(target):
        return (
            f"{display(target)} is not an iolint baseline: not overwriting it (did you forget the baseline's "
            f"name? `iolint baseline iolint-baseline.json {display(target)}`)"
        )
    return refused_output(target, read, config, "the baseline")


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _walked(target: Path, folder: Path, config) -> bool:
    """Whether walking ``folder`` checks ``target``: inside it, included, and a message or template."""
    try:
        target.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    if inputs.excluded(target, config):
        return False
    if inputs.is_template(target):
        return True
    if not inputs.included(target, config):
        return False
    kind = loaders.payload_kind(target)
    if kind is None:
        return False
    if kind == "jsonl":
        try:
            with target.open("rb") as handle:
                first = next((x for x in loaders.read_lines(handle) if not isinstance(x, str) or x.strip()), None)
        except OSError:
            return True
        items = list(loaders.load_jsonl(iter([first] if first is not None else [])))
    else:
        text = loaders.read_text(target)
        if isinstance(text, loaders.Problem):
            return True  # too big or unreadable: checked all the same, as a finding
        items = list(inputs.READERS[kind](text))
    return any(isinstance(i, loaders.Item) and loaders.looks_like_message(i.data) for i in items)
