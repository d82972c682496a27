"""Ctrl-C and SIGTERM: a run stops cleanly, removing what it was writing.

SIGTERM (a CI job cancelled, a timeout) is turned into ``KeyboardInterrupt`` for the length of a
command, so the cleanup that Ctrl-C runs runs for it too; Python's default ends the process on
the spot. While a file is created the two signals are held, so that no interrupt falls between
the file's creation and the code that removes it on failure.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread of an embedding program: its signals are its own
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def held() -> Iterator[None]:
    """SIGINT and SIGTERM held for the block (where the platform can hold them), delivered after it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def release() -> None:
    """Deliver SIGINT and SIGTERM again (in a worker started while they were held)."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)
