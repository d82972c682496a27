"""PagoPA's own catalogue of frequent-service message models lints with no error on the base plan.

tests/data/io-catalogue-messages.jsonl holds the 103 messages of PagoPA's public catalogue
("Modelli di messaggi", pagopa/devportal-docs), placeholders filled with plausible values. Each is
built into the payload an ente would send: a valid recipient codice fiscale; for the due_date and
payment kinds a future ``due_date`` at the end of that day in Rome (the model's date, or 30 days
after ``NOW`` where the model gives none); for the payment kind the amount and a notice number
with correct check digits. These are the messages PagoPA recommends, so no rule may call any of
them an error, and the rules that compare the body with the data (IO210, IO211, IO305) must
agree with every one of them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from stdnum.it import codicefiscale

from iolint import lint
from iolint.finding import Severity
from tests.conftest import DATA

CATALOGUE = DATA / "io-catalogue-messages.jsonl"
MESSAGES = [json.loads(line) for line in CATALOGUE.read_text(encoding="utf-8").splitlines() if line.strip()]
NOW = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)  # before the earliest date in the catalogue
ROME = ZoneInfo("Europe/Rome")
RECIPIENT = "RSSMRA85T10H501" + codicefiscale.calc_check_digit("RSSMRA85T10H501")


def notice_number(index: int) -> str:
    """Aux digit 3, then 15 digits; the last two are (first 16 digits) mod 93."""
    first16 = f"3{index:015d}"
    return first16 + f"{int(first16) % 93:02d}"


def end_of_day_in_rome(text: str | None) -> str:
    day = datetime.strptime(text, "%d/%m/%Y").date() if text else (NOW + timedelta(days=30)).date()
    end = datetime.combine(day, time(23, 59, 59), ROME).astimezone(UTC)
    return end.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def payload(index: int, message: dict) -> dict:
    content = {"subject": message["subject"], "markdown": message["markdown"]}
    if message["kind"] in ("due_date", "payment"):
        content["due_date"] = end_of_day_in_rome(message.get("due_date_text"))
    if message["kind"] == "payment":
        content["payment_data"] = {"amount": message["amount_cents"], "notice_number": notice_number(index)}
    return {"fiscal_code": RECIPIENT, "content": content}


def test_the_catalogue_is_whole():
    assert len(MESSAGES) == 103
    assert {m["kind"] for m in MESSAGES} == {"info", "payment", "due_date"}
    assert codicefiscale.is_valid(RECIPIENT)


@pytest.mark.parametrize("index", range(len(MESSAGES)), ids=lambda i: f"{i}-{MESSAGES[i]['message'][:40]}")
def test_catalogue_message_has_no_error_on_the_base_plan(index):
    message = MESSAGES[index]
    report = lint(payload(index, message), plan="base", now=NOW)
    errors = [f"{f.code} {f.field}: {f.message}" for f in report.findings if f.severity is Severity.ERROR]
    assert not errors, f"{message['model']} / {message['message']}: {errors}"
    assert not [f for f in report.findings if f.code in ("IO210", "IO211", "IO305")]
