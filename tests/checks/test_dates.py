"""What the due-date rules memoize by the due date's text (IO303's hits, the day in Rome for
IO305) is what they would compute afresh from it."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from iolint.checks import dates
from iolint.clock import ROME
from iolint.view import PayloadView

zones = st.sampled_from(["Z", "+00:00", "+01:00", "+02:00", "-05:00", "+14:00", ""])
due_dates = st.builds(
    lambda moment, zone: moment.isoformat(timespec="seconds") + zone,
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), allow_imaginary=False),
    zones,
)


@given(st.lists(due_dates, min_size=1, max_size=8))
def test_memoized_due_date_answers_are_computed_afresh(values):
    for value in values + values:  # the second time, from the memo
        view = PayloadView({"content": {"due_date": value}})
        due = view.due
        if due is None:
            continue
        assert view.due_day == (due.astimezone(ROME) if due.tzinfo else due).date()
        if due.tzinfo is not None:
            assert dates._at_midnight(value) == dates._at_midnight.__wrapped__(value)
            hours = due.astimezone(ROME).time()
            assert bool(dates._at_midnight(value)) == (hours <= dates._LATEST)
