"""pagoPA payment notices: amount in cents, notice number with check digits, payee, due date."""

from __future__ import annotations

import math

from stdnum.it import iva

from iolint import italian
from iolint.checks import content
from iolint.finding import Hit
from iolint.message import AMOUNT_MAX, AMOUNT_MIN, NOTICE_NUMBER_RE, ORGANIZATION_FISCAL_CODE_RE
from iolint.money import format_euro
from iolint.pagopa import notice_check_digits
from iolint.registry import payload_check


def _payment(msg: object) -> dict | None:
    value = content(msg).get("payment_data")
    return value if isinstance(value, dict) else None


def euro_amounts_in(text: str) -> set[int]:
    """Amounts the text states in euro, as cents."""
    return {a.cents for a in italian.amounts(text)}


@payload_check("IO201")
def amount_not_integer(msg, ctx):
    pay = _payment(msg)
    if pay is None or "amount" not in pay:
        return
    amount = pay["amount"]
    if isinstance(amount, bool) or not isinstance(amount, int):
        hint = ""
        if isinstance(amount, float) and math.isfinite(amount) and abs(amount) < 1e12:
            hint = f": if you meant {format_euro(round(amount * 100))}, write {round(amount * 100)}"
        elif isinstance(amount, str):
            hint = ": write it as a JSON number, without quotes"
        yield Hit(
            "content.payment_data.amount",
            f"`amount` must be an integer number of euro cents{hint}",
            value=amount,
        )


@payload_check("IO202")
def amount_out_of_range(msg, ctx):
    pay = _payment(msg)
    amount = pay.get("amount") if pay else None
    if isinstance(amount, int) and not isinstance(amount, bool):
        if not AMOUNT_MIN <= amount <= AMOUNT_MAX:
            yield Hit(
                "content.payment_data.amount",
                f"`amount` must be {AMOUNT_MIN}..{AMOUNT_MAX:,} euro cents, not {amount}",
            )


@payload_check("IO203")
def amount_looks_like_euros(msg, ctx):
    pay = _payment(msg)
    amount = pay.get("amount") if pay else None
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < AMOUNT_MIN:
        return
    body = content(msg).get("markdown")
    stated = euro_amounts_in(body) if isinstance(body, str) else set()
    if stated:
        if amount not in stated and amount * 100 in stated:
            yield Hit(
                "content.payment_data.amount",
                f"the body says {format_euro(amount * 100)} but `amount` is {amount} cents "
                f"({format_euro(amount)}): write {amount * 100}",
            )
    elif amount < 100:
        yield Hit(
            "content.payment_data.amount",
            f"`amount` {amount} is {format_euro(amount)}: amounts are in euro cents, "
            f"so {format_euro(amount * 100)} is {amount * 100}",
        )


@payload_check("IO204")
def invalid_notice_number(msg, ctx):
    pay = _payment(msg)
    if pay is None or "notice_number" not in pay:
        return
    number = pay["notice_number"]
    field = "content.payment_data.notice_number"
    if not isinstance(number, str):
        yield Hit(
            field,
            "`notice_number` must be a string of 18 digits (as a number it loses leading zeros)",
        )
    elif not NOTICE_NUMBER_RE.match(number):
        if len(number) != 18 or not number.isdigit():
            why = f"has {len(number)} characters" if number.isdigit() else "is not all digits"
            yield Hit(field, f"`notice_number` must be 18 digits and {why}", value=number)
        else:
            yield Hit(
                field,
                f"`notice_number` starts with aux digit {number[0]}: only 0, 1, 2 or 3 exist",
                value=number,
            )


@payload_check("IO205")
def notice_number_check_digits_rule(msg, ctx):
    pay = _payment(msg)
    number = pay.get("notice_number") if pay else None
    if isinstance(number, str) and NOTICE_NUMBER_RE.match(number):
        expected = notice_check_digits(number)
        if expected is not None and number[16:] != expected:
            yield Hit(
                "content.payment_data.notice_number",
                f"`notice_number` ends with check digits {number[16:]} but its first 16 digits "
                f"require {expected} (mod 93): the notice number is mistyped",
                value=number,
            )


@payload_check("IO206")
def invalid_payee_fiscal_code(msg, ctx):
    pay = _payment(msg)
    payee = pay.get("payee") if pay else None
    if not isinstance(payee, dict) or "fiscal_code" not in payee:
        return
    code = payee["fiscal_code"]
    field = "content.payment_data.payee.fiscal_code"
    if not isinstance(code, str) or not ORGANIZATION_FISCAL_CODE_RE.match(code):
        yield Hit(field, "payee `fiscal_code` must be a string of 11 digits", value=code)
    elif not iva.is_valid(code):
        yield Hit(
            field,
            "payee `fiscal_code` has a wrong check digit or office code: "
            "it is not the creditor's fiscal code",
            value=code,
        )


@payload_check("IO207")
def invalid_after_due_date_without_due_date(msg, ctx):
    pay = _payment(msg)
    if pay and pay.get("invalid_after_due_date") is True and content(msg).get("due_date") is None:
        yield Hit(
            "content.payment_data.invalid_after_due_date",
            "`invalid_after_due_date` is true but the message has no `due_date`: "
            "the app cannot tell when the notice expires",
        )


@payload_check("IO208")
def payment_without_due_date(msg, ctx):
    if _payment(msg) is not None and content(msg).get("due_date") is None:
        yield Hit(
            "content.payment_data",
            "a payment message without `due_date`: the citizen sees no deadline in the app "
            "and gets no reminder",
        )


@payload_check("IO209")
def explicit_payee(msg, ctx):
    pay = _payment(msg)
    if pay and pay.get("payee") is not None:
        yield Hit(
            "content.payment_data.payee",
            "an explicit `payee` needs the ApiMessageWriteWithPayee permission (IO answers 403 "
            "without it); omit it when the payee is the sending ente itself",
        )
