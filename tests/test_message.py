import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from pydantic import ValidationError

from iolint import NewMessage
from iolint.message import known_fields, utf16_len
from tests.strategies import json_values, payloads

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
        {
            "subject": "Il tuo appuntamento",
            "markdown": BODY,
            "payment_data": {"amount": 12.5, "notice_number": "302123456789012356"},
        },
        {
            "subject": "Il tuo appuntamento",
            "markdown": BODY,
            "payment_data": {"amount": 100, "notice_number": "702123456789012356"},
        },
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


@given(st.text(st.sampled_from("aè\u00a0€🎉\ud800")), st.integers(0, 40), st.integers(0, 40))
def test_length_within_is_utf16_len_between_the_bounds(text, low, high):
    from iolint.message import length_within

    assert length_within(text, low, high) == (low <= utf16_len(text) <= high)


def test_known_fields_cover_nested_objects():
    fields = known_fields()
    assert "due_date" in fields["content"]
    assert "notice_number" in fields["content.payment_data"]
    assert fields["content.payment_data.payee"] == {"fiscal_code"}


# -- the fast yes: never for a payload the model refuses ------------------------------------------


def _model_accepts(payload) -> bool:
    try:
        NewMessage.model_validate(payload)
    except ValidationError:
        return False
    return True


@given(payloads(), st.data())
def test_plainly_valid_says_yes_only_to_what_the_model_accepts(payload, data):
    from iolint.message import plainly_valid

    if plainly_valid(payload):  # the common shapes: most of the strategy's payloads
        assert _model_accepts(payload)
    parents = [payload, payload["content"], *payload["content"].values()]
    parents += [v for v in payload["content"].get("payment_data", {}).values() if isinstance(v, dict)]
    parent = data.draw(st.sampled_from(parents))
    assume(isinstance(parent, dict) and parent)
    parent[data.draw(st.sampled_from(sorted(parent)))] = data.draw(json_values)
    if plainly_valid(payload):
        assert _model_accepts(payload)


def test_plainly_valid_says_yes_to_the_common_shapes():
    from iolint.message import plainly_valid

    payment = {"amount": 12350, "notice_number": "302123456789012356"}
    payload = {"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": "Il tuo appuntamento", "markdown": BODY}}
    assert plainly_valid(payload)
    assert plainly_valid(
        {**payload, "content": {**payload["content"], "payment_data": payment, "due_date": "2030-07-31T21:59:59Z"}}
    )
    assert not plainly_valid({**payload, "content": {**payload["content"], "due_date": "2030-02-30T21:59:59Z"}})
    assert not plainly_valid({**payload, "fiscal_code": None})
