"""Hypothesis generators of valid IO payloads and their parts, and helpers the property tests share.

Profiles: ``fast`` (the default, for every test run) and ``long`` (thousands of examples, for a
nightly or pre-release run): ``HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py``.
"""

from __future__ import annotations

import os
import string
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.it import codicefiscale

settings.register_profile(
    "fast", max_examples=40, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=2000, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))

NOW = datetime(2026, 1, 1, tzinfo=UTC)  # the fixed "now" every due date is compared with
ROME = ZoneInfo("Europe/Rome")

# Lower-case words no personal-data detector should flag: no names, places, streets, health,
# judicial or other special-category terms, no digits.
WORDS = """
avviso pagamento servizio servizi comunale scadenza tassa rifiuti documento disponibile ufficio
pratica richiesta domanda iscrizione mensa scolastica anno nuovo nuova puoi consultare app online
modulo rinnovo area riservata accedi con il la le per del della dei al nel tuo tua tuoi conferma
aggiornamento informazioni dettagli messaggio comunicazione importo canone acqua trasporto bollo
contributo agevolazione graduatoria bando stato procedura completata ricevuta entro termine
presentare inviare verificare leggere sezione portale sportello orario apertura biblioteca
prestito libri cittadini territorio raccolta differenziata calendario parcheggio permesso zona
traffico limitato ritiro consegna avvio attivazione
""".split()

OMOCODIA = "LMNPQRSTUV"  # the letter that stands for each digit in an omocodia code
_OMOCODIA_POSITIONS = (14, 13, 12, 10, 9, 7, 6)  # replaced right to left, as the registry does
ULID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


# -- codes -------------------------------------------------------------------------------------


@st.composite
def fiscal_codes(draw) -> str:
    """A codice fiscale with a real birth date and check character, sometimes an omocodia variant."""
    letters = st.sampled_from(string.ascii_uppercase)
    name = "".join(draw(st.lists(letters, min_size=6, max_size=6)))
    year = draw(st.integers(0, 99))
    month = draw(st.sampled_from("ABCDEHLMPRST"))
    day = draw(st.integers(1, 28)) + draw(st.sampled_from([0, 40]))
    place = draw(letters) + f"{draw(st.integers(1, 999)):03d}"
    body = list(f"{name}{year:02d}{month}{day:02d}{place}")
    for pos in _OMOCODIA_POSITIONS[: draw(st.integers(0, len(_OMOCODIA_POSITIONS)))]:
        body[pos] = OMOCODIA[int(body[pos])]
    first15 = "".join(body)
    return first15 + codicefiscale.calc_check_digit(first15)


def notice_check_digits(first16: str) -> str:
    return f"{int(first16) % 93:02d}"


@st.composite
def notice_numbers(draw, aux_digits: str = "0123") -> str:
    """An 18-digit pagoPA notice number: aux digit 0, 2 or 3 end with mod-93 check digits."""
    aux = draw(st.sampled_from(aux_digits))
    rest = "".join(draw(st.lists(st.sampled_from(string.digits), min_size=17, max_size=17)))
    if aux == "1":
        return aux + rest
    first16 = aux + rest[:15]
    return first16 + notice_check_digits(first16)


@st.composite
def payee_fiscal_codes(draw) -> str:
    """An organisation's 11-digit fiscal code: 7 digits, an office code, a Luhn check digit."""
    number = f"{draw(st.integers(1, 9_999_999)):07d}{draw(st.integers(1, 100)):03d}"
    return number + luhn.calc_check_digit(number)


ulids = st.lists(st.sampled_from(ULID_ALPHABET), min_size=24, max_size=24).map(lambda cs: "01" + "".join(cs))


# -- text --------------------------------------------------------------------------------------


def _fit(text: str, low: int, high: int) -> str:
    """Cut text to at most ``high`` characters at a word boundary, padding it up to ``low``."""
    while len(text) < low:
        text += " " + text
    return text[:high].rsplit(" ", 1)[0] if len(text) > high else text


def _sentence(words: list[str]) -> str:
    return " ".join(words).capitalize() + "."


words = st.sampled_from(WORDS)
subjects = st.lists(words, min_size=3, max_size=16).map(lambda ws: _fit(" ".join(ws).capitalize(), 10, 120))
sentences = st.lists(words, min_size=4, max_size=14).map(_sentence)
markdowns = st.lists(sentences, min_size=3, max_size=40).map(lambda ss: _fit(" ".join(ss), 80, 10_000))


# -- payloads ----------------------------------------------------------------------------------


@st.composite
def due_dates(draw) -> str:
    """End of a future day in Rome, written in UTC or with Rome's offset."""
    day = draw(st.dates(min_value=NOW.date() + timedelta(days=1), max_value=date(2030, 12, 31)))
    end = datetime.combine(day, time(23, 59, 59), ROME)
    if draw(st.booleans()):
        return end.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return end.isoformat()


@st.composite
def payloads(draw, plan: str = "base") -> dict:
    """A NewMessage payload IO accepts on ``plan``: informative, or a payment notice."""
    content = {"subject": draw(subjects), "markdown": draw(markdowns)}
    if draw(st.booleans()):
        content["due_date"] = draw(due_dates())
    if draw(st.booleans()):
        payment = {"amount": draw(st.integers(1, 9_999_999_999)), "notice_number": draw(notice_numbers())}
        if "due_date" in content and draw(st.booleans()):
            payment["invalid_after_due_date"] = True
        if draw(st.booleans()):
            payment["payee"] = {"fiscal_code": draw(payee_fiscal_codes())}
        content["payment_data"] = payment
    if draw(st.booleans()):
        content["require_secure_channels"] = draw(st.booleans())
    payload = {"fiscal_code": draw(fiscal_codes()), "content": content}
    advanced = plan == "premium" and draw(st.booleans())
    if advanced or draw(st.booleans()):
        payload["feature_level_type"] = "ADVANCED" if advanced else "STANDARD"
    if draw(st.booleans()):
        content["third_party_data"] = {
            "id": draw(st.text(string.ascii_letters + string.digits, min_size=1, max_size=20)),
            "configuration_id": draw(ulids),
            "has_attachments": advanced and draw(st.booleans()),
        }
    return payload


# Any float, infinities and NaN included: Python's json reads 1e999 as inf and writes NaN.
json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
json_values = st.recursive(
    json_scalars, lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5)
)
# What can be sent: NaN and the infinities are no JSON (RFC 8259), the API refuses them (InvalidPayload).
sendable_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
)
