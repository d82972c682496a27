"""detect(): lazy presidio, memo, allow list, robustness, no network, bounded time."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import iolint.pii as pii
from iolint.pii import configure, detect
from iolint.pii.finders import FINDERS, candidates, view
from tests.pii.test_detectors import FIRES
from tests.pii.test_evaluation import TITLES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def default_settings():
    configure()
    yield
    configure()


def _run(code: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_clean_titles_never_import_presidio_or_spacy():
    result = _run("""
        import json, sys
        from iolint.pii import detect
        titles = ["Hai un nuovo avviso di pagamento", "Il tuo appuntamento", "Ritiro rifiuti ingombranti",
                  "Scadenza Carta d'Identità", "Mensa scolastica: nuovo avviso"]
        found = [detect(t) for t in titles]
        print(json.dumps({"found": [list(f) for f in found],
                          "presidio": "presidio_analyzer" in sys.modules, "spacy": "spacy" in sys.modules}))
    """)
    assert result == {"found": [[]] * 5, "presidio": False, "spacy": False}


def test_presidio_only_for_a_teams_recognizers():
    # iolint's detectors run directly; presidio is imported only for a team's own recognizers.
    result = _run("""
        import json, sys
        from iolint.pii import configure, detect
        kinds = [d.kind for d in detect("Il tuo codice fiscale è RSSMRA85T10H501O")]
        before = "presidio_analyzer" in sys.modules or "spacy" in sys.modules
        configure(recognizers=["tests.pii.team_recognizers:PRATICA"])
        team = [d.kind for d in detect("Pratica PR-123456 per RSSMRA85T10H501O")]
        print(json.dumps({"kinds": kinds, "before": before, "team": team,
                          "after": "presidio_analyzer" in sys.modules}))
    """)
    assert result == {
        "kinds": ["IT_FISCAL_CODE"],
        "before": False,
        "team": ["IT_PRATICA", "IT_FISCAL_CODE"],
        "after": True,
    }


def test_no_network_access():
    result = _run("""
        import json, socket
        def refuse(*args, **kwargs):
            raise OSError("network access attempted")
        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from iolint.pii import configure, detect
        text = "Gentile Mario Rossi, scrivi a mario.rossi@example.it: referto oncologico per RSSMRA85T10H501O"
        direct = sorted(d.kind for d in detect(text))
        configure(recognizers=["tests.pii.team_recognizers:PRATICA"])  # the AnalyzerEngine path
        engine = sorted(d.kind for d in detect(text + " PR-123456"))
        print(json.dumps({"direct": direct, "engine": engine}))
    """)
    expected = ["EMAIL_ADDRESS", "HEALTH", "IT_FISCAL_CODE", "PERSON"]
    assert result == {"direct": expected, "engine": sorted([*expected, "IT_PRATICA"])}


def test_memo_returns_the_same_result_object():
    text = "Gentile Anna Bianchi, il tuo IBAN IT60X0542811101000000123456"
    first = detect(text)
    assert detect(text) is first
    configure()  # clears the memo
    again = detect(text)
    assert again == first and again is not first


def test_texts_longer_than_a_body_and_long_words_are_not_kept():
    """A hostile batch of megabyte titles was kept whole by the memo and, word by word, by the
    name pre-filter's word classes: 596 MB resident for a 180 MB file (421 MB now)."""
    from iolint.pii.detector import MEMO_MAX_CHARS, Detector
    from iolint.pii.names import gate

    detector = Detector()
    at_limit = "Gentile Anna Bianchi, " + "x" * (MEMO_MAX_CHARS - 22)
    over = "Gentile Anna Bianchi, " + "y" * (MEMO_MAX_CHARS * 3)
    found = [detector.detect(at_limit), detector.detect(over), detector.detect(over)]
    assert all([(d.kind, d.start, d.end) for d in f] == [("PERSON", 8, 20)] for f in found)
    assert detector._memo.cache_info().currsize == 1
    long_word = "Avviso " + "Z" * 100_000
    assert gate.heard_words(long_word) == gate.heard_words(long_word)
    assert max(len(word) for word in gate._CLASSES) <= 64


def test_allow_list_drops_spans_and_spans_inside_allowed_phrases():
    text = "Azienda Speciale Giuseppe Verdi: avviso per Luca Esposito"
    assert [text[d.start : d.end] for d in detect(text)] == ["Giuseppe Verdi", "Luca Esposito"]
    configure(allow=["azienda speciale giuseppe verdi"])
    assert [text[d.start : d.end] for d in detect(text)] == ["Luca Esposito"]
    configure(allow=["LUCA ESPOSITO"])
    assert [text[d.start : d.end] for d in detect(text)] == ["Giuseppe Verdi"]


def test_empty_text():
    assert detect("") == ()


_FRAGMENTS = st.sampled_from(
    [t["t"] for t in TITLES]
    + [
        "Gentile ",
        "Sig.ra ",
        "Mario ",
        "Rossi",
        "Via ",
        "12",
        " n. ",
        "nato il ",
        "12/03/1985",
        "@",
        ".it",
        "RSSMRA85T10H501O",
        "IT60 X054 2811 1010 0000 0123 456",
        "P.IVA 073 485 200 11",
        "partita ",
        "+39 ",
        "333 123 4567",
        "referto",
        ", ",
        "ÀÉÎ",
        "İ",
        "ß",
        "\n",
        "\t",
        "'",
        "’",
        "D'",
        "De ",
        "San ",
        "Comune di ",
        "Dott.",
        "U1A23B456C",
        # what the name pre-filter reasons about: particles, clause openers, honorees, initials
        "Jan van der Berg",
        "Xyzabc ",
        "Fall",
        "Mostra: ",
        " – ",
        "B. ",
        " T.",
        "Grazie ",
        "assegnato ",
        "Day",
        " II",
        "dell'",
        "IBAN ",
        "IT60 X054 2811 1010 0000 0123 456",
        "ſ",
        "ı",
        "pass",
        "tassa ",
        "passport ",
        "Concerto per ",
        "Teatro ",
        "Scuola ",
        "mario ",
        "de ",
    ]
)
_TEXTS = st.one_of(st.text(max_size=300), st.lists(_FRAGMENTS, max_size=12).map("".join))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_detect_never_raises_and_spans_stay_inside(text):
    for d in detect(text):
        assert 0 <= d.start < d.end <= len(text)
        assert d.score >= 0.5 and d.label


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_prefilter_never_hides_a_detection(text):
    named = candidates(text)
    for detector in FINDERS:
        if detector.find(text):
            assert detector in named, detector.name


def test_prefilter_never_hides_a_detection_on_titles():
    """On every labelled title and every detector's own examples (tests/pii/test_detectors.py)."""
    for text in [item["t"] for item in TITLES] + [text for _, text, _ in FIRES]:
        named = candidates(text)
        for detector in FINDERS:
            if detector.find(text):
                assert detector in named, (detector.name, text)


_SCANNING = [f for f in FINDERS if f.scan is not None]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_a_finders_scan_of_a_view_finds_what_its_find_does(text):
    """``scan`` (what ``detect`` runs, sharing one view) and ``find`` (presidio's wrappers, ``find_all``)."""
    for finder in _SCANNING:
        assert finder.scan(view(text)) == finder.find(text), finder.name


def test_a_finders_scan_of_a_view_finds_what_its_find_does_on_titles():
    for item in TITLES:
        for finder in _SCANNING:
            assert finder.scan(view(item["t"])) == finder.find(item["t"]), (finder.name, item["t"])


_ADVERSARIAL = {
    "a": "a" * 100_000,
    "A": "A" * 100_000,
    "digits": "1" * 100_000,
    "threes": "3" * 100_000,
    "spaced digits": "3 " * 50_000,
    "dots": "1." * 50_000,
    "Via": "Via " * 25_000,
    "at": "@" * 100_000,
    "a@": "a@" * 50_000,
    "a.": "a." * 50_000,
    "names": "Mario " * 16_667,
    "greetings": "Gentile Mario Rossi " * 5_000,
    "iban groups": "IT60 " * 20_000,
    "codes": "RSSMRA85T10H501 " * 6_250,
    "cues": "nato il 12/03/ " * 7_000,
    "stems": "visita esito tampone " * 5_000,
    "terms of two kinds": "Il tuo tampone: dirigente RSA sindacale. " * 2_500,
    "mixed": ("Via Roma 12 @ 333 123 4567 Sig. Rossi referto AB123CD 1.234,56 " * 1_600)[:100_000],
}


@pytest.mark.parametrize("name", sorted(_ADVERSARIAL))
def test_adversarial_input_finishes_quickly(name):
    text = _ADVERSARIAL[name]
    candidates(text)
    for detector in FINDERS:
        started = time.perf_counter()
        detector.find(text)
        assert time.perf_counter() - started < 2.0, detector.name
    started = time.perf_counter()
    detect(text)
    assert time.perf_counter() - started < 2.0 * len(FINDERS)


def test_show_values_unmasks_only_on_request():
    assert pii.mask("RSSMRA85T10H501O") != "RSSMRA85T10H501O"
    pii.show_values(True)
    try:
        assert pii.mask("RSSMRA85T10H501O") == "RSSMRA85T10H501O"
    finally:
        pii.show_values(False)
