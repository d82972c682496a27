"""No leaks: personal data detected in a message never appears in full in any output iolint writes.

Every output format the CLI offers is run (read from its parser, so a new format is covered the day
it is added), to stdout and to ``--output-file``; then the Python API's findings and exceptions.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import iolint
from tests.strategies import NOW, fiscal_codes

FISCAL_CODE = "RSSMRA85T10A562S"
IBAN = "IT60X0542811101000000123456"
EMAIL = "mario.rossi@gmail.com"
PHONE = "333 1234567"
NAME = "Mario Rossi"
VALUES = (FISCAL_CODE, IBAN, EMAIL, PHONE, NAME)

BODY = (
    f"Gentile Sig. {NAME}, il rimborso della tassa rifiuti va sul conto {IBAN} intestato al codice fiscale "
    f"{FISCAL_CODE}. Per informazioni scrivi a {EMAIL} o chiama il {PHONE}."
)
TITLES = {  # one value each
    FISCAL_CODE: f"Avviso TARI per {FISCAL_CODE}",
    IBAN: f"Rimborso sul conto {IBAN}",
    EMAIL: f"Scrivi a {EMAIL} per il rimborso",
    PHONE: f"Chiama il {PHONE} per informazioni",
    NAME: f"Sig. {NAME}, il tuo avviso è pronto",
}
PAYLOADS = {
    value: {"fiscal_code": FISCAL_CODE, "content": {"subject": t, "markdown": BODY}} for value, t in TITLES.items()
}
TEMPLATES = {  # YAML over several lines, so that a source excerpt shows one line in full
    "literal.io.yaml": f"""\
subject: "{TITLES[NAME]}"
markdown: "{BODY}"
""",
    "variables.io.yaml": f"""\
subject: "Avviso TARI per {{{{ codice }}}}"
markdown: "Gentile {{{{ nome }}}}, {BODY}"
variables:
  codice:
    sample: {FISCAL_CODE}
  nome: {{sample: {NAME}, type: integer}}
""",
}


def formats() -> list[str]:
    from iolint.cli import parser

    commands = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(next(a for a in commands.choices["check"]._actions if "--format" in a.option_strings).choices)


@pytest.fixture
def inputs(tmp_path) -> list[Path]:
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in PAYLOADS.values()), encoding="utf-8")
    single = tmp_path / "single.json"
    single.write_text(json.dumps(PAYLOADS[FISCAL_CODE], ensure_ascii=False), encoding="utf-8")
    paths = [batch, single]
    if importlib.util.find_spec("iolint.templates") is not None:
        for name, template in TEMPLATES.items():
            (tmp_path / name).write_text(template, encoding="utf-8")
            paths.append(tmp_path / name)
    return paths


def cli(*argv, cwd: Path) -> tuple[int, str, str]:
    from iolint.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", *map(str, argv), "--now", NOW.isoformat()])
    return code, out.getvalue(), err.getvalue()


def assert_no_value(text: str, where: str) -> None:
    leaked = [v for v in VALUES if v in text]
    assert not leaked, f"{where} shows {leaked}"


def test_the_values_are_detected():
    from iolint import pii

    for value, title in TITLES.items():
        assert value in [title[d.start : d.end] for d in pii.detect(title)], title


@pytest.mark.parametrize("fmt", formats())
def test_no_value_in_any_cli_output(fmt, inputs, tmp_path):
    code, out, err = cli(*inputs, "--format", fmt, "--statistics", cwd=tmp_path)
    assert code == 1, err
    assert_no_value(out, f"--format {fmt} stdout")
    assert_no_value(err, f"--format {fmt} stderr")

    report = tmp_path / f"report.{fmt}"
    code, out, err = cli(*inputs, "--format", fmt, "--output-file", report, cwd=tmp_path)
    assert code == 1, err
    assert_no_value(report.read_text("utf-8"), f"--format {fmt} --output-file")
    assert_no_value(out + err, f"--format {fmt} stdout and stderr with --output-file")
    for cached in tmp_path.glob(".iolint_cache/**/*"):
        if cached.is_file():
            assert_no_value(cached.read_bytes().decode("utf-8", "replace"), f"the cache file {cached.name}")


def test_json_messages_name_the_data_masked(inputs, tmp_path):
    _, out, _ = cli(*inputs, "--format", "json", cwd=tmp_path)
    findings = json.loads(out)
    titles = [f for f in findings if f["code"] == "IO501" and f["file"] == "batch.jsonl"]
    assert sorted(f["line"] for f in titles) == [1, 2, 3, 4, 5]
    for finding in findings:
        assert_no_value(finding["message"], f"the message of {finding['code']}")


@pytest.mark.parametrize("value", VALUES)
def test_no_value_in_api_findings_or_exception(value):
    payload = PAYLOADS[value]
    report = iolint.lint(payload, now=NOW)
    assert "IO501" in [f.code for f in report.findings]
    assert_no_value(repr(report.findings), "iolint.lint() findings")
    with pytest.raises(iolint.MessageRejected) as rejected:
        iolint.check_before_send(payload, now=NOW)
    assert_no_value(str(rejected.value), "str(MessageRejected)")
    assert_no_value(repr(rejected.value.findings), "MessageRejected.findings")


# -- iolint's own words: messages and fields that quote the input ------------------------------

QUOTING = {  # file -> what its findings quote, and the codes that quote it
    "keys.json": (
        json.dumps(
            {
                **PAYLOADS[FISCAL_CODE],
                "content": {"subject": "Il tuo avviso è pronto", "markdown": BODY, FISCAL_CODE: 1, EMAIL: 2},
            }
        ),
        {"IO104"},
    ),
    "tag.yaml": (f"fiscal_code: {FISCAL_CODE}\ncontent:\n  subject: !{FISCAL_CODE} Il tuo avviso\n", {"IO002"}),
    "alias.yaml": (f"content:\n  subject: *{FISCAL_CODE}\n", {"IO002"}),
    "template-key.io.yaml": (f'subject: Il tuo avviso è pronto\nmarkdown: "{BODY}"\n{FISCAL_CODE}: x\n', {"IO703"}),
    "template-feature.io.yaml": (
        f'subject: Il tuo avviso è pronto\nmarkdown: "{BODY}"\nfeatures: [{FISCAL_CODE}]\n',
        {"IO702"},
    ),
    "escape.io.yaml": (
        f"subject: Il tuo avviso è pronto\nmarkdown: \"{BODY} {{{{ x|attr('__{FISCAL_CODE}__') }}}}\"\n"
        "variables:\n  x: {sample: 1}\n",
        {"IO720"},
    ),
    "syntax.io.yaml": (
        f'subject: Il tuo avviso è pronto\nmarkdown: "{BODY} {{{{ x {FISCAL_CODE} }}}}"\nvariables:\n  x: {{sample: 1}}\n',
        {"IO701"},
    ),
    "render.io.yaml": (
        f'subject: Il tuo avviso è pronto\nmarkdown: "{BODY} entro il {{{{ codice | data }}}}"\n'
        f"variables:\n  codice: {{sample: {FISCAL_CODE}}}\n",
        {"IO725"},
    ),
    "variant.io.yaml": (
        f"subject: Il tuo avviso è pronto\nmarkdown: \"{BODY} {{% if codice == '{EMAIL}' %}}{{{{ 1 | data }}}}{{% endif %}}\"\n"
        f"variables:\n  codice: {{sample: x}}\n",
        {"IO725"},
    ),
}


@pytest.fixture
def quoting(tmp_path) -> list[Path]:
    paths = []
    for name, (text, _) in QUOTING.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    return paths


def test_the_quoting_findings_are_there(quoting, tmp_path):
    _, out, _ = cli(*quoting, "--format", "json", "--no-cache", cwd=tmp_path)
    found = {(Path(f["file"]).name, f["code"]) for f in json.loads(out)}
    for name, (_, codes) in QUOTING.items():
        assert {(name, code) for code in codes} <= found, name


@pytest.mark.parametrize("fmt", formats())
def test_what_iolint_quotes_is_masked_in_every_format_and_in_the_cache(fmt, quoting, tmp_path):
    for target in (None, tmp_path / f"report.{fmt}"):
        extra = ["--output-file", target] if target else []
        _, out, err = cli(*quoting, "--format", fmt, *extra, cwd=tmp_path)
        assert_no_value(out + err + (target.read_text("utf-8") if target else ""), f"--format {fmt}")
    cached = [p for p in tmp_path.glob(".iolint_cache/**/*.json")]
    assert cached
    for entry in cached:
        assert_no_value(entry.read_bytes().decode("utf-8", "replace"), f"the cache file {entry.name}")


def test_a_value_in_the_wrong_recipients_column_is_masked(tmp_path):
    template = tmp_path / "avviso.io.yaml"
    template.write_text(
        f'subject: Il tuo avviso è pronto\nmarkdown: "{BODY} Scade il {{{{ scadenza | data }}}}."\n'
        "variables:\n  scadenza: {sample: '2031-07-31'}\n",
        encoding="utf-8",
    )
    rows = tmp_path / "rows.csv"
    rows.write_text(f"fiscal_code,scadenza\n{FISCAL_CODE},{EMAIL}\n{FISCAL_CODE},{FISCAL_CODE}\n", encoding="utf-8")
    for fmt in formats():
        code, out, err = cli("--recipients", rows, template, "--format", fmt, cwd=tmp_path)
        assert code == 1 and "IO725" in out, out + err
        assert_no_value(out + err, f"--recipients, --format {fmt}")


@given(
    fiscal_codes(),
    st.text(alphabet=" ._-:/[]'\"`", max_size=3),
    st.text(alphabet=" ._-:/[]'\"`", max_size=3),
    st.sampled_from(["key", "nested key", "tag", "list"]),
)
def test_a_codice_fiscale_quoted_anywhere_never_reaches_a_finding(code, before, after, where):
    quoted = f"{before}{code}{after}"
    if where == "key":
        payload = {**PAYLOADS[NAME], quoted: 1}
    elif where == "nested key":
        payload = {**PAYLOADS[NAME], "content": {**PAYLOADS[NAME]["content"], "payment_data": {quoted: 1}}}
    elif where == "tag":
        payload = json.dumps({**PAYLOADS[NAME], "content": f"{{{code}"})  # a JSON syntax error
    else:
        payload = {**PAYLOADS[NAME], "x": [{quoted: [1]}]}
    for finding in iolint.lint(payload, now=NOW).findings:
        for text in (finding.message, finding.field or "", finding.variant or ""):
            assert code not in text, finding
