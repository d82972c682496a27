"""The payment family: pagoPA payment notices: amount in cents, notice number with check digits,
payee, due date. Every check needs ``payment_data``."""

from __future__ import annotations

import math

from stdnum.it import iva

from iolint.finding import Hit
from iolint.message import AMOUNT_MAX, AMOUNT_MIN, NOTICE_NUMBER_RE, ORGANIZATION_FISCAL_CODE_RE
from iolint.money import format_euro
from iolint.pagopa import notice_check_digits
from iolint.registry import payload_check
from iolint.view import IRREGULAR

_AMOUNT = "content.payment_data.amount"
_NUMBER = "content.payment_data.notice_number"


@payload_check("IO201", needs=("payment", "irregular"))
def amount_not_integer(view, ctx):
    pay = view.payment
    if "amount" not in pay:
        return None
    amount = pay["amount"]
    if isinstance(amount, bool) or not isinstance(amount, int):
        hint = ""
        if isinstance(amount, float) and math.isfinite(amount) and abs(amount) < 1e12:
            hint = f": if you meant {format_euro(round(amount * 100))}, write {round(amount * 100)}"
        elif isinstance(amount, str):
            hint = ": write it as a JSON number, without quotes"
        return [Hit(_AMOUNT, f"`amount` must be an integer number of euro cents{hint}", value=amount)]
    return None


@payload_check("IO202", needs=("payment", "irregular"))
def amount_out_of_range(view, ctx):
    amount = view.payment.get("amount")
    if isinstance(amount, int) and not isinstance(amount, bool) and not AMOUNT_MIN <= amount <= AMOUNT_MAX:
        return [Hit(_AMOUNT, f"`amount` must be {AMOUNT_MIN}..{AMOUNT_MAX:,} euro cents, not {amount}")]
    return None


@payload_check("IO203", needs="payment")
def amount_looks_like_euros(view, ctx):
    amount = view.payment.get("amount")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < AMOUNT_MIN:
        return None
    stated = {a.cents for a in view.markdown_amounts}
    if stated:
        if amount not in stated and amount * 100 in stated:
            message = (
                f"the body says {format_euro(amount * 100)} but `amount` is {amount} cents "
                f"({format_euro(amount)}): write {amount * 100}"
            )
            return [Hit(_AMOUNT, message)]
    elif amount < 100:
        message = (
            f"`amount` {amount} is {format_euro(amount)}: amounts are in euro cents, "
            f"so {format_euro(amount * 100)} is {amount * 100}"
        )
        return [Hit(_AMOUNT, message)]
    return None


@payload_check("IO204", needs=("payment", "irregular"))
def invalid_notice_number(view, ctx):
    pay = view.payment
    if "notice_number" not in pay:
        return None
    number = pay["notice_number"]
    if not isinstance(number, str):
        return [Hit(_NUMBER, "`notice_number` must be a string of 18 digits (as a number it loses leading zeros)")]
    if NOTICE_NUMBER_RE.match(number):
        return None
    if len(number) != 18 or not number.isdigit():
        why = f"has {len(number)} characters" if number.isdigit() else "is not all digits"
        return [Hit(_NUMBER, f"`notice_number` must be 18 digits and {why}", value=number)]
    return [Hit(_NUMBER, f"`notice_number` starts with aux digit {number[0]}: only 0, 1, 2 or 3 exist", value=number)]


@payload_check("IO205", needs="payment")
def notice_number_check_digits(view, ctx):
    number = view.payment.get("notice_number")
    # plainly_valid vouches for its shape (NOTICE_NUMBER_RE)
    if not view.shape & IRREGULAR or (isinstance(number, str) and NOTICE_NUMBER_RE.match(number)):
        expected = notice_check_digits(number)
        if expected is not None and number[16:] != expected:
            message = (
                f"`notice_number` ends with check digits {number[16:]} but its first 16 digits "
                f"require {expected} (mod 93): the notice number is mistyped"
            )
            return [Hit(_NUMBER, message, value=number)]
    return None


@payload_check("IO206", needs="payment")
def invalid_payee_fiscal_code(view, ctx):
    payee = view.payment.get("payee")
    if not isinstance(payee, dict) or "fiscal_code" not in payee:
        return None
    code = payee["fiscal_code"]
    field = "content.payment_data.payee.fiscal_code"
    if not isinstance(code, str) or not ORGANIZATION_FISCAL_CODE_RE.match(code):
        return [Hit(field, "payee `fiscal_code` must be a string of 11 digits", value=code)]
    if not iva.is_valid(code):
        message = "payee `fiscal_code` has a wrong check digit or office code: it is not the creditor's fiscal code"
        return [Hit(field, message, value=code)]
    return None


@payload_check("IO207", needs="payment")
def invalid_after_due_date_without_due_date(view, ctx):
    if view.payment.get("invalid_after_due_date") is True and view.due_date is None:
        message = (
            "`invalid_after_due_date` is true but the message has no `due_date`: "
            "the app cannot tell when the notice expires"
        )
        return [Hit("content.payment_data.invalid_after_due_date", message)]
    return None


@payload_check("IO208", needs="payment")
def payment_without_due_date(view, ctx):
    if view.due_date is None:
        message = "a payment message without `due_date`: the citizen sees no deadline in the app and gets no reminder"
        return [Hit("content.payment_data", message)]
    return None


@payload_check("IO209", needs="payment")
def explicit_payee(view, ctx):
    if view.payment.get("payee") is not None:
        message = (
            "an explicit `payee` needs the ApiMessageWriteWithPayee permission (IO answers 403 "
            "without it); omit it when the payee is the sending ente itself"
        )
        return [Hit("content.payment_data.payee", message)]
    return None
