"""Cue words: the literal stems that patterns start with, found in one pass over a text.

Several detectors find nothing unless a word of theirs stands in the text: a lexicon stem
("diabet", "oncolog"), an odonym ("via", "piazza"), a birth cue ("nato", "nascita"), a greeting
or a title before a name ("gentile", "sig"). Each such word is a ``Cue``: its literal stem, and
whether it must start a word, end one, or both. ``CueIndex`` puts the cues of every detector
into one Aho-Corasick automaton and tells, for a lower-cased text, which detectors' cues occur:
one pass in C for all of them, instead of one regular expression per detector.
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


def stem_of(pattern: str, least: int = 3, bounded: bool = False, spaces: bool = False) -> Cue:
    """The cue a pattern's matches start with: its literal prefix (after a lookbehind). It is a
    whole word when the pattern ends with ``\\b`` after it, or is nothing else and ``bounded``
    (the caller's pattern has a space or a word boundary after it). A literal made optional or
    repeated by the next token ("dr\\.?", "nat[oaie]") ends the stem before it. With ``spaces``,
    ``\\s+`` between words stands for one space and the stem goes on ("non autosufficien"): for
    text whose runs of white space are made single spaces (``CueIndex.owners``)."""
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
        elif spaces and rest.startswith("\\s+", i) and stem and stem[-1] != " ":
            stem.append(" ")
            i += 3
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
    """The cues of several owners (bits of an int) in one automaton over lower-cased text."""

    def __init__(self, cues: Iterable[tuple[int, Cue]]):
        import ahocorasick

        # stem -> [bits with no condition, bits needing a word start, a word end, both]
        table: dict[str, list[int]] = {}
        for bit, cue in cues:
            slot = (2 if cue.word_end else 0) + (1 if cue.word_start else 0)
            table.setdefault(cue.stem, [0, 0, 0, 0])[slot] |= bit
        self.automaton = ahocorasick.Automaton()
        for stem, bits in table.items():
            self.automaton.add_word(stem, (len(stem), *bits))
        self.automaton.make_automaton()

    def owners(self, low: str) -> int:
        """The bits of the owners whose cues occur in ``low`` (a lower-cased text)."""
        if "  " in low or "\t" in low or "\n" in low or "\r" in low:
            low = " ".join(low.split())  # cues hold single spaces between words
        found = 0
        last = len(low) - 1
        for end, (length, free, starts, ends, whole) in self.automaton.iter(low):
            found |= free
            start = end - length + 1
            at_start = start == 0 or not low[start - 1].isalpha()
            if at_start:
                found |= starts
            if (ends or whole) and (end == last or not low[end + 1].isalpha()):
                found |= ends | (whole if at_start else 0)
        return found
