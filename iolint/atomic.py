"""Files written whole or not at all: a temporary file beside the target, renamed over it at the end.

A run that fails, or is interrupted, leaves the previous file as it was; a reader (another run,
CI) never sees half a file. The temporary name ends in ``.tmp``, which no checked file does.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

from iolint import environment


@contextmanager
def replacing(path: Path, *, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text handle whose content replaces ``path`` when the block ends without an exception.

    A link is followed (the file it names is replaced, the link stays); what is not a regular
    file (``/dev/stdout``, a pipe) is written to directly.
    """
    given = Path(path)
    if given.exists() and not given.is_file():  # before realpath: /dev/stdout on a pipe is "pipe:[N]"
        with _closing(_named(lambda: given.open("w", encoding=encoding, newline=""), given)) as raw:
            yield _Named(raw, given)
            _named(raw.flush, given)
        return
    path = Path(os.path.realpath(path))
    tmp = None
    try:
        with environment.held():  # an interrupt inside mkstemp would leave the file, unnamed
            # no such folder, no permission: the option cannot be used
            fd, tmp = _named(lambda: tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"), given)
        os.chmod(tmp, _mode(path))
        with _closing(os.fdopen(fd, "w", encoding=encoding, newline="")) as raw:
            yield _Named(raw, given)
            _named(raw.flush, given)
        _named(lambda: os.replace(tmp, path), given)
    except BaseException:
        if tmp is not None:
            with suppress(OSError):
                os.unlink(tmp)
        raise


@contextmanager
def _closing(handle: TextIO) -> Iterator[TextIO]:
    """``handle``, closed at the end; a failure to flush on closing (what a failed write left
    in the buffer) does not hide the error that ended the block."""
    try:
        yield handle
    finally:
        with suppress(OSError):
            handle.close()


def _cannot_write(given: Path, exc: OSError) -> Exception:
    from iolint.config import ConfigError

    return ConfigError(f"cannot write {given}: {exc.strerror or exc}")


def _named(call, given: Path):
    """``call()``, its failure (a full disk, a file size limit) a configuration error naming the
    file, not an internal error."""
    try:
        return call()
    except OSError as exc:
        raise _cannot_write(given, exc) from None


class _Named:
    """A text handle whose failures to write name the file."""

    def __init__(self, handle: TextIO, given: Path):
        self._handle, self._given = handle, given

    def write(self, text: str) -> int:
        return _named(lambda: self._handle.write(text), self._given)

    def __getattr__(self, name: str):
        return getattr(self._handle, name)


def _mode(path: Path) -> int:
    """The permissions the file keeps, or those a new file gets (mkstemp's own are 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
