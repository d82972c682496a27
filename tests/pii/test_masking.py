from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iolint.pii import mask


@pytest.mark.parametrize(
    "value, masked",
    [
        ("RSSMRA85T10A562S", "RSS*********562S"),
        ("IT60X0542811101000000123456", "IT6********************3456"),
        ("IT60 X054 2811 1010 0000 0123 456", "IT6* **** **** **** **** ***3 456"),
        ("07348520011", "07*******11"),
        ("333 123 4567", "33* *** **67"),
        ("12/03/1985", "1*/**/***5"),
        ("AB123CD", "A*****D"),
        ("Mario Rossi", "M**** R****"),
        ("Via Roma 12", "V** R*** 1*"),
        ("mario.rossi@comune.roma.it", "m****@c****.r****.it"),
        ("referto", "r*****o"),
        ("Rossi", "*****"),
        ("ab", "**"),
        ("**", "***"),
    ],
)
def test_examples(value, masked):
    assert mask(value) == masked


@given(st.text(min_size=2, max_size=80))
def test_never_the_value_itself_and_deterministic(value):
    assert mask(value) != value
    assert mask(value) == mask(value)


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=6, max_size=40))
def test_codes_keep_at_most_seven_characters(value):
    assert sum(c != "*" for c in mask(value)) <= 7
