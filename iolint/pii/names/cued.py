"""Names after a cue word: an honorific ("Sig.ra Bianchi"), a greeting, thanks or wishes ("Ciao
Rosa,"), a relation ("intestato a Luca Esposito"). The cue words are in data/names.txt."""

from __future__ import annotations

import re

from iolint.pii.cues import matches_at, stem_of
from iolint.pii.hits import CONTEXT, Hit
from iolint.pii.namedata import FIRST, SURNAME, WORD, fold
from iolint.pii.names.context import after_place
from iolint.pii.names.vocabulary import CAP_WORD, CAPITAL_LETTER, GAP, LOWER_WORD, PARTICLE, ROLES
from iolint.pii.names.words import NameText, counts_here, flags_of, is_stop, pronoun_name
from iolint.pii.wordlists import alternation, lines

TITLE_WORDS = alternation("names", "titles")
GREETING_WORDS = alternation("names", "greetings")
RELATION_WORDS = alternation("names", "relations")
TITLE = re.compile(rf"(?<![\w.])(?:{TITLE_WORDS})[ \t\u00a0]+", re.IGNORECASE)
GREETING = re.compile(rf"(?<![\w.])(?:{GREETING_WORDS})[ \t,!]+", re.IGNORECASE)
RELATION = re.compile(rf"(?<![\w.])(?:{RELATION_WORDS})[ \t]+", re.IGNORECASE)
CUE_PATTERNS = ((TITLE, CONTEXT, True), (GREETING, CONTEXT, False), (RELATION, 0.8, False))


# "e" and a capitalised word after a name.
JOINED = re.compile(rf"[ \t]+(?:e|ed|and|und)[ \t]+({CAP_WORD.pattern})")


# An initial before a capitalised word.
INITIAL_BEFORE = re.compile(rf"[A-Z]\.[ \t](?={CAPITAL_LETTER})")


# The three in one pattern, run on the lower-cased text with a plain word boundary: several
# times faster than three case-insensitive patterns with look-behinds. A match right after a
# dot ("v.le", "Dott.ssa") is dropped afterwards, as the look-behind did.
CUE_LOOKBEHIND = r"(?<![\w.])"
ANY_CUE = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<c{i}>{rx.pattern.replace(CUE_LOOKBEHIND, '')})" for i, (rx, _, _) in enumerate(CUE_PATTERNS))
    + ")"
)


# The pre-filter's cue words: a title, a greeting or a relation word (followed by a space).
CUES = tuple(
    stem_of(word, least=2, bounded=True)
    for section in ("titles", "greetings", "relations")
    for word in lines("names", section)
)


def cue_matches(t: NameText) -> list[re.Match[str]]:
    """``ANY_CUE``'s matches in the lower-cased text, found once for the pre-filter and the rules
    (none if the cue automaton saw no cue word). Every match starts with a stem of ``CUES``, so
    where the automaton found their stems (``t.cue_starts``) it is tried there only."""
    if t.cues is None:
        if not t.cued:
            t.cues = []
        elif t.cue_starts is None:
            t.cues = list(ANY_CUE.finditer(t.low))
        else:
            t.cues = matches_at(ANY_CUE, t.low, t.cue_starts)
    return t.cues


# Characters that the case-insensitive cue patterns match to a letter of a cue word where the
# lower-cased text (``View.low``, which the automaton reads) holds no such letter: "İ" (kept as it
# is, its lower case being two characters), "ı" and "ſ" (matched to "i" and "s").
IGNORECASE_ONLY = ("İ", "ı", "ſ")


def cue_may_start(t: NameText, at: int) -> bool:
    """Whether a cue pattern (``TITLE``, ``GREETING``, ``RELATION``) may match at ``at``: a match
    starts with a cue stem, as ``ANY_CUE``'s do, so in a text without cue words none matches, and
    where the automaton found the stems (``t.cue_starts``) a match starts at one of them."""
    places = t.at_cue
    if places is None:
        if any(c in t.text for c in IGNORECASE_ONLY):
            places = True  # (the patterns alone can tell)
        elif not t.cued:
            places = frozenset()
        else:
            places = True if t.cue_starts is None else frozenset(t.cue_starts)
        t.at_cue = places
    return places is True or at in places


def cue_runs(t: NameText) -> list[Hit]:
    """Names right after a title, a greeting or a relation word."""
    hits = []
    text = t.text
    for m in cue_matches(t):
        if m.start() and text[m.start() - 1] == ".":
            continue
        _, score, any_word = CUE_PATTERNS[int(m.lastgroup[1:])]
        words = []
        at = m.end()
        initial = INITIAL_BEFORE.match(text, at)  # "Gentile C. Preda", "intestato a R. Stan"
        if initial:
            at = initial.end()
        while len(words) < 3:
            word = CAP_WORD.match(text, at) or LOWER_WORD.match(text, at)
            # After an honorific a place or a saint's word is a name ("il dott. Sala", "Dott. Santo
            # Marino"); a role is not ("Sig. Sindaco").
            if not word or (fold(word.group()) in ROLES if any_word else is_stop(word.group())):
                if not (word and words and pronoun_name(word.group(), flags_of(words[-1].group()))):
                    break
            if cue_may_start(t, word.start()) and (
                TITLE.match(text, word.start()) or (not words and RELATION.match(text, word.start()))
            ):
                break  # "Gentile Sig.ra Bianchi", "Liebe Familie Pichler": the next cue takes over
            after = text[word.end() : word.end() + 1]
            if word.group()[0].islower():
                flags = flags_of(word.group())
                if not flags or flags & WORD:
                    break  # lower case only for names that are not words: "gentile mario rossi"
                if after in ("'", "’"):
                    break  # an elided article: "studenti dell'università"
            if after.isdigit():
                break  # part of a code: "intestato a RSSMRA85…"
            words.append(word)
            # Two first names joined by "e": "Gentili Marco e Giulia,", "Cari Luca e Anna".
            joined = JOINED.match(text, word.end())
            if joined and flags_of(word.group()) & FIRST and flags_of(joined.group(1)) & FIRST:
                at = joined.start(1)
                continue
            gap = GAP.match(text, word.end())
            if not gap:
                break
            at = (PARTICLE.match(text, gap.end()) or gap).end()
        if not words or after_place(t, m.start()):
            continue
        # After a greeting: names that count here, or a first name that is a word addressed
        # with a comma ("Dear Grace,"), not a title ("Hello Summer Camp:").
        # With an initial, any listed name ("Gentile C. Preda").
        addressed = text[words[-1].end() : words[-1].end() + 1] in (",", "!")
        if (
            any_word
            or any(counts_here(w.group()) or (addressed and flags_of(w.group()) & FIRST) for w in words)
            or (initial and any(flags_of(w.group()) & (FIRST | SURNAME) for w in words))
        ):
            hits.append(Hit("PERSON", initial.start() if initial else words[0].start(), words[-1].end(), score))
    return hits
