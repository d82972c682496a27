"""Copy-paste and obfuscation: detected as in plain text, at the original positions, masked."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iolint.checks import PAYLOAD_CHECKS, Context, load_all
from iolint.pii import configure, detect, mask
from iolint.pii.finders import find_all
from iolint.pii.normalise import normalise

load_all()

ZWSP, NBSP, SHY = "\u200b", "\u00a0", "\u00ad"


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


@pytest.fixture(autouse=True)
def default_settings():
    configure()
    yield
    configure()


# (title, kind, the value as written in the title)
OBFUSCATED = [
    (f"Avviso per RSS{ZWSP}MRA85T10{ZWSP}H501O", "IT_FISCAL_CODE", f"RSS{ZWSP}MRA85T10{ZWSP}H501O"),
    (f"Codice {fullwidth('RSSMRA85T10H501O')} registrato", "IT_FISCAL_CODE", fullwidth("RSSMRA85T10H501O")),
    ("Avviso per R\u0332S\u0332S\u0332MRA85T10H501O", "IT_FISCAL_CODE", "R\u0332S\u0332S\u0332MRA85T10H501O"),
    ("Avviso per rss mra 85t10 h501o", "IT_FISCAL_CODE", "rss mra 85t10 h501o"),
    (f"Chiama il 333{NBSP}123{NBSP}4567", "PHONE_NUMBER", f"333{NBSP}123{NBSP}4567"),
    (f"Rimborso su IT60X05428{SHY}11101000000123456", "IBAN_CODE", f"IT60X05428{SHY}11101000000123456"),
    (f"Telefono {fullwidth('3331234567')}", "PHONE_NUMBER", fullwidth("3331234567")),
    (f"Scrivi a mario.rossi{ZWSP}@gmail.com", "EMAIL_ADDRESS", f"mario.rossi{ZWSP}@gmail.com"),
    (f"Gentile{NBSP}Mario{NBSP}Rossi, ecco l'avviso", "PERSON", f"Mario{NBSP}Rossi"),
    (f"Il tuo appuntamento in onco{SHY}logia", "HEALTH", f"onco{SHY}logia"),
]


@pytest.mark.parametrize("title, kind, value", OBFUSCATED)
def test_obfuscated_values_are_found_where_they_are_written(title, kind, value):
    spans = [(d.kind, title[d.start : d.end]) for d in detect(title)]
    assert (kind, value) in spans
    assert (kind, value) in {(h.kind, title[h.start : h.end]) for h in find_all(title)}


@pytest.mark.parametrize("title, kind, value", OBFUSCATED)
def test_findings_point_at_the_value_and_mask_it(title, kind, value):
    code = "IO502" if kind == "HEALTH" else "IO501"
    msg = {"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": title, "markdown": "Testo del messaggio."}}
    (hit,) = list(PAYLOAD_CHECKS[code](msg, Context()))
    assert hit.offset == title.index(value)
    assert mask(value) in hit.message and value not in hit.message
    plain = normalise(value).text
    assert plain not in hit.message


def test_plain_text_is_left_alone():
    for text in ("Hai un nuovo avviso", "Città di Forlì: novità", "Straße"):
        assert normalise(text).starts is None


_INVISIBLE = st.sampled_from([ZWSP, SHY, "\u2060", "\ufeff", "\u200d"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 15), _INVISIBLE), max_size=4))
def test_invisible_characters_inside_a_fiscal_code(insertions):
    value = list("RSSMRA85T10H501O")
    for position, char in sorted(insertions, reverse=True):
        value.insert(position + 1, char)
    written = "".join(value)
    title = f"Avviso TARI per {written} in scadenza"
    (d,) = detect(title)
    assert d.kind == "IT_FISCAL_CODE"
    assert title[d.start : d.end].strip("".join([ZWSP, SHY, "\u2060", "\ufeff", "\u200d"])) == written.strip(
        "".join([ZWSP, SHY, "\u2060", "\ufeff", "\u200d"])
    )


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_spans_map_inside_the_text(text):
    normal = normalise(text)
    for start in range(len(normal.text)):
        for end in (start + 1, len(normal.text)):
            lo, hi = normal.span(start, end)
            assert 0 <= lo < hi <= len(text)
