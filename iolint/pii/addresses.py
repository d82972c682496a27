"""Street addresses: an odonym (Via, Viale, P.zza...), a street name, and a house number.

A street named without a house number ("Lavori in Piazza Garibaldi") is not an address of
anyone, and neither is an office's or a public facility's ("lo sportello di Via Roma 12", "la
biblioteca si trasferisce in Piazza Duomo 3", "il seggio di Via Po 5"): near an office word and
with no word for a home, an address is left alone. Lower-case "via" is also the preposition
("inviato via PEC 2 volte"), so after it the street name must be in title case; a four-digit
19xx/20xx number without "n." is a year.
"""

from __future__ import annotations

import re

from iolint.pii.cues import Cue, alternatives, stem_of
from iolint.pii.hits import CONTEXT, PAIR, Hit, before, cue
from iolint.pii.wordlists import alternation

_ODONYM = (
    r"via|viale|v\.le|piazza|p\.zza|p\.za|piazzale|p\.le|piazzetta|corso|c\.so|largo|l\.go|"
    r"vicolo|vico|lungomare|lungotevere|lungarno|strada|contrada|c\.da|località|loc\.|frazione|"
    r"fraz\.|borgo|salita|traversa|circonvallazione|calle|fondamenta|"
    r"rue|avenue|chemin"  # French, in Valle d'Aosta
)
_WORD = r"(?:(?:dell|d|l|all|sant)['’])?[A-ZÀ-Ý][\w'’.-]{0,30}"
_LINK = r"d[aei]|de[il]|della|dello|delle|degli|al|alla|sul|sulla|e|de|la|du|des|[IVXL]{1,5}|\d{1,2}"
STREET_ADDRESS = re.compile(
    rf"""(?<![\w.])(?P<odonym>(?i:{_ODONYM}))\s+
    (?P<name>(?:(?:{_WORD}|{_LINK})\s+){{0,4}}{_WORD})
    ,?\s*(?P<mark>(?:n\.?|nr\.?|n°|civico)\s*)?
    (?P<number>\d{{1,4}})(?:\s?/\s?[A-Za-z0-9]{{1,3}}|[A-Za-z](?![\w]))?(?![\d])
    (?:,?\s+\d{{5}}(?:\s+[A-ZÀ-Ý][\w'’]{{1,30}})?)?""",
    re.VERBOSE,
)
# The number first, as English writes it ("at your home, 14 Via Po"): a capitalised odonym, and
# no number after the street (then the number before it belongs to something else).
_CAPITALISED_ODONYM = "|".join(a[0].upper() + a[1:] for a in alternatives(_ODONYM))
NUMBER_FIRST = re.compile(
    rf"""(?<![\w.,/])(?P<number>\d{{1,4}})[A-Za-z]?,?\s+
    (?P<odonym>{_CAPITALISED_ODONYM})\s+(?P<name>(?:(?:{_WORD}|{_LINK})\s+){{0,3}}{_WORD})
    (?![\w'’]|,?\s*(?:n\.?\s*)?\d)""",
    re.VERBOSE,
)
GERMAN_ADDRESS = re.compile(
    r"(?<![\w])[A-ZÄÖÜ][a-zäöüß]{1,30}(?:straße|strasse|gasse|platz|weg|allee)\s+\d{1,4}[a-z]?(?![\w])"
)
_CUE = cue(r"residen|domicili|indirizz|abita|address|adresse|wohnhaft")
# Where a person lives or receives things: an address near these is someone's.
_HOME = cue(alternation("addresses", "home"))
# Offices and facilities open to the public, and road works: an address near these is not a
# person's.
_OFFICE = cue(alternation("addresses", "office"))
_REACH = 60
_YEAR = re.compile(r"(?:19|20)\d\d")
_ROMAN = re.compile(r"[IVXL]+")


# Every address starts with an odonym, or holds a German street word (cues for the pre-filter).
CUES = tuple(stem_of(odonym, bounded=True) for odonym in alternatives(_ODONYM)) + tuple(
    Cue(word, word_start=False, word_end=True) for word in ("straße", "strasse", "gasse", "platz", "weg", "allee")
)


def _is_address(m: re.Match[str]) -> bool:
    first = m.group("name").split()[0]
    if m.group("odonym") == "via" and first.isupper() and not _ROMAN.fullmatch(first):
        return False
    return bool(m.group("mark")) or not _YEAR.fullmatch(m.group("number"))


def _an_office(text: str, m: re.Match[str]) -> bool:
    """An office or facility is named near the address, and nothing says anyone lives there."""
    near = text[max(0, m.start() - _REACH) : m.start()] + " " + text[m.end() : m.end() + _REACH]
    return _OFFICE.search(near) is not None and _HOME.search(near) is None


def find_addresses(text: str) -> list[Hit]:
    found = [m for m in STREET_ADDRESS.finditer(text) if _is_address(m)]
    found += (m for m in NUMBER_FIRST.finditer(text) if not _YEAR.fullmatch(m.group("number")))
    found += GERMAN_ADDRESS.finditer(text)
    return [
        Hit("IT_ADDRESS", m.start(), m.end(), CONTEXT if _CUE.search(before(text, m.start())) else PAIR)
        for m in found
        if not _an_office(text, m)
    ]
