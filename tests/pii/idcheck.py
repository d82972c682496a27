"""Codici fiscali, partite IVA and IBANs in a title, each with whether its check character is right.

The frozen sets' shape tests use these to prove every such code carries the label its check
character calls for (valid ones labelled, deliberately wrong ones left clean). No detector here.
"""

from __future__ import annotations

import re
import unicodedata

from stdnum import iban
from stdnum.it import codicefiscale, iva

# Omocodia replaces digits of a codice fiscale with these letters.
_D = "[0-9LMNPQRSTUV]"
_CF = re.compile(rf"(?=([A-Z]{{6}}{_D}{{2}}[ABCDEHLMPRST]{_D}{{2}}[A-Z]{_D}{{3}}[A-Z]))")
_VAT = re.compile(r"(?<![0-9])([0-9]{11})(?![0-9])")
_IBAN_START = re.compile(r"(?=([A-Z]{2}[0-9]{2}[A-Z0-9]{11,}))")


def compact(title: str) -> str:
    """The title folded (NFKC), upper-cased, without spaces or invisible characters."""
    folded = unicodedata.normalize("NFKC", title)
    kept = (c for c in folded if not c.isspace() and unicodedata.category(c) not in ("Cf", "Mn"))
    return "".join(kept).upper()


def fiscal_codes(text: str) -> list[tuple[str, bool]]:
    return [(m, codicefiscale.is_valid(m)) for m in _CF.findall(text)]


def vat_numbers(text: str) -> list[tuple[str, bool]]:
    return [(m, iva.is_valid(m)) for m in _VAT.findall(text)]


def ibans(text: str) -> list[tuple[str, bool]]:
    """Each place where an IBAN may start; valid when some length from there passes.

    Spaces are gone, so an IBAN runs into the next word: try every length IBANs have.
    Places inside an IBAN already found valid are not candidates of their own.
    """
    found, end = [], 0
    for m in _IBAN_START.finditer(text):
        if m.start() < end:
            continue
        run = m.group(1)
        valid = [run[:n] for n in range(15, min(len(run), 34) + 1) if iban.is_valid(run[:n])]
        if valid:
            end = m.start() + len(valid[0])
        found.append((valid[0] if valid else run[:34], bool(valid)))
    return found


CHECKED = {"IT_FISCAL_CODE": fiscal_codes, "IT_VAT_CODE": vat_numbers, "IBAN_CODE": ibans}


def mislabelled(entries: list[dict], kind: str) -> list[tuple[str, list]]:
    """The titles whose codes of ``kind`` disagree with their label: labelled, the title holds
    such a code and every one is valid; clean of the kind, no valid one hides in it."""
    wrong = []
    for e in entries:
        found = CHECKED[kind](compact(e["t"]))
        if kind in e["k"]:
            if not found or not all(ok for _, ok in found):
                wrong.append((e["t"], found))
        elif any(ok for _, ok in found):
            wrong.append((e["t"], found))
    return wrong


def malformed(entries: object, kinds: frozenset[str]) -> list:
    """The entries that are not {t: a title of 1-120 characters, k: distinct kinds of ``kinds``}
    (the whole set when it is not a list)."""
    if not isinstance(entries, list):
        return [entries]
    return [
        e
        for e in entries
        if not (
            isinstance(e, dict)
            and set(e) == {"t", "k"}
            and isinstance(e["t"], str)
            and e["t"].strip()
            and len(e["t"]) <= 120
            and isinstance(e["k"], list)
            and set(e["k"]) <= kinds
            and len(set(e["k"])) == len(e["k"])
        )
    ]
