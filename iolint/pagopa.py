"""pagoPA's notice numbers: 18 digits, an aux digit, then check digits (mod 93) for most."""

from __future__ import annotations

_CHECK_DIGITS = tuple(f"{n:02d}" for n in range(93))  # read, not formatted: it runs for every payment


def notice_check_digits(number: str) -> str | None:
    """The two check digits an 18-digit notice number must end with, or None for aux digit 1 (none)."""
    if number[0] == "1":
        return None
    return _CHECK_DIGITS[int(number[:16]) % 93]
