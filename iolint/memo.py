"""Memos keyed by whole texts, bounded in what they keep.

A batch's bodies and titles repeat (a template's output, texts that differ in digits only), so
their analyses are memoized. A memo of 4,096 texts of any length would keep a batch of megabyte
texts, several times the file's size: only texts up to ``MAX_CHARS`` are kept, a longer one is
analysed again each time it comes (IO refuses such a body anyway, IO111).

Texts that differ only in their ASCII digits share one more memo (``alike``): what a finder
whose patterns treat every digit alike answers on the text with its digits made 0
(``iolint.italian.zeroed``), kept per such text for every finder that asks.
"""

from __future__ import annotations

from functools import lru_cache, wraps

MAX_CHARS = 10_000  # IO's limit for a body (IO111), as iolint.pii.detector.MEMO_MAX_CHARS
ALIKE_SIZE = 1024  # texts with their digits made 0 whose answers are kept: a batch's bodies share a few
TEXT = object()  # the key, in a text's answers, of the text with its digits made 0
_MISS = object()
_alike: dict[bytes, dict] = {}  # zeroed(text) -> {TEXT: that text decoded, finder: its answer}


def short_texts(maxsize: int, max_chars: int = MAX_CHARS):
    """``lru_cache(maxsize)`` for the calls whose first argument (a str or bytes) has at most
    ``max_chars`` items; a longer one is computed, never kept."""

    def decorate(function):
        memo = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(text, *args, **kwargs):
            if args or kwargs:
                return (memo if len(text) <= max_chars else function)(text, *args, **kwargs)
            return memo(text) if len(text) <= max_chars else function(text)  # most calls: one text

        call.cache_info, call.cache_clear = memo.cache_info, memo.cache_clear
        return call

    return decorate


def answers(key: bytes) -> dict:
    """The answers kept for the texts whose UTF-8 with every ASCII digit made 0 is ``key``
    (``{TEXT: key decoded, finder: its answer}``), or a new place for them, kept unless that text
    is over ``MAX_CHARS`` characters."""
    found = _alike.get(key)
    if found is None:
        text = key.decode("utf-8", "surrogatepass")
        found = {TEXT: text}
        if len(text) <= MAX_CHARS:
            if len(_alike) >= ALIKE_SIZE:
                _alike.clear()
            _alike[key] = found
    return found


def alike(key: bytes, finder):
    """``finder`` run on the text ``key`` decodes to, memoized in ``answers(key)``: only for a
    finder whose answer is the same for texts that differ only in ASCII digits."""
    kept = answers(key)
    found = kept.get(finder, _MISS)
    if found is _MISS:
        found = kept[finder] = finder(kept[TEXT])
    return found
