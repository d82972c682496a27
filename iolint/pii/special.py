"""Special categories of personal data (GDPR art. 9 and 10): a lexicon in Italian, German and
English, in data/special.txt, and whether each term found is about the reader (``topics``).

Each entry is a regex that starts with a literal word stem; the stems go into one Aho-Corasick
automaton, and an entry's regex is tried only where its stem starts a word (and compiled the
first time it is: most of the lexicon never is in a run). Suffixes are
bounded (``\\w{0,6}``), so inflections match ("gravidanza", "gravidanze"; "ricoverato/a/i/e")
and no pattern can backtrack far.

Where the line is drawn (docs/pii.md has the list): a generic service word is not health data
("Prenota la tua visita guidata", "Ticket sanitario", "Prenotazione CUP", "Scegli il medico di
base"); a visit is health data once it names a specialty ("visita cardiologica"), an exam once
it is clinical ("esame istologico"). Electoral services are not political opinions; "politiche
sociali" is a department, not a belief; "partito" alone is also a past participle; a "denuncia
TARI" is a tax return.
"""

from __future__ import annotations

import re

from iolint.pii.cues import stem_of
from iolint.pii.hits import CONTEXT, Hit
from iolint.pii.kinds import KINDS
from iolint.pii.reader import sentence
from iolint.pii.topics import (
    a_doctors_specialty,
    a_union_election,
    about_a_topic,
    about_animals,
    in_mailbox,
    in_url,
    neutral_after,
    neutral_before,
    not_their_offence,
)
from iolint.pii.wordlists import alternation, lines, sections

_PLACEHOLDER = re.compile(r"<<([a-z ]+)>>")


def _patterns(section: str) -> tuple[str, ...]:
    """A lexicon section's regexes, each ``<<name>>`` replaced by the [name] section's alternation
    (in a group of its own when it has several entries; one entry may start a pattern)."""

    def group(m: re.Match[str]) -> str:
        entries = lines("special", m.group(1))
        return entries[0] if len(entries) == 1 else f"(?:{alternation('special', m.group(1))})"

    return tuple(_PLACEHOLDER.sub(group, p) for p in lines("special", section))


SPECIAL_KINDS = tuple(name for name, kind in KINDS.items() if kind.special)
# Every special kind has its section (a missing one fails here, at import); acronyms and words
# that are also place names when capitalised are matched as written ("[cased KIND]").
TERMS: dict[str, tuple[str, ...]] = {kind: _patterns(kind) for kind in SPECIAL_KINDS}
CASED_TERMS: dict[str, tuple[str, ...]] = {
    kind: _patterns(f"cased {kind}") for kind in SPECIAL_KINDS if f"cased {kind}" in sections("special")
}


def stems() -> dict[str, list]:
    """Each stem of the lexicon, and the entries that start with it: for the automaton every
    finder shares (``finders.view``), which says where they start a word. An entry is
    ``[compiled, sources]``: its (kind, pattern) pairs are compiled the first time the stem is
    seen (``_entries``), so a run compiles only those it meets, not the whole lexicon."""
    sources: dict[str, list[tuple[str, str, int]]] = {}
    for table, flags in ((TERMS, re.IGNORECASE), (CASED_TERMS, 0)):
        for kind, patterns in table.items():
            for pattern in patterns:
                sources.setdefault(stem_of(pattern).stem, []).append((kind, pattern, flags))
    return {stem: [None, tuple(found), any(map(_reads_digits, found))] for stem, found in sources.items()}


# What is left of a pattern once quantifiers, "\d" and escapes by code are taken out: a digit
# there is a literal ("legge 104", "20\d\d") or a range, which reads which digit stands.
_NOT_LITERAL = re.compile(r"\{\d*,?\d*\}|\\d|\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}")
_DIGIT = re.compile("[0-9]")


def _reads_digits(source: tuple[str, str, int]) -> bool:
    return _DIGIT.search(_NOT_LITERAL.sub("", source[1])) is not None


def _entries(entry: list) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """A stem's (kind, compiled pattern) pairs, compiled on first use."""
    entry[0] = tuple((kind, re.compile(pattern, flags)) for kind, pattern, flags in entry[1])
    return entry[0]


def maybe(view, cued: bool) -> bool:
    """A stem of the lexicon starts a word of the text."""
    return bool(view.stems)


def blind(view) -> bool:
    """Whether every text alike to the view's but for its digits' values (``iolint.pii.alike``)
    finds what it finds, nothing: no entry of its stems reads a digit's value, and none matches
    (so neither do the topic tests, which read years, run)."""
    text = view.text
    for start, entry in view.stems:
        if entry[2] or any(rx.match(text, start) for _, rx in entry[0] or _entries(entry)):
            return False
    return True


_WORD_REST = re.compile(r"\w*")


def special_in(view) -> list[Hit]:
    hits = []
    text, low = view.text, view.low
    mailbox = "@" in text
    for start, entry in view.stems:
        compiled = entry[0] or _entries(entry)
        if start and text[start - 1] in "/.@" and in_url(text, start):
            continue
        if mailbox and in_mailbox(text, start):
            continue
        bounds = None
        for kind, rx in compiled:
            m = rx.match(text, start)
            if not m:
                continue
            bounds = bounds or sentence(text, start)
            if neutral_before(kind, low, start, bounds[0]):
                continue
            if kind == "HEALTH" and about_animals(low, start, m.end()):
                continue
            if kind == "JUDICIAL" and not_their_offence(low, bounds):
                continue
            if kind == "POLITICAL" and a_union_election(low, bounds):
                continue
            end = _WORD_REST.match(text, m.end()).end()  # a stem ends mid-word: "visita cardiolog|ica"
            if neutral_after(kind, low, end):
                continue
            if about_a_topic(text, low, start, bounds, end):
                continue
            if kind == "HEALTH" and a_doctors_specialty(text, start, end):
                continue
            hits.append(Hit(kind, start, end, CONTEXT))
    return _in_their_sense(hits) if len(hits) > 1 else hits


def _in_their_sense(hits: list[Hit]) -> list[Hit]:
    """The hits without those a longer term of another kind holds: the words are read in its
    sense ("dirigente RSA" is a union officer, not a care home). Only overlapping hits are
    compared, so a long text with many terms stays linear."""
    kept: list[Hit] = []
    group: list[Hit] = []
    reach = -1
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if hit.start >= reach:
            kept += _not_held(group)
            group, reach = [], hit.end
        group.append(hit)
        reach = max(reach, hit.end)
    return kept + _not_held(group)


def _not_held(group: list[Hit]) -> list[Hit]:
    if len(group) < 2:
        return group
    return [
        h
        for h in group
        if not any(
            o.kind != h.kind and o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start
            for o in group
        )
    ]
