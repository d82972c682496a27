"""The Detector API: settings and memo per instance, the thin module-level wrappers, a pure mask,
and a finder table that refuses an incomplete entry at import time."""

from __future__ import annotations

import threading

import pytest

import iolint.pii as pii
from iolint.pii import Detector, configure, detect, mask
from iolint.pii.finders import FINDERS, Finder, _check
from iolint.pii.hits import Hit

TEXT = "Azienda Speciale Giuseppe Verdi: avviso per Luca Esposito"


@pytest.fixture(autouse=True)
def default_settings():
    configure()
    pii.show_values(False)
    yield
    configure()
    pii.show_values(False)


def values(found, text=TEXT):
    return [text[d.start : d.end] for d in found]


def test_each_detector_has_its_own_allow_list_and_memo():
    plain, allowing = Detector(), Detector(allow=["luca esposito"])
    assert values(plain.detect(TEXT)) == ["Giuseppe Verdi", "Luca Esposito"]
    assert values(allowing.detect(TEXT)) == ["Giuseppe Verdi"]
    assert plain.detect(TEXT) is plain.detect(TEXT)  # memoized
    assert plain.detect(TEXT) is not Detector().detect(TEXT)  # not shared between detectors
    plain.clear()
    assert plain.detect(TEXT) == Detector().detect(TEXT)


def test_module_functions_wrap_the_default_detector():
    assert detect(TEXT) == pii.default_detector().detect(TEXT)
    configure(allow=["giuseppe verdi"])
    assert values(detect(TEXT)) == ["Luca Esposito"]
    assert pii.default_detector().allow == ("giuseppe verdi",)
    configure()
    assert values(detect(TEXT)) == ["Giuseppe Verdi", "Luca Esposito"]


def test_entities_limit_the_kinds():
    text = "Gentile Mario Rossi, il tuo codice fiscale RSSMRA85T10H501O"
    assert [d.kind for d in Detector().detect(text, ["IT_FISCAL_CODE"])] == ["IT_FISCAL_CODE"]


def test_detectors_in_threads_keep_their_settings():
    results = {}

    def run(name, allow):
        detector = Detector(allow=allow)
        results[name] = [values(detector.detect(TEXT)) for _ in range(50)]

    threads = [threading.Thread(target=run, args=(n, a)) for n, a in (("a", ()), ("b", ["luca esposito"]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(map(tuple, results["a"])) == {("Giuseppe Verdi", "Luca Esposito")}
    assert set(map(tuple, results["b"])) == {("Giuseppe Verdi",)}


def test_mask_is_pure_with_show_given():
    assert mask("RSSMRA85T10H501O", show=False) == "RSS*********501O"
    assert mask("RSSMRA85T10H501O", show=True) == "RSSMRA85T10H501O"
    pii.show_values(True)  # the default detector's setting does not change an explicit call
    assert mask("RSSMRA85T10H501O", show=False) == "RSS*********501O"
    assert mask("RSSMRA85T10H501O") == "RSSMRA85T10H501O"  # the wrapper follows show_values
    assert Detector().mask("RSSMRA85T10H501O") == "RSS*********501O"
    assert Detector(show_values=True).mask("RSSMRA85T10H501O") == "RSSMRA85T10H501O"


def test_configure_keeps_show_values():
    pii.show_values(True)
    configure(allow=["x"])
    assert pii.default_detector().show_values


def _finder(**changes) -> Finder:
    return FINDERS[0]._replace(**changes)


@pytest.mark.parametrize(
    "broken, error",
    [
        ((_finder(), _finder()), ValueError),  # two finders with one name
        ((_finder(entities=("NOT_A_KIND",)),), ValueError),  # a kind with no label or flags
        ((_finder(entities=()),), ValueError),
        ((_finder(find=None),), TypeError),
        ((_finder(maybe="not a function"),), TypeError),
    ],
)
def test_an_incomplete_finder_fails_at_import(broken, error):
    with pytest.raises(error):
        _check(broken)


def test_a_new_finder_is_one_entry(monkeypatch):
    """A finder added to FINDERS is run by detect() and wrapped by a presidio recognizer, with
    no other code: the recipe in docs/pii.md."""
    import iolint.pii.finders as finders
    from iolint.pii.recognizers import italian_recognizers

    def find_codes(text: str) -> list[Hit]:
        at = text.find("PRATICA-42")
        return [Hit("IT_FISCAL_CODE", at, at + 10, 1.0)] if at >= 0 else []

    extra = Finder("IolintPraticaRecognizer", ("IT_FISCAL_CODE",), find_codes)
    _check((*FINDERS, extra))
    monkeypatch.setattr(finders, "FINDERS", (*FINDERS, extra))
    monkeypatch.setattr(finders, "_PLAN", finders._plan(finders.FINDERS))
    finders._index.cache_clear()
    try:
        assert [d.kind for d in Detector().detect("Pratica PRATICA-42 chiusa")] == ["IT_FISCAL_CODE"]
        recognizer = {r.name: r for r in italian_recognizers()}["IolintPraticaRecognizer"]
        assert [(r.start, r.end) for r in recognizer.analyze("Pratica PRATICA-42 chiusa", None)] == [(8, 18)]
    finally:
        finders._index.cache_clear()
