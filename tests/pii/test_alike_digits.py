"""The memo for texts alike but for their digits (``iolint.pii.alike``): a body of a batch send with
other amounts, dates and numbers finds what it finds when every finder runs on it afresh; and
each finder marked as reading the digits' values does (the memo would be wrong for it)."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iolint.pii import alike, finders
from iolint.pii.alike import Shapes, shape
from iolint.pii.detector import MEMO_MAX_CHARS, Detector
from iolint.pii.finders import FINDERS, scan
from iolint.pii.normalise import normalise
from iolint.privacy import body_entities
from tests.corpus import _bench
from tests.pii.evaluate import SETS, load
from tests.pii.test_detectors import FIRES
from tests.pii.test_runtime import _TEXTS

DATA = Path(__file__).resolve().parents[1] / "data"
_ENTITY_SETS = (None, body_entities())
_DIGIT = re.compile("[0-9]")


def _swapped(text: str, digits: list[int]) -> str:
    """``text`` with its ASCII digits replaced, in turn, by ``digits`` (repeated)."""
    if not digits:
        return text
    it = iter(range(10**9))
    return _DIGIT.sub(lambda m: str(digits[next(it) % len(digits)]), text)


def _variants(text: str) -> list[str]:
    return [_DIGIT.sub(lambda m, k=k: str((int(m.group()) + k) % 10), text) for k in (1, 5)] + [
        _DIGIT.sub(lambda m: str(9 - int(m.group())), text),
        _DIGIT.sub("0", text),
    ]


class _Eager(Shapes):
    """A memo of shapes that shapes a text the first time it is met (a detector's waits for the
    second), so that every text after the first of its shape takes the fast path."""

    def __call__(self, zeroed: bytes, entities: frozenset[str] | None):
        key = (zeroed, entities)
        if key not in self:
            self[key] = shape(zeroed, entities) or False
        return self[key] or None


def _memo():
    return _Eager(4096)


def _same_as_afresh(texts: list[str], memo) -> list[tuple]:
    """The texts (and kinds) on which the memo's answer differs from normalising and scanning
    afresh, each text scanned after the others (so after its variants have filled the memo)."""
    wrong = []
    for text in texts:
        normal = normalise(text)
        seen = None if normal.starts is None else normal
        for entities in _ENTITY_SETS:
            if alike.scan(text, entities, memo) != (seen, scan(normal.text, entities)):
                wrong.append((entities, text))
    return wrong


# Value-reading examples (checksums, prefixes, dates, years, the lexicon's "104", a licence's U1)
# beside the generated fragments: a swap of their digits changes what is found.
READING = [
    "RSSMRA85T10A562S",
    "IT60X0542811101000000123456",
    "IBAN IT60 X054 2811 1010 0000 0123 456",
    "P.IVA 07348520011",
    "IT00987650017",
    "cell. 347 1234567",
    "tel 06 12345678",
    "+44 7911 123456",
    "nato il 12/03/1985",
    "born on 1985-03-12",
    "residente in Via Roma 2024",  # (a year, not a house number: but "Via Roma 3135" is one)
    "Via Garibaldi 12, 20121 Milano",
    "patente U1A23B456C",
    "Permessi legge 104",
    "L. 104/92",
    "il 2x1000",
    "art. 415 c.p.",
    "passaporto YA1234567",
    "carta d'identità CA12345AB",
    "targa AB123CD",
    "mario.rossi85@gmail.com",
    "€ 12,50 entro il 18/11/2026",
    "u1",
    "u 1",
    # copy-paste and obfuscation, normalised for detection (a text alike in its plain form is not)
    "RSS MRA 85T10\u200bA562S",
    "tel.\u00a0347\u00a01234567",
    "ＲＳＳＭＲＡ８５Ｔ１０Ａ５６２Ｓ",
    "IBAN IT60\u00adX054 2811 1010 0000 0123 456",
    "nato il 1\u03012/03/1985",
    "0",
    " ",
    "\u00a0",
    "è",
]
_GENERATED = st.one_of(_TEXTS, st.lists(st.one_of(st.sampled_from(READING), _TEXTS), max_size=6).map(" ".join))


@settings(max_examples=400, deadline=None)
@given(_GENERATED, st.lists(st.integers(0, 9), max_size=8), st.lists(st.integers(0, 9), max_size=8))
def test_digits_swapped_find_what_every_finder_finds_afresh(text, digits, others):
    memo = _memo()
    alike = [_swapped(text, digits), _swapped(text, others)]
    assert _same_as_afresh([*alike, text, *alike], memo) == []


def _titles() -> list[str]:
    found = [text for _, text, _ in FIRES]
    for path, _, _ in SETS.values():
        found += [item["t"] for item in load(path)]
    return found


def _bodies() -> list[str]:
    bench = _bench()
    found = [p["content"]["markdown"] for mix in ("unique", "batch") for p in bench.payloads(150, mix)]
    with (DATA / "io-catalogue-messages.jsonl").open(encoding="utf-8") as lines:
        return found + [json.loads(line)["markdown"] for line in lines]


def _alike_texts(texts: list[str]) -> list[str]:
    """Each text with a digit after its four variants, in one list (one memo for all, as a run has)."""
    return [t for text in texts if _DIGIT.search(text) for t in (*_variants(text), text)]


def test_digits_swapped_on_titles_and_bodies():
    texts = _alike_texts(_titles() + _bodies())
    memo = Shapes(4096)  # a detector's: shapes a text the second time it is met
    assert _same_as_afresh(texts, memo) == []
    assert sum(1 for shape in memo.values() if shape) > len(texts) // 6  # (the fast path ran)


# Each finder that is not marked blind reads a digit's value somewhere in the titles (or READING): marked
# blind (on purpose, here), the comparison above finds a text it gets wrong.
_READERS = [f for f in FINDERS if not f.blind_hits]


@pytest.mark.parametrize("finder", _READERS + [f for f in FINDERS if f.digit_words], ids=lambda f: f.name)
def test_a_finder_that_reads_digits_marked_blind_is_caught(finder, monkeypatch):
    blind = finder._replace(blind_maybe=True, blind_hits=True, digit_words=())
    plan = tuple(tuple((blind, *p[1:]) if p[0] is finder else p for p in part) for part in finders._PLAN)
    monkeypatch.setattr(finders, "_PLAN", plan)
    texts = [t for t in _titles() if not set(finder.entities).isdisjoint(_kinds(t))] + READING
    assert _same_as_afresh(_alike_texts(texts), _memo()) != []


@pytest.mark.parametrize("finder", [f for f in FINDERS if f.blind_if], ids=lambda f: f.name)
def test_a_finder_blind_for_every_text_is_caught(finder, monkeypatch):
    # ``blind_if`` answering yes of every text: "Permessi legge 104" would share "legge 105"'s hits.
    blind = finder._replace(blind_if=lambda view: True)
    plan = tuple(tuple((blind, *p[1:]) if p[0] is finder else p for p in part) for part in finders._PLAN)
    monkeypatch.setattr(finders, "_PLAN", plan)
    texts = [t for t in _titles() if not set(finder.entities).isdisjoint(_kinds(t))] + READING
    assert _same_as_afresh(_alike_texts(texts), _memo()) != []


@pytest.mark.parametrize(
    ("zeroed", "blind"),
    [
        ("Avviso n. 000 di pagamento", True),  # no stem
        ("Hai un avviso di pagamento del 00/00/0000", True),  # a stem ("avviso") whose entries do not match
        ("Il tuo ricovero del 00/00/0000", False),  # an entry matches: the topic tests read years
        ("Permessi legge 000", False),  # an entry reads a digit's value ("legge 104")
    ],
)
def test_the_special_category_finder_is_blind_where_nothing_can_match(zeroed, blind):
    from iolint.pii import special

    assert special.blind(finders.view(zeroed)) is blind


def _kinds(text: str) -> set[str]:
    return {hit.kind for hit in scan(text)}


def test_the_readers_are_the_ones_audited():
    # Changing a finder's flags is a decision: it comes with a proof that its hits (and its
    # pre-filter) see where digits stand only.
    blind = {f.name for f in FINDERS if f.blind_hits}
    assert blind == {
        "IolintEmailRecognizer",
        "IolintPlateRecognizer",
        "IolintIdentityDocumentRecognizer",
        "IolintPersonRecognizer",
    }


def test_a_detectors_memo_keeps_no_text_longer_than_a_body():
    d = Detector()
    long = "Importo 12,50 € " * (MEMO_MAX_CHARS // 16 + 1)
    d.detect(long, body_entities())
    d.detect("Importo 12,50 €", body_entities())
    assert list(d._shapes) == [hash(("Importo 00,00 €".encode(), body_entities()))]  # met once
    d.detect("Importo 13,50 €", body_entities())
    assert list(d._shapes) == [("Importo 00,00 €".encode(), body_entities())]  # shaped


def test_a_detectors_shapes_are_bounded(monkeypatch):
    monkeypatch.setattr(alike, "SHAPES_MAX_BYTES", 40)
    memo = Shapes(3)
    for n in range(6):
        for _ in range(2):
            memo(b"Importo %d0,00" % n + b"0" * n, None)
        assert len(memo) <= 3 and memo.held <= 40
        assert sum(len(key[0]) for key, shape in memo.items() if shape is not None) == memo.held
    assert [key[0] for key in memo] == [b"Importo 40,000000", b"Importo 50,0000000"]  # 17 + 18 bytes


def test_one_detector_in_threads_finds_what_it_finds_alone():
    bodies = [b for b in _bodies() if _DIGIT.search(b)][:120]
    texts = [t for b in bodies for t in _variants(b)]
    alone = [Detector().detect(t, body_entities()) for t in texts]
    shared = Detector()
    found: dict[int, list] = {}

    def run(n: int) -> None:
        found[n] = [shared.detect(t, body_entities()) for t in texts[n::2] + texts[1 - n :: 2]]

    threads = [threading.Thread(target=run, args=(n,)) for n in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert found[0] == alone[0::2] + alone[1::2]
    assert found[1] == alone[1::2] + alone[0::2]
