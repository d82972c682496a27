"""Whether a special-category term is about the reader or only a topic, decided in its sentence.

A term names a fact about someone when its sentence addresses the reader ("il tuo", "Ihr",
"your"; ``reader`` says when), names two people after it, or tells an outcome (a result, a
report, a booking, a decision on a request). It is only a topic in a question, inside an
organisation's name, under an awareness day or a campaign, in an office notice (opening hours,
news, an event, a guide, a list, an offer to a group), for a group opening the sentence, after
an office's name, under a topic heading, or in an offer. The word lists are in data/special.txt;
the order of the checks is ``about_a_topic``'s.
"""

from __future__ import annotations

import re
from functools import lru_cache

from iolint.pii.cues import alternatives, stem_of
from iolint.pii.reader import addresses_reader
from iolint.pii.wordlists import factored_alternation, inside_stems


def _words(section: str, inside: bool = True) -> str:
    return factored_alternation("special", section, inside)


def _lower(pattern: str) -> re.Pattern[str]:
    """A pattern for the lower-cased text (offsets kept), from a word start: several times
    faster than the same pattern case-insensitive behind a look-behind."""
    return re.compile(rf"\b(?:{pattern})")


# Whether a term is about the recipient or only a topic is decided in its sentence; the
# patterns below that are not case-sensitive run on the lower-cased text.
# Two people named right after the term ("Unione civile di Marta Colombo e Chiara Villa"): it is
# theirs, whatever event the sentence announces.
_OF_TWO_PEOPLE = re.compile(
    r"\s+(?:di|tra|fra|of|between|von|zwischen)\s+[A-ZÀ-Þ][^\W\d_]+(?:\s+[A-ZÀ-Þ][^\W\d_]+){0,2}\s+(?:e|and|und)\s+"
    r"[A-ZÀ-Þ][^\W\d_]+\s+[A-ZÀ-Þ]"
)
# A union's election ("Elezione RSU", "elezioni della RSU"): a candidacy on a list there is a
# union's, not a political choice.
_UNION_ELECTION = _lower(r"(?:elezion\w*|candidat\w*|list[ae])\s+(?:\w+\s+){0,2}?(?:rsu|rsa|sindacal\w*)\b|\brsu\b")
# A term right after an office's name ("Centro vaccinale", "Reparto di cardiologia", "Centro
# islamico", "Chiesa cattolica") names the office, not the person the message is for.
_OFFICE_BEFORE = _lower(
    rf"(?:{_words('office before')})(?:\s+(?:di|del|della|dello|dei|degli|delle|dell['’]|per\s+l[ae]))?\s*$"
)
# English names an office after the term ("Disability office", "Diabetes clinic", "Oncology ward").
_OFFICE_AFTER = _lower(
    r"\s*(?:[a-z]+\s+){0,3}?(?:office|clinic|ward|unit|services?|centre|center|department|team|desk)\b"
)
# An organisation's name, capitalised, before a capitalised term: "Associazione Italiana |Sclerosi".
_ORGANISATION = re.compile(
    r"(?<![^\W\d_])(?:Associazione|Fondazione|Lega|Istituto|Centro|Federazione|Società|Unione|Comitato|"
    r"Verein|Verband|Stiftung|Association|Foundation|Society)(?:\s+[A-ZÀ-Þ][^\W\d_]*)*\s+$"
)
# A topic, a campaign or an offer to everyone heading the clause the term is in ("Mese della
# salute mentale", "Giornata mondiale del diabete", "Sportello di ascolto psicologico").
_TOPIC_HEAD = _lower(rf"(?:{_words('topic head')})(?=[^:;,–—()]{{0,50}}$)")
# Anywhere in the sentence: an office notice or an offer to a group, not a fact about anyone.
_TOPIC = _lower(_words("topic"))
# A plural noun for a group of people or events starts the term ("Ebrei romani deportati").
_GROUP = re.compile(_words("group"))
_ARTICLE_ONLY = re.compile(r"[\W\d_]*(?:(?:i|gli|le)\s+)?")
# Words that only invite or offer: they make a term a topic unless the sentence tells an outcome.
_OFFER = _lower(_words("offer"))
# An outcome for someone: a result, a booking, a decision on a request.
_OUTCOME = _lower(_words("outcome"))
# A capitalised term inside the name of an organisation ("Associazione Italiana Sclerosi
# Multipla") names it, not anyone's condition.
_IN_A_NAME = re.compile(r"(?<![^\W\d_])[A-ZÀ-Þ][^\W\d_]*\s+$")
# An awareness day or a campaign heading the sentence makes it a topic.
_AWARENESS = re.compile(
    r"[\W\d]{0,8}(?:\d{1,2}\s+[^\W\d_]{1,12}[:,]\s{0,2})?(?:(?:giornat[ae]|settimana|mese|campagna|world|international)\s+"
    r"(?:mondiale|nazionale|internazionale|europe[oa]|della|del|dell|dei|contro|per|di|day|week|month)\b|"
    # German: "Tag der Menschen mit Behinderung", "Welt-Diabetes-Tag", "Internationaler Tag gegen…"
    r"(?:internationale[rs]?\s+)?(?:tag|woche|monat)\s+(?:der|des|gegen|für)\b|welt-?[^\W\d_]*-?tag\b|aktionstag)"
)
# Screening and vaccination are generic health services whatever the disease they target;
# a certificate anyone may request (casellario, carichi pendenti) reveals no offence.
_NEUTRAL_BEFORE = {
    "HEALTH": _lower(
        r"(?:screening|vaccin\w*|impf\w*|prevenzione|donazion\w|donator\w|don[ao]r\w*|"
        r"donare|vaccination|vaccine)(?=[^:;,.–—()]{0,40}$)"
    ),
    "JUDICIAL": _lower(
        r"(?:certificat\w*|autocertificazion\w|attestazion\w|dichiarazion\w\s+sostitutiv\w*|assenza)(?=[^:;,.–—()]{0,40}$)"
    ),
    # A union's patronato or tax-assistance centre serves everyone: "Patronato INCA CGIL".
    "TRADE_UNION": _lower(rf"(?:{_words('union service')})(?=[^:;,.–—()]{{0,30}}$)"),
    # A place, a shop, food, art or history that a religion qualifies ("Cimitero ebraico",
    # "Macelleria halal", "Scuola dell'infanzia cattolica"): a topic, no one's belief.
    "RELIGION": _lower(rf"(?:{_words('religious thing')})(?:\s+[\w'’]+)?\s+$"),
}
# A civil matter (an eviction, a separation, a debt, an inheritance), or the reader's role as a
# witness, a victim or a juror: the hearing or the proceedings are no offence of theirs
# ("Sfratto per morosità: udienza di convalida", "Testimone nel processo penale n. …").
_CIVIL = _lower(_words("civil matter"))
_ROLE = _lower(_words("judicial role"))
# ...unless the sentence says against whom ("a carico di Bogdan Rusu: la persona offesa…").
_AGAINST = _lower(r"a\s+(?:tuo|suo|vostro|loro)\s+carico|a\s+carico\s+d|contro\s+di\s+te|nei\s+tuoi\s+confronti")
# A doctor's specialty in apposition ("Dott. Hussain, ortopedico, sostituisce…", "Dr.ssa Neri
# (cardiologa)"): it says what the doctor does, not anyone's condition.
_DOCTOR_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:[Dd]ott|[Dd]r|[Pp]rof)(?:\.?ssa|\.)?\s+(?:[A-ZÀ-Þ][\w'’-]+\s+){0,2}[A-ZÀ-Þ][\w'’-]+\s*[,(]\s*$"
)
_PROFESSION = re.compile(r"\w*(?:olog[oaie]|iatr[ai]|ic[oaie]|ist[ai])")
# Pets' vaccinations and visits are not a person's health data.
_ANIMAL_WORDS = r"can[ei]\b|cagnol|gatt[oi]\b|animal|veterinar|canin|felin|microchip|randag"
_ANIMALS = _lower(_ANIMAL_WORDS)
# Every match holds one of their stems: most texts name no animal, and a few substring tests
# cost less than the search.
_ANIMAL_STEMS = tuple(dict.fromkeys(stem_of(word).stem for word in alternatives(_ANIMAL_WORDS)))


def in_url(text: str, at: int) -> bool:
    """Whether ``at`` lies in a link address ("…/trasporto/disabilita"): a path states no fact.
    A slash inside a word with no dot joins two words ("SGB/CISL", "e/o"): no path, unless it
    starts the word ("/servizi/disabili", a relative link)."""
    word_start = max(text.rfind(c, 0, at) for c in " \t\n(<[") + 1
    word = text[word_start:at]
    return "://" in word or "www." in word or ("/" in word and (word[0] == "/" or "." in word))


def in_mailbox(text: str, at: int) -> bool:
    """Whether ``at`` lies in an email address ("oncologia@asl.it", "sportello.disabili@…"): an
    office's mailbox states no fact about anyone."""
    start = max(text.rfind(c, 0, at) for c in " \t\n(<[:;,") + 1
    ends = [i for i in (text.find(c, at) for c in " \t\n)>],;") if i >= 0]
    return "@" in text[start : min(ends, default=len(text))]


def about_a_topic(text: str, low: str, start: int, sentence: tuple[int, int], end: int | None = None) -> bool:
    """Whether the term at ``start`` names an office, a campaign or an offer, not a person's fact.

    In order: a sentence that addresses the reader is about them (not an invitation to all, nor
    a question); a question is a topic unless it tells an outcome; a term inside an
    organisation's name, an awareness day, or an office notice (opening hours, news, a guide,
    a list, an offer to a group) is a topic; an outcome (a result, a booking, a decision) is
    about someone; a term that names a group (a plural), after an office's name, under a topic
    heading or in an offer is a topic.
    """
    lo, hi = sentence
    if addresses_reader(text, low, lo, hi):
        return False
    if end is not None and _OF_TWO_PEOPLE.match(text, end):
        return False  # "Unione civile di Marta Colombo e Chiara Villa: celebrazione…"
    if text[hi - 1 : hi] == "?":
        return not _in_sentence("outcome", low, lo, hi)  # "Vuoi smettere di fumare?": a question states nothing
    in_a_name = text[start].isupper() and start > lo and _IN_A_NAME.search(text, max(lo, start - 30), start)
    if in_a_name and _ORGANISATION.search(text, max(lo, start - 60), start):
        return True
    if _awareness(low, lo, start) or _in_sentence("topic", low, lo, hi):
        return True
    if _in_sentence("outcome", low, lo, hi):
        return False  # "Prenotazione confermata: Ambulatorio Oncologico"
    if _GROUP.match(low, start) and _opens_clause(low, lo, start):
        return True  # "Detenuti al lavoro per il verde pubblico": a group, not the reader
    if in_a_name and _OFFICE_BEFORE.search(low, max(lo, start - 60), start):
        return True
    return bool(
        _OFFICE_BEFORE.search(low, max(lo, start - 40), start)
        or (end is not None and _OFFICE_AFTER.match(low, end, hi))
        or _TOPIC_HEAD.search(low, max(lo, start - 60), start)
        or _in_sentence("offer", low, lo, hi)
    )


@lru_cache(maxsize=16)
def _in_sentence(words: str, low: str, lo: int, hi: int) -> bool:
    """Whether one of the ``words`` ("topic", "outcome", "offer": long lists) occurs in the
    sentence ``lo:hi``; remembered, as the terms of a text often share their sentence. (Named,
    not passed: a pattern's hash reads all its compiled code.)"""
    stems, without = _WITHOUT_WORDS_INSIDE.get(words, ((), None))
    if without is not None and not any(stem in low[lo:hi] for stem in stems):
        return without.search(low, lo, hi) is not None
    return _SENTENCE_WORDS[words].search(low, lo, hi) is not None


_SENTENCE_WORDS = {"topic": _TOPIC, "outcome": _OUTCOME, "offer": _OFFER}
# A list's entries that match inside a word ("\w*sperrung\w*") cost most of its search, and
# match only where their stems occur: the list without them answers for a sentence without those
# (looked for in the sentence only: a long text's terms would each read all of it).
_WITHOUT_WORDS_INSIDE = {
    words: (stems, _lower(_words(words, inside=False)))
    for words in _SENTENCE_WORDS
    if (stems := inside_stems("special", words))
}


def _awareness(low: str, lo: int, start: int) -> bool:
    """An awareness day or a campaign heading the sentence, or the clause after its sender
    ("ATS Brianza: Giornata mondiale del diabete, …")."""
    if _AWARENESS.match(low, lo):
        return True
    colon = low.find(":", lo, start)
    return colon >= 0 and _AWARENESS.match(low, colon + 1) is not None


# English puts the service after the disease ("Cancer screening programme", "HPV vaccine"),
# and the thing after its religion ("Halal food", "Jewish cemetery").
_NEUTRAL_AFTER = {
    # ...and "dementia-friendly", "autism-friendly": open to everyone.
    "HEALTH": _lower(
        r"\s*(?:screening|vaccin\w*|immuni[sz]ation|prevention|-?\s?friendly)\b|-(?:tag|woche|monat)\b|"
        r"\s+(?:day|week|month)\b(?!\s+(?:clinic|hospital|centre|center|care|unit|case|service|surgery|patient))"
    ),
    "RELIGION": _lower(rf"\s*(?:{_words('religious thing after')})\b"),
}


def neutral_after(kind: str, low: str, end: int) -> bool:
    """Whether a screening, a vaccination or prevention follows the term (English word order)."""
    neutral = _NEUTRAL_AFTER.get(kind)
    return neutral is not None and neutral.match(low, end) is not None


def neutral_before(kind: str, low: str, start: int, sentence_start: int) -> bool:
    """Whether a screening or vaccination (health), or a certificate anyone may ask for (judicial),
    stands just before the term: generic services, whatever they name."""
    neutral = _NEUTRAL_BEFORE.get(kind)
    return neutral is not None and neutral.search(low, max(sentence_start, start - 50), start) is not None


def not_their_offence(low: str, sentence: tuple[int, int]) -> bool:
    """Whether the sentence names a civil matter, or a witness, a victim or a juror: a judicial
    term in it is no offence of the reader's."""
    if _CIVIL.search(low, *sentence):
        return True
    return _ROLE.search(low, *sentence) is not None and _AGAINST.search(low, *sentence) is None


def a_doctors_specialty(text: str, start: int, end: int) -> bool:
    """Whether the term is a profession in apposition to a doctor's name."""
    before = _DOCTOR_BEFORE.search(text, max(0, start - 60), start)
    return before is not None and _PROFESSION.fullmatch(text, start, end) is not None


def about_animals(low: str, start: int, end: int) -> bool:
    """Whether a pet is named near the term: pets' vaccinations and visits are no one's health."""
    lo, hi = max(0, start - 40), end + 40
    near = low[lo:hi]
    if not any(stem in near for stem in _ANIMAL_STEMS):
        return False
    return _ANIMALS.search(low, lo, hi) is not None


def a_union_election(low: str, sentence: tuple[int, int]) -> bool:
    """Whether the sentence is about a union's election (RSU): a candidacy there is no political choice."""
    return _UNION_ELECTION.search(low, *sentence) is not None


def _opens_clause(low: str, lo: int, start: int) -> bool:
    """Whether the term opens its sentence or a clause after a colon or a dash (an article before it)."""
    head = low[lo:start]
    cut = max(head.rfind(":"), head.rfind(";"), head.rfind("–"), head.rfind("—"))
    return _ARTICLE_ONLY.fullmatch(head, cut + 1) is not None
