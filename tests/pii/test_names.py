"""Person names of every origin (iolint.pii.names, iolint.pii.namedata)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iolint.pii import configure, detect
from iolint.pii.datacache import _cache_path
from iolint.pii.namedata import FIRST, ITALIAN, SURNAME, WORD, fold, is_word, table
from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def default_settings():
    configure()
    yield
    configure()


def names(text: str) -> list[str]:
    return [text[d.start : d.end] for d in detect(text) if d.kind == "PERSON"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Gentile Oleksandr Shevchenko, la pratica è chiusa", "Oleksandr Shevchenko"),  # transliterated
        ("Wang Wei: appuntamento confermato", "Wang Wei"),  # romanised, surname first
        ("Rimborso per Ioana Constantinescu", "Ioana Constantinescu"),
        ("Gentile Mohamed El Amrani, il tuo appuntamento", "Mohamed El Amrani"),  # particle
        ("Arben Hoxha: rimborso approvato", "Arben Hoxha"),  # unknown, where only a person stands
        ("Iscrizione di Gurpreet Singh al centro estivo", "Gurpreet Singh"),
        ("Permesso ZTL: Singh Harpreet", "Singh Harpreet"),
        ("Rossi M.: rinnovo abbonamento", "Rossi M."),  # initial
        ("Verbale notificato a G. Esposito", "G. Esposito"),
        ("Rimborso per Anna Rossi-Bianchi", "Anna Rossi-Bianchi"),  # hyphenated
        ("avviso tari per mario rossi", "mario rossi"),  # lower case
        ("BIANCHI GIULIA - RINNOVO ABBONAMENTO", "BIANCHI GIULIA"),
        ("Esposito, Gennaro: sollecito di pagamento", "Esposito, Gennaro"),
        ("Serena Costa, il tuo abbonamento è attivo", "Serena Costa"),  # words, opening the title
        ("Rosa, hai un nuovo avviso di pagamento", "Rosa"),  # vocative
        ("Il rimborso è stato disposto per Franco Serena", "Franco Serena"),  # closing
        ("Sehr geehrter Herr Pichler, Ihr Antrag wurde genehmigt", "Pichler"),
        ("La maestra Neve Lombardi segnala un'assenza", "Neve Lombardi"),  # a teacher before a name
        ("Ihre Tochter Lena ist eingeschrieben", "Lena"),  # kin in German and English
        ("Abmeldung Ihres Sohnes Jakob registriert", "Jakob"),
        ("Your son Liam is enrolled in the summer camp", "Liam"),
        ("Il dott. Sala risponde alle tue domande", "Sala"),  # a place word after an honorific
        ("Dott. Santo Marino riceve il martedì", "Santo Marino"),  # a saint's word after an honorific
        ("D'Angelo R., la tua domanda è incompleta", "D'Angelo R."),  # elided particle, initial
        ("Verbale notificato a R. D'Amico", "R. D'Amico"),
        ("Pratica di Mario R. archiviata", "Mario R."),  # a first name with an initial
        ("De Santis Lorenzo: iscrizione confermata", "De Santis Lorenzo"),  # a particle leads
        ("El Amrani Youssef: permesso rinnovato", "El Amrani Youssef"),
        ("pratica di andrea de santis chiusa", "andrea de santis"),  # lower case, particle
        ("de santis lorenzo: iscrizione confermata", "de santis lorenzo"),
        ("avviso per luca di stefano", "luca di stefano"),
        ("Il rimborso a Dritan Kola è stato disposto", "Dritan Kola"),  # a word for a surname, before a verb
        ("Concessione del loculo per la salma di Bruno Ferri rinnovata", "Bruno Ferri"),
        ("CIE n. CA48213KF di Ferri Lucia pronta per il ritiro", "Ferri Lucia"),
        ("Lorenzo Ferri: rimborso approvato", "Lorenzo Ferri"),
        ("Gentile C. Preda, il tuo avviso è disponibile", "C. Preda"),  # an initial after a cue
        ("Avviso di pagamento intestato a M. Bond", "M. Bond"),
        ("Pratica 2025/123 - Pop F.", "Pop F."),  # a name that is a word, with an initial, closing
        ("Cui X.: rimborso approvato", "Cui X."),
        ("Rimborso TARI per M. Li", "M. Li"),
        ("Mensa scolastica (Hoxha Arben): ricarica effettuata", "Hoxha Arben"),  # filling brackets
        ("Retta del nido (Serena Costa) in scadenza", "Serena Costa"),
        ("Esito: Rosa Prati ammesso al corso", "Rosa Prati"),  # before a participle in -sso/-tto
        ("Graduatoria: Serena Costa iscritta al corso", "Serena Costa"),
        ("Appuntamento confermato per Ixpha Shane il 12/03 alle 10:00", "Ixpha Shane"),  # unknown, before a date
        ("Hoxha Blerina e Shehu Arben, benvenuti nel nostro Comune!", "Hoxha Blerina"),  # two people open it
        ("Dal Bosco Caterina – iscrizione alla mensa confermata", "Dal Bosco Caterina"),  # particle kept
        ("Costa Serena: rimborso approvato", "Costa Serena"),  # word-names, surname first
        ("Sehr geehrte Frau Mag. Gruber, Ihr Antrag wurde genehmigt", "Gruber"),  # academic titles
        ("Herr Dipl.-Ing. Mair, Ihr Bauantrag ist eingegangen", "Mair"),
        ("Antrag von Dritan Hoxha genehmigt", "Dritan Hoxha"),  # a German or English preposition, a verb
        ("Application of Dritan Hoxha approved", "Dritan Hoxha"),
        ("Serena Greco è stata ammessa al nido", "Serena Greco"),  # opening, the subject of a verb
        ("Hoxha Arben convocato in Prefettura", "Hoxha Arben"),
        ("il dott. rossi riceve il martedì", "rossi"),  # lower case after an honorific
        ("DIOP FATOU: iscrizione confermata", "DIOP FATOU"),  # a short surname in capitals
        ("Visita con il dott. Rossi il 12/03 alle 10:00", "Rossi"),  # a doctor's name after a visit
        ("Esito pratica / Hoxha Arben", "Hoxha Arben"),  # closing after a slash or a number
        ("Gent.le Fortuna, la pratica è chiusa", "Fortuna"),  # abbreviated greetings
        ("Egr. Rosa Costa, la informiamo", "Rosa Costa"),
        ("Pratica n. 123 Hoxha Arben", "Hoxha Arben"),
        ("Rimborso per FATOU DIOP", "FATOU DIOP"),
        ("Il dottor Marino ti aspetta il 12/03", "Marino"),  # "dottor" before a name
        ("de luca francesco, il tuo abbonamento è scaduto", "de luca francesco"),  # a particle, then names
        ("Cittadinanza concessa a Zhang Lei, giuramento entro 6 mesi", "Zhang Lei"),  # a pronoun as a name
        ("Gentile Sig. Wang Lei, il permesso è pronto", "Wang Lei"),
        ("Domanda di Anca Munteanu al protocollo", "Anca Munteanu"),  # a foreign name that is a word
        ("Moussa Sow, la tua domanda è accolta", "Moussa Sow"),  # a word for the surname, addressed
        ("Anna e Marco, benvenuti al nido!", "Anna e Marco"),  # two first names addressed
        ("PDP di Lorenzo Moretti: incontro con i docenti", "Lorenzo Moretti"),  # a file's owner, then an event word
        ("Łukasz Wiśniewski: rimborso approvato", "Łukasz Wiśniewski"),  # capitals of Latin Extended-A
        ("Gentile Đorđe Petrović, il tuo permesso è pronto", "Đorđe Petrović"),
        ("Nowak Małgorzata: residenza accolta", "Nowak Małgorzata"),  # "ł" folds to "l", as the lists write it
        ("Rosa Lo Russo, ricordati di rinnovare la tessera", "Rosa Lo Russo"),  # word-names and a particle
        ("Atto trascritto: Ciobanu Andrei, nato a Bari", "Ciobanu Andrei"),  # a first name that is a word, after
        ("Dall'Olio F., concessione rinnovata", "Dall'Olio F."),  # an elided particle and an initial
        ("Ortopedia: visita per Perera Nirosha fissata il 9 giugno", "Perera Nirosha"),  # a visit booked
        ("La salma di Abdelrahman Youssef sarà tumulata giovedì", "Abdelrahman Youssef"),  # a future verb
        ("Firma della lista 'Insieme per la città' di Ahmed Saleh autenticata", "Ahmed Saleh"),  # a quote closed
        ("Buon compleanno Sara! Il Comune ti fa gli auguri", "Sara"),  # birthday and welcome-back wishes
        ("Welcome back, Olivia", "Olivia"),
        ("Tavolo per 4 a nome Ferraro confermato", "Ferraro"),  # "a nome" without "di"
        ("Unione civile Moretti/Colombo: documenti da portare", "Moretti/Colombo"),  # a slash between surnames
        ("Corso di italiano: iscritta Aminata Diallo", "Aminata Diallo"),  # before a surname that is a first name too
        ("Ciao! Giorgia, la tua tessera è pronta", "Giorgia"),  # "!" after the greeting
        ("Galli Francesca – ricevuta n. 12", "Galli Francesca"),  # an -i surname that is a word, opening
        ("L'ispettore Colombo ha chiuso il verbale", "Colombo"),  # officials and kin as relation words
        ("La tua badante Olena Kovalenko è registrata", "Olena Kovalenko"),
        ("Il tuo amico Marco ti ha invitato", "Marco"),
        ("Your brother Liam has been enrolled", "Liam"),
        ("Sig.ri Rossi, la vostra pratica è chiusa", "Rossi"),  # the plural honorific
        ("Gentili Marco e Giulia, benvenuti", "Marco e Giulia"),  # two names after a greeting
        ("Cara Giovanna, ti ricordiamo l'appuntamento", "Giovanna"),  # the greeting is no part of the name
        ("Gratulation, Sophie! Dein Abschluss ist da", "Sophie"),  # German wishes
        ("A message for the Khan household", "Khan"),  # an English family by its surname
        ("The Rossi family: waste tax due", "Rossi"),
        ("Domanda di Morina Besnik accolta", "Morina Besnik"),  # irregular participles after a name
        ("Pratica di Morina Besnik chiusa", "Morina Besnik"),
        ("Domanda di Lakmal Bandara respinta", "Lakmal Bandara"),
        ("Istanza di Morina Besnik presa in carico", "Morina Besnik"),
        ("Quispe Mamani Luis – visita fisiatrica prenotata", "Quispe Mamani Luis"),  # a booked visit
        ("EL AMRANI YOUSSEF – prima visita diabetologica il 3 febbraio", "EL AMRANI YOUSSEF"),  # a doctor's
        ("Mamani Luis: visita ortopedica", "Mamani Luis"),
        ("Segnalazione del cittadino Dritan Kola registrata", "Dritan Kola"),  # a part in a file
        ("Il dipendente Marco Ferri è trasferito", "Marco Ferri"),
        ("L'inquilina Ioana Stan ha diritto al contributo", "Ioana Stan"),
        ("Lo Presti G., rateizzazione della cartella accolta", "Lo Presti G."),  # a particle, a word, an initial
        ("La Rosa G.: cartella in notifica", "La Rosa G."),
        ("al-hashimi omar, la tessera sanitaria è pronta", "al-hashimi omar"),  # a particle joined by a hyphen
        ("Unione civile di Marta Colombo e Chiara Villa: celebrazione in sala", "Marta Colombo"),  # a civil act's
        ("Matrimonio di Marco Rossi e Anna Verdi: cerimonia in Sala Consiliare", "Anna Verdi"),
        ("Your son Liam's enrolment is confirmed", "Liam's"),  # an English possessive
        ("Your child Olivia has a new school report", "Olivia"),
        ("Prestito del libro a Marco Bianchi scaduto", "Marco Bianchi"),  # a book, no event
        ("Incontro con la maestra Anna Ferri confermato", "Anna Ferri"),
        ("Liebe Familie Plattner, der Müllkalender ist da", "Plattner"),  # a relation word after a greeting
        # The letter closing a code is no saint's "S" before the name (it was: the name went unmasked)
        ("Codice fiscale RSSMRA85T10A562S Mario Rossi: avviso", "Mario Rossi"),
        ("{{ x is RSSMRA85T10A562S }} Mario Rossi {# nota #}", "Mario Rossi"),
    ],
)
def test_names_of_every_origin(text, name):
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Zona Franca: domande fino al 30 giugno",  # a foreign name that is an Italian word
        "Stella di Natale: mercatini in piazza",
        "Bianco Natale: eventi in centro",
        "Marina di Ravenna: parcheggi estivi",
        "Lavori in Via Nelson Mandela: strada chiusa",
        "Parco Mahatma Gandhi: nuovi giochi per bambini",
        "Comune di Martina Franca: avviso IMU",
        "Reggio Emilia: nuovo servizio di sosta",  # a comune, as usually shortened
        "Marktgemeinde Neumarkt: neue Öffnungszeiten",  # compounds of words
        "Farmacia Dr. Rossi: turno di guardia",
        "Bar Sport Da Mario: autorizzazione dehors",
        "Buongiorno, il Comune ti informa",
        "Avviso TARI intestato a RSSMRA85T10H501O",
        "Graduatoria Provvisoria: pubblicazione",
        "Sig. Sindaco, la riunione è confermata",  # a role after an honorific
        "Docente Referente per l'inclusione: nuovo incarico",  # words after a relation word
        "Kind regards from the Comune",
        "Piano B. Nuove regole",  # an initial after a word that is no name
        "La Rosa dei venti: nuova installazione",  # a particle before a word-name alone
        "Le Nuove Regole: cosa cambia",
        "visita di andrea la prossima settimana",  # a lone first name in lower case
        "Corso di Primo Soccorso confermato per sabato",  # a first name that is a word, then a word
        "La sede di Marina Militare è chiusa",
        "Christmas Market: opening hours",  # an unknown word, then a word, opening the title
        "Tickets for Christmas Market",
        "Escursione al Parco (Monte Rosa): iscrizioni",  # word-names in brackets, not first name first
        "Gita (Villa Borghese) il 12 maggio",
        "Permesso per festività ebraica (Yom Kippur) concesso",  # two unknown words in brackets
        "Grazie A. Tutti",
        "Avviso: Rosa Bianca tutto esaurito",  # not a participle
        "Concerto per Ennio Morricone il 12/03",  # an honoree before a date
        "Mostra di Frida Kahlo dal 3 marzo",
        "Giovanni Falcone e Paolo Borsellino: giornata della memoria",  # two honorees before an event
        "Marina Militare ha aperto le iscrizioni",  # words opening the title before a verb
        "Villa Rosa è aperta",
        "Rosa Bianca è il tema",
        "Christmas Market is open",
        "prof. ordinario di chimica: bando",  # lower-case words after an honorific
        "RIMBORSO TARI: pagamento",  # acronyms in capitals
        "TARI ANNUALE: pagamento",
        "Pratica ASL ROMA: chiusa",
        "Nuovi orari dello sportello di Canale Licia, 368",  # a place's word before a first name
        "Mercato di Feletto Umberto: sospeso il 09/05",
        "Konzert für Elena Camiscione im Rathaus",  # honorees of German and English events
        "Lesung mit Carmelo Ostinelli am 25/12",
        "Exhibition on Danilo Iannucci opens on 19/03",
        "Gemeinde Rosario Valanidi: neue Öffnungszeiten",  # a German municipality
        "Contratto con Sandi Group rinnovato",  # a company
        "Lotto 3 Villa Borghese",  # a place after a number
        "Scadenza 2026 Rosa Bianca",  # word-names after a number: only first name first
        "Gent.le Utente, nuovo servizio",
        "Nuovi orari / Ufficio Tributi",
        "Mercato di Sant'Andrea Di Campodarsego: sospeso il 16/10",  # an elided saint's word
        "Classe A. Primavera",
        "Dottorato di ricerca: bando",
        "visita di luca e francesco",  # lower-case first names after a particle, not side by side
        "Gentile Lei, la informiamo",  # a pronoun alone
        "Tari e Imu, hai pagato?",  # not two listed first names
        "Nuovo Servizio, hai una nuova funzione",
        "Libro di Mario Rossi: presentazione in biblioteca",  # an author's event
        "Stella Di Natale: mercatini",  # word-names and a particle, not first name then surname
        "Visita guidata alla mostra di Frida Kahlo alle 10:00",  # a visit to an event
        "Visita di Giuseppe Verdi: letture",
        "Inaugurata la piazza intitolata a Tina Anselmi",  # named after someone
        "Sala dedicata a Nilde Iotti: inaugurazione",
        "Polo scolastico Leonardo Sciascia: nuovi orari",  # an adjective after a place word
        "The Enrico Fermi science fair opens on Saturday",  # English puts no article before a person
        "Scuola 'Gianni Rodari' di Bari: iscrizioni",
        "Processione della Madonna del Carmine",  # the Madonna is a saint's word
        "Evento Leonardo Da Vinci in piazza",  # an event named after someone
        "A nome del Comune, grazie",
        "Entrate/Uscite 2026",  # a slash between words
        "Grazie! Il Comune ti informa",
        "Klaus Pircher KG: Vertrag verlängert",  # a company after its founder's name
        "Harris Ltd contract renewed",
        "Il medico di base: scelta e revoca",  # relation words before no name
        "Agente Immobiliare: albo",
        "Bagni Elena: ordinanza balneare",  # a lido
        "Dear parent, the school is closed tomorrow",  # a role ("Parent" is also a surname)
        "The Smith Family Trust: grant",  # a capitalised Family names a thing
        "Family day in the park",
        "Ferrari/Lamborghini: raduno",  # the first a word: cars
        "Vacanze in Alto Adige",  # a word-name before an unknown word, no "di"/"a"/"per" before
        "Neve di Monte Amiata: strade chiuse",  # an Italian word-name
        "Leone di San Marco restaurato",
        "Cooperativa Sociale Giuseppe Verdi: nuovi orari",  # an organisation named after someone
        "Bando del consorzio Don Luigi Sturzo",
        "Sportello di Primo Soccorso aperto",  # word-names before an irregular participle
        "Mostra di Frida Kahlo aperta fino a maggio",
        "Dante Alighieri: visita guidata alla casa natale",  # a guided visit is an event
        "Giacomo Puccini – visita guidata il 3 marzo alle 10:30",
        "Cittadino Digitale: nuovo servizio",  # a part in a file before no name
        "Candidato Sindaco: programma",
        "Lavoratori Socialmente Utili: graduatoria",
        "Easter Monday: municipal offices closed",  # English and German days and months
        "La Fase B. del progetto è conclusa",  # a particle, a word and an initial inside a clause
        "La Scuola G.: iscrizioni",
        "St John's Wood: parking restrictions",  # a possessive in a place's name
        "Children's Day: events in the park",
        "Area giochi Peter Pan chiusa",  # play areas and car parks named after people
        "Parcheggio Filippo Turati: tariffe",
        "Presentazione del libro di Chiara Gamberale",  # an author at an event
        "Incontro con l'autore Paolo Cognetti",
        "Talk with the author Zadie Smith",
        "Ostern Montag: Ämter geschlossen",
        "Festa di S Maria Goretti: programma",  # a saint's "S" standing alone still names a saint
    ],
)
def test_places_words_and_codes_are_not_names(text):
    assert names(text) == []


def test_the_quick_condition_skips_what_no_rule_can_use():
    from iolint.pii.hits import lower_same_length
    from iolint.pii.names.gate import may_name
    from iolint.pii.names.words import NameText

    for text in (
        "Dichiarazione TARI: conferma di ricezione",  # "TARI" is a first name somewhere
        "Centro di raccolta di Via dell'Industria: nuovi orari",  # "dell'" is no name
        "Tasse universitarie: seconda rata di 480 € entro il 31 marzo",  # no particle by "seconda"
        "Buongiorno, il Comune ti informa",  # a word before a comma that is no name and not like one
        "Ciao, il tuo avviso di pagamento è pronto",
        "Avviso n. 123456 intestato a RSSMRA85T10A562S",  # a cue before a code, not a name
    ):
        assert not may_name(NameText(text, lower_same_length(text), False)), text


def test_a_lower_case_preposition_is_not_part_of_a_name():
    assert names("Iscrizione al nido di Mario Rossi confermata") == ["Mario Rossi"]


def test_name_data():
    flags = table()
    assert flags["kovalenko"] & SURNAME and flags["oleksandr"] & FIRST  # Cyrillic, transliterated
    assert flags["wang"] & SURNAME  # Faker's romanised Chinese
    assert flags["tanaka"] & SURNAME and flags["haruka"] & FIRST  # and Japanese
    assert flags["abashidze"] & SURNAME and flags["akaki"] & FIRST  # Georgian, no apostrophes ("ak'ak'i")
    assert flags["abazyan"] & SURNAME and flags["chalisa"] & FIRST  # Armenian; Thai (en_TH)
    assert "ak" not in flags
    assert flags["fortuna"] & (FIRST | ITALIAN | WORD) == FIRST | ITALIAN | WORD  # curated: the lists lack it
    assert flags["will"] & WORD and not flags["mario"] & WORD  # a foreign name that is a word
    assert flags["rosa"] & (ITALIAN | WORD) == ITALIAN | WORD
    assert all(unicodedata.name(c).startswith("LATIN") for key in flags for c in key)  # Latin letters only
    assert is_word("graduatoria") and is_word("Gemeinde") and not is_word("hoxha")
    assert fold("Małgorzata") == "malgorzata" and fold("Straße") == "strasse"


def test_the_cache_is_built_in_a_child_process(tmp_path):
    env = {**os.environ, "IOLINT_NAMES_CACHE": str(tmp_path)}
    code = "import json; from iolint.pii.namedata import table; print(json.dumps(table()['kovalenko']))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == table()["kovalenko"]
    written = sorted(p.name.split("-")[0] for p in tmp_path.iterdir() if not p.name.endswith(".lock"))
    assert written == ["names.json"]  # the dictionary is built only when first asked
    assert _cache_path("names.json").name.startswith("names.json-")


_FRAGMENTS = st.sampled_from(
    """Gentile |Sig. |Rossi|Mario |mario |rossi |M. |Rosa|, |: | – |per |De |van der |El |Hoxha |Arben |
    Zona |Franca |Via |Comune di |Wang |Wei|Singh |Harpreet|ciao |RSSMRA85T10H501O |Il |tuo |Serena |Costa|
    Stella |di |Natale |hai |!|.|Esposito, |Gennaro|Anna-Maria |D'Amico |MARIO |ROSSI |Lei|Anca |Munteanu |
    luca |de |francesco |Moussa |Sow|Anna |e |PEI |Moretti/|Colombo |the |family |Khan """.split("|")
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=8).map("".join))
def test_the_quick_condition_never_hides_a_name(text):
    from iolint.pii.finders import candidates
    from iolint.pii.names import find_names

    if find_names(text):
        assert any(d.name == "IolintPersonRecognizer" for d in candidates(text))


def test_a_build_keeps_other_installs_recent_caches_and_prunes_old_ones(tmp_path):
    from iolint.pii import datacache

    recent, old = tmp_path / "names.json-aaaa", tmp_path / "names.json-bbbb"
    recent.write_bytes(b"{}")
    old.write_bytes(b"{}")
    past = time.time() - datacache.STALE_SECONDS - 60
    os.utime(old, (past, past))
    assert datacache._write(tmp_path / "names.json-cccc", b"{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["names.json-aaaa", "names.json-cccc"]
