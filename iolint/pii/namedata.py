"""The name data behind person-name detection: first names and surnames of many origins, and the
common words of Italian, English and German, all from maintained packages.

* Names: python-codicefiscale's Italian first names and Faker's person providers. Faker's
  Latin-script locales are taken as they are (it_IT, ro_RO, pl_PL, the Spanish and Portuguese
  ones for Latin America and the Philippines, fr_DZ for the Maghreb, en_PK, en_IN, the Nigerian
  and Ghanaian ones, de_DE/de_AT/de_CH for South Tyrol, the English ones, en_TH for Thai
  names...); Chinese and Japanese names come from Faker's own romanised lists; Cyrillic, Greek,
  Armenian and Georgian names (uk_UA, ru_RU, bg_BG, mk_MK, el_GR, hy_AM, ka_GE) are
  transliterated with anyascii, which writes them as passports and registers usually do
  ("Коваленко" -> "Kovalenko", "აბაშიძე" -> "Abashidze"). Arabic, Bengali, Devanagari, Sinhala and
  Tamil script lists are not used: those scripts leave vowels unwritten, so a transliteration
  ("محمد" -> "mhmd") is not how the name is written in Latin letters; the Latin-script lists
  above (fr_DZ, en_PK, en_IN, ha_NG) carry those communities' names as they are written in Italy.
* Words: pyspellchecker's word frequencies mark a foreign name that is a common Italian or
  English word ("Will", "May", "Casa", "Porta") as WORD, like the curated Italian ones (Rosa,
  Sole, Franco): such a name counts only where the title leaves nothing but a person.
  simplemma's Italian and English word forms (and pyspellchecker's commoner German words) tell
  whether an unknown capitalised word could be a name at all ("Hoxha" could, "Graduatoria"
  could not); that is asked only in positions that hold a person.

Everything is keyed by ``fold(word)``: lower case, accents removed ("José" and "Jose" are one).
The table and the dictionary are built once into the user's cache folder (``datacache``);
loaded from there they take about 11 MB.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from array import array
from bisect import bisect_left
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from iolint.pii.datacache import cached
from iolint.pii.wordlists import words

FIRST, SURNAME, WORD, ITALIAN = 1, 2, 4, 8  # ITALIAN: in the Italian lists (it_IT, codice fiscale)

# Curated (data/namedata.txt): Italian names that are ordinary words when capitalised, as first
# names then surnames, each given that role also when the name lists miss it ("Bianco"); and
# words that are never names here.
ITALIAN_WORD_FIRST_NAMES = frozenset(words("namedata", "italian first names that are words"))
ITALIAN_WORD_SURNAMES = frozenset(words("namedata", "italian surnames that are words"))
ITALIAN_WORD_NAMES = ITALIAN_WORD_FIRST_NAMES | ITALIAN_WORD_SURNAMES
NOT_NAMES = frozenset(words("namedata", "not names"))
# Faker locales whose names are written in Latin letters, or romanised by Faker itself.
LATIN_LOCALES = (
    "it_IT ro_RO pl_PL cs_CZ sk_SK hr_HR sl_SI hu_HU lt_LT lv_LV et_EE tr_TR az_AZ uz_UZ "
    "fr_DZ fr_FR fr_BE fr_CH fr_CA en_PK en_IN en_NG ha_NG ig_NG yo_NG tw_GH sw en_KE zu_ZA "
    "es_ES es_MX es_CO es_AR es_CL pt_BR pt_PT de_DE de_AT de_CH de_LI de_LU nl_NL nl_BE "
    "en_US en_GB en_IE en_NZ en sv_SE da_DK no_NO fi_FI id_ID vi_VN es_CA fr_QC en_TH"
).split()
# Alphabets that write their vowels, transliterated as passports do (apostrophes that mark
# aspiration or a soft sign are dropped: "Мар'яна" -> "Mariana", "აკაკი" -> "Akaki").
TRANSLITERATED_LOCALES = ("uk_UA", "ru_RU", "bg_BG", "mk_MK", "el_GR", "hy_AM", "ka_GE")
ROMANISED = {
    "zh_CN": ("first_romanized_names", "last_romanized_names"),
    "zh_TW": ("first_romanized_names", "last_romanized_names"),
    "ja_JP": ("first_romanized_names", "last_romanized_names"),
}
# A foreign name this frequent as a word (pyspellchecker's counts) is marked WORD; an Italian
# name only when it is one of the commonest Italian words ("nella", "delle", "dalla": names in
# the lists, and prepositions first).
WORD_FREQUENCY = {"it": 1000, "en": 20000, "de": 100_000}
ITALIAN_WORD_FREQUENCY = 100_000
# The dictionary that unknown capitalised words are checked against: simplemma's Italian and
# English word forms and pyspellchecker's German words (simplemma's German list is three times
# larger and would not add words that matter in a title). Names in these lists do no harm: the
# gazetteer is asked first.
DICTIONARY_LANGUAGES = ("it", "en")
DICTIONARY_FREQUENCY = {"de": 1}

_TOKEN = re.compile(r"[^\W\d_]+")


def fold(word: str) -> str:
    """Lower case without accents: the key of names and words ("Nicolò" -> "nicolo")."""
    low = word.lower()
    if low.isascii():
        return low
    folded = _FOLDED.get(low)
    if folded is None:
        if len(_FOLDED) >= 1 << 15:
            _FOLDED.clear()
        folded = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
        folded = _FOLDED[low] = folded.translate(_UNDECOMPOSED)
    return folded


_FOLDED: dict[str, str] = {}  # the words beyond ASCII met so far, folded (NFKD is slow)
# Letters that NFKD leaves whole, written without their stroke as registers do ("Małgorzata" ->
# "malgorzata", "Đorđević" -> "dordevic", "Søren" -> "soren").
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ı": "i", "ŧ": "t", "ß": "ss", "æ": "ae", "œ": "oe"}
)


def _package_dir(package: str) -> Path:
    # find_spec on a top-level package does not import it (python-codicefiscale's import pulls
    # in dateutil and slugify, which are not needed here).
    return Path(find_spec(package).submodule_search_locations[0])


def _word_counts(language: str) -> dict[str, int]:
    path = _package_dir("spellchecker") / "resources" / f"{language}.json.gz"
    return json.loads(gzip.decompress(path.read_bytes()))


_LINKS = re.compile(r"\s(?:nell|dell|sull|all|d)['’]\s?|\s(?:di|de|del|della|in|nel|sul|sulla|al)\s")


def build_municipalities() -> list[str]:
    with (_package_dir("codicefiscale") / "data" / "municipalities.json").open(encoding="utf-8") as f:
        names = {fold(m["name"]) for m in json.load(f) if m.get("active")}
    return sorted(names | {_LINKS.sub(" ", n) for n in names})


@cache
def municipalities() -> frozenset[str]:
    """Folded names of the active Italian comuni (some are a first name and a name), also as
    usually shortened ("Reggio nell'Emilia" -> "reggio emilia")."""
    return frozenset(cached("comuni.json", build_municipalities, _dump_json, json.loads))


def _names(provider, *attributes: str) -> list[str]:
    found: list[str] = []
    for attribute in attributes:
        value = getattr(provider, attribute, None)
        if isinstance(value, (list, tuple, dict, set, frozenset)):
            found.extend(value)
    return found


def _sources():
    """(names, flag, Italian?) groups from every source."""
    import importlib

    from anyascii import anyascii

    with (_package_dir("codicefiscale") / "data" / "names.json").open(encoding="utf-8") as f:
        yield [n for group in json.load(f).values() for n in group], FIRST, True
    for locale in (*LATIN_LOCALES, *TRANSLITERATED_LOCALES, *ROMANISED):
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        first_attributes = ("first_names", "first_names_male", "first_names_female")
        last_attributes = ("last_names", "last_names_male", "last_names_female", "unisex_last_names", "male_last_names")
        if locale in ROMANISED:
            first_attributes, last_attributes = ROMANISED[locale][:1], ROMANISED[locale][1:]
        for attributes, flag in ((first_attributes, FIRST), (last_attributes, SURNAME)):
            names = _names(provider, *attributes)
            if locale in TRANSLITERATED_LOCALES:
                names = [anyascii(n).replace("'", "") for n in names]
            else:
                names = [n for n in names if n.isascii() or all(ord(c) < 0x250 or not c.isalpha() for c in n)]
            yield names, flag, locale == "it_IT"


def build_table() -> dict[str, int]:
    """Folded name -> FIRST | SURNAME | WORD, from the sources above."""
    flags: dict[str, int] = {}
    italian: set[str] = set()
    for names, flag, is_italian in _sources():
        for name in names:
            for token in _TOKEN.findall(name):
                key = fold(token)
                if len(key) < 2 or key in NOT_NAMES:
                    continue
                flags[key] = flags.get(key, 0) | flag
                if is_italian:
                    italian.add(key)
    for keys, flag in ((ITALIAN_WORD_FIRST_NAMES, FIRST), (ITALIAN_WORD_SURNAMES, SURNAME)):
        for key in keys:
            flags[key] = flags.get(key, 0) | flag  # some are missing from the lists ("Bianco")
            italian.add(key)
    counts = {language: _word_counts(language) for language in WORD_FREQUENCY}
    for key in flags:
        if key in italian:
            flags[key] |= ITALIAN
        if (
            key in ITALIAN_WORD_NAMES
            or (key not in italian and any(counts[lang].get(key, 0) >= n for lang, n in WORD_FREQUENCY.items()))
            or counts["it"].get(key, 0) >= ITALIAN_WORD_FREQUENCY
        ):
            flags[key] |= WORD
    return flags


def _dump_json(value) -> bytes:
    return json.dumps(value).encode()


@cache
def table() -> dict[str, int]:
    """Folded name -> FIRST | SURNAME | WORD | ITALIAN."""
    return cached("names.json", build_table, _dump_json, json.loads)


def _word_key(word: str) -> int:
    """A stable 64-bit key of a folded word: the dictionary keeps keys, not strings (4 MB, not 50)."""
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little", signed=True)


def build_dictionary() -> array:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    words: set[str] = set()
    factory = DefaultDictionaryFactory()
    for language in DICTIONARY_LANGUAGES:
        # Capitalised entries are proper nouns (the English list has "Smith"): not words here.
        words.update(fold(w) for w in factory.get_dictionary(language) if w[:1].islower())
    for language, least in DICTIONARY_FREQUENCY.items():
        words.update(fold(w) for w, n in _word_counts(language).items() if n >= least)
    return array("q", sorted({_word_key(w) for w in words}))


def _load_keys(data: bytes) -> array:
    keys = array("q")
    keys.frombytes(data)
    return keys


def _dump_keys(value: array) -> bytes:
    return value.tobytes()


@cache
def dictionary() -> array:
    """Sorted keys of the folded words of Italian, English and German (loaded when first asked)."""
    return cached("words.bin", build_dictionary, _dump_keys, _load_keys)


def is_word(word: str) -> bool:
    """Whether ``word`` (any case, accents or not) is a word of Italian, English or German."""
    keys = dictionary()
    key = _word_key(fold(word))
    i = bisect_left(keys, key)
    return i < len(keys) and keys[i] == key


# The cache files and how to build them (``python -m iolint.pii.datacache NAME`` builds one).
BUILDS = {
    "names.json": (build_table, _dump_json),
    "words.bin": (build_dictionary, _dump_keys),
    "comuni.json": (build_municipalities, _dump_json),
}
