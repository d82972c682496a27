"""Timestamps as IO reads them (iolint.clock)."""

from __future__ import annotations

from datetime import UTC, datetime

from iolint.clock import parse_timestamp


def test_timestamps_are_memoized_in_a_bounded_memo():
    text = "2030-07-31T21:59:59Z"
    assert parse_timestamp(text) is parse_timestamp(text)
    assert parse_timestamp(text) == (datetime(2030, 7, 31, 21, 59, 59, tzinfo=UTC), None)
    assert parse_timestamp.cache_info().maxsize == 4096
