"""Shape of the second frozen title set (tests/pii/frozen2_titles.yaml).

No detector runs here: these tests check only that the file is well formed, balanced as it
claims, and that every codice fiscale, partita IVA and IBAN in it carries the label its check
character calls for (valid ones labelled, deliberately wrong ones left clean).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from iolint.pii import kinds as pii_kinds
from tests.pii.idcheck import CHECKED, compact, fiscal_codes, ibans, malformed, mislabelled, vat_numbers

SET = Path(__file__).with_name("frozen2_titles.yaml")

KINDS = frozenset(pii_kinds.KINDS)  # a label is a kind iolint detects


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    return yaml.safe_load(SET.read_text(encoding="utf-8"))


def test_compact_folds_what_copy_paste_brings():
    assert compact("rss\u00a0mra 85t10\u200ba562s\u00ad") == "RSSMRA85T10A562S"
    assert compact("\uff12\uff13 Ａｂ") == "23AB"


def test_extractors_tell_valid_from_wrong_check_characters():
    assert fiscal_codes(compact("CF RSS MRA 85T10 A562S ok")) == [("RSSMRA85T10A562S", True)]
    assert fiscal_codes(compact("CF RSSMRA85T10A562X")) == [("RSSMRA85T10A562X", False)]
    assert vat_numbers(compact("P.IVA IT 01335800379")) == [("01335800379", True)]
    assert vat_numbers(compact("P.IVA 01335800372")) == [("01335800372", False)]
    assert ibans(compact("su IT60 X054 2811 1010 0000 0123 456 per")) == [("IT60X0542811101000000123456", True)]
    assert ibans(compact("IT61X0542811101000000123456 errato"))[0][1] is False


def test_is_a_list_of_title_and_kinds(entries):
    assert malformed(entries, KINDS) == []


def test_size_and_unique_titles(entries):
    titles = [e["t"] for e in entries]
    assert len(titles) >= 400
    repeated = [t for t, n in Counter(titles).items() if n > 1]
    assert not repeated, repeated


def test_at_least_45_percent_clean(entries):
    clean = sum(1 for e in entries if not e["k"])
    assert clean / len(entries) >= 0.45


def test_every_kind_is_well_represented(entries):
    per_kind = Counter(k for e in entries for k in e["k"])
    assert {k: per_kind[k] for k in KINDS if per_kind[k] < 7} == {}
    assert per_kind["PERSON"] >= 100
    assert per_kind["HEALTH"] >= 45


@pytest.mark.parametrize("kind", sorted(CHECKED))
def test_check_characters_match_the_labels(entries, kind):
    wrong = mislabelled(entries, kind)
    assert not wrong, wrong
