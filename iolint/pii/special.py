"""Special categories of personal data (GDPR art. 9 and 10): an Italian lexicon, with a few
English and German terms.

Each entry is a regex that starts with a literal word stem; the stems go into one Aho-Corasick
automaton, and an entry's regex is tried only where its stem starts a word. Suffixes are
bounded (``\\w{0,6}``), so inflections match ("gravidanza", "gravidanze"; "ricoverato/a/i/e")
and no pattern can backtrack far.

Where the line is drawn (docs/pii.md has the list): a generic service word is not health data
("Prenota la tua visita guidata", "Ticket sanitario", "Prenotazione CUP", "Scegli il medico di
base"); a visit is health data once it is medical ("visita medica", "visita cardiologica"), an
exam once it is clinical ("esame del sangue", "esito esame", but not "esito esame di guida").
Electoral services are not political opinions; "politiche sociali" is a department, not a
belief; "partito" alone is also a past participle; a "denuncia TARI" is a tax return.
"""

from __future__ import annotations

import re
from functools import cache

from iolint.pii.hits import CONTEXT, Hit, cue, lower_same_length

_NOT_A_HEALTH_EXAM = (
    r"(?!\w*\s+(?:di\s+(?:guida|teoria|maturit|stato|ammissione|abilitazione|idoneit|lingua|"
    r"profitto|licenza|ingresso)|d['’](?:ingresso|esame)|scritt|oral|finale|del\s+concorso|"
    r"invalsi|attitudinal|della\s+patente|patente))"
)
_SPECIALTIES = (
    r"cardiolog|oncolog|neurolog|ginecolog|oculistic|dermatolog|ortoped|urolog|psichiatr|"
    r"otorino|endocrinolog|diabetolog|gastroenterolog|pneumolog|reumatolog|nefrolog|senolog|"
    r"angiolog|fisiatric|allergolog|ematolog|geriatric"
)

TERMS: dict[str, tuple[str, ...]] = {
    "HEALTH": (
        r"refert[oi]\b",
        r"diagnos\w{0,6}",
        r"ricover\w{0,6}",
        r"pronto\s+soccorso",
        r"ospedalizz\w{0,6}",
        r"degenz[ae]\b",
        r"day\s+hospital",
        r"chirurgi\w{0,4}",
        r"terapi[ae]\b",
        r"terapeutic\w{0,3}",
        r"chemioterapi\w{0,3}",
        r"radioterapi\w{0,3}",
        r"fisioterapi\w{0,3}",
        r"psicoterapi\w{0,3}",
        r"immunoterapi\w{0,3}",
        r"dialisi\b",
        r"trapiant\w{0,4}",
        r"vaccin\w{0,8}",
        r"antinfluenzal\w{0,2}",
        r"diabet\w{0,6}",
        r"tumor\w{0,3}",
        r"cancro\b",
        r"oncolog\w{0,6}",
        r"neoplas\w{0,4}",
        r"leucemi\w{0,2}",
        r"linfom\w{0,2}",
        r"epatit\w{0,2}",
        r"tubercolos\w{0,2}",
        r"sclerosi\b",
        r"alzheimer",
        r"parkinson",
        r"demenz\w{0,2}",
        r"psichiatr\w{0,4}",
        r"psicolog\w{0,5}",
        r"salute\s+mentale",
        r"autism\w{0,2}",
        r"autistic\w{0,2}",
        r"epiless\w{0,4}",
        r"ictus\b",
        r"infart\w{0,2}",
        r"cardiopati\w{0,2}",
        r"asma\b",
        r"asmatic\w{0,2}",
        r"celiac\w{0,4}",
        r"allergi\w{0,4}",
        r"intolleranz[ae]\b",
        r"obesit\w{0,2}",
        r"anoressi\w{0,2}",
        r"bulimi\w{0,2}",
        r"ipertension\w{0,2}",
        r"hiv\b",
        r"tampon[ei]\b",
        r"sierologic\w{0,2}",
        r"test\s+(?:covid|antigenic|molecolar|sierologic|hiv|di\s+gravidanza|genetic)",
        r"gravidanz[ae]\b",
        r"incinta\b",
        r"gestant[ei]\b",
        r"puerper\w{0,4}",
        r"aborto\b",
        r"interruzione\s+volontaria",
        r"fecondazione\s+assistita",
        r"procreazione\s+(?:medicalmente\s+)?assistita",
        r"disabil\w{0,5}",
        r"handicap\w{0,5}",
        r"invalidit[àa]",
        r"invalid[oaie]\s+civil[ei]",
        r"non\s+autosufficien\w{0,3}",
        r"legge\s+104\b",
        r"l\. 104\b",
        r"l\.104\b",
        r"104/(?:19)?92\b",
        r"indennit[àa]\s+di\s+accompagnamento",
        r"non\s+vedent\w{0,2}",
        r"cecit[àa]",
        r"sordit[àa]",
        r"sordomut\w{0,2}",
        r"dislessi\w{0,2}",
        r"discalcul\w{0,3}",
        r"disturb[oi]\s+(?:specific|dell['’]apprendimento|d[ae]l\s+comportamento|alimentar|"
        r"mental|psichic|dello\s+spettro)",
        r"adhd\b",
        r"insegnant[ei]\s+di\s+sostegno",
        r"docent[ei]\s+di\s+sostegno",
        r"ore\s+di\s+sostegno",
        r"malatti[ae]\b",
        r"patologi\w{0,3}",
        r"sintom\w{0,3}",
        r"infortun\w{0,3}",
        rf"visit[ae]\s+(?:medic|specialistic|fiscal|di\s+controllo|"
        rf"ambulatorial|collegial|pediatric|{_SPECIALTIES})",
        r"cardiolog\w{0,4}",
        r"neurolog\w{0,4}",
        r"ginecolog\w{0,4}",
        r"ortoped\w{0,5}",
        r"dermatolog\w{0,4}",
        r"urolog\w{0,4}",
        r"oculist\w{0,4}",
        r"diabetolog\w{0,4}",
        r"endocrinolog\w{0,4}",
        r"gastroenterolog\w{0,4}",
        r"pneumolog\w{0,4}",
        r"reumatolog\w{0,4}",
        r"nefrolog\w{0,4}",
        r"otorino\w{0,14}",
        r"logoped\w{0,4}",
        r"senolog\w{0,4}",
        r"ostetric\w{0,3}",
        r"esam[ei]\s+(?:del\s+sangue|clinic|diagnostic|istologic|citologic|di\s+laboratorio|"
        r"ematochimic|strumental|radiologic|delle\s+urine|medic|specialistic)",
        r"analisi\s+(?:del\s+sangue|cliniche|di\s+laboratorio|delle\s+urine)",
        r"esit[oi]\s+(?:dell['’]\s*|del\s+|della\s+|degli\s+|dei\s+)?(?:tu[oaie]i?\s+)?"
        r"(?:esam[ei]|analisi|tampon[ei]|test|biopsi|visit[ae]\s+medic|accertament[oi]\s+"
        r"(?:sanitari|medic|diagnostic)|screening|mammografi|ecografi)" + _NOT_A_HEALTH_EXAM,
        r"biopsi\w{0,2}",
        r"mammografi\w{0,3}",
        r"ecografi\w{0,3}",
        r"radiografi\w{0,3}",
        r"colonscopi\w{0,2}",
        r"gastroscopi\w{0,2}",
        r"elettrocardiogramm\w{0,2}",
        r"risonanza\s+magnetica",
        r"pap[\s-]?test",
        r"screening\s+(?:oncologic|mammografic|"
        r"colon|cervic|del\s+colon|della\s+cervice|neonatal|prenatal|cardiovascolar)",
        r"certificat[oi]\s+(?:medic|di\s+malattia|di\s+invalidit|di\s+disabilit|oncolog)",
        r"ricett[ae]\s+(?:medic|elettronic|dematerializzat|bianc|ross)",
        r"prescrizion[ei]\s+(?:medic|di\s+farmac|farmaceutic|specialistic)",
        r"farmac[oi]\b",
        r"cure\s+(?:palliativ|domiciliar|termal|oncolog|odontoiatric)",
        r"assistenza\s+domiciliare\s+integrata",
        r"sangue\b",
        r"midollo\s+osseo",
        r"dipendenz[ae]\s+(?:patologic|da\s+(?:alcol|droga|gioco|sostanze))",
        r"tossicodipenden\w{0,3}",
        r"alcolism\w{0,2}",
        r"alcoldipenden\w{0,3}",
        r"ludopati\w{0,2}",
        r"quarantena\b",
        r"isolamento\s+(?:fiduciario|domiciliare)",
        r"medical\b",
        r"blood\s+test",
        r"lab(?:oratory)?\s+results?",
        r"hospital\s+"
        r"(?:admission|stay|discharge)",
        r"pregnan\w{0,4}",
        r"therap\w{0,5}",
        r"prescription",
        r"illness",
        r"disease",
        r"sick\s+(?:leave|note)",
        r"befund\w{0,3}",
        r"impf\w{0,8}",
        r"schwanger\w{0,8}",
        r"behinderung\w{0,2}",
        r"krankenhaus\w{0,8}",
        r"krankheit\w{0,2}",
        r"krankmeldung\w{0,2}",
        r"arzttermin\w{0,2}",
        r"blutuntersuchung\w{0,2}",
        r"laborergebnis\w{0,3}",
    ),
    "JUDICIAL": (
        r"condann\w{0,5}",
        r"casellario\b",
        r"carichi\s+pendenti",
        r"procediment[oi]\s+penal\w",
        r"process[oi]\s+penal\w",
        r"sentenz[ae]\s+(?:penal|di\s+condanna)",
        r"decret[oi]\s+penal\w",
        r"reat[oi]\b",
        r"indagat[oaie]\b",
        r"arrest[oi]\b",
        r"misur[ae]\s+cautelar\w",
        r"misur[ae]\s+alternativ[ae]\s+alla\s+detenzione",
        r"detenut[oaie]\b",
        r"detenzione\s+(?:domiciliare|carceraria)",
        r"carcer\w{0,4}",
        r"casa\s+circondariale",
        r"penitenziari\w",
        r"messa\s+alla\s+prova",
        r"affidamento\s+in\s+prova",
        r"libert[àa]\s+vigilata",
        r"pena\s+(?:detentiv|sospes|accessori|pecuniari|alternativ)",
        r"precedenti\s+penali",
        r"fedina\s+penale",
        r"certificat[oi]\s+penal",
        r"querel[ae]\b",
        r"pregiudicat\w{0,2}",
        r"tribunale\s+(?:penale|di\s+sorveglianza)",
        r"esecuzione\s+penale",
        r"criminal\s+(?:record|conviction|proceeding|charge|case|offen)",
        r"convict\w{0,4}",
        r"strafregister\w{0,8}",
        r"vorstraf\w{0,3}",
        r"strafverfahren",
        r"verurteil\w{0,4}",
        r"führungszeugnis",
    ),
    "RELIGION": (
        r"religio\w{0,10}",
        r"musulman\w{0,2}",
        r"islamic\w{0,2}",
        r"islam\b",
        r"ebraic\w{0,2}",
        r"ebre[oaie]\b",
        r"protestant\w{0,2}",
        r"evangelic\w{0,2}",
        r"buddhist\w{0,2}",
        r"buddist\w{0,2}",
        r"induist\w{0,2}",
        r"sikh\b",
        r"testimoni\s+di\s+geova",
        r"chiesa\s+(?:valdese|evangelica|ortodossa|avventista|luterana|battista)",
        r"ate[oaie]\b",
        r"battesim\w{0,2}",
        r"battezz\w{0,5}",
        r"sbattezz\w{0,5}",
        r"cresim\w{0,2}",
        r"prima\s+comunione",
        r"halal\b",
        r"kosher\b",
        r"ora\s+alternativa",
        r"konfession\w{0,3}",
        r"kirchenaustritt\w{0,2}",
    ),
    "TRADE_UNION": (
        r"sindacat[oi]\b",
        r"(?<!collegio )sindacal[ei]\b",
        r"trade[\s-]unions?\b",
        r"union\s+(?:member|dues|fee)",
        r"labou?r\s+unions?\b",
        r"gewerkschaft\w{0,10}",
    ),
    "POLITICAL": (
        r"opinion[ei]\s+politic",
        r"orientament[oi]\s+politic",
        r"appartenenza\s+politica",
        r"partit[oi]\s+politic",
        r"militanz[ae]\b",
        r"tessera\s+(?:di|del)\s+partito",
        r"iscrizione\s+al\s+partito",
        r"iscritt[oaie]\s+al\s+partito",
        r"adesione\s+al\s+partito",
        r"contribut[oi]\s+al\s+partito",
        r"donazion[ei]\s+al\s+partito",
        # One's own signature; "raccolta firme per il referendum" is a campaign notice.
        r"firma\s+(?:per|del|al|sul|della)\s+(?:il\s+|la\s+)?(?:\w+\s+){0,2}?(?:referendum|proposta\s+di\s+legge)",
        r"sottoscrizion[ei]\s+(?:della\s+|di\s+una\s+|del\s+)?(?:proposta\s+di\s+legge|"
        r"referendum|lista|candidatur)",
        r"political\s+(?:party|opinion|affiliation|view)",
        r"party\s+membership",
        r"parteimitglied\w{0,8}",
        r"politische\w?\s+(?:meinung|gesinnung|überzeugung)",
    ),
    "SEX_LIFE": (
        r"orientament[oi]\s+sessual",
        r"vita\s+sessuale",
        r"omosessual\w{0,4}",
        r"eterosessual\w{0,4}",
        r"bisessual\w{0,4}",
        r"transessual\w{0,4}",
        r"transgender",
        r"lgbt\w{0,5}",
        r"unione\s+civile",
        r"unioni\s+civili",
        r"rettificazion[ei]\s+di\s+attribuzione\s+di\s+sesso",
        r"attribuzione\s+di\s+sesso",
        r"cambio\s+di\s+sesso",
        r"identit[àa]\s+di\s+genere",
        r"contracce\w{0,6}",
        r"sexual\s+orientation",
        r"sex\s+life",
        r"same[\s-]sex",
        r"sexuelle\w?\s+orientierung",
        r"lebenspartnerschaft\w{0,2}",
    ),
}
# Acronyms, and words that are also place names when capitalised ("Comune di Cattolica").
CASED_TERMS: dict[str, tuple[str, ...]] = {
    "HEALTH": (r"AIDS\b", r"DSA\b", r"TAC\b", r"TSO\b", r"SerD\b", r"SERT\b", r"IVG\b"),
    "JUDICIAL": (r"UEPE\b",),
    "RELIGION": (r"cattolic[oaie]\b", r"cattolich[ei]\b"),
    "TRADE_UNION": (r"CGIL\b", r"CISL\b", r"UIL\b", r"UGL\b", r"COBAS\b"),
}

_LOOKBEHIND = re.compile(r"\(\?<!.*?\)")


def stem_of(pattern: str) -> str:
    """The literal word stem a pattern starts with (after an optional lookbehind)."""
    rest = _LOOKBEHIND.sub("", pattern, count=1) if pattern.startswith("(?<!") else pattern
    stem, i = [], 0
    while i < len(rest):
        if rest.startswith("\\.", i):
            stem.append(".")
            i += 2
        elif rest[i] in "\\[(?*+{|^$":
            if rest[i] in "?*{":
                stem.pop()  # the last literal is optional or repeated: not part of the stem
            break
        else:
            stem.append(rest[i])
            i += 1
    if len(stem) < 3:
        raise ValueError(f"lexicon pattern needs a literal stem of 3+ characters: {pattern!r}")
    return "".join(stem).lower()


@cache
def _automaton():
    import ahocorasick

    entries: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for table, flags in ((TERMS, re.IGNORECASE), (CASED_TERMS, 0)):
        for kind, patterns in table.items():
            for pattern in patterns:
                entries.setdefault(stem_of(pattern), []).append((kind, re.compile(pattern, flags)))
    automaton = ahocorasick.Automaton()
    for stem, compiled in entries.items():
        automaton.add_word(stem, (len(stem), tuple(compiled)))
    automaton.make_automaton()
    return automaton


def _stems_at_word_start(text: str):
    for end, (length, compiled) in _automaton().iter(lower_same_length(text)):
        start = end - length + 1
        if start == 0 or not text[start - 1].isalnum():
            yield start, compiled


# A term that names an office ("Centro vaccinale", "Reparto di cardiologia", "Centro islamico")
# says nothing about the person the message is for.
_OFFICE_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:centr[oi]|repart[oi]|ambulatori[oi]?|servizi[oi]?|dipartimento|unità|presidio|"
    r"polo|hub|punto|sportello|ufficio|struttura|istituto|clinica|ospedale|poliambulatorio|"
    r"azienda|consultorio)(?:\s+(?:di|del|della|dello|dei|degli|delle|dell['’]))?\s*$",
    re.IGNORECASE,
)
_WORD_REST = re.compile(r"\w*")
# Pets' vaccinations and visits are not a person's health data.
_ANIMALS = cue(r"can[ei]\b|cagnol|gatt[oi]\b|animal|veterinar|canin|felin|microchip|randag")


def find_special(text: str) -> list[Hit]:
    hits = []
    for start, compiled in _stems_at_word_start(text):
        if _OFFICE_BEFORE.search(text, max(0, start - 40), start):
            continue
        for kind, rx in compiled:
            m = rx.match(text, start)
            if m and not (kind == "HEALTH" and _ANIMALS.search(text, max(0, start - 40), m.end() + 40)):
                end = _WORD_REST.match(text, m.end()).end()  # a stem ends mid-word: "visita medic|a"
                hits.append(Hit(kind, start, end, CONTEXT))
    return hits


def maybe(text: str) -> bool:
    """A lexicon entry matches somewhere (before the office and pet filters)."""
    return any(rx.match(text, start) for start, compiled in _stems_at_word_start(text) for _, rx in compiled)
