"""Amounts and deadlines are found once per text with its digits made 0 (``italian.zeroed``),
their values read from the text: the same as finding them in the text itself."""

from __future__ import annotations

import re

from hypothesis import given, settings
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
    zeroed = italian.zeroed(text).decode("utf-8", "surrogatepass")
    assert style._states_amount(zeroed) == style._states_amount(text)
    assert style._states_date(zeroed) == style._states_date(text)


_NOTICE_BITS = ["0", "3", "7", "12", " ", "  ", "٣", "x", "İ", "codice avviso ", "IUV", " n. ", "n°", "Numero: ",
                "302000000000000123", "302000000000000124", "102000000000000123", "3021 2345 6789 0123 56",
                "402000000000000123", "4020000000000001"]  # fmt: skip
notice_texts = st.lists(st.sampled_from(_NOTICE_BITS), max_size=12).map("".join)
_ALL_NOTICE = re.compile(r"[0-3](?: ?\d){17}")


def _notice_numbers_searched(text: str) -> list[tuple[int, int, str]]:
    """``italian.notice_numbers`` as it was written before its memo: the pattern from aux digit
    0-3 searched in the text itself."""
    out, pos = [], 0
    while (m := _ALL_NOTICE.search(text, pos)) is not None:
        start, end = m.span()
        before = text[max(0, start - 2) : start]
        if before[-1:].isdigit() or (before[-1:] == " " and before[:1].isdigit()) or re.match(r" ?\d", text[end:]):
            pos = start + 1
            continue
        pos = end
        digits = m.group().replace(" ", "")
        window = text[max(0, start - 40) : start].lower()
        cue = any(word in window for word in ("codice", "numero", "avviso", "iuv", " n.", " n°", " nº"))
        if cue or digits[0] == "1" or digits[16:] == f"{int(digits[:16]) % 93:02d}":
            out.append((start, end, digits))
    return out


@settings(max_examples=400)  # cheap, and the cases that tell (a cue, then aux digit 4) are rare
@given(notice_texts)
def test_notice_numbers_found_by_the_zeroed_text_are_those_searched_in_the_text(text):
    expected = _notice_numbers_searched(text)
    assert italian.notice_numbers(text) == expected
    assert italian.notice_numbers(text, _itself(text)) == expected


def test_notice_numbers_read_their_aux_and_check_digits_from_the_text():
    cued, aux4 = "codice avviso 302000000000000123", "codice avviso 402000000000000123"
    assert italian.zeroed(cued) == italian.zeroed(aux4)
    assert italian.notice_numbers(cued) == [(14, 32, "302000000000000123")]
    assert italian.notice_numbers(aux4) == []  # no aux digit 4
    right, wrong = "Pagamento: 302000000000000184", "Pagamento: 302000000000000123"  # no cue
    assert italian.zeroed(right) == italian.zeroed(wrong)
    assert italian.notice_numbers(right) == [(11, 29, "302000000000000184")]
    assert italian.notice_numbers(wrong) == []  # its check digits are not 84


def test_zeroed_keeps_the_length_and_every_character_but_ascii_digits():
    text = "Paga 1.250,00 € entro il 31/07/2030 (٣ İ \ud800)"
    back = italian.zeroed(text).decode("utf-8", "surrogatepass")
    assert len(back) == len(text)
    assert back == "".join("0" if c in "0123456789" else c for c in text)
