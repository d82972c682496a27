"""Personal data in a preview: masked as every other output masks it, unless asked to show it.

What ``iolint.privacy.spans`` finds (the detectors without presidio, whose import would cost a
page most of its time, and without the allow-list) is replaced by its masked form, as under text
findings (``iolint.report.excerpt``): a preview may mask more than the findings report, never less.
"""

from __future__ import annotations

import re

from iolint.privacy import DEFAULT, spans

STAR = "\ue00a"  # stands for a mask's `*` while markdown is parsed, where `*` is emphasis
_NOT_NEWLINE = re.compile(r"[^\n]")


def mask(text: str, *, markdown: bool = False) -> str:
    """``text`` with its personal data masked. With ``markdown``, the mask's stars are ``STAR``
    (turned back into `*` once the markdown is parsed) and lines keep their number, so that
    findings still point at the right line."""
    if not text:
        return text
    found = spans(text, touching=True)
    if not found:
        return text
    out, last = [], 0
    for start, end in found:
        value = text[start:end]
        shown = DEFAULT.mask(value)
        if shown.count("\n") != value.count("\n"):
            shown = _NOT_NEWLINE.sub("*", value)
        out += [text[last:start], shown.replace("*", STAR) if markdown else shown]
        last = end
    out.append(text[last:])
    return "".join(out)
