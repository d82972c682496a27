"""The name detector's pre-filter: a necessary condition of every rule, cheap enough for the
many titles that hold no name (``maybe``)."""

from __future__ import annotations

import re

from iolint.pii.namedata import FIRST, SURNAME, WORD, fold
from iolint.pii.names.context import after_place
from iolint.pii.names.cued import cue_matches
from iolint.pii.names.info import CLEAR, COUNTS, NAME_FLAGS, SHORT_CAPS, word_info
from iolint.pii.names.positions import FAMILY, OF_WORDS, OPEN_PUNCT, PARTICIPLE_AFTER, TRAILING, VERB_AFTER
from iolint.pii.names.vocabulary import (
    BEYOND_LATIN,
    CAP_WORD,
    CAPITALISED,
    CLAUSE_MARK,
    ELIDED_PARTICLES,
    INITIAL,
    LETTER,
    LETTERS,
    LOWER_WORD,
    NAME_TOKEN,
    PARTICLE,
    PARTICLE_WORDS,
)
from iolint.pii.names.words import CACHE_SIZE, NameText, flags_of, is_stop, lower_names

GAP_PARTICLE = re.compile(rf"[ \t\u00a0]{{1,2}}(?:{PARTICLE.pattern})")


# Between two capitalised words of a block: spaces, and a short word or the particles of a name.
BLOCK_GAP = re.compile(rf"[ \t\u00a0]{{1,2}}(?:[^\W\d_]{{1,4}}['’ \t]{{1,2}}|{PARTICLE.pattern})?")


def block_may_name(t: NameText, block: list[tuple[int, int, str]], opening: bool, closing: bool) -> bool:
    """Whether some rule may find a name in a run of capitalised words side by side (the rules
    that need a cue, an initial, lower case or a comma after the first word are asked apart)."""
    words = [w for _, _, w in block]
    infos = [word_info(w) for w in words]
    if not names_in_block(t.text, block, words, infos, opening or closing):
        return False
    if opening and not is_stop(words[0]) and infos[0] & (COUNTS | SHORT_CAPS):
        return True  # the opening rule looks at no place before the name
    # Every other rule looks at the words before the name for a place, an institution or an
    # event. A name starts at a word of the block, not at its last, and not at a word that is
    # neither in the lists nor name-like ("Via", "Scuola") unless a first name that is not a word
    # follows it ("Ferri Lucia").
    starts = [
        start
        for i, ((start, _, word), f) in enumerate(zip(block[:-1], infos, strict=False))
        if f & (NAME_FLAGS | CLEAR)  # (listed, or else name-like: ``is_clear`` of an unlisted word)
        or (word[-1] in "iI" and infos[i + 1] & FIRST and not infos[i + 1] & WORD and not is_stop(word))
    ]
    return not all(after_place(t, start) for start in starts)


def names_in_block(
    text: str, block: list[tuple[int, int, str]], words: list[str], infos: list[int], position: bool
) -> bool:
    """What the rules need of the words of a block (``infos``: their ``word_info``): a surname
    that is not a word (next to an unknown word or in a pair); a first name with another name or
    an unknown word, one of them not a word; a first name that is not a word followed by a word
    ("Chiara Gallo") or by a particle ("Mario de Xyz"); or, opening or closing the title, two
    words that count there."""
    if any(f & SURNAME and not f & WORD for f in infos):
        return True
    # A first name with another listed or clear word, one of the two clear: the same for every
    # first name of the block (its own flags count it once), so asked once.
    paired = sum(1 for f in infos if f & (NAME_FLAGS | CLEAR)) >= 2 and any(f & CLEAR for f in infos)
    for i, f in enumerate(infos):
        if not f & FIRST:
            continue
        if paired:
            return True
        if not f & WORD and i + 1 < len(words):
            following = words[i + 1]
            particle = (
                following.lower() in PARTICLE_WORDS
                or following[:2].lower() in ELIDED_PARTICLES
                or GAP_PARTICLE.fullmatch(text, block[i][1], block[i + 1][0]) is not None
            )
            if particle or not (words[i].isupper() or following.isupper()):
                return True
    if not position:
        return False
    if any(infos[i] & SURNAME and infos[i - 1] & CLEAR for i in range(1, len(words))):
        return True  # a surname that is a word after a clear name: "Cheikh Fall"
    if VERB_AFTER.match(text, block[-1][1]) and any(f & (FIRST | CLEAR) for f in infos[:-1]):
        return True  # a word taken for the surname before a verb: "a Dritan Kola è", "di Bruno Ferri rinnovata"
    if any(
        infos[i] & FIRST
        and not infos[i] & WORD
        and words[i - 1][-1] in "iI"
        and words[i].isupper() == words[i - 1].isupper()
        for i in range(1, len(words))
    ):
        return True  # or before a first name: "Ferri Lucia" (not "Dichiarazione TARI")
    return sum(1 for f in infos if f & (COUNTS | SHORT_CAPS)) >= 2


def initial_next_to_word(text: str) -> bool:
    """An initial next to a word: "M. Rossi" (a capital after the initial and its space),
    "Rossi M." (a letter before the space and the initial)."""
    for m in INITIAL.finditer(text):
        at, end = m.start(), m.end()
        after = text[end + 1 : end + 2]
        if text[end : end + 1] == " " and after and (after.isupper() or "À" <= after <= "Þ"):
            if at == 0 or not LETTER.match(text, at - 1):
                return True
        if at >= 2 and text[at - 1] == " " and LETTER.match(text, at - 2):
            return True
    return False


def name_after_cue(text: str, at: int) -> bool:
    """What ``cue_runs`` needs after a cue: a capitalised word or an initial, or a lower-case name
    that is not a word; and no digit right after it (part of a code: "intestato a RSSMRA85…")."""
    word = CAP_WORD.match(text, at)
    if word is None:
        word = LOWER_WORD.match(text, at)
        flags = flags_of(word.group()) if word else 0
        if not flags or flags & WORD:
            return False
    return not text[word.end() : word.end() + 1].isdigit()


def maybe(view, cued: bool) -> bool:
    """See ``may_name``: the name finder's ``maybe``, which keeps what it learns in ``view.names``."""
    if view.names is None:
        view.names = NameText(view.text, view.low, cued, view.cue_starts)
    return may_name(view.names)


def may_name(t: NameText) -> bool:
    """A necessary condition of every rule above, cheap enough for most titles, which hold no
    name: a cue word; an initial next to a word; a listed or name-like word opening the text
    before a comma; a lower-case first name that is not a word; capitalised words side by side
    among which a rule could find a name (``block_may_name``). A text with letters beyond Latin
    goes to the rules."""
    text = t.text
    if any(name_after_cue(text, m.end()) for m in cue_matches(t)):
        return True  # (a cue before no name, "certificato medico", leaves the question to the rest)
    first = NAME_TOKEN.search(text)
    if first is None:
        return False
    if not text.isascii() and BEYOND_LATIN.search(text):
        return True
    if (
        ("," in text or "!" in text)
        and first.group()[0].isupper()
        and (OPEN_PUNCT.match(text, first.end()) or OPENING_TWO.match(text, first.end()))
        and word_info(first.group()) & (NAME_FLAGS | CLEAR)
    ):
        # "Rosa, hai…", "Abdoulaye Sow, la tua…", "Giulia e Marco, benvenuti", "Esposito, Gennaro:":
        # every rule that reads a name there needs the first word listed or name-like (not "Ciao,").
        return True
    if "," in text and (":" in text or "-" in text or "–" in text or "—" in text) and CLAUSE_WORD_COMMA.search(text):
        return True  # a first name opening a clause before a comma
    if "." in text and initial_next_to_word(text):
        return True
    if "/" in text and LETTER_SLASH.search(text) and SLASH_PAIR.search(text):
        return True  # two surnames joined by a slash: "Ferraris/Colombo"
    if ("family" in t.low or "household" in t.low) and FAMILY.search(text):
        return True  # "the Khan household"
    heard = heard_words(text)
    if heard & LOWER_FIRST:
        if t.pair():
            return True
    else:
        t._pair = False  # (``NameText.pair``: no lower-case first name, no lower-case pair)
    return bool(heard & LIVE) and blocks_may_name(t, first)


def blocks_may_name(t: NameText, first: re.Match[str]) -> bool:
    """Whether a rule may find a name in some block of capitalised words side by side
    (``block_may_name``); ``first`` is the text's first word."""
    text = t.text
    caps = [(m.start(), m.end(), m.group()) for m in CAPITALISED.finditer(text)]
    if len(caps) < 2:
        return False
    block: list[tuple[int, int, str]] = [caps[0]]
    for word in caps[1:]:
        end = block[-1][1]
        if (word[0] == end + 1 and text[end] == " ") or BLOCK_GAP.fullmatch(text, end, word[0]):  # one space: a gap
            block.append(word)
            continue
        if len(block) > 1 and block_may_name(t, block, opens(text, block, first), False):
            return True
        block = [word]
    closing = TRAILING.fullmatch(text, block[-1][1]) is not None
    return len(block) > 1 and block_may_name(t, block, opens(text, block, first), closing)


# The words of a text as one split of its UTF-8 bytes reads them: runs of letters, apostrophes,
# hyphens and characters beyond ASCII, split at every other ASCII character. Neither a
# capitalised word (``CAPITALISED``) nor a run of letters spans such a character, so each is
# found inside one of these words as in the whole text.
SPLIT_WORDS = bytes(c if c >= 0x80 or chr(c).isalpha() or chr(c) in "'-" else 32 for c in range(256))
# What a word holds (``word_class``): a capitalised word that may stand in a name a block rule
# finds, or two short words in capitals; one short word in capitals (a block needs two of them
# to hold a name: ``names_in_block``'s last test); a lower-case run of letters that is a first
# name and no word.
LIVE, SHORT, LOWER_FIRST = 1, 2, 4
_CLASSES: dict[bytes, int] = {}
_QUIET: set[bytes] = set()  # the words of class 0 met so far


def word_class(word: bytes) -> int:
    known = _CLASSES.get(word)
    if known is not None:
        return known
    if len(_CLASSES) >= CACHE_SIZE:
        _CLASSES.clear()
        _QUIET.clear()
    text = word.decode("utf-8", "surrogatepass")
    known = 0
    short = 0
    for cap in CAPITALISED.findall(text):
        info = word_info(cap)
        if info & (FIRST | CLEAR | COUNTS):
            known |= LIVE
        elif info & SHORT_CAPS:
            short += 1
    known |= LIVE if short > 1 else SHORT if short else 0
    first_names = lower_names()[1]
    if any(fold(run) in first_names for run in LETTERS.findall(text) if run.islower()):
        known |= LOWER_FIRST
    if len(word) <= 64:  # a longer "word" is no name, and kept it could hold megabytes
        _CLASSES[word] = known
        if not known:
            _QUIET.add(word)
    return known


def heard_words(text: str) -> int:
    """The ``word_class`` bits of the text's words, ``LIVE`` also for two short words in capitals.
    Without ``LOWER_FIRST`` the text holds no lower-case pair (``lower_pair``), without ``LIVE``
    no block of capitalised words that ``block_may_name`` lets through: every test of
    ``names_in_block`` needs a first name, a clear name (``is_clear``) or a word that counts
    where the title leaves only a person, but the last, which needs two such words or short
    words in capitals. Most titles without a name are all words of class 0, told so by one
    set test."""
    words = text.encode("utf-8", "surrogatepass").translate(SPLIT_WORDS).split()
    if _QUIET.issuperset(words):
        return 0
    heard = 0
    known_class = _CLASSES.get
    for word in words:
        known = known_class(word)
        if known is None:
            known = word_class(word)
        if known & heard & SHORT:
            heard |= LIVE
        heard |= known
    return heard


# A second capitalised word, or "e" and one, before a comma: names that may address the reader.
OPENING_TWO = re.compile(rf"(?:[ \t]+(?:e|ed|and|und))?[ \t]{{1,2}}(?:{CAP_WORD.pattern})[ \t]*[,!]")
SLASH_PAIR = re.compile(rf"(?<![^\W\d_/]){CAP_WORD.pattern}/{CAP_WORD.pattern}")
# What every match of ``SLASH_PAIR`` holds, searched first (a slash leads it, so the search skips
# to slashes): a letter before a slash, which no date ("12/03") has.
LETTER_SLASH = re.compile(r"/(?<=[^\W\d_]/)")
CLAUSE_BEFORE = re.compile(r"(?::|[ \t][–—-])[ \t]{1,3}$|\([ \t]*$")
CLAUSE_WORD_COMMA = re.compile(rf"{CLAUSE_MARK}[ \t]{{1,3}}(?:{CAP_WORD.pattern})[ \t]*,")
OF_BEFORE = re.compile(rf"(?<![\w.])(?:{OF_WORDS})[ \t]{{1,3}}$")


def opens(text: str, block: list[tuple[int, int, str]], first: re.Match[str]) -> bool:
    """Whether the block opens the text, a clause after a colon or a dash or a bracket, or stands
    after a preposition before an outcome or a verb: where the position rules look for names that
    are words."""
    start = block[0][0]
    if start == first.start() or CLAUSE_BEFORE.search(text, max(0, start - 8), start) is not None:
        return True
    # The preposition may stand inside the block, whose short words join it ("KF di Ferri Lucia").
    return PARTICIPLE_AFTER.match(text, block[-1][1]) is not None and any(
        OF_BEFORE.search(text, max(0, at - 8), at) is not None for at, _, _ in block
    )
