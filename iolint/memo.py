"""Memos keyed by whole texts, bounded in what they keep.

A batch's bodies and titles repeat (a template's output, texts that differ in digits only), so
their analyses are memoized. A memo of 4,096 texts of any length would keep a batch of megabyte
texts, several times the file's size: only texts up to ``MAX_CHARS`` are kept, a longer one is
analysed again each time it comes (IO refuses such a body anyway, IO111).
"""

from __future__ import annotations

from functools import lru_cache, wraps

MAX_CHARS = 10_000  # IO's limit for a body (IO111), as iolint.pii.detector.MEMO_MAX_CHARS


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
