"""Source lines under text findings, read lazily and masked.

A source line may hold the very personal data a finding is about (a codice fiscale in a title),
so an excerpt is shown only with what ``iolint.privacy.spans`` finds replaced by ``*``; lines of the
privacy rules' findings are not shown at all. An excerpt may mask more than the findings report,
never less.

What an excerpt masks is a function of the text the detector sees around it: ``masks_of`` finds
it for a file's findings when they are cached, and the cache entry keeps it by a digest of that
text (never the text), so a run whose files are all cached shows its excerpts without loading
the personal-data finders."""

from __future__ import annotations

import bisect
import hashlib
import io
from pathlib import Path

from iolint.privacy import spans

WIDTH = 100  # characters shown around the column of a long line
CONTEXT = 200  # characters the detector sees on each side of what is shown
CHECKPOINT = 1_000  # lines between remembered offsets, for findings that point back
MAX_LINE_BYTES = 1024 * 1024


def _breaks(file: str):
    """The line breaks of the parser that read ``file``, for the files read whole (JSON and YAML:
    a CR alone ends a line in both, U+2028, U+2029 and U+0085 in YAML only); None for those
    streamed line by line (JSONL, CSV), whose lines end at "\n"."""
    from iolint.positions import JSON_BREAKS, YAML_BREAKS

    suffix = Path(file).suffix.lower()
    return {".json": JSON_BREAKS, ".yaml": YAML_BREAKS, ".yml": YAML_BREAKS}.get(suffix)


class Sources:
    """Lines of the files findings point into, read forward: O(lines) for findings in file order."""

    def __init__(self, texts: dict[str, bytes | None] | None = None):
        self.texts = texts if texts is not None else {}  # input that is no file (stdin); None: not kept
        self.file = None
        self.handle = None
        self.whole: list[str] | None = None  # the lines of a file read whole
        self.number = 0  # lines read so far
        self.marks: list[int] = [0]  # line numbers with a known offset
        self.offsets: list[int] = [0]

    def line(self, file: str, number: int) -> str | None:
        if file != self.file:
            self.close()
            try:
                if file in self.texts:  # never the file of that name: it may hold other text
                    data = self.texts[file]
                    self.handle = io.BytesIO(data) if data is not None else None
                else:
                    self.handle = Path(file).open("rb")
            except OSError:
                return None
            self.file = file
            self.whole = self._read_whole(file)
        if self.whole is not None:
            return self.whole[number - 1] if 0 < number <= len(self.whole) else None
        if self.handle is None:
            return None
        if number <= self.number:
            i = bisect.bisect_right(self.marks, number - 1) - 1
            self.handle.seek(self.offsets[i])
            self.number = self.marks[i]
        raw = b""
        while self.number < number:
            if self.number % CHECKPOINT == 0 and self.number > self.marks[-1]:
                self.marks.append(self.number)
                self.offsets.append(self.handle.tell())
            raw = tail = self.handle.readline(MAX_LINE_BYTES)
            if not raw:
                return None
            while len(tail) == MAX_LINE_BYTES and not tail.endswith(b"\n"):  # skip the rest
                tail = self.handle.readline(MAX_LINE_BYTES)
            self.number += 1
        return raw.decode("utf-8", "replace").rstrip("\r\n").lstrip("\ufeff")

    def _read_whole(self, file: str) -> list[str] | None:
        from iolint.loaders import MAX_FILE_BYTES

        breaks = _breaks(file)
        if breaks is None:
            return None
        raw = self.handle.read(MAX_FILE_BYTES + 1)
        self.handle.seek(0)
        if len(raw) > MAX_FILE_BYTES:
            return None
        return breaks.split(raw.decode("utf-8", "replace").removeprefix("\ufeff"))

    def close(self) -> None:
        if self.handle:
            self.handle.close()
        self.file = self.handle = self.whole = None
        self.number = 0
        self.marks, self.offsets = [0], [0]


PRIVATE_FAMILIES = frozenset({"privacy"})  # rules whose findings are about personal data on their line


def _window(line: str, column: int | None) -> tuple[int, int, int, int]:
    """(start, end) of what is shown of ``line`` around ``column``, (lo, hi) of what the detector sees."""
    col = (column or 1) - 1
    start = max(0, min(col - WIDTH // 3, len(line) - WIDTH)) if len(line) > WIDTH else 0
    end = min(len(line), start + WIDTH)
    return start, end, max(0, start - CONTEXT), min(len(line), end + CONTEXT)


def digest(seen: str) -> str:
    return hashlib.blake2b(seen.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def masks_of(display: str, data: bytes, findings, family_of) -> dict[str, tuple]:
    """What the excerpt of each of a file's findings masks (``spans``), by the digest of what the
    detector sees; ``data`` is the file's bytes, ``display`` its name."""
    sources, masks = Sources({display: data}), {}
    for finding in findings:
        if finding.line and family_of(finding.code) not in PRIVATE_FAMILIES:
            line = sources.line(display, finding.line)
            if line is not None:
                _, _, lo, hi = _window(line, finding.column)
                masks[digest(line[lo:hi])] = spans(line[lo:hi])
    sources.close()
    return masks


def excerpt(
    line: str, column: int | None, family: str | None, masks: dict[str, tuple] | None = None
) -> tuple[str, int | None] | None:
    """(the masked text to show, the caret's offset in it), or None when nothing may be shown:
    the line of a finding of the rule family ``family`` is not shown if it is a private one.
    ``masks``: what ``masks_of`` found, if known."""
    if family in PRIVATE_FAMILIES:
        return None
    start, end, lo, hi = _window(line, column)
    seen = line[lo:hi]
    found = masks.get(digest(seen)) if masks else None
    shown = list(line[start:end].replace("\t", " "))
    for first, last in spans(seen) if found is None else found:
        for i in range(max(first + lo, start), min(last + lo, end)):
            shown[i - start] = "*"
    text = ("…" if start else "") + "".join(shown) + ("…" if end < len(line) else "")
    col = (column or 1) - 1
    caret = col - start + (1 if start else 0) if column else None
    return text, caret
