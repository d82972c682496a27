"""Shortcuts of personal-data detection give what the slow way gives: each is checked against
the plain computation on generated text (the name finder's also on the development titles)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from iolint.pii.cues import alternatives, matches_at
from iolint.pii.documents import TWO_LETTERS_SEVEN_DIGITS, seven_in_groups
from iolint.pii.finders import FINDERS, candidates, scan, view
from iolint.pii.hits import lower_same_length
from iolint.pii.namedata import FIRST, ITALIAN, SURNAME, WORD, table
from iolint.pii.names import names_in
from iolint.pii.names.context import WORD_BEFORE, _kind, _words
from iolint.pii.names.cued import ANY_CUE, CUE_PATTERNS, IGNORECASE_ONLY, cue_matches, cue_may_start
from iolint.pii.names.gate import (
    CLAUSE_WORD_COMMA,
    LETTER_SLASH,
    LIVE,
    LOWER_FIRST,
    SHORT,
    SLASH_PAIR,
    blocks_may_name,
    heard_words,
)
from iolint.pii.names.gazetteer import INITIAL_AFTER, INITIAL_FIRST
from iolint.pii.names.info import CLEAR, COUNTS, NAME_FLAGS, SHORT_CAPS, short_caps, word_info
from iolint.pii.names.positions import CLAUSE_START, OF_NAME, OF_WORDS
from iolint.pii.names.vocabulary import CAP_WORD, CAPITAL_LETTER, CAPITALISED, NAME_TOKEN
from iolint.pii.names.words import NameText, counts_here, flags_of, is_clear, lower_pair
from iolint.pii.reader import _CONDITIONAL, _GERMAN_YOU, addresses_reader
from iolint.pii.topics import _SENTENCE_WORDS, _in_sentence
from iolint.pii.view import DIGITS
from iolint.pii.wordlists import lines
from iolint.privacy import body_entities
from tests.pii.test_detectors import FIRES
from tests.pii.test_evaluation import TITLES
from tests.pii.test_runtime import _TEXTS

CUE_SECTIONS = ("titles", "greetings", "relations")
# Text made of the name finder's cue words (as its patterns match them, in any case), with
# what may stand around them: letters, digits, dots, apostrophes, spaces, punctuation.
_CUE_WORDS = st.one_of(
    *(st.from_regex(re.compile(line), fullmatch=True) for s in CUE_SECTIONS for line in lines("names", s))
).flatmap(lambda w: st.sampled_from([w, w.upper(), w.capitalize()]))
_AROUND = st.sampled_from([" ", "  ", "\t", ",", "!", ".", "'", "x", "Mario", "3", "_", "-", "\u00a0", "é", ""])
_CUED_TEXTS = st.lists(st.one_of(_CUE_WORDS, _AROUND), max_size=14).map("".join)


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


def _cue_matches_at_view_places(text: str) -> list[re.Match[str]]:
    v = view(text)
    return cue_matches(NameText(v.text, v.low, True, v.cue_starts))  # cued: the places are tried


def test_every_cue_pattern_starts_with_its_stem():
    # What makes the automaton's places enough: no entry is an alternation of its own, so every
    # match of ``ANY_CUE`` starts with the literal stem of an entry (``cued.CUES``).
    for section in CUE_SECTIONS:
        for line in lines("names", section):
            assert len(alternatives(line)) == 1, (section, line)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_CUED_TEXTS, _TEXTS))
def test_cue_patterns_tried_at_the_automatons_places_match_as_a_search_of_the_text(text):
    v = view(text)
    assert _spans(_cue_matches_at_view_places(text)) == _spans(list(ANY_CUE.finditer(v.low)))


def test_cue_patterns_tried_at_the_automatons_places_on_titles():
    for item in TITLES:
        v = view(item["t"])
        assert _spans(_cue_matches_at_view_places(item["t"])) == _spans(list(ANY_CUE.finditer(v.low))), item["t"]


def test_cue_matches_at_the_places_on_examples():
    text = "Gentile Sig.ra Rossi, grazie Dott. Bianchi e saluti a Gentile Mario; gentilezza, sig"
    found = _cue_matches_at_view_places(text)
    assert [m.group().strip() for m in found] == ["gentile", "sig.ra", "grazie", "dott.", "gentile"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ", max_size=30), st.lists(st.integers(0, 30), max_size=30))
def test_matches_at_is_finditer_when_the_places_hold_every_start(text, extra):
    # Overlapping candidates ("abab" and the "ab" inside it): a match inside an earlier one is
    # skipped, as finditer skips it; places out of order, beyond the text or repeated change nothing.
    pattern = re.compile(r"abab|ab ?")
    starts = extra + [m.start() for m in re.finditer("(?=ab)", text)][::-1]
    assert _spans(matches_at(pattern, text, starts)) == _spans(list(pattern.finditer(text)))


_SENTENCES = st.sampled_from(
    ["Il tuo referto oncologico", "Il referto oncologico", "Your dialysis", "La dialisi", "Prenota la visita"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_TEXTS, _SENTENCES), min_size=1, max_size=6), st.integers(0, 40), st.integers(0, 80))
def test_the_sentence_memos_answer_as_the_searches_do(texts, lo, hi):
    # Several texts asked about with the same bounds, each twice: a memo answers for its own
    # text and bounds only.
    for text in texts + texts:
        low = text.lower()
        assert addresses_reader(text, low, lo, hi) == addresses_reader.__wrapped__(text, low, lo, hi)
        for name, words in _SENTENCE_WORDS.items():
            assert _in_sentence(name, low, lo, hi) == (words.search(low, lo, hi) is not None)


def test_the_sentence_memos_tell_texts_with_the_same_bounds_apart():
    for _ in range(2):
        assert addresses_reader("Il tuo referto", "il tuo referto", 0, 14)
        assert not addresses_reader("Il suo referto", "il suo referto", 0, 14)
        assert _in_sentence("outcome", "referto disponibile", 0, 19) == (
            _SENTENCE_WORDS["outcome"].search("referto disponibile") is not None
        )


# The reader's patterns as first written, a word-start test before the words; the module's put
# each word's first letter first, so that a search skips to it (``reader._GERMAN_YOU``).
_WORD_START_PATTERNS = [
    (_GERMAN_YOU, re.compile(r"(?<![^\W\d_])(?:Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihnen|Sie)(?![^\W\d_])")),
    (_CONDITIONAL, re.compile(r"\b(?:se\s+(?:sei|hai|tu|il\s+tuo|la\s+tua)|if\s+you|wenn\s+(?:sie|du)|falls\s+sie)\b")),
]
_READER_WORDS = st.lists(
    st.sampled_from(["Ihr", "Ihre", "Ihren", "Ihnen", "Sie", "ihr", "se", "sei", "if", "you", "wenn", "sie", "du"])
    | st.sampled_from(["falls", "il", "tuo", "la", "tua", "hai", "tu", "x", "3", "_", "é", "S", "I", "'"])
    | st.sampled_from([" ", "  ", "\n", ".", ",", "-", "\u00a0", ""]),
    max_size=12,
).map("".join)


# Each word inside another and at a word start, at the text's start and after a position.
_READER_EXAMPLES = "se sei|case sei|if you|motif you|wenn sie|Dawenn du|falls sie|Nfalls sie|Ihr Sie|DieIhr WSie Ihnen"


def _readers_patterns_match_as_first_written(text: str, lo: int, hi: int) -> None:
    for fast, plain in _WORD_START_PATTERNS:
        for seen in (text, text.lower()):
            spans = [m.span() for m in fast.finditer(seen, lo, hi)]
            assert spans == [m.span() for m in plain.finditer(seen, lo, hi)], (fast.pattern, seen)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_READER_WORDS, _TEXTS), st.integers(0, 20), st.integers(0, 80))
def test_the_readers_patterns_match_as_first_written(text, lo, hi):
    _readers_patterns_match_as_first_written(text, lo, hi)


def test_the_readers_patterns_match_as_first_written_on_examples():
    for text in _READER_EXAMPLES.split("|"):
        for lo in range(3):
            _readers_patterns_match_as_first_written(text, lo, len(text))


_NAMES_BIT = 1 << [f.scan for f in FINDERS].index(names_in)


def _cue_patterns_start_at_the_cue_places(text: str) -> None:
    # ``cued.cue_may_start`` lets the cue patterns be tried only where the automaton found a stem.
    v = view(text)
    t = NameText(v.text, v.low, bool(v.cued & _NAMES_BIT), v.cue_starts)  # as ``names.maybe`` makes it
    for at in range(len(text)):
        if any(rx.match(text, at) for rx, _, _ in CUE_PATTERNS):
            assert cue_may_start(t, at), (text, at)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_CUED_TEXTS, _CUED_TEXTS.map(lambda t: t.replace("i", "ı")), _TEXTS))
def test_cue_patterns_match_only_where_the_cue_places_are(text):
    _cue_patterns_start_at_the_cue_places(text)


def test_cue_patterns_match_only_where_the_cue_places_are_on_titles():
    for item in TITLES:
        _cue_patterns_start_at_the_cue_places(item["t"])
    for text in ("Gentile Sıg. Rossi", "Gentile ſig.ra Rossi", "İntestato a Rossi", "Gentile Sig. Rossi"):
        _cue_patterns_start_at_the_cue_places(text)


def test_only_the_listed_characters_match_a_cue_letter_that_the_lower_cased_text_lacks():
    # Every character that the case-insensitive cue patterns match to a letter of a cue word,
    # where ``lower_same_length`` writes another, is one that ``cue_may_start`` leaves to them.
    letters = {c for s in CUE_SECTIONS for line in lines("names", s) for c in line.lower() if c.isalpha()}
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in letters:
        for c in set(re.findall(re.escape(letter), every, re.IGNORECASE)):
            assert lower_same_length(c) == letter or c in IGNORECASE_ONLY, (letter, c)


# A body is read for its kinds only (``finders._index(entities)``); also single kinds, the name
# finder's (whose cue places the view records) and two finders sharing a cue automaton.
_KIND_SETS = [
    body_entities(),
    frozenset({"HEALTH"}),
    frozenset({"PERSON"}),
    frozenset({"IT_ADDRESS", "DATE_OF_BIRTH"}),
    frozenset({"EMAIL_ADDRESS", "IBAN_CODE"}),
    frozenset({"IT_FISCAL_CODE"}),  # (finders with no cue words: an empty automaton)
]


def _scan_of_the_full_view(text: str, entities: frozenset[str]) -> list:
    v = view(text)  # read for every finder's cue words
    hits = []
    for finder in candidates(v, entities):
        hits += finder.scan(v) if finder.scan is not None else finder.find(text)
    return hits


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_a_view_for_some_kinds_finds_what_the_view_for_all_finds(text):
    for entities in _KIND_SETS:
        assert scan(text, entities) == _scan_of_the_full_view(text, entities), entities


def test_a_view_for_some_kinds_finds_what_the_view_for_all_finds_on_titles():
    texts = [item["t"] for item in TITLES] + [text for _, text, _ in FIRES]
    body = "\n\n".join(texts)  # one long body holding every term and cue
    for text in [*texts, body]:
        for entities in _KIND_SETS:
            assert scan(text, entities) == _scan_of_the_full_view(text, entities), (entities, text)
    assert any(scan(text, body_entities()) for text in texts)  # (the comparison is not of empty lists)
    assert len(FINDERS) > len([f for f in FINDERS if not body_entities().isdisjoint(f.entities)])


# Letters, digits and what stands between the groups of a document's number, a date, an amount.
_DOCUMENT_TEXTS = st.one_of(
    st.text(alphabet="AYby 0123456789./,-\u0663", max_size=40),
    st.lists(
        st.sampled_from(["YA", "ab", " ", "  ", "1", "12", "123", "1234", "4567", "1234567", "12345678", "/", "."])
    ).map("".join),
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_DOCUMENT_TEXTS, _TEXTS))
def test_seven_digits_in_groups_is_needed_by_every_two_letters_seven_digits_number(text):
    found = list(DIGITS.finditer(text))
    if TWO_LETTERS_SEVEN_DIGITS.search(text):
        assert seven_in_groups(text, [m.group() for m in found], [m.start() for m in found])


def test_seven_digits_in_groups_on_examples():
    def seven(text):
        found = list(DIGITS.finditer(text))
        return seven_in_groups(text, [m.group() for m in found], [m.start() for m in found])

    assert seven("passaporto YC 1184 592") and seven("YA1234567") and seven("n. 1 2 3 4 5 6 7")
    assert not seven("1.123,73 € entro il 18/11/2026") and not seven("12345678") and not seven("1184  592")


# What the name pre-filter's words test reads: names of every kind in the name data (first names
# and surnames, words or not, Italian or not), unknown and ordinary words, acronyms, particles and
# what joins or splits words (apostrophes, hyphens, accents, digits, spaces, punctuation).
def _sample_names(test, count=6):
    keys = sorted(k for k, f in table().items() if test(f))
    return keys[:: max(1, len(keys) // count)][:count]


_NAME_KEYS = [
    key
    for test in (
        lambda f: f & FIRST and not f & WORD,
        lambda f: f & SURNAME and not f & (WORD | FIRST),
        lambda f: f & FIRST and f & WORD,
        lambda f: f & SURNAME and f & WORD and f & ITALIAN and not f & FIRST,
        lambda f: f & SURNAME and f & WORD and not f & (ITALIAN | FIRST),
    )
    for key in _sample_names(test)
]
_NAME_WORDS = st.one_of(
    st.sampled_from(
        [*_NAME_KEYS, "rosa", "costa", "mario", "rossi", "hoxha", "arben", "xyzabc", "avviso", "comune", "pagamento"]
        + ["tari", "inps", "diop", "ue", "via", "scuola", "de", "van", "der", "dell", "amico", "nord", "est", "ii"]
        + ["josé", "nicolò", "città", "łukasz", "ſ", "ı", "İstanbul", "straße", "ab", "x", "s"]
    ).flatmap(lambda w: st.sampled_from([w, w.capitalize(), w.upper()])),
    st.sampled_from(
        [" ", "  ", "'", "’", "-", "–", ", ", ": ", ".", "/", "3", "_", "\u00a0", "(", ") ", "! ", "\ud800"]
    ),
)
_NAME_TEXTS = st.lists(_NAME_WORDS, max_size=16).map("".join)
# Blocks of capitalised words side by side, where the title may leave only a person.
_BLOCKS = st.tuples(
    st.sampled_from(["", "Avviso per ", "Esito: ", "Pratica di ", "Visita (", "a "]),
    st.lists(_NAME_WORDS.map(str.capitalize), min_size=1, max_size=4).map(" ".join),
    st.sampled_from(["", ":", ", hai", " è pronta", " assegnato", ")", " 3", " Avviso"]),
).map("".join)


def _words_test_is_sound(text: str) -> None:
    # Without LOWER_FIRST no lower-case pair, without LIVE no block of capitalised words a rule
    # could read as a name: what lets ``may_name`` skip both.
    heard = heard_words(text)
    if not heard & LOWER_FIRST:
        assert not lower_pair(text), text
    if not heard & LIVE:
        first = NAME_TOKEN.search(text)
        assert first is None or not blocks_may_name(NameText(text, lower_same_length(text), False), first), text


@settings(max_examples=500, deadline=None)
@given(st.one_of(_NAME_TEXTS, _BLOCKS, _TEXTS))
def test_the_name_prefilters_words_test_never_hides_a_pair_or_a_block(text):
    _words_test_is_sound(text)


def test_the_name_prefilters_words_test_never_hides_a_pair_or_a_block_on_titles():
    for item in TITLES:  # (the frozen sets are the evaluation's alone: tests/test_layout.py)
        _words_test_is_sound(item["t"])


def test_the_name_prefilters_words_test_hears_names():
    assert heard_words("Pagamento IMU: avviso del Comune") == SHORT
    assert heard_words("Pagamento INPS IMU: avviso") & LIVE  # two short words in capitals
    assert heard_words("Avviso per Mario Rossi") & LIVE
    assert heard_words("Costa Serena:") & LIVE and heard_words("Costa") & LIVE  # an Italian name that is a word counts
    assert heard_words("avviso per mario rossi") == LOWER_FIRST
    assert heard_words("Avviso per D'Amico") & LIVE and heard_words("dell'Arben") & LIVE


def _word_info_is_the_plain_tests(text: str) -> None:
    # ``info.word_info`` answers, from one memo, what the pre-filter asked word by word.
    for word in CAPITALISED.findall(text):
        flags = flags_of(word)
        info = word_info(word)
        assert info & NAME_FLAGS == flags, word
        assert bool(info & CLEAR) == is_clear(word, flags), word
        assert bool(info & COUNTS) == counts_here(word), word
        assert bool(info & SHORT_CAPS) == short_caps(word), word


@settings(max_examples=300, deadline=None)
@given(st.one_of(_NAME_TEXTS, _BLOCKS))
def test_a_words_info_is_what_the_plain_tests_say(text):
    _word_info_is_the_plain_tests(text)


def test_a_words_info_is_what_the_plain_tests_say_on_titles():
    for item in TITLES:
        _word_info_is_the_plain_tests(item["t"])
    assert word_info("DIOP") & SHORT_CAPS and word_info("Hoxha") & CLEAR and word_info("Rosa") & COUNTS


# The name finder's patterns as first written, a look-behind before the words; the modules put
# the first character first (``vocabulary.letter_first``, ``CLAUSE_MARK``), so that a search skips
# to it. Names for the patterns' own classes keep the copies short.
_CAP = CAPITAL_LETTER
_NAME_PATTERNS_AS_WRITTEN = [
    (OF_NAME, re.compile(rf"(?<![\w.])(?:{OF_WORDS})[ \t]{{1,3}}")),
    (CLAUSE_START, re.compile(r"(?::|[ \t][–—-])[ \t]{1,3}")),
    (CLAUSE_WORD_COMMA, re.compile(rf"(?::|[ \t][–—-])[ \t]{{1,3}}(?:{CAP_WORD.pattern})[ \t]*,")),
    (INITIAL_FIRST, re.compile(rf"(?<![^\W\d_.])[A-Z]\. ({_CAP}[^\W\d_]+(?:-{_CAP}[^\W\d_]+)?)(?![\w.])")),
    (INITIAL_AFTER, re.compile(rf"(?<![^\W\d_])({_CAP}[^\W\d_]+) [A-Z]\.(?![^\W\d_.])")),
]
_CLAUSE_TEXTS = st.lists(
    _NAME_WORDS
    | st.sampled_from(["di", "a", "ad", "an", "per", "für", "from", "of", "to", "by", "da", "dA", "x.", "_", "3"])
    | st.sampled_from([": ", ":", " - ", " – ", "—", " ", "\t", "   ", "M. ", " R.", "S.", "/", "d'", "é"]),
    max_size=14,
).map("".join)
_NAME_PATTERN_EXAMPLES = "Esito: Rossi, x|Esito:— Rossi, x|Esito:- Rossi,|a Mario|ad Anna|da  di\tper  X|xdi Y|.di Y|M. Rossi|Rossi M.|éM. X|K. Ab-Cd"


def _name_patterns_match_as_first_written(text: str, lo: int, hi: int) -> None:
    for fast, plain in _NAME_PATTERNS_AS_WRITTEN:
        spans = [(m.span(), m.groups()) for m in fast.finditer(text, lo, hi)]
        assert spans == [(m.span(), m.groups()) for m in plain.finditer(text, lo, hi)], (plain.pattern, text)
    if SLASH_PAIR.search(text, lo, hi):  # a letter before a slash: what the pre-filter searches first
        assert LETTER_SLASH.search(text, lo, hi), text


@settings(max_examples=500, deadline=None)
@given(st.one_of(_CLAUSE_TEXTS, _NAME_TEXTS, _BLOCKS, _TEXTS), st.integers(0, 6), st.integers(0, 90))
def test_the_name_patterns_match_as_first_written(text, lo, hi):
    _name_patterns_match_as_first_written(text, lo, hi)


def test_the_name_patterns_match_as_first_written_on_titles_and_examples():
    for text in [item["t"] for item in TITLES] + _NAME_PATTERN_EXAMPLES.split("|"):
        for lo in (0, 1):
            _name_patterns_match_as_first_written(text, lo, len(text))
    assert LETTER_SLASH.search("Ferraris/Colombo") and not LETTER_SLASH.search("12/03, n. 3/ A")


def _words_are_the_patterns_matches(text: str) -> None:
    # ``context._words`` splits the text at the words instead of iterating over their matches.
    starts, ends, kinds = _words(NameText(text, lower_same_length(text), False))
    found = list(WORD_BEFORE.finditer(text))
    assert (starts, ends) == ([m.start() for m in found], [m.end() for m in found]), text
    if "visit" not in text.lower():  # (a booked visit changes a kind: ``context.booked``)
        assert kinds == [_kind(m.group()) for m in found], text


@settings(max_examples=500, deadline=None)
@given(st.one_of(_NAME_TEXTS, _BLOCKS, _TEXTS))
def test_the_words_before_a_name_are_the_patterns_matches(text):
    _words_are_the_patterns_matches(text)


def test_the_words_before_a_name_are_the_patterns_matches_on_titles():
    for item in TITLES:
        _words_are_the_patterns_matches(item["t"])
