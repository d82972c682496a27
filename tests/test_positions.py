"""Where findings point, and how their messages write amounts and dates (issue 11's small ones)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from iolint import loaders, yamlreader
from iolint.clock import parse_timestamp
from iolint.money import format_euro

NOW = "2025-01-01T00:00:00Z"
CF = "RSSMRA85T10A562S"
BODY = (
    "Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio alle 9:30. Porta una fototessera."
)


def findings(run_cli, tmp_path, name, text, *select):
    (tmp_path / name).write_text(text, "utf-8")
    code, out, err = run_cli(
        "check", "--now", NOW, "--no-cache", "--format", "json", "--select", ",".join(select), name, cwd=tmp_path
    )
    assert code in (0, 1), err
    return [(f["code"], f["line"], f["column"], f["message"]) for f in json.loads(out)]


def test_a_finding_at_the_first_character_of_a_title(run_cli, tmp_path):
    payload = {"fiscal_code": CF, "content": {"subject": "Pagina del comune: nuovo avviso", "markdown": BODY}}
    (tmp_path / "x").mkdir()
    # IO807 at offset 0 ("PagoPA" misspelled as the title's first word)
    payload["content"]["subject"] = "PAGOPA: hai un nuovo avviso"
    text = json.dumps(payload, indent=2, ensure_ascii=False)
    line = text.splitlines().index('    "subject": "PAGOPA: hai un nuovo avviso",') + 1
    [(code, at, column, _)] = findings(run_cli, tmp_path, "p.json", text, "IO807")
    assert (code, at, column) == ("IO807", line, len('    "subject": "') + 1)
    yaml_text = f"fiscal_code: {CF}\ncontent:\n  subject: PAGOPA: hai un nuovo avviso\n  markdown: {BODY}\n"
    assert findings(
        run_cli,
        tmp_path,
        "p.yaml",
        yaml_text.replace("subject: PAGOPA: hai", "subject: 'PAGOPA: hai").replace("avviso\n", "avviso'\n", 1),
        "IO807",
    )[0][1:3] == (3, 13)


def test_findings_in_folded_yaml_point_at_their_line(run_cli, tmp_path):
    text = (
        f"fiscal_code: {CF}\ncontent:\n  subject: Il tuo appuntamento è confermato\n  markdown: >\n"
        "    Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio\n"
        "    alle 9:30. Porta una fototessera e un documento.\n\n"
        "    Orari e indirizzo: [sportello](http://comune.example.org/anagrafe).\n"
    )
    assert [f[:3] for f in findings(run_cli, tmp_path, "p.yaml", text, "IO607")] == [
        ("IO607", 8, len("    Orari e indirizzo: [sportello](") + 1)
    ]
    template = (
        "subject: Il tuo appuntamento è confermato\nmarkdown: >\n"
        "  Il tuo appuntamento allo sportello anagrafe è confermato per {{ giorno }}\n"
        "  alle 9:30. Porta una fototessera e un documento.\n"
        "  Orari: [sportello](http://comune.example.org/anagrafe).\n"
        "variables:\n  giorno: {sample: lunedì 12 gennaio}\n"
    )
    assert [f[:2] for f in findings(run_cli, tmp_path, "t.io.yaml", template, "IO607")] == [("IO607", 5)]


def test_a_misspelled_key_finding_points_at_the_key(run_cli, tmp_path):
    payload = {
        "fiscal_code": CF,
        "content": {
            "subject": "Il tuo appuntamento è confermato",
            "markdown": BODY,
            "due_data": "2030-01-01T10:00:00Z",
        },
    }
    text = json.dumps(payload, indent=2, ensure_ascii=False)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "due_data" in row)
    assert [f[:3] for f in findings(run_cli, tmp_path, "p.json", text, "IO103")] == [("IO103", line, 5)]
    yaml_text = f"fiscal_code: {CF}\ncontent:\n  subject: Il tuo appuntamento è confermato\n  markdown: {BODY}\n  dueDate:\n    2030-01-01T10:00:00Z\n"
    assert [f[:3] for f in findings(run_cli, tmp_path, "p.yaml", yaml_text, "IO103")] == [("IO103", 5, 3)]


def test_amounts_in_messages_are_written_the_italian_way(run_cli, tmp_path):
    pay = {
        "fiscal_code": CF,
        "content": {
            "subject": "Hai un nuovo avviso di pagamento",
            "markdown": BODY,
            "due_date": "2030-01-01T21:59:59Z",
            "payment_data": {"amount": 89.9, "notice_number": "302123456789012356"},
        },
    }
    [(_, _, _, message)] = findings(run_cli, tmp_path, "a.json", json.dumps(pay), "IO201")
    assert "if you meant 89,90 €, write 8990" in message
    pay["content"]["payment_data"]["amount"] = 99
    [(_, _, _, message)] = findings(run_cli, tmp_path, "b.json", json.dumps(pay), "IO203")
    assert "so 99,00 € is 9900" in message and "0,99 €" in message


def test_format_euro():
    assert [format_euro(c) for c in (0, 5, 8990, 125000, 123456789, -150)] == [
        "0,00 €",
        "0,05 €",
        "89,90 €",
        "1.250,00 €",
        "1.234.567,89 €",
        "-1,50 €",
    ]


def test_an_invalid_calendar_date_says_why():
    assert parse_timestamp("2027-06-31T10:00:00Z")[1].endswith("June has 30 days")
    assert parse_timestamp("2027-02-29T10:00:00Z")[1].endswith("February has 28 days in 2027")
    assert parse_timestamp("2027-13-01T10:00:00Z")[1].endswith("there is no month 13")
    assert parse_timestamp("2027-01-01T25:00:00Z")[1].endswith("hours go up to 23, minutes and seconds up to 59")


@given(
    st.text(alphabet="ab \n", min_size=1, max_size=60).filter(lambda s: s.strip()),
    st.sampled_from(["|", ">"]),
    st.data(),
)
def test_block_scalar_positions_point_at_the_character(body, style, data):
    """Whatever the block (blank lines, folding), a located character is that character."""
    rows = [("    " + r) if r.strip() else "" for r in body.split("\n")]
    text = f"content:\n  markdown: {style}\n" + "\n".join(rows) + "\n"
    item = next(yamlreader.load_yaml(text))
    if isinstance(item, loaders.Problem):  # a first line more indented than the next: not YAML
        return
    value = item.data["content"]["markdown"]
    if not value.strip():
        return
    offset = data.draw(st.sampled_from([i for i, c in enumerate(value) if c not in " \n"]))
    line, column = item.locate("content.markdown", offset)
    assert text.split("\n")[line - 1][column - 1] == value[offset]
