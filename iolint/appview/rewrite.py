"""The IO app's rewriting of a message body before it renders it, with a map back to the
original offsets: form feeds to spaces, reference links to inline links with their definitions
removed, every image onto a paragraph of its own (``prepare``)."""

from __future__ import annotations

import bisect
import re

# The app's patterns (markdownRenderer.ts), searched so that the work stays linear: a leading
# `^\s*` spanning lines, or `\[([^\]]+)\]` tried from every `[`, is quadratic on hostile text.
_DEFINITION = re.compile(r"^[^\S\n]*\[([^\]]+)\]:\s*(<[^>]+>|\S+)(?:\s+[\"'(]([^\"')]+)[\"')])?", re.M)
_REFERENCE_TAIL = re.compile(r"\s*\[([^\]]*)\]")
_LINE_END = re.compile("[\n\r\u2028\u2029]")  # where JavaScript's `.` stops
_SPACE_NOT_NEWLINE = " \t\r\f\v"


class Edited:
    """A text being rewritten, each character remembering its offset in the original."""

    def __init__(self, text: str):
        self.text = text
        self.origin = list(range(len(text) + 1))  # one more: the end

    def apply(self, edits: list[tuple[int, int, str]]) -> None:
        """Replace the spans of ``edits`` (sorted, not overlapping), in one pass."""
        if not edits:
            return
        text, origin, last = [], [], 0
        for start, end, new in edits:
            text += [self.text[last:start], new]
            origin += self.origin[last:start]
            origin += [self.origin[start]] * len(new)  # inserted text comes from where it goes
            last = end
        text.append(self.text[last:])
        origin += self.origin[last:]
        self.text, self.origin = "".join(text), origin

    def original_lines(self, source: str) -> list[int]:
        """For each line of the text, the line of ``source`` it comes from (0-based)."""
        starts = [0] + [m.end() for m in re.finditer("\n", source)]
        out, at = [], 0
        for line in self.text.split("\n"):
            out.append(bisect.bisect_right(starts, self.origin[at]) - 1)
            at += len(line) + 1
        return out


def _definitions(s: str) -> list[tuple[int, int, str, str]]:
    r"""(start, end, label, url) of link definitions, as the app's `^\s*\[label\]: url` removes
    them: its `\s*` also takes the blank lines before a definition, from the first line start
    after the text that precedes it."""
    out, floor = [], 0
    for m in _DEFINITION.finditer(s):
        k = m.start()
        while k > floor and s[k - 1].isspace():
            k -= 1
        newline = s.find("\n", k, m.start())
        begin = newline + 1 if newline >= 0 and k > 0 else k
        out.append((begin, m.end(), m.group(1), m.group(2)))
        floor = m.end()
    return out


def _references(s: str) -> list[tuple[int, int, str, str]]:
    """(start, end, text, label) of `[text][label]` as the app's pattern finds them, leftmost
    first. Its text runs from a `[` to the next `]`, so one `[` per `]` is worth trying."""
    out, start = [], 0
    while (i := s.find("[", start)) >= 0 and (j := s.find("]", i + 1)) >= 0:
        m = _REFERENCE_TAIL.match(s, j + 1) if j > i + 1 else None
        if m:
            out.append((i, m.end(), s[i + 1 : j], m.group(1)))
            start = m.end()
        else:
            start = j + 1
    return out


def _images(s: str) -> list[tuple[int, int]]:
    r"""Spans of `![alt](url)` as the app's `!\[.*?\]\((.*?)\)` finds them: on one line, the
    first `](` after `![`, then the first `)`."""
    out, i, end = [], s.find("!["), -1
    while i >= 0:
        if i > end:  # the end of the line, looked for once per line
            end = m.start() if (m := _LINE_END.search(s, i)) else len(s)
        k = s.find("](", i + 2, end)
        close = s.find(")", k + 2, end) if k >= 0 else -1
        if close < 0:  # no later `![` on this line can match either
            i = s.find("![", end)
            continue
        out.append((i, close + 1))
        i = s.find("![", close + 1)
    return out


def prepare(body: str) -> tuple[Edited, set[str]]:
    """The text the app parses, and the footnote labels whose definitions it removed."""
    text = Edited(body.replace("\f", " "))
    found = _definitions(text.text)
    links = {label.lower(): url.removeprefix("<").removesuffix(">") for _, _, label, url in found}
    text.apply([(start, end, "") for start, end, _, _ in found])
    inline = []
    for start, end, shown, label in _references(text.text):
        url = links.get((label or shown).lower())
        if url is not None:
            inline.append((start, end, f"[{shown}]({url})"))
    text.apply(inline)
    text.apply(_own_paragraphs(text.text, _images(text.text)))
    return text, {label[1:] for label in links if label.startswith("^")}


def _own_paragraphs(s: str, images: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The newlines the app inserts around each image: up to two on each side, counting those
    already there (with only spaces between). It works from the last image back, so the
    newlines put before an image count after the one before it."""
    edits, put_before = [], 0
    for n in range(len(images) - 1, -1, -1):
        start, end = images[n]
        after, j = 0, end
        while j < len(s) and (s[j] == "\n" or s[j] in _SPACE_NOT_NEWLINE):
            after += s[j] == "\n"
            j += 1
        if n + 1 < len(images) and j == images[n + 1][0]:
            after += put_before
        before, i = 0, start - 1
        while i >= 0 and (s[i] == "\n" or s[i] in _SPACE_NOT_NEWLINE):
            before += s[i] == "\n"
            i -= 1
        put_before = max(0, 2 - before)
        edits += [(start, start, "\n" * put_before), (end, end, "\n" * max(0, 2 - after))]
    return sorted((e for e in edits if e[2]), key=lambda e: e[0])
