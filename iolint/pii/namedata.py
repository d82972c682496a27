"""The name data behind person-name detection: first names and surnames of many origins, and the
common words of Italian, English and German, all from maintained packages.

* Names: python-codicefiscale's Italian first names and Faker's person providers. Faker's
  Latin-script locales are taken as they are (it_IT, ro_RO, pl_PL, the Spanish and Portuguese
  ones for Latin America and the Philippines, fr_DZ for the Maghreb, en_PK, en_IN, the Nigerian
  and Ghanaian ones, de_DE/de_AT/de_CH for South Tyrol, the English ones...); Chinese and
  Japanese names come from Faker's own romanised lists; Cyrillic and Greek names (uk_UA, ru_RU,
  bg_BG, mk_MK, el_GR) are transliterated with anyascii, which writes them as passports and
  registers usually do ("Коваленко" -> "Kovalenko"). Arabic, Bengali, Devanagari, Sinhala and
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
Building the table and the dictionary reads some sixty Faker modules and several word lists
(a few seconds, a few hundred MB for a moment), so both are built once, in a child process, into
the user's cache folder (``$XDG_CACHE_HOME/iolint`` or ``~/.cache/iolint``; ``IOLINT_NAMES_CACHE``
names another), keyed by the installed packages and this file, under a lock so that parallel runs
build them once. Loaded from there they take about 11 MB. If the folder cannot be written, or
Python runs embedded in another program, they are built in the process itself.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from array import array
from bisect import bisect_left
from contextlib import contextmanager
from functools import cache
from importlib.util import find_spec
from pathlib import Path

FIRST, SURNAME, WORD, ITALIAN = 1, 2, 4, 8  # ITALIAN: in the Italian lists (it_IT, codice fiscale)

# Italian names that are ordinary words or place names when capitalised (curated: the word
# lists cannot tell "rossi", a very common surname, from "rosa", a common noun). First names,
# then surnames; each gets that role, also when the name lists miss it ("Bianco").
ITALIAN_WORD_FIRST_NAMES = frozenset(
    """alba alma amico aria assunta assunto aurora bianca bruna bruno candida candido
    carina celeste colomba colombo concetta consolata costante costanza diamante diana divina
    dolores domenica donata donato donna durante fedele felice fermo fiamma fiore fortunata
    fortunato franca franco gemma gioconda gloria grazia giusto immacolata innocenza libera
    libero lieto luna marina marino massima massimo mira modesto natale norma novella pace
    pasqua primo prospero prudenza regina romana romano rosa salvo serena sereno sole speranza
    stella tosca ultimo vera viola vita vitale vittoria""".split()
)
ITALIAN_WORD_SURNAMES = frozenset(
    """abate amato argento balla basso battaglia bianco bocca botta casale chiesa cipolla collina conte
    conti costa farina ferrara ferrari forza gatto greco leone lombardo lupo medici monaco
    moneta monte monti palazzo pepe prati pugliese rocca russo santi scarpa schiavo soprano
    tasca tasso tedesco traversa trapani veneziano vento verdi vespa volta volterra zampa""".split()
)
ITALIAN_WORD_NAMES = ITALIAN_WORD_FIRST_NAMES | ITALIAN_WORD_SURNAMES
# Never names here: saints and greetings are cues, the rest are words of titles.
NOT_NAMES = frozenset(
    """san sant santa santo salve benvenuto benvenuta queen norvegia scolastica sabato vico mia
    via viale piazza corso largo comune ufficio servizio avviso""".split()
)
# Faker locales whose names are written in Latin letters, or romanised by Faker itself.
LATIN_LOCALES = (
    "it_IT ro_RO pl_PL cs_CZ sk_SK hr_HR sl_SI hu_HU lt_LT lv_LV et_EE tr_TR az_AZ uz_UZ "
    "fr_DZ fr_FR fr_BE fr_CH fr_CA en_PK en_IN en_NG ha_NG ig_NG yo_NG tw_GH sw en_KE zu_ZA "
    "es_ES es_MX es_CO es_AR es_CL pt_BR pt_PT de_DE de_AT de_CH de_LI de_LU nl_NL nl_BE "
    "en_US en_GB en_IE en_NZ en sv_SE da_DK no_NO fi_FI id_ID vi_VN"
).split()
TRANSLITERATED_LOCALES = ("uk_UA", "ru_RU", "bg_BG", "mk_MK", "el_GR")
ROMANISED = {
    "zh_CN": ("first_romanized_names", "last_romanized_names"),
    "zh_TW": ("first_romanized_names", "last_romanized_names"),
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
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


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
    return frozenset(_cached("comuni.json", build_municipalities, _dump_json, json.loads))


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
                names = [anyascii(n) for n in names]
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


_SOURCES = ("faker", "codicefiscale", "spellchecker", "anyascii", "simplemma")


@cache
def _digest() -> str | None:
    """What the cached data depends on: this file and the installed source packages (their
    ``__init__`` files' paths, sizes and times, which change with every install; reading the
    packages' metadata for their versions costs more than loading the cache)."""
    parts = [Path(__file__).read_bytes()]
    for package in _SOURCES:
        spec = find_spec(package)
        if spec is None or spec.origin is None:
            return None
        stat = os.stat(spec.origin)
        parts.append(f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]


def _cache_path(name: str) -> Path | None:
    digest = _digest()
    if digest is None:
        return None
    folder = os.environ.get("IOLINT_NAMES_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "iolint"
    )
    return Path(folder) / f"{name}-{digest}"


def _write(path: Path, data: bytes) -> bool:
    """Write atomically, and remove the same cache built for other package versions."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as f:
            f.write(data)
        os.replace(f.name, path)
        prefix = path.name.rsplit("-", 1)[0] + "-"
        for stale in path.parent.glob(prefix + "*"):
            if stale != path and not stale.name.startswith(path.name):  # keep this build's lock
                stale.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def _cached(name: str, build, dump, load):
    """``build()``'s result, read from the cache folder; on a miss it is built in a child
    process and written there atomically (the word lists the build reads take a few hundred MB
    for a moment, which should not stay with a linting process), or built here if that fails."""
    path = _cache_path(name)
    if path is None:
        return build()
    try:
        return load(path.read_bytes())
    except (OSError, ValueError):
        pass
    if Path(sys.executable).name.lower().startswith(("python", "pypy")):  # not an embedding host
        with _build_lock(path):  # parallel runs (pre-commit starts several) build it once
            try:
                return load(path.read_bytes())  # another process built it while this one waited
            except (OSError, ValueError):
                subprocess.run(
                    [sys.executable, "-m", "iolint.pii.namedata", name], capture_output=True, timeout=300, check=False
                )
            try:
                return load(path.read_bytes())
            except (OSError, ValueError):
                pass
    value = build()
    _write(path, dump(value))
    return value


@contextmanager
def _build_lock(path: Path):
    """An exclusive lock on ``path``.lock where the platform has one (POSIX); none elsewhere."""
    try:
        import fcntl

        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path.with_name(path.name + ".lock"), "w")  # noqa: SIM115 (closed below)
    except (ImportError, OSError):
        yield
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        handle.close()


_CACHES = {}  # name -> (build, dump), filled below; the child process runs one of them


def _dump_json(value) -> bytes:
    return json.dumps(value).encode()


@cache
def table() -> dict[str, int]:
    """Folded name -> FIRST | SURNAME | WORD | ITALIAN."""
    return _cached("names.json", build_table, _dump_json, json.loads)


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
    return _cached("words.bin", build_dictionary, _dump_keys, _load_keys)


def is_word(word: str) -> bool:
    """Whether ``word`` (any case, accents or not) is a word of Italian, English or German."""
    keys = dictionary()
    key = _word_key(fold(word))
    i = bisect_left(keys, key)
    return i < len(keys) and keys[i] == key


_CACHES.update(
    {
        "names.json": (build_table, _dump_json),
        "words.bin": (build_dictionary, _dump_keys),
        "comuni.json": (build_municipalities, _dump_json),
    }
)

if __name__ == "__main__":  # python -m iolint.pii.namedata NAME: build one cache file
    build, dump = _CACHES[sys.argv[1]]
    path = _cache_path(sys.argv[1])
    if path is not None:
        _write(path, dump(build()))
