"""Terminal output is inert: no file name, key or source line can colour the terminal, move the
cursor or forge a finding line; the structured formats stay valid and keep the exact names."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iolint.report.inert import inert

NOW = "2030-01-01T00:00:00Z"
PAYLOAD = {
    "fiscal_code": "RSSMRA85T10A562S",
    "content": {
        "subject": "Avviso di pagamento della tassa rifiuti",
        "markdown": "Hai un nuovo avviso di pagamento per la tassa rifiuti. Puoi pagare in app con il pulsante Paga.",
        "payment_data": {"amount": 12.5, "notice_number": "302000100000009424"},
    },
}
# ESC sequences (colour, window title, cursor up), CR, LF, a C1 CSI, DEL, bidi overrides and isolates
HOSTILE = [
    "\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07",
    "\x1b[1A\x1b[2K",
    "line\rover",
    "forged\nx.json:1:1: IO999 error forged",
    "\x9b31m",
    "\x7f\x00\x08",
    "\u202eevil\u202c",
    "\u2066isolate\u2069\u200f",
    "sep\u2028arator\u2029\x85",
]
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def test_inert_escapes_each_kind():
    assert inert("a\x1b[31mb") == "a\\x1b[31mb"
    assert inert("a\r\nb\tc") == "a\\r\\nb\\tc"
    assert inert("\x9b\x85\u202e\u2028") == "\\x9b\\x85\\u202e\\u2028"
    assert inert("città è più — “bene” €") == "città è più — “bene” €"
    assert inert("Il tuo\u200b avviso\ufeff") == "Il tuo\\u200b avviso\\ufeff"  # drawn as nothing
    assert inert("👨\u200d👩\u200d👧") == "👨\u200d👩\u200d👧"  # joiners of an emoji sequence are kept


def test_an_invisible_character_shows_under_its_caret(run_cli, tmp_path):
    """IO808's excerpt showed the source line with the zero-width space raw: nothing under the caret."""
    payload = {**PAYLOAD, "content": {**PAYLOAD["content"], "subject": "Il tuo\u200b avviso di pagamento"}}
    (tmp_path / "a.json").write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
    _, out, _ = run_cli("check", "a.json", "--now", NOW, "--no-cache", "--select", "IO808", cwd=tmp_path)
    source, caret = out.splitlines()[1:3]
    assert source[caret.index("^") :].startswith("\\u200b avviso")


@given(st.text())
def test_inert_leaves_no_unsafe_character(text):
    assert not UNSAFE.search(inert(text).replace("\n", ""))
    assert "\n" not in inert(text)


@pytest.fixture
def hostile(tmp_path):
    paths = []
    for i, bad in enumerate(HOSTILE):
        name = f"m{i}{bad.replace('/', '')}.json".replace("\x00", "")
        payload = {
            **PAYLOAD,
            f"key{bad}": 1,
            "content": {**PAYLOAD["content"], "subject": f"Avviso {bad} di pagamento"},
        }
        (tmp_path / name).write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
        paths.append(tmp_path / name)
    (tmp_path / "excerpt.yaml").write_text(
        "content:\n  subject: Avviso di pagamento della tassa rifiuti\n"
        f'  markdown: "Hai {HOSTILE[0]}{HOSTILE[7]} un avviso"\n  payment_data: {{amount: 12.5, x: "{HOSTILE[3]}"}}\n',
        "utf-8",
    )
    paths.append(tmp_path / "excerpt.yaml")
    return paths


def test_text_output_is_inert(run_cli, hostile, tmp_path):
    code, out, err = run_cli("check", *hostile, "--now", NOW, "--no-cache", cwd=tmp_path)
    assert code == 1, err
    assert not UNSAFE.search(out.replace("\n", "")) and not UNSAFE.search(err.replace("\n", ""))
    lines = out.splitlines()
    _, structured, _ = run_cli("check", *hostile, "--now", NOW, "--no-cache", "--format", "json", cwd=tmp_path)
    findings = json.loads(structured)
    # One line per finding, each starting with its file, plus excerpt, caret and summary lines: nothing forged.
    heads = [line for line in lines if not line.startswith(" ") and not line.startswith("Checked ")]
    assert len(heads) == len(findings)
    assert all(h.startswith(inert(f["file"]) + ":") for h, f in zip(heads, findings, strict=True))
    assert not any(line.startswith("x.json:1:1: IO999") for line in lines)


def test_carets_point_past_the_escapes(run_cli, tmp_path):
    payload = {**PAYLOAD, "content": {**PAYLOAD["content"], "payment_data": {"x": "\x9b\u202e\u2066", "amount": 12.5}}}
    (tmp_path / "a.json").write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
    _, out, _ = run_cli("check", "a.json", "--now", NOW, "--no-cache", "--select", "IO201", cwd=tmp_path)
    source, caret = out.splitlines()[1:3]
    assert "\\x9b\\u202e\\u2066" in source
    assert source[caret.index("^") :].startswith("12.5")


def test_github_annotations_are_inert(run_cli, hostile, tmp_path):
    _, out, _ = run_cli("check", *hostile, "--now", NOW, "--no-cache", "--format", "github", cwd=tmp_path)
    assert not UNSAFE.search(out.replace("\n", ""))
    assert all(line.startswith("::") or line.startswith("Checked ") for line in out.splitlines())


def test_structured_formats_stay_valid_and_exact(run_cli, hostile, tmp_path):
    names = {p.name for p in hostile}
    _, out, _ = run_cli("check", *hostile, "--now", NOW, "--no-cache", "--format", "json", cwd=tmp_path)
    findings = json.loads(out)
    assert {f["file"] for f in findings} == names
    assert any("\x1b" in (f["field"] or "") for f in findings)  # JSON escapes, it does not rewrite
    _, out, _ = run_cli("check", *hostile, "--now", NOW, "--no-cache", "--format", "json-lines", cwd=tmp_path)
    assert len([json.loads(line) for line in out.splitlines()]) == len(findings)
    _, out, _ = run_cli("check", *hostile, "--now", NOW, "--no-cache", "--format", "sarif", cwd=tmp_path)
    assert len(json.loads(out)["runs"][0]["results"]) == len(findings)
    _, out, _ = run_cli("check", *hostile, "--now", NOW, "--no-cache", "--format", "junit", cwd=tmp_path)
    assert len(ET.fromstring(out).findall(".//testcase")) == len(names)


# What stderr says about the names typed on the command line: a path that does not exist, a folder
# with nothing to check, a rule `iolint explain` does not know. They were printed raw, so a name
# holding ESC or CR drove the terminal (`iolint explain` and missing paths; --select was inert).
@pytest.mark.parametrize(
    "argv",
    [
        ["check", "no\x1b[31mfile\r.json"],
        ["check", "empty\x1b]0;title\x07"],
        ["explain", "x\x1b[31mred\rFAKE"],
        ["check", "--select", "x\x1b[31m", "."],
        ["render", "tari/avviso-pagamento", "--data", "no\x1b[31mdata.json"],
        ["preview", "--output-dir", "out", "--logo", "no\x1b[31mlogo.png", "."],
        ["preview", "--output-dir", "a-file/x\x1b[31m", "."],
    ],
    ids=[
        "missing path",
        "empty folder",
        "explain",
        "select",
        "render --data",
        "preview --logo",
        "preview --output-dir",
    ],
)
def test_what_stderr_says_about_a_name_typed_is_inert(run_cli, tmp_path, argv):
    (tmp_path / "empty\x1b]0;title\x07").mkdir()
    (tmp_path / "a-file").write_text("", "utf-8")
    code, _, err = run_cli(*argv, cwd=tmp_path)
    assert code == 2 and err and not UNSAFE.search(err.replace("\n", "")), err
