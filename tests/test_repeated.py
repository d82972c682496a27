"""IO005: keys written twice, in JSON, JSONL, YAML, templates and JSON text given to the API."""

from __future__ import annotations

import json
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

import iolint
from iolint.loaders import Item, load_json, load_jsonl
from iolint.registry import code_of
from iolint.repeated import NotJson, decode_json
from iolint.yamlreader import load_yaml

BODY = "Il tuo appuntamento allo sportello anagrafe è confermato. Ricordati di portare una fototessera recente."


def _notes(items) -> list[tuple]:
    return [
        (i, code_of(n.kind), n.field, n.line, n.column, n.message)
        for i, item in enumerate(items)
        if isinstance(item, Item)
        for n in item.notes
    ]


def test_json_points_at_the_last_key_and_keeps_its_value():
    text = '{"content": {\n  "subject": "Il tuo appuntamento",\n  "markdown": "x",\n  "subject": "Avviso"\n}}'
    (item,) = load_json(text)
    ((_, code, field, line, column, message),) = _notes([item])
    assert (code, field, line, column) == ("IO005", "content.subject", 4, 3)
    assert "`subject`" in message and "in `content`" in message
    assert item.data["content"]["subject"] == "Avviso"  # what IO would read


def test_each_repeated_key_once_however_often_it_is_written():
    text = '{"a": 1, "b": 2, "a": 3, "a": 4, "b": 5, "content": {}}'
    (item,) = load_json(text)
    found = [(field, column) for _, _, field, _, column, _ in _notes([item])]
    assert found == [("a", text.rindex('"a"') + 1), ("b", text.rindex('"b"') + 1)]
    assert "at the top level" in item.notes[0].message


def test_a_list_of_payloads_gives_each_its_own_notes():
    text = '[\n {"content": {"subject": "a"}},\n {"content": {"subject": "b", "subject": "c"}}\n]'
    first, second = load_json(text)
    assert first.notes == ()
    ((_, _, field, line, column, _),) = _notes([second])
    assert (field, line, column) == ("content.subject", 3, 31)


def test_jsonl_lines_are_numbered():
    lines = ['{"content": {"subject": "a"}}\n', '{"content": {"markdown": "x"}, "content": {"subject": "b"}}\n']
    found = _notes(list(load_jsonl(iter(lines))))
    assert [(field, line, column) for _, _, field, line, column, _ in found] == [("content", 2, 32)]


def test_yaml_keys_as_json_sends_them_merge_keys_and_aliases():
    text = (
        "base: &base {subject: Il tuo appuntamento, markdown: x}\n"
        "content:\n"
        "  <<: *base\n"
        "  subject: Il tuo appuntamento è confermato\n"  # overrides the merged key: not repeated
        "  1: a\n"
        "  '1': b\n"
        "other: *base\n"  # the same node again: read once
    )
    (item,) = load_yaml(text)
    assert [(field, line, column) for _, _, field, line, column, _ in _notes([item])] == [("content.1", 6, 3)]
    assert item.data["content"]["subject"] == "Il tuo appuntamento è confermato"


def test_a_yaml_list_of_payloads():
    text = "- content: {subject: a}\n- content: {subject: b}\n  content: {subject: c}\n"
    first, second = load_yaml(text)
    assert first.notes == ()
    assert [(f, line) for _, _, f, line, _, _ in _notes([second])] == [("content", 3)]


def test_the_cli_reports_it_and_still_checks_the_payload(run_cli, tmp_path):
    payload = json.dumps({"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": "x", "markdown": BODY}})
    text = payload.replace('{"subject": "x"', '{"subject": "Il tuo appuntamento è confermato", "subject": "x"')
    (tmp_path / "twice.json").write_text(text, encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "a", "name": "b"}', encoding="utf-8")  # no message
    code, out, _ = run_cli("check", "--format", "json", "--no-cache", ".")
    found = {(f["code"], f["file"], f.get("field")) for f in json.loads(out)}
    # the repeated key, and the title IO reads: the last one, too short
    assert found == {("IO005", "twice.json", "content.subject"), ("IO110", "twice.json", "content.subject")}
    assert code == 1


def test_templates(run_cli, tmp_path):
    (tmp_path / "t.io.yaml").write_text(
        f"subject: Il tuo appuntamento è confermato\nmarkdown: {BODY}\nsubject: Il tuo appuntamento\n",
        encoding="utf-8",
    )
    _, out, _ = run_cli("check", "--format", "json", "--no-cache", "t.io.yaml")
    assert [(f["code"], f["line"], f["field"]) for f in json.loads(out)] == [("IO005", 3, "subject")]


def test_the_api_on_json_text_and_never_on_a_dict():
    payload = {"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": "Il tuo appuntamento", "markdown": BODY}}
    text = json.dumps(payload).replace('"content"', '"fiscal_code": "RSSMRA85T10A562S", "content"')
    report = iolint.lint(text)
    assert [(f.code, f.field, f.line) for f in report.findings] == [("IO005", "fiscal_code", 1)]
    assert iolint.lint(payload).findings == ()
    with pytest.raises(iolint.MessageRejected):
        iolint.check_before_send(text)


def test_the_rule_can_be_ignored(run_cli, tmp_path):
    (tmp_path / "twice.json").write_text('{"content": {"subject": "Il tuo appuntamento", "subject": "x"}}')
    _, out, _ = run_cli("check", "--format", "json", "--no-cache", "--ignore", "IO005", "twice.json")
    assert "IO005" not in {f["code"] for f in json.loads(out)}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=20,
)


@given(JSON_VALUES)
def test_decoding_is_json_loads_on_any_value(value):
    text = json.dumps(value)
    assert decode_json(text) == (json.loads(text), [])


def _no_constant(name: str):
    raise NotJson(name)


@given(st.text(max_size=40) | st.sampled_from(["NaN", "[1, -Infinity]", '{"a": Infinity}', '"NaN"']))
def test_decoding_fails_as_json_loads_does_on_any_text(text):
    """json.loads refusing NaN and Infinity, which JSON has not (RFC 8259)."""
    try:
        expected = json.loads(text, parse_constant=_no_constant)
    except ValueError as exc:
        with pytest.raises(type(exc)) as raised:
            decode_json(text)
        assert str(raised.value) == str(exc)
    else:
        assert repr(decode_json(text)[0]) == repr(expected)  # NaN is not equal to itself


def test_threads_keep_their_own_findings():
    texts = [f'{{"k{i}": 1, "k{i}": 2, "x": {{"j": 1}}}}' for i in range(8)] + ['{"a": 1}'] * 8
    results: dict[int, list] = {}

    def run(i: int) -> None:
        results[i] = [decode_json(texts[i])[1] for _ in range(300)]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, found in results.items():
        assert all(f == ([((), f"k{i}")] if i < 8 else []) for f in found)
