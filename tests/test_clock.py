"""Timestamps as IO reads them (iolint.clock)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

import iolint
from iolint.cli import main
from iolint.clock import OUT_OF_RANGE, day_text, parse_timestamp


def test_timestamps_are_memoized_in_a_bounded_memo():
    text = "2030-07-31T21:59:59Z"
    assert parse_timestamp(text) is parse_timestamp(text)
    assert parse_timestamp(text) == (datetime(2030, 7, 31, 21, 59, 59, tzinfo=UTC), None)
    assert parse_timestamp.cache_info().maxsize == 4096


# Within a day of years 1 and 9999 a moment has no Rome time or no UTC time in Python: every check
# that reads it in Rome failed with OverflowError, an internal error that cost the file's findings.
EDGES = ["9999-12-31T23:59:59Z", "9999-12-31T23:00:00+00:00", "9999-12-31T20:00:00-12:00", "0001-01-01T00:00:00+14:00"]


@pytest.mark.parametrize("text", EDGES)
def test_a_due_date_out_of_range_is_an_invalid_due_date(text):
    assert parse_timestamp(text) == (None, OUT_OF_RANGE)
    payload = {
        "fiscal_code": "RSSMRA85T10A562S",
        "content": {"subject": "Avviso di pagamento TARI", "markdown": "x" * 80, "due_date": text},
    }
    found = [(f.code, f.field) for f in iolint.lint(payload, now="2030-01-01T00:00:00Z").findings]
    assert ("IO301", "content.due_date") in found


def test_the_last_moments_in_range_are_timestamps():
    assert parse_timestamp("9999-12-31T22:59:59Z")[0] == datetime(9999, 12, 31, 22, 59, 59, tzinfo=UTC)
    assert parse_timestamp("0001-01-01T00:00:00Z")[0] == datetime(1, 1, 1, tzinfo=UTC)


def test_the_fix_io303_suggests_is_iso_8601_in_the_first_years_too():
    payload = {
        "fiscal_code": "RSSMRA85T10A562S",
        "content": {"subject": "Avviso di pagamento TARI", "markdown": "x" * 80, "due_date": "0001-01-01T00:00:00Z"},
    }
    (finding,) = [f for f in iolint.lint(payload, now="2030-01-01T00:00:00Z").findings if f.code == "IO303"]
    fix = finding.message.rsplit("e.g. ", 1)[1]
    assert fix.startswith("0001-01-0") and parse_timestamp(fix)[1] is None


def test_dates_in_messages_are_written_with_four_digit_years():
    """``%Y`` writes year 1 as "1": IO303, IO304, IO305 and the suppressions' expiry wrote "01/01/1",
    and the template filters `data` and `fine_giornata` a due date IO301 refuses."""
    from iolint.templates.filters import _data, _fine_giornata

    assert day_text(date(1, 1, 1)) == "01/01/0001" and day_text(date(2031, 7, 31)) == "31/07/2031"
    payload = {
        "fiscal_code": "RSSMRA85T10A562S",
        "content": {"subject": "Avviso di pagamento TARI", "markdown": "x" * 80, "due_date": "0001-01-01T00:00:00Z"},
    }
    messages = {f.code: f.message for f in iolint.lint(payload, now="2030-01-01T00:00:00Z").findings}
    assert "of 01/01/0001 in Rome" in messages["IO303"]
    assert messages["IO304"].startswith("`due_date` 01/01/0001 00:49 (Rome) is already past (now: 01/01/2030 01:00)")
    assert _data("0999-05-01") == "01/05/0999"
    assert parse_timestamp(_fine_giornata("0999-05-01"))[1] is None
    assert _fine_giornata("2031-07-31") == "2031-07-31T21:59:59Z"


@pytest.mark.parametrize("text", EDGES)
def test_now_out_of_range_is_a_usage_or_config_error(text, tmp_path, capsys):
    with pytest.raises(iolint.ConfigError, match="outside the years"):
        iolint.lint({"content": {}}, now=text)
    with pytest.raises(iolint.ConfigError, match="outside the years"):
        iolint.lint({"content": {}}, now=datetime.fromisoformat(text.replace("Z", "+00:00")))
    (tmp_path / "iolint.toml").write_text(f"now = {text}\n")
    with pytest.raises(iolint.ConfigError, match="outside the years"):
        iolint.config.load(tmp_path / "iolint.toml")
    assert main(["check", str(tmp_path), "--now", text]) == 2
    assert "outside the years" in capsys.readouterr().err
