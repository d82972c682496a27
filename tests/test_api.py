import json
from datetime import UTC, datetime

import pytest

import iolint
from iolint.config import load

NOW = datetime(2026, 1, 1, tzinfo=UTC)
PAYMENT = {
    "fiscal_code": "RSSMRA85T10A562S",
    "content": {
        "subject": "Hai un nuovo avviso di pagamento",
        "markdown": (
            "Hai un avviso di pagamento per la **TARI 2026, prima rata**.\n\n"
            "**Devi pagare** 123,50 €\n\n**Entro il** 31/07/2030\n\n"
            "Puoi pagare direttamente in app con il pulsante Paga o su tutti i canali pagoPA."
        ),
        "due_date": "2030-07-31T21:59:59Z",
        "payment_data": {"amount": 12350, "notice_number": "302123456789012356"},
    },
}
INFORMATIVE = {
    "fiscal_code": "BNCGLI90L43F205R",
    "content": {
        "subject": "Il tuo appuntamento è confermato",
        "markdown": (
            "Il tuo appuntamento allo sportello anagrafe è confermato.\n\n"
            "**Quando**: lunedì alle 9:30\n\nRicordati di portare una fototessera recente."
        ),
    },
}


@pytest.mark.parametrize("payload", [PAYMENT, INFORMATIVE], ids=["payment", "informative"])
def test_correct_messages_have_no_errors(payload):
    report = iolint.lint(payload, now=NOW)
    assert report.ok, report.findings
    assert report.errors == ()


def test_report_and_typed_exception_carry_the_findings():
    bad = json.loads(json.dumps(PAYMENT))
    bad["content"]["payment_data"]["notice_number"] = "302123456789012357"
    report = iolint.lint(bad, now=NOW)
    assert not report.ok
    assert [f.code for f in report.errors] == ["IO205"]
    assert report.errors[0].field == "content.payment_data.notice_number"
    with pytest.raises(iolint.MessageRejected) as caught:
        report.raise_for_errors()
    assert caught.value.findings == report.errors
    assert isinstance(caught.value, iolint.IolintError)


def test_plan_select_and_ignore():
    advanced = {**INFORMATIVE, "feature_level_type": "ADVANCED"}
    assert [f.code for f in iolint.lint(advanced, now=NOW).errors] == ["IO401"]
    assert iolint.lint(advanced, plan="premium", now=NOW).ok
    assert iolint.lint(advanced, ignore=["premium-feature-on-base-plan"], now=NOW).ok
    only = iolint.lint({"content": {}}, select=["IO110"], now=NOW)
    assert only.findings == ()


def test_json_text_gets_positions():
    text = json.dumps(PAYMENT, indent=2).replace("302123456789012356", "30212345678901235")
    (finding,) = iolint.lint(text, now=NOW).errors
    assert (finding.code, finding.line, finding.column) == ("IO204", 9, 24)


def test_invalid_json_text_is_a_finding_not_an_exception():
    report = iolint.lint('{"content": ', now=NOW)
    assert [f.code for f in report.findings] == ["IO002"]


def test_new_message_model_is_accepted_and_check_before_send_returns_the_payload():
    msg = iolint.NewMessage(**PAYMENT)
    assert iolint.lint(msg, now=NOW).ok
    assert iolint.check_before_send(PAYMENT, now=NOW) == PAYMENT
    with pytest.raises(iolint.MessageRejected, match="IO110"):
        iolint.check_before_send({**INFORMATIVE, "content": {**INFORMATIVE["content"], "subject": "Avviso"}}, now=NOW)


def test_fail_level_from_config(tmp_path):
    (tmp_path / "iolint.toml").write_text('fail-level = "warning"\n', encoding="utf-8")
    config = load(start=tmp_path)
    no_due = json.loads(json.dumps(PAYMENT))
    del no_due["content"]["due_date"]
    report = iolint.lint(no_due, config=config, now=NOW)
    assert report.errors == () and not report.ok
