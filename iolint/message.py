"""pydantic v2 models of IO's NewMessage, with the constraints the IO API enforces.

Sending code can build messages with these models (``iolint.NewMessage``); the linter uses the same
constants, so a limit lives in one place. Sources: IO's messages API (pagopa/io-messages,
``NewMessage``) and docs.pagopa.it/io-guida-tecnica.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    field_validator,
)
from pydantic_core import PydanticCustomError

from iolint.clock import parse_timestamp

SUBJECT_MIN, SUBJECT_MAX = 10, 120
MARKDOWN_MIN, MARKDOWN_MAX = 80, 10_000
AMOUNT_MIN, AMOUNT_MAX = 1, 9_999_999_999
TTL_MIN, TTL_MAX = 3600, 604_800

FISCAL_CODE_RE = re.compile(r"^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$")
NOTICE_NUMBER_RE = re.compile(r"^[0123][0-9]{17}$")
ORGANIZATION_FISCAL_CODE_RE = re.compile(r"^[0-9]{11}$")
ULID_RE = re.compile(r"^[0-9a-hjkmnp-tv-zA-HJKMNP-TV-Z]{26}$")


def utf16_len(text: str) -> int:
    """Length as JavaScript's ``string.length`` counts it: astral characters count 2."""
    if text.isascii():
        return len(text)
    # surrogatepass: JSON may carry lone surrogates ("\ud800"), which count 1 as in JavaScript
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def length_within(text: str, low: int, high: int) -> bool:
    """``low <= utf16_len(text) <= high``, not counting when the length decides it: IO's count is
    at least ``len(text)`` and at most twice it (a body of 80 to 5,000 characters is always in)."""
    n = len(text)
    return (low <= n and 2 * n <= high) or low <= utf16_len(text) <= high


def _length_between(low: int, high: int):
    def check(value: str) -> str:
        n = utf16_len(value)
        if not low <= n <= high:
            raise ValueError(f"must be {low}..{high} characters as IO counts them, not {n}")
        return value

    return AfterValidator(check)


def _pattern(regex: re.Pattern[str], what: str):
    def check(value: str) -> str:
        if not regex.match(value):
            raise ValueError(f"is not a valid {what}")
        return value

    return AfterValidator(check)


def _timestamp(value: str) -> str:
    why = parse_timestamp(value)[1]
    if why is not None:
        raise ValueError(why)
    return value


Subject = Annotated[StrictStr, _length_between(SUBJECT_MIN, SUBJECT_MAX)]
Markdown = Annotated[StrictStr, _length_between(MARKDOWN_MIN, MARKDOWN_MAX)]
FiscalCode = Annotated[StrictStr, _pattern(FISCAL_CODE_RE, "codice fiscale")]
OrganizationFiscalCode = Annotated[
    StrictStr, _pattern(ORGANIZATION_FISCAL_CODE_RE, "organisation fiscal code (11 digits)")
]
NoticeNumber = Annotated[StrictStr, _pattern(NOTICE_NUMBER_RE, "notice number (18 digits)")]
Ulid = Annotated[StrictStr, _pattern(ULID_RE, "ULID")]
Timestamp = Annotated[StrictStr, AfterValidator(_timestamp)]
NonEmpty = Annotated[StrictStr, Field(min_length=1)]


class _Model(BaseModel):
    # IO drops unknown keys silently; a model for building messages should refuse them instead.
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _no_null(cls, value):
        # IO's codecs take an optional field as absent, never as null: null is refused with 400.
        if value is None:
            raise PydanticCustomError("null_value", "null is refused by IO: omit the field instead")
        return value


class Payee(_Model):
    fiscal_code: OrganizationFiscalCode


class PaymentData(_Model):
    amount: Annotated[StrictInt, Field(ge=AMOUNT_MIN, le=AMOUNT_MAX)]
    notice_number: NoticeNumber
    invalid_after_due_date: StrictBool = False
    payee: Payee | None = None


class ThirdPartyData(_Model):
    id: NonEmpty
    original_sender: NonEmpty | None = None
    original_receipt_date: Timestamp | None = None
    has_attachments: StrictBool = False
    has_remote_content: StrictBool = False
    has_precondition: Literal["ALWAYS", "ONCE", "NEVER"] | None = None
    summary: NonEmpty | None = None
    configuration_id: Ulid | None = None


class EuCovidCert(_Model):
    auth_code: StrictStr


class PrescriptionData(_Model):
    nre: Annotated[StrictStr, Field(min_length=15, max_length=15)]
    iup: Annotated[StrictStr, Field(min_length=1, max_length=16)] | None = None
    prescriber_fiscal_code: FiscalCode | None = None


class LegalData(_Model):
    sender_mail_from: NonEmpty
    has_attachment: StrictBool = False
    message_unique_id: NonEmpty
    original_message_url: NonEmpty | None = None
    pec_server_service_id: StrictStr | None = None


class MessageContent(_Model):
    subject: Subject
    markdown: Markdown
    require_secure_channels: StrictBool | None = None
    due_date: Timestamp | None = None
    payment_data: PaymentData | None = None
    third_party_data: ThirdPartyData | None = None
    eu_covid_cert: EuCovidCert | None = None
    prescription_data: PrescriptionData | None = None
    legal_data: LegalData | None = None


class DefaultAddresses(_Model):
    email: StrictStr | None = None


class NewMessage(_Model):
    """The body of ``POST /api/v1/messages``."""

    content: MessageContent
    fiscal_code: FiscalCode | None = None
    time_to_live: Annotated[StrictInt, Field(ge=TTL_MIN, le=TTL_MAX)] | None = None
    feature_level_type: Literal["STANDARD", "ADVANCED"] = "STANDARD"
    default_addresses: DefaultAddresses | None = None

    def to_payload(self) -> dict:
        """The JSON-ready dict to POST, without unset optional fields."""
        return self.model_dump(mode="json", exclude_none=True, exclude_defaults=True) | {
            "feature_level_type": self.feature_level_type
        }


def known_fields() -> dict[str, frozenset[str]]:
    """Field names allowed in each object of the payload, keyed by dotted path of the object."""
    out: dict[str, frozenset[str]] = {}

    def walk(model: type[BaseModel], prefix: str) -> None:
        out[prefix] = frozenset(model.model_fields)
        for name, info in model.model_fields.items():
            for arg in model_args(info.annotation):
                walk(arg, f"{prefix}.{name}" if prefix else name)

    walk(NewMessage, "")
    return out


def model_args(annotation) -> list[type[BaseModel]]:
    """The pydantic models a field's annotation holds: itself, or in a list, a union, ..."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [a for arg in getattr(annotation, "__args__", ()) for a in model_args(arg)]


# -- a fast yes for the common case ----------------------------------------------------------------

_TOP = frozenset({"content", "fiscal_code", "feature_level_type"})
_CONTENT = frozenset({"subject", "markdown", "due_date", "payment_data", "require_secure_channels"})
_PAYMENT = frozenset({"amount", "notice_number", "invalid_after_due_date", "payee"})


def plainly_valid(data: object) -> bool:
    """True only for a payload of the common shapes that ``NewMessage`` surely accepts (plain
    types, no null, every constraint met); False means nothing: ask the model. It spares the
    model's validation for most messages of a batch (tests/test_properties.py compares the two)."""
    if type(data) is not dict or not data.keys() <= _TOP:
        return False
    content = data.get("content")
    if type(content) is not dict or not content.keys() <= _CONTENT:
        return False
    subject, markdown = content.get("subject"), content.get("markdown")
    if type(subject) is not str or not length_within(subject, SUBJECT_MIN, SUBJECT_MAX):
        return False
    if type(markdown) is not str or not length_within(markdown, MARKDOWN_MIN, MARKDOWN_MAX):
        return False
    if "fiscal_code" in data and not _matches(data["fiscal_code"], FISCAL_CODE_RE):
        return False
    if "feature_level_type" in data and not (
        type(data["feature_level_type"]) is str and data["feature_level_type"] in ("STANDARD", "ADVANCED")
    ):
        return False
    if "require_secure_channels" in content and type(content["require_secure_channels"]) is not bool:
        return False
    if "due_date" in content:
        due = content["due_date"]
        if type(due) is not str or parse_timestamp(due)[1] is not None:
            return False
    return "payment_data" not in content or _plain_payment(content["payment_data"])


def _matches(value: object, regex: re.Pattern[str]) -> bool:
    return type(value) is str and regex.match(value) is not None


def _plain_payment(pay: object) -> bool:
    if type(pay) is not dict or not pay.keys() <= _PAYMENT:
        return False
    amount = pay.get("amount")
    if type(amount) is not int or not AMOUNT_MIN <= amount <= AMOUNT_MAX:
        return False
    if not _matches(pay.get("notice_number"), NOTICE_NUMBER_RE):
        return False
    if "invalid_after_due_date" in pay and type(pay["invalid_after_due_date"]) is not bool:
        return False
    if "payee" in pay:
        payee = pay["payee"]
        return (
            type(payee) is dict
            and payee.keys() == {"fiscal_code"}
            and _matches(payee["fiscal_code"], ORGANIZATION_FISCAL_CODE_RE)
        )
    return True
