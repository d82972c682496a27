"""Baselines: the findings a project accepted once, so that only new ones are reported.

An entry is keyed by rule code, file (relative to the project root), field path and the
finding's fingerprint (a hash of rule, field and offending value), with a count: never by line,
so moving lines changes nothing, and never holding the value itself.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from iolint import __version__
from iolint.config import ConfigError
from iolint.finding import Finding
from iolint.suppress import CODES as SUPPRESSION_CODES
from iolint.suppress import make

VERSION = 1
STALE = "IO905"


def key(finding: Finding, rel: str) -> tuple[str, str, str, str]:
    return (finding.code, rel, finding.field or "", finding.fingerprint or "")


def write(path: Path, accepted: Counter) -> int:
    """Write the baseline; findings about suppressions are never accepted. Returns the count."""
    entries = [
        {"code": code, "file": file, "field": field or None, "fingerprint": fp, "count": n}
        for (code, file, field, fp), n in sorted(accepted.items())
        if code not in SUPPRESSION_CODES
    ]
    data = {"version": VERSION, "tool": f"iolint {__version__}", "entries": entries}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return sum(e["count"] for e in entries)


class Baseline:
    def __init__(self, path: Path, display: str):
        self.display = display
        try:
            data = json.loads(path.read_text("utf-8"))
            entries = data["entries"] if data.get("version") == VERSION else None
            self.remaining = Counter(
                {(e["code"], e["file"], e.get("field") or "", e["fingerprint"]): int(e.get("count", 1)) for e in entries}
            )
        except OSError as exc:
            raise ConfigError(f"cannot read the baseline {display}: {exc.strerror or exc}") from None
        except (ValueError, TypeError, KeyError, AttributeError):
            raise ConfigError(f"{display} is not an iolint baseline (write one with `iolint baseline {display}`)") from None
        self.checked: set[str] = set()
        self.hidden = 0

    def filter(self, rel: str, findings: Iterable[Finding]) -> Iterator[Finding]:
        """The findings of the file at ``rel`` that the baseline does not accept."""
        self.checked.add(rel)
        for finding in findings:
            k = key(finding, rel)
            if self.remaining[k] > 0:
                self.remaining[k] -= 1
                self.hidden += 1
            else:
                yield finding

    def stale(self, linter) -> Iterator[Finding]:
        """Entries of the checked files whose findings are gone."""
        for (code, file, field, _), n in sorted(self.remaining.items()):
            if n > 0 and file in self.checked:
                where = f" [{field}]" if field else ""
                message = (
                    f"{n} accepted {code} finding{'s' if n > 1 else ''} in {file}{where} no longer "
                    f"occur{'' if n > 1 else 's'}: rewrite the baseline with `iolint baseline {self.display}`"
                )
                found = make(linter, STALE, message, self.display, field=field or None)
                if found:
                    yield found
