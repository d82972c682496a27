"""The table of pure-Python detectors, and the pre-filter built from their cheap conditions.

Each detector pairs a finder (text -> hits) with ``maybe`` (text -> bool), a cheap necessary
condition for the finder to find anything: the candidate regex without checksums or context, a
stem of the special-category lexicon, a capitalised gazetteer word or a cue word. Nothing here
imports presidio or spaCy; ``iolint.pii.recognizers`` wraps each finder in a presidio recognizer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from iolint.pii import addresses, birthdates, codes, contacts, documents, names, special
from iolint.pii.hits import Hit


class Detector(NamedTuple):
    name: str  # the name of the presidio recognizer that wraps it
    entities: tuple[str, ...]
    find: Callable[[str], list[Hit]]
    maybe: Callable[[str], bool]
    needs_digit: bool = False  # finds nothing in a text without a digit


def _searches(*patterns: re.Pattern[str], guard: re.Pattern[str] | None = None) -> Callable[[str], bool]:
    """Whether any pattern matches; ``guard``, a looser pattern all of them need, is tried first."""
    if guard is None:
        if len(patterns) == 1:
            return patterns[0].search  # no wrapper: this runs for nearly every text with a digit
        return lambda text: any(p.search(text) for p in patterns)
    return lambda text: guard.search(text) is not None and any(p.search(text) for p in patterns)


# Every identity-document pattern holds two letters then five digits ("CA12345AB", "AU1234567",
# "MI1234567X"), or "U1" then a letter or digit.
_DOCUMENT_GUARD = re.compile(r"[A-Za-z]{2} ?\d{5}|U1[A-Z0-9]")


DETECTORS: tuple[Detector, ...] = (
    Detector("IolintEmailRecognizer", ("EMAIL_ADDRESS",), contacts.find_emails, lambda t: "@" in t),
    Detector("IolintPhoneRecognizer", ("PHONE_NUMBER",), contacts.find_phones, _searches(contacts.PHONE), True),
    Detector("IolintFiscalCodeRecognizer", ("IT_FISCAL_CODE",), codes.find_fiscal_codes, _searches(codes.FISCAL_CODE)),
    Detector("IolintVatCodeRecognizer", ("IT_VAT_CODE",), codes.find_vat_codes, _searches(codes.VAT_CODE), True),
    Detector("IolintIbanRecognizer", ("IBAN_CODE",), codes.find_ibans, _searches(codes.IBAN), True),
    Detector("IolintPlateRecognizer", ("IT_LICENSE_PLATE",), documents.find_plates, _searches(documents.PLATE), True),
    Detector(
        "IolintIdentityDocumentRecognizer",
        ("IT_IDENTITY_CARD", "IT_PASSPORT", "IT_DRIVER_LICENSE"),
        documents.find_identity_documents,
        _searches(
            documents.CIE,
            documents.TWO_LETTERS_SEVEN_DIGITS,
            documents.NEW_LICENCE,
            documents.OLD_LICENCE,
            guard=_DOCUMENT_GUARD,
        ),
        True,
    ),
    Detector(
        "IolintAddressRecognizer",
        ("IT_ADDRESS",),
        addresses.find_addresses,
        addresses.maybe,
        True,
    ),
    Detector(
        "IolintBirthDateRecognizer",
        ("DATE_OF_BIRTH",),
        birthdates.find_birthdates,
        birthdates.maybe,
        True,
    ),
    Detector(
        "IolintSpecialCategoryRecognizer",
        ("HEALTH", "JUDICIAL", "RELIGION", "TRADE_UNION", "POLITICAL", "SEX_LIFE"),
        special.find_special,
        special.maybe,
    ),
    # Last: the first call loads the name lists.
    Detector("IolintPersonRecognizer", ("PERSON",), names.find_names, names.maybe),
)


_DIGIT = re.compile(r"\d")


def candidates(text: str, entities: frozenset[str] | None = None) -> list[Detector]:
    """The detectors (of ``entities``, default all) that may find something in ``text``."""
    digits = _DIGIT.search(text) is not None
    return [
        d
        for d in DETECTORS
        if (digits or not d.needs_digit) and (entities is None or entities.intersection(d.entities)) and d.maybe(text)
    ]


def find_all(text: str) -> list[Hit]:
    """Every detector's hits, without presidio, on the normalised text, at the original positions."""
    from iolint.pii.normalise import normalise

    normal = normalise(text)
    return [
        Hit(hit.kind, *normal.span(hit.start, hit.end), hit.score)
        for d in candidates(normal.text)
        for hit in d.find(normal.text)
    ]
