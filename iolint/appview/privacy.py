"""Personal data in a preview: masked as every other output masks it, unless asked to show it.

What iolint's personal-data detectors find, and anything shaped like a codice fiscale (a
mistyped one is still someone's), is replaced by ``iolint.pii.mask``'s form. As for the source
lines under text findings (``iolint.report.excerpt``), the detectors run without presidio, whose
import would cost a page most of its time, and without the allow-list: a preview may mask more
than the findings report, never less.
"""

from __future__ import annotations

import re

STAR = "\ue00a"  # stands for a mask's `*` while markdown is parsed, where `*` is emphasis
_NOT_NEWLINE = re.compile(r"[^\n]")


def _spans(text: str) -> list[tuple[int, int]]:
    from iolint.pii.codes import FISCAL_CODE
    from iolint.pii.detectors import find_all

    found = [(hit.start, hit.end) for hit in find_all(text)]
    found += [m.span() for m in FISCAL_CODE.finditer(text)]
    merged: list[list[int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def mask(text: str, *, markdown: bool = False) -> str:
    """``text`` with its personal data masked. With ``markdown``, the mask's stars are ``STAR``
    (turned back into `*` once the markdown is parsed) and lines keep their number, so that
    findings still point at the right line."""
    from iolint.pii import mask as masked_form

    if not text:
        return text
    spans = _spans(text)
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
