"""Amounts and deadlines are found once per text with its digits made 0 (``italian.zeroed``),
their values read from the text: the same as finding them in the text itself."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from iolint import italian
from iolint.checks import style

_BITS = ["0", "1", "7", "12", "31", "2030", "٣", "1.250", ",", ",5", ".", "/", "-", "°", " ", "\u00a0", "\n", "€",
         "euro", "EUR", "Eur", "entro il", "Scade il", "scadenza:", "fino al", "luglio", "Dicembre", "lunedì",
         "**", "x", "è", "İ", "a"]  # fmt: skip
texts = st.lists(st.sampled_from(_BITS), max_size=20).map("".join)


def _itself(text: str) -> bytes:
    """A memo key that is the text itself, digits kept: what is found is found in the text."""
    return text.encode("utf-8", "surrogatepass")


@given(texts)
def test_amounts_found_in_the_zeroed_text_are_those_of_the_text(text):
    assert italian.amounts(text) == italian.amounts(text, _itself(text))


@given(texts)
def test_deadlines_found_in_the_zeroed_text_are_those_of_the_text(text):
    assert italian.deadlines(text) == italian.deadlines(text, _itself(text))


@given(texts)
def test_a_body_states_an_amount_and_a_date_as_its_zeroed_form_does(text):
    key = italian.zeroed(text)
    assert style._states_amount_of(key) == style._states_amount(text)
    assert style._states_date_of(key) == style._states_date(text)


def test_zeroed_keeps_the_length_and_every_character_but_ascii_digits():
    text = "Paga 1.250,00 € entro il 31/07/2030 (٣ İ \ud800)"
    back = italian.zeroed(text).decode("utf-8", "surrogatepass")
    assert len(back) == len(text)
    assert back == "".join("0" if c in "0123456789" else c for c in text)
