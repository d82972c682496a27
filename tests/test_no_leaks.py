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

import iolint
from tests.strategies import NOW


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
PAYLOADS = {value: {"fiscal_code": FISCAL_CODE, "content": {"subject": t, "markdown": BODY}} for value, t in TITLES.items()}
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
