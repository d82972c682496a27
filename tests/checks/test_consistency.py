"""The body and the data agree: amounts, deadlines and notice numbers in the text (IO210, IO211,
IO305), and a call to pay without payment data (IO212)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iolint import italian
from iolint.engine import Linter
from iolint.money import format_euro

CF = "RSSMRA85T10A562S"
NOTICE = "302123456789012356"
NOW = "2025-01-01T00:00:00Z"


def payload(body, amount=18790, due="2030-07-31T21:59:59Z", notice=NOTICE, pay=True):
    content = {"subject": "Hai un nuovo avviso di pagamento", "markdown": body}
    if due:
        content["due_date"] = due
    if pay:
        content["payment_data"] = {"amount": amount, "notice_number": notice}
    return {"fiscal_code": CF, "content": content}


def hits(code, msg):
    linter = Linter()
    return [h for rule, h in linter.check_payload(msg) if rule.code == code]


@pytest.mark.parametrize(
    "written",
    ["187,90 €", "€ 187,90", "€187,90", "187,90 euro", "187,90 Euro", "EUR 187,90", "187,90\u00a0€", "187,9 €"],
)
def test_every_italian_form_of_an_amount_is_read(written):
    assert not hits("IO210", payload(f"Devi pagare {written} entro il 31/07/2030."))
    [hit] = hits("IO210", payload(f"Devi pagare {written} entro il 31/07/2030.", amount=19790))
    assert "187,90 €" in hit.message and "19790 cents (197,90 €)" in hit.message
    assert hit.offset == len("Devi pagare ")


def test_thousands_and_several_amounts():
    assert not hits("IO210", payload("Totale dovuto: 1.250,00 €.", amount=125000))
    assert not hits("IO210", payload("Totale 375,80 €, in due rate da 187,90 €.", amount=18790))
    [hit] = hits("IO210", payload("Totale 375,80 €, in due rate da 187,90 €.", amount=18800))
    assert "states 375,80 € and 187,90 €, none of them" in hit.message
    assert not hits("IO210", payload("Devi pagare 187,00 €.", amount=187))  # euros for cents: IO203's
    assert hits("IO203", payload("Devi pagare 187,00 €.", amount=187))
    assert not hits("IO210", payload("Nessun importo nel testo, entro il 31/07/2030."))


@pytest.mark.parametrize(
    "written",
    [
        "**Entro il:** 31/07/2030",
        "Entro il**: 31/07/2030",
        "scade il 31 luglio 2030",
        "entro e non oltre il 31.07.30",
        "Scadenza: 31-07-2030",
        "entro il 31 luglio",
        "scadrà in data 31/07/2030",
        "fino al 31/07/2030",
        "entro lunedì 31/07/2030",
    ],
)
def test_deadlines_in_any_form(written):
    assert not hits("IO305", payload(f"Devi pagare 187,90 €. {written}."))
    [hit] = hits("IO305", payload(f"Devi pagare 187,90 €. {written}.", due="2030-08-31T21:59:59Z"))
    assert "31/07" in hit.message and "`due_date` is 31/08/2030 in Rome" in hit.message


def test_the_due_date_is_read_as_the_day_in_rome():
    # 22:30 UTC on 30 July is 00:30 on 31 July in Rome (summer time)
    assert not hits("IO305", payload("Devi pagare entro il 31/07/2030.", due="2030-07-30T22:30:00Z"))
    assert hits("IO305", payload("Devi pagare entro il 30/07/2030.", due="2030-07-30T22:30:00Z"))
    # a date with another cue, or none, is no deadline
    assert not hits("IO305", payload("Il servizio è attivo dal 01/01/2030. Devi pagare entro il 31/07/2030."))
    assert not hits("IO305", payload("Devi pagare entro il 31/07/2030.", due="not a date"))
    # instalments: one of the deadlines is the due date
    assert not hits("IO305", payload("Prima rata entro il 31/07/2030, seconda entro il 02/12/2030."))


def test_notice_numbers_spaced_or_not():
    assert not hits("IO211", payload(f"Codice avviso: {NOTICE}. Paga entro il 31/07/2030."))
    assert not hits("IO211", payload("Codice avviso: 3021 2345 6789 0123 56."))
    [hit] = hits("IO211", payload("Codice avviso: 3021 2345 6789 0123 49."))
    assert "3021 2345 6789 0123 49" in hit.message and NOTICE in hit.message
    # 18 digits with no cue and wrong check digits: not taken for a notice number
    assert not hits("IO211", payload("Pratica 302123456789012349 del 2030."))
    assert not hits("IO211", payload("IBAN IT60 X054 2811 1010 0000 0123 456."))


def test_a_call_to_pay_without_payment_data():
    assert hits("IO212", payload("Puoi pagare direttamente in app premendo “Paga”.", pay=False))
    assert hits("IO212", payload("Devi pagare la TARI entro il 31/07/2030.", pay=False))
    for quiet in (
        "Abbiamo ricevuto il tuo pagamento.",
        "La prenotazione è annullata per mancato pagamento.",
        "Se hai già provveduto a pagare l'avviso, ignora questo messaggio.",
    ):
        assert not hits("IO212", payload(quiet, pay=False))
    assert not hits("IO212", payload("Puoi pagare in app con il pulsante Paga."))


def test_findings_point_at_the_text_in_files(run_cli, tmp_path):
    body = "Hai un avviso di pagamento per la TARI 2030.\n\n**Devi pagare:** 187,90 €\n\n**Entro il:** 30/06/2030"
    (tmp_path / "a.json").write_text(json.dumps(payload(body, amount=19790), indent=2, ensure_ascii=False), "utf-8")
    yaml_text = (
        f"fiscal_code: {CF}\ncontent:\n  subject: Hai un nuovo avviso di pagamento\n  markdown: |\n"
        + "".join(f"    {row}\n" for row in body.split("\n"))
        + f"  due_date: '2030-07-31T21:59:59Z'\n  payment_data:\n    amount: 19790\n    notice_number: '{NOTICE}'\n"
    )
    (tmp_path / "b.yaml").write_text(yaml_text, "utf-8")
    code, out, _ = run_cli(
        "check", "--now", NOW, "--no-cache", "--format", "json", "--select", "IO210,IO305", ".", cwd=tmp_path
    )
    found = sorted((f["file"], f["code"], f["line"], f["column"]) for f in json.loads(out))
    json_line = 5  # the markdown, on one JSON line: the column of the text in it
    json_row = (tmp_path / "a.json").read_text("utf-8").split("\n")[json_line - 1]
    assert found == [
        ("a.json", "IO210", json_line, json_row.index("187,90") + 1),
        ("a.json", "IO305", json_line, json_row.index("30/06") + 1),
        ("b.yaml", "IO210", 7, 5 + len("**Devi pagare:** ")),
        ("b.yaml", "IO305", 9, 5 + len("**Entro il:** ")),
    ]
    assert code == 1


def test_a_template_whose_text_and_data_come_from_different_values(run_cli, tmp_path):
    (tmp_path / "t.io.yaml").write_text(
        "subject: Hai un nuovo avviso di pagamento\n"
        "markdown: |\n"
        "  Hai un avviso di pagamento per la TARI.\n\n"
        "  **Devi pagare:** {{ importo_rata|euro }}\n\n"
        "  **Entro il:** {{ scadenza|data }}\n"
        'due_date: "{{ scadenza|fine_giornata }}"\n'
        "payment_data:\n"
        '  amount: "{{ importo }}"\n'
        f'  notice_number: "{NOTICE}"\n'
        "variables:\n"
        "  importo: {sample: 18790, type: integer}\n"
        "  importo_rata: {sample: 9395, type: integer}\n"
        "  scadenza: {sample: 2030-07-31, type: date}\n",
        "utf-8",
    )
    code, out, _ = run_cli(
        "check", "--now", NOW, "--no-cache", "--format", "json", "--select", "IO210", ".", cwd=tmp_path
    )
    [finding] = json.loads(out)
    assert (finding["line"], finding["column"]) == (5, len("  **Devi pagare:** ") + 1) and "93,95 €" in finding[
        "message"
    ]


@given(st.integers(min_value=1, max_value=9_999_999_999))
def test_every_amount_format_euro_writes_is_read_back(cents):
    text = f"Devi pagare {format_euro(cents)} entro il 31/07/2030."
    assert [a.cents for a in italian.amounts(text)] == [cents]


def test_offsets_survive_characters_that_lower_to_two():
    text = "İstanbul, İzmir: devi pagare 12,00 EUR entro il 31/07/2030."
    [amount] = italian.amounts(text)
    [deadline] = italian.deadlines(text)
    assert text[amount.start : amount.end] == "12,00 EUR" and text[deadline.start : deadline.end] == "31/07/2030"


_PAY_WORDS = ["Paga", "paga", "PAGA", "pagare", "Devi", "dovete", "PUOI", "potete", "può", "PUÒ", "da", "DA",
              "entro", "ora", "in", "app", "Pagamento", "x", "è", "İ", "ſ", " ", "  ", "\n", ".", "'"]  # fmt: skip


@given(st.lists(st.sampled_from(_PAY_WORDS), max_size=20).map("".join))
def test_the_call_to_pay_lookahead_changes_no_match(text):
    import re

    from iolint.checks.consistency import _PAY

    plain = re.compile(_PAY.pattern.removeprefix("(?=[PpDd])"))
    found, expected = _PAY.search(text), plain.search(text)
    assert (found and found.span()) == (expected and expected.span())
