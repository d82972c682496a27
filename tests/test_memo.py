"""The memos keyed by whole texts keep none over 10,000 characters (IO's body limit): a batch of
huge unique titles and bodies is checked, not kept."""

from __future__ import annotations

import pytest

import iolint
from iolint import clock, italian, memo, privacy, rendering

LINE = "Gentile cittadino, il pagamento di 45,00 € scade il 31/07/2030: [paga](https://a.it) **ora**. "


def _text(length: int, seed: int) -> str:
    unique = "".join(chr(ord("a") + int(digit)) for digit in f"{seed:08d}")  # in letters: zeroed keys differ
    text = unique + " " + LINE * (length // len(LINE) + 1)
    return text[:length]


MEMOS = {
    "privacy.spans": (privacy.spans, lambda text: text),
    "rendering.analyze": (rendering.analyze, lambda text: text),
    "clock.parse_timestamp": (clock.parse_timestamp, lambda text: "2030-07-31T" + text[11:]),
}


@pytest.mark.parametrize("name", MEMOS)
def test_a_text_of_10000_characters_is_kept_and_a_longer_one_is_not(name):
    function, key = MEMOS[name]
    function.cache_clear()  # a memo filled by earlier tests (4,096 entries) would not grow
    for length, kept in ((10_000, 1), (10_001, 0), (300_000, 0)):
        before = function.cache_info()
        first = function(key(_text(length, length)))
        assert function.cache_info().currsize - before.currsize == kept, (name, length)
        assert function(key(_text(length, length))) == first  # the same answer, kept or not


@pytest.mark.parametrize("letter", ["a", "è"])  # (one byte in UTF-8, two)
def test_the_memo_of_texts_alike_keeps_a_text_of_10000_characters_and_not_a_longer_one(letter):
    for length, kept in ((10_000, True), (10_001, False), (300_000, False)):
        text = letter * (length - 7) + "45,00 €"
        memo._alike.clear()
        assert italian.amounts(text) == [italian.Amount(length - 7, length, 4500)]
        assert (italian.zeroed(text) in memo._alike) is kept, length
        assert italian.amounts(text) == [italian.Amount(length - 7, length, 4500)]  # the same, kept or not


def test_a_batch_of_huge_unique_texts_grows_no_memo():
    """40 payloads of 100,000-character titles, bodies and due dates kept about 16 MB in these
    memos (a 4,096-entry memo of such texts would keep 400 MB per field)."""
    iolint.lint({"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": "Avviso", "markdown": LINE * 2}})
    before = {name: function.cache_info().currsize for name, (function, _) in MEMOS.items()}
    before["memo.alike"] = len(memo._alike)
    for seed in range(40):
        text = _text(100_000, seed)
        content = {"subject": "Avviso " + text, "markdown": text, "due_date": "2030-07-31T" + text}
        content["payment_data"] = {"amount": 4500, "notice_number": "302123456789012356"}
        iolint.lint({"fiscal_code": "RSSMRA85T10A562S", "content": content}, now="2030-01-01")
    grown = {name: function.cache_info().currsize - before[name] for name, (function, _) in MEMOS.items()}
    grown["memo.alike"] = len(memo._alike) - before["memo.alike"]
    assert all(n < 10 for n in grown.values()), grown  # what findings quote (short), never a payload's text
