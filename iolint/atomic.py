"""Files written whole or not at all: a temporary file beside the target, renamed over it at the end.

A run that fails, or is interrupted, leaves the previous file as it was; a reader (another run,
CI) never sees half a file. The temporary name ends in ``.tmp``, which no checked file does.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def replacing(path: Path, *, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text handle whose content replaces ``path`` when the block ends without an exception.

    A link is followed (the file it names is replaced, the link stays); what is not a regular
    file (``/dev/stdout``, a pipe) is written to directly.
    """
    given = Path(path)
    if given.exists() and not given.is_file():  # before realpath: /dev/stdout on a pipe is "pipe:[N]"
        with given.open("w", encoding=encoding, newline="") as handle:
            yield handle
        return
    path = Path(os.path.realpath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:  # no such folder, no permission: the option cannot be used
        from iolint.config import ConfigError

        raise ConfigError(f"cannot write {given}: {exc.strerror or exc}") from None
    try:
        os.chmod(tmp, _mode(path))
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode(path: Path) -> int:
    """The permissions the file keeps, or those a new file gets (mkstemp's own are 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
