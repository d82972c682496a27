"""What a check reports (a ``Hit``) and what iolint outputs (a ``Finding``)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}: use error, warning or info") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Hit:
    """A check's report: where (a dotted field path, an offset inside that field's string, or its
    key) and what.

    ``message`` must already be masked. ``value`` is the offending value, used only to key
    baselines by hash; it is never printed.
    """

    field: str | None
    message: str
    value: object = None
    offset: int | None = None
    key: bool = False  # the finding is about the field's key (a misspelled or unknown one)
    kind: enum.Enum | None = None  # whose hit it is, for a check that serves several rules


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    variant: str | None = None
    fingerprint: str | None = None  # hash of rule, field and offending value; never the value

    def to_dict(self) -> dict:
        # read field by field: dataclasses.asdict deep-copies every value, a third of the time
        # of writing a JSON report of a big batch
        data = {name: getattr(self, name) for name in _NAMES}
        data["severity"] = str(self.severity)
        return data

    def sort_key(self) -> tuple:
        return (self.file or "", self.line or 0, self.column or 0, self.code)

    def location(self) -> str:
        parts = [self.file or "<payload>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


_NAMES = tuple(f.name for f in fields(Finding))
