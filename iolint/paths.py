"""How iolint names the files it reads: relative to the current folder in messages, relative to
the project root in suppressions and baselines."""

from __future__ import annotations

from pathlib import Path


def display(path: Path) -> str:
    """A file's name as findings show it: relative to the current folder when inside it. Bytes of
    the name that are not UTF-8 are shown as escapes (`bad\\xff.json`): as the lone surrogates
    Python reads them as, no output, cache key or baseline could be written in UTF-8."""
    try:
        shown = path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a symlink loop
        shown = path.as_posix()
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def relative(shown: str, root: Path) -> str:
    """A file's path relative to the project root, as suppressions and baselines name it."""
    try:
        return (Path.cwd() / shown).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return Path(shown).as_posix()
