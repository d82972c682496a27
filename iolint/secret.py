"""The project's secret: the key of the fingerprints that baselines store.

A fingerprint is a hash of rule, field and offending value. Unkeyed, a fingerprint of a
low-entropy value (a phone number, a codice fiscale) could be reversed by hashing candidates, and
baselines are committed. Keyed with a secret that is never committed, it cannot. The secret is
``IOLINT_BASELINE_SECRET`` when set (CI), else the file ``.iolint-secret/key`` at the project
root, which ``iolint baseline`` creates on first use in a folder that git ignores by itself.
Without a secret, fingerprints leave the value out (rule and field only).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from iolint import environment, loaders
from iolint.config import ConfigError

ENV = "IOLINT_BASELINE_SECRET"
FOLDER = ".iolint-secret"
MIN_LENGTH = 16
_GITIGNORE = "# Created by iolint: the key of the baseline's fingerprints, never to be committed\n*\n"


def path(root: Path) -> Path:
    return root / FOLDER / "key"


def load(root: Path) -> str | None:
    """The secret from the environment or the project's file; None when there is none."""
    text = os.environ.get(ENV)
    where = ENV
    if not text:
        file = path(root)
        try:
            with loaders.open_regular(file) as handle:
                text = handle.read(4096).decode("utf-8")[:1024]
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise ConfigError(f"cannot read the baseline secret {file}: {exc.strerror or exc}") from None
        except UnicodeDecodeError as exc:
            raise ConfigError(f"cannot read the baseline secret {file}: {exc}") from None
        where = str(file)
    text = text.strip()
    if len(text) < MIN_LENGTH:
        raise ConfigError(
            f"the baseline secret in {where} is shorter than {MIN_LENGTH} characters: use a random one, "
            "e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`"
        )
    return text


def create(root: Path) -> Path:
    """Write a new random secret to the project's file (in a folder git ignores); its path."""
    file = path(root)
    try:
        with environment.held():  # written whole or removed: an interrupt waits until then
            _write(file)
    except OSError as exc:
        raise ConfigError(f"cannot create the baseline secret {file}: {exc.strerror or exc} (or set {ENV})") from None
    return file


def _write(file: Path) -> None:
    """The folder's .gitignore, then the key; what fails is removed."""
    file.parent.mkdir(exist_ok=True)
    # renamed into place: a link there (committed) is replaced, not written through
    fd, tmp = tempfile.mkstemp(dir=file.parent, suffix=".tmp")
    with _removed_unless_written(tmp):
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(_GITIGNORE)
        os.replace(tmp, file.parent / ".gitignore")
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with _removed_unless_written(file), os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_hex(32) + "\n")


@contextmanager
def _removed_unless_written(file: str | Path) -> Iterator[None]:
    """Remove ``file`` when the block fails (a full disk): an empty key would stop
    every later run ("shorter than 16 characters") until deleted by hand."""
    try:
        yield
    except BaseException:
        with suppress(OSError):
            os.unlink(file)
        raise


def key(secret: str | None) -> bytes | None:
    """The fingerprints' hash key derived from the secret."""
    if secret is None:
        return None
    return hashlib.blake2b(secret.encode("utf-8"), digest_size=32, person=b"iolint-fprint").digest()


def key_id(secret: str | None) -> str | None:
    """A short public name of the secret, stored in baselines to tell a wrong secret from stale entries."""
    if secret is None:
        return None
    return hashlib.blake2b(secret.encode("utf-8"), digest_size=8, person=b"iolint-key-id").hexdigest()
