"""On a payload ``plainly_valid`` vouches for, IO121, IO205 and IO211 skip the shape tests it has
already passed (the codice fiscale's and the notice number's patterns): they answer as they do
when the payload is taken as irregular and every test runs."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from iolint.checks import consistency, payment, recipient
from iolint.context import Context
from iolint.view import IRREGULAR, PayloadView
from tests.strategies import payloads

CHECKS = [recipient.invalid_fiscal_code, payment.notice_number_check_digits, consistency.body_notice_number_mismatch]
codes = st.one_of(
    st.text(string.ascii_uppercase + string.digits, min_size=16, max_size=16),
    st.text(string.ascii_letters + string.digits, max_size=18),
    st.integers(),
    st.none(),
)
numbers = st.one_of(
    st.text("0123456789", min_size=18, max_size=18),
    st.text("0123456789 x", max_size=19),
    st.integers(0, 10**18),
    st.none(),
)


@given(payloads(), st.none() | codes, st.none() | numbers, st.data())
def test_a_regular_payload_gets_the_hits_of_every_test(payload, code, number, data):
    if code is not None:
        payload["fiscal_code"] = code
    pay = payload["content"].get("payment_data")
    if pay is not None and number is not None:
        pay["notice_number"] = number
        payload["content"]["markdown"] += f" Codice avviso: {data.draw(numbers)}."
    ctx = Context(plan="base")
    for check in CHECKS:
        view = PayloadView(payload)
        if check is not recipient.invalid_fiscal_code and view.payment is None:
            continue
        every_test = PayloadView(payload)
        every_test.shape |= IRREGULAR
        assert check(view, ctx) == check(every_test, ctx), check.__name__
