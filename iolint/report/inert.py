"""Terminal output that no input can drive: control characters written as visible escapes.

A file name, a key or a source line may hold ESC (colours, cursor moves, window titles), CR or LF
(a forged finding line), other C0 and C1 controls, bidirectional overrides (text that reads
in another order than it is stored), or characters drawn as nothing (a zero-width space, a byte
order mark: what IO808 reports would not show under its caret). In text output each is shown as
``\\x1b``, ``\\r``, ``\\u202e``, ``\\u200b``; the structured formats (JSON, SARIF, JUnit) escape
them by their own rules.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """``text`` with every control, bidirectional-override and invisible character escaped."""
    return _CONTROL.sub(_escape, text)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_inert(dumped: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with the characters JSON leaves raw but
    a terminal or a line splitter would act on (C1 controls, U+2028/U+2029, bidi overrides), and
    lone surrogates (which UTF-8 cannot encode), written as ``\\uXXXX`` escapes: still the same
    JSON, and inert when printed."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
