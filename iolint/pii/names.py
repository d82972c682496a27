"""Person names without an NER model: a gazetteer of names of many origins, and context.

The name data (``iolint.pii.namedata``) comes from maintained packages: first names and
surnames of some sixty Faker locales and python-codicefiscale, and word lists that mark the
names that are also common words (Rosa, Sole, Franco, Will, Costa). A capitalised gazetteer
word alone is never reported (it could be a place, a street or an ordinary word); a name is
reported when

* a title or honorific precedes capitalised words ("Sig.ra Bianchi", "Dott. Khan", "Frau
  Hofer"): 0.85, whatever the words, unless they are a role ("Gentile Utente");
* a greeting or a relation precedes names ("Ciao Rosa,", "intestato a Luca Esposito",
  "alunno Lorenzo Fontana"): 0.85 / 0.8; unknown words count there when they are not words of
  the language ("Gentile Arben Hoxha,");
* the title leaves only a person: names opening it before ":", "," or a dash ("Serena Costa,",
  "Marina Greco: rimborso approvato", "Hoxha Arben –"), or closing it after "per" ("Rimborso per
  Fatou Diop"), a first name opening it before a comma and a word that addresses ("Rosa, hai…"):
  0.7 / 0.6;
* a first name stands next to another name ("Mario Rossi", "Rossi Mario", "MARIO ROSSI",
  "mario rossi"), before an unknown capitalised word ("Chiara Gallo"), or a surname next to an
  initial ("Rossi M.", "M. Rossi"): 0.7. Particles join a name (De Luca, El Amrani, Van der
  Berg, Dal Bosco), and so do hyphens (Rossi-Bianchi).

Names that are also common words (marked WORD) count only with a greeting, a title, a relation,
in a position that leaves only a person, or next to a name that is not a word. Nothing is
reported after a street, place or institution word, or a saint ("Via Giuseppe Verdi", "Comune di
Santa Maria Capua Vetere", "Istituto Comprensivo Leonardo da Vinci", "Ospedale Sandro Pertini"),
nor for a comune's name ("Martina Franca").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from iolint.pii.cues import CueIndex, alternatives, stem_of
from iolint.pii.hits import CONTEXT, PAIR, PATTERN, Hit, lower_same_length
from iolint.pii.namedata import FIRST, ITALIAN, SURNAME, WORD, fold, is_word, municipalities, table

_TITLE_WORDS = (
    r"sig(?:\.ra|\.na|g)?\.?|signor[ae]?|dott(?:\.ssa)?\.?|dottor(?:e|essa)|dr\.?|"
    r"prof(?:\.ssa)?\.?|professor(?:e|essa)?|avv\.?|ing\.|arch\.|geom\.|rag\.|mr\.?|mrs\.?|"
    r"ms\.?|herrn?|frau|don|suor|"
    # Not titles but written before South Asian names as one ("Md Rahim Uddin").
    r"md\.?|mohd\.?|muhd\.?"
)
_GREETING_WORDS = (
    r"gentil(?:e|issim[oa])|gent\.(?:mo|ma|mi|me)?|egregi[oa]|car[oa]|carissim[oa]|"
    r"ciao|buongiorno|buonasera|salve|dear|hello|hi|hallo|lieber?|sehr geehrter?|guten tag|"
    r"servus|grüß gott|"
    # Thanks, wishes and welcomes address someone too ("Thank you, Chiara!").
    r"grazie|congratulazioni|complimenti|auguri|benvenut[oa]|thank you|thanks|congratulations|"
    r"welcome|herzlichen glückwunsch|danke|willkommen"
)
_RELATION_WORDS = (
    r"intestat[oaie] a|a nome di|per conto di|alunn[oaie]|student(?:e|essa|i)|"
    r"bambin[oaie]|figli[oa]|minore|paziente|beneficiari[oa]|richiedente|titolare|"
    r"intestatari[oa]|defunt[oa]|delegat[oa]|tutore|coniuge|erede|contribuente|proprietari[oa]|"
    r"conducente|trasgressore|owner|holder|"
    # Parties to proceedings, and family members.
    r"imputat[oaie]|indagat[oaie]|condannat[oaie]|ricorrente|convenut[oa]|testimone|"
    r"madre|padre|marito|moglie|fratello|sorella|nonn[oa]|nipote|"
    r"alla c\.a\.(?: di)?|c\.a\.|all'attenzione di|famiglia|family|familie"
)
_TITLE = re.compile(rf"(?<![\w.])(?:{_TITLE_WORDS})[ \t\u00a0]+", re.IGNORECASE)
_GREETING = re.compile(rf"(?<![\w.])(?:{_GREETING_WORDS})[ \t,]+", re.IGNORECASE)
_RELATION = re.compile(rf"(?<![\w.])(?:{_RELATION_WORDS})[ \t]+", re.IGNORECASE)
_CUES = ((_TITLE, CONTEXT, True), (_GREETING, CONTEXT, False), (_RELATION, 0.8, False))
# The three in one pattern, run on the lower-cased text with a plain word boundary: several
# times faster than three case-insensitive patterns with look-behinds. A match right after a
# dot ("v.le", "Dott.ssa") is dropped afterwards, as the look-behind did.
_LOOKBEHIND = r"(?<![\w.])"
_ANY_CUE = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<c{i}>{rx.pattern.replace(_LOOKBEHIND, '')})" for i, (rx, _, _) in enumerate(_CUES))
    + ")"
)
# The pre-filter's cue words: a title, a greeting or a relation word (followed by a space).
CUES = tuple(
    stem_of(word, least=2, bounded=True) for words in (_TITLE_WORDS, _GREETING_WORDS, _RELATION_WORDS) for word in alternatives(words)
)


@lru_cache(maxsize=1)
def _cue_index() -> CueIndex:
    return CueIndex((1, cue) for cue in CUES)

# A capitalised word (title case or all caps), possibly after an elided particle (D'Amico).
_CAP_WORD = re.compile(r"(?:[A-Z][a-z]?['’])?[A-ZÀ-Þ][^\W\d_]*(?:['’][^\W\d_]+)?(?:-[A-ZÀ-Þ][^\W\d_]+)?")
_LOWER_WORD = re.compile(r"[a-zà-ÿ][^\W\d_]*(?:-[a-zà-ÿ][^\W\d_]+)?")
_PARTICLE = re.compile(
    r"(?:(?:(?i:della|dalla|del|dal|dei|de|di|da|lo|la|li|van|von|der|den|ter|el|al|ben|bin|ibn|abu|"
    r"abd|dos|das|do|du|le|mac|mc|dela|delos|delas|de la|de los|van de|van der|von der|"
    r"de las))[ \t]|(?i:d|l)['’])"
)
_PARTICLE_WORDS = frozenset(
    "della dalla del dal dei de di da lo la van von der den ter el al ben bin ibn abu abd dos das do du le "
    "mac mc dela delos delas".split()
)
_GAP = re.compile(r"[ \t\u00a0]{1,2}")
_WORD_BEFORE = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?|[,:;()!?\-–—/]")
_INITIAL = re.compile(r"[A-Z]\.")

def _words_of(words: str) -> frozenset[str]:
    """The words, as written and folded ("città", "citta"): looked up both ways below."""
    return frozenset(w for word in words.split() for w in (word, fold(word)))


ROLES = _words_of(
    """utente utenti cittadino cittadina cittadini cliente clienti contribuente famiglia
    famiglie genitore genitori signore signora signori sindaco presidente dirigente direttore
    direttrice responsabile team tutti tutte sua lei voi io customer user citizen member
    residents kunde kundin bürger bürgerin nutzer mitglied ragazzi ragazze amici amiche
    colleghi colleghe studenti docenti insegnanti bürgerinnen mitbürger mitbürgerinnen eltern
    damen herren kunden kundinnen residents parents students citizens customers everyone"""
)
PLACES = _words_of(
    """via viale v.le piazza piazzale p.zza p.za p.le piazzetta corso c.so largo l.go vicolo
    lungomare lungotevere lungarno strada contrada c.da borgo località loc frazione fraz ponte
    porta galleria parco giardini giardino villa palazzo palazzetto palasport palazzina stadio
    teatro cinema museo biblioteca scuola scuole istituto liceo asilo nido convitto
    conservatorio accademia università ateneo politecnico collegio ospedale policlinico presidio
    clinica poliambulatorio centro fondazione associazione circolo aeroporto stazione porto
    caserma chiesa basilica cattedrale duomo santuario parrocchia oratorio cappella cimitero
    piscina palestra sala auditorium aula plesso premio festival arena monumento lido rifugio
    quartiere rione comune provincia città regione municipio progetto borsa fondo concorso
    rassegna mostra torneo trofeo memorial coppa sentiero ic iis itis itc ipsia ipc rsa
    farmacia bar ristorante trattoria pizzeria hotel albergo negozio ditta impresa agriturismo
    san santa santo sant santi s ss st sankt straße strasse platz gasse weg allee street road
    avenue square school hospital primaria elementare elementari materna card pass app library
    hall center centre museum gallery college university airport stadium bridge exhibition
    award prize foundation trophy cup park day week weekend marathon"""
)
# How German compounds naming a place end ("Grundschule", "Gemeindebibliothek", "Sportzentrum").
PLACE_ENDINGS = (
    "schule", "bibliothek", "haus", "heim", "halle", "platz", "strasse", "straße", "park", "zentrum",
    "museum", "saal", "kirche", "stadion", "theater", "garten", "gymnasium", "hof", "markt",
)
_CONJUNCTIONS = frozenset("e ed and und".split())
# "X di Name": places whose name follows "di" (Comune di Giuliano Teatino), unlike a school
# or a nursery, where "nido di Francesca Gallo" is a child's place.
PLACES_WITH_DI = _words_of(
    """comune provincia città regione frazione località municipio diocesi parrocchia prefettura
    questura tribunale porto golfo lago valle isola monte castello borgo quartiere rione
    riviera unione"""
)
QUALIFIERS = _words_of(
    """comprensivo statale statali primaria secondaria superiore paritaria comunale civico
    civica regionale provinciale nazionale infanzia primo secondo grado sportivo scientifico
    classico tecnico professionale artistico linguistico musicale polivalente universitario
    ospedaliero ospedaliera materna elementare media medie"""
)
_ARTICLES = frozenset("di del della dello dei degli delle dell d".split())
# Capitalised words that never stand for a surname after a first name.
STOP_WORDS = (
    ROLES
    | PLACES
    | PLACES_WITH_DI
    | frozenset(
        """gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre
        dicembre lunedì martedì mercoledì giovedì venerdì domenica avviso pagamento scadenza
        rinnovo iscrizione ufficio servizio bonus""".split()
    )
)
# Words after a name that leave only a person in the title: "Rosa, hai…", "Serena Costa:".
_ADDRESSES = re.compile(
    r"[ \t]*[,!][ \t]*(?:\w+[ \t]+){0,3}?(?:hai|sei|ti|tu|tuo|tua|tuoi|tue|puoi|devi|ricorda|ricordati|"
    r"your|you|dein\w*|du|ihr|ihre|sie)\b",
    re.IGNORECASE,
)
_SURNAME_COMMA_FIRST = re.compile(r"([A-ZÀ-Þ][^\W\d_]+),[ \t]+([A-ZÀ-Þ][^\W\d_]+)")
_OPENING_END = re.compile(r"[ \t]*(?:[:,!]|[-–—][ \t])")
# What an opening name and the punctuation after it are made of (words, spaces, apostrophes,
# hyphens), tried before the rules that find one.
_OPENING_SHAPE = re.compile(r"[^\W\d_'’-]+(?:[ \t\u00a0'’-]+[^\W\d_'’-]+){1,12}[ \t]*(?:[:,!]|[-–—][ \t])")
# "per Name Surname" or ": Name Surname" closing the title.
_CLOSING_CUE = re.compile(
    r"(?:(?<![\w.])(?:[Pp]er|[Aa]d?|[Dd]a|[Ff]or|[Tt]o|[Ff]rom|[Ff]ür|[Aa]n|PER|AD?|DA)|[:–—]|(?<= )-)[ \t]+"
)
_CLOSING_END = re.compile(r"[ \t.!)]*$")
_CLOSING_CUE_BEFORE = re.compile(_CLOSING_CUE.pattern + "$")


class Token(NamedTuple):
    start: int
    end: int
    flags: int  # FIRST | SURNAME | WORD, 0 for an unknown word


def _flags(word: str) -> int:
    if word.isalpha():
        return table().get(word.lower() if word.isascii() else fold(word), 0)
    flags = 0
    for part in word.replace("’", "'").split("-"):
        key = fold(part.rsplit("'", 1)[-1])
        flags |= table().get(key, 0)
    return flags


@lru_cache(maxsize=4096)  # the same few thousand words recur across titles
def _is_name_like(word: str) -> bool:
    """An unknown word that could be a name: not a word of the language, nor a compound ending
    in one ("Marktgemeinde", "Neumarkt"), nor a role, place or code (an unknown word of four
    capitals or fewer is an acronym: TARI, INPS)."""
    key = fold(word.replace("’", "'").rsplit("'", 1)[-1])
    if not 2 <= len(key) <= 30 or (word.isupper() and len(key) <= 4):
        return False
    if key in STOP_WORDS or key in municipalities() or is_word(key):
        return False
    if key.endswith("innen"):
        return False  # a German plural of persons ("Bürgerinnen", "Schülerinnen")
    # A compound: a word of five letters or more after three or more ("Neumarkt"; not
    # "Aminata", whose tail "minata" follows a single letter).
    return not any(is_word(key[i:]) for i in range(3, len(key) - 4))


def could_be_a_name(word: str) -> bool:
    """A word (any case) that is a name which is not a common word, or an unknown word that
    could be a name: what makes a mailbox someone's."""
    flags = _flags(word)
    return bool(flags and not flags & WORD) if flags else _is_name_like(word.capitalize())


def joins_names(word: str) -> bool:
    """A lower-case word made of a first name and a name, or of an initial and a surname, written
    together as mailboxes are ("luisabasso", "mercedesserraglio", "jpiacentini")."""
    if len(word) < 6 or not word.isalpha() or is_word(word):
        return False
    initial = _flags(word[1:])
    if initial & SURNAME and not initial & WORD:
        return True
    for i in range(3, len(word) - 2):
        left, right = _flags(word[:i]), _flags(word[i:])
        if (left & FIRST and right & (FIRST | SURNAME)) or (left & SURNAME and right & FIRST):
            return True
    return False


def is_a_name(word: str) -> bool:
    """A word that is in the name lists, whether or not it is also a common word."""
    return bool(_flags(word) & (FIRST | SURNAME))


def _counts_here(word: str) -> bool:
    """Whether a word may be part of a name where the title leaves only a person: a name that
    is not a word, an Italian name even if it is one (Rosa, Costa), or a name-like word (a
    foreign name that is an Italian word, like "Zona", is a word here)."""
    flags = _flags(word)
    if flags:
        return bool(flags & ITALIAN or not flags & WORD)
    return _is_name_like(word)


_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)?")


@lru_cache(maxsize=8)
def _words(text: str) -> tuple[tuple[int, int, str, int], ...]:
    """(start, end, word, flags) of every word, computed once per text for all the rules."""
    get = table().get
    words = []
    for m in _NAME_TOKEN.finditer(text):
        word = m.group()
        if word.isalpha():  # the common case, inlined: this runs for nearly every title
            flags = get(word.lower() if word.isascii() else fold(word), 0)
        else:
            flags = _flags(word)
        words.append((m.start(), m.end(), word, flags))
    return tuple(words)


def _gazetteer_tokens(text: str) -> list[Token]:
    """Words of the text that are in the gazetteer: capitalised, or lower case in a lower-case pair."""
    if _lower_pair(text) or (not text.isascii() and _BEYOND_LATIN.search(text)):
        words = _words(text)
    else:  # only the capitalised words matter: found by the pattern, not word by word
        get = table().get
        words = []
        for m in _CAP_TOKEN.finditer(text):
            word = m.group()
            flags = get(word.lower() if word.isascii() else fold(word), 0) if word.isalpha() else _flags(word)
            words.append((m.start(), m.end(), word, flags))
    tokens = []
    for start, end, word, flags in words:
        if not flags or word.lower() in _PARTICLE_WORDS:
            continue  # "Da Mario", "von der": particles join names, they do not start them
        if word[0].isupper() or (word.islower() and not flags & WORD):
            tokens.append(Token(start, end, flags))
    return tokens


def _is_caps(text: str, token: Token) -> bool:
    word = text[token.start : token.end]
    return len(word) > 1 and word.isupper()


def _next_word(text: str, end: int, lower: bool = False) -> tuple[Token, bool] | None:
    """The word right after ``end`` (capitalised, or lower case if ``lower``), and whether a
    particle (De, Di, D', van der) led it."""
    gap = _GAP.match(text, end)
    if not gap:
        return None
    word_rx = _LOWER_WORD if lower else _CAP_WORD
    particle = _PARTICLE.match(text, gap.end())
    word = word_rx.match(text, particle.end()) if particle else None
    if word is None:
        particle, word = None, word_rx.match(text, gap.end())
    if word is None or text[word.end() : word.end() + 1].isdigit():
        return None  # no word, or part of a code: "IBAN DE35…"
    return Token(gap.end(), word.end(), _flags(word.group())), particle is not None


# Events about or dedicated to a person name no one who gets the message: "Concerto per Ennio
# Morricone", "Mostra su Frida Kahlo", "Centenario di Italo Calvino", "Intitolazione del parco
# a Peppino Impastato".
EVENTS = _words_of(
    """concerto concerti mostra mostre omaggio tributo anniversario centenario bicentenario
    commemorazione intitolazione spettacolo serata lettura letture celebrazione cerimonia
    retrospettiva rassegna festival premio memorial convegno film memoria ricordo nobel
    premiazione giornata giorno cerimonie exhibition tribute anniversary concert incontro incontri
    dibattito conferenza presentazione laboratorio laboratori visita visite spettacoli concerti"""
)
_EVENT_LINKS = frozenset(
    """a ad per su sul sulla con di del della dello dal dalla in onore memoria dedicato dedicata morte
    nascita scomparsa anni cento of to for : – —""".split()
)


def _after_event(words: list[str]) -> bool:
    """Whether an event word stands shortly before, with only links, articles and place words
    (or capitalised ones) after it."""
    for steps in range(min(len(words), 6)):
        low = words[len(words) - 1 - steps]
        if low in EVENTS:
            return True
        if not (low in _EVENT_LINKS or low in _ARTICLES or low in PLACES):
            return False
    return False


@lru_cache(maxsize=8)
def _words_before(text: str) -> tuple[list[int], list[int], list[str], list[str]]:
    """Starts, ends, words and their lower-cased forms (dots stripped) of the text's words and
    punctuation, for ``_after_place``, computed once per text."""
    found = [(m.start(), m.end(), m.group()) for m in _WORD_BEFORE.finditer(text)]
    return (
        [start for start, _, _ in found],
        [end for _, end, _ in found],
        [word for _, _, word in found],
        [word.lower().rstrip(".") for _, _, word in found],
    )


@lru_cache(maxsize=256)  # the pre-filter and the rules ask about the same words
def _after_place(text: str, start: int) -> bool:
    """Whether the words before ``start`` (at most 80 characters back) name a street, place,
    institution or saint.

    Walking back over capitalised words and qualifiers: "Istituto Comprensivo |Leonardo",
    "Scuola dell'infanzia |Gianni", "Borsa di studio |Giacomo", "Comune di |Giuliano".
    """
    starts, ends, all_originals, all_words = _words_before(text)
    last = bisect_right(ends, start)
    first = max(bisect_left(starts, start - 80), last - 8)
    originals, words = all_originals[first:last], all_words[first:last]
    if _after_event(words):
        return True
    for steps in range(min(len(words), 6)):
        i = len(words) - 1 - steps
        low = words[i]
        if low in PLACES or (originals[i][0].isupper() and low.endswith(PLACE_ENDINGS) and len(low) > 8):
            return True  # also a German compound naming a place: "Grundschule", "Gemeindebibliothek"
        if low in _ARTICLES and steps == 0:
            return i > 0 and words[i - 1] in PLACES_WITH_DI
        if originals[i][0].isupper() or low in QUALIFIERS or low in _ARTICLES or low in _CONJUNCTIONS:
            continue
        # One lower-case complement of a named place: "Borsa di studio", "Scuola di musica".
        return i > 1 and words[i - 1] in _ARTICLES and words[i - 2] in PLACES
    return False


def _run(text: str, first: Token) -> list[Token]:
    """Adjacent gazetteer words from ``first`` on, and a surname after a particle (De Luca)."""
    lower = text[first.start].islower()
    run = [first]
    while len(run) < 4:
        nxt = _next_word(text, run[-1].end, lower)
        if nxt is None:
            break
        token, particle = nxt
        if lower and token.flags & WORD:
            break  # "kit per la differenziata": lower-case names must not be words
        if fold(text[token.start : token.end].split()[-1]) in STOP_WORDS:
            break  # "Chiesa di |Santa Chiara"
        if not (token.flags or (particle and any(t.flags & FIRST for t in run))):
            break
        run.append(token)
    return run


def _is_pair(text: str, run: list[Token]) -> bool:
    """Adjacent names are a person when one is a first name and one is not a word; in lower
    case, when an unambiguous first name meets a surname."""
    if len(run) < 2:
        return False
    if text[run[0].start].islower():
        return any(t.flags & FIRST and not t.flags & WORD for t in run) and any(t.flags & SURNAME for t in run)
    clear = any(
        (t.flags and not t.flags & WORD) or (not t.flags and _is_name_like(text[t.start : t.end].split()[-1])) for t in run
    )
    return clear and any(t.flags & FIRST for t in run)


def _surname_after(text: str, run: list[Token]) -> Token | None:
    """An unknown capitalised word after a lone unambiguous first name ("Chiara Gallo")."""
    last = run[-1]
    if len(run) != 1 or last.flags & WORD or not last.flags & FIRST or _is_caps(text, last):
        return None
    if text[last.start].islower():
        return None
    nxt = _next_word(text, last.end)
    if nxt is None or nxt[0].flags:
        return None
    word = text[nxt[0].start : nxt[0].end]
    if word.isupper() or fold(word) in STOP_WORDS:
        return None
    return nxt[0]


_WORD_BEHIND = re.compile(r"(?<![^\W\d_])([A-ZÀ-Þ][^\W\d_]{1,30})[ \t]$")


def _given_before(text: str, token: Token) -> int | None:
    """Where an unknown name-like word right before a surname that is not a word starts
    ("Gurpreet Singh", "Fatou Ndiaye")."""
    if not token.flags & SURNAME or token.flags & (WORD | FIRST) or not text[token.start].isupper():
        return None
    m = _WORD_BEHIND.search(text, max(0, token.start - 30), token.start)
    if m and not _flags(m.group(1)) and _is_name_like(m.group(1)) and not m.group(1).isupper():
        return m.start(1)
    return None


def _given_after(text: str, token: Token) -> int | None:
    """Where an unknown name-like word right after a surname that is not a word ends ("Singh
    Harpreet"). Two unknown words ("Hoxha Arben") are a person only where the title leaves
    nothing else (``_position_runs``)."""
    if not token.flags & SURNAME or token.flags & (WORD | FIRST) or not text[token.start].isupper():
        return None
    nxt = _next_word(text, token.end)
    if nxt is None or nxt[1] or nxt[0].flags:
        return None
    word = text[nxt[0].start : nxt[0].end]
    if word.isupper() != text[token.start : token.end].isupper() or not _is_name_like(word):
        return None
    return nxt[0].end


def _with_initial(text: str, token: Token) -> tuple[int, int] | None:
    """A surname with an initial: "Rossi M.", "M. Rossi"."""
    if not token.flags & SURNAME or token.flags & WORD or not text[token.start].isupper():
        return None
    after = _GAP.match(text, token.end)
    if after and _INITIAL.match(text, after.end()) and not text[after.end() + 2 : after.end() + 3].isalpha():
        return token.start, after.end() + 2
    if token.start >= 3 and _INITIAL.fullmatch(text, token.start - 3, token.start - 1) and text[token.start - 1] == " ":
        if token.start == 3 or not text[token.start - 4].isalnum():
            if text[token.start - 3] != "S":  # "S. Rossi" may be a saint's abbreviation
                return token.start - 3, token.end
    return None


def _cue_runs(text: str) -> list[Hit]:
    """Names right after a title, a greeting or a relation word."""
    hits = []
    low = lower_same_length(text)
    if not _cue_index().owners(low):
        return hits
    for m in _ANY_CUE.finditer(low):
        if m.start() and text[m.start() - 1] == ".":
            continue
        _, score, any_word = _CUES[int(m.lastgroup[1:])]
        words = []
        at = m.end()
        while len(words) < 3:
            word = _CAP_WORD.match(text, at) or (_LOWER_WORD.match(text, at) if not any_word else None)
            if not word or fold(word.group()) in STOP_WORDS:
                break
            if _TITLE.match(text, word.start()):
                break  # "Gentile Sig.ra Bianchi": the title cue takes over
            if word.group()[0].islower() and (not _flags(word.group()) or _flags(word.group()) & WORD):
                break  # lower case only for names that are not words: "gentile mario rossi"
            if word.group()[0].islower() and text[word.end() : word.end() + 1] in ("'", "’"):
                break  # an elided article: "studenti dell'università"
            if text[word.end() : word.end() + 1].isdigit():
                break  # part of a code: "intestato a RSSMRA85…"
            words.append(word)
            gap = _GAP.match(text, word.end())
            if not gap:
                break
            at = (_PARTICLE.match(text, gap.end()) or gap).end()
        if not words or _after_place(text, m.start()):
            continue
        # After a greeting: names that count here, or a first name that is a word addressed
        # with a comma ("Dear Grace,"), not a title ("Hello Summer Camp:").
        addressed = text[words[-1].end() : words[-1].end() + 1] in (",", "!")
        if any_word or any(
            _counts_here(w.group()) or (addressed and _flags(w.group()) & FIRST) for w in words
        ):
            hits.append(Hit("PERSON", words[0].start(), words[-1].end(), score))
    return hits


def _person_run(text: str, at: int, opening: bool = False) -> tuple[int, int] | None:
    """Two to four capitalised words from ``at`` that may each be part of a name, with particles
    and hyphens. Names that are all words must stand side by side, and when opening the title
    ("Bianco Natale:", "Stella di Natale:") be a first name then a surname."""
    words: list[re.Match[str]] = []
    end = at
    while len(words) < 4:
        word = _CAP_WORD.match(text, at)
        if not word or fold(word.group()) in STOP_WORDS or text[word.end() : word.end() + 1].isdigit():
            break
        if not _counts_here(word.group()) and not (words and _surname_after_clear(words[-1].group(), word.group())):
            break
        words.append(word)
        end = word.end()
        gap = _GAP.match(text, end)
        if not gap:
            break
        at = (_PARTICLE.match(text, gap.end()) or gap).end()
    if len(words) < 2:
        return None
    flags = [_flags(w.group()) for w in words]
    if all(f & WORD for f in flags):
        # Names that are all words ("Stella di Natale", "Bianco Natale") are a person only as
        # first name then surname, side by side: "Serena Costa", "Marina Greco".
        if len(words) != 2 or words[1].start() - words[0].end() > 2:
            return None
        if opening and not (flags[0] & FIRST and flags[1] & SURNAME):
            return None
    first = text[words[0].start() : words[0].end()]
    if fold(first) in STOP_WORDS or text[words[0].start() : end].lower() in municipalities():
        return None
    return words[0].start(), end


def _surname_after_clear(before: str, word: str) -> bool:
    """A surname that is also a common word after a name that is not one: "Cheikh Fall"."""
    flags = _flags(before)
    return bool(_flags(word) & SURNAME) and (bool(flags and not flags & WORD) or (not flags and _is_name_like(before)))


# Where a clause starts after a colon or a dash, leaving only a person if names open it:
# "Dati anagrafici: Hoxha Ardit, nato a…", "Servizio civile: Ousmane Gueye assegnato al…".
_CLAUSE_START = re.compile(r"(?::|[ \t][–—-])[ \t]+")
_CLAUSE_END = re.compile(r"[ \t]*(?:[:,!]|[-–—][ \t])|[ \t]+(?:[a-zà-ù]+(?:at|it|ut)[oaie]|nat[oaie])\b")


def _clause_runs(text: str, found: list[Hit]) -> list[Hit]:
    """Names opening a clause after a colon or a dash, before punctuation or a participle."""
    hits = []
    covered = _Covered(found)
    for m in _CLAUSE_START.finditer(text):
        at = m.end()
        if at in covered or not _capital_at(text, at) or _after_place(text, m.start()):
            continue  # "Mostra: Frida Kahlo, …" is an event's
        span = _person_run(text, at, opening=True)
        if span and _CLAUSE_END.match(text, span[1]) and fold(text[span[0] : span[1]]) not in municipalities():
            hits.append(Hit("PERSON", span[0], span[1], PAIR))
    return hits


def _position_runs(text: str, found: list[Hit] = ()) -> list[Hit]:
    """Names where the title leaves only a person: opening it, closing it, or addressing (a
    place an earlier rule's name already covers is not looked at again)."""
    hits = _clause_runs(text, found) if ":" in text or "-" in text or "–" in text or "—" in text else []
    opening = len(text) - len(text.lstrip(" \t*_#>\"'«“"))
    word = _CAP_WORD.match(text, opening)
    if word is None or opening in _Covered(found):
        return hits + _closing_runs(text, [*found, *hits])
    span = _person_run(text, opening, opening=True) if _OPENING_SHAPE.match(text, opening) else None
    if span and _OPENING_END.match(text, span[1]) and fold(text[span[0] : span[1]]) not in municipalities():
        hits.append(Hit("PERSON", span[0], span[1], PAIR))
    # "Esposito, Gennaro: …": a surname, a comma and a first name open the title.
    comma = _SURNAME_COMMA_FIRST.match(text, opening)
    if comma and _flags(comma.group(1)) & SURNAME and _flags(comma.group(2)) & FIRST:
        if _counts_here(comma.group(1)) and _counts_here(comma.group(2)) and _OPENING_END.match(text, comma.end()):
            hits.append(Hit("PERSON", comma.start(), comma.end(), PAIR))
    # A single first name addressing the reader: "Rosa, hai…", "Arben, la tua domanda…".
    if _OPEN_PUNCT.match(text, word.end()) and _ADDRESSES.match(text, word.end()) and not any(rx.match(text, word.start()) for rx, _, _ in _CUES):
        flags = _flags(word.group())
        if flags & FIRST or (not flags and _is_name_like(word.group())):
            hits.append(Hit("PERSON", word.start(), word.end(), PATTERN))
    return hits + _closing_runs(text, [*found, *hits])


_LAST_WORD = re.compile(r"[^\W\d_'’-]+$")


def _closing_runs(text: str, found: list[Hit]) -> list[Hit]:
    """"… per Fatou Diop", "…: Kavinda Jayasuriya": names closing the text after a preposition,
    a colon or a dash."""
    last = len(text.rstrip(" \t.!)")) - 1
    if last < 0 or not text[last].isalpha() or last in _Covered(found):
        return []
    word = _LAST_WORD.search(text, 0, last + 1)
    if word is None or word.group().islower():
        return []  # a closing name ends with a capitalised word
    hits = []
    for m in _CLOSING_CUE.finditer(text, max(0, len(text) - 80)):  # a closing name is near the end
        if not _capital_at(text, m.end()):
            continue
        span = _person_run(text, m.end())
        if span and _CLOSING_END.fullmatch(text, span[1]) and not _after_place(text, m.start()):
            hits.append(Hit("PERSON", span[0], span[1], PAIR))
    return hits


def _capital_at(text: str, at: int) -> bool:
    """Whether a capitalised word (``_CAP_WORD``) may start at ``at``: a capital, or a particle."""
    c = text[at : at + 1]
    return bool(c) and (c.isupper() or _PARTICLE.match(text, at) is not None)


def _capital_next(text: str, end: int) -> bool:
    """Whether a capitalised word or a particle follows ``end`` after a space."""
    gap = _GAP.match(text, end)
    return gap is not None and (text[gap.end() : gap.end() + 1].isupper() or _PARTICLE.match(text, gap.end()) is not None)


class _Covered:
    """Where earlier rules found names: ``at in covered`` in O(log n), for texts of any length."""

    def __init__(self, hits):
        if not hits:
            self.starts = self.reach = ()
            return
        spans = sorted((h.start, h.end) for h in hits)
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max))  # furthest end so far

    def __contains__(self, at: int) -> bool:
        if not self.starts:
            return False
        i = bisect_right(self.starts, at) - 1
        return i >= 0 and at < self.reach[i]


def _gazetteer_runs(text: str, found: list[Hit] = ()) -> list[Hit]:
    """Runs of gazetteer words (a word inside an earlier rule's name is not looked at again)."""
    hits = []
    tokens = _gazetteer_tokens(text)
    opening = len(text) - len(text.lstrip())  # where the first word starts
    consumed = -1
    covered = _Covered(found)
    for token in tokens:
        if token.start < consumed or token.start in covered:
            continue
        if token.flags & WORD and not _capital_next(text, token.end) and token.start != opening:
            continue  # a name that is a word, alone: every rule below needs more
        initial = _with_initial(text, token)
        if initial and not _after_place(text, initial[0]):
            hits.append(Hit("PERSON", *initial, PAIR))
            consumed = initial[1]
            continue
        given = _given_before(text, token)
        if given and not _after_place(text, given):
            hits.append(Hit("PERSON", given, token.end, PAIR))
            consumed = token.end
            continue
        given_after = _given_after(text, token)
        if given_after and not _after_place(text, token.start):
            hits.append(Hit("PERSON", token.start, given_after, PAIR))
            consumed = given_after
            continue
        if fold(text[token.start : token.end]) in PLACES:
            continue  # "Villa Borghese", "Porta Nuova": a place word starts no name
        run = _run(text, token)
        consumed = run[-1].end
        surname = _surname_after(text, run)
        if surname:
            run.append(surname)
            consumed = surname.end
        if _is_pair(text, run) or surname:
            score = PAIR
        elif (
            len(run) == 1
            and token.flags & FIRST
            and not token.flags & WORD
            and token.start == opening
            and text[token.end : token.end + 1] in (",", "!")
            and text[token.start].isupper()
        ):
            score = PATTERN  # "Alessandro, la tua domanda è stata accolta"
        else:
            continue
        start, end = run[0].start, run[-1].end
        if not _after_place(text, start) and fold(text[start:end]) not in municipalities():
            hits.append(Hit("PERSON", start, end, score))
    return hits


_GAP_PARTICLE = re.compile(rf"[ \t\u00a0]{{1,2}}(?:{_PARTICLE.pattern})")
# Between two capitalised words of a block: spaces, and a short word or the particles of a name.
_BLOCK_GAP = re.compile(rf"[ \t\u00a0]{{1,2}}(?:[^\W\d_]{{1,4}}['’ \t]{{1,2}}|{_PARTICLE.pattern})?")
_OPEN_PUNCT = re.compile(r"[ \t]*[,!]")
_TRAILING = re.compile(r"[ \t.!)]*")


def _clear(word: str, flags: int) -> bool:
    """A name that is not a word, or an unknown word that could be a name."""
    return bool(flags and not flags & WORD) if flags else _is_name_like(word)


def _block_may_name(text: str, block: list[tuple[int, int, str]], opening: bool, closing: bool) -> bool:
    """Whether some rule may find a name in a run of capitalised words side by side (the rules
    that need a cue, an initial, lower case or a comma after the first word are asked apart)."""
    words = [w for _, _, w in block]
    flags = [_flags(w) for w in words]
    if not _names_in_block(text, block, flags, opening or closing):
        return False
    if opening and fold(words[0]) not in STOP_WORDS and _counts_here(words[0]):
        return True  # the opening rule looks at no place before the name
    # Every other rule looks at the words before the name for a place, an institution or an
    # event. A name starts at a word of the block, not at its last, and not at a word that is
    # neither in the lists nor name-like ("Via", "Scuola").
    starts = [start for (start, _, word), f in zip(block[:-1], flags) if f or _is_name_like(word)]
    if not all(_after_place(text, start) for start in starts):
        return True
    cue = _CLOSING_CUE_BEFORE.search(text, max(0, block[0][0] - 12), block[0][0]) if closing else None
    return cue is not None and not _after_place(text, cue.start())


def _names_in_block(text: str, block: list[tuple[int, int, str]], flags: list[int], position: bool) -> bool:
    """What the rules need of the words of a block: a surname that is not a word (next to an
    unknown word or in a pair); a first name with another name or an unknown word, one of them
    not a word; a first name that is not a word followed by a word ("Chiara Gallo") or by a
    particle ("Mario de Xyz"); or, opening or closing the title, two words that count there."""
    if any(f & SURNAME and not f & WORD for f in flags):
        return True
    words = [w for _, _, w in block]
    clear = [_clear(w, f) for w, f in zip(words, flags)]
    for i, f in enumerate(flags):
        if not f & FIRST:
            continue
        others = [j for j in range(len(words)) if j != i]
        if any(flags[j] or clear[j] for j in others) and (clear[i] or any(clear[j] for j in others)):
            return True
        if not f & WORD and i + 1 < len(words):
            following = words[i + 1]
            particle = (
                following.lower() in _PARTICLE_WORDS
                or following[:2].lower() in _ELIDED_PARTICLES
                or _GAP_PARTICLE.fullmatch(text, block[i][1], block[i + 1][0]) is not None
            )
            if particle or not (words[i].isupper() or following.isupper()):
                return True
    if not position:
        return False
    if any(flags[i] & SURNAME and _clear(words[i - 1], flags[i - 1]) for i in range(1, len(words))):
        return True  # a surname that is a word after a clear name: "Cheikh Fall"
    return sum(_counts_here(w) for w in words) >= 2


# Upper-case letters up to U+024F (Latin, Latin-1, Latin Extended-A and B): beyond them the
# pre-filter does not look, and lets the rules decide.
_UPPER = "".join(c for c in map(chr, range(0x250)) if c.isupper())
_BEYOND_LATIN = re.compile(r"[^\W\d_\x00-\u024f]")
# A capitalised word: an upper-case letter with no letter before it, then the rest of the word;
# also after an elided particle ("D'Amico"), as ``_CAP_WORD`` reads it.
_CAPITALISED = re.compile(
    rf"(?:(?<![^\W\d_])[A-Z][a-z]?['’](?=[{_UPPER}]))?[{_UPPER}](?<![^\W\d_].)[^\W\d_]*(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)?"
)
# A capitalised word as ``_NAME_TOKEN`` cuts words: not joined to a word before it by an
# apostrophe or a hyphen ("dell'Aquila", "Anna-Maria" are one word each).
_CAP_TOKEN = re.compile(rf"[{_UPPER}](?<![^\W\d_].)(?<![^\W\d_]['’-].)[^\W\d_]*(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)?")
_LETTER = re.compile(r"[^\W\d_]")
_NOT_LETTERS = bytes(c if chr(c).isalpha() else 32 for c in range(256))


@lru_cache(maxsize=1)
def _lower_names() -> tuple[frozenset[str], ...]:
    """Names that are not words; the first names among them; those also surnames; as keys and
    as ASCII bytes."""
    flags = table()
    names = frozenset(k for k, f in flags.items() if not f & WORD)
    first = frozenset(k for k in names if flags[k] & FIRST)
    both = frozenset(k for k in first if flags[k] & SURNAME)
    return names, first, both, *(frozenset(k.encode() for k in keys if k.isascii()) for keys in (names, first, both))


@lru_cache(maxsize=8)  # asked by the pre-filter and by the rules
def _lower_pair(text: str) -> bool:
    """Whether a lower-case name may be found (``_run`` and ``_is_pair`` in lower case): a first
    name that is not a word, with another name that is not one, or that is also a surname
    ("mario rossi", "mario de xyz")."""
    names, first, both, ascii_names, ascii_first, ascii_both = _lower_names()
    if text.isascii():
        words = text.encode().translate(_NOT_LETTERS).split()
        if ascii_first.isdisjoint(words):
            return False
        if not (ascii_both.isdisjoint(words) or _ASCII_PARTICLES.isdisjoint(words)):
            return True
        return sum(w in ascii_names for w in words) >= 2
    keys = [fold(run) for run in _LETTERS.findall(text) if run.islower()]
    if first.isdisjoint(keys):
        return False
    return not (both.isdisjoint(keys) or _PARTICLE_KEYS.isdisjoint(keys)) or sum(k in names for k in keys) >= 2


_LETTERS = re.compile(r"[^\W\d_]+")
_ELIDED_PARTICLES = frozenset("d' d’ l' l’".split())
# Particles as the words of a text split at every non-letter ("d'", "l'" leave "d", "l").
_PARTICLE_KEYS = frozenset(w for p in _PARTICLE_WORDS | {"d", "l"} for w in p.split())
_ASCII_PARTICLES = frozenset(w.encode() for w in _PARTICLE_KEYS)


def _initial_next_to_word(text: str) -> bool:
    """An initial next to a word: "M. Rossi" (a capital after the initial and its space),
    "Rossi M." (a letter before the space and the initial)."""
    for m in _INITIAL.finditer(text):
        at, end = m.start(), m.end()
        after = text[end + 1 : end + 2]
        if text[end : end + 1] == " " and after and (after.isupper() or "À" <= after <= "Þ"):
            if at == 0 or not _LETTER.match(text, at - 1):
                return True
        if at >= 2 and text[at - 1] == " " and _LETTER.match(text, at - 2):
            return True
    return False


def maybe(scan) -> bool:
    """A necessary condition of every rule above, cheap enough for most titles, which hold no
    name: a cue word; an initial next to a word; a word opening the text before a comma; a
    lower-case first name that is not a word; capitalised words side by side among which a rule
    could find a name (``_block_may_name``). A text with letters beyond Latin goes to the rules."""
    text = scan.text
    if scan.cued and _ANY_CUE.search(scan.low):
        return True
    first = _NAME_TOKEN.search(text)
    if first is None:
        return False
    if not text.isascii() and _BEYOND_LATIN.search(text):
        return True
    if first.group()[0].isupper() and _OPEN_PUNCT.match(text, first.end()):
        return True
    if "." in text and _initial_next_to_word(text):
        return True
    if _lower_pair(text):
        return True
    caps = [(m.start(), m.end(), m.group()) for m in _CAPITALISED.finditer(text)]
    if len(caps) < 2:
        return False
    block: list[tuple[int, int, str]] = [caps[0]]
    for word in caps[1:]:
        if _BLOCK_GAP.fullmatch(text, block[-1][1], word[0]):
            block.append(word)
            continue
        if len(block) > 1 and _block_may_name(text, block, _opens(text, block, first), False):
            return True
        block = [word]
    closing = _TRAILING.fullmatch(text, block[-1][1]) is not None
    return len(block) > 1 and _block_may_name(text, block, _opens(text, block, first), closing)


_CLAUSE_BEFORE = re.compile(r"(?::|[ \t][–—-])[ \t]+$")


def _opens(text: str, block: list[tuple[int, int, str]], first: re.Match[str]) -> bool:
    """Whether the block opens the text or a clause after a colon or a dash."""
    start = block[0][0]
    return start == first.start() or _CLAUSE_BEFORE.search(text, max(0, start - 4), start) is not None


# An initial and a name-like word: "M. Kravchuk", "Kravchuk M." (a listed surname is
# ``_with_initial``'s).
_INITIAL_FIRST = re.compile(r"(?<![^\W\d_.])[A-Z]\. ([A-ZÀ-Þ][^\W\d_]+(?:-[A-ZÀ-Þ][^\W\d_]+)?)(?![\w.])")
_INITIAL_AFTER = re.compile(r"(?<![^\W\d_])([A-ZÀ-Þ][^\W\d_]+) [A-Z]\.(?![^\W\d_.])")


def _initial_runs(text: str) -> list[Hit]:
    hits = []
    if "." not in text:
        return hits
    for rx in (_INITIAL_FIRST, _INITIAL_AFTER):
        for m in rx.finditer(text):
            word = m.group(1)
            if rx is _INITIAL_FIRST and m.group().startswith("S."):
                continue  # "S. Rocco" may be a saint's abbreviation
            if _flags(word) or not _is_name_like(word) or word.isupper() or _after_place(text, m.start()):
                continue
            hits.append(Hit("PERSON", m.start(), m.end(), PAIR))
    return hits


# What follows a name and makes it a place, an event or a thing named after someone: "Rosa
# Parks Library", "Marco Polo Card", "Giovanni Paolo II", "Dante Alighieri: letture in piazza".
_FOLLOWER = re.compile(r"[ \t»”\"]*([^\W\d_]+)")
_EVENT_AFTER = re.compile(r"[ \t»”\"]*[:–—-][ \t]*([^.;!?]{0,80})")
_LETTERS_RUN = re.compile(r"[^\W\d_]+")
_ROMAN = re.compile(r"[IVX]+")


def _named_after(text: str, hit: Hit) -> bool:
    """Whether the name is part of a place, an event or a thing's name, or a pope's or a king's."""
    follower = _FOLLOWER.match(text, hit.end)
    if follower and text[hit.end : follower.start(1)].strip(" \t") == "":
        word = follower.group(1)
        if fold(word) in PLACES or fold(word) in EVENTS or (_ROMAN.fullmatch(word) and word != "I"):
            return True
    event = _EVENT_AFTER.match(text, hit.end)
    if event is None or _addresses_the_reader(text):
        return False
    return any(fold(word) in EVENTS for word in _LETTERS_RUN.findall(event.group(1)))


_READER = re.compile(r"(?<![^\W\d_])(?:tu[oaei]?|hai|sei|your|you|Ihr\w*|dein\w*)(?![^\W\d_])", re.IGNORECASE)


def _addresses_the_reader(text: str) -> bool:
    return _READER.search(text) is not None


def _find_all_rules(text: str) -> list[Hit]:
    cued = _cue_runs(text)
    found = cued + _initial_runs(text)
    found += _gazetteer_runs(text, found)
    found += _position_runs(text, found)
    return [h for h in found if h in cued or not _named_after(text, h)]


def find_names(text: str) -> list[Hit]:
    """Names found by the rules above, overlapping ones merged."""
    hits = sorted(_find_all_rules(text), key=lambda h: (h.start, -h.end, -h.score))
    merged: list[Hit] = []
    for hit in hits:
        if merged and hit.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Hit("PERSON", last.start, max(last.end, hit.end), max(last.score, hit.score))
        else:
            merged.append(hit)
    return merged
