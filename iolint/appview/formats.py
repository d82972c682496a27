"""The app's words and formats: dates (always Italian, Rome time), amounts, notice numbers.

Facts: pagopa/io-app (``features/messages``: the inbox row, the detail header, the due-date
reminder, the payment section, and what the locale changes). Words are the app's
``locales/{it,en}/index.json`` strings, quirks included (the English due-date text is the app's).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from iolint.clock import ROME
from iolint.money import format_euro

LOCALES = ("it", "en")
MONTHS = ("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic")

WORDS = {
    "it": {
        "messages": "Messaggi",
        "received": "Ricevuti",
        "archived": "Archiviati",
        "yesterday": "ieri",
        "due": "Scade il {date} alle ore {time}",
        "expired": "Scaduto il {date} alle ore {time}",
        "add_reminder": "Aggiungi promemoria",
        "payments": "Avvisi pagoPA",
        "notice_code": "Codice avviso",
        "pay": "Paga",
        "attachments": "Allegati",
        "attachments_alert": "I documenti sono disponibili online per un periodo limitato. Salvali sul tuo dispositivo!",
        "show_more": "Mostra altri dati",
        "decoding_error": "Il contenuto del messaggio non può essere mostrato correttamente.",
        "show_anyway": "Mostra comunque",
    },
    "en": {
        "messages": "Messages",
        "received": "Received",
        "archived": "Archived",
        "yesterday": "yesterday",
        "due": 'The " {date} " ends at {time}',
        "expired": "{date} has expired at {time}",
        "add_reminder": "Add a reminder",
        "payments": "pagoPA notices",
        "notice_code": "Notice Code",
        "pay": "Pay",
        "attachments": "Attachments",
        "attachments_alert": "The documents are available online for a limited time. Save them to your device!",
        "show_more": "Show more details",
        "decoding_error": "The message content cannot be displayed correctly.",
        "show_anyway": "Show anyway",
    },
}


def word(locale: str, key: str, **values: str) -> str:
    return WORDS[locale][key].format(**values)


def rome(moment: datetime) -> datetime:
    """The moment on a phone in Italy; a zone-less time is read as local, as JavaScript does."""
    return moment.replace(tzinfo=ROME) if moment.tzinfo is None else moment.astimezone(ROME)


def _short_month(moment: datetime) -> str:
    return f"{moment.day:02d} {MONTHS[moment.month - 1]}"


def list_date(created: datetime, now: datetime, locale: str) -> str:
    """The inbox row's date: `9:05` today, `ieri`, `05 mar` this year, `05/03/24` before."""
    created, now = rome(created), rome(now)
    if created.date() == now.date():
        return f"{created.hour}:{created.minute:02d}"
    if created.date() == now.date() - timedelta(days=1):
        return word(locale, "yesterday")
    if created.year == now.year:
        return _short_month(created)  # the app hard-codes the Italian locale here
    return f"{created:%d/%m/%y}"


def detail_date(created: datetime) -> str:
    """`05 mar 2025, 09:05`, in Italian whatever the app language."""
    created = rome(created)
    return f"{_short_month(created)} {created.year}, {created:%H:%M}"


def due_text(due: datetime, now: datetime, locale: str) -> tuple[str, bool]:
    """The due-date alert's text, and whether the date is still to come (then it has an action)."""
    due = rome(due)
    if due > rome(now):
        return word(locale, "due", date=f"{due:%d/%m/%y}", time=f"{due:%H:%M}"), True
    return word(locale, "expired", date=_short_month(due), time=f"{due:%H:%M}"), False


def amount(cents: int, locale: str) -> str:
    """`1.234,56 €` in Italian, `1,234.56 €` in English."""
    return format_euro(cents, locale)


def notice_number(number: str) -> str:
    """Groups of four digits separated by two spaces: `3020  0000  1234  5678  90`."""
    return "  ".join(number[i : i + 4] for i in range(0, len(number), 4))


def initials(name: str) -> str:
    """Up to two initials of an organisation's name, for its placeholder logo: `CE`."""
    words = [w for w in name.split() if w[:1].isalnum()]
    capital = [w for w in words if w[:1].isupper()] or words
    return "".join(w[0] for w in capital[:2]).upper() or "?"
