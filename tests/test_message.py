import pytest
from pydantic import ValidationError

from iolint import NewMessage
from iolint.message import known_fields, utf16_len

BODY = "Il tuo appuntamento allo sportello anagrafe è confermato. Ricordati di portare una fototessera recente."


def test_builds_a_valid_payment_message():
    msg = NewMessage(
        fiscal_code="RSSMRA85T10A562S",
        content={
            "subject": "Hai un nuovo avviso di pagamento",
            "markdown": BODY,
            "due_date": "2030-07-31T21:59:59Z",
            "payment_data": {"amount": 12350, "notice_number": "302123456789012356"},
        },
    )
    payload = msg.to_payload()
    assert payload["content"]["payment_data"] == {"amount": 12350, "notice_number": "302123456789012356"}
    assert payload["feature_level_type"] == "STANDARD"
    assert "time_to_live" not in payload


@pytest.mark.parametrize(
    "content",
    [
        {"subject": "Corto", "markdown": BODY},
        {"subject": "🎉" * 61, "markdown": BODY},  # 61 characters, 122 UTF-16 code units
        {"subject": "Il tuo appuntamento", "markdown": "troppo breve"},
        {"subject": "Il tuo appuntamento", "markdown": BODY, "due_date": "2030-02-30T10:00:00Z"},
        {"subject": "Il tuo appuntamento", "markdown": BODY, "payment_data": {"amount": 12.5, "notice_number": "302123456789012356"}},
        {"subject": "Il tuo appuntamento", "markdown": BODY, "payment_data": {"amount": 100, "notice_number": "702123456789012356"}},
        {"subject": "Il tuo appuntamento", "markdown": BODY, "due_data": "2030-02-10T10:00:00Z"},
    ],
)
def test_refuses_what_io_refuses_and_unknown_keys(content):
    with pytest.raises(ValidationError):
        NewMessage(fiscal_code="RSSMRA85T10A562S", content=content)


def test_refuses_lower_case_fiscal_code():
    with pytest.raises(ValidationError):
        NewMessage(fiscal_code="rssmra85t10a562s", content={"subject": "Il tuo appuntamento", "markdown": BODY})


def test_utf16_length_counts_astral_characters_twice():
    assert utf16_len("abc") == 3
    assert utf16_len("è") == 1
    assert utf16_len("🎉") == 2


def test_known_fields_cover_nested_objects():
    fields = known_fields()
    assert "due_date" in fields["content"]
    assert "notice_number" in fields["content.payment_data"]
    assert fields["content.payment_data.payee"] == {"fiscal_code"}
