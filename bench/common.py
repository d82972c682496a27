"""Shared pieces of the benchmarks: realistic payload generators, the baseline, timing and tables.

The baseline is what a team would assemble without iolint: the NewMessage JSON Schema
(``newmessage.schema.json``, from iolint/message.py's constraints) with jsonschema's Draft 7
validator, plus presidio-analyzer's Italian recognizers on the title, set up the fastest way
presidio allows (``stock_presidio``, which bench_pii.py uses too).
"""

from __future__ import annotations

import json
import os
import random
import sys
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")  # presidio's email recognizer, offline

NOW = datetime(2026, 1, 1, tzinfo=UTC)
ROME = ZoneInfo("Europe/Rome")
SCHEMA = Path(__file__).with_name("newmessage.schema.json")

# Every title template holds {ref}: unique per payload in the "unique" mix, drawn once in "batch".
TITLES = [
    "Avviso di pagamento TARI {year}: rata {n}, rif. {ref}",
    "Mensa scolastica: rata {n} in scadenza il {date} (rif. {ref})",
    "Avviso pagoPA n. {ref} in scadenza",
    "Protocollo n. {ref}/{year}: pratica presa in carico",
    "Saldo IMU {year}: {euro} entro il {date}, rif. {ref}",
    "Il tuo appuntamento del {date}: prenotazione n. {ref}",
    "Ritiro rifiuti ingombranti del {date}, richiesta n. {ref}",
    "Rinnovo carta d'identità: appuntamento n. {ref}",
    "Canone idrico {year}: bolletta n. {ref}",
    "Trasporto scolastico {year}: quota di {euro}, rif. {ref}",
    "Permesso ZTL n. {ref} in scadenza il {date}",
    "Contributo affitto {year}: esito della domanda n. {ref}",
    "Bollo auto {year}: promemoria di pagamento n. {ref}",
    "Centri estivi {year}: iscrizione n. {ref} confermata",
    "Lampade votive {year}: avviso n. {ref}",
    "Tassa di soggiorno: dichiarazione n. {ref} ricevuta",
    "Servizio idrico: lettura del contatore n. {ref}",
    # about one title in nine holds personal data, as a careless sender writes it
    "Gentile {first} {last}, il tuo avviso TARI n. {ref}",
    "Avviso n. {ref} intestato a {fiscal_code}",
    "Sig.ra {last}: la tua pratica n. {ref} è conclusa",
]
BODIES = [
    "Hai un avviso di pagamento di {euro} per {service}, con scadenza il {date}. Puoi pagare in app "
    "con il pulsante Paga o presso gli esercenti convenzionati pagoPA indicando il codice avviso {notice}.",
    "Ti ricordiamo che il {date} scade il pagamento di {euro} per {service}. Se hai già pagato, non "
    "considerare questo messaggio. Codice avviso: {notice}.",
    "La tua richiesta per {service} è stata registrata. Riceverai un nuovo messaggio quando sarà "
    "conclusa; l'importo dovuto, {euro}, è da versare entro il {date}.",
]
SERVICES = ["la tassa rifiuti", "la mensa scolastica", "il trasporto scolastico", "il canone idrico", "la ZTL"]
FIRST = ["Mario", "Giulia", "Luca", "Francesca", "Giuseppe", "Chiara", "Antonio", "Sara"]
LAST = ["Rossi", "Bianchi", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco"]
OMOCODIA = "LMNPQRSTUV"


def fiscal_code(rnd: random.Random) -> str:
    from stdnum.it import codicefiscale

    letters = "".join(rnd.choice("BCDFGLMNPRSTVZ") for _ in range(6))
    day = rnd.randint(1, 28) + rnd.choice((0, 40))
    first15 = f"{letters}{rnd.randint(40, 99):02d}{rnd.choice('ABCDEHLMPRST')}{day:02d}{rnd.choice('ADFHL')}{rnd.randint(1, 999):03d}"
    return first15 + codicefiscale.calc_check_digit(first15)


def notice_number(rnd: random.Random) -> str:
    first16 = "3" + "".join(rnd.choice("0123456789") for _ in range(15))
    return first16 + f"{int(first16) % 93:02d}"


def euro(cents: int) -> str:
    return f"{cents // 100:,}".replace(",", ".") + f",{cents % 100:02d} €"


def due_date(rnd: random.Random) -> tuple[str, str]:
    """(due_date at 23:59:59 Rome, the same day as dd/mm/yyyy)."""
    day = date(2026, 1, 2) + timedelta(days=rnd.randint(0, 700))
    end = datetime.combine(day, clock(23, 59, 59), ROME).astimezone(UTC)
    return end.strftime("%Y-%m-%dT%H:%M:%SZ"), f"{day:%d/%m/%Y}"


def _fields(rnd: random.Random, cf: str) -> dict:
    cents = rnd.randint(500, 250_000)
    due, shown = due_date(rnd)
    return {
        "year": rnd.randint(2025, 2027),
        "n": rnd.randint(1, 4),
        "date": shown,
        "due": due,
        "cents": cents,
        "euro": euro(cents),
        "ref": rnd.randint(10**6, 10**9),
        "first": rnd.choice(FIRST),
        "last": rnd.choice(LAST),
        "fiscal_code": cf,
        "service": rnd.choice(SERVICES),
        "notice": notice_number(rnd),
    }


def payloads(n: int, mix: str = "unique", seed: int = 42) -> list[dict]:
    """``n`` payloads. mix "unique": every title different; "batch": 40 titles, rendered once from the
    templates, shared by all payloads, whose bodies vary by amount, date and notice number."""
    rnd = random.Random(seed)
    pool = [rnd.choice(TITLES).format(**_fields(rnd, fiscal_code(rnd))) for _ in range(40)]
    out = []
    for i in range(n):
        cf = fiscal_code(rnd)
        f = _fields(rnd, cf)
        subject = rnd.choice(TITLES).format(**f | {"ref": i}) if mix == "unique" else rnd.choice(pool)
        content = {"subject": subject, "markdown": rnd.choice(BODIES).format(**f), "due_date": f["due"]}
        if rnd.random() < 0.6:
            content["payment_data"] = {"amount": f["cents"], "notice_number": f["notice"]}
        out.append({"fiscal_code": cf, "content": content})
    return out


# -- the baseline -------------------------------------------------------------------------------


def schema_validator():
    from jsonschema import Draft7Validator

    return Draft7Validator(json.loads(SCHEMA.read_text("utf-8")))


def stock_presidio():
    """Presidio set up the fastest way a skilled user would for Italian titles: offline, no spaCy
    model (the no-op NLP engine, so no tokenisation either), and only presidio's Italian
    recognizers (codice fiscale, partita IVA, identity card, passport, driving licence)."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NoOpNlpEngine
    from presidio_analyzer.predefined_recognizers import (
        ItDriverLicenseRecognizer,
        ItFiscalCodeRecognizer,
        ItIdentityCardRecognizer,
        ItPassportRecognizer,
        ItVatCodeRecognizer,
    )

    registry = RecognizerRegistry(supported_languages=["it"])
    for recognizer in (
        ItFiscalCodeRecognizer,
        ItVatCodeRecognizer,
        ItIdentityCardRecognizer,
        ItPassportRecognizer,
        ItDriverLicenseRecognizer,
    ):
        registry.add_recognizer(recognizer())
    engine = NoOpNlpEngine(models=[{"lang_code": "it", "model_name": "no_op"}])
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["it"])


# -- timing and tables --------------------------------------------------------------------------


def table(header: list[str], rows: list[list]) -> str:
    cells = [header] + [
        [f"{c:,.2f}" if isinstance(c, float) else f"{c:,}" if isinstance(c, int) else str(c) for c in r] for r in rows
    ]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join([lines[0], "-+-".join("-" * w for w in widths), *lines[1:]])
