"""The recipient: one citizen, named by a valid codice fiscale."""

from __future__ import annotations

from iolint.finding import Hit
from iolint.message import FISCAL_CODE_RE
from iolint.registry import payload_check
from iolint.view import IRREGULAR

# The check character's weights (DM 23/12/1976, as python-stdnum's codicefiscale has them): a
# character in an odd place (1st, 3rd, ...) counts its _ODD value, in an even place its _EVEN
# one. Summed here as bytes through a translation table: stdnum's generator over enumerate()
# costs three times as much (tests/checks/test_recipient.py compares the two on any code).
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_EVEN = {c: int(c) for c in "0123456789"} | {c: i for i, c in enumerate(_LETTERS)}
_ODD = dict(
    zip(
        "0123456789" + _LETTERS,
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21] * 2 + [2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23],
        strict=True,
    )
)
_ODD_BYTES = bytes(_ODD.get(chr(i), 0) for i in range(256))
_EVEN_BYTES = bytes(_EVEN.get(chr(i), 0) for i in range(256))


def check_character(first15: str) -> str:
    """The 16th character of a codice fiscale whose first 15 are ``first15`` (digits and capitals)."""
    code = first15.encode("ascii")
    return _LETTERS[(sum(code[0::2].translate(_ODD_BYTES)) + sum(code[1::2].translate(_EVEN_BYTES))) % 26]


def fiscal_code_problem(value: object) -> str | None:
    """Why ``value`` is not a codice fiscale IO accepts, or None when it is one."""
    if not isinstance(value, str):
        return "must be a string of 16 characters"
    if not FISCAL_CODE_RE.match(value):
        if FISCAL_CODE_RE.match(value.upper()):
            return "must be in upper case: IO refuses lower-case codes"
        return "does not have the shape of a codice fiscale (16 characters: 6 letters, 2 digits, ...)"
    return _check_character_problem(value)


def _check_character_problem(value: str) -> str | None:
    """``fiscal_code_problem`` of a code of the right shape."""
    if check_character(value[:15]) != value[15]:
        return "has a wrong check character: it is not a real codice fiscale"
    return None


@payload_check("IO120")
def missing_fiscal_code(view, ctx):
    if view.is_dict and "fiscal_code" not in view.data:
        return [Hit(None, "no recipient: add `fiscal_code` (POST /api/v1/messages needs it in the body)")]


@payload_check("IO121")
def invalid_fiscal_code(view, ctx):
    msg = view.data
    if view.is_dict and "fiscal_code" in msg:
        # plainly_valid vouches for the code's shape (FISCAL_CODE_RE): only its check character is left
        regular = not view.shape & IRREGULAR
        problem = (_check_character_problem if regular else fiscal_code_problem)(msg["fiscal_code"])
        if problem:
            return [Hit("fiscal_code", f"recipient `fiscal_code` {problem}", value=msg["fiscal_code"])]
