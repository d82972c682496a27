"""Personal data in a preview: masked as every other output masks it, unless asked to show it.

What iolint's personal-data detectors find, and anything shaped like a codice fiscale (a
mistyped one is still someone's), is replaced by ``iolint.pii.mask``'s form. As for the source
lines under text findings (``iolint.redact``), the detectors run without presidio, whose
import would cost a page most of its time, and without the allow-list: a preview may mask more
than the findings report, never less.
"""

from __future__ import annotations

import re

STAR = "\ue00a"  # stands for a mask's `*` while markdown is parsed, where `*` is emphasis
_NOT_NEWLINE = re.compile(r"[^\n]")


def mask(text: str, *, markdown: bool = False) -> str:
    """``text`` with its personal data masked. With ``markdown``, the mask's stars are ``STAR``
    (turned back into `*` once the markdown is parsed) and lines keep their number, so that
    findings still point at the right line."""
    from iolint.pii import mask as masked_form
    from iolint.redact import spans as personal_spans

    if not text:
        return text
    spans = personal_spans(text)
    if not spans:
        return text
    out, last = [], 0
    for start, end in spans:
        value = text[start:end]
        shown = masked_form(value)
        if shown.count("\n") != value.count("\n"):
            shown = _NOT_NEWLINE.sub("*", value)
        out += [text[last:start], shown.replace("*", STAR) if markdown else shown]
        last = end
    out.append(text[last:])
    return "".join(out)
