"""The code finders' shortcuts answer as what they stand for: the fiscal-code pre-filter as the
search, the IBAN checksum as ISO 13616's, ``number_type`` alone as phonenumbers' two questions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from iolint.pii.codes import FISCAL_CODE, _iban_checksum, may_be_fiscal_code
from iolint.pii.contacts import _NOT_PERSONAL, _NOT_PERSONAL_OR_INVALID
from iolint.pii.finders import view
from tests.pii.test_runtime import _TEXTS

# Letters (and those beyond ASCII that ignoring case lets in as ASCII ones), digits, what may
# stand between a code's groups, and a non-ASCII character or two.
_CODE_TEXTS = st.one_of(
    _TEXTS,
    st.lists(
        st.one_of(
            st.sampled_from(["RSSMRA85T10A562S", "rss mra 85t10 a562s", "RSS-MRA-85-T-10-A562-S", "€ 12,50 è"]),
            st.text(alphabet="abcdehlmrstuvxRSTMA0123456789 .-€èıİſ\u212a", max_size=12),
        ),
        max_size=6,
    ).map("".join),
)
# A code's shape with some of its "s", "i" or "k" written as a letter beyond ASCII that matches it.
_OTHER_LETTERS = st.tuples(
    st.sampled_from(["KIS SIK 85T10 I562S", "kissik85s10i562k", "xKISSIKx85T10I562S"]),
    st.sampled_from([("s", "ſ"), ("i", "ı"), ("i", "İ"), ("k", "\u212a")]),
    st.integers(1, 2**19),
).map(lambda c: "".join(c[1][1] if ch.lower() == c[1][0] and c[2] >> i & 1 else ch for i, ch in enumerate(c[0])))


@settings(max_examples=500, deadline=None)
@given(st.one_of(_CODE_TEXTS, _OTHER_LETTERS))
def test_the_fiscal_code_prefilter_is_the_search(text):
    found = FISCAL_CODE.search(text) is not None
    v = view(text)
    if any(c in v.low for c in "ıİſ"):
        assert may_be_fiscal_code(v, False) or not found  # left to the finder
    else:
        assert may_be_fiscal_code(v, False) == found


def test_the_fiscal_code_prefilter_on_examples():
    assert may_be_fiscal_code(view("Il tuo codice fiscale è RSSMRA85T10A562S (€ 12)"), False)
    assert not may_be_fiscal_code(view("Pagamento di € 12,50 entro il 18/11/2026"), False)
    assert may_be_fiscal_code(view("CF: RSSMRA85T10A562\u017f"), False)  # ſ: the finder decides
    assert may_be_fiscal_code(view("CF: RSSMRA85T10A562\u212a è"), False)  # the Kelvin sign is a k


def _plain_iban_checksum(compact: str) -> bool:
    moved = (compact[4:] + compact[:4]).upper()
    if not moved.isalnum() or not moved.isascii():
        return False
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz", min_size=5, max_size=34),
        st.sampled_from(["IT60X0542811101000000123456", "DE89370400440532013000", "GB82WEST12345698765432"]),
        st.text(max_size=34),
    )
)
def test_the_iban_checksum_is_iso_13616s(compact):
    assert _iban_checksum(compact) == _plain_iban_checksum(compact)


def test_the_iban_checksum_on_examples():
    assert _iban_checksum("IT60X0542811101000000123456") and _iban_checksum("gb82west12345698765432")
    assert not _iban_checksum("IT61X0542811101000000123456")


# Numbers as the phone finder hands them to phonenumbers: Italian, with or without +39, and abroad.
_NUMBERS = st.tuples(
    st.sampled_from(["", "+39", "0039", "+44", "+49", "+1", "+41", "+379", "+800", "+882"]),
    st.sampled_from(["3", "0", "06", "02", "800", "899", "840", "1", "5", "7", "06698", ""]),
    st.text(alphabet="0123456789", min_size=0, max_size=11),
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_NUMBERS)
def test_number_type_alone_tells_a_personal_valid_number(digits):
    import phonenumbers

    try:
        number = phonenumbers.parse(digits, "IT")
    except phonenumbers.NumberParseException:
        return
    both = phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) not in _NOT_PERSONAL
    assert both == (phonenumbers.number_type(number) not in _NOT_PERSONAL_OR_INVALID)
