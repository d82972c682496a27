"""The body and the data agree: the amount, the deadline and the notice number the text states
are those of ``payment_data`` and ``due_date``, and a text that asks to pay has payment data
(IO210-IO212, IO305).

To keep false alarms rare, a body may state several amounts or deadlines (a total and an
instalment, a reduced amount and the full one): only when none of them is the payment's is
the text reported. Every check looks for its cue with a plain substring test before any regex.
"""

from __future__ import annotations

import re

from iolint import italian
from iolint.checks import content, text_of
from iolint.checks.dates import ROME, parse_timestamp
from iolint.finding import Hit
from iolint.message import AMOUNT_MAX, AMOUNT_MIN, NOTICE_NUMBER_RE
from iolint.money import format_euro
from iolint.registry import payload_check

_FIELD = "content.markdown"


def _body(msg) -> tuple[str, int] | None:
    """The markdown the app renders (front matter left out), and its offset in the field."""
    text = text_of(msg, "markdown")
    if not text:
        return None
    if text.startswith(("---", "\ufeff", "= yaml =")):
        from iolint import cta

        _, body, at = cta.split_front_matter(text)
        return body, at
    return text, 0


def _payment(msg) -> dict | None:
    value = content(msg).get("payment_data")
    return value if type(value) is dict else None


def _listed(values: list[str]) -> str:
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " and " + values[-1]


@payload_check("IO210")
def body_amount_mismatch(msg, ctx):
    pay = _payment(msg)
    amount = pay.get("amount") if pay else None
    if type(amount) is not int or not AMOUNT_MIN <= amount <= AMOUNT_MAX:
        return  # IO201 and IO202 say what is wrong with it
    found = _body(msg)
    stated = italian.amounts(found[0]) if found else []
    cents = {a.cents for a in stated}
    if not stated or amount in cents or amount * 100 in cents:  # euros for cents: IO203's
        return
    shown = list(dict.fromkeys(format_euro(a.cents) for a in stated))
    says = f"says {shown[0]}" if len(shown) == 1 else f"states {_listed(shown)}, none of them"
    yield Hit(
        _FIELD,
        f"the body {says} but `payment_data.amount` is {amount} cents ({format_euro(amount)}): "
        "the citizen would read one amount and pay another",
        value=(amount, tuple(sorted(cents))),
        offset=found[1] + stated[0].start,
    )


@payload_check("IO211")
def body_notice_number_mismatch(msg, ctx):
    pay = _payment(msg)
    number = pay.get("notice_number") if pay else None
    if type(number) is not str or not NOTICE_NUMBER_RE.match(number):
        return  # IO204 says what is wrong with it
    found = _body(msg)
    written = italian.notice_numbers(found[0]) if found else []
    if not written or any(digits == number for _, _, digits in written):
        return
    start, end, _ = written[0]
    yield Hit(
        _FIELD,
        f"the body gives the notice number {found[0][start:end]} but `payment_data.notice_number` "
        f"is {number}: a citizen paying at a bank or a tobacconist's types the one in the text",
        value=(number, written[0][2]),
        offset=found[1] + start,
    )


@payload_check("IO305")
def body_due_date_mismatch(msg, ctx):
    value = content(msg).get("due_date")
    due = parse_timestamp(value)[0] if type(value) is str else None
    if due is None:
        return  # IO301 says what is wrong with it
    found = _body(msg)
    stated = italian.deadlines(found[0]) if found else []
    day = (due.astimezone(ROME) if due.tzinfo else due).date()
    if not stated or any(d.matches(day) for d in stated):
        return
    shown = list(dict.fromkeys(str(d) for d in stated))
    says = f"gives the deadline {shown[0]}" if len(shown) == 1 else f"gives the deadlines {_listed(shown)}"
    yield Hit(
        _FIELD,
        f"the body {says} but `due_date` is {day:%d/%m/%Y} in Rome: the app's reminder and the "
        "text disagree on the day",
        value=(value, tuple(shown)),
        offset=found[1] + stated[0].start,
    )


# A call to pay: the app's "Paga" button (or the imperative), "devi/puoi pagare", "paga ora".
_PAY = re.compile(
    r"\bPaga\b|\b(?i:(?:devi|dovete|puoi|potete|può)\s+pagare|paga\s+(?:ora|subito|adesso|online"
    r"|direttamente|in\s+app)|da\s+pagare\s+entro)\b"
)


@payload_check("IO212")
def payment_text_without_payment_data(msg, ctx):
    if _payment(msg) is not None:
        return
    found = _body(msg)
    if not found or "pag" not in found[0].lower():
        return
    m = _PAY.search(found[0])
    if m:
        yield Hit(
            _FIELD,
            f"the body asks the citizen to pay (\"{m.group()}\") but the message has no "
            "`payment_data`: the app shows no Paga button and no notice; add the payment data, "
            "or say where and how to pay",
            value=m.group(),
            offset=found[1] + m.start(),
        )
