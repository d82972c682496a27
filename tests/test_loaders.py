from iolint.loaders import Item, Problem, load_json, load_jsonl, looks_like_message
from iolint.registry import code_of
from iolint.yamlreader import load_yaml


def test_json_positions_of_nested_fields():
    text = '{\n  "content": {\n    "subject": "x",\n    "payment_data": {"amount": 1.5}\n  }\n}\n'
    (item,) = load_json(text)
    assert item.locate("content.subject") == (3, 16)
    assert item.locate("content.payment_data.amount") == (4, 32)
    # a missing field points at its nearest ancestor
    assert item.locate("content.due_date") == (2, 14)
    assert item.locate(None) == (1, 1)


def test_json_list_items_have_their_own_positions():
    text = '[\n {"content": {"subject": "a"}},\n {"content": {"subject": "b"}}\n]'
    first, second = load_json(text)
    assert first.line == 2 and second.line == 3
    assert second.locate("content.subject") == (3, 26)


def test_json_syntax_error_has_line_and_column():
    (problem,) = load_json('{\n  "content": {,}\n}')
    assert isinstance(problem, Problem) and code_of(problem.kind) == "IO002"
    assert (problem.line, problem.column) == (2, 15)


def test_jsonl_bad_lines_do_not_stop_the_others():
    items = list(load_jsonl(['{"content": {}}\n', "{oops\n", "\n", '{"content": {"subject": "x"}}\n']))
    assert [type(i) for i in items] == [Item, Problem, Item]
    assert items[1].line == 2
    assert items[2].line == 4 and items[2].locate("content.subject") == (4, 25)


def test_yaml_positions_and_timestamps_stay_strings():
    text = "fiscal_code: RSSMRA85T10A562S\ncontent:\n  subject: Il tuo appuntamento\n  due_date: 2030-01-12T22:59:59Z\n"
    (item,) = load_yaml(text)
    assert item.data["content"]["due_date"] == "2030-01-12T22:59:59Z"
    assert item.locate("content.due_date") == (4, 13)


def test_yaml_alias_bomb_is_refused():
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 7):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    (problem,) = load_yaml("\n".join(lines))
    assert isinstance(problem, Problem) and code_of(problem.kind) == "IO003"


def test_yaml_syntax_error_has_position():
    (problem,) = load_yaml("content:\n  subject: [unclosed\n")
    assert code_of(problem.kind) == "IO002" and problem.line is not None


def test_looks_like_message():
    assert looks_like_message({"content": {}})
    assert looks_like_message({"contnet": {"subject": "x"}})
    assert looks_like_message([{"fiscal_code": "X"}])
    assert not looks_like_message({"name": "pkg", "version": "1"})
    assert not looks_like_message([1, 2])


def test_offsets_inside_strings_map_to_source_positions():
    (item,) = load_json('{"content": {"markdown": "ab\\n\\u00e8| x"}}')
    assert item.locate("content.markdown") == (1, 26)
    assert item.locate("content.markdown", 4) == (1, 37)  # the "|" after "a", "b", "\n" and "è"
    text = "content:\n  markdown: |\n    Prima riga\n    | a | b |\n"
    (item,) = load_yaml(text)
    assert item.locate("content.markdown", 11) == (4, 5)
    assert item.locate("content.markdown", 13) == (4, 7)


def test_nan_and_infinity_are_invalid_json_at_their_position():
    """Python's json reads NaN and Infinity, JSON has neither (RFC 8259) and IO refuses a request
    holding one: `"amount": NaN` in a file, or `"extra": Infinity`, passed with warnings only."""
    text = '{"content": {"subject": "NaN Infinity",\n "x": [1, -Infinity]}, "y": NaN}'
    (problem,) = load_json(text)
    assert isinstance(problem, Problem) and (problem.line, problem.column) == (2, 11)
    assert problem.message.startswith("invalid JSON: -Infinity is no JSON value")
    good, bad = load_jsonl(iter(['{"a": "NaN", "b": 1e5}\n', '{"a": 1, "b": NaN}\n']))
    assert isinstance(good, Item) and good.data == {"a": "NaN", "b": 1e5}
    assert isinstance(bad, Problem) and (bad.line, bad.column) == (2, 15) and "NaN is no JSON value" in bad.message
