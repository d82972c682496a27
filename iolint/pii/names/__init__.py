"""Person names without an NER model: a gazetteer of names of many origins, and context.

The name data (``iolint.pii.namedata``) comes from maintained packages: first names and
surnames of some sixty Faker locales and python-codicefiscale, and word lists that mark the
names that are also common words (Rosa, Sole, Franco, Will, Costa). A capitalised gazetteer
word alone is never reported (it could be a place, a street or an ordinary word); a name is
reported when

* a title or honorific precedes capitalised words ("Sig.ra Bianchi", "Dott. Khan", "Frau
  Hofer"): 0.85, whatever the words, unless they are a role ("Gentile Utente");
* a greeting, thanks, wishes or a relation precede names ("Ciao Rosa,", "Thank you, Chiara!",
  "intestato a Luca Esposito", "Imputato Rafiqul Islam"): 0.85 / 0.8; unknown words count
  there when they are not words of the language ("Gentile Arben Hoxha,") (``cued``);
* the title leaves only a person: names opening it or a clause after a colon or a dash before
  punctuation or a participle ("Marina Greco: rimborso approvato", "Dati anagrafici: Hoxha
  Ardit, nato a…"), closing it after "per" ("Rimborso per Fatou Diop"), a first name opening it
  before a comma and a word that addresses ("Rosa, hai…"): 0.7 / 0.6 (``positions``; the runs
  of name words there in ``runs``);
* a first name stands next to another name ("Mario Rossi", "Rossi Mario", "MARIO ROSSI",
  "mario rossi"), before an unknown capitalised word ("Chiara Gallo"), or a surname or an
  unknown name-like word next to an initial ("Rossi M.", "M. Kravchuk"): 0.7. Particles join a
  name (De Luca, El Amrani, Van der Berg, Dal Bosco), and so do hyphens (``gazetteer``).

Names that are also common words count only with a greeting, a title, a relation, in a position
that leaves only a person, or next to a name that is not a word. Nothing is reported after a
street, place, institution, event or saint, nor when a place, event or thing word, a regnal
number or ": <event>" follows ("Via Giuseppe Verdi", "Concerto per Ennio Morricone", "Rosa Parks
Library", "Giovanni Paolo II", "Dante Alighieri: letture"), nor for a comune ("Martina Franca")
(``context``). ``gate.maybe`` is the pre-filter; the word lists are in data/names.txt.
"""

from __future__ import annotations

import re

from iolint.pii.hits import Hit, lower_same_length
from iolint.pii.names.context import named_after
from iolint.pii.names.cued import CUES, cue_runs
from iolint.pii.names.gate import maybe
from iolint.pii.names.gazetteer import gazetteer_runs, initial_runs
from iolint.pii.names.positions import position_runs
from iolint.pii.names.vocabulary import PARTICLE_WORDS
from iolint.pii.names.words import NameText, could_be_a_name, is_a_name, joins_names

__all__ = ["CUES", "could_be_a_name", "find_names", "is_a_name", "joins_names", "maybe", "names_in"]


def find_all_rules(t: NameText) -> list[Hit]:
    cued = cue_runs(t)
    found = cued + initial_runs(t)
    found += gazetteer_runs(t, found)
    found += position_runs(t, found)
    kept = frozenset(cued) if len(cued) > 8 else cued
    return [h for h in found if h in kept or not named_after(t, h)]


def find_names(text: str) -> list[Hit]:
    """Names found by the rules, overlapping ones merged. No pre-filter runs: the cue words are
    looked for as if present (``NameText.cued`` only lets the rules skip that search)."""
    return _merged(NameText(text, lower_same_length(text), True))


def names_in(view) -> list[Hit]:
    """``find_names`` on a view of the text (``finders.view``), sharing what the pre-filter
    (``maybe``) learnt in ``view.names``."""
    return _merged(view.names if view.names is not None else NameText(view.text, view.low, True))


# A capitalised particle right before a name is part of it ("Dal Bosco Caterina").
PARTICLE_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(sorted(PARTICLE_WORDS, key=len, reverse=True))})[ \t]$", re.I)


def _with_particle(text: str, hit: Hit) -> Hit:
    if hit.start < 3 or text[hit.start - 1] != " ":
        return hit
    m = PARTICLE_BEFORE.search(text, max(0, hit.start - 6), hit.start)
    return Hit(hit.kind, m.start(), hit.end, hit.score) if m and text[m.start()].isupper() else hit


def _merged(t: NameText) -> list[Hit]:
    hits = sorted((_with_particle(t.text, h) for h in find_all_rules(t)), key=lambda h: (h.start, -h.end, -h.score))
    merged: list[Hit] = []
    for hit in hits:
        if merged and hit.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Hit("PERSON", last.start, max(last.end, hit.end), max(last.score, hit.score))
        else:
            merged.append(hit)
    return merged
