"""The finders: one entry per family of kinds, and the pre-filter that tells which may find
something in a text.

A ``Finder`` pairs a function (text -> hits) with what every text it finds something in holds:
a digit (``needs_digit``), one of its cue words (``cues``: odonyms, birth cues, greetings), and
whatever its own ``maybe`` checks. ``view`` looks at a text once (``iolint.pii.view``): a digit
test, and one pass of an Aho-Corasick automaton over the lower-cased text for the cue words of
every finder and the special-category lexicon's stems; ``candidates`` then asks each finder's
``maybe``, and ``scan`` runs the finders that may find something, on that one view (a finder's
``scan`` takes the view; ``find`` makes its own). A new detector is one more ``Finder`` in
``FINDERS`` (docs/pii.md has the recipe); ``iolint.pii.recognizers`` wraps each in a presidio
recognizer, and nothing here imports presidio or spaCy.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple

from iolint.pii import addresses, birthdates, codes, contacts, documents, names, special
from iolint.pii.cues import Cue, CueIndex
from iolint.pii.hits import Hit
from iolint.pii.kinds import KINDS
from iolint.pii.view import View


class Finder(NamedTuple):
    name: str  # also the name of the presidio recognizer that wraps it
    entities: tuple[str, ...]
    find: Callable[[str], list[Hit]]
    needs_digit: bool = False  # finds nothing in a text without a digit
    cues: tuple[Cue, ...] = ()  # finds nothing in a text without one of these (unless not needs_cue)
    needs_cue: bool = True  # False: the cues only inform ``maybe``
    maybe: Callable[[View, bool], bool] | None = None  # a further cheap necessary condition
    # (given the text's view and whether one of the finder's cues occurs)
    scan: Callable[[View], list[Hit]] | None = None  # ``find`` on a view already made
    cue_places: bool = False  # the view records where its cue stems occur (``View.cue_starts``)
    # What does not change when a text's digits are replaced by other digits (a batch of one
    # template, amounts and dates apart): reused from a text alike (``iolint.pii.alike``).
    blind_maybe: bool = False  # ``maybe`` reads where digits stand, never which they are
    blind_hits: bool = False  # and so do ``find`` and ``scan``: their hits are the same
    digit_words: tuple[str, ...] = ()  # unless the lower-cased text holds one of these ("u1")
    # Blind (both flags) for the texts alike to this view only, if no cue stem with a digit may
    # occur in them: a finder that reads digits in some texts but not in this one.
    blind_if: Callable[[View], bool] | None = None


FINDERS: tuple[Finder, ...] = (
    Finder(
        "IolintEmailRecognizer",
        ("EMAIL_ADDRESS",),
        contacts.find_emails,
        cues=tuple(Cue(c, False) for c in contacts.EMAIL_CUES),
        blind_hits=True,  # a mailbox's words are read without their digits
    ),
    Finder(
        "IolintPhoneRecognizer", ("PHONE_NUMBER",), contacts.find_phones, needs_digit=True, maybe=contacts.may_be_phone
    ),
    # (the codes' checksums read the digits, the phone finder its prefixes "3\d\d" and "0")
    Finder(
        "IolintFiscalCodeRecognizer",
        ("IT_FISCAL_CODE",),
        codes.find_fiscal_codes,
        maybe=codes.may_be_fiscal_code,
        blind_maybe=True,
    ),
    Finder(
        "IolintVatCodeRecognizer",
        ("IT_VAT_CODE",),
        codes.find_vat_codes,
        needs_digit=True,
        maybe=codes.may_be_vat_code,
        blind_maybe=True,
    ),
    Finder(
        "IolintIbanRecognizer",
        ("IBAN_CODE",),
        codes.find_ibans,
        needs_digit=True,
        maybe=codes.may_be_iban,
        scan=codes.ibans_in,
        blind_maybe=True,
    ),
    Finder(
        "IolintPlateRecognizer",
        ("IT_LICENSE_PLATE",),
        documents.find_plates,
        needs_digit=True,
        maybe=documents.may_be_plate,
        blind_maybe=True,
        blind_hits=True,
    ),
    Finder(
        "IolintIdentityDocumentRecognizer",
        ("IT_IDENTITY_CARD", "IT_PASSPORT", "IT_DRIVER_LICENSE"),
        documents.find_identity_documents,
        needs_digit=True,
        maybe=documents.may_be_document,
        scan=documents.identity_documents_in,
        blind_maybe=True,
        blind_hits=True,
        digit_words=("u1",),  # a new driving licence's first letter and digit
    ),
    # (an address's number is not a year 19xx or 20xx; a date of birth's day and month must be plausible)
    Finder("IolintAddressRecognizer", ("IT_ADDRESS",), addresses.find_addresses, True, addresses.CUES),
    Finder("IolintBirthDateRecognizer", ("DATE_OF_BIRTH",), birthdates.find_birthdates, True, birthdates.CUES),
    Finder(
        "IolintSpecialCategoryRecognizer",
        ("HEALTH", "JUDICIAL", "RELIGION", "TRADE_UNION", "POLITICAL", "SEX_LIFE"),
        lambda text: special.special_in(view(text)),  # the lexicon's stems come from the view's one pass
        maybe=special.maybe,
        scan=special.special_in,
        blind_if=special.blind,  # (its lexicon reads "legge 104", its topics a year 20xx)
    ),
    # Last: the first call loads the name lists.
    Finder(
        "IolintPersonRecognizer",
        ("PERSON",),
        names.find_names,
        cues=names.CUES,
        needs_cue=False,
        maybe=names.maybe,
        scan=names.names_in,
        cue_places=True,
        # Audited: its patterns, word lists and name data hold no digit, and its code asks of a
        # digit only where it stands (``isdigit``, ``\d``): a title's other numbers change nothing.
        blind_maybe=True,
        blind_hits=True,
    ),
)


def _check(finders: tuple[Finder, ...]) -> None:
    """A finder forgotten in part fails here, at import, not in a privacy check: unique names,
    a function, kinds that iolint knows (a label and flags in ``kinds.KINDS``)."""
    names = [f.name for f in finders]
    if len(set(names)) != len(names):
        raise ValueError(f"finder names must be unique: {names}")
    for f in finders:
        if not callable(f.find) or (f.maybe is not None and not callable(f.maybe)):
            raise TypeError(f"{f.name}: find and maybe must be functions")
        unknown = [e for e in f.entities if e not in KINDS]
        if not f.entities or unknown:
            raise ValueError(f"{f.name}: kinds {unknown or '(none)'} are not in iolint.pii.kinds.KINDS")


_check(FINDERS)


@lru_cache(maxsize=8)  # all kinds, and a body's
def _index(entities: frozenset[str] | None = None) -> CueIndex:
    """The cue automaton of the finders of ``entities`` (default all), each at its bit in
    ``FINDERS``: a body, checked for fewer kinds, is not read for the others' cue words
    (odonyms, greetings, the name finder's places), which a long body holds many of."""
    used = [(i, d) for i, d in enumerate(FINDERS) if entities is None or not entities.isdisjoint(d.entities)]
    placed = sum(1 << i for i, d in used if d.cue_places)
    lexicon = _lexicon() if any(d.scan is special.special_in for _, d in used) else None
    return CueIndex(((1 << i, cue) for i, d in used for cue in d.cues), lexicon, placed)


@cache
def _lexicon() -> dict[str, list]:
    # one for every index, so a lexicon entry is compiled once whichever index meets it first
    return special.stems()


def view(text: str, entities: frozenset[str] | None = None) -> View:
    """One look at ``text`` for every finder (``iolint.pii.view``), or for those of ``entities``
    only (the cue bits of the others stay unset)."""
    return View(text, _index(entities))


# Per finder: its bit in the cue index, the bit its cues must set (0: none needed), and its
# ``maybe``; for a text without a digit (first) and with one, in the order of ``FINDERS``.
def _plan(finders: tuple[Finder, ...]) -> tuple[tuple, tuple]:
    plan = [(f, 1 << i, (1 << i) if f.cues and f.needs_cue else 0, f.maybe) for i, f in enumerate(finders)]
    return tuple(p for p in plan if not p[0].needs_digit), tuple(plan)


_PLAN = _plan(FINDERS)


def candidates(text: str | View, entities: frozenset[str] | None = None) -> list[Finder]:
    """The finders (of ``entities``, default all) that may find something in ``text``."""
    v = text if isinstance(text, View) else view(text)
    cued = v.cued
    found = []
    for d, bit, needed, maybe in _PLAN[v.digits]:
        if needed and not cued & needed:
            continue
        if entities is not None and entities.isdisjoint(d.entities):
            continue
        if maybe is None or maybe(v, bool(cued & bit)):
            found.append(d)
    return found


def scan(text: str, entities: frozenset[str] | None = None) -> list[Hit]:
    """The hits of every finder (of ``entities``) that may find something in ``text``, each
    run on one view of it: what ``Detector.detect`` runs (through ``iolint.pii.alike``)."""
    v = view(text, entities)
    hits: list[Hit] = []
    for finder in candidates(v, entities):
        hits += finder.scan(v) if finder.scan is not None else finder.find(text)
    return hits


def may_find(finder: Finder, text: str) -> bool:
    """Whether ``finder`` may find something in ``text`` (the pre-filter for one finder)."""
    return finder in candidates(text, frozenset(finder.entities))


def find_all(text: str) -> list[Hit]:
    """Every finder's hits, without presidio, on the normalised text, at the original positions."""
    from iolint.pii.normalise import normalise

    normal = normalise(text)
    return [
        Hit(hit.kind, *normal.span(hit.start, hit.end), hit.score)
        for d in candidates(normal.text)
        for hit in d.find(normal.text)
    ]
