"""A one-line counter of the files checked, on standard error when it is a terminal.

The line is rewritten in place (``\\r``, then ESC [K to clear what is left of it): it is cut to the
terminal's width, as a line that wraps leaves a new line on every update, and it is not shown on
a terminal that has no such escape (``TERM=dumb``).
"""

from __future__ import annotations

import os
import sys
import time


class Progress:
    def __init__(self, enabled: bool):
        self.enabled = enabled and os.environ.get("TERM") != "dumb"
        self.files = 0
        self.shown = 0.0

    def update(self, text: str = "", *, force: bool = False) -> None:
        now = time.monotonic()
        if self.enabled and (force or now - self.shown > 0.1):
            self.shown = now
            line = f"iolint: {self.files:,} files{text}"
            width = _columns() - 1  # the last column: some terminals wrap on writing it
            if len(line) > width:
                line = line[: max(width - 1, 0)] + "…"
            sys.stderr.write(f"\r{line}\x1b[K")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled and self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def wanted(quiet: bool, *, report_on_stdout: bool) -> bool:
    """Whether to show the counter: on a terminal, not with ``-q``, and not over a report printed
    on the same terminal (each of its lines would start after the counter)."""
    return sys.stderr.isatty() and not quiet and not (report_on_stdout and sys.stdout.isatty())


def _columns() -> int:
    """The terminal's width: ``COLUMNS`` when set (as ``shutil.get_terminal_size``), else standard
    error's (standard output is often a file), else 80."""
    given = os.environ.get("COLUMNS", "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns or 80
    except (OSError, ValueError, AttributeError):  # not a terminal (a test's StringIO)
        return 80
