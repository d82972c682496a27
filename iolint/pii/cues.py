"""Cue words: the literal stems that patterns start with, found in one pass over a text.

Several detectors find nothing unless a word of theirs stands in the text: an odonym ("via",
"piazza"), a birth cue ("nato", "nascita"), a greeting or a title before a name ("gentile",
"sig"). Each such word is a ``Cue``: its literal stem, and whether it must start a word, end
one, or both. ``CueIndex`` puts the cues of every detector, and the special-category lexicon's
stems ("diabet", "oncolog"), into one Aho-Corasick automaton: one pass in C over the lower-cased
text tells which detectors' cues occur and where the lexicon's stems start a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple


class Cue(NamedTuple):
    stem: str  # lower case
    word_start: bool = True  # the stem must start a word (no letter before it)
    word_end: bool = False  # the stem must end a word (no letter after it): a whole word


_LOOKBEHIND = re.compile(r"\(\?<[!=](?:[^()\\]|\\.|\([^()]*\))*\)")
_META = "\\[(?*+{|^$."


def stem_of(pattern: str, least: int = 3, bounded: bool = False) -> Cue:
    """The cue a pattern's matches start with: its literal prefix (after a lookbehind). It is a
    whole word when the pattern ends with ``\\b`` after it, or is nothing else and ``bounded``
    (the caller's pattern has a space or a word boundary after it). A literal made optional or
    repeated by the next token ("dr\\.?", "nat[oaie]") ends the stem before it; so does ``\\s``
    (the automaton reads the text as written: a literal space in a stem matches one space)."""
    rest = _LOOKBEHIND.sub("", pattern, count=1) if pattern.startswith("(?<") else pattern
    stem: list[str] = []
    i = 0
    while i < len(rest):
        if rest.startswith("\\.", i) or rest.startswith("\\'", i) or rest.startswith("\\-", i):
            stem.append(rest[i + 1])
            i += 2
        elif rest.startswith("\\ ", i):
            stem.append(" ")
            i += 2
        elif rest[i] in _META:
            if rest[i] in "?*{" and stem:
                stem.pop()  # the last literal is optional or repeated: not part of the stem
            break
        else:
            stem.append(rest[i])
            i += 1
    if stem and stem[-1] == " ":
        stem.pop()
        i = -1  # what follows the space is not literal: the stem is no whole word
    whole = i >= 0 and (rest[i:] == "\\b" or (bounded and i == len(rest)))
    if len(stem) < least:
        raise ValueError(f"pattern needs a literal stem of {least}+ characters: {pattern!r}")
    return Cue("".join(stem).lower(), word_start=True, word_end=whole)


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a character class may hold "|" or parentheses
            i = pattern.index("]", i + 2) + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


class CueIndex:
    """The cues of several owners (bits of an int) in one automaton over lower-cased text, and
    the lexicon stems whose entries a finder tries where they start a word (``extras``). For the
    owners in ``placed`` it also tells where their cue stems occur: a finder whose patterns
    start with its cue words tries them there only (``matches_at``), not at every position."""

    def __init__(self, cues: Iterable[tuple[int, Cue]], extras: dict[str, object] | None = None, placed: int = 0):
        import ahocorasick

        # stem -> [bits with no condition, bits needing a word start, a word end, both, extra]
        table: dict[str, list] = {}
        for bit, cue in cues:
            slot = (2 if cue.word_end else 0) + (1 if cue.word_start else 0)
            table.setdefault(cue.stem, [0, 0, 0, 0, None])[slot] |= bit
        for stem, extra in (extras or {}).items():
            table.setdefault(stem, [0, 0, 0, 0, None])[4] = extra
        self.automaton = ahocorasick.Automaton()
        for stem, (free, starts, ends, whole, extra) in table.items():
            owners = free | starts | ends | whole
            self.automaton.add_word(stem, (len(stem), free, starts, ends, whole, extra, bool(owners & placed)))
        self.automaton.make_automaton()
        self.empty = not table  # (the finders of some kinds have no cue words: nothing to scan)

    def scan(self, text: str, low: str) -> tuple[int, list[tuple[int, object]], list[int]]:
        """The bits of the owners whose cues occur in ``low`` (``text`` lower-cased, offsets
        kept); (start, extra) where an extra's stem starts a word of ``text`` (no letter or
        digit before it), in the automaton's order; and where a stem of the ``placed`` owners'
        cues occurs in ``low`` (every occurrence, whatever stands around it)."""
        found = 0
        extras = []
        places = []
        if self.empty:
            return found, extras, places
        last = len(low) - 1
        for end, (length, free, starts, ends, whole, extra, placed) in self.automaton.iter(low):
            start = end - length + 1
            if placed:
                places.append(start)
            found |= free
            if starts or ends or whole:
                at_start = start == 0 or not low[start - 1].isalpha()
                if at_start:
                    found |= starts
                if (ends or whole) and (end == last or not low[end + 1].isalpha()):
                    found |= ends | (whole if at_start else 0)
            if extra is not None and (start == 0 or not text[start - 1].isalnum()):
                extras.append((start, extra))
        return found, extras, places


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a pattern whose matches are never empty and start
    only at one of ``starts`` (where its literal stems occur): tried at those positions alone,
    in order, each after the previous match's end as ``finditer`` does."""
    found = []
    reach = 0
    for at in sorted(set(starts)) if len(starts) > 1 else starts:
        if at >= reach and (m := pattern.match(text, at)) is not None:
            found.append(m)
            reach = m.end()
    return found
