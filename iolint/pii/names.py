"""Person names without an NER model: a gazetteer of first names and surnames, and context.

Name lists come from maintained data packages: python-codicefiscale's first names and Faker's
it_IT first names and surnames, loaded once on first use. A capitalised gazetteer word alone is
never reported (it could be a place, a street or an ordinary word); a name is reported when

* a title or honorific precedes capitalised words ("Sig.ra Bianchi", "Dott. Esposito", "Frau
  Hofer"): 0.85, whatever the words, unless they are a role ("Gentile Utente");
* a greeting or a relation precedes a gazetteer name ("Ciao Rosa,", "intestato a Luca
  Esposito", "alunno Lorenzo Fontana"): 0.85 / 0.8;
* a first name stands next to another name ("Mario Rossi", "Rossi Mario", "MARIO ROSSI") or
  before an unknown capitalised word ("Chiara Gallo"): 0.7;
* a first name opens the text and is followed by a comma ("Alessandro, la tua domanda"): 0.6.

Names that are also common words (Rosa, Marina, Sole, Franco, Stella, Viola...) count only with a
greeting, a title, a relation, or next to a name that is not ambiguous. Nothing is reported after
a street, place or institution word, or a saint ("Via Giuseppe Verdi", "Comune di Santa Maria
Capua Vetere", "Istituto Comprensivo Leonardo da Vinci", "Ospedale Sandro Pertini").
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import NamedTuple

from iolint.pii.hits import CONTEXT, PAIR, PATTERN, Hit, lower_same_length

FIRST, SURNAME, AMBIGUOUS = 1, 2, 4

# Gazetteer entries that are ordinary words or place names when capitalised.
AMBIGUOUS_NAMES = frozenset(
    """alba alma amico aria assunta assunto aurora bianca bianco bruna bruno candida candido
    carina celeste colomba colombo concetta consolata costante costanza diamante diana divina
    dolores domenica donata donato donna durante fedele felice fermo fiamma fiore fortunata
    fortunato franca franco gemma gioconda gloria grazia giusto immacolata innocenza libera
    libero lieto luna marina marino massima massimo mira modesto natale norma novella pace
    pasqua primo prospero prudenza regina romana romano rosa salvo serena sereno sole speranza
    stella tosca ultimo vera viola vita vitale vittoria
    abate amato argento balla basso battaglia bocca botta casale chiesa cipolla collina conte
    conti costa farina ferrara ferrari forza gatto greco leone lombardo lupo medici monaco
    moneta monte monti palazzo pepe prati pugliese rocca russo santi scarpa schiavo soprano
    tasca tasso tedesco traversa trapani veneziano vento verdi vespa volta volterra zampa""".split()
)
# Never names here: saints and greetings are cues, the rest are words.
NOT_NAMES = frozenset("santa santo salve benvenuto benvenuta queen norvegia scolastica sabato vico mia".split())

_TITLE = re.compile(
    r"(?<![\w.])(?:sig(?:\.ra|\.na|g)?\.?|signor[ae]?|dott(?:\.ssa)?\.?|dottor(?:e|essa)|dr\.?|"
    r"prof(?:\.ssa)?\.?|professor(?:e|essa)?|avv\.?|ing\.|arch\.|geom\.|rag\.|mr\.?|mrs\.?|"
    r"ms\.?|herrn?|frau|don|suor)[ \t]+",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"(?<![\w.])(?:gentil(?:e|issim[oa])|gent\.(?:mo|ma|mi|me)?|egregi[oa]|car[oa]|carissim[oa]|"
    r"ciao|buongiorno|buonasera|dear|hello|hi|hallo|lieber?|sehr geehrter?|guten tag)[ \t,]+",
    re.IGNORECASE,
)
_RELATION = re.compile(
    r"(?<![\w.])(?:intestat[oaie] a|a nome di|per conto di|alunn[oaie]|student(?:e|essa|i)|"
    r"bambin[oaie]|figli[oa]|minore|paziente|beneficiari[oa]|richiedente|titolare|"
    r"intestatari[oa]|defunt[oa]|delegat[oa]|tutore|coniuge|erede|contribuente)[ \t]+",
    re.IGNORECASE,
)
_CUES = ((_TITLE, CONTEXT, True), (_GREETING, CONTEXT, False), (_RELATION, 0.8, False))

# A capitalised word (title case or all caps), possibly after an elided particle (D'Amico).
_CAP_WORD = re.compile(r"(?:[A-Z][a-z]?['’])?[A-ZÀ-Þ][^\W\d_]*(?:['’][^\W\d_]+)?")
_PARTICLE = re.compile(
    r"(?:(?:Della|Dalla|Del|Dal|De|Di|Da|Lo|La|Li|DELLA|DALLA|DEL|DAL|DE|DI|DA|LO|LA|LI)[ \t]|D['’])"
)
_GAP = re.compile(r"[ \t]{1,2}")
_WORD_BEFORE = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?|[,:;()!?\-–—/]")

ROLES = frozenset(
    """utente utenti cittadino cittadina cittadini cliente clienti contribuente famiglia
    famiglie genitore genitori signore signora signori sindaco presidente dirigente direttore
    direttrice responsabile team tutti tutte sua lei voi io customer user citizen member
    residents kunde kundin bürger bürgerin nutzer mitglied""".split()
)
PLACES = frozenset(
    """via viale v.le piazza piazzale p.zza p.za p.le piazzetta corso c.so largo l.go vicolo
    lungomare lungotevere lungarno strada contrada c.da borgo località loc frazione fraz ponte
    porta galleria parco giardini giardino villa palazzo palazzetto palasport palazzina stadio
    teatro cinema museo biblioteca scuola scuole istituto liceo asilo nido convitto
    conservatorio accademia università ateneo politecnico collegio ospedale policlinico presidio
    clinica poliambulatorio centro fondazione associazione circolo aeroporto stazione porto
    caserma chiesa basilica cattedrale duomo santuario parrocchia oratorio cappella cimitero
    piscina palestra sala auditorium aula plesso premio festival arena monumento lido rifugio
    quartiere rione comune provincia città regione municipio progetto borsa fondo concorso
    rassegna mostra torneo trofeo memorial coppa sentiero ic iis itis itc ipsia ipc
    san santa santo sant santi s ss st sankt""".split()
)
# "X di Name": places whose name follows "di" (Comune di Giuliano Teatino), unlike a school
# or a nursery, where "nido di Francesca Gallo" is a child's place.
PLACES_WITH_DI = frozenset(
    """comune provincia città regione frazione località municipio diocesi parrocchia prefettura
    questura tribunale porto golfo lago valle isola monte castello borgo quartiere rione
    riviera unione""".split()
)
QUALIFIERS = frozenset(
    """comprensivo statale statali primaria secondaria superiore paritaria comunale civico
    civica regionale provinciale nazionale infanzia primo secondo grado sportivo scientifico
    classico tecnico professionale artistico linguistico musicale polivalente universitario
    ospedaliero ospedaliera materna elementare media medie""".split()
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


class Token(NamedTuple):
    start: int
    end: int
    flags: int  # FIRST | SURNAME | AMBIGUOUS, 0 for an unknown capitalised word


def _data_path(package: str, *parts: str) -> Path:
    # find_spec on a top-level package does not import it (python-codicefiscale's import
    # pulls in dateutil and slugify, which we do not need).
    spec = find_spec(package)
    return Path(spec.submodule_search_locations[0], *parts)


@cache
def municipalities() -> frozenset[str]:
    """Lower-cased names of the active Italian comuni (some are a first name and a name)."""
    with _data_path("codicefiscale", "data", "municipalities.json").open(encoding="utf-8") as f:
        return frozenset(m["name"].lower() for m in json.load(f) if m.get("active"))


@cache
def gazetteer():
    """(automaton over " name " keys, lower-cased name -> flags), built once."""
    import ahocorasick
    from faker.providers.person.it_IT import Provider

    with _data_path("codicefiscale", "data", "names.json").open(encoding="utf-8") as f:
        cf_names = json.load(f)
    flags: dict[str, int] = {}
    for names, flag in (
        (Provider.first_names, FIRST),
        ([n for group in cf_names.values() for n in group], FIRST),
        (Provider.last_names, SURNAME),
    ):
        for name in names:
            key = name.lower()
            if key not in NOT_NAMES:
                flags[key] = flags.get(key, 0) | flag | (AMBIGUOUS if key in AMBIGUOUS_NAMES else 0)
    automaton = ahocorasick.Automaton()
    for key, flag in flags.items():
        automaton.add_word(f" {key} ", (len(key), flag))
    automaton.make_automaton()
    return automaton, flags


_NON_LETTER = re.compile(r"[\W\d_]")


def _gazetteer_tokens(text: str) -> list[Token]:
    """Capitalised whole words of the text that are in the gazetteer, in order."""
    automaton, _ = gazetteer()
    padded = " " + _NON_LETTER.sub(" ", lower_same_length(text)) + " "
    tokens = []
    for end, (length, flag) in automaton.iter(padded):
        start = end - length - 1  # end is the key's trailing space, one past the name in text
        if text[start].isupper():
            tokens.append(Token(start, start + length, flag))
    return tokens


def _is_caps(text: str, token: Token) -> bool:
    word = text[token.start : token.end]
    return len(word) > 1 and word.isupper()


def _next_word(text: str, end: int) -> tuple[Token, bool] | None:
    """The capitalised word right after ``end``, and whether a particle (De, Di, D') led it."""
    gap = _GAP.match(text, end)
    if not gap:
        return None
    particle = _PARTICLE.match(text, gap.end())
    word = _CAP_WORD.match(text, particle.end()) if particle else None
    if word is None:
        particle, word = None, _CAP_WORD.match(text, gap.end())
    if word is None:
        return None
    key = re.split("['’]", word.group().lower())[-1]
    return Token(gap.end(), word.end(), gazetteer()[1].get(key, 0)), particle is not None


def _after_place(text: str, start: int) -> bool:
    """Whether the words before ``start`` name a street, place, institution or saint.

    Walking back over capitalised words and qualifiers: "Istituto Comprensivo |Leonardo",
    "Scuola dell'infanzia |Gianni", "Borsa di studio |Giacomo", "Comune di |Giuliano".
    """
    originals = _WORD_BEFORE.findall(text, max(0, start - 80), start)
    words = [w.lower().rstrip(".") for w in originals]
    for steps in range(min(len(words), 6)):
        i = len(words) - 1 - steps
        low = words[i]
        if low in PLACES:
            return True
        if low in _ARTICLES and steps == 0:
            return i > 0 and words[i - 1] in PLACES_WITH_DI
        if originals[i][0].isupper() or low in QUALIFIERS or low in _ARTICLES:
            continue
        # One lower-case complement of a named place: "Borsa di studio", "Scuola di musica".
        return i > 1 and words[i - 1] in _ARTICLES and words[i - 2] in PLACES
    return False


def _run(text: str, first: Token) -> list[Token]:
    """Adjacent gazetteer words from ``first`` on, and a surname after a particle (De Luca)."""
    run = [first]
    while len(run) < 4:
        nxt = _next_word(text, run[-1].end)
        if nxt is None:
            break
        token, particle = nxt
        if not (token.flags or (particle and any(t.flags & FIRST for t in run))):
            break
        run.append(token)
    return run


def _is_pair(run: list[Token]) -> bool:
    """Adjacent names are a person when one is a first name and one is not ambiguous."""
    has_first = any(t.flags & FIRST for t in run)
    clear = any(not t.flags & AMBIGUOUS for t in run)
    return len(run) >= 2 and has_first and clear


def _surname_after(text: str, run: list[Token]) -> Token | None:
    """An unknown capitalised word after a lone unambiguous first name ("Chiara Gallo")."""
    last = run[-1]
    if len(run) != 1 or last.flags & AMBIGUOUS or not last.flags & FIRST or _is_caps(text, last):
        return None
    nxt = _next_word(text, last.end)
    if nxt is None or nxt[0].flags:
        return None
    word = text[nxt[0].start : nxt[0].end]
    if word.isupper() or word.lower() in STOP_WORDS:
        return None
    return nxt[0]


def _cue_runs(text: str) -> list[Hit]:
    """Names right after a title, a greeting or a relation word."""
    hits = []
    for rx, score, any_word in _CUES:
        for m in rx.finditer(text):
            words = []
            at = m.end()
            while len(words) < 3:
                word = _CAP_WORD.match(text, at)
                if not word or word.group().lower() in STOP_WORDS:
                    break
                if _TITLE.match(text, word.start()):
                    break  # "Gentile Sig.ra Bianchi": the title cue takes over
                words.append(word)
                gap = _GAP.match(text, word.end())
                if not gap:
                    break
                at = gap.end()
            if not words or _after_place(text, m.start()):
                continue
            if any_word or any(gazetteer()[1].get(w.group().lower()) for w in words):
                hits.append(Hit("PERSON", words[0].start(), words[-1].end(), score))
    return hits


def _gazetteer_runs(text: str) -> list[Hit]:
    hits = []
    tokens = _gazetteer_tokens(text)
    opening = len(text) - len(text.lstrip())  # where the first word starts
    consumed = -1
    for token in tokens:
        if token.start < consumed:
            continue
        run = _run(text, token)
        consumed = run[-1].end
        surname = _surname_after(text, run)
        if surname:
            run.append(surname)
            consumed = surname.end
        if _is_pair(run) or surname:
            score = PAIR
        elif (
            len(run) == 1
            and token.flags & FIRST
            and not token.flags & AMBIGUOUS
            and token.start == opening
            and text[token.end : token.end + 1] in (",", "!")
        ):
            score = PATTERN  # "Alessandro, la tua domanda è stata accolta"
        else:
            continue
        start, end = run[0].start, run[-1].end
        if not _after_place(text, start) and text[start:end].lower() not in municipalities():
            hits.append(Hit("PERSON", start, end, score))
    return hits


def find_names(text: str) -> list[Hit]:
    hits = sorted(_cue_runs(text) + _gazetteer_runs(text), key=lambda h: (h.start, -h.end, -h.score))
    merged: list[Hit] = []
    for hit in hits:
        if merged and hit.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Hit("PERSON", last.start, max(last.end, hit.end), max(last.score, hit.score))
        else:
            merged.append(hit)
    return merged


def maybe(text: str) -> bool:
    return bool(_gazetteer_tokens(text)) or any(rx.search(text) for rx, _, _ in _CUES)
