"""The check digits of a notice number, read from a table, are the mod-93 remainder written in two digits."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from iolint.pagopa import notice_check_digits


@given(st.text(string.digits, min_size=18, max_size=18))
def test_check_digits_are_the_first_16_digits_mod_93(number):
    expected = None if number[0] == "1" else f"{int(number[:16]) % 93:02d}"
    assert notice_check_digits(number) == expected
