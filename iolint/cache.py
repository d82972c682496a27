"""Findings cached per file, like ruff's ``.ruff_cache``.

An entry is named by a hash of the file's bytes and path together with everything else that
decides its findings: iolint's version, code and word lists, the libraries it uses, the rule
packs, the code of the team's recognizers, the effective settings, the project's secret
(fingerprints are keyed with it), and the moment of the run (a fixed ``now``, or today's date in
Rome: inline suppressions expire by it). The bytes hashed are the bytes checked: a file is read
once. Findings made with the real clock may change within a day (a due date passes at its
instant, IO304 names the minute): an entry records until when they hold (``until``, the
earliest such instant its checks noted, ``clock.Horizon``) and is a miss from then on.

An entry also records whether the file was skipped, holding no IO message (``skipped``), and,
for a report that shows source lines, what their excerpts mask (``masks``: offsets by a digest
of the text around each finding, ``iolint.report.excerpt.masks_of``), so that a cached text
report need not load the personal-data finders. It carries its own name and an HMAC of its
findings, ``until``, ``skipped`` and ``masks``, keyed by that name and the project's secret when
there is one: a corrupt, truncated, foreign or hand-edited entry fails the check, is ignored,
and is rewritten by the run. Entries are written atomically (a temporary file renamed over the
entry), so concurrent runs (pre-commit runs several) cannot corrupt them. Only masked findings
are stored, never with ``--show-values``, and of the source text only digests. This module
imports nothing heavy: a run whose files are all cached never loads the engine.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import importlib.util
import json
import os
import re
import tempfile
from datetime import datetime
from pathlib import Path

from iolint import __version__, clock, environment, loaders, secret
from iolint.finding import Finding, Severity
from iolint.pii import datacache

_GITIGNORE = "# Created by iolint\n*\n"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This is a cache directory tag created by iolint.\n"
MAX_ENTRY_BYTES = 256 * 1024 * 1024
_FIELDS = {
    "code": str,
    "name": str,
    "message": str,
    "file": (str, type(None)),
    "line": (int, type(None)),
    "column": (int, type(None)),
    "field": (str, type(None)),
    "variant": (str, type(None)),
    "fingerprint": (str, type(None)),
}


def _stamp(folder: Path, pattern: str) -> list:
    return sorted(
        (str(p.relative_to(folder)), s.st_size, s.st_mtime_ns) for p in folder.rglob(pattern) for s in [p.stat()]
    )


# The libraries whose code decides findings: parsing, the schema, markdown, templates, personal
# data (and the packages the name lists are built from, ``datacache.SOURCES``). An upgrade
# rewrites their files.
DEPENDENCIES = (
    "yaml",
    "pydantic",
    "pydantic_core",
    "markdown_it",
    "jinja2",
    "stdnum",
    "ahocorasick",
    "regex",
    "tzdata",
    "presidio_analyzer",
)


def _located(name: str):
    """The spec of a top-level module or package, found without importing it (None: not found)."""
    try:
        return importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None


def _origin(name: str) -> tuple | str:
    """Where a top-level module or package is: its file, size and time."""
    found = _located(name)
    if found is None or not found.origin or not os.path.isfile(found.origin):
        return name
    stat = os.stat(found.origin)
    return (found.origin, stat.st_size, stat.st_mtime_ns)


def _team_code(specs: list[str]) -> list:
    """The files of the team's recognizers (``"module:attribute"``): the module's own, or its
    top-level package's, which may hold the patterns."""
    out = []
    for spec in specs:
        top = spec.partition(":")[0].split(".")[0]
        found = _located(top)
        if found is not None and found.submodule_search_locations:
            out += [(folder, _stamp(Path(folder), "*.py")) for folder in found.submodule_search_locations]
        else:
            out.append(_origin(top))  # a name not found: loading it will fail, and say so
    return out


def run_key(config, now: datetime | None) -> str:
    """What every entry of this run shares (command-line choices are in the config by now)."""
    package = Path(__file__).resolve().parent
    rules = package / "rules" if (package / "rules").is_dir() else package.parent / "rules"  # as ruleset.builtin_dir
    moment = now or config.now
    when = moment.isoformat() if moment else clock.current().astimezone(clock.ROME).date().isoformat()
    parts = [
        __version__,
        _stamp(package, "*.py"),
        _stamp(package / "pii" / "data", "*.txt"),  # the word lists of personal-data detection
        [_origin(name) for name in (*DEPENDENCIES, *datacache.SOURCES)],
        _stamp(rules, "*.yaml"),
        [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in config.rule_packs if p.exists()],
        _team_code(config.pii.recognizers),
        config.settings.model_dump_json(),
        str(config.root),
        secret.key_id(secret.load(config.root)),
        when,
    ]
    return hashlib.blake2b(json.dumps(parts, default=str).encode(), digest_size=16).hexdigest()


class Cache:
    def __init__(self, folder: Path, run: str, seal: str | None = None):
        self.folder = folder
        self.run = run
        self.seal = (seal or "").encode("utf-8")  # the project's secret, when there is one
        self.base = folder / __version__.replace("/", "_")
        own_folder(folder)

    def key(self, display: str, explicit: bool, data: bytes) -> str:
        digest = hashlib.blake2b(data, digest_size=16)
        digest.update(f"\0{self.run}\0{display}\0{explicit}".encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.base / key[:2] / f"{key}.json"

    def _mac(self, key: str, rows: list, until: str | None, skipped: bool, masks: dict) -> str:
        body = json.dumps([rows, until, skipped, masks], ensure_ascii=False, sort_keys=True)
        return hmac.new(
            key.encode() + b"\0" + self.seal, body.encode("utf-8", "surrogatepass"), hashlib.sha256
        ).hexdigest()

    def get(self, key: str) -> tuple[list[Finding], bool, dict[str, tuple]] | None:
        """The findings of an intact entry of this key that still hold, whether the file was
        skipped, and what their excerpts mask; None for no entry, one that fails a check, or one
        whose ``until`` has come."""
        try:
            with loaders.open_regular(self._path(key)) as handle:  # a FIFO planted there would block
                entry = json.loads(handle.read(MAX_ENTRY_BYTES))
            rows, until, skipped, masks = entry["findings"], entry["until"], entry["skipped"], entry["masks"]
            if not isinstance(skipped, bool):
                return None
            mac = self._mac(key, rows, until, skipped, masks)
            if entry["key"] != key or not hmac.compare_digest(entry["mac"], mac):
                return None
            if until is not None and clock.current() >= datetime.fromisoformat(until):
                return None
            return [_finding(row) for row in rows], skipped, _masks(masks)
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None

    def put(
        self,
        key: str,
        findings: list[Finding],
        until: datetime | None = None,
        skipped: bool = False,
        masks: dict[str, tuple] | None = None,
    ) -> None:
        """Store the findings of this key, which hold until ``until`` (None: for as long as the key),
        whether the file was skipped (no IO message in it), and what their excerpts mask."""
        path = self._path(key)
        rows = [f.to_dict() for f in findings]
        stamp = until.isoformat() if until else None
        masks = {seen: [list(span) for span in spans] for seen, spans in (masks or {}).items()}
        try:
            if not (self.folder / "CACHEDIR.TAG").exists():
                self.folder.mkdir(parents=True, exist_ok=True)
                _create(self.folder / ".gitignore", _GITIGNORE)
                _create(self.folder / "CACHEDIR.TAG", _TAG)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = None
            try:
                with environment.held():  # an interrupt inside mkstemp would leave the file, unnamed
                    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    mac = self._mac(key, rows, stamp, skipped, masks)
                    entry = {
                        "key": key,
                        "mac": mac,
                        "until": stamp,
                        "skipped": skipped,
                        "findings": rows,
                        "masks": masks,
                    }
                    json.dump(entry, handle, ensure_ascii=False)
                os.replace(tmp, path)
            except BaseException:
                if tmp is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(tmp)
                raise
        except OSError:
            pass  # a cache that cannot be written only costs time


_OURS = re.compile(r"\.gitignore|CACHEDIR\.TAG|\d[\w.+-]*")  # and each version's folder of entries


def foreign(folder: Path) -> list[str]:
    """What ``folder`` holds that the cache did not write, a few names at most: the cache puts a
    ``.gitignore`` of ``*`` and a ``CACHEDIR.TAG`` in its folder, which in the project's root
    (``cache-dir = ""``) or in ``src`` would make git ignore the project's files, and backups skip
    them. Nothing for a folder that does not exist, is empty, is tagged or cannot be read."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    if "CACHEDIR.TAG" in names:
        return []
    return [name for name in names if not _OURS.fullmatch(name)][:3]


def own_folder(folder: Path) -> None:
    """Refuse (ConfigError) a cache folder that holds files of its own (``cache-dir = ""``: the
    project's root)."""
    found = foreign(folder)
    if found:
        from iolint.config import ConfigError
        from iolint.paths import display

        raise ConfigError(
            f"the cache folder {display(folder) or '.'} holds files that are not iolint's cache "
            f"({', '.join(found)}…): the cache would mark it ignored by git and by backups; give it a folder "
            "of its own (cache-dir, --cache-dir)"
        )


def _create(path: Path, text: str) -> None:
    """Write a new file; one already there, or a link in its place, is left alone (a link committed
    as ``.iolint_cache/.gitignore`` made the run write through it, over any file it named)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def _finding(row: dict) -> Finding:
    """A finding from a cached row, every field of the right type (else TypeError)."""
    if not isinstance(row, dict) or set(row) != {*_FIELDS, "severity"}:
        raise TypeError("not a finding")
    for name, kind in _FIELDS.items():
        if not isinstance(row[name], kind) or isinstance(row[name], bool):
            raise TypeError(f"{name} has the wrong type")
    return Finding(**{**row, "severity": Severity.parse(row["severity"])})


def _masks(masks: dict) -> dict[str, tuple]:
    """What excerpts mask, from a cached entry, every value of the right type (else TypeError)."""
    if not isinstance(masks, dict):
        raise TypeError("not masks")
    out = {}
    for seen, spans in masks.items():
        if not isinstance(spans, list) or not all(
            isinstance(span, list) and len(span) == 2 and all(type(n) is int and n >= 0 for n in span) for span in spans
        ):
            raise TypeError("masks have the wrong type")
        out[seen] = tuple((start, end) for start, end in spans)
    return out
