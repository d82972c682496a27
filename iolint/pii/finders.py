"""The finders: one entry per family of kinds, and the pre-filter that tells which may find
something in a text.

A ``Finder`` pairs a function (text -> hits) with what every text it finds something in holds:
a digit (``needs_digit``), one of its cue words (``cues``: lexicon stems, odonyms, birth cues),
and whatever its own ``maybe`` checks. ``candidates`` looks at a text once: a digit test, and
one pass of an Aho-Corasick automaton over the lower-cased text for the cue words of every
finder; then each finder's ``maybe``. A new detector is one more ``Finder`` in ``FINDERS``
(docs/pii.md has the recipe); ``iolint.pii.recognizers`` wraps each in a presidio recognizer,
and nothing here imports presidio or spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from iolint.pii import addresses, birthdates, codes, contacts, documents, names, special
from iolint.pii.cues import Cue, CueIndex
from iolint.pii.hits import Hit, lower_same_length
from iolint.pii.kinds import KINDS


class Scan(NamedTuple):
    """What the pre-filter learnt about a text, shared by the detectors' ``maybe``."""

    text: str
    low: str  # lower-cased, offsets kept
    cued: bool  # one of the detector's cues occurs


class Finder(NamedTuple):
    name: str  # also the name of the presidio recognizer that wraps it
    entities: tuple[str, ...]
    find: Callable[[str], list[Hit]]
    needs_digit: bool = False  # finds nothing in a text without a digit
    cues: tuple[Cue, ...] = ()  # finds nothing in a text without one of these (unless not needs_cue)
    needs_cue: bool = True  # False: the cues only inform ``maybe``
    maybe: Callable[[Scan], bool] | None = None  # a further cheap necessary condition


FINDERS: tuple[Finder, ...] = (
    Finder("IolintEmailRecognizer", ("EMAIL_ADDRESS",), contacts.find_emails, cues=(Cue("@", False),)),
    Finder("IolintPhoneRecognizer", ("PHONE_NUMBER",), contacts.find_phones, needs_digit=True),
    Finder("IolintFiscalCodeRecognizer", ("IT_FISCAL_CODE",), codes.find_fiscal_codes),
    Finder("IolintVatCodeRecognizer", ("IT_VAT_CODE",), codes.find_vat_codes, needs_digit=True),
    Finder("IolintIbanRecognizer", ("IBAN_CODE",), codes.find_ibans, needs_digit=True),
    Finder("IolintPlateRecognizer", ("IT_LICENSE_PLATE",), documents.find_plates, needs_digit=True),
    Finder(
        "IolintIdentityDocumentRecognizer",
        ("IT_IDENTITY_CARD", "IT_PASSPORT", "IT_DRIVER_LICENSE"),
        documents.find_identity_documents,
        needs_digit=True,
    ),
    Finder("IolintAddressRecognizer", ("IT_ADDRESS",), addresses.find_addresses, True, addresses.CUES),
    Finder("IolintBirthDateRecognizer", ("DATE_OF_BIRTH",), birthdates.find_birthdates, True, birthdates.CUES),
    Finder(
        "IolintSpecialCategoryRecognizer",
        ("HEALTH", "JUDICIAL", "RELIGION", "TRADE_UNION", "POLITICAL", "SEX_LIFE"),
        special.find_special,
        cues=special.CUES,
    ),
    # Last: the first call loads the name lists.
    Finder("IolintPersonRecognizer", ("PERSON",), names.find_names, cues=names.CUES, needs_cue=False, maybe=names.maybe),
)


def _check(finders: tuple[Finder, ...]) -> None:
    """A finder forgotten in part fails here, at import, not in a privacy check: unique names,
    a function, kinds that iolint knows (a label and flags in ``kinds.KINDS``)."""
    names = [f.name for f in finders]
    if len(set(names)) != len(names):
        raise ValueError(f"finder names must be unique: {names}")
    for f in finders:
        if not callable(f.find) or (f.maybe is not None and not callable(f.maybe)):
            raise TypeError(f"{f.name}: find and maybe must be functions")
        unknown = [e for e in f.entities if e not in KINDS]
        if not f.entities or unknown:
            raise ValueError(f"{f.name}: kinds {unknown or '(none)'} are not in iolint.pii.kinds.KINDS")


_check(FINDERS)


@cache
def _index() -> CueIndex:
    return CueIndex((1 << i, cue) for i, d in enumerate(FINDERS) for cue in d.cues)


_DIGIT = re.compile(r"\d")


# Per finder: its bit in the cue index, the bit its cues must set (0: none needed), whether it
# needs a digit, and its ``maybe``.
def _plan(finders: tuple[Finder, ...]) -> tuple:
    return tuple((f, 1 << i, (1 << i) if f.cues and f.needs_cue else 0, f.needs_digit, f.maybe) for i, f in enumerate(finders))


_PLAN = _plan(FINDERS)


def candidates(text: str, entities: frozenset[str] | None = None) -> list[Finder]:
    """The finders (of ``entities``, default all) that may find something in ``text``."""
    low = lower_same_length(text)
    digits = _DIGIT.search(text) is not None
    cued = _index().owners(low)
    found = []
    for d, bit, needed, needs_digit, maybe in _PLAN:
        if (needs_digit and not digits) or (needed and not cued & needed):
            continue
        if entities is not None and entities.isdisjoint(d.entities):
            continue
        if maybe is None or maybe(Scan(text, low, bool(cued & bit))):
            found.append(d)
    return found


def may_find(finder: Finder, text: str) -> bool:
    """Whether ``finder`` may find something in ``text`` (the pre-filter for one finder)."""
    return finder in candidates(text, frozenset(finder.entities))


def find_all(text: str) -> list[Hit]:
    """Every finder's hits, without presidio, on the normalised text, at the original positions."""
    from iolint.pii.normalise import normalise

    normal = normalise(text)
    return [
        Hit(hit.kind, *normal.span(hit.start, hit.end), hit.score)
        for d in candidates(normal.text)
        for hit in d.find(normal.text)
    ]
