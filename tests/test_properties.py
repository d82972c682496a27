"""Property tests: iolint never crashes, valid payloads pass, and each single rule-breaking mutation is caught."""

from __future__ import annotations

import contextlib
import io
import json
import math
import string
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import iolint
from tests.strategies import (
    NOW,
    ROME,
    due_dates,
    json_values,
    notice_numbers,
    payee_fiscal_codes,
    payloads,
    ulids,
)


def lint(payload, plan="base"):
    return iolint.lint(payload, plan=plan, now=NOW)


@pytest.fixture(scope="module", autouse=True)
def warm_up():
    """Pay the one-off imports (presidio, jinja2) before hypothesis starts timing examples."""
    lint({"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": "Avviso per RSSMRA85T10A562S", "markdown": "x"}})


def assert_clean_run(path: Path) -> None:
    """`iolint check PATH` in-process ends in findings about PATH (or none), not an internal error."""
    from iolint.cli import main

    with tempfile.TemporaryDirectory() as scratch:
        report, err = Path(scratch) / "report.json", io.StringIO()
        with contextlib.chdir(scratch), contextlib.redirect_stderr(err):
            code = main(["check", str(path), "--format", "json", "-o", str(report), "--now", NOW.isoformat()])
        assert code in (0, 1), err.getvalue()
        assert "internal error" not in err.getvalue()
        assert all(f["file"] == str(path) for f in json.loads(report.read_text("utf-8")))


# -- (a) any input ends in findings or a clean error -------------------------------------------


def finite(value) -> bool:
    """Whether ``value`` holds no NaN or infinity (no JSON: the API refuses them)."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict | list):
        return all(finite(v) for v in (value.values() if isinstance(value, dict) else value))
    return True


def lint_or_refuse(payload) -> None:
    """Findings, or InvalidPayload for a payload that holds NaN or an infinity."""
    try:
        lint(payload)
    except iolint.InvalidPayload:
        assert not finite(payload)


@given(json_values)
def test_lint_any_json_value(value):
    lint_or_refuse(value)
    lint(json.dumps(value))  # NaN in the text: IO002


@given(payloads(), st.data())
def test_lint_payload_with_any_subtree_replaced(payload, data):
    parent = data.draw(st.sampled_from([payload, payload["content"], *payload["content"].values()]))
    assume(isinstance(parent, dict) and parent)
    parent[data.draw(st.sampled_from(sorted(parent)))] = data.draw(json_values)
    lint_or_refuse(payload)


@given(json_values, st.sampled_from([".json", ".yaml", ".jsonl"]))
def test_cli_any_json_value_in_a_file(value, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"payload{suffix}"
        # Escaped: YAML reads an escaped surrogate pair as two lone halves, which must not crash.
        path.write_text(json.dumps(value), encoding="utf-8")
        assert_clean_run(path)


@given(st.text())
def test_cli_any_yaml_text(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "payload.yaml"
        path.write_text(text, encoding="utf-8")
        assert_clean_run(path)


@given(st.binary(max_size=2000), st.sampled_from([".json", ".yaml", ".jsonl"]))
def test_cli_any_bytes(raw, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"payload{suffix}"
        path.write_bytes(raw)
        assert_clean_run(path)


JINJA_PIECES = [
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    " if ",
    " for ",
    " in ",
    "endif",
    "endfor",
    "x",
    ".",
    "|",
    "subject: ",
    "markdown: ",
    "content:",
    "\n",
    "  ",
    "'",
    '"',
    "-",
    ":",
    "[",
    "]",
    "é",
]


@given(st.lists(st.sampled_from(JINJA_PIECES) | st.text(max_size=5), max_size=60).map("".join))
def test_cli_any_template_text(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "message.io.yaml"
        path.write_text(text, encoding="utf-8")
        assert_clean_run(path)


# -- (b) valid payloads get no error ------------------------------------------------------------


@pytest.mark.parametrize("plan", ["base", "premium"])
@given(data=st.data())
def test_valid_payload_has_no_error(plan, data):
    payload = data.draw(payloads(plan))
    assert lint(payload, plan).errors == ()


# -- (c) each single mutation is caught with the right code -------------------------------------

MUTATIONS = {}  # name -> (expected code, plan, mutate(payload, draw))


def mutation(code: str, plan: str = "base"):
    def register(fn):
        MUTATIONS[fn.__name__] = (code, plan, fn)
        return fn

    return register


def _payment(payload, draw) -> dict:
    new = {"amount": 1250, "notice_number": draw(notice_numbers())}
    return payload["content"].setdefault("payment_data", new)


def _due(payload, draw) -> str:
    return payload["content"].setdefault("due_date", draw(due_dates()))


@mutation("IO110")
def subject_too_short(p, draw):
    p["content"]["subject"] = p["content"]["subject"][: draw(st.integers(0, 9))]


@mutation("IO110")
def subject_too_long(p, draw):
    subject = p["content"]["subject"]
    p["content"]["subject"] = " ".join([subject] * (121 // len(subject) + 1))


@mutation("IO111")
def markdown_too_short(p, draw):
    p["content"]["markdown"] = p["content"]["markdown"][: draw(st.integers(0, 79))]


@mutation("IO201")
def amount_float(p, draw):
    # finite: NaN and the infinities cannot be sent at all (InvalidPayload, test_lint_any_json_value)
    _payment(p, draw)["amount"] = draw(st.floats(allow_nan=False, allow_infinity=False))


@mutation("IO202")
def amount_zero(p, draw):
    _payment(p, draw)["amount"] = 0


@mutation("IO205")
def notice_number_check_digit_altered(p, draw):
    number = draw(notice_numbers(aux_digits="023"))
    _payment(p, draw)["notice_number"] = number[:17] + str((int(number[17]) + draw(st.integers(1, 9))) % 10)


@mutation("IO204")
def notice_number_17_digits(p, draw):
    payment = _payment(p, draw)
    payment["notice_number"] = payment["notice_number"][:17]


@mutation("IO121")
def fiscal_code_wrong_check_char(p, draw):
    code = p["fiscal_code"]
    p["fiscal_code"] = code[:15] + draw(st.sampled_from(string.ascii_uppercase.replace(code[15], "")))


@mutation("IO121")
def fiscal_code_lowercased(p, draw):
    p["fiscal_code"] = p["fiscal_code"].lower()


@mutation("IO206")
def payee_check_digit_altered(p, draw):
    code = draw(payee_fiscal_codes())
    altered = code[:10] + str((int(code[10]) + draw(st.integers(1, 9))) % 10)
    _payment(p, draw)["payee"] = {"fiscal_code": altered}


@mutation("IO301")
def due_date_without_time(p, draw):
    p["content"]["due_date"] = _due(p, draw)[:10]


@mutation("IO302")
def due_date_without_zone(p, draw):
    local = datetime.fromisoformat(_due(p, draw).replace("Z", "+00:00")).astimezone(ROME)
    p["content"]["due_date"] = local.strftime("%Y-%m-%dT%H:%M:%S")


@mutation("IO103")
def misspelled_key(p, draw):
    parent = draw(st.sampled_from([p, p["content"]]))
    key = draw(st.sampled_from(sorted(parent)))
    i = draw(st.integers(0, len(key) - 2))
    dropped, swapped = key[:i] + key[i + 1 :], key[:i] + key[i + 1] + key[i] + key[i + 2 :]
    typo = draw(st.sampled_from([dropped, swapped, key.upper()]))
    assume(typo != key and typo not in parent)
    parent[typo] = parent.pop(key)


@mutation("IO401")
def advanced_on_base(p, draw):
    p["feature_level_type"] = "ADVANCED"


@mutation("IO402", plan="premium")
def attachments_without_advanced(p, draw):
    p["feature_level_type"] = "STANDARD"
    p["content"]["third_party_data"] = {"id": "pratica", "configuration_id": draw(ulids), "has_attachments": True}


@mutation("IO411")
def third_party_data_without_configuration_id(p, draw):
    p["content"].setdefault("third_party_data", {"id": "pratica"}).pop("configuration_id", None)


@pytest.mark.parametrize("name", MUTATIONS)
@given(data=st.data())
def test_single_mutation_is_caught(name, data):
    code, plan, mutate = MUTATIONS[name]
    payload = data.draw(payloads(plan))
    mutate(payload, data.draw)
    assert code in {f.code for f in lint(payload, plan).findings}
