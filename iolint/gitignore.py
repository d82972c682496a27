"""``.gitignore`` files, read as git reads them, to skip ignored files while walking folders.

Every ``.gitignore`` from the repository's top (the folder holding ``.git``) down to a file's own
folder applies, the deeper one first: within a file the last matching pattern wins, and a
deeper file overrides a shallower one, so ``!keep.json`` in ``messages/.gitignore`` brings back
what ``*.json`` at the top ignored. ``.git/info/exclude`` comes last. Outside a repository only
the ``.gitignore`` files of the folder walked and below count. Patterns are pathspec's
``GitIgnoreSpec``, which follows git's own rules (directory-only patterns, ``**``, anchors).
Patterns with several wildcards are matched under a timeout: a ``.gitignore`` with one that
cannot be matched in time (it backtracks without end) ignores nothing from then on, as one that
cannot be read.
"""

from __future__ import annotations

import re
from pathlib import Path

import regex
from pathspec import GitIgnoreSpec

from iolint import loaders

MATCH_SECONDS = 0.05  # one pattern against one path
# Unbounded repeats after the `^(?:.+/)?` every unanchored pattern opens with: one is linear,
# several can backtrack exponentially (`*a*a*a*b`, `a/**/b/**/c`).
_REPEATS = re.compile(r"(?<!\\)[*+]")
_UNANCHORED = "^(?:.+/)?"


class _TooSlow(Exception):
    """A pattern that backtracks without end on a name (``*a*a*a*a*a*a*b`` on ``aaaa…``)."""


class _Timed:
    """A pattern's regular expression, run by the ``regex`` module under a timeout: pathspec's
    regexes backtrack exponentially on several ``*`` in one segment, and ``re`` cannot be stopped."""

    __slots__ = ("compiled",)

    def __init__(self, compiled):
        self.compiled = regex.compile(compiled.pattern)

    def search(self, text):
        try:
            return self.compiled.search(text, timeout=MATCH_SECONDS)
        except TimeoutError:
            raise _TooSlow from None


def _read(path: Path) -> GitIgnoreSpec | None:
    try:
        with loaders.open_regular(path) as handle:  # a FIFO would block, /dev/zero never end
            lines = handle.read(loaders.MAX_FILE_BYTES).decode("utf-8", errors="replace").splitlines()
    except OSError:  # absent, a folder, unreadable, no regular file: nothing ignored by it
        return None
    spec = GitIgnoreSpec.from_lines(lines)
    for pattern in spec.patterns:
        compiled = getattr(pattern, "regex", None)
        if compiled is not None and len(_REPEATS.findall(compiled.pattern.removeprefix(_UNANCHORED))) > 1:
            pattern.regex = _Timed(compiled)
    return spec if len(spec) else None


def _repository_top(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


class Ignores:
    """Whether paths under one walked folder are ignored; specs are read once per folder."""

    def __init__(self, walked: Path):
        walked = walked.absolute()
        self.top = _repository_top(walked) or walked
        self._specs: dict[Path, GitIgnoreSpec | None] = {}
        self._exclude = _read(self.top / ".git" / "info" / "exclude")

    def _spec(self, folder: Path) -> GitIgnoreSpec | None:
        if folder not in self._specs:
            self._specs[folder] = _read(folder / ".gitignore")
        return self._specs[folder]

    def ignored(self, path: Path, *, folder: bool = False) -> bool:
        path = path.absolute()
        try:
            path.relative_to(self.top)
        except ValueError:  # a symlink out of the tree, say: no .gitignore of ours applies
            return False
        suffix = "/" if folder else ""
        base = path.parent
        while True:
            spec = self._spec(base)
            if spec is not None:
                try:
                    verdict = spec.check_file(path.relative_to(base).as_posix() + suffix).include
                except _TooSlow:  # as an unreadable .gitignore: it ignores nothing from now on
                    self._specs[base] = verdict = None
                if verdict is not None:
                    return verdict
            if base == self.top or base == base.parent:
                break
            base = base.parent
        if self._exclude is not None:
            try:
                return bool(self._exclude.check_file(path.relative_to(self.top).as_posix() + suffix).include)
            except _TooSlow:
                self._exclude = None
        return False
