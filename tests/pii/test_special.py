"""Special categories about the recipient, not the topic (docs/pii.md, labelling policy)."""

from __future__ import annotations

import pytest

from iolint.pii import configure, detect


@pytest.fixture(autouse=True)
def default_settings():
    configure()
    yield
    configure()


def kinds(text: str) -> set[str]:
    return {d.kind for d in detect(text)}


# (about the recipient: reported, the topic only: clean), kind
PAIRS = [
    ("HEALTH", "Il tuo appuntamento al Centro di salute mentale", "Mese della salute mentale: eventi in città"),
    (
        "HEALTH",
        "La tua domanda di bonus psicologo è accolta",
        "Sportello di ascolto psicologico gratuito per gli studenti",
    ),
    ("HEALTH", "Promemoria: visita oncologica del 12 maggio", "Screening oncologico: il tuo invito"),
    ("HEALTH", "Dialisi: il tuo turno di martedì è spostato", "Dialisi: il servizio si trasferisce al nuovo ospedale"),
    ("HEALTH", "Rinnovo esenzione ticket per diabete", "Giornata mondiale del diabete: controlli in piazza"),
    ("HEALTH", "Ihr Termin in der Onkologie", "Onkologie: neue Öffnungszeiten"),
    ("HEALTH", "Il tuo colloquio al centro antiviolenza è confermato", "Centro antiviolenza: nuovi orari"),
    ("HEALTH", "Ritiro del piano terapeutico", "Vaccinazione contro l'epatite B: il tuo appuntamento"),
    ("JUDICIAL", "Decreto penale di condanna notificato", "Il certificato del casellario è pronto"),
    ("JUDICIAL", "Procedimento penale a tuo carico: avviso", "Certificato dei carichi pendenti disponibile"),
    (
        "RELIGION",
        "La tua scelta dell'8x1000 alla Chiesa cattolica è registrata",
        "Restauro della Chiesa cattolica di San Pietro",
    ),
    ("RELIGION", "Menù halal per tuo figlio confermato", "Festa religiosa: chiusura delle strade"),
    ("TRADE_UNION", "Trattenuta sindacale sul tuo cedolino", "Sciopero generale CGIL: servizi garantiti"),
    (
        "POLITICAL",
        "La tua candidatura alle elezioni comunali è stata depositata",
        "Le candidature per il servizio civile sono aperte",
    ),
    ("SEX_LIFE", "Pubblicazione della tua unione civile", "Unioni civili: nuovi orari dell'ufficio"),
    ("HEALTH", "Pronto Soccorso ostetrico: il tuo accesso del 2 marzo", "Accesso al Pronto Soccorso: ticket da pagare"),
    (
        "HEALTH",
        "Reparto di neurologia: ricordati la visita del 3 maggio",
        "Neurologia: ambulatorio trasferito al piano 2",
    ),
    ("HEALTH", "Prenotazione confermata: Ambulatorio Diabetologico, 12/03", "Fisioterapia: sedute sospese per lavori"),
    (
        "HEALTH",
        "Il trasporto per tua figlia con disabilità è attivato",
        "Trasporto scolastico per alunni con disabilità: iscrizioni aperte",
    ),
    ("HEALTH", "Diabetes clinic appointment confirmed for 3 May", "Disability office: drop-in hours on Wednesdays"),
    ("HEALTH", "Ergotherapie für Ihr Kind: erster Termin am Montag", "Pflegegeld: Informationsabend für Angehörige"),
    ("HEALTH", "Einstufung der Pflegebedürftigkeit: Hausbesuch am 12. März", "Psychiatrie: Ambulanz im Neubau"),
    ("HEALTH", "Ricetta dematerializzata per insulina disponibile", "Ricette senza glutine: corso di cucina per tutti"),
    (
        "JUDICIAL",
        "Interrogatorio di garanzia fissato per giovedì",
        "Sei citato come testimone nel processo penale n. 55/26",
    ),
    (
        "JUDICIAL",
        "Udienza penale a carico di tuo figlio: la parte offesa è citata",
        "Giudice popolare: il processo penale inizia il 3/3",
    ),
    (
        "HEALTH",
        "Suchtberatung: Ihr Termin am Dienstag",
        "Die Gemeinde sucht Mitarbeiter für die Suchtprävention: Kurs für alle",
    ),
    (
        "HEALTH",
        "Your wheelchair voucher has been approved",
        "Accessible housing grant for wheelchair users: apply by 30 June",
    ),
    ("POLITICAL", "Your nomination as a candidate for the city council was accepted", "Council election: how to vote"),
    ("JUDICIAL", "Court summons: you are a defendant in case 1234/25", "Prison museum: new opening hours"),
    (
        "HEALTH",
        "Servizio di Psicologia: incontro di gruppo martedì alle 17",
        "Gruppi di auto-mutuo aiuto per alcolisti: incontri di gruppo aperti a tutti",
    ),
    (
        "HEALTH",
        "Voto a domicilio per elettori in dipendenza da apparecchiature: domanda accolta",
        "Voto domiciliare per elettori in dipendenza da apparecchiature: come fare domanda",
    ),
    (
        "POLITICAL",
        "Certificato di iscrizione nelle liste elettorali per la tua candidatura",
        "La tua candidatura per il servizio civile è stata ammessa",
    ),
    ("HEALTH", "Your diabetes clinic appointment is confirmed", "Diabetes awareness walk on Sunday"),
    ("HEALTH", "Your maternity ward admission is booked", "New maternity ward opens at the city hospital"),
    ("HEALTH", "Your chemotherapy starts on Monday", "Cancer screening programme: invitations sent this month"),
    ("HEALTH", "Ihr Termin in der Onkologie Brixen", "Onkologie Brixen: Umbau abgeschlossen"),
    ("TRADE_UNION", "Ihr Gewerkschaftsbeitrag für März", "Gewerkschaften: Kundgebung am Waltherplatz"),
    ("RELIGION", "Your child's religious education opt-out is recorded", "Religious holidays: school calendar 2026/27"),
    ("JUDICIAL", "Udienza di convalida dell'arresto fissata", "Sfratto per morosità: udienza di convalida il 19/01"),
    ("RELIGION", "Ferie per Rosh Hashanah concesse come richiesto", "Festa di Hanukkah in piazza: come si partecipa"),
]


@pytest.mark.parametrize("kind, personal, topic", PAIRS, ids=[p[1][:30] for p in PAIRS])
def test_about_the_recipient_not_the_topic(kind, personal, topic):
    assert kind in kinds(personal)
    assert not kinds(topic)


@pytest.mark.parametrize(
    "text",
    [
        "Nuova campagna vaccinale",
        "C'è un nuovo referto",
        "Il tuo referto è disponibile",
        "Hai una nuova prescrizione medica",
        "Il tuo appuntamento per la vaccinazione antinfluenzale",
        "Ihr Befund ist verfügbar",
        "Donazione del sangue: giornata straordinaria in piazza",
        "Ottobre rosa: prevenzione del tumore al seno",
    ],
)
def test_generic_health_notices_are_clean(text):
    assert not kinds(text)


def test_a_body_is_read_sentence_by_sentence():
    body = (
        "È attiva la campagna di vaccinazione antinfluenzale, gratuita per le persone fragili. "
        "È possibile richiedere il trasporto per alunni con disabilità. "
        "Hai ricevuto una prescrizione per visita cardiologica."
    )
    found = [(d.kind, body[d.start : d.end]) for d in detect(body)]
    assert found == [("HEALTH", "visita cardiologica")]


def test_a_link_address_states_nothing():
    body = "Scopri come [a questa pagina](https://www.comune.esempio.it/scuola/trasporto/disabilita)."
    assert not kinds(body)


def test_a_body_follows_the_title_rules():
    """IO503 reads a body sentence by sentence with the same rules as IO502 on titles."""
    from iolint import lint

    body = (
        "Il tuo accesso al Pronto Soccorso del 3 marzo prevede un ticket di 25 euro. "
        "Lo sfratto per morosità sarà discusso all'udienza di convalida del 19 gennaio. "
        "La scelta sull'ora di religione si indica nella domanda di iscrizione. "
        "Le spese di notifica sono a tuo carico. "
        "Ti informiamo che il permesso premio richiesto è stato concesso."
    )
    payload = {"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": "Comunicazione", "markdown": body}}
    found = [f.message for f in lint(payload).findings if f.code == "IO503"]
    assert len(found) == 1 and "judicial data" in found[0], found


def test_a_mailbox_states_nothing():
    assert not kinds("Per informazioni scrivi a sportello.disabili@comune.esempio.it")
    assert not kinds("Scrivi a oncologia@asl.esempio.it per la tua domanda")
    assert "HEALTH" in kinds("La tua visita oncologica: scrivi a cup@asl.esempio.it")


# Round 5 (the sixteenth batch): each class of error it showed, on phrasings of our own.
ROUND5_PAIRS = [
    # A slash joins two unions' names, it is no link path.
    (
        "TRADE_UNION",
        "Ihr Beitrag an ASGB/CISL wird vom Gehalt einbehalten",
        "Gewerkschaften/CISL: Kundgebung am Waltherplatz",
    ),
    # A union role in the workplace bodies (RSU, RSA); "RSA" there is no care home.
    (
        "TRADE_UNION",
        "Sei stato eletto delegato RSU: il tuo mandato inizia lunedì",
        "Elezioni RSA/RSU: si vota il 14 aprile",
    ),
    ("TRADE_UNION", "Your union rep will call you about the deduction", "Union rep elections: applications open"),
    ("TRADE_UNION", "Trattenuta FIOM sul tuo cedolino di marzo", "Sciopero FIOM: servizi garantiti"),
    # A sentence and its execution, a court-appointed lawyer, being charged, arrested or tried.
    (
        "JUDICIAL",
        "Sospensione condizionale della pena: comunicazione della cancelleria",
        "Il furto da te denunciato è stato archiviato",
    ),
    ("JUDICIAL", "Nomina del difensore d'ufficio: procedimento n. 12/26", "Ufficio esecuzioni penali: nuovi orari"),
    ("JUDICIAL", "Sei stato denunciato per guida senza patente", "La tua domanda è stata processata"),
    ("JUDICIAL", "You have been charged with theft: court date set", "Court open day: meet the judges"),
    ("JUDICIAL", "Ihre Vorladung als Beschuldigte am 3. März", "Le parole della legalità: incontro per le scuole"),
    # An event's programme is a topic, a measure's programme is not.
    (
        "JUDICIAL",
        "Messa alla prova: il programma con l'UEPE inizia il 2 maggio",
        "Festival della legalità: programma delle visite al carcere",
    ),
    # A candidacy with words between, for any election; not a poll worker's, a prize's or a job's.
    (
        "POLITICAL",
        "Candidatura di Mirela Dobre al consiglio comunale: accettazione registrata",
        "La tua candidatura a scrutatore per le elezioni regionali è accolta",
    ),
    (
        "POLITICAL",
        "La tua candidatura alle comunali è stata depositata",
        "Candidatura al premio del sindaco per il volontariato: esito",
    ),
    (
        "POLITICAL",
        "Sei candidato alle primarie: conferma ricevuta",
        "Candidature per gli orti comunali: domande entro il 30",
    ),
    # A named list with a candidacy in the sentence, in either order.
    (
        "POLITICAL",
        "Sei nella lista Insieme per Noale: candidatura ammessa",
        "Elezioni comunali: la lista dei candidati è pubblicata",
    ),
    # Joining a party, a political movement or a promoting committee.
    (
        "POLITICAL",
        "La tua adesione al comitato promotore del referendum è registrata",
        "Comitato promotore del referendum: banchetto in piazza sabato",
    ),
    ("POLITICAL", "Tesseramento al movimento politico rinnovato", "Candidati sindaco: confronto pubblico in piazza"),
    # A signature with words before the preposition.
    (
        "POLITICAL",
        "Firma a sostegno della proposta di legge autenticata",
        "Raccolta firme per il referendum sulla caccia: banchetti in piazza",
    ),
    (
        "POLITICAL",
        "Ihre Kandidatur für den Gemeinderat wurde angenommen",
        "Kandidaten für die Gemeinderatswahl: Liste veröffentlicht",
    ),
    ("POLITICAL", "You are standing for election to the city council", "Local elections: results published"),
    # A document made out to someone (minutes, a certificate issued, an entry in their file).
    (
        "HEALTH",
        "INPS: verbale di invalidità civile disponibile nel fascicolo",
        "Verbale della commissione invalidi: come leggerlo",
    ),
    (
        "SEX_LIFE",
        "Unione civile tra i richiedenti: certificato disponibile",
        "Fascicolo sanitario elettronico: nuove funzioni per le unioni civili",
    ),
    # An offer open to a group, a Pride: topics.
    (
        "RELIGION",
        "Ramadan: permesso di uscita anticipata per tuo figlio",
        "Ramadan e scuola: incontro interculturale aperto alle famiglie",
    ),
    (
        "SEX_LIFE",
        "Your civil partnership certificate is ready",
        "Pride Month: the library hosts a reading on LGBTQ+ history",
    ),
    # Sexually transmitted infections: health and sex life.
    (
        "SEX_LIFE",
        "Il tuo test per le infezioni sessualmente trasmesse è negativo",
        "Infezioni sessualmente trasmesse: giornata di test gratuiti",
    ),
]

# The third part of the batch: a service every day, smoking cessation, HIV prophylaxis, the
# referendum or the bill before the reader's signature or role, the 2x1000 to a party, more unions.
ROUND5_PART3_PAIRS = [
    (
        "RELIGION",
        "Dieta halal per tua figlia confermata dalla mensa",
        "Mensa aziendale: tutti i giorni un primo kosher",
    ),
    (
        "HEALTH",
        "Il tuo percorso al Centro antifumo inizia lunedì",
        "Giornata mondiale senza tabacco: gazebo antifumo in piazza",
    ),
    ("SEX_LIFE", "PrEP: la tua ricetta è pronta in farmacia", "PrEP: incontro informativo aperto a tutti"),
    (
        "POLITICAL",
        "Proposta di legge sulla sanità: la tua firma è valida",
        "Proposta di legge sulla sanità: firme raccolte in piazza",
    ),
    (
        "POLITICAL",
        "Referendum sulla caccia: la richiesta che hai depositato come promotore è registrata",
        "Referendum: i promotori depositano le firme in Cassazione",
    ),
    (
        "POLITICAL",
        "La tua scelta del 2x1000 al partito è stata acquisita",
        "2x1000 ai partiti: come si sceglie nella dichiarazione",
    ),
    (
        "POLITICAL",
        "Bürgerbegehren: Ihre Unterschrift ist gültig",
        "Volksabstimmung am 3. Mai: Öffnungszeiten der Wahllokale",
    ),
    ("TRADE_UNION", "Trattenuta UNAMS sul tuo cedolino", "Sciopero UNAMS della scuola: servizi minimi"),
]

# Round 5's own checks of each kind's constructions in the three languages (before the third part
# of the batch was read).
GAP_PAIRS = [
    (
        "POLITICAL",
        "Hai firmato per il referendum sulla cittadinanza: firma registrata",
        "Raccolta firme per la proposta di legge: banchetto in piazza",
    ),
    (
        "POLITICAL",
        "Sei stato eletto consigliere comunale: proclamazione il 3 giugno",
        "Elezioni comunali: orari dei seggi",
    ),
    (
        "POLITICAL",
        "Accettazione della candidatura a consigliere regionale depositata",
        "Albo dei presidenti di seggio: iscrizioni aperte",
    ),
    (
        "POLITICAL",
        "Nomina a rappresentante di lista per il partito Azione: conferma",
        "Scrutatori: la tua nomina è confermata",
    ),
    ("RELIGION", "Taufschein für Ihr Kind ausgestellt", "Erstkommunion: Straßensperre am Pfarrplatz am Sonntag"),
    ("RELIGION", "Conversione all'Islam: certificato della comunità", "Comune di Cattolica: orari estivi"),
    ("RELIGION", "Your child's baptism certificate is ready", "Church restoration works: road closed"),
    (
        "SEX_LIFE",
        "Rettificazione anagrafica del sesso: sentenza trascritta",
        "Giornata contro l'omotransfobia: flash mob in piazza",
    ),
    (
        "SEX_LIFE",
        "Riconoscimento del figlio con due madri: atto trascritto",
        "Festa della mamma: laboratori per le future mamme",
    ),
    ("SEX_LIFE", "Änderung des Geschlechtseintrags: Termin bestätigt", "Standesamt: neue Öffnungszeiten"),
    ("JUDICIAL", "Capo d'imputazione notificato al difensore", "Visita al carcere di San Vittore per le scuole"),
    (
        "HEALTH",
        "Ihre Krebsvorsorge: auffälliger Befund, bitte melden Sie sich",
        "Krebsvorsorge: Einladung für alle Frauen ab 50",
    ),
    ("HEALTH", "Ihr Kind: Bescheinigung über die Lernstörung ausgestellt", "Legasthenie: Informationsabend für Eltern"),
    # Traps for the rules above: a youth council, one delegate and a union's delegates, a ship's
    # christening, a list presenting its candidates, works on a new care home.
    (
        "POLITICAL",
        "Candidatura al consiglio comunale: la tua accettazione è registrata",
        "Candidature per il consiglio comunale dei ragazzi: si vota a scuola",
    ),
    ("TRADE_UNION", "Sei stata eletta delegata RSU", "Delegati RSU: elezioni il 14 aprile"),
    (
        "RELIGION",
        "Certificato di battesimo di tuo figlio",
        "Battesimo della nuova nave della Marina: cerimonia in porto",
    ),
    ("POLITICAL", "Sei candidato nella lista Civica Insieme", "La lista Civica Insieme presenta i candidati in piazza"),
    ("HEALTH", "Ingresso in RSA: la tua domanda è accolta", "Verbale di consegna dei lavori della nuova RSA"),
    ("JUDICIAL", "Convalida del fermo: udienza davanti al GIP", "Fermo amministrativo del veicolo: come pagare"),
    (
        "JUDICIAL",
        "Decreto di giudizio immediato notificato",
        "Incontro con il magistrato di sorveglianza per le scuole",
    ),
    ("JUDICIAL", "Your community service order starts on Monday", "Community service day: volunteers welcome"),
    (
        "POLITICAL",
        "La tua candidatura nel collegio uninominale è stata ammessa",
        "Consiglio comunale aperto: ordine del giorno",
    ),
    ("RELIGION", "Your request for a prayer room at work is approved", "Moschea: nuova sede dal 1° marzo"),
    (
        "SEX_LIFE",
        "Cambio di nome per la tua transizione: istanza accolta",
        "La tua transizione digitale: attiva lo SPID entro marzo",
    ),
    (
        "JUDICIAL",
        "Richiesta di misura alternativa: colloquio con l'assistente sociale",
        "Processo penale per l'incendio del bosco: il Comune parte civile",
    ),
    (
        "POLITICAL",
        "Sei stato eletto nel consiglio di circoscrizione",
        "Elezioni: i candidati sindaco si confrontano in piazza",
    ),
    ("RELIGION", "Permesso per la festa di Diwali accordato", "Festa di Eid al-Fitr al parco: tutti invitati"),
    (
        "TRADE_UNION",
        "Ihre Mitgliedschaft bei der Gewerkschaft wird ab Mai beendet",
        "Gewerkschaftsbund: Beratung für Arbeitnehmer jeden Dienstag",
    ),
    (
        "JUDICIAL",
        "Obbligo di firma ogni giorno alle 10 presso la stazione dei Carabinieri",
        "Carcere minorile: concerto di Natale aperto al pubblico",
    ),
    (
        "JUDICIAL",
        "Procura della Repubblica: avviso di conclusione indagini preliminari",
        "Tribunale: nuovi orari della cancelleria penale",
    ),
    ("JUDICIAL", "Sei stato assolto: sentenza depositata", "Hai assolto l'obbligo vaccinale: certificato disponibile"),
    (
        "JUDICIAL",
        "Dichiarazione o elezione di domicilio come indagato",
        "Dichiarazione sostitutiva di assenza di precedenti penali: modulo",
    ),
    (
        "POLITICAL",
        "Firma per l'iniziativa dei cittadini europei registrata",
        "Raccolta firme per l'iniziativa dei cittadini europei in piazza",
    ),
    (
        "POLITICAL",
        "Your membership of the Green Party has been renewed",
        "Election results: the new council is sworn in",
    ),
    ("POLITICAL", "Your nomination as a council candidate has been accepted", "Council candidates: hustings on Friday"),
    (
        "HEALTH",
        "Ergebnis Ihrer Mammographie: Nachuntersuchung erforderlich",
        "Mammographie-Screening: Einladung für Frauen von 50 bis 69",
    ),
    ("HEALTH", "Your blood sugar results need a follow-up", "Free flu vaccine for over-65s"),
    ("HEALTH", "Ihr Kind: Termin beim Kinderpsychologen bestätigt", "Neue Öffnungszeiten der Reha-Klinik"),
    ("HEALTH", "Your methadone prescription is ready", "Blood donation drive at the town hall"),
    ("RELIGION", "Iscrizione di tuo figlio al catechismo confermata", "Catechismo: iscrizioni aperte in parrocchia"),
    (
        "RELIGION",
        "Cambio del menù per la Quaresima di tuo figlio confermato",
        "Concerti di Quaresima in Duomo: programma",
    ),
    ("RELIGION", "Your request to leave early for Friday prayers is approved", "Christmas market opens on Friday"),
    # Traps for the words of these rules that have other senses.
    ("RELIGION", "Taufe Ihres Kindes: Termin bestätigt", "Gemeinde Sand in Taufers: neue Öffnungszeiten"),
    ("JUDICIAL", "Tuo figlio è stato denunciato per furto", "Il furto è stato denunciato ai Carabinieri"),
    ("JUDICIAL", "Sei stata assolta in appello: sentenza depositata", "L'obbligo formativo è stato assolto"),
    ("JUDICIAL", "Sei stato arrestato: udienza di convalida fissata", "Smarrimento della patente: denuncia registrata"),
    ("JUDICIAL", "Convalida del fermo: udienza fissata", "Convalida del fermo amministrativo del veicolo"),
    (
        "POLITICAL",
        "Iscrizione all'albo dei sostenitori del partito: conferma",
        "Wahlvorschläge: Abgabe bis 3. Mai im Rathaus",
    ),
]


@pytest.mark.parametrize(
    "kind, personal, topic",
    ROUND5_PAIRS + ROUND5_PART3_PAIRS + GAP_PAIRS,
    ids=[p[1][:30] for p in ROUND5_PAIRS + ROUND5_PART3_PAIRS + GAP_PAIRS],
)
def test_round5_about_the_recipient_not_the_topic(kind, personal, topic):
    assert kind in kinds(personal)
    assert not kinds(topic)


def test_a_longer_term_of_another_kind_gives_the_sense():
    """A union officer ("dirigente RSA"): the care home's acronym inside it is not reported."""
    assert kinds("Il tuo permesso come dirigente RSA è autorizzato") == {"TRADE_UNION"}
    assert kinds("Ricovero in RSA: la tua domanda è accolta") == {"HEALTH"}


def test_a_sexually_transmitted_infection_is_health_and_sex_life():
    assert kinds("Your sexually transmitted infection test result is ready") == {"HEALTH", "SEX_LIFE"}


def test_a_relative_link_states_nothing():
    assert not kinds("Leggi la guida [qui](/servizi/disabili/trasporto) e presenta domanda.")


def test_every_lexicon_entry_compiles():
    """The lexicon's entries are compiled when their stem is first met: each must compile."""
    from iolint.pii.special import _entries, stems

    for stem, entry in stems().items():
        compiled = _entries(entry)  # a malformed entry raises re.error here
        assert [rx.pattern for _, rx in compiled] == [pattern for _, pattern, _ in entry[1]], stem
        assert entry[0] is compiled  # kept for the next time the stem is seen


# Round 6: the general gaps found before the eighteenth batch was read, and the classes of error
# the batch showed, each on phrasings of our own (about the reader: reported; the topic: clean).
ROUND6_PAIRS = [
    # A period after an abbreviation ends no sentence, and an honorific after an article is a
    # third person (the doctor), not the reader.
    (
        "HEALTH",
        "Psichiatria: la dott.ssa Verdi ti riceve martedì alle 10",
        "Psichiatria: la dott.ssa Verdi riceve il martedì",
    ),
    ("HEALTH", "Oncologia: la tua visita con il dott. Rossi è spostata", "Oncologia: il dott. Rossi va in pensione"),
    # Events, council news and negotiations are topics wherever they stand in the sentence.
    (
        "RELIGION",
        "Esonero dall'ora di religione per tuo figlio registrato",
        "Libertà religiosa: convegno in aula magna",
    ),
    ("SEX_LIFE", "Your civil partnership has been registered", "LGBTQ+ book club in the library on Thursday"),
    ("POLITICAL", "Adesione al gruppo consiliare: presa d'atto", "Gruppo consiliare: conferenza stampa in sala giunta"),
    ("TRADE_UNION", "Iscrizione al sindacato: la trattenuta parte da aprile", "Sindacati: incontro con il sindaco"),
    (
        "TRADE_UNION",
        "Delega sindacale revocata dal 1° marzo",
        "Contratto nazionale firmato dai sindacati: arretrati a luglio",
    ),
    ("RELIGION", "Permesso per Hanukkah accordato", "Hanukkah: accensione della menorah in piazza"),
    # A union's patronato or CAF serves everyone.
    ("TRADE_UNION", "Trattenuta CGIL sul tuo cedolino", "Patronato INCA CGIL: servizi per la pensione"),
    # A place, a shop, food or art that a religion qualifies.
    ("RELIGION", "Menù halal per tuo figlio confermato", "Macelleria halal: controlli dell'ASL"),
    ("RELIGION", "Your request for kosher meals is approved", "Kosher food at the summer market"),
    ("RELIGION", "Loculo nella sezione ortodossa del cimitero concesso", "Cimitero ebraico: lavori di manutenzione"),
    # A petition signed, an appointment as assessore (not a meeting with one).
    (
        "POLITICAL",
        "Petizione per il parco: la tua firma è registrata",
        "Petizione per il parco: firme raccolte in piazza",
    ),
    ("POLITICAL", "Sei stato nominato assessore all'ambiente", "L'assessore all'ambiente incontra i cittadini"),
    ("POLITICAL", "Ernennung zum Stadtrat: Vereidigung am 3. Mai", "Stadtrat: Sitzung am 3. Mai"),
    # The election first, the candidacy after; not a poll worker's, not a union's.
    (
        "POLITICAL",
        "Elezioni del consiglio metropolitano: la tua candidatura è ammessa",
        "Elezioni comunali: la tua candidatura a scrutatore è accolta",
    ),
    (
        "POLITICAL",
        "Herr Thaler, Ihre Wahl in den Gemeindeausschuss wurde bestätigt",
        "Die Wahl in den Gemeinderat findet am 4. Mai statt",
    ),
    # Two people named after the term: theirs, whatever event the sentence announces.
    (
        "SEX_LIFE",
        "Unione civile di Marta Colombo e Chiara Villa: celebrazione in sala consiliare",
        "Unioni civili: celebrazione in sala consiliare il sabato",
    ),
    # "Puoi" before a verb of choosing offers an option to everyone.
    (
        "RELIGION",
        "Ora di religione: hai scelto l'attività alternativa",
        "Ora di religione: puoi modificare la scelta entro il 30 giugno",
    ),
    # German awareness days; a helpline and help with applications are offers.
    (
        "HEALTH",
        "Ihr Antrag auf Anerkennung der Behinderung wurde angenommen",
        "Tag der Menschen mit Behinderung: offene Türen im Rathaus",
    ),
    (
        "HEALTH",
        "Gioco d'azzardo patologico: il tuo percorso al SerD inizia lunedì",
        "Gioco d'azzardo patologico: il numero verde è attivo",
    ),
    (
        "HEALTH",
        "La tua domanda di invalidità civile è accolta",
        "Patronato in Comune: assistenza per le domande di invalidità, prenota online",
    ),
    (
        "HEALTH",
        "Elezioni: il tuo diritto al voto assistito è annotato",
        "Elezioni: i certificati per il voto assistito si rilasciano in ASL",
    ),
    # A medicine is health data when its use is named.
    (
        "HEALTH",
        "Il farmaco antiepilettico è pronto alla farmacia ospedaliera",
        "Consegna dei farmaci a domicilio: il servizio è attivo",
    ),
    # Terms the lexicon lacked.
    (
        "RELIGION",
        "Riposo per Kippur: la giornata di permesso è riconosciuta",
        "Una soluzione poco ortodossa per il traffico",
    ),
    (
        "SEX_LIFE",
        "Anagrafe: il tuo stato civile risulta ora unito civilmente",
        "Anagrafe: nuovi orari dello stato civile",
    ),
    (
        "SEX_LIFE",
        "Verhütungsberatung: Ihr Termin ist bestätigt",
        "Verhütung von Unfällen im Haushalt: Informationsabend",
    ),
    ("SEX_LIFE", "Your legal gender change has been recorded", "Gender pay gap: the council's report"),
    ("TRADE_UNION", "Mitgliedsbeitrag SGBCISL: Einbehalt ab Jänner", "Sozialpartner: Treffen im Rathaus"),
    (
        "POLITICAL",
        "Ihre Unterstützungsunterschrift für die Kandidatenliste wurde beglaubigt",
        "Wahlvorschläge: Abgabe bis 3. Mai",
    ),
    ("SEX_LIFE", "Your referral to the sexual health clinic", "Sexual health clinic: new opening hours"),
    ("HEALTH", "Intervento di cataratta: sei in lista d'attesa", "Cataratta: convegno per la cittadinanza"),
    (
        "HEALTH",
        "Contraception counselling at the family clinic: your slot is on Monday",
        "Family clinic: new opening hours",
    ),
]


@pytest.mark.parametrize("kind, personal, topic", ROUND6_PAIRS, ids=[p[1][:30] for p in ROUND6_PAIRS])
def test_round6_about_the_recipient_not_the_topic(kind, personal, topic):
    assert kind in kinds(personal)
    assert not kinds(topic) - {"PERSON"}


@pytest.mark.parametrize(
    "text, at, expected",
    [
        ("Oncologia: il dott. Rossi va in pensione", 0, "Oncologia: il dott. Rossi va in pensione"),
        ("Sig.ra Neri: la visita è confermata. Grazie", 0, "Sig.ra Neri: la visita è confermata."),
        ("Ihr Termin am 3. März in der Onkologie. Danke", 30, "Ihr Termin am 3. März in der Onkologie."),
        ("Pratica n. 12 chiusa. Rossi M. ti chiamerà", 30, " Rossi M. ti chiamerà"),
        ("Scrivi a www.asl.it per la visita. Poi", 20, "Scrivi a www.asl.it per la visita."),
        ("Entro il 2025. Il tuo turno", 20, " Il tuo turno"),
    ],
)
def test_a_sentence_does_not_end_at_an_abbreviation(text, at, expected):
    from iolint.pii.reader import sentence

    start, end = sentence(text, at)
    assert text[start:end] == expected


def test_a_candidacy_in_a_union_election_is_no_political_choice():
    assert kinds("Elezione RSU: sei candidato nella lista FLC CGIL") == {"TRADE_UNION"}
    assert kinds("Sei candidato nella lista Civica Insieme per le comunali") == {"POLITICAL"}


# Round 6, our own checks of each kind in the three languages after the batch's classes.
ROUND6_GAP_PAIRS = [
    ("RELIGION", "Day off for Eid granted as requested", "Religione e società: ciclo di conferenze in università"),
    (
        "RELIGION",
        "Austritt aus der Kirche: Bestätigung ausgestellt",
        "Insegnamento della religione cattolica: comunicazione alle famiglie",
    ),
    ("RELIGION", "Menù kosher per tua figlia attivato", "Halal, kosher e vegetariano: il nuovo menù della mensa"),
    (
        "TRADE_UNION",
        "Sei stato eletto nella RSU: prima riunione lunedì",
        "Sindacato degli inquilini: sportello per gli sfratti",
    ),
    (
        "POLITICAL",
        "La tua candidatura a sindaco è stata depositata",
        "Candidati sindaco: faccia a faccia in diretta streaming",
    ),
    ("POLITICAL", "You are now a member of the Labour Party", "Labour Party conference: road closures"),
    ("HEALTH", "Assegno di accompagnamento: domanda accolta", "Alzheimer Café: incontro mensile per familiari"),
    ("HEALTH", "Ihr Termin beim Psychiater ist am Montag", "Welt-Alzheimer-Tag: Vortrag im Bürgersaal"),
    (
        "HEALTH",
        "Contrassegno di parcheggio per disabili rinnovato",
        "Gruppo di cammino per diabetici: partenza dal parco",
    ),
    ("HEALTH", "Your Blue Badge application has been approved", "Dementia-friendly cinema screening at the town hall"),
    ("HEALTH", "Your carer's allowance claim has been accepted", "Cancer Research charity run this Sunday"),
    ("HEALTH", "Ihr Befund aus der Pathologie liegt vor", "Tag der offenen Tür im Krankenhaus Meran"),
    ("SEX_LIFE", "Ihre Verpartnerung ist für den 3. Mai eingetragen", "LGBTQ+ youth group: open evening on Friday"),
]


@pytest.mark.parametrize("kind, personal, topic", ROUND6_GAP_PAIRS, ids=[p[1][:30] for p in ROUND6_GAP_PAIRS])
def test_round6_gaps_about_the_recipient_not_the_topic(kind, personal, topic):
    assert kind in kinds(personal)
    assert not kinds(topic) - {"PERSON"}


def test_a_salutation_to_everyone_does_not_make_a_notice_personal():
    """ "Gentile cittadino, ti informiamo che…" opens every message: the notice after it stays a
    topic; the reader's own appointment is still theirs."""
    assert not kinds("Gentile cittadino, ti informiamo che il Centro di salute mentale si trasferisce")
    assert not kinds("Sehr geehrte Bürgerinnen und Bürger, die Onkologie zieht um")
    assert "HEALTH" in kinds("Gentile utente, la tua visita cardiologica è confermata")
    assert "TRADE_UNION" in kinds("Ti informiamo che la trattenuta sindacale partirà ad aprile")


def test_a_body_notice_after_a_salutation_is_no_finding():
    from iolint import lint

    body = (
        "Gentile cittadino, ti informiamo che il Centro di salute mentale di via Roma si trasferisce. "
        "Il dott. Rossi va in pensione dal 1° marzo. Il patronato INCA CGIL sarà presente con uno sportello. "
        "La tua firma per la petizione sul parco è stata registrata."
    )
    payload = {"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": "Comunicazione", "markdown": body}}
    found = [f.message for f in lint(payload).findings if f.code == "IO503"]
    assert len(found) == 1, found
    assert kinds(body) - {"PERSON"} == {"POLITICAL"}  # "dott. Rossi" is a name (IO501 on titles)


# Round 6, traps of our own for general notices after the batch: guides, figures, donations,
# self-help groups, trainings, a list's deadline, an office that moves, new staff, and a plural
# group opening the sentence.
ROUND6_NOTICE_PAIRS = [
    ("HEALTH", "Esenzione ticket per patologia rinnovata", "Esenzione ticket per patologia: cosa cambia dal 2026"),
    ("HEALTH", "Invalidità civile: la tua percentuale è del 75%", "Invalidità civile: tempi di attesa ridotti"),
    ("HEALTH", "Infortunio sul lavoro: indennità liquidata", "Infortuni sul lavoro: dati INAIL 2025"),
    (
        "HEALTH",
        "Oncologia pediatrica: il ricovero di tuo figlio è confermato",
        "Oncologia pediatrica: donazione dell'associazione Amici del Cuore",
    ),
    ("HEALTH", "Ihr Kind: Diabetes-Schulung am Montag bestätigt", "Diabetes-Selbsthilfegruppe trifft sich am Montag"),
    ("SEX_LIFE", "Identità di genere: la tua carriera alias è attiva", "Identità di genere: formazione per i docenti"),
    ("POLITICAL", "Lista civica: la tua candidatura è ammessa", "Liste civiche: presentazione entro il 12 aprile"),
    ("HEALTH", "SerD: il tuo colloquio è spostato a lunedì", "SerD: il servizio si sposta in via Milano"),
    (
        "HEALTH",
        "Assistenza domiciliare per la SLA: nuova operatrice da lunedì",
        "Centro antiviolenza: nuove operatrici",
    ),
    (
        "JUDICIAL",
        "Sei detenuto: colloquio con l'educatore fissato",
        "Detenuti al lavoro per il verde pubblico: il progetto",
    ),
    (
        "RELIGION",
        "Ebraico come lingua della tua religione: esonero registrato",
        "Ebrei romani deportati: pietre d'inciampo in via Roma",
    ),
    ("HEALTH", "Pagamento del servizio di trasporto disabili", "Disabili: il nuovo regolamento del trasporto"),
    (
        "POLITICAL",
        "Sei candidato alle comunali: conferma ricevuta",
        "I candidati alle comunali incontrano le associazioni",
    ),
]


@pytest.mark.parametrize("kind, personal, topic", ROUND6_NOTICE_PAIRS, ids=[p[1][:30] for p in ROUND6_NOTICE_PAIRS])
def test_round6_notices_about_the_recipient_not_the_topic(kind, personal, topic):
    assert kind in kinds(personal)
    assert not kinds(topic) - {"PERSON"}


# Round 6, recall of our own in the three languages: parties by name after an act of joining
# or paying, a council member's office, a list's signatories, a formal acceptance of a candidacy,
# health stated as a reason, pork-free food, and terms the lexicon lacked.
ROUND6_RECALL_PAIRS = [
    ("POLITICAL", "La tua adesione a Fratelli d'Italia è registrata", "Fratelli d'Italia: gazebo in piazza sabato"),
    ("POLITICAL", "Iscrizione alla Lega: tessera 2026", "Iscrizione alla Lega Navale: corso di vela"),
    ("POLITICAL", "La tua adesione ad Azione è registrata", "Adesione all'azione di sciopero del 12 marzo"),
    ("POLITICAL", "Versamento al partito tramite 2 per mille: confermato", "Partito il nuovo servizio di trasporto"),
    ("POLITICAL", "Dimissioni da consigliere comunale protocollate", "Il consigliere comunale incontra i residenti"),
    (
        "POLITICAL",
        "Indennità di funzione come assessore: liquidazione di marzo",
        "Indennità di frequenza: domande entro il 30",
    ),
    (
        "POLITICAL",
        "Sei tra i sottoscrittori della lista Uniti per Trento: firma autenticata",
        "Raccolta firme: servono 500 sottoscrittori per presentare una lista",
    ),
    (
        "POLITICAL",
        "Dichiarazione di accettazione della candidatura: autenticazione fissata",
        "Accettazione della candidatura per il servizio civile: esito",
    ),
    (
        "POLITICAL",
        "Rendiconto delle spese della tua campagna elettorale: termine",
        "Campagna elettorale: regole per le affissioni",
    ),
    ("RELIGION", "Pasto senza carne di maiale per tuo figlio: richiesta accolta", "Sagra del maiale: programma"),
    ("RELIGION", "Testimone di Geova: dichiarazione registrata", "Testimone nel processo: citazione"),
    ("HEALTH", "Certificato di idoneità: non idoneo per motivi di salute", "Salute e sport: giornata in piazza"),
    (
        "HEALTH",
        "Trattamento sanitario obbligatorio: notifica al sindaco",
        "Trattamento dei dati personali: informativa",
    ),
    ("HEALTH", "Your eye surgery is booked for Tuesday", "GP surgery closed on Friday afternoon"),
    ("HEALTH", "Ihre Zuckerkrankheit: Schulung am Dienstag", "Zuckerfest: Straßensperre am Sonntag"),
    ("SEX_LIFE", "Test per le malattie veneree: esito disponibile", "Venere di Milo: mostra al museo"),
    ("JUDICIAL", "Lavoro di pubblica utilità: inizio presso il Comune", "Lavori pubblici: cantiere in via Roma"),
]


@pytest.mark.parametrize("kind, personal, topic", ROUND6_RECALL_PAIRS, ids=[p[1][:30] for p in ROUND6_RECALL_PAIRS])
def test_round6_recall_about_the_recipient_not_the_topic(kind, personal, topic):
    assert kind in kinds(personal)
    assert not kinds(topic) - {"PERSON"}


# Round 6: invitations, questions, guides and surveys addressed to everyone.
ROUND6_INVITATION_PAIRS = [
    ("HEALTH", "Ti aspettiamo in Oncologia il 3 marzo alle 9", "Ti aspettiamo al convegno sulla salute mentale"),
    (
        "HEALTH",
        "Il tuo percorso al Centro antifumo inizia lunedì",
        "Vuoi smettere di fumare? Chiama il Centro antifumo",
    ),
    ("HEALTH", "Hai ricevuto il referto oncologico?", "Sai che puoi chiedere il bonus psicologo? Ecco come"),
    (
        "HEALTH",
        "La tua domanda di bonus psicologo è accolta",
        "Partecipa al sondaggio sulla salute mentale dei giovani",
    ),
    (
        "HEALTH",
        "Tuo figlio con disabilità: trasporto scolastico attivato",
        "Iscrivi tuo figlio al corso di nuoto per bambini con disabilità",
    ),
    ("HEALTH", "Legge 104: i tuoi permessi sono autorizzati", "Conosci i tuoi diritti: guida alla legge 104"),
    ("HEALTH", "Your mental health assessment is booked", "Your guide to mental health services in the city"),
    ("HEALTH", "Ihr Diabetes-Termin am Samstag", "Ihr Gesundheitssprengel informiert: Diabetes-Tag am Samstag"),
]


@pytest.mark.parametrize(
    "kind, personal, topic", ROUND6_INVITATION_PAIRS, ids=[p[1][:30] for p in ROUND6_INVITATION_PAIRS]
)
def test_round6_invitations_about_the_recipient_not_the_topic(kind, personal, topic):
    assert kind in kinds(personal)
    assert not kinds(topic) - {"PERSON"}


# Round 6: guides and answers, a lecture, a course in the parish, figures, a protocol signed,
# parties as a group, certification and German compounds of a religion.
ROUND6_GUIDE_PAIRS = [
    ("SEX_LIFE", "Pillola del giorno dopo: la tua ricetta è pronta", "Pillola del giorno dopo: dove trovarla in città"),
    (
        "SEX_LIFE",
        "Affermazione di genere: la tua istanza è accolta",
        "Affermazione di genere: le linee guida dell'università",
    ),
    (
        "SEX_LIFE",
        "Contraccezione: il tuo appuntamento è fissato",
        "Contraccezione: il consultorio risponde alle domande",
    ),
    (
        "SEX_LIFE",
        "Coppie dello stesso sesso: la tua iscrizione è registrata",
        "Coppie dello stesso sesso: il registro è aperto",
    ),
    ("RELIGION", "Ebraismo: esonero di tua figlia dalle lezioni del sabato", "Ebraismo e cultura: lezione aperta"),
    ("RELIGION", "Your halal meals request is approved", "Halal certification for local businesses: webinar"),
    ("RELIGION", "Koscheres Essen für Ihr Kind bestätigt", "Kosher-Restaurant eröffnet in Meran"),
    ("RELIGION", "Ora di religione: la tua scelta è registrata", "Ora di religione: i dati delle scelte nelle scuole"),
    ("RELIGION", "Cresima di tuo figlio: certificato pronto", "Cresima degli adulti: corso in parrocchia"),
    (
        "TRADE_UNION",
        "Iscrizione al sindacato: la tua delega è attiva",
        "Sindacati e Comune firmano il protocollo sulla sicurezza",
    ),
    ("TRADE_UNION", "Iscrizione al sindacato registrata", "Iscrizione al sindacato: cosa prevede il contratto"),
    ("POLITICAL", "Partito politico: la tua tessera è rinnovata", "Partiti politici: contributi pubblici 2025"),
]


@pytest.mark.parametrize("kind, personal, topic", ROUND6_GUIDE_PAIRS, ids=[p[1][:30] for p in ROUND6_GUIDE_PAIRS])
def test_round6_guides_about_the_recipient_not_the_topic(kind, personal, topic):
    assert kind in kinds(personal)
    assert not kinds(topic) - {"PERSON"}


# Round 6: health-service news of our own (services active for all, lists published, open
# access, a regional plan, an award, a donation, new equipment).
ROUND6_SERVICE_PAIRS = [
    (
        "HEALTH",
        "Psicologo di base: il tuo primo colloquio è fissato",
        "Psicologo di base: il servizio è attivo in tutti i distretti",
    ),
    ("HEALTH", "Chirurgia: il tuo intervento è in lista d'attesa", "Chirurgia: lista d'attesa pubblicata"),
    ("HEALTH", "Oculistica: visita fissata per il 3 marzo", "Oculistica: visite senza prenotazione il sabato"),
    (
        "HEALTH",
        "Dermatologia: il tuo controllo dei nei è spostato",
        "Dermatologia: mappatura dei nei ad accesso libero",
    ),
    (
        "HEALTH",
        "Consultorio familiare: il tuo appuntamento è confermato",
        "Consultorio familiare: attivo il servizio per adolescenti",
    ),
    ("HEALTH", "Salute mentale: il tuo piano di cura è aggiornato", "Salute mentale: il piano regionale 2026-2028"),
    ("HEALTH", "Oncologia: la tua TAC è fissata per lunedì", "Oncologia: una nuova TAC donata dalla fondazione"),
    ("HEALTH", "Cardiologia: il tuo holter è pronto per il ritiro", "Cardiologia: premiata l'équipe dell'ospedale"),
    ("HEALTH", "Esito dell'esame istologico pubblicato nel fascicolo", "Cure palliative: il numero verde è attivo"),
]


@pytest.mark.parametrize("kind, personal, topic", ROUND6_SERVICE_PAIRS, ids=[p[1][:30] for p in ROUND6_SERVICE_PAIRS])
def test_round6_services_about_the_recipient_not_the_topic(kind, personal, topic):
    assert kind in kinds(personal)
    assert not kinds(topic) - {"PERSON"}
