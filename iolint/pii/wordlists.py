"""The word lists and lexicons of ``iolint.pii``, shipped in ``iolint/pii/data/*.txt``.

A data file is made of sections: a ``[name]`` line, then entries, one per line (words separated
by white space, or one regular expression per line, as the section's comment says). Lines that
start with ``#`` are comments. A section asked for and missing is an error at import.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

_HEADER = re.compile(r"\[([a-z][a-z0-9 _-]*)\]", re.IGNORECASE)


@cache
def sections(name: str) -> dict[str, tuple[str, ...]]:
    """The sections of ``data/<name>.txt``: each section's lines, comments and blank lines dropped."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate((files("iolint.pii") / "data" / f"{name}.txt").read_text("utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        header = _HEADER.fullmatch(line)
        if header:
            current = found.setdefault(header.group(1), [])
        elif current is None:
            raise ValueError(f"data/{name}.txt:{number}: an entry before any [section]")
        else:
            current.append(line)
    return {section: tuple(lines) for section, lines in found.items()}


def lines(name: str, section: str) -> tuple[str, ...]:
    """One entry per line: phrases, or regular expressions."""
    try:
        return sections(name)[section]
    except KeyError:
        raise LookupError(f"data/{name}.txt has no [{section}] section") from None


def words(name: str, section: str) -> tuple[str, ...]:
    """The words of a section, all lines split at white space."""
    return tuple(word for line in lines(name, section) for word in line.split())


def alternation(name: str, section: str) -> str:
    """The regular expressions of a section as one alternation (without a group around it)."""
    return "|".join(lines(name, section))


def factored_alternation(name: str, section: str, inside: bool = True) -> str:
    """The same alternation with the entries that start with a literal letter grouped by it
    ("s(?:portell|ede\\b|…)|u(?:ffic|…)|…"): it matches what ``alternation`` matches, several
    times faster on a long list, since each position tries one group instead of every entry.
    Entries are first brought to such a start where their language allows (``_letter_first``);
    those that start otherwise come last, those that start with "\\w*" as one alternation after
    it (left out if not ``inside``: ``inside_stems`` tells when it may match). For lists whose
    match is only tested, not measured (the first entry to match may differ)."""
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    words_inside: list[str] = []  # "\w*sperrung\w*": a word holding a literal
    for entry in (e for line in lines(name, section) for e in _letter_first(line)):
        if _starts_with_a_letter(entry):
            groups.setdefault(entry[0], []).append(entry[1:])
        elif entry.startswith("\\w*") and _starts_with_a_letter(entry[3:]):
            words_inside.append(entry[3:])
        else:
            rest.append(entry)
    if words_inside and inside:
        rest.append(f"\\w*(?:{'|'.join(words_inside)})")
    return "|".join([f"{c}(?:{'|'.join(tails)})" for c, tails in groups.items()] + rest)


def inside_stems(name: str, section: str) -> tuple[str, ...]:
    """The literal stems of a section's entries that start with "\\w*" ("sperrung"): a text
    that holds none of them is matched by none of those entries."""
    from iolint.pii.cues import stem_of

    found = (e for line in lines(name, section) for e in _letter_first(line))
    return tuple(stem_of(e[3:]).stem for e in found if e.startswith("\\w*") and _starts_with_a_letter(e[3:]))


def _starts_with_a_letter(entry: str) -> bool:
    """A literal letter starts ``entry`` (not made optional or repeated), and no "|" splits it."""
    from iolint.pii.cues import alternatives

    return entry[:1].isalpha() and entry[1:2] not in ("?", "*", "+", "{") and len(alternatives(entry)) == 1


_LEADING_LOOKBEHIND = re.compile(r"\(\?<=([^()\\|\[.?*+{}^$]+)\)")  # of literal text


def _letter_first(entry: str) -> list[str]:
    """``entry`` as entries that match the same, each started by a letter where it can be: a
    leading group of alternatives is spread over its alternatives ("(?:ogni|tutti)\\s+x" ->
    "ogni\\s+x", "tutti\\s+x"), and a leading look-behind of literal text moves after the
    letter that follows it ("(?<=all')albo" -> "a(?<=all'a)lbo")."""
    from iolint.pii.cues import alternatives

    if entry.startswith("(?:"):
        end = _group_end(entry)
        tail = entry[end:]
        if tail[:1] not in ("?", "*", "+", "{"):
            return [spread + tail for spread in alternatives(entry[3 : end - 1])]
    behind = _LEADING_LOOKBEHIND.match(entry)
    if behind and _starts_with_a_letter(entry[behind.end() :]):
        letter = entry[behind.end()]
        return [f"{letter}(?<={behind.group(1)}{letter}){entry[behind.end() + 1 :]}"]
    return [entry]


def _group_end(pattern: str) -> int:
    """The end of the group that opens ``pattern`` (after its ")")."""
    depth, i = 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = pattern.index("]", i + 2) + 1
            continue
        depth += {"(": 1, ")": -1}.get(c, 0)
        i += 1
        if depth == 0:
            return i
    raise ValueError(f"unbalanced group: {pattern!r}")
