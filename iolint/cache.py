"""Findings cached per file, like ruff's ``.ruff_cache``.

An entry is named by a hash of the file's bytes and path together with everything else that
decides its findings: iolint's version and code, the rule packs, the effective settings, and the
moment due dates are compared with (a fixed ``now``, or today's date in Rome: a due date passes
at the end of a day there). Entries are written once, atomically, so concurrent runs (pre-commit
runs several) cannot corrupt them. Only masked findings are stored, never with ``--show-values``.
This module imports nothing heavy: a run whose files are all cached never loads the engine.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import datetime
from pathlib import Path

from iolint import __version__
from iolint.finding import Finding, Severity

_GITIGNORE = "# Created by iolint\n*\n"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This is a cache directory tag created by iolint.\n"


def _stamp(folder: Path, pattern: str) -> list:
    return sorted(
        (str(p.relative_to(folder)), s.st_size, s.st_mtime_ns) for p in folder.rglob(pattern) for s in [p.stat()]
    )


def run_key(config, now: datetime | None) -> str:
    """What every entry of this run shares (command-line choices are in the config by now)."""
    from zoneinfo import ZoneInfo

    package = Path(__file__).resolve().parent
    rules = package / "rules" if (package / "rules").is_dir() else package.parent / "rules"  # as catalogue.builtin_dir
    moment = now or config.now
    when = moment.isoformat() if moment else datetime.now(ZoneInfo("Europe/Rome")).date().isoformat()
    parts = [
        __version__,
        _stamp(package, "*.py"),
        _stamp(rules, "*.yaml"),
        [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in config.rule_packs if p.exists()],
        config.settings.model_dump_json(),
        str(config.root),
        when,
    ]
    return hashlib.blake2b(json.dumps(parts, default=str).encode(), digest_size=16).hexdigest()


class Cache:
    def __init__(self, folder: Path, run: str):
        self.folder = folder
        self.run = run
        self.base = folder / __version__.replace("/", "_")

    def key(self, display: str, explicit: bool, data: bytes) -> str:
        digest = hashlib.blake2b(data, digest_size=16)
        digest.update(f"\0{self.run}\0{display}\0{explicit}".encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.base / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Finding] | None:
        try:
            rows = json.loads(self._path(key).read_bytes())
        except (OSError, ValueError):
            return None
        return [Finding(**{**row, "severity": Severity.parse(row["severity"])}) for row in rows]

    def put(self, key: str, findings: list[Finding]) -> None:
        path = self._path(key)
        try:
            if not self.folder.exists():
                self.folder.mkdir(parents=True)
                (self.folder / ".gitignore").write_text(_GITIGNORE)
                (self.folder / "CACHEDIR.TAG").write_text(_TAG)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump([f.to_dict() for f in findings], handle, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time
