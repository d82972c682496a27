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


def factored_alternation(name: str, section: str) -> str:
    """The same alternation with the entries that start with a literal letter grouped by it
    ("s(?:portell|ede\\b|…)|u(?:ffic|…)|…"): it matches what ``alternation`` matches, several
    times faster on a long list, since each position tries one group instead of every entry.
    Entries that start otherwise, or hold a top-level "|", come last, as they are. For lists
    whose match is only tested, not measured (the first entry to match may differ)."""
    from iolint.pii.cues import alternatives

    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for entry in lines(name, section):
        if entry[0].isalpha() and entry[1:2] not in ("?", "*", "+", "{") and len(alternatives(entry)) == 1:
            groups.setdefault(entry[0], []).append(entry[1:])
        else:
            rest.append(entry)
    return "|".join([f"{c}(?:{'|'.join(tails)})" for c, tails in groups.items()] + rest)
