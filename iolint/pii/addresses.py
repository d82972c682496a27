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
from iolint.pii.wordlists import factored_alternation

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
_CAPITALISED_ODONYM = "|".join(a[0].upper() + a[1:] for a in alternatives(_ODONYM)) + "|rue|avenue|chemin"
NUMBER_FIRST = re.compile(
    rf"""(?=\d)(?<![\w.,/])(?P<number>\d{{1,4}})[A-Za-z]?,?\s+
    (?P<odonym>{_CAPITALISED_ODONYM})\s+(?P<name>(?:(?:{_WORD}|{_LINK})\s+){{0,3}}{_WORD})
    (?![\w'’]|,?\s*(?:n\.?\s*)?\d)""",
    re.VERBOSE,
)
# German: one word ("Dantestraße 3", "Hauptstr. 5"), hyphenated ("Dr.-Streiter-Gasse 8"), or a
# place's adjective and the street word ("Bozner Straße 12").
_GERMAN_STREET = r"straße|strasse|str\.|gasse|platz|weg|allee"
GERMAN_ADDRESS = re.compile(
    rf"(?<![\w])(?:[A-ZÄÖÜ][a-zäöüß]{{1,30}}(?:{_GERMAN_STREET})|(?:[A-ZÄÖÜ][a-zäöüß]{{0,30}}\.?-){{1,3}}"
    rf"(?-i:Straße|Strasse|Str\.|Gasse|Platz|Weg|Allee)|"
    rf"(?!(?:Der|Jeder|Dieser|Einer|Keiner|Ihrer|Unserer|Eurer|Seiner|Meiner)\s)[A-ZÄÖÜ][a-zäöüß]{{1,30}}er\s+"
    rf"(?-i:Straße|Strasse|Str\.|Gasse|Platz|Weg|Allee))\s*(?P<number>\d{{1,4}})[a-z]?(?![\w])"
)
# The house number before the street, Italian: "il civico 12 di Via Verdi".
CIVIC_FIRST = re.compile(
    rf"""(?<![\w.])(?i:civico|numero\s+civico)\s+(?:n\.?\s*)?(?P<number>\d{{1,4}})(?:\s?/\s?[A-Za-z0-9]{{1,3}})?
    \s+(?:di|in)\s+(?P<odonym>(?i:{_ODONYM}))\s+(?P<name>(?:(?:{_WORD}|{_LINK})\s+){{0,3}}{_WORD})""",
    re.VERBOSE,
)
# A German street named without a street word, right after a word for a home ("Wohnsitzwechsel
# nach Lauben 22, Meran", "Neue Anschrift: Am Markt 3", "Ihre neue Adresse: Lauben 22"); the street
# and its number are the address.
GERMAN_HOME_STREET = re.compile(
    r"(?i:wohnsitz\w{0,8}|wohnhaft|wohnung\w{0,4}|anschrift|(?:neue|ihre|deine)\s+adresse)(?:\s+(?i:nach|in|in\s+der|in\s+die|im|am|an\s+der))?"
    r"[:\s]\s*(?P<street>(?!(?:Nr|Top|Tür|Stock)\b)(?:[A-ZÄÖÜ][\w.-]+\s+){1,3}(?P<number>\d{1,4})[a-z]?)"
    r"(?![\w/.,]\d|\s+(?:Jahr|Monat|Woche|Tag|Stunde|Person|Kind|Mal)\w*)"
)
# English: the number, capitalised words and a street word ("12 Baker Street").
_ENGLISH_STREET = r"Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Square|Close|Crescent|Terrace|Place|Way|Gardens"
ENGLISH_ADDRESS = re.compile(
    rf"(?=\d)(?<![\w.,/])(?P<number>\d{{1,4}})[A-Za-z]?,?\s+(?:[A-Z][a-z'’]+\s+){{1,3}}(?:{_ENGLISH_STREET})(?![\w])"
)
# A street name in lower case counts after a word for a home ("nuova residenza: via roma 12");
# "via" is then not the preposition of a channel ("inviata via pec 2 volte").
LOWER_STREET = re.compile(
    rf"""(?<![\w.])(?P<odonym>(?i:{_ODONYM}))\s+
    (?!(?:pec|e-?mail|mail|sms|posta|app|web|internet|fax|telefono|whatsapp|raccomandata)\b)
    (?P<name>(?:[a-zà-ý][\w'’]*\s+){{1,4}}?),?\s*(?P<mark>(?:n\.?|nr\.?|n°|civico)\s*)?
    (?P<number>\d{{1,4}})(?:\s?/\s?[a-z0-9]{{1,3}}|[a-z](?![\w]))?(?![\d\w])""",
    re.VERBOSE,
)
_CUE = cue(r"residen|domicili|indirizz|abita|address|adresse|wohnhaft")
_HOME_CUE = cue(r"residen|domicili|indirizz|abita|address|adresse|wohnhaft|ingombranti|consegna|casa\b")
# Where a person lives or receives things: an address near these is someone's.
_HOME = cue(factored_alternation("addresses", "home"))
# Offices and facilities open to the public, and road works: an address near these is not a
# person's.
_OFFICE = cue(factored_alternation("addresses", "office"))
_REACH = 60
_YEAR = re.compile(r"(?:19|20)\d\d")
_ROMAN = re.compile(r"[IVXL]+")


# The street words of the German and English forms.
_GERMAN_WORDS = ("straße", "strasse", "str.", "gasse", "platz", "weg", "allee")
_ENGLISH_WORDS = tuple(w.lower().rstrip(".") for w in alternatives(_ENGLISH_STREET.replace("\\.", ".")))

# Every address starts with an odonym, holds a German or English street word, or follows a German
# word for a home (cues for the pre-filter).
CUES = (
    tuple(stem_of(odonym, bounded=True) for odonym in alternatives(_ODONYM))
    + tuple(Cue(word.rstrip("."), word_start=False, word_end=True) for word in _GERMAN_WORDS)
    + tuple(Cue(word, word_end=True) for word in _ENGLISH_WORDS)
    + (Cue("wohn"), Cue("anschrift"), Cue("adresse"))
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


class _Street:
    """The street part of a match, as a match of its own (``GERMAN_HOME_STREET``)."""

    re = None

    def __init__(self, m: re.Match[str]):
        self._m = m

    def start(self) -> int:
        return self._m.start("street")

    def end(self) -> int:
        return self._m.end("street")

    def group(self, name: str) -> str:
        return self._m.group(name)


def find_addresses(text: str) -> list[Hit]:
    low = text.lower()
    found = [m for m in STREET_ADDRESS.finditer(text) if _is_address(m)]
    found += NUMBER_FIRST.finditer(text)
    if "civico" in low:
        found += CIVIC_FIRST.finditer(text)
    # The other forms only where their words are (a plain scan of the text is the cost here).
    if any(word in low for word in _GERMAN_WORDS):
        found += GERMAN_ADDRESS.finditer(text)
    if any(word in low for word in _ENGLISH_WORDS):
        found += ENGLISH_ADDRESS.finditer(text)
    if _HOME_CUE.search(text):
        found += (m for m in LOWER_STREET.finditer(text) if _HOME_CUE.search(before(text, m.start())))
    if "wohn" in low or "anschrift" in low or "adresse" in low:
        found += map(_Street, GERMAN_HOME_STREET.finditer(text))
    return [
        Hit("IT_ADDRESS", m.start(), m.end(), CONTEXT if _CUE.search(before(text, m.start())) else PAIR)
        for m in found
        if not (m.re is not STREET_ADDRESS and _YEAR.fullmatch(m.group("number"))) and not _an_office(text, m)
    ]
