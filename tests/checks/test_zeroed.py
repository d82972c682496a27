"""The checks' finders whose answers are read through ``view.found`` (once per text with its digits
made 0, shared by the payloads whose texts differ only in digits) answer as on the text itself:
their patterns treat every digit alike; and ``view.found`` answers as the finder run afresh."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from iolint import memo
from iolint.checks import consistency, directives, style
from iolint.italian import zeroed
from iolint.view import PayloadView

_BITS = ["0", "1", "7", "12", "2030", "٣", " ", "\t", "\n", "-", ".", "/", "@", ":", "[", "]", "#", "{#", "x", "a",
         "è", "İ", "ſ", "K", "pago", "PagoPA", "pagopa", "pago PA", "pa", "S.p.A.", "iolint", "ignore", "IO501",
         "Paga", "puoi pagare", "Comune di", "Roma", "COMUNE", "AVVISO", "TARI", "Avviso", "comunicazione",
         "Gentile", "Lei", "La informiamo", "€", "euro", "\u200b", "\u202e", "\x07", "\ud800"]  # fmt: skip
texts = st.lists(st.sampled_from(_BITS), max_size=16).map("".join)
FINDERS = [style._shouts, style._only_the_ente, style._vague, style._misspellings, style._formal_forms,
           style._states_amount, style._states_date, style._invisible, directives._directives,
           consistency._call_to_pay]  # fmt: skip


def _zeroed_text(text: str) -> str:
    return zeroed(text).decode("utf-8", "surrogatepass")


@given(texts)
def test_a_finder_answers_on_the_zeroed_text_as_on_the_text_itself(text):
    for finder in FINDERS:
        assert finder(_zeroed_text(text)) == finder(text), finder.__name__


@given(st.lists(texts, min_size=1, max_size=6), st.booleans())
def test_view_found_answers_as_the_finder_run_afresh(batch, forget):
    """Texts that share a zeroed form, read by several views in turn (a batch), with the memo
    kept or emptied before: each answer is the finder's on the text."""
    if forget:
        memo._alike.clear()
    batch = batch + [t.replace("1", "7") for t in batch]  # the same texts with other digits
    for text in batch:
        view = PayloadView({"content": {"subject": text, "markdown": text}})
        for finder in FINDERS:
            assert view.found(text, finder) == finder(text), finder.__name__


def test_a_text_over_10000_characters_takes_no_place_in_the_memo():
    memo._alike.clear()
    for length in (10_000, 10_001):
        text = ("Lei paga 45,00 € " * 700)[:length]
        assert PayloadView({}).found(text, style._formal_forms) == style._formal_forms(text)
    assert [len(key) for key in memo._alike] == [len(("Lei paga 45,00 € " * 700)[:10_000].encode())]


def test_the_memo_is_bounded():
    memo._alike.clear()
    for i in range(memo.ALIKE_SIZE + 5):
        PayloadView({}).found(f"testo {'x' * (i % 50)}{'y' * (i // 50)}", style._vague)
    assert 0 < len(memo._alike) <= memo.ALIKE_SIZE
