"""How iolint names the files it reads: relative to the current folder in messages, relative to
the project root in suppressions and baselines."""

from __future__ import annotations

from pathlib import Path


def display(path: Path) -> str:
    """A file's name as findings show it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a symlink loop
        return path.as_posix()


def relative(shown: str, root: Path) -> str:
    """A file's path relative to the project root, as suppressions and baselines name it."""
    try:
        return (Path.cwd() / shown).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return Path(shown).as_posix()
