"""The API's edges: whatever sending code passes is checked as the JSON it becomes, or refused
with an ``IolintError`` — never "no findings", never a crash. And its options (issue 11, item 8)."""

from __future__ import annotations

import collections
import collections.abc
import enum
import inspect
import json
import pydoc
import re
import types
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markupsafe import Markup
from pydantic import BaseModel, ConfigDict

import iolint
from iolint.config import ConfigError
from iolint.errors import InternalError, InvalidPayload
from tests.strategies import NOW, fiscal_codes, payloads, sendable_values

CF = "RSSMRA85T10A562S"
TITLE = f"Avviso TARI per {CF}"
BODY = "Hai un nuovo avviso di pagamento per la tassa rifiuti. Puoi pagare in app con il pulsante Paga, entro il 31/07."
LEAKY = {"fiscal_code": CF, "content": {"subject": TITLE, "markdown": BODY}}
PAYMENT = {
    "fiscal_code": CF,
    "content": {
        "subject": "Hai un nuovo avviso di pagamento",
        "markdown": BODY,
        "due_date": "2030-07-31T21:59:59Z",
        "payment_data": {"amount": 12350, "notice_number": "302123456789012356"},
    },
}


def seen(report) -> list[tuple]:
    return sorted((f.code, f.field, f.message, f.fingerprint) for f in report.findings)


# -- mappings and subclasses are checked as the JSON they become --------------------------------


class Sub(dict):
    pass


class Liar(str):
    """A str subclass whose str() hides its text: the text itself is what is sent."""

    def __str__(self):
        return "Hai un nuovo avviso"


class Cents(enum.IntEnum):
    TOO_MANY = 10**12


class Opaque:
    pass


class Holder(BaseModel):
    """A caller's model with a field pydantic cannot write as JSON (it raised
    PydanticSerializationError, no IolintError)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    fiscal_code: str
    note: Opaque


def _wrapped(value, how: int):
    """``value`` with its dicts and strs in other clothes, chosen by ``how``."""
    if isinstance(value, dict):
        inner = {k: _wrapped(v, how + i) for i, (k, v) in enumerate(value.items())}
        return [collections.OrderedDict, Sub, types.MappingProxyType, dict][how % 4](inner)
    if isinstance(value, list):
        return (
            tuple(_wrapped(v, how + i) for i, v in enumerate(value)) if how % 2 else [_wrapped(v, how) for v in value]
        )
    if isinstance(value, str):
        return [Markup, Liar, str][how % 3](value)
    return value


@pytest.mark.parametrize(
    "payload",
    [
        collections.OrderedDict(LEAKY),
        Sub(LEAKY),
        types.MappingProxyType(LEAKY),
        {**LEAKY, "content": collections.OrderedDict(LEAKY["content"])},
        {**LEAKY, "content": {**LEAKY["content"], "subject": Markup(TITLE)}},
        {**LEAKY, "content": {**LEAKY["content"], "subject": Liar(TITLE)}},
        {**LEAKY, "content": types.MappingProxyType({**LEAKY["content"], "subject": Markup(TITLE)})},
    ],
    ids=["OrderedDict", "dict subclass", "MappingProxyType", "inner OrderedDict", "Markup", "str subclass", "both"],
)
def test_a_title_in_other_clothes_is_still_refused(payload):
    assert seen(iolint.lint(payload, now=NOW)) == seen(iolint.lint(LEAKY, now=NOW))
    with pytest.raises(iolint.MessageRejected, match="IO501"):
        iolint.check_before_send(payload, now=NOW)


def test_a_pydantic_model_of_the_callers_own_is_checked_as_its_dump():
    class Content(BaseModel):
        subject: str
        markdown: str
        note: str | None = None

    class Message(BaseModel):
        fiscal_code: str
        content: Content

    model = Message(fiscal_code=CF, content=Content(subject=TITLE, markdown=BODY))
    assert seen(iolint.lint(model, now=NOW)) == seen(iolint.lint(LEAKY, now=NOW))
    nested = {"fiscal_code": CF, "content": Content(subject=TITLE, markdown=BODY)}
    assert seen(iolint.lint(nested, now=NOW)) == seen(iolint.lint(LEAKY, now=NOW))


def test_int_and_float_subclasses_are_their_values():
    payload = json.loads(json.dumps(PAYMENT))
    payload["content"]["payment_data"]["amount"] = Cents.TOO_MANY
    plain = json.loads(json.dumps(payload))
    assert "IO202" in [f.code for f in iolint.lint(payload, now=NOW).findings]
    assert seen(iolint.lint(payload, now=NOW)) == seen(iolint.lint(plain, now=NOW))


@given(st.tuples(payloads(), fiscal_codes(), st.integers(0, 11)))
def test_any_clothes_give_the_findings_of_plain_json(case):
    payload, code, how = case
    payload["content"]["subject"] = f"Avviso per {code}"
    plain = iolint.lint(payload, now=NOW)
    assert "IO501" in [f.code for f in plain.findings]
    assert seen(iolint.lint(_wrapped(payload, how), now=NOW)) == seen(plain)


@given(sendable_values, st.integers(0, 11))
def test_any_json_value_in_any_clothes_gives_the_same_findings(value, how):
    payload = {"fiscal_code": CF, "content": {"subject": TITLE, "markdown": BODY, "extra": value}}
    assert seen(iolint.lint(_wrapped(payload, how), now=NOW)) == seen(iolint.lint(payload, now=NOW))


def test_check_before_send_returns_exactly_what_was_checked_in_plain_types():
    payload = collections.OrderedDict(PAYMENT)
    payload["content"] = types.MappingProxyType(
        {**PAYMENT["content"], "subject": Markup(PAYMENT["content"]["subject"])}
    )
    sent = iolint.check_before_send(payload, now=NOW)
    assert sent == PAYMENT

    def kinds(value):
        if isinstance(value, dict):
            return {type(value).__name__} | {type(k).__name__ for k in value} | set().union(*map(kinds, value.values()))
        return {type(value).__name__}

    assert kinds(sent) <= {"dict", "str", "int"}


def test_keys_are_checked_as_json_writes_them():
    payload = {**PAYMENT, 7: "x", None: "y", 1.5: "z", float("nan"): 1, float("inf"): 2, float("-inf"): 3}
    fields = {f.field for f in iolint.lint(payload, now=NOW).findings if f.code == "IO104"}
    assert fields == {"7", "null", "1.5", "NaN", "Infinity", "-Infinity"}  # `nan`, `inf` before
    assert fields == {k for k in json.loads(json.dumps(payload)) if k not in PAYMENT}


# -- what cannot be sent as JSON cannot be checked: a clear error -------------------------------


def _recursive_dict():
    payload = json.loads(json.dumps(LEAKY))
    payload["content"]["self"] = payload
    return payload


def _recursive_list():
    items = [1]
    items.append(items)
    return {**LEAKY, "x": items}


def _deep(levels):
    value = "x"
    for _ in range(levels):
        value = {"a": value}
    return {**LEAKY, "x": value}


class _Score(float):
    pass


class _Failing(collections.abc.Mapping):
    """A Mapping whose own code fails (a lazy view of a database row, a proxy): a RuntimeError
    or KeyError from it reached the caller as it was, not an IolintError, the value unmasked."""

    def __init__(self, error):
        self.error = error

    def __getitem__(self, key):
        raise self.error(f"no access to {key} of {CF}")

    def __iter__(self):
        return iter(["content"])

    def __len__(self):
        return 1


@pytest.mark.parametrize(
    ("payload", "says"),
    [
        ({**LEAKY, "content": {**LEAKY["content"], "subject": {TITLE}}}, "`content.subject` is of type set"),
        ({**LEAKY, "x": frozenset()}, "`x` is of type frozenset"),
        ({**LEAKY, "content": {**LEAKY["content"], "subject": TITLE.encode()}}, "`content.subject` is bytes"),
        ({**LEAKY, "x": object()}, "`x` is of type object"),
        (object(), "the payload is of type object"),
        ({**LEAKY, ("a", "b"): 1}, "key of type tuple"),
        (_recursive_dict(), "`content.self` contains itself"),
        (_recursive_list(), "`x[1]` contains itself"),
        (_deep(250), "nested deeper than 200 levels"),
        ({**PAYMENT, "content": {**PAYMENT["content"], "payment_data": {"amount": 10**5000}}}, "too long to write"),
        (Holder(fiscal_code=CF, note=Opaque()), "the payload cannot be written as JSON"),
        ({**LEAKY, "x": Holder(fiscal_code=CF, note=Opaque())}, "`x` cannot be written as JSON"),
        ({**LEAKY, "x": float("nan")}, "`x` is NaN: JSON has no such number"),
        ({**LEAKY, "x": [1.5, float("-inf")]}, "`x[1]` is -Infinity: JSON has no such number"),
        (collections.OrderedDict({**LEAKY, "x": _Score(float("inf"))}), "`x` is Infinity"),
        (_Failing(RuntimeError), "the payload cannot be read: RuntimeError: no access to"),
        ({**LEAKY, "content": _Failing(KeyError)}, "`content` cannot be read: KeyError"),
    ],
    ids=[
        "set",
        "frozenset",
        "bytes",
        "object",
        "top-level object",
        "tuple key",
        "recursive dict",
        "recursive list",
        "too deep",
        "huge integer",
        "model with an opaque field",
        "model inside a dict",
        "NaN",
        "-Infinity in a list",
        "a float subclass's Infinity",
        "a Mapping whose __getitem__ fails",
        "a Mapping inside a dict whose __getitem__ fails",
    ],
)
def test_what_json_cannot_hold_is_an_error_never_no_findings(payload, says):
    for call in (iolint.lint, iolint.check_before_send):
        with pytest.raises(InvalidPayload, match=re.escape(says)) as refused:
            call(payload, now=NOW)
        assert isinstance(refused.value, iolint.IolintError)
        assert CF not in str(refused.value)


def test_an_error_naming_a_field_masks_personal_data_in_its_path():
    with pytest.raises(InvalidPayload) as refused:
        iolint.lint({**LEAKY, CF: {1, 2}}, now=NOW)
    assert CF not in str(refused.value) and "RSS*********562S" in str(refused.value)


def test_deep_but_not_too_deep_is_checked():
    report = iolint.lint(_deep(150), now=NOW)
    assert "IO501" in [f.code for f in report.findings]


@given(st.integers())
def test_integers_of_any_size_give_findings_or_a_clear_error(amount):
    payload = json.loads(json.dumps(PAYMENT))
    payload["content"]["payment_data"]["amount"] = amount
    try:
        report = iolint.lint(payload, now=NOW)
    except InvalidPayload as exc:
        assert "too long" in str(exc)
    else:
        assert report.ok == (1 <= amount <= 9_999_999_999)


def test_huge_integers_everywhere():
    for amount in (10**4000, -(10**4000), 2**64, 10**5000):
        payload = json.loads(json.dumps(PAYMENT))
        payload["content"]["payment_data"]["amount"] = amount
        try:
            codes = [f.code for f in iolint.lint(payload, now=NOW).findings]
        except InvalidPayload:
            continue
        assert "IO202" in codes
    text = json.dumps(PAYMENT).replace("12350", "1" + "0" * 5000)
    assert [f.code for f in iolint.lint(text, now=NOW).findings] == ["IO002"]


def test_bytes_that_are_not_text_are_a_finding():
    assert [f.code for f in iolint.lint(b"\xff\xfe{}", now=NOW).findings] == ["IO001"]
    # the body speaks of paying without payment data: IO212, an info, beside the title's IO501
    assert [f.code for f in iolint.lint(json.dumps(LEAKY).encode(), now=NOW).findings] == ["IO212", "IO501"]


def test_a_failure_inside_iolint_is_an_iolint_error_that_quotes_nothing(monkeypatch):
    def broken(linter, data):
        raise ValueError(f"cannot handle {CF}")

    monkeypatch.setattr("iolint.api._findings", broken)
    with pytest.raises(InternalError, match="ValueError") as failed:
        iolint.lint(LEAKY, now=NOW)
    assert isinstance(failed.value, iolint.IolintError) and CF not in str(failed.value)


# -- the options (issue 11, item 8) ----------------------------------------------------------


def test_select_and_ignore_take_a_comma_separated_string_or_an_iterable():
    bad = json.loads(json.dumps(PAYMENT))
    bad["content"]["subject"] = TITLE
    bad["content"]["payment_data"]["notice_number"] = "302123456789012357"
    assert {f.code for f in iolint.lint(bad, now=NOW).findings} >= {"IO205", "IO501"}
    assert {f.code for f in iolint.lint(bad, select="IO2", now=NOW).findings} == {"IO205"}
    assert {f.code for f in iolint.lint(bad, select="IO205, personal-data-in-title", now=NOW).findings} == {
        "IO205",
        "IO501",
    }
    assert {f.code for f in iolint.lint(bad, select=("IO205", "IO501,IO1"), now=NOW).findings} == {"IO205", "IO501"}
    assert {f.code for f in iolint.lint(bad, select=iter(["IO5"]), now=NOW).findings} == {"IO501"}
    assert "IO205" not in {f.code for f in iolint.lint(bad, ignore="IO205", now=NOW).findings}
    assert {f.code for f in iolint.lint(bad, ignore="IO1,IO2,IO3,IO8", now=NOW).findings} == {"IO501"}


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"select": 205}, "select: expected a str or an iterable of str, not int"),
        ({"select": ["IO205", 5]}, "select: expected rule codes or names as str, not int"),
        ({"select": "IO999"}, "unknown rule selector"),
        ({"ignore": "no-such-rule"}, "unknown rule selector"),
        ({"now": "the day after tomorrow"}, "now: not an ISO 8601 date"),
        ({"now": 1_700_000_000}, "now: expected a datetime or ISO 8601 text, not int"),
        ({"fail_level": "fatal"}, "fail_level: unknown severity"),
        ({"fail_level": 3}, "fail_level: expected 'error', 'warning' or 'info'"),
        ({"plan": "gold"}, "plan"),
        ({"features": "teleport"}, "features"),
        ({"config": 42}, "config: expected an iolint.Config"),
        ({"config": "/no/such/iolint.toml"}, "cannot read"),
    ],
)
def test_a_bad_option_is_a_config_error_with_a_clear_message(options, says):
    with pytest.raises(iolint.ConfigError, match=says) as refused:
        iolint.lint(PAYMENT, **options)
    assert isinstance(refused.value, iolint.IolintError)


@pytest.mark.parametrize(
    "now",
    [
        "2040-01-01T00:00:00Z",
        "2040-01-01T01:00:00+01:00",
        "2040-01-01",
        datetime(2040, 1, 1, tzinfo=UTC),
        datetime(2040, 1, 1),
        date(2040, 1, 1),
    ],
)
def test_now_takes_a_datetime_a_date_or_iso_text(now):
    codes = [f.code for f in iolint.lint(PAYMENT, now=now).findings]
    assert "IO304" in codes  # the due date of 2030 has passed in 2040
    assert "IO304" not in [f.code for f in iolint.lint(PAYMENT, now="2026-01-01T00:00:00Z").findings]


def test_fail_level():
    no_due = json.loads(json.dumps(PAYMENT))
    del no_due["content"]["due_date"]
    assert iolint.lint(no_due, now=NOW).ok  # IO208 is a warning
    for level in ("warning", "WARNING", iolint.Severity.WARNING, "info"):
        report = iolint.lint(no_due, now=NOW, fail_level=level)
        assert not report.ok and "IO208" in [f.code for f in report.failing]
    with pytest.raises(iolint.MessageRejected, match="IO208"):
        iolint.check_before_send(no_due, now=NOW, fail_level="warning")


def test_config_may_be_a_path(tmp_path):
    (tmp_path / "iolint.toml").write_text('plan = "premium"\n', encoding="utf-8")
    advanced = {**PAYMENT, "feature_level_type": "ADVANCED"}
    assert not iolint.lint(advanced, now=NOW).ok
    assert iolint.lint(advanced, now=NOW, config=tmp_path / "iolint.toml").ok
    assert iolint.lint(advanced, now=NOW, config=str(tmp_path / "iolint.toml")).ok


def test_a_config_path_is_read_once_while_unchanged(tmp_path, monkeypatch):
    """A path made a new Config, hence a new Linter (and an empty personal-data memo), on every
    call: 60x slower than passing the Config; an edit of the file still counts at once."""
    from iolint import api, config

    reads, real = [], config.load
    monkeypatch.setattr(config, "load", lambda path: reads.append(path) or real(path))
    api._loaded.cache_clear()
    path = tmp_path / "iolint.toml"
    path.write_text('plan = "premium"\n', encoding="utf-8")
    advanced = {**PAYMENT, "feature_level_type": "ADVANCED"}
    linters = api._linter.cache_info().misses
    assert all(iolint.lint(advanced, now=NOW, config=path).ok for _ in range(5))
    assert len(reads) == 1 and api._linter.cache_info().misses == linters + 1
    monkeypatch.chdir(tmp_path)
    assert iolint.lint(advanced, now=NOW, config="iolint.toml").ok
    path.write_text('plan = "base"\n', encoding="utf-8")
    assert not iolint.lint(advanced, now=NOW, config=path).ok
    assert len(reads) == 3


def test_every_error_of_the_api_is_an_iolint_error(tmp_path):
    from iolint.config import load
    from iolint.ruleset import RulesetError
    from iolint.templates import RenderError

    assert issubclass(RulesetError, iolint.IolintError)
    assert issubclass(RenderError, iolint.IolintError)
    assert iolint.RenderError is RenderError and issubclass(iolint.MissingVariables, RenderError)
    assert issubclass(iolint.PreviewError, iolint.IolintError)
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules: [{code: XX001}]\n", encoding="utf-8")
    (tmp_path / "iolint.toml").write_text(f'rule-packs = ["{pack.name}"]\n', encoding="utf-8")
    with pytest.raises(iolint.IolintError):
        iolint.lint(PAYMENT, config=load(tmp_path / "iolint.toml"))
    (tmp_path / "iolint.toml").write_text("plan = [\n", encoding="utf-8")
    with pytest.raises(iolint.IolintError, match="invalid TOML"):
        load(tmp_path / "iolint.toml")
    with pytest.raises(iolint.IolintError, match="no model"):
        iolint.render("no-such-model/x", sample=True)
    with pytest.raises(iolint.IolintError):
        iolint.preview(tmp_path / "no-such-file.json")
    with pytest.raises(iolint.IolintError, match="data must map variable names"):
        iolint.render("tari/avviso-pagamento", ["not", "a", "mapping"])
    with pytest.raises(iolint.IolintError, match="no value for"):
        iolint.render("tari/avviso-pagamento", {})


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ((Path("avviso.io.yaml"),), "named as text"),
        ((None,), "named as text"),
        (("tari/avviso-pagamento", {1: 2}), "unknown variables 1"),
    ],
    ids=["a Path", "None", "a key that is no str"],
)
def test_render_with_what_it_cannot_use_is_an_iolint_error(args, says):
    """They were AttributeError ('PosixPath' object has no attribute 'partition') and TypeError
    (joining the unknown names)."""
    with pytest.raises(iolint.IolintError, match=says):
        iolint.render(*args, sample=True)


def test_a_render_error_masks_the_values_it_quotes():
    with pytest.raises(iolint.IolintError) as failed:
        iolint.render("tari/avviso-pagamento", {CF: 1}, sample=True)
    assert CF not in str(failed.value)


def test_help_explains_every_parameter():
    text = pydoc.render_doc(iolint.lint, renderer=pydoc.plaintext)
    for name in inspect.signature(iolint.lint).parameters:
        assert f"{name}:" in text, name
    for raised in ("InvalidPayload", "ConfigError", "InternalError"):
        assert raised in text


def test_the_package_says_it_is_typed():
    assert (Path(iolint.__file__).parent / "py.typed").is_file()


def test_an_invalid_argument_is_named_as_an_argument_of_the_api():
    with pytest.raises(iolint.ConfigError, match="invalid configuration in the arguments of iolint.lint"):
        iolint.lint(PAYMENT, plan="gold")


@given(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)),
    st.one_of(st.none(), st.timezones(), st.builds(timezone, st.timedeltas(timedelta(hours=-23), timedelta(hours=23)))),
)
@example(datetime(1, 1, 1, 1), timezone(timedelta(hours=5)))  # year 0 in UTC
@example(datetime(1, 1, 1, 23), None)
@example(datetime(9999, 12, 31, 23), None)  # year 10000 in Rome
@example(datetime(9999, 12, 31, 20), timezone(timedelta(hours=-5)))
def test_read_now_answers_as_clock_placed_does(moment, zone):
    """read_now's shortcut (no range check for years 2-9998 in a known zone) changes no answer."""
    from iolint import clock
    from iolint.api import read_now

    moment = moment.replace(tzinfo=zone)
    try:
        expected = clock.placed(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
    except ValueError:
        with pytest.raises(ConfigError):
            read_now(moment)
        return
    got = read_now(moment)
    assert got.replace(tzinfo=None) == expected.replace(tzinfo=None)
    assert got.tzinfo is expected.tzinfo and got.fold == expected.fold
