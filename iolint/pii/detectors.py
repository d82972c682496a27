"""The table of pure-Python detectors, and the pre-filter that tells which may find something.

Each detector pairs a finder (text -> hits) with what every text it finds something in holds:
a digit (``needs_digit``), one of its cue words (``cues``: lexicon stems, odonyms, birth cues),
and whatever its own ``maybe`` checks. ``candidates`` looks at a text once: a digit test, and
one pass of an Aho-Corasick automaton over the lower-cased text for the cue words of every
detector; then each detector's ``maybe``. Nothing here imports presidio or spaCy;
``iolint.pii.recognizers`` wraps each finder in a presidio recognizer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from iolint.pii import addresses, birthdates, codes, contacts, documents, names, special
from iolint.pii.cues import Cue, CueIndex
from iolint.pii.hits import Hit, lower_same_length


class Scan(NamedTuple):
    """What the pre-filter learnt about a text, shared by the detectors' ``maybe``."""

    text: str
    low: str  # lower-cased, offsets kept
    cued: bool  # one of the detector's cues occurs


class Detector(NamedTuple):
    name: str  # the name of the presidio recognizer that wraps it
    entities: tuple[str, ...]
    find: Callable[[str], list[Hit]]
    needs_digit: bool = False  # finds nothing in a text without a digit
    cues: tuple[Cue, ...] = ()  # finds nothing in a text without one of these (unless not needs_cue)
    needs_cue: bool = True  # False: the cues only inform ``maybe``
    maybe: Callable[[Scan], bool] | None = None  # a further cheap necessary condition


DETECTORS: tuple[Detector, ...] = (
    Detector("IolintEmailRecognizer", ("EMAIL_ADDRESS",), contacts.find_emails, cues=(Cue("@", False),)),
    Detector("IolintPhoneRecognizer", ("PHONE_NUMBER",), contacts.find_phones, needs_digit=True),
    Detector("IolintFiscalCodeRecognizer", ("IT_FISCAL_CODE",), codes.find_fiscal_codes),
    Detector("IolintVatCodeRecognizer", ("IT_VAT_CODE",), codes.find_vat_codes, needs_digit=True),
    Detector("IolintIbanRecognizer", ("IBAN_CODE",), codes.find_ibans, needs_digit=True),
    Detector("IolintPlateRecognizer", ("IT_LICENSE_PLATE",), documents.find_plates, needs_digit=True),
    Detector(
        "IolintIdentityDocumentRecognizer",
        ("IT_IDENTITY_CARD", "IT_PASSPORT", "IT_DRIVER_LICENSE"),
        documents.find_identity_documents,
        needs_digit=True,
    ),
    Detector("IolintAddressRecognizer", ("IT_ADDRESS",), addresses.find_addresses, True, addresses.CUES),
    Detector("IolintBirthDateRecognizer", ("DATE_OF_BIRTH",), birthdates.find_birthdates, True, birthdates.CUES),
    Detector(
        "IolintSpecialCategoryRecognizer",
        ("HEALTH", "JUDICIAL", "RELIGION", "TRADE_UNION", "POLITICAL", "SEX_LIFE"),
        special.find_special,
        cues=special.CUES,
    ),
    # Last: the first call loads the name lists.
    Detector("IolintPersonRecognizer", ("PERSON",), names.find_names, cues=names.CUES, needs_cue=False, maybe=names.maybe),
)


@cache
def _index() -> CueIndex:
    return CueIndex((1 << i, cue) for i, d in enumerate(DETECTORS) for cue in d.cues)


_DIGIT = re.compile(r"\d")


# Per detector: its bit in the cue index, the bit its cues must set (0: none needed), whether it
# needs a digit, and its ``maybe``.
_PLAN = tuple((d, 1 << i, (1 << i) if d.cues and d.needs_cue else 0, d.needs_digit, d.maybe) for i, d in enumerate(DETECTORS))


def candidates(text: str, entities: frozenset[str] | None = None) -> list[Detector]:
    """The detectors (of ``entities``, default all) that may find something in ``text``."""
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


def may_find(detector: Detector, text: str) -> bool:
    """Whether ``detector`` may find something in ``text`` (the pre-filter for one detector)."""
    return detector in candidates(text, frozenset(detector.entities))


def find_all(text: str) -> list[Hit]:
    """Every detector's hits, without presidio, on the normalised text, at the original positions."""
    from iolint.pii.normalise import normalise

    normal = normalise(text)
    return [
        Hit(hit.kind, *normal.span(hit.start, hit.end), hit.score)
        for d in candidates(normal.text)
        for hit in d.find(normal.text)
    ]
