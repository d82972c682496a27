"""Personal data in iolint's own words: masked wherever iolint quotes what it read.

Finding messages and fields may quote input: an unknown key (IO104), a template expression
(IO720), a YAML tag (IO002), a render error (IO725). Whatever they quote passes through the
detectors behind ``iolint.pii.detect`` (the pure-Python ones: presidio would cost a run that
only reports findings most of its time; no allow-list, so this may mask more than the privacy
rules report, never less), plus anything shaped like a codice fiscale (a mistyped one is still
someone's), and each value found is shown as ``iolint.pii.mask`` shows it.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every personal-data value in ``text``, sorted, overlaps merged."""
    from iolint.pii.codes import FISCAL_CODE
    from iolint.pii.finders import find_all

    found = sorted([(hit.start, hit.end) for hit in find_all(text)] + [m.span() for m in FISCAL_CODE.finditer(text)])
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def redact(text: str) -> str:
    """``text`` with each personal-data value replaced by its masked form (not cached itself:
    ``--show-values`` changes what ``mask`` returns)."""
    if not text:
        return text
    found = spans(text)
    if not found:
        return text
    from iolint.pii import mask

    out, last = [], 0
    for start, end in found:
        out.append(text[last:start])
        out.append(mask(text[start:end]))
        last = end
    out.append(text[last:])
    return "".join(out)
