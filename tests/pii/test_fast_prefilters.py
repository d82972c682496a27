"""The code finders' pre-filters read facts the view computes once (its runs of digits, their
lengths, how many digits); the special-category finder's word lists are factored, and its
sentence searches skipped where their words cannot occur: each answers as its plain formulation
does, on generated text and on every title set."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from iolint.pii import codes, contacts, documents, reader
from iolint.pii.alike import _ZEROED_TEXT
from iolint.pii.codes import _FISCAL_CODE_LOWER, _VAT_CUE, _VAT_CUE_ANCHORS, IBAN
from iolint.pii.finders import _index, view
from iolint.pii.hits import lower_same_length
from iolint.pii.topics import _ANIMALS, _SENTENCE_WORDS, _in_sentence, about_animals
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
    + ["cane", "gatti", "veterinario", "Kriterien", "sperrung"]
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


def _sentence_checks_as_searched(text: str, lo: int, hi: int) -> None:
    # (``_in_sentence`` unremembered: the list without its words inside a word where their
    # stems are absent; ``about_animals``: the search only where an animal's stem occurs)
    low = text.lower()
    for words, pattern in _SENTENCE_WORDS.items():
        assert _in_sentence.__wrapped__(words, low, lo, hi) == (pattern.search(low, lo, hi) is not None), (words, text)
    assert about_animals(low, lo, hi) == (_ANIMALS.search(low, max(0, lo - 40), hi + 40) is not None), text


@settings(max_examples=300, deadline=None)
@given(st.one_of(_LIST_TEXTS.map("".join), _TEXTS), st.integers(0, 10), st.integers(0, 80))
def test_the_sentence_checks_answer_as_their_searches(text, lo, hi):
    _sentence_checks_as_searched(text, lo, hi)


def test_the_sentence_checks_answer_as_their_searches_on_every_title_set():
    for text in _ALL_TITLES + ["Vollsperrung der Straße", "Antragsformular: il tuo cane", "Kriterien", "gatti"]:
        for lo, hi in ((0, len(text)), (len(text) // 3, len(text) - 2)):
            _sentence_checks_as_searched(text, lo, hi)
    assert _in_sentence.__wrapped__("topic", "vollsperrung der straße", 0, 23)
    assert about_animals("vaccino per il tuo cane", 0, 7) and not about_animals("vaccino antinfluenzale", 0, 7)


def _sentence_as_first_written(text: str, at: int) -> tuple[int, int]:
    lo = start = max(0, at - reader._REACH)
    for m in reader._SENTENCE_END.finditer(text, lo, at):
        if reader._ends_sentence(text, m.start()):
            start = m.end()
    hi = min(len(text), at + reader._REACH)
    for m in reader._SENTENCE_END.finditer(text, at, hi):
        if reader._ends_sentence(text, m.start()):
            return start, m.end()
    return start, hi


def _addresses_reader_as_first_written(text: str, low: str, lo: int, hi: int) -> bool:
    if reader._CONDITIONAL.search(low, lo, hi) or reader._INVITATION.match(low, lo):
        return False
    for rx, seen in ((reader._RECIPIENT, low), (reader._GERMAN_YOU, text)):  # (German always searched)
        for m in rx.finditer(seen, lo, hi):
            if reader._HYPOTHETICAL.search(low, max(lo, m.start() - 6), m.start()):
                continue
            if m.group() in reader._HONORIFICS and reader._ARTICLE_BEFORE.search(
                low, max(lo, m.start() - 8), m.start()
            ):
                continue
            formula = reader._FORMULAS.get(m.group())
            if formula is not None and formula.match(low, m.end()):
                continue
            return True
    return False


def _reader_as_first_written(text: str, lo: int, hi: int) -> None:
    for at in range(0, len(text) + 1, max(1, len(text) // 7)):
        assert reader.sentence(text, at) == _sentence_as_first_written(text, at), (text, at)
    low = lower_same_length(text)
    assert reader.addresses_reader.__wrapped__(text, low, lo, hi) == _addresses_reader_as_first_written(
        text, low, lo, hi
    )


_READER_TEXTS = st.lists(
    st.sampled_from(["Ihr", "Ihnen", "Sie", "ihr", "sie", "Gentile", "tuo", "il dott.", "dott. ", "n. 12", "x", " "])
    | st.sampled_from([".", ". ", "!", "?", "\n", "Mario", "se sei", "puoi modificare", "Liebe", "Frau"]),
    max_size=14,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_READER_TEXTS, _TEXTS), st.integers(0, 10), st.integers(0, 80))
def test_the_sentence_and_the_reader_answer_as_first_written(text, lo, hi):
    _reader_as_first_written(text, lo, hi)


def test_the_sentence_and_the_reader_answer_as_first_written_on_every_title_set():
    for text in _ALL_TITLES + ["Ihr Termin ist bestätigt", "Können Sie uns anrufen? Danke.", "Il dott. Rossi. Tu"]:
        _reader_as_first_written(text, 0, len(text))
    assert reader.addresses_reader.__wrapped__("Ihr Befund", "ihr befund", 0, 10)
    assert reader.sentence("Oncologia: il dott. Rossi va in pensione", 30) == (0, 40)
