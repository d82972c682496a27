"""The recipient: one citizen, named by a valid codice fiscale."""

from __future__ import annotations

from stdnum.it import codicefiscale

from iolint.finding import Hit
from iolint.message import FISCAL_CODE_RE
from iolint.registry import payload_check


def fiscal_code_problem(value: object) -> str | None:
    """Why ``value`` is not a codice fiscale IO accepts, or None when it is one."""
    if not isinstance(value, str):
        return "must be a string of 16 characters"
    if not FISCAL_CODE_RE.match(value):
        if FISCAL_CODE_RE.match(value.upper()):
            return "must be in upper case: IO refuses lower-case codes"
        return "does not have the shape of a codice fiscale (16 characters: 6 letters, 2 digits, ...)"
    if codicefiscale.calc_check_digit(value[:15]) != value[15]:
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
        problem = fiscal_code_problem(msg["fiscal_code"])
        if problem:
            return [Hit("fiscal_code", f"recipient `fiscal_code` {problem}", value=msg["fiscal_code"])]
