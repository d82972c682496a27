"""Shape of the frozen test set (tests/pii/frozen_titles.yaml); no detector runs here.

The identifier checks go both ways: every codice fiscale, IBAN and partita IVA labelled as
personal data passes python-stdnum's check, and no title left without that label holds one
that passes (the clean traps carry wrong check characters on purpose).
"""

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml
from stdnum import iban
from stdnum.it import codicefiscale, iva

from iolint.pii import kinds as pii_kinds

FILE = Path(__file__).with_name("frozen_titles.yaml")
KINDS = frozenset(pii_kinds.KINDS)  # a label is a kind iolint detects
CF_RE = re.compile(r"[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]")
IBAN_START_RE = re.compile(r"(?=[A-Z]{2}\d{2})")
VAT_RE = re.compile(r"(?<!\d)\d{11}(?!\d)")


@pytest.fixture(scope="module")
def entries():
    return yaml.safe_load(FILE.read_text(encoding="utf-8"))


def plain(title):
    """NFKC (full-width forms, combining marks) without invisible format characters."""
    text = unicodedata.normalize("NFKC", title)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def fiscal_codes(title):
    return [m for m in CF_RE.findall(re.sub(r"\s", "", plain(title)).upper()) if codicefiscale.is_valid(m)]


def ibans(title):
    text = re.sub(r"\s", "", plain(title)).upper()
    return [
        text[m.start() : m.start() + n]
        for m in IBAN_START_RE.finditer(text)
        for n in range(15, 35)
        if iban.is_valid(text[m.start() : m.start() + n])
    ]


def vat_numbers(title):
    return [m for m in VAT_RE.findall(plain(title)) if iva.is_valid(m)]


def test_shape(entries):
    assert isinstance(entries, list) and len(entries) >= 400
    for e in entries:
        assert set(e) == {"t", "k"}, e
        assert isinstance(e["t"], str) and e["t"].strip(), e
        assert isinstance(e["k"], list) and set(e["k"]) <= KINDS, e
        assert len(e["k"]) == len(set(e["k"])), e
    titles = [e["t"] for e in entries]
    assert len(set(titles)) == len(titles)


def test_balance(entries):
    clean = sum(1 for e in entries if not e["k"])
    assert clean / len(entries) >= 0.45
    counts = Counter(k for e in entries for k in e["k"])
    assert {k: counts[k] for k in KINDS if counts[k] < 6} == {}
    assert counts["PERSON"] >= 90 and counts["HEALTH"] >= 30


@pytest.mark.parametrize(
    "kind, find",
    [
        ("IT_FISCAL_CODE", fiscal_codes),
        ("IBAN_CODE", ibans),
        ("IT_VAT_CODE", vat_numbers),
    ],
)
def test_identifiers_labelled_iff_valid(entries, kind, find):
    missing = [e["t"] for e in entries if kind in e["k"] and not find(e["t"])]
    unlabelled = [e["t"] for e in entries if kind not in e["k"] and find(e["t"])]
    assert missing == [] and unlabelled == []
