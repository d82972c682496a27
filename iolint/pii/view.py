"""One look at a text, shared by every finder: made once per text by ``iolint.pii.finders``.

``View(text, index)`` holds the text, its lower-cased form (offsets kept), whether it has a
digit (and, on first use, its runs of digits, their lengths and how many digits it has: what
the code finders' pre-filters ask), and what one pass of the cue automaton
(``cues.CueIndex``) found: the bits of the finders
whose cue words occur, where the special-category lexicon's stems start a word, and where the
name finder's cue stems occur (``cue_starts``: its cue patterns are tried there only). The name
finder keeps what it computes about the text's words in ``names`` (``iolint.pii.names.text``),
so its pre-filter and its rules read the text once.
"""

from __future__ import annotations

import re
from itertools import accumulate

from iolint.pii.hits import lower_same_length

_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile("[0-9]")  # ``_DIGIT`` on ASCII text: a range per character, no Unicode look-up
DIGITS = re.compile(r"\d+")
_BETWEEN_RUNS = re.compile(r"(\d+)")  # split: the text between the runs, and the runs


class View:
    __slots__ = (
        "text",
        "low",
        "digits",
        "cued",
        "stems",
        "cue_starts",
        "names",
        "_runs",
        "_starts",
        "_lengths",
        "_count",
        "_model",
    )

    def __init__(self, text: str, index) -> None:
        self.text = text
        low = text.lower()
        self.low = low if len(low) == len(text) else lower_same_length(text)
        self.digits = (_ASCII_DIGIT if text.isascii() else _DIGIT).search(text) is not None
        self.cued, self.stems, self.cue_starts = index.scan(text, self.low)
        self.names = None  # the name finder's words of the text, made on first use
        self._runs = self._starts = self._lengths = self._count = self._model = None

    @classmethod
    def alike(cls, model: View, text: str, index, digit_stems: tuple[str, ...] | None) -> View:
        """The view of ``text``, a text that differs from ``model.text`` in the values of its
        ASCII digits only (``alike.shape``): its cue words and runs of digits stand where the
        model's do, so only its lower case is made anew, and the automaton runs again only if
        one of ``digit_stems`` (stems with a digit) occurs in it, or always (None)."""
        v = cls.__new__(cls)
        v.text = text
        low = text.lower()
        v.low = low if len(low) == len(text) else lower_same_length(text)
        v.digits = model.digits
        if digit_stems is None or any(stem in v.low for stem in digit_stems):
            v.cued, v.stems, v.cue_starts = index.scan(text, v.low)
        else:
            v.cued, v.stems, v.cue_starts = model.cued, model.stems, model.cue_starts
        v.names = v._runs = v._starts = v._lengths = v._count = None
        v._model = model
        return v

    @property
    def runs(self) -> list[str]:
        """The text's runs of digits ("12", "03", "2024" in "12/03/2024"): the code finders'
        pre-filter asks for a run of the length their codes have."""
        if self._runs is None:
            if self._model is not None:  # where the model's are, of the same lengths
                text = self.text
                self._runs = [
                    text[at : at + len(run)] for at, run in zip(self.run_starts, self._model.runs, strict=True)
                ]
            else:
                self._find_runs()
        return self._runs

    @property
    def run_starts(self) -> list[int]:
        """Where each of ``runs`` starts in the text."""
        if self._starts is None:
            self._find_runs()
        return self._starts

    @property
    def run_lengths(self) -> frozenset[int]:
        """The lengths of ``runs``."""
        if self._starts is None:
            self._find_runs()
        return self._lengths

    @property
    def digit_count(self) -> int:
        """How many digits the text has (the sum of the lengths of ``runs``)."""
        if self._starts is None:
            self._find_runs()
        return self._count

    def _find_runs(self) -> None:
        if self._model is not None:  # the model's places (``runs`` reads this text's digits there)
            model = self._model
            self._starts, self._lengths, self._count = model.run_starts, model.run_lengths, model.digit_count
        elif self.digits:
            # One split in C, no match object a run: the runs are its odd parts, and each starts
            # where the parts before it end.
            parts = _BETWEEN_RUNS.split(self.text)
            self._runs = runs = parts[1::2]
            self._starts = list(accumulate(map(len, parts)))[0:-1:2]
            self._lengths = frozenset(map(len, runs))
            self._count = sum(map(len, runs))
        else:
            self._runs, self._starts, self._lengths, self._count = [], [], frozenset(), 0
