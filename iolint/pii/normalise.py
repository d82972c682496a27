"""Text as the detectors see it: copy-paste and obfuscation undone, offsets kept.

A title pasted from a PDF or a spreadsheet, or written to slip past a filter, may hold
non-breaking or other unusual spaces, zero-width characters, soft hyphens, full-width letters
and digits ("ＲＳＳ"), or stray combining marks ("R̲S̲S̲"). The detectors run on the NFKC form
of the text with format characters dropped, unusual spaces made plain and leftover combining
marks removed; every detection is then mapped back to the characters of the original text, so
positions and masking refer to what the user wrote.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Characters that NFKC keeps but that hide or split a value: soft hyphen, zero-width and
# directional marks, word joiner, BOM, Mongolian vowel separator; combining marks.
_SUSPECT = re.compile(
    "[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff]"
)


class Normalised(NamedTuple):
    text: str
    starts: tuple[int, ...] | None  # per character of ``text``: where its source starts; None: unchanged
    ends: tuple[int, ...] | None  # per character of ``text``: where its source ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's span of ``text[start:end]``."""
        if self.starts is None or start >= end:
            return start, end
        return self.starts[start], self.ends[end - 1]


def normalise(text: str) -> Normalised:
    if text.isascii() or (unicodedata.is_normalized("NFKC", text) and not _SUSPECT.search(text)):
        return Normalised(text, None, None)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):  # a base character and its marks
            j += 1
        base = text[i]
        category = unicodedata.category(base)
        if category == "Cf":
            piece = ""
        elif category == "Zs" or base in "\u2028\u2029":
            piece = " "
        else:
            piece = "".join(c for c in unicodedata.normalize("NFKC", text[i:j]) if not unicodedata.combining(c))
        out.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    normal = "".join(out)
    if normal == text:
        return Normalised(text, None, None)
    return Normalised(normal, tuple(starts), tuple(ends))
