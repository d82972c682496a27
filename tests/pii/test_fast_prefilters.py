"""The code finders' pre-filters read facts the view computes once (its runs of digits, their
lengths, how many digits), and the special-category finder's word lists are factored: each
answers as its plain formulation does, on generated text and on every title set."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from iolint.pii import codes, contacts, documents
from iolint.pii.alike import _ZEROED_TEXT
from iolint.pii.codes import _FISCAL_CODE_LOWER, _VAT_CUE, _VAT_CUE_ANCHORS, IBAN
from iolint.pii.finders import _index, view
from iolint.pii.view import View
from iolint.pii.wordlists import _letter_first, alternation, factored_alternation, lines
from tests.pii.evaluate import SETS, load
from tests.pii.test_detectors import FIRES
from tests.pii.test_runtime import _TEXTS

_DIGIT = re.compile(r"\d")
_RUN = re.compile(r"\d+")
_ALL_TITLES = [item["t"] for path, _, _ in SETS.values() for item in load(path)] + [t for _, t, _ in FIRES]

# Digits of several scripts ("٣", "３"), runs of every length the pre-filters ask about, "_",
# "+", the letters of a fiscal code, an IBAN's parts and the cue words.
_DIGIT_TEXTS = st.one_of(
    st.text(alphabet="ab_ 0123\u0663\uff13+.-/", max_size=40),
    st.lists(
        st.sampled_from(
            ["0", "3", "12", "123", "12345", "1234567", "12345678901", " ", "_", "+39 ", "IT", "u1", "pass", "ident"]
            + ["IT60 ", "X054 ", "2811 1010 0000 0123 456", "DE89", "ı", "K", "İ", "a", "\n"]
            + ["P.IVA ", "iva", "RSSMRA85T10A562S", "rss mra 85t10 a562s", "_RSSMRA85T10A562S", "x", "é", "ſ", "\u0663"]
        ),
        max_size=10,
    ).map("".join),
    _TEXTS,
)


def _runs(text: str) -> list[str]:
    return _RUN.findall(text)


# The pre-filters as first written, on the text's runs of digits found afresh.
def _phone(text: str) -> bool:
    runs = _runs(text)
    return (any(run[0] in "03" for run in runs) or "+" in text) and sum(map(len, runs)) >= 6


def _vat(text: str, low: str) -> bool:
    runs = _runs(text)
    if any(len(run) == 11 for run in runs):
        return True
    if len(runs) < 2 or sum(map(len, runs)) < 11:
        return False
    return any(anchor in low for anchor in _VAT_CUE_ANCHORS) and _VAT_CUE.search(low) is not None


def _plate(text: str) -> bool:
    return any(len(run) == 3 for run in _runs(text))


def _document(text: str, low: str) -> bool:
    runs = _runs(text)
    if any(len(run) == 5 or len(run) >= 7 for run in runs) or "u1" in low or "pass" in low:
        return True
    return ("ident" in low or "document" in low or "ausweis" in low) and sum(map(len, runs)) >= 7


def _iban(text: str) -> bool:
    # (tried where a match can start: two letters, maybe a space, then a run of two digits or more)
    starts = [m.start() for m in _RUN.finditer(text) if len(m.group()) >= 2 and m.start() >= 2]
    return any(IBAN.match(text, at - 3 if text[at - 1] == " " else at - 2) for at in starts)


def _fiscal_code(text: str, low: str) -> bool:
    if not text.isascii() and ("ı" in low or "İ" in low or "ſ" in low):
        return True
    return _FISCAL_CODE_LOWER.search(low) is not None


def _facts(v: View) -> tuple:
    return v.digits, v.runs, v.run_starts, v.run_lengths, v.digit_count


def _answers_as_first_written(text: str) -> None:
    v = view(text)
    found = list(_RUN.finditer(text))
    runs = [m.group() for m in found]
    assert v.digits == (_DIGIT.search(text) is not None), text
    assert _facts(v)[1:] == (runs, [m.start() for m in found], {len(r) for r in runs}, sum(map(len, runs))), text
    low = v.low
    assert codes.may_be_fiscal_code(v, False) == _fiscal_code(text, low), text
    if not v.digits:
        return  # (the other pre-filters are asked of a text with a digit only)
    assert contacts.may_be_phone(v, False) == _phone(text), text
    assert codes.may_be_vat_code(v, False) == _vat(text, low), text
    assert documents.may_be_plate(v, False) == _plate(text), text
    assert documents.may_be_document(v, False) == _document(text, low), text
    assert codes.may_be_iban(v, False) == _iban(text) == (IBAN.search(text) is not None), text
    # A text alike but for its ASCII digits' values has the same facts from its model's.
    zeroed = text.translate(_ZEROED_TEXT)
    alike = View.alike(view(zeroed), text, _index(None), None)
    assert _facts(alike) == _facts(view(text)), text


@settings(max_examples=1000, deadline=None)
@given(_DIGIT_TEXTS)
def test_the_code_prefilters_answer_as_first_written(text):
    _answers_as_first_written(text)


def test_the_code_prefilters_answer_as_first_written_on_every_title_set():
    for text in _ALL_TITLES:
        _answers_as_first_written(text)


def test_the_code_prefilters_on_examples():
    assert not codes.may_be_fiscal_code(view("Avviso di pagamento"), False)
    for text in ("CF RSSMRA85T10A562S", "cf:rss mra 85t10 a562s", "x_RSSMRA85T10A562S", "éRSSMRA85T10A562S"):
        assert codes.may_be_fiscal_code(view(text), False), text
    assert not codes.may_be_fiscal_code(view("xRSSMRA85T10A562S"), False)  # inside a word
    v = view("Rata 2 di 123,45 € entro il 18/11/2026")
    assert (v.runs, v.run_starts, v.run_lengths, v.digit_count) == (
        ["2", "123", "45", "18", "11", "2026"],
        [5, 10, 14, 28, 31, 34],
        {1, 2, 3, 4},
        14,
    )
    assert documents.may_be_plate(v, False) and not documents.may_be_document(v, False)
    assert not contacts.may_be_phone(view("Rata 2 di 123,45 €"), False)
    assert codes.may_be_vat_code(view("P.IVA 177 21070583"), False)
    for text in (
        "IBAN IT60 X054 2811 1010 0000 0123 456",
        "IT60X0542811101000000123456",
        "de89 3704 0044 0532 0130 00",
    ):
        assert codes.may_be_iban(view(text), False), text
    for text in ("xIT60X0542811101000000123456", "I T60X0542811101000000123456", "IT60X054281110", "IT 2024: rate"):
        assert not codes.may_be_iban(view(text), False), text


# The word lists searched in a sentence (``topics``, ``reader``), factored for speed
# (``wordlists.factored_alternation``: leading groups spread, leading look-behinds moved after
# their letter, words holding a literal in one "\w*" alternation): as the plain alternation, on
# the lower-cased text, from a word start, between two bounds, as ``topics._lower`` has them.
_FACTORED = [("special", s) for s in ("topic", "outcome", "offer", "office before", "topic head", "group")] + [
    ("special", s) for s in ("union service", "religious thing", "civil matter", "judicial role", "recipient")
]
_LIST_WORDS = st.sampled_from(
    [w for _, s in _FACTORED for line in lines("special", s) for w in re.findall(r"[^\W\d_]{2,}", line)]
    + ["all'albo", "all’albo", "Straßensperrung", "Antragsformular", "ambulatorio trasferito", "ogni giorno il"]
)
_LIST_TEXTS = st.lists(st.one_of(_LIST_WORDS, st.sampled_from([" ", "  ", "'", "’", "x", ".", "\n", "-"])), max_size=12)


_PAIRS = [
    (
        section,
        re.compile(rf"\b(?:{alternation(name, section)})"),
        re.compile(rf"\b(?:{factored_alternation(name, section)})"),
    )
    for name, section in _FACTORED
]


def _lists_match_as_plain(low: str, lo: int, hi: int) -> None:
    for section, plain, factored in _PAIRS:
        assert (plain.search(low, lo, hi) is None) == (factored.search(low, lo, hi) is None), (section, low, lo, hi)


@settings(max_examples=300, deadline=None)
@given(_LIST_TEXTS.map("".join), st.integers(0, 10), st.integers(0, 80))
def test_the_factored_word_lists_match_as_the_plain_ones(text, lo, hi):
    _lists_match_as_plain(text.lower(), lo, hi)


def test_the_factored_word_lists_match_as_the_plain_ones_on_every_title_set():
    for text in _ALL_TITLES:
        low = text.lower()
        for lo, hi in ((0, len(low)), (len(low) // 3, len(low) - 2)):
            _lists_match_as_plain(low, lo, hi)


def test_the_factored_word_lists_on_examples():
    assert _letter_first("(?:ogni\\s+giorno|tutti\\s+i\\s+giorni)\\s+il") == [
        "ogni\\s+giorno\\s+il",
        "tutti\\s+i\\s+giorni\\s+il",
    ]
    assert _letter_first("(?<=all')albo\\b") == ["a(?<=all'a)lbo\\b"]
    assert _letter_first("(?:a|b)?c") == ["(?:a|b)?c"] and _letter_first("(?<=x)a?b") == ["(?<=x)a?b"]
    topic = re.compile(rf"\b(?:{factored_alternation('special', 'topic')})")
    assert topic.search("chiusura per vollsperrung") and topic.search("iscrizione all'albo")
    assert "\\w*(?:" in topic.pattern and "(?<=all'a)" in topic.pattern
