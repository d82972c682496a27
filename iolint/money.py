"""Amounts of money as the citizen reads them."""

from __future__ import annotations


def format_euro(cents: int, locale: str = "it") -> str:
    """Integer cents as text: ``1.234,50 €`` in Italian, ``1,234.50 €`` in English."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    grouped = f"{euros:,}"
    if locale == "en":
        return f"{sign}{grouped}.{rest:02d} €"
    return f"{sign}{grouped.replace(',', '.')},{rest:02d} €"
