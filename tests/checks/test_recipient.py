"""IO121's check character is python-stdnum's, computed by table (``check_character``)."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st
from stdnum.it import codicefiscale

from iolint.checks.recipient import check_character, fiscal_code_problem

first15 = st.text(string.ascii_uppercase + string.digits, min_size=15, max_size=15)


@given(first15)
def test_the_check_character_is_stdnums(code):
    assert check_character(code) == codicefiscale.calc_check_digit(code)


@given(first15, st.sampled_from(string.ascii_uppercase))
def test_a_code_is_refused_for_its_check_character_exactly_when_stdnum_says_it_is_wrong(code, last):
    code += last
    if codicefiscale._code_re.match(code):  # the shape IO121 checks first
        wrong = codicefiscale.calc_check_digit(code[:15]) != last
        assert (fiscal_code_problem(code) == "has a wrong check character: it is not a real codice fiscale") == wrong
