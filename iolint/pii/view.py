"""One look at a text, shared by every finder: made once per text by ``iolint.pii.finders``.

``View(text, index)`` holds the text, its lower-cased form (offsets kept), whether it has a
digit (and its runs of digits, on first use), and what one pass of the cue automaton
(``cues.CueIndex``) found: the bits of the finders
whose cue words occur, where the special-category lexicon's stems start a word, and where the
name finder's cue stems occur (``cue_starts``: its cue patterns are tried there only). The name
finder keeps what it computes about the text's words in ``names`` (``iolint.pii.names.text``),
so its pre-filter and its rules read the text once.
"""

from __future__ import annotations

import re

from iolint.pii.hits import lower_same_length

_DIGIT = re.compile(r"\d")
DIGITS = re.compile(r"\d+")


class View:
    __slots__ = ("text", "low", "digits", "cued", "stems", "cue_starts", "names", "_runs", "_starts", "_model")

    def __init__(self, text: str, index) -> None:
        self.text = text
        low = text.lower()
        self.low = low if len(low) == len(text) else lower_same_length(text)
        self.digits = _DIGIT.search(text) is not None
        self.cued, self.stems, self.cue_starts = index.scan(text, self.low)
        self.names = None  # the name finder's words of the text, made on first use
        self._runs = self._starts = self._model = None

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
        v.names = v._runs = v._starts = None
        v._model = model
        return v

    @property
    def runs(self) -> list[str]:
        """The text's runs of digits ("12", "03", "2024" in "12/03/2024"): the code finders'
        pre-filter asks for a run of the length their codes have."""
        if self._runs is None:
            if self._model is not None:  # where the model's are
                text, model = self.text, self._model
                self._starts = model.run_starts
                self._runs = [text[at : at + len(run)] for at, run in zip(self._starts, model.runs, strict=True)]
            else:
                found = list(DIGITS.finditer(self.text)) if self.digits else []
                self._runs, self._starts = [m.group() for m in found], [m.start() for m in found]
        return self._runs

    @property
    def run_starts(self) -> list[int]:
        """Where each of ``runs`` starts in the text."""
        if self._starts is None:
            self.runs  # noqa: B018 (made with the runs)
        return self._starts
