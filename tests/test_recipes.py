"""The recipes of docs/ARCHITECTURE.md, done: a rule in a new family, a rule option, an output
format, a detector and an input kind, each added with the steps the document lists and nothing
else; and what is refused loudly (a rule without an implementation, a kind mismatch, a
misspelled option).

The new parts live in a temporary folder: the family's YAML beside copies of the built-in packs,
its binding module in a folder added to ``iolint.checks``'s search path, the rest in a module on
``sys.path``. Everything is put back afterwards.
"""

from __future__ import annotations

import json
import shutil
import sys
import textwrap

import pytest

import iolint.checks
from iolint import inputs, loaders, registry
from iolint.config import Config, ConfigError, Settings, load
from iolint.engine import Linter
from iolint.report import FORMATS
from iolint.ruleset import packs
from tests.conftest import ROOT

NOW = "2026-01-01T00:00:00Z"
FAMILY_YAML = """
family: emoji
rules:
  - code: IO990
    name: emoji-in-title
    severity: warning
    applies_to: [payload, template]
    summary: A title with more emoji than a lock screen shows well.
    what: |
      Emoji in `content.subject`, more than `max-emoji` of them.
    why: |
      The title is the push notification's text; a row of emoji reads as spam.
    fix: |
      Keep at most one emoji, or none.
    options:
      max-emoji:
        type: integer
        default: 1
        min: 0
        doc: How many emoji a title may hold.
    examples:
      bad:
        - payload: {fiscal_code: RSSMRA85T10A562S, content: {subject: "Mensa scolastica 🍎🍐🍊", markdown: "%(body)s"}}
      good:
        - payload: {fiscal_code: RSSMRA85T10A562S, content: {subject: "Mensa scolastica 🍎", markdown: "%(body)s"}}
""" % {
    "body": "Il menu della mensa scolastica di gennaio è pubblicato sul sito del comune, nella sezione dedicata alla scuola."
}
FAMILY_PY = """
from iolint.finding import Hit
from iolint.registry import payload_check


@payload_check("IO990", needs="subject")
def emoji_in_title(view, ctx, options):
    emoji = [c for c in view.subject if ord(c) >= 0x1F300]
    if len(emoji) > options["max-emoji"]:
        return [Hit("content.subject", f"{len(emoji)} emoji in the title")]
    return None
"""


def payload(subject: str) -> dict:
    body = "Il menu della mensa scolastica di gennaio è pubblicato sul sito del comune, nella sezione dedicata alla scuola."
    return {"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": subject, "markdown": body}}


@pytest.fixture
def catalogue(tmp_path, monkeypatch):
    """A writable catalogue (copies of rules/*.yaml) and a folder of binding modules searched
    as part of ``iolint.checks``; the registry and the catalogue are read afresh from them."""
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    modules = tmp_path / "checks"
    modules.mkdir()
    registry.load()  # the built-in bindings, before the registry is swapped for a copy
    monkeypatch.setattr(registry, "_bindings", dict(registry._bindings))
    monkeypatch.setattr(registry, "_codes", dict(registry._codes))
    monkeypatch.setattr(registry, "_loaded", False)
    monkeypatch.setattr(packs, "builtin_dir", lambda: rules)
    iolint.checks.__path__.append(str(modules))
    packs.builtin_rules.cache_clear()
    yield rules, modules
    iolint.checks.__path__.remove(str(modules))
    for name in [n for n in sys.modules if n.startswith("iolint.checks.") and n.rsplit(".", 1)[1] in {"emoji"}]:
        del sys.modules[name]
    packs.builtin_rules.cache_clear()


def add_family(catalogue, yaml_text=FAMILY_YAML, module=FAMILY_PY):
    rules, modules = catalogue
    (rules / "emoji.yaml").write_text(textwrap.dedent(yaml_text), "utf-8")
    if module is not None:
        (modules / "emoji.py").write_text(textwrap.dedent(module), "utf-8")


# -- a rule in a new family, with an option ------------------------------------------------------


def test_a_rule_in_a_new_family_runs_with_its_option(catalogue):
    add_family(catalogue)
    linter = Linter(Config(), now=None)
    codes = lambda subject: [rule.code for rule, _ in linter.check_payload(payload(subject))]  # noqa: E731
    assert "IO990" in codes("Mensa scolastica 🍎🍐🍊")
    assert "IO990" not in codes("Mensa scolastica 🍎")
    raised = Linter(Config(Settings.model_validate({"rules": {"emoji-in-title": {"max-emoji": 3}}})))
    assert "IO990" not in [rule.code for rule, _ in raised.check_payload(payload("Mensa scolastica 🍎🍐🍊"))]


def test_the_new_rule_is_documented_and_its_examples_hold(catalogue, run_cli, tmp_path):
    add_family(catalogue)
    code, out, _ = run_cli("explain", "IO990")
    assert code == 0 and "emoji-in-title" in out and "max-emoji" in out
    for verdict, wanted in (("bad", True), ("good", False)):
        example = next(r for r in packs.builtin_rules() if r.code == "IO990").examples[verdict][0]["payload"]
        file = tmp_path / f"{verdict}.json"
        file.write_text(json.dumps(example), "utf-8")
        code, out, _ = run_cli("check", str(file), "--no-cache", "--now", NOW, "--format", "json")
        assert ("IO990" in {f["code"] for f in json.loads(out)}) is wanted, verdict


def test_a_misspelled_option_of_the_new_rule_is_refused(catalogue):
    add_family(catalogue)
    with pytest.raises(ConfigError, match="did you mean `max-emoji`"):
        Linter(Config(Settings.model_validate({"rules": {"IO990": {"max-emojis": 3}}})))


# -- refused loudly ------------------------------------------------------------------------------


def test_a_rule_without_an_implementation_is_refused(catalogue):
    add_family(catalogue, module=None)
    with pytest.raises(registry.RegistryError, match="IO990 .* has no implementation"):
        Linter(Config())


def test_a_kind_mismatch_is_refused(catalogue):
    add_family(catalogue, FAMILY_YAML.replace("applies_to: [payload, template]", "applies_to: [batch]"))
    with pytest.raises(
        registry.RegistryError, match="IO990: applies_to is \\['batch'\\] but .*emoji_in_title is a payload check"
    ):
        Linter(Config())


def test_an_implementation_without_a_rule_is_refused(catalogue):
    add_family(catalogue, FAMILY_YAML.replace("IO990", "IO991"))
    with pytest.raises(
        registry.RegistryError, match="IO990 is implemented by .*emoji_in_title but no rule has that code"
    ):
        Linter(Config())


# -- an output format ----------------------------------------------------------------------------

CSV_REPORTER = """
import csv

from iolint.report import Reporter


class CsvReporter(Reporter):
    def start(self):
        self.rows = csv.writer(self.out)
        self.rows.writerow(["file", "line", "code", "message"])

    def add(self, finding):
        self.rows.writerow([finding.file, finding.line, finding.code, finding.message])
"""


def test_a_new_output_format(tmp_path, monkeypatch, run_cli):
    (tmp_path / "recipe_csv.py").write_text(CSV_REPORTER, "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(FORMATS, "csv", "recipe_csv:CsvReporter")
    file = tmp_path / "msg.json"
    file.write_text(json.dumps(payload("Gentile Mario Rossi, la mensa")), "utf-8")
    code, out, _ = run_cli("check", str(file), "--no-cache", "--now", NOW, "--format", "csv")
    rows = out.splitlines()
    assert code == 1 and rows[0] == "file,line,code,message"
    assert any(",IO501," in row for row in rows[1:])
    assert "Mario Rossi" not in out  # masked before any format sees it
    sys.modules.pop("recipe_csv", None)


# -- a detector ----------------------------------------------------------------------------------

RECOGNIZER = """
from presidio_analyzer import Pattern, PatternRecognizer

badge = PatternRecognizer(
    supported_entity="PERSON",
    supported_language="it",
    patterns=[Pattern("badge", r"\\bMATR-\\d{6}\\b", 0.9)],
)
"""


def test_a_detector_of_the_team(tmp_path, monkeypatch, run_cli):
    """A team's detector is a presidio recognizer named in the configuration; what it finds is
    reported and masked like iolint's own detections (iolint's own finders: docs/pii.md)."""
    (tmp_path / "recipe_badges.py").write_text(RECOGNIZER, "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "pyproject.toml").write_text('[tool.iolint.pii]\nrecognizers = ["recipe_badges:badge"]\n', "utf-8")
    file = tmp_path / "msg.json"
    file.write_text(json.dumps(payload("Tessera mensa MATR-123456 attivata")), "utf-8")
    code, out, _ = run_cli("check", str(file), "--no-cache", "--now", NOW, "--format", "json", cwd=tmp_path)
    found = [f for f in json.loads(out) if f["code"] == "IO501"]
    assert found and "MATR-123456" not in out
    config = load(tmp_path / "pyproject.toml")
    assert [d.kind for d in Linter(config).privacy.detect("Tessera MATR-123456")] == ["PERSON"]
    sys.modules.pop("recipe_badges", None)


# -- an input kind -------------------------------------------------------------------------------

TOML_READER = """
import tomllib

from iolint.loaders import Item, Problem, ProblemKind


def load_toml(text):
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        yield Problem(ProblemKind.SYNTAX, f"invalid TOML: {exc}", 1, 1)
        return
    yield Item(data, 1)
"""


def test_a_new_input_kind(tmp_path, monkeypatch, run_cli):
    (tmp_path / "recipe_toml.py").write_text(TOML_READER, "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import recipe_toml

    monkeypatch.setitem(loaders.PAYLOAD_SUFFIXES, ".toml", "toml")
    monkeypatch.setitem(inputs.READERS, "toml", recipe_toml.load_toml)
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(
        'fiscal_code = "RSSMRA85T10A562S"\n[content]\nsubject = "Gentile Mario Rossi, la mensa"\n'
        f'markdown = "{payload("x")["content"]["markdown"]}"\n',
        "utf-8",
    )
    bad.write_text("fiscal_code = \n", "utf-8")
    code, out, _ = run_cli("check", str(good), str(bad), "--no-cache", "--now", NOW, "--format", "json")
    found = {(f["file"].rsplit("/", 1)[-1], f["code"]) for f in json.loads(out)}
    assert ("good.toml", "IO501") in found and ("bad.toml", "IO002") in found
    sys.modules.pop("recipe_toml", None)
