"""iolint's recognizers inside presidio: a team's own AnalyzerEngine, and a team's recognizers
inside iolint (configure / load_recognizer)."""

from __future__ import annotations

import pytest
from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry

from iolint.pii import configure, detect, load_recognizer
from iolint.pii.finders import FINDERS
from iolint.pii.recognizers import BlankSpacyNlpEngine, IolintRecognizer, build_analyzer, italian_recognizers
from tests.pii.team_recognizers import PraticaRecognizer
from tests.pii.test_evaluation import TITLES


@pytest.fixture(autouse=True)
def default_settings():
    configure()
    yield
    configure()


def _found(results, text):
    return {(r.entity_type, text[r.start : r.end]) for r in results}


def test_one_recognizer_per_detector_all_for_italian():
    recognizers = italian_recognizers()
    assert [r.name for r in recognizers] == [d.name for d in FINDERS]
    assert all(isinstance(r, IolintRecognizer) and r.supported_language == "it" for r in recognizers)
    assert {e for r in recognizers for e in r.supported_entities} == {e for d in FINDERS for e in d.entities}


def test_build_analyzer_finds_every_kind_offline():
    engine = build_analyzer()
    text = "Gentile Mario Rossi, CF RSSMRA85T10H501O, il referto della visita oncologica, ritiro in Via Roma 12"
    found = _found(engine.analyze(text=text, language="it"), text)
    assert {
        ("PERSON", "Mario Rossi"),
        ("IT_FISCAL_CODE", "RSSMRA85T10H501O"),
        ("HEALTH", "visita oncologica"),
        ("IT_ADDRESS", "Via Roma 12"),
    } <= found


def test_recognizers_in_a_teams_own_engine_next_to_presidio_stock_ones():
    registry = RecognizerRegistry(supported_languages=["it"])
    registry.load_predefined_recognizers(languages=["it"])
    for recognizer in italian_recognizers():
        registry.add_recognizer(recognizer)
    engine = AnalyzerEngine(registry=registry, nlp_engine=BlankSpacyNlpEngine(), supported_languages=["it"])
    text = "Ciao Giulia, il tuo IBAN IT60X0542811101000000123456 è registrato"
    found = _found(engine.analyze(text=text, language="it", score_threshold=0.5), text)
    assert ("PERSON", "Giulia") in found
    assert ("IBAN_CODE", "IT60X0542811101000000123456") in found


def test_blank_nlp_engine_keeps_context_boosting_alive():
    # A blank spaCy pipeline has empty lemmas; the engine uses the lower-cased token instead,
    # so presidio's context enhancer can raise a weak pattern next to its context word.
    weak = PatternRecognizer(
        supported_entity="IT_PRATICA",
        supported_language="it",
        patterns=[Pattern("pratica", r"\bPR-\d{6}\b", 0.3)],
        context=["pratica"],
    )
    engine = build_analyzer(extra_recognizers=[weak])
    with_context = engine.analyze(text="Pratica PR-123456 aperta", language="it", entities=["IT_PRATICA"])
    without = engine.analyze(text="Codice PR-123456 aperto", language="it", entities=["IT_PRATICA"])
    assert with_context[0].score > without[0].score == 0.3


def test_engine_path_agrees_with_direct_path_on_every_title():
    direct = {t["t"]: {(d.kind, d.start, d.end) for d in detect(t["t"])} for t in TITLES}
    configure(recognizers=[PraticaRecognizer()])  # a team recognizer sends every text through the engine
    via_engine = {t["t"]: {(d.kind, d.start, d.end) for d in detect(t["t"])} for t in TITLES}
    assert via_engine == direct


def test_configure_with_a_team_pattern_recognizer():
    text = "La pratica PR-123456 è chiusa"
    assert detect(text) == ()
    pratica = PatternRecognizer(
        supported_entity="IT_PRATICA", supported_language="it", patterns=[Pattern("pratica", r"\bPR-\d{6}\b", 0.8)]
    )
    configure(recognizers=[pratica])
    (d,) = detect(text)
    assert (d.kind, text[d.start : d.end], d.label, d.special) == ("IT_PRATICA", "PR-123456", "it pratica", False)
    configure()
    assert detect(text) == ()


@pytest.mark.parametrize("attr", ["PRATICA", "PraticaRecognizer", "recognizers"])
def test_load_recognizer_specs(attr):
    (recognizer,) = load_recognizer(f"tests.pii.team_recognizers:{attr}")
    assert recognizer.supported_entities == ["IT_PRATICA"]


def test_configure_accepts_specs():
    configure(recognizers=["tests.pii.team_recognizers:PRATICA"])
    assert [d.kind for d in detect("Pratica PR-654321")] == ["IT_PRATICA"]


@pytest.mark.parametrize(
    "spec, error",
    [
        ("tests.pii.team_recognizers", ValueError),
        ("tests.pii.team_recognizers:NOT_A_RECOGNIZER", TypeError),
        ("tests.pii.team_recognizers:MISSING", AttributeError),
        ("tests.pii.no_such_module:X", ModuleNotFoundError),
    ],
)
def test_load_recognizer_rejects_bad_specs(spec, error):
    with pytest.raises(error):
        load_recognizer(spec)
