"""What a command needs of its process: signals that stop it cleanly, a standard output that can
encode what it writes, a current folder.

Ctrl-C and SIGTERM stop a run, removing what it was writing. SIGTERM (a CI job cancelled, a
timeout) is turned into ``KeyboardInterrupt`` for the length of a command, so the cleanup that
Ctrl-C runs runs for it too; Python's default ends the process on the spot. While a file is
created the two signals are held, so that no interrupt falls between the file's creation and the
code that removes it on failure.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM raises KeyboardInterrupt in the block (in the main thread: elsewhere nothing changes)."""

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


# Formats UTF-8 by their specifications (RFC 8259, SARIF, the XML declaration JUnit writes) and
# markdown meant for a README: written as UTF-8 whatever the locale.
UTF8_FORMATS = frozenset({"json", "json-lines", "sarif", "junit", "markdown"})


def encodable_stdout(command: str, fmt: str | None) -> None:
    """What stdout's encoding cannot hold ("€" with ``PYTHONIOENCODING=ascii``, a Latin-1
    terminal) never stops a run: the machine formats are written as UTF-8, text for people in
    the terminal's encoding with what it cannot show as an escape (``\\u20ac``)."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)  # absent on a StringIO an embedder installs
    if reconfigure is None:
        return
    if command == "render" or fmt in UTF8_FORMATS:
        reconfigure(encoding="utf-8", errors="backslashreplace")
    else:
        reconfigure(errors="backslashreplace")


@contextmanager
def prepared(command: str, fmt: str | None) -> Iterator[None]:
    """What a command of the CLI runs in: a stdout that can encode what it writes, a current
    folder (a ``ConfigError`` when it was deleted: every command reads the configuration found
    from it), SIGTERM as an interrupt (what is being written is removed)."""
    encodable_stdout(command, fmt)
    try:
        os.getcwd()
    except OSError as exc:
        from iolint.config import ConfigError

        raise ConfigError(f"the current folder cannot be read: {exc.strerror} (was it deleted?)") from None
    with terminate_as_interrupt():
        yield
