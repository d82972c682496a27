"""The checks that memoize what they find by a text with its digits made 0 (``view.zeroed``)
find what they would find in the text itself: their patterns treat every digit alike."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from iolint.checks import consistency, directives, style
from iolint.italian import zeroed

_BITS = ["0", "1", "7", "12", "2030", "٣", " ", "\t", "\n", "-", ".", "/", "@", ":", "[", "]", "#", "{#", "x", "a",
         "è", "İ", "ſ", "K", "pago", "PagoPA", "pagopa", "pago PA", "pa", "S.p.A.", "iolint", "ignore", "IO501",
         "Paga", "puoi pagare", "Comune di", "Roma", "COMUNE", "AVVISO", "TARI", "Avviso", "comunicazione",
         "Gentile", "Lei", "La informiamo", "€", "euro", "\u200b", "\u202e", "\x07", "\ud800"]  # fmt: skip
texts = st.lists(st.sampled_from(_BITS), max_size=16).map("".join)
MEMOS = [style._shouts, style._only_the_ente, style._vague, style._misspellings, style._formal_forms_of,
         style._states_amount_of, style._states_date_of, style._invisible, directives._directives,
         consistency._call_to_pay]  # fmt: skip


@given(texts)
def test_a_memo_keyed_by_the_zeroed_text_answers_as_the_text_itself(text):
    itself = text.encode("utf-8", "surrogatepass")  # a key whose decoded text is the text, digits kept
    for memo in MEMOS:
        assert memo(zeroed(text)) == memo(itself), memo.__name__
