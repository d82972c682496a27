"""What every pure-Python detector returns, and the context helpers they share."""

from __future__ import annotations

import re
from typing import NamedTuple

# Scores: REPORT is the threshold below which nothing is reported; detectors emit only what
# they mean to report, with CONTEXT for a match confirmed by a nearby cue word.
REPORT = 0.5
PATTERN = 0.6
PAIR = 0.7
CONTEXT = 0.85
CHECKSUM = 1.0

# How far a cue word may stand from the value it qualifies, in characters.
CUE_WINDOW = 40


class Hit(NamedTuple):
    kind: str
    start: int
    end: int
    score: float


def before(text: str, start: int, size: int = CUE_WINDOW) -> str:
    """The lower-cased text just before ``start`` (the window cue words are looked for in)."""
    return text[max(0, start - size) : start].lower()


def cue(words: str) -> re.Pattern[str]:
    """A case-insensitive pattern for cue words: a word start, then one of ``words`` (regex)."""
    return re.compile(rf"(?<![^\W\d_])(?:{words})", re.IGNORECASE)


def lower_same_length(text: str) -> str:
    """``text.lower()`` with offsets kept: a character that lowers to two ("İ") stays as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
