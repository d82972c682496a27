"""Escaping for the preview's HTML: whatever a message holds is text in the page, never markup."""

from __future__ import annotations

import html
import re

from iolint.appview.privacy import STAR

# C0 and C1 controls other than tab and newline, and lone surrogates (JSON allows "\ud800"):
# shown as the replacement character, so that the page is valid UTF-8 text.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def esc(text: object) -> str:
    """``text`` as HTML text or attribute value (quotes escaped too)."""
    clean = _UNSAFE.sub("\ufffd", str(text))
    return html.escape(clean, quote=True).replace(STAR, "*")
