"""The kinds of personal data iolint detects: entity name, human label, and two flags.

``special``: GDPR art. 9 and 10 categories (health, judicial, beliefs, union, politics, sex life).
``identifier``: a value that on its own identifies a person or an account (codice fiscale, IBAN,
identity-document numbers); a message body gets a data-minimisation warning for these.
"""

from __future__ import annotations

from typing import NamedTuple


class Kind(NamedTuple):
    label: str
    special: bool = False
    identifier: bool = False


KINDS: dict[str, Kind] = {
    "IT_FISCAL_CODE": Kind("codice fiscale", identifier=True),
    "IT_VAT_CODE": Kind("partita IVA"),
    "IBAN_CODE": Kind("IBAN", identifier=True),
    "EMAIL_ADDRESS": Kind("email address"),
    "PHONE_NUMBER": Kind("phone number"),
    "PERSON": Kind("person name"),
    "IT_ADDRESS": Kind("street address"),
    "DATE_OF_BIRTH": Kind("date of birth"),
    "IT_LICENSE_PLATE": Kind("vehicle plate (targa)"),
    "IT_IDENTITY_CARD": Kind("identity card number", identifier=True),
    "IT_PASSPORT": Kind("passport number", identifier=True),
    "IT_DRIVER_LICENSE": Kind("driving licence number", identifier=True),
    "HEALTH": Kind("health data", special=True),
    "JUDICIAL": Kind("judicial data", special=True),
    "RELIGION": Kind("religious belief", special=True),
    "TRADE_UNION": Kind("trade-union membership", special=True),
    "POLITICAL": Kind("political opinion", special=True),
    "SEX_LIFE": Kind("sex life or sexual orientation", special=True),
}


def kind_of(entity: str) -> Kind:
    """The Kind of an entity name; a team recognizer's own entity gets a label from its name."""
    return KINDS.get(entity) or Kind(entity.lower().replace("_", " "))
