"""A one-line counter of the files checked, on standard error when it is a terminal."""

from __future__ import annotations

import sys
import time


class Progress:
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
