"""What the name pre-filter asks of a capitalised word, answered from one memo (``word_info``)."""

from __future__ import annotations

from iolint.pii.namedata import FIRST, ITALIAN, SURNAME, WORD, is_word
from iolint.pii.names.words import counts_here, flags_of, is_clear, remembered


def short_caps(word: str) -> bool:
    """A word of three or four capitals with a vowel that is no listed name and no word: a short
    surname written in capitals ("DIOP", "SARR") or an acronym ("TARI", "INPS")."""
    return (
        3 <= len(word) <= 4
        and word.isupper()
        and any(c in "AEIOUY" for c in word)
        and not flags_of(word)
        and not is_word(word)
    )


# What the name pre-filter asks of a capitalised word, beside its flags (``word_info``): whether
# it is clear (``is_clear``), counts where the title leaves only a person (``counts_here``), is a
# short word in capitals (``short_caps``).
CLEAR, COUNTS, SHORT_CAPS = 16, 32, 64
NAME_FLAGS = FIRST | SURNAME | WORD | ITALIAN
_INFO: dict[str, int] = {}


def word_info(word: str) -> int:
    """The word's flags and its ``CLEAR``, ``COUNTS`` and ``SHORT_CAPS`` bits, in one lookup: each
    is a function of the word alone, so one memo answers them all."""
    info = _INFO.get(word)
    if info is None:
        flags = flags_of(word)
        info = flags | (CLEAR if is_clear(word, flags) else 0) | (COUNTS if counts_here(word) else 0)
        info = remembered(_INFO, word, info | (SHORT_CAPS if short_caps(word) else 0))
    return info
