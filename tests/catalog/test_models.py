"""The frequent-service models: complete, clean under every rule, and rendered by API and CLI."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest
import yaml

import iolint
from iolint import catalog, inputs
from iolint import catalog_commands as catalog_cli
from iolint.config import Config
from iolint.engine import Linter
from iolint.finding import Severity
from iolint.templates import document

NOW = datetime(2026, 1, 1, tzinfo=UTC)
ROME = ZoneInfo("Europe/Rome")
RECIPIENT = "RSSMRA85T10A562S"
ARGOMENTI = {
    "Ambiente e animali",
    "Attività produttive e commercio",
    "Benessere sociale",
    "Casa e utenze",
    "Cultura, tempo libero e sport",
    "Educazione e formazione",
    "Giustizia e legge",
    "Lavori edilizi, catasto e urbanistica",
    "Mobilità e trasporti",
    "Redditi, patrimonio e fisco",
    "Salute",
    "Servizi anagrafici e civici",
    "Servizi elettorali",
    "Sicurezza e protezione civile",
    "Suolo, spazi e beni pubblici",
    "Viaggi e turismo",
    "Vita lavorativa",
}
MESSAGES = [m for model in catalog.models() for m in model.messages]


def features_of(message) -> list:
    return yaml.safe_load(message.path.read_text("utf-8")).get("features", [])


def linter_for(message) -> Linter:
    plan = "premium" if features_of(message) else "base"
    return Linter(Config().replace(plan=plan, features=features_of(message)), now=NOW)


def test_the_catalogue_is_complete():
    assert len(catalog.models()) >= 14
    for model in catalog.models():
        assert model.name and model.button and model.argomento in ARGOMENTI
        assert "Tramite IO potrai:" in model.description
        assert 2 <= len(model.messages) <= 5, model.id
        files = {p.name for p in (catalog.MODELS_DIR / model.id).glob("*.io.yaml")}
        assert files == {m.path.name for m in model.messages}, model.id
        for message in model.messages:
            assert message.name and message.when


@pytest.mark.parametrize("message", MESSAGES, ids=[m.ref for m in MESSAGES])
def test_every_variant_of_every_model_lints_without_errors(message):
    found = list(inputs.check_file(linter_for(message), message.path, message.ref))
    errors = [f"{f.location()} {f.code} {f.message} ({f.variant})" for f in found if f.severity >= Severity.WARNING]
    assert errors == []


@pytest.mark.parametrize("message", MESSAGES, ids=[m.ref for m in MESSAGES])
def test_every_model_renders_to_a_payload_without_errors(message):
    payload = {"fiscal_code": RECIPIENT, **catalog.render(message.ref, sample=True)}
    linter = linter_for(message)
    errors = [
        (rule.code, hit.message)
        for rule, hit in linter.check_payload(payload)
        if linter.gate.severity(rule) >= Severity.WARNING
    ]
    assert errors == []
    content = payload["content"]
    assert 10 <= len(content["subject"]) <= 120 and len(content["markdown"]) >= 80
    assert "http://" not in content["markdown"]
    if "due_date" in content:
        due = datetime.fromisoformat(content["due_date"].replace("Z", "+00:00")).astimezone(ROME)
        assert due.year >= 2031 and due.time() == time(23, 59, 59)
    if "payment_data" in content:
        assert "due_date" in content
        # the sending ente is the payee: IO fills it in, and an explicit payee needs a permission
        assert "payee" not in content["payment_data"]


@pytest.mark.parametrize("message", MESSAGES, ids=[m.ref for m in MESSAGES])
def test_buttons_come_in_both_languages(message):
    markdown = catalog.render(message.ref, sample=True)["content"]["markdown"]
    if markdown.startswith("---"):
        front = yaml.safe_load(markdown.split("---")[1])
        assert set(front) == {"it", "en"}
        assert front["it"]["cta_1"]["action"].startswith("iohandledlink://https://")


@pytest.mark.parametrize("message", MESSAGES, ids=[m.ref for m in MESSAGES])
def test_variables_are_documented(message):
    parsed = document.parse(message.path.read_text("utf-8"))
    assert not isinstance(parsed, list)
    for variable in parsed.variables.values():
        assert variable.description, f"{message.ref}: {variable.name} has no description"


def test_render_is_exported_from_iolint():
    payload = iolint.render("tari/avviso-pagamento", sample=True)
    assert payload["content"]["payment_data"]["amount"] == 18790


def test_data_overrides_samples():
    payload = catalog.render("tari/avviso-pagamento", {"rata": "prima rata", "importo": 9395}, sample=True)
    markdown = payload["content"]["markdown"]
    assert "**prima rata**" in markdown and "93,95 €" in markdown
    assert payload["content"]["payment_data"]["amount"] == 9395


def test_missing_variables_are_named():
    with pytest.raises(catalog.MissingVariables) as exc:
        catalog.render("residenza/richiesta-non-accolta", {"comune": "Esempio"})
    assert exc.value.names == ["motivo"]
    assert "residenza/richiesta-non-accolta" in str(exc.value) and "motivo" in str(exc.value)


def test_full_data_needs_no_samples():
    data = {"comune": "Esempio", "motivo": "la domanda è incompleta"}
    assert "la domanda è incompleta" in catalog.render("residenza/richiesta-non-accolta", data)["content"]["markdown"]


@pytest.mark.parametrize("ref", ["tari/nope", "nope/avviso-pagamento", "tari"])
def test_unknown_refs(ref):
    with pytest.raises(catalog.UnknownTemplate):
        catalog.render(ref, sample=True)
    with pytest.raises(LookupError):
        catalog.render(ref, sample=True)


def test_wrong_types_are_refused():
    with pytest.raises(catalog.RenderError, match="`importo` is not of type integer"):
        catalog.render("tari/avviso-pagamento", {"importo": "187,90"}, sample=True)


# -- the command line -----------------------------------------------------------------------


def test_register_adds_the_commands():
    top = argparse.ArgumentParser()
    catalog_cli.register(top.add_subparsers(dest="command"))
    args = top.parse_args(["render", "tari/avviso-pagamento", "--sample", "--fiscal-code", RECIPIENT])
    assert args.handler is catalog_cli.run_render and args.sample
    assert top.parse_args(["models", "--format", "json"]).handler is catalog_cli.run_models


@pytest.fixture
def cli(run_cli, monkeypatch):
    monkeypatch.setattr("iolint.cli.EXTENSIONS", ("iolint.catalog_commands",))
    return run_cli


def test_cli_models(cli):
    code, out, _ = cli("models")
    assert code == 0 and "tari/avviso-pagamento" in out and "Casa e utenze" in out
    code, out, _ = cli("models", "--format", "json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == len(catalog.models())
    assert listed[0]["messages"][0]["ref"].startswith(listed[0]["id"] + "/")


def test_cli_render_with_samples(cli):
    code, out, err = cli("render", "tari/avviso-pagamento", "--sample", "--fiscal-code", RECIPIENT.lower())
    assert (code, err) == (0, "")
    payload = json.loads(out)
    assert payload["fiscal_code"] == RECIPIENT and payload["content"]["payment_data"]["amount"] == 18790


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_cli_render_with_data(cli, tmp_path, suffix):
    data = {"comune": "Esempio", "motivo": "la domanda è incompleta"}
    path = tmp_path / f"dati{suffix}"
    path.write_text(
        json.dumps(data) if suffix == ".json" else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    code, out, _ = cli("render", "residenza/richiesta-non-accolta", "--data", path)
    assert code == 0 and "la domanda è incompleta" in json.loads(out)["content"]["markdown"]


def test_cli_yaml_dates_stay_text(cli, tmp_path):
    path = tmp_path / "dati.yaml"
    path.write_text("scadenza: 2032-01-31\n", encoding="utf-8")
    code, out, _ = cli("render", "tari/avviso-pagamento", "--data", path, "--sample")
    assert code == 0 and json.loads(out)["content"]["due_date"] == "2032-01-31T22:59:59Z"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "tari/avviso-pagamento"], "--data FILE, or use --sample"),
        (["render", "tari/nope", "--sample"], "no message 'tari/nope'"),
        (["render", "tari/avviso-pagamento", "--sample", "--fiscal-code", "XYZ"], "not a codice fiscale"),
        (["render", "tari/avviso-pagamento", "--data", "absent.json"], "cannot read the file"),
        (["render", "residenza/richiesta-non-accolta", "--data", "dati.json"], "no value for motivo"),
        (["render", "residenza/richiesta-non-accolta", "--data", "lista.json"], "mapping"),
        (["render", "residenza/richiesta-non-accolta", "--data", "rotto.json"], "invalid JSON"),
    ],
)
def test_cli_errors_exit_2(cli, tmp_path, args, message):
    (tmp_path / "dati.json").write_text('{"comune": "Esempio"}', encoding="utf-8")
    (tmp_path / "lista.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "rotto.json").write_text("{", encoding="utf-8")
    code, out, err = cli(*args)
    assert (code, out) == (2, "")
    assert err.startswith("iolint: ") and message in err


@pytest.mark.parametrize("text", [f"nome: !{RECIPIENT} Mario\n", f"nome: *{RECIPIENT}\n"])
def test_cli_a_data_file_it_cannot_read_is_reported_masked(cli, tmp_path, text):
    """The reader's message quotes a YAML tag or alias: citizens' data, printed as it was."""
    (tmp_path / "dati.yaml").write_text(text, encoding="utf-8")
    code, out, err = cli("render", "tari/avviso-pagamento", "--data", "dati.yaml", "--sample")
    assert (code, out) == (2, "") and err.startswith("iolint: dati.yaml:1: invalid YAML")
    assert RECIPIENT not in err


def test_cli_render_writes_a_lone_surrogate_of_the_data_as_an_escape(python, tmp_path):
    """JSON allows "\\ud800"; written raw, UTF-8 could not encode it: an internal error after half
    the payload was printed."""
    import subprocess

    (tmp_path / "dati.json").write_text('{"intestatario": "Mario \\ud800 Rossi"}', encoding="utf-8")
    argv = [python, "-m", "iolint", "render", "tari/avviso-pagamento", "--data", "dati.json", "--sample"]
    done = subprocess.run(argv, cwd=tmp_path, capture_output=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Mario \ud800 Rossi" in json.loads(done.stdout)["content"]["markdown"]


def test_cli_models_lists_a_messages_variables(cli, tmp_path):
    code, out, _ = cli("models", "tari/avviso-pagamento", "--format", "json")
    listed = json.loads(out)
    assert code == 0 and listed["ref"] == "tari/avviso-pagamento"
    importo = next(v for v in listed["variables"] if v["name"] == "importo")
    assert importo == {
        "name": "importo",
        "type": "integer",
        "description": "Importo in centesimi di euro",
        "sample": 18790,
        "samples": [],
        "required": True,
    }
    assert [v["name"] for v in listed["variables"]] == [
        "anno",
        "intestatario",
        "indirizzo_immobile",
        "rata",
        "importo",
        "scadenza",
        "numero_avviso",
        "link_info",
    ]
    code, out, _ = cli("models", "tari/avviso-pagamento")
    assert code == 0
    assert (
        "  importo             integer  required\n" in out
        and "Importo in centesimi di euro" in out
        and "sample: 18790" in out
    )
    assert 'samples: "rata unica", "prima rata", "seconda rata"' in out


def test_a_variable_with_a_default_is_optional(tmp_path, monkeypatch):
    from iolint.templates import PreparedTemplate

    path = tmp_path / "t.io.yaml"
    path.write_text(
        "subject: Il tuo appuntamento è confermato\nmarkdown: |\n  {{ saluto }} ti aspettiamo {{ giorno }} allo sportello anagrafe del comune, porta un documento.\n"
        "variables:\n  saluto: {sample: Ciao, default: Ciao}\n  giorno: {sample: lunedì, description: Il giorno}\n",
        "utf-8",
    )
    monkeypatch.setattr(catalog, "message", lambda ref: catalog.Message(ref, "x", "", (), path))
    assert [(v["name"], v["required"], v.get("default")) for v in catalog.variables("m/x")] == [
        ("saluto", False, "Ciao"),
        ("giorno", True, None),
    ]
    assert PreparedTemplate(path).variables["saluto"].has_default


def test_cli_models_of_one_model_and_unknown_refs(cli):
    code, out, _ = cli("models", "tari")
    assert code == 0 and out.startswith("tari  ") and "tari/avviso-pagamento" in out and "imu/" not in out
    assert cli("models", "tari/nope")[0] == 2
    assert cli("models", "nope")[0] == 2
