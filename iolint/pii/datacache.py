"""The name data's cache: built once, in a child process, into the user's cache folder.

Building the name table and the dictionary reads some sixty Faker modules and several word
lists (about 3.7 s and a few hundred MB for a moment on a first run), so each is built once
into ``$XDG_CACHE_HOME/iolint`` or ``~/.cache/iolint`` (``IOLINT_NAMES_CACHE`` names another),
keyed by the code and data that build it and the installed packages, under a lock so that
parallel runs build it once; loading it afterwards takes milliseconds. If the folder cannot be
written, or Python runs embedded in another program, the data is built in the process itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from iolint import environment

_HERE = Path(__file__).parent
_DEPENDS = ("namedata.py", "datacache.py", "data/namedata.txt")


SOURCES = ("faker", "codicefiscale", "spellchecker", "anyascii", "simplemma")


@cache
def _digest() -> str | None:
    """What the cached data depends on: the code that builds it, its curated words, and the
    installed source packages (their ``__init__`` files' paths, sizes and times, which change
    with every install; reading the packages' metadata for their versions costs more than
    loading the cache)."""
    parts = [(_HERE / name).read_bytes() for name in _DEPENDS]
    for package in SOURCES:
        spec = find_spec(package)
        if spec is None or spec.origin is None:
            return None
        stat = os.stat(spec.origin)
        parts.append(f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]


def _cache_path(name: str) -> Path | None:
    digest = _digest()
    if digest is None:
        return None
    folder = os.environ.get("IOLINT_NAMES_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "iolint"
    )
    return Path(folder) / f"{name}-{digest}"


STALE_SECONDS = 30 * 24 * 3600


def _write(path: Path, data: bytes) -> bool:
    """Write atomically, and remove the same cache built for other package versions when it has
    not been written for ``STALE_SECONDS``: two installs in use side by side (a project's virtual
    environment and pre-commit's) keep each its own, instead of rebuilding each other's."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with environment.held():  # an interrupt inside mkstemp would leave the file, unnamed
                fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:  # a full disk, an interrupt: no half-written file is left behind
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            raise
        prefix = path.name.rsplit("-", 1)[0] + "-"
        old = time.time() - STALE_SECONDS
        for stale in path.parent.glob(prefix + "*"):
            if stale.name.startswith(path.name):  # this build, and its lock
                continue
            with contextlib.suppress(OSError):
                if stale.stat().st_mtime < old:
                    stale.unlink()
    except OSError:
        return False
    return True


def cached(name: str, build, dump, load):
    """``build()``'s result, read from the cache folder; on a miss it is built in a child
    process and written there atomically (the word lists the build reads take a few hundred MB
    for a moment, which should not stay with a linting process), or built here if that fails."""
    path = _cache_path(name)
    if path is None:
        return build()
    try:
        return load(path.read_bytes())
    except (OSError, ValueError):
        pass
    if Path(sys.executable).name.lower().startswith(("python", "pypy")):  # not an embedding host
        with _build_lock(path):  # parallel runs (pre-commit starts several) build it once
            try:
                return load(path.read_bytes())  # another process built it while this one waited
            except (OSError, ValueError):
                subprocess.run(
                    [sys.executable, "-m", "iolint.pii.datacache", name], capture_output=True, timeout=300, check=False
                )
            try:
                return load(path.read_bytes())
            except (OSError, ValueError):
                pass
    value = build()
    _write(path, dump(value))
    return value


@contextmanager
def _build_lock(path: Path):
    """An exclusive lock on ``path``.lock where the platform has one (POSIX); none elsewhere."""
    try:
        import fcntl

        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path.with_name(path.name + ".lock"), "w")
    except (ImportError, OSError):
        yield
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        handle.close()


if __name__ == "__main__":  # python -m iolint.pii.datacache NAME: build one cache file
    from iolint.pii.namedata import BUILDS

    build, dump = BUILDS[sys.argv[1]]
    path = _cache_path(sys.argv[1])
    if path is not None:
        _write(path, dump(build()))
