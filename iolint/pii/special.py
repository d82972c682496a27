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

from iolint.pii.cues import stem_of
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

# An electoral list is named: "lista Civica per Noale", "lista «Uniti per Noale»".
_PARTY_LIST = r"lista\s+(?:[«“\"]|(?-i:[A-Z]))(?!(?-i:GIL|ISL|IL\b|GL\b|OBAS|SB\b))"

TERMS: dict[str, tuple[str, ...]] = {
    "HEALTH": (
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
        r"neuropsichiatr\w{0,4}",
        r"psicolog\w{0,5}",
        r"salute\s+mentale",
        r"centr[oi]\s+antiviolenza",
        r"antiviolenza\b",
        r"consultori[oa]\b",
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
        r"infortun\w{0,3}",
        # A visit that names a specialty reveals a condition; "visita medica" or "visita
        # specialistica" alone does not (an appointment without a specialty is generic).
        rf"visit[ae]\s+(?:fiscal|collegial|{_SPECIALTIES})",
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
        r"ematolog\w{0,4}",
        r"otorino\w{0,14}",
        r"logoped\w{0,4}",
        r"senolog\w{0,4}",
        r"ostetric\w{0,3}",
        # Exams that reveal a suspected condition; a blood test or an X-ray is routine.
        r"esam[ei]\s+(?:istologic|citologic)",
        r"istologic\w{0,2}",
        r"biopsi\w{0,2}",
        r"colonscopi\w{0,2}",
        r"gastroscopi\w{0,2}",
        r"elettrocardiogramm\w{0,2}",
        r"certificat[oi]\s+(?:di\s+malattia|di\s+invalidit|di\s+disabilit|oncolog)",
        r"farmac[oi]\b",
        r"cure\s+(?:palliativ|domiciliar|termal|oncolog|odontoiatric)",
        r"assistenza\s+domiciliare\s+integrata",
        r"dipendenz[ae]\s+(?:patologic|da\s+(?:alcol|droga|gioco|sostanze))",
        r"tossicodipenden\w{0,3}",
        r"alcolism\w{0,2}",
        r"alcoldipenden\w{0,3}",
        r"ludopati\w{0,2}",
        r"quarantena\b",
        r"isolamento\s+(?:fiduciario|domiciliare)",
        r"hospital\s+(?:admission|stay|discharge)",
        r"pregnan\w{0,4}",
        r"therap\w{0,5}",
        r"chemotherap\w{0,4}",
        r"physiotherap\w{0,4}",
        r"psychotherap\w{0,4}",
        r"radiotherap\w{0,4}",
        r"dialys\w{0,2}",
        r"psychiatr\w{0,4}",
        r"psycholog\w{0,5}",
        r"mental\s+health",
        r"cancer\b",
        r"illness",
        r"disease",
        r"sick\s+(?:leave|note)",
        r"onkolog\w{0,4}",
        r"kardiolog\w{0,4}",
        r"dialyse\b",
        r"schwanger\w{0,8}",
        r"behinderung\w{0,2}",
        r"krankenhaus(?:aufenthalt|einweisung|entlassung)\w{0,2}",
        r"krankheit\w{0,2}",
        r"krankmeldung\w{0,2}",
        # Care, disability and inclusion, in German.
        r"pflegegeld\w{0,2}",
        r"pflegestufe\w{0,2}",
        r"pflegeeinstufung\w{0,2}",
        r"invalidität\w{0,2}",
        r"zivilinvalid\w{0,6}",
        r"integrationsunterricht\w{0,2}",
        r"integrationslehr\w{0,4}",
        r"schwangerschaft\w{0,2}",
        r"geburtsvorbereitung\w{0,4}",
        r"psychiatri\w{0,4}",
        r"psychotherap\w{0,4}",
        r"chemotherapie\w{0,2}",
        r"rehabilitation\w{0,2}",
        r"reha\b",
        # English.
        r"dyslexi\w{0,2}",
        r"dyscalculi\w{0,2}",
        r"disabilit(?:y|ies)",
        r"antenatal",
        r"prenatal",
        r"maternity\s+(?:ward|unit|clinic)",
        r"outpatient\s+(?:oncology|psychiatry|cardiology|mental)",
        r"oncology",
        r"cardiology",
        r"diabetes",
        r"hiv\s+test",
        # Pregnancy and birth, care for dependence and disability, in Italian.
        r"preparto",
        r"accompagnamento\s+alla\s+nascita",
        r"pre-parto",
        r"post-?parto",
        r"gestazion\w{0,2}",
        r"incontinenz\w{0,2}",
        r"deambulator\w{0,2}",
        r"carrozzin\w{0,2}",
        r"ausili\b",
        r"protesi\b",
        r"apparecchi\s+acustic\w",
        r"assistente\s+all['’]autonomia",
        r"assistenti\s+all['’]autonomia",
        r"barriere\s+architettoniche",
        r"voto\s+domiciliare",
        r"emoglobina\s+glicata",
        r"glicemi\w{0,2}",
        r"insulin\w{0,2}",
        r"salute\s+mentale",
        r"neuropsichiatria\s+infantile",
        r"non\s+autosufficien\w{0,3}",
        # A screening result that asks for more: an abnormal finding about the recipient.
        r"serve\s+un\s+approfondimento",
        r"necessari\w\s+(?:un\s+)?approfondiment\w{0,2}",
    ),
    "JUDICIAL": (
        r"condann\w{0,5}",
        # The certificates everyone may request (casellario, carichi pendenti) are not
        # about an offence: see _NEUTRAL_BEFORE below.
        r"carichi\s+pendenti",
        r"procediment[oi]\s+penal\w",
        r"process[oi]\s+penal\w",
        r"sentenz[ae]\s+(?:penal|di\s+condanna)",
        r"decret[oi]\s+penal\w",
        r"reat[oi]\b",
        r"indagat[oaie]\b",
        r"imputat[oaie]\b",
        r"rinvio\s+a\s+giudizio",
        r"avviso\s+di\s+garanzia",
        r"informazione\s+di\s+garanzia",
        r"conclusione\s+delle\s+indagini",
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
        r"querelat[oaie]\b",
        # A complaint filed against the reader; one they filed themselves is not about an offence of theirs.
        r"querel[ae]\b(?=[^.!?]{0,80}(?:contro\s+di\s+te|nei\s+tuoi\s+confronti|a\s+tuo\s+carico))",
        r"obbligo\s+di\s+(?:presentazione|dimora|firma)",
        r"divieto\s+di\s+(?:dimora|avvicinamento|espatrio)",
        r"sorveglianza\s+speciale",
        r"foglio\s+di\s+via",
        r"daspo\b",
        r"braccialetto\s+elettronico",
        r"lavori?\s+di\s+pubblica\s+utilit[àa]",
        r"udienza\s+(?:penale|preliminare|dibattimentale|di\s+convalida)",
        r"pregiudicat\w{0,2}",
        r"tribunale\s+di\s+sorveglianza",
        r"esecuzione\s+penale",
        r"criminal\s+(?:conviction|proceeding|charge|case|offen)",
        r"convict\w{0,4}",
        r"vorstraf\w{0,3}",
        r"strafverfahren",
        r"strafbefehl\w{0,2}",
        r"strafanzeige\s+gegen",
        r"anklage\w{0,6}",
        r"ermittlungsverfahren",
        r"hausarrest",
        r"bewährung\w{0,6}",
        r"probation\b",
        r"house\s+arrest",
        r"verurteil\w{0,4}",
    ),
    "RELIGION": (
        r"religio\w{0,10}",
        r"musulman\w{0,2}",
        r"islamic\w{0,2}",
        r"ramadan\b",
        r"attivit[àa]\s+alternativ[ae]",
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
        # A candidacy in an election, not a job application ("Le candidature sono aperte").
        r"candidatur[ae]\s+(?:alle\s+|per\s+le\s+|al\s+)?(?:elezion|consiglio\s+comunal|comunali|regionali|"
        r"europee|politiche|amministrative|sindaco)",
        r"candidat[oaie]\s+(?:alle\s+elezion|al\s+consiglio|sindaco|consiglier)",
        # A candidacy, an election or a signature on an electoral list ("lista civica").
        rf"candidat\w{{0,4}}\s+(?:\w+\s+){{0,4}}?(?:nella|della|alla|per\s+la)\s+{_PARTY_LIST}",
        rf"elett[oaie]\s+(?:\w+\s+){{0,3}}?(?:nella|della)\s+{_PARTY_LIST}",
        r"proclamat[oaie]\s+(?:\w+\s+){0,2}?(?:elett|consiglier|sindac)",
        r"consiglier[ei]\s+(?:comunal[ei]\s+)?elett[oaie]",
        rf"firma\s+(?:\w+\s+){{0,5}}?(?:per|della|sulla)\s+(?:la\s+)?{_PARTY_LIST}",
        r"spese\s+elettorali",
        r"gruppo\s+consiliare",
        r"lista\s+civica",
        r"liste\s+civiche",
        r"kandidatur\w{0,2}",
        r"unterschrift\w{0,2}\s+(?:\w+\s+){0,3}?(?:volksbegehren|volksabstimmung|referendum)",
        r"signature\s+(?:[\w'’]+\s+){0,4}?(?:referendum|petition|nomination)",
        r"candidacy",
        r"nomination\s+papers",
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
        r"anticoncezional\w{0,2}",
        r"pillola\s+(?:anticoncezionale|del\s+giorno\s+dopo|dei\s+cinque\s+giorni)",
        r"affermazione\s+di\s+genere",
        r"transizione\s+di\s+genere",
        r"carriera\s+alias",
        r"alias\s+career",
        r"gender\s+(?:affirm\w{0,6}|transition|reassignment)",
        r"civil\s+(?:union|partnership)",
        r"contracepti\w{0,4}",
        r"sexual\s+orientation",
        r"sex\s+life",
        r"same[\s-]sex",
        r"sexuelle\w?\s+orientierung",
        r"lebenspartnerschaft\w{0,2}",
    ),
}
# Acronyms, and words that are also place names when capitalised ("Comune di Cattolica").
CASED_TERMS: dict[str, tuple[str, ...]] = {
    "HEALTH": (
        r"AIDS\b", r"DSA\b", r"TSO\b", r"SerD\b", r"SerT\b", r"SERD\b", r"SERT\b", r"IVG\b", r"SLA\b", r"PEI\b",
        r"GLO\b", r"RSA\b", r"ADI\b", r"BES\b", r"CSM\b", r"Dopo\s+di\s+Noi\b",
    ),
    "JUDICIAL": (r"UEPE\b",),
    # "Islam" capitalised is also a surname ("Rafiqul Islam"): the religion only in lower case.
    "RELIGION": (r"cattolic[oaie]\b", r"cattolich[ei]\b", r"islam\b", r"IRC\b"),
    "TRADE_UNION": (r"CGIL\b", r"CISL\b", r"UIL\b", r"UGL\b", r"COBAS\b"),
}

# Every term starts a word with its stem (cues for the pre-filter).
CUES = tuple(
    dict.fromkeys(
        stem_of(p, spaces=True) for table in (TERMS, CASED_TERMS) for patterns in table.values() for p in patterns
    )
)


@cache
def _automaton():
    import ahocorasick

    entries: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for table, flags in ((TERMS, re.IGNORECASE), (CASED_TERMS, 0)):
        for kind, patterns in table.items():
            for pattern in patterns:
                entries.setdefault(stem_of(pattern).stem, []).append((kind, re.compile(pattern, flags)))
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


# Whether a term is about the recipient or only a topic is decided in its sentence.
_SENTENCE_ENDS = ".!?\n"
_REACH = 200
# Words that address the recipient or name a person: a term next to them is about someone.
_RECIPIENT = re.compile(
    r"(?<![^\W\d_])(?:tu|tuo|tua|tuoi|tue|ti|te|hai|sei|puoi|devi|a\s+suo\s+carico|gentile|"
    r"car[oa]|ciao|sig|sig\.ra|dott|egregi[oa]|you|your|dear|du|dein\w{0,2}|dir|dich|liebe[r]?|"
    r"sehr\s+geehrte[r]?|frau|herrn?)(?![^\W\d_])",
    re.IGNORECASE,
)
# German "Ihr" addresses the reader only capitalised ("ihr" is "her", "their", "you all").
_GERMAN_YOU = re.compile(r"(?<![^\W\d_])(?:Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihnen|Sie)(?![^\W\d_])")
# "se sei ricoverato", "if you are": a condition put to everyone, not a fact about the reader.
_HYPOTHETICAL = re.compile(r"(?:\bse|\bif|\bwenn|\bfalls)\s+$", re.IGNORECASE)
# "Se sei in dialisi puoi chiedere…": a sentence with a condition on the reader is an offer to all.
_CONDITIONAL = re.compile(
    r"(?<![^\W\d_])(?:se\s+(?:sei|hai|tu|il\s+tuo|la\s+tua)|if\s+you|wenn\s+(?:Sie|du)|falls\s+Sie)\b", re.IGNORECASE
)
# A term right after an office's name ("Centro vaccinale", "Reparto di cardiologia", "Centro
# islamico", "Chiesa cattolica") names the office, not the person the message is for.
_OFFICE_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:centr[oi]|repart[oi]|ambulatori[oi]?|servizi[oi]?|dipartimento|unità|presidio|"
    r"polo|hub|punto|sportello|ufficio|struttura|istituto|clinica|ospedale|poliambulatorio|"
    r"azienda|consultorio|chiesa|parrocchia|diocesi|comunità|associazione|fondazione|registro|"
    r"moschea|sinagoga|tempio|lega|rete)(?:\s+(?:di|del|della|dello|dei|degli|delle|dell['’]|per\s+l[ae]))?\s*$",
    re.IGNORECASE,
)
# An organisation's name, capitalised, before a capitalised term: "Associazione Italiana |Sclerosi".
_ORGANISATION = re.compile(
    r"(?<![^\W\d_])(?:Associazione|Fondazione|Lega|Istituto|Centro|Federazione|Società|Unione|Comitato|"
    r"Verein|Verband|Stiftung|Association|Foundation|Society)(?:\s+[A-ZÀ-Þ][^\W\d_]*)*\s+$"
)
# A topic, a campaign or an offer to everyone heading the clause the term is in ("Mese della
# salute mentale", "Giornata mondiale del diabete", "Sportello di ascolto psicologico").
_TOPIC_HEAD = re.compile(
    r"(?<![^\W\d_])(?:mese|settimana|giornat[ae]|campagn[ae]|ottobre|novembre|sensibilizzazione|"
    r"consapevolezza|informazione|lotta|convegno|conferenza|seminario|webinar|incontr[oi]|"
    r"cors[oi]|sportello|progett[oi]|iniziativ[ae]|festival|festa|mostra|"
    r"awareness|campaign|month|week|world|woche|monat|kampagne|aktionstag)"
    r"(?=[^:;,–—()]{0,50}$)",
    re.IGNORECASE,
)
# Anywhere in the sentence: an office notice or an offer to a group, not a fact about anyone.
_TOPIC = re.compile(
    r"(?<![^\W\d_])(?:nuov[oi]\s+orari|orari\s+di|orario\s+di|orari\b|chiusur[ae]|chius[oa]\b|"
    r"apertur[ae]|aperte\s+le|al\s+via|trasferisce|trasferimento\s+(?:del|della|dello)|nuova\s+sede|"
    r"inaugura\w*|open\s+day|event[oi]\b|programma\b|calendario\b|per\s+tutti|"
    r"cors[oi]\s+(?:di|per|pre)|"
    r"per\s+(?:gli|le|i)\s+(?:alunni|studenti|cittadini|cittadine|famiglie|anziani|persone|"
    r"donne|uomini|giovani|over|residenti|lavoratori|dipendenti)|per\s+chi\b|è\s+possibile|"
    r"domande\s+(?:dal|entro|fino|aperte)|bando|sciopero|assemblea|processione|celebrazion\w|"
    r"restauro|volontari\b|raccolta\s+fondi|opening\s+hours|closed|öffnungszeiten|"
    r"geschlossen|"
    # An office that opens, moves or receives; news, guides and lists for everyone.
    r"apre\b|riapre\b|chiude\b|resta\s+apert\w|restano\s+apert\w|riceve\b|su\s+appuntamento|"
    r"novit[àa]|riforma\b|istruzioni|circolare\b|come\s+(?:si\s+)?[^\W\d_]+|elenco\b|graduatoria\b|"
    r"scelta\s+entro|incontra\b|modulistica|moduli\b|\w*formular\w*|forms\b|regolamento\b|\w*kriterien|richtlinie\w*|regelung\w*|nuov[oaie]\s+(?:campo|area|sede|sportello|servizio|reparto|struttura)|"
    r"per\s+(?:(?:gli|le|i)\s+)?(?:elettori|utenti|datori|pazienti|genitori|over|tutte)\b|"
    r"how\s+to|new\s+opening|for\s+(?:all|everyone|residents|students)\b)",
    re.IGNORECASE,
)
# Words that only invite or offer: they make a term a topic unless the sentence tells an outcome.
_OFFER = re.compile(
    r"(?<![^\W\d_])(?:gratuit\w|disponibil\w*|su\s+richiesta|free\b|kostenlos|erhältlich|verfügbar|available)",
    re.IGNORECASE,
)
# An outcome for someone: a result, a booking, a decision on a request.
_OUTCOME = re.compile(
    r"(?<![^\W\d_])(?:esit[oi]|risultat[oi]|refert[oi]|notific\w*|colloquio|richiesta\s+(?:di|accolta)|"
    r"(?:confermat|fissat|prenotat|assegnat|ammess|accolt|approvat|registrat|concess|riconosciut|"
    r"attivat|autorizzat|erogat|accettat)[oaie]\b|sei\s+(?:iscritt|stat)\w*|"
    r"booked|approved|confirmed|granted|recorded|genehmigt|anerkannt|eingestuft|bestätigt|"
    r"zugewiesen|angenommen|erfasst|ausbezahlt)",
    re.IGNORECASE,
)
# A capitalised term inside the name of an organisation ("Associazione Italiana Sclerosi
# Multipla") names it, not anyone's condition.
_IN_A_NAME = re.compile(r"(?<![^\W\d_])[A-ZÀ-Þ][^\W\d_]*\s+$")
# An awareness day or a campaign heading the sentence makes it a topic.
_AWARENESS = re.compile(
    r"^[\W\d]*(?:\d+\s+[^\W\d_]+[:,]\s*)?(?:giornat[ae]|settimana|mese|campagna|world|international)\s+"
    r"(?:mondiale|nazionale|internazionale|europe[oa]|della|del|dell|dei|contro|per|di|day|week|month)\b",
    re.IGNORECASE,
)
# Screening and vaccination are generic health services whatever the disease they target;
# a certificate anyone may request (casellario, carichi pendenti) reveals no offence.
_NEUTRAL_BEFORE = {
    "HEALTH": re.compile(
        r"(?<![^\W\d_])(?:screening|vaccin\w*|impf\w*|prevenzione|donazion\w|donator\w|don[ao]r\w*|"
        r"donare|vaccination|vaccine)(?=[^:;,.–—()]{0,40}$)",
        re.IGNORECASE,
    ),
    "JUDICIAL": re.compile(
        r"(?<![^\W\d_])(?:certificat\w*|autocertificazion\w|attestazion\w|dichiarazion\w|assenza)"
        r"(?=[^:;,.–—()]{0,40}$)",
        re.IGNORECASE,
    ),
}
_WORD_REST = re.compile(r"\w*")
# Pets' vaccinations and visits are not a person's health data.
_ANIMALS = cue(r"can[ei]\b|cagnol|gatt[oi]\b|animal|veterinar|canin|felin|microchip|randag")


def _in_url(text: str, at: int) -> bool:
    """Whether ``at`` lies in a link address ("…/trasporto/disabilita"): a path states no fact."""
    word_start = max(text.rfind(c, 0, at) for c in " \t\n(<[") + 1
    word = text[word_start:at]
    return "://" in word or "www." in word or "/" in word


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The bounds of the sentence around ``at``, at most ``_REACH`` characters either side."""
    lo = max(0, at - _REACH)
    ends = [text.rfind(c, lo, at) for c in _SENTENCE_ENDS]
    start = max(max(ends) + 1, lo)
    hi = min(len(text), at + _REACH)
    stops = [i for i in (text.find(c, at, hi) for c in _SENTENCE_ENDS) if i >= 0]
    return start, min(stops) + 1 if stops else hi


def _addresses_reader(text: str, lo: int, hi: int) -> bool:
    """Whether the sentence addresses the reader (not in a condition put to all: "se sei")."""
    if _CONDITIONAL.search(text, lo, hi):
        return False
    for rx in (_RECIPIENT, _GERMAN_YOU):
        for m in rx.finditer(text, lo, hi):
            if not _HYPOTHETICAL.search(text, max(lo, m.start() - 6), m.start()):
                return True
    return False


def _about_a_topic(text: str, start: int, sentence: tuple[int, int]) -> bool:
    """Whether the term at ``start`` names an office, a campaign or an offer, not a person's fact.

    In order: a sentence that addresses the reader is about them; a term inside an
    organisation's name, an awareness day, or an office notice (opening hours, news, a guide,
    a list, an offer to a group) is a topic; an outcome (a result, a booking, a decision) is
    about someone; a term after an office's name, under a topic heading or in an offer is a topic.
    """
    lo, hi = sentence
    if _addresses_reader(text, lo, hi):
        return False
    if text[start].isupper() and start > lo and _IN_A_NAME.search(text, max(lo, start - 30), start):
        if _OFFICE_BEFORE.search(text, max(lo, start - 60), start) or _ORGANISATION.search(text, max(lo, start - 60), start):
            return True
    if _AWARENESS.match(text, lo) or _TOPIC.search(text, lo, hi):
        return True
    if _OUTCOME.search(text, lo, hi):
        return False
    return bool(
        _OFFICE_BEFORE.search(text, max(lo, start - 40), start)
        or _TOPIC_HEAD.search(text, max(lo, start - 60), start)
        or _OFFER.search(text, lo, hi)
    )


def find_special(text: str) -> list[Hit]:
    hits = []
    for start, compiled in _stems_at_word_start(text):
        if start and text[start - 1] in "/.@" and _in_url(text, start):
            continue
        sentence = None
        for kind, rx in compiled:
            m = rx.match(text, start)
            if not m:
                continue
            sentence = sentence or _sentence(text, start)
            neutral = _NEUTRAL_BEFORE.get(kind)
            if neutral and neutral.search(text, max(sentence[0], start - 50), start):
                continue
            if kind == "HEALTH" and _ANIMALS.search(text, max(0, start - 40), m.end() + 40):
                continue
            if _about_a_topic(text, start, sentence):
                continue
            end = _WORD_REST.match(text, m.end()).end()  # a stem ends mid-word: "visita cardiolog|ica"
            hits.append(Hit(kind, start, end, CONTEXT))
    return hits
