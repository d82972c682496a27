"""Each detector fires on personal data and stays quiet on look-alikes (checksum failures
included), through the pure-Python finders and through ``detect``."""

from __future__ import annotations

import pytest

from iolint.pii import configure, detect
from iolint.pii.finders import FINDERS, find_all

FIRES = [
    ("IT_FISCAL_CODE", "Avviso per RSSMRA85T10H501O", "RSSMRA85T10H501O"),
    ("IT_FISCAL_CODE", "codice fiscale rssmra85t10h501o", "rssmra85t10h501o"),
    ("IT_FISCAL_CODE", "Omocodia: RMNDVD75H19D96VB", "RMNDVD75H19D96VB"),
    ("IT_FISCAL_CODE", "Avviso per RSS MRA 85T10 H501O", "RSS MRA 85T10 H501O"),
    ("IT_FISCAL_CODE", "CF rss-mra-85-t-10-h501-o", "rss-mra-85-t-10-h501-o"),
    # A Turkish dotted capital I and a dotless i (a Turkish keyboard) read as I: no KeyError in stdnum.
    ("IT_FISCAL_CODE", "Codice fiscale BNCGLİ85T10A562W", "BNCGLİ85T10A562W"),
    ("IT_FISCAL_CODE", "Codice fiscale bncglı85t10a562w", "bncglı85t10a562w"),
    ("IT_VAT_CODE", "P.IVA 07348520011", "07348520011"),
    ("IT_VAT_CODE", "VAT IT00987650017", "IT00987650017"),
    ("IT_VAT_CODE", "P. IVA 177\u00a021070583: fattura scartata", "177\u00a021070583"),  # in groups after a cue
    ("IT_VAT_CODE", "P.IVA 073 485 200 11", "073 485 200 11"),
    ("IBAN_CODE", "IBAN IT60X0542811101000000123456", "IT60X0542811101000000123456"),
    ("IBAN_CODE", "IBAN IT60 X054 2811 1010 0000 0123 456 per il rimborso", "IT60 X054 2811 1010 0000 0123 456"),
    ("IBAN_CODE", "Konto DE89370400440532013000", "DE89370400440532013000"),
    ("EMAIL_ADDRESS", "Scrivi a mario.rossi@example.it", "mario.rossi@example.it"),
    ("EMAIL_ADDRESS", "Le comunicazioni arriveranno a sky.runner88@gmail.com", "sky.runner88@gmail.com"),  # webmail
    ("EMAIL_ADDRESS", "Receipt sent to garden.lover@hotmail.co.uk", "garden.lover@hotmail.co.uk"),  # webmail, .co.uk
    ("PHONE_NUMBER", "Chiama il 333 123 4567", "333 123 4567"),
    ("PHONE_NUMBER", "Tel. +39 06 1234 5678", "+39 06 1234 5678"),
    ("PHONE_NUMBER", "Cell 3331234567", "3331234567"),
    ("PHONE_NUMBER", "Ufficio: 0471 123456", "0471 123456"),
    ("PHONE_NUMBER", "Richiamaci allo 081/5551234", "081/5551234"),
    ("PHONE_NUMBER", "Telefono (081) 5551234", "(081) 5551234"),  # the area code in brackets
    ("PHONE_NUMBER", "Tel: +39 (0)6 4567 8901", "+39 (0)6 4567 8901"),  # the trunk 0 in brackets
    ("PHONE_NUMBER", "Your phone number +44 7911 123456 was updated", "+44 7911 123456"),  # a number abroad
    ("PHONE_NUMBER", "Handy: +43 664 1234567", "+43 664 1234567"),
    ("PHONE_NUMBER", "Tel. 0049 89 1234567", "0049 89 1234567"),
    ("EMAIL_ADDRESS", "Scrivi a mario.rossi[at]gmail.com", "mario.rossi[at]gmail.com"),
    ("EMAIL_ADDRESS", "mario.rossi (at) gmail [dot] com ti ha scritto", "mario.rossi (at) gmail [dot] com"),
    ("PERSON", "Gentile Mario Rossi, ecco l'avviso", "Mario Rossi"),
    ("PERSON", "Sig.ra Bianchi: appuntamento", "Bianchi"),
    ("PERSON", "Dott. Esposito ti ha scritto", "Esposito"),
    ("PERSON", "Ciao Rosa, il pagamento è registrato", "Rosa"),
    ("PERSON", "Intestato a Luca Esposito", "Luca Esposito"),
    ("PERSON", "MARIO ROSSI - AVVISO", "MARIO ROSSI"),
    ("PERSON", "Rimborso per Paolo De Luca", "Paolo De Luca"),
    ("PERSON", "Pratica di Giuseppe Verdi", "Giuseppe Verdi"),
    ("IT_ADDRESS", "Ritiro in Via Roma 12", "Via Roma 12"),
    ("IT_ADDRESS", "Residenza in viale dei Mille, 4/B", "viale dei Mille, 4/B"),
    ("IT_ADDRESS", "Sopralluogo in P.zza Duomo n. 3", "P.zza Duomo n. 3"),
    ("IT_ADDRESS", "Cambio di residenza in Via Verdi 5 confermato", "Via Verdi 5"),
    ("IT_ADDRESS", "Consegna del kit alla tua casa di Via Po 3", "Via Po 3"),
    ("IT_ADDRESS", "Bulky waste pickup at your home, 7 Via Garibaldi", "7 Via Garibaldi"),  # the number first
    ("IT_ADDRESS", "Changement de résidence: 5 rue de la Gare", "5 rue de la Gare"),
    ("IT_ADDRESS", "Your new address, 12 Baker Street, is registered", "12 Baker Street"),
    ("IT_ADDRESS", "Neuer Wohnsitz: Hauptstr. 5, Meran", "Hauptstr. 5"),
    ("IT_ADDRESS", "Wohnsitzwechsel in die Meraner Straße 12", "Meraner Straße 12"),
    ("IT_ADDRESS", "Nuova residenza: via roma 12", "via roma 12"),  # lower case after a home word
    ("IT_ADDRESS", "Neuer Wohnsitz in der Dr.-Rosmini-Gasse 4", "Dr.-Rosmini-Gasse 4"),
    ("IT_ADDRESS", "Neue Anschrift: Am Graben 7, Brixen", "Am Graben 7"),  # no street word, after a home word
    ("IT_ADDRESS", "Ihre neue Adresse: Lauben 22, Meran", "Lauben 22"),
    ("IT_ADDRESS", "Suolo pubblico per il trasloco in Via Dante 3 concesso", "Via Dante 3"),
    ("IT_ADDRESS", "Allaccio fognario per il civico 12 di Via Verdi", "civico 12 di Via Verdi"),
    ("IT_ADDRESS", "Raccolta porta a porta: ritiro in Via Roma 10 il martedì", "Via Roma 10"),
    ("IT_ADDRESS", "Lavori di manutenzione nel tuo condominio di Via Po 3", "Via Po 3"),
    ("DATE_OF_BIRTH", "nato il 12/03/1985", "12/03/1985"),
    ("DATE_OF_BIRTH", "nata a Roma il 3 marzo 1980", "3 marzo 1980"),
    ("DATE_OF_BIRTH", "data di nascita 1985-03-12", "1985-03-12"),
    ("DATE_OF_BIRTH", "Frau Hofer, geb. 12.03.1985", "12.03.1985"),
    ("IT_LICENSE_PLATE", "Veicolo targato AB123CD", "AB123CD"),
    ("IT_LICENSE_PLATE", "Permesso per FG 456 HJ", "FG 456 HJ"),
    ("IT_LICENSE_PLATE", "Rimozione del veicolo EZ-551-RB", "EZ-551-RB"),
    ("IT_LICENSE_PLATE", "Verbale per la targa dk 023 hp", "dk 023 hp"),
    ("IT_LICENSE_PLATE", "Permesso di sosta per fk 112 zr rinnovato", "fk 112 zr"),
    ("IT_IDENTITY_CARD", "CIE CA12345AB in scadenza", "CA12345AB"),
    ("IT_IDENTITY_CARD", "Carta d'identità AB1234567", "AB1234567"),
    ("IT_IDENTITY_CARD", "La CIE CB 98765 DF è pronta", "CB 98765 DF"),
    ("IT_PASSPORT", "Passaporto YA1234567 pronto", "YA1234567"),
    ("IT_PASSPORT", "Furto del passaporto n. YB 2047 381: denuncia", "YB 2047 381"),  # digits in groups
    ("IT_IDENTITY_CARD", "Carta d'identità AU 123 4567 rinnovata", "AU 123 4567"),
    ("IT_PASSPORT", "Ihr Reisepass C01X00T47 ist abholbereit", "C01X00T47"),  # a foreign passport
    ("IT_PASSPORT", "Your passport number 533380006 expires", "533380006"),
    ("IT_DRIVER_LICENSE", "Patente U1A23B456C rinnovata", "U1A23B456C"),
    ("IT_DRIVER_LICENSE", "Duplicato della patente BO 5512345 Y in spedizione", "BO 5512345 Y"),  # in groups
    ("IT_DRIVER_LICENSE", "Patente di guida MI1234567X", "MI1234567X"),
    ("IT_DRIVER_LICENSE", "NA4417290C sospesa per 30 giorni", "NA4417290C"),  # its shape alone
    ("IT_DRIVER_LICENSE", "Patente n. u1a23b456c rinnovata", "u1a23b456c"),  # lower case after a cue
    ("HEALTH", "Il tuo referto oncologico è pronto", "oncologico"),
    ("HEALTH", "Esito della visita oncologica", "visita oncologica"),
    ("HEALTH", "Gravidanze a rischio: controllo", "Gravidanze"),
    ("HEALTH", "Paziente ricoverato", "ricoverato"),
    ("HEALTH", "Pazienti ricoverate", "ricoverate"),
    ("HEALTH", "Rinnovo dell'invalidità", "invalidità"),
    ("JUDICIAL", "Avviso di conclusione delle indagini a tuo carico", "conclusione delle indagini"),
    ("JUDICIAL", "Notifica di procedimento penale", "procedimento penale"),
    ("RELIGION", "Esonero dall'ora di religione", "religione"),
    ("RELIGION", "Permesso per Eid al-Adha concesso", "Eid al-Adha"),
    ("JUDICIAL", "Denuncia per furto a tuo carico trasmessa", "Denuncia per furto a tuo carico"),
    ("JUDICIAL", "Querela per minacce a suo carico", "Querela per minacce a suo carico"),
    ("JUDICIAL", "Permesso premio concesso dal magistrato", "premio"),
    ("JUDICIAL", "Avviso orale del Questore notificato", "Avviso orale"),
    ("JUDICIAL", "Sequestro preventivo del veicolo: convalida", "Sequestro preventivo"),
    ("POLITICAL", "Referendum: la tua firma è stata autenticata", "Referendum"),
    ("SEX_LIFE", "Rettifica del sesso anagrafico registrata", "Rettifica del sesso"),
    ("SEX_LIFE", "Trascrizione del matrimonio tra persone dello stesso sesso", "sesso"),
    ("SEX_LIFE", "Eintragung der eingetragenen Partnerschaft bestätigt", "eingetragenen Partnerschaft"),
    ("SEX_LIFE", "Gender marker change on your ID card: appointment booked", "Gender marker"),
    ("HEALTH", "Your COVID-19 test result is positive", "COVID-19 test"),
    ("HEALTH", "Your request for home care has been approved", "home care"),
    ("HEALTH", "Ihr Antrag auf Invalidenrente wurde genehmigt", "Invalidenrente"),
    ("HEALTH", "Begleitgeld: Antrag genehmigt", "Begleitgeld"),
    ("HEALTH", "INPS: visita medica di controllo fissata per il 3/03", "visita medica di controllo"),
    ("HEALTH", "INPS: pensione di inabilità liquidata", "inabilità"),
    ("HEALTH", "Contrassegno invalidi rinnovato", "Contrassegno invalidi"),
    ("HEALTH", "Esame per l'ipoacusia di tuo figlio", "ipoacusia"),
    ("HEALTH", "Pap test: il tuo esito richiede un approfondimento", "approfondimento"),
    ("HEALTH", "Visita di controllo post-operatoria fissata", "post-operatoria"),
    ("SEX_LIFE", "Inserimento della spirale: appuntamento confermato", "spirale"),
    ("TRADE_UNION", "Trattenuta sindacale di marzo", "sindacale"),
    ("POLITICAL", "Tessera di partito rinnovata", "Tessera di partito"),
    ("SEX_LIFE", "Pubblicazioni per l'unione civile", "unione civile"),
]

QUIET = [
    ("IT_FISCAL_CODE", "Pratica RSSMRA85T10H501X"),  # wrong check character
    ("IT_FISCAL_CODE", "Pratica RSSMRA85T10H501"),  # too short
    ("IT_FISCAL_CODE", "Avviso xİIBAN U1A23B456C per te"),  # the pattern's shape with a dotted I: no crash
    ("IT_VAT_CODE", "P.IVA 07348520012"),  # wrong check digit
    ("IT_VAT_CODE", "Partita IVA 01234567897"),  # Luhn holds, office code 789 does not exist
    ("IT_VAT_CODE", "Fattura 073 48520011 del 12/03/2026"),  # digits in groups without a VAT cue
    ("IT_VAT_CODE", "P.IVA 073 485 200 12"),  # in groups, wrong check digit
    ("IT_DRIVER_LICENSE", "Pratica BO 5512345 Y in spedizione"),  # a licence's shape in groups, no cue
    ("IBAN_CODE", "IBAN IT60X0542811101000000123457"),  # wrong checksum
    ("IBAN_CODE", "IBAN IT61 X054 2811 1010 0000 0123 456"),
    ("EMAIL_ADDRESS", "Scrivi a tributi@comune.bari.it"),  # an office's mailbox
    ("EMAIL_ADDRESS", "Scrivi a ufficio.tecnico@email.comune.it"),  # "email" is no provider here
    ("EMAIL_ADDRESS", "Info at info@yahoo.co.uk"),  # role words at a webmail
    ("IT_PASSPORT", "Passaporto: ritiro il 12 03 2025 in sala 2"),  # a date's digits in groups
    ("IT_VAT_CODE", "Codice dell'ente 01199250158 per il versamento"),  # a public body's code
    ("IT_VAT_CODE", "C.F. del Comune: 01199250158"),
    ("EMAIL_ADDRESS", "Send questions to erasmus.incoming@unipd.it"),  # an office's, whose word is a name
    ("EMAIL_ADDRESS", "Nessuna chiocciola @ qui"),
    ("EMAIL_ADDRESS", "Scrivi a tributi(at)comune.bari.it"),  # an office's, obfuscated
    ("PHONE_NUMBER", "Avviso 302000100000009424"),  # pagoPA notice number
    ("PHONE_NUMBER", "Codice avviso 3020 0010 0000 0094 24"),
    ("PHONE_NUMBER", "Protocollo 2024/0012345"),
    ("PHONE_NUMBER", "Cartella n. 097 2027 00123456 78 000: rateizzazione"),  # "00" inside a longer number
    ("PHONE_NUMBER", "Pratica n. 0049 891234567 chiusa"),  # a reference number
    ("PHONE_NUMBER", "Numero verde dall'estero +44 800 123 4567"),  # toll-free abroad
    ("PHONE_NUMBER", "Importo 3.500,00 euro, anno 2025"),
    ("PHONE_NUMBER", "Numero verde 800 123 456"),  # toll-free: not personal
    ("PHONE_NUMBER", "Protocollo (0123) 456789"),
    ("PHONE_NUMBER", "Pratica n. 0612345678"),
    ("PHONE_NUMBER", "P.IVA 07348520011"),
    ("IT_VAT_CODE", "Avviso 302000100000009424"),
    ("IT_VAT_CODE", "Protocollo 2024/0012345 del 12/03/2025"),
    ("PERSON", "Comune di Santa Maria Capua Vetere"),
    ("PERSON", "Lavori in Piazza Garibaldi"),
    ("PERSON", "Chiusura di Via Giuseppe Verdi"),
    ("PERSON", "Scuola Giovanni Pascoli"),
    ("PERSON", "Ospedale Sandro Pertini"),
    ("PERSON", "Istituto Comprensivo Leonardo da Vinci"),
    ("PERSON", "Rosa dei venti, Marina di Pisa, Sole e mare, Franco e Stella"),
    ("PERSON", "Serena estate con Bianca e Viola"),
    ("PERSON", "Comune di San Giovanni Rotondo"),
    ("PERSON", "Gentile Utente, hai un messaggio"),
    ("PERSON", "Martina Franca: isola ecologica"),  # a comune
    ("IT_ADDRESS", "Lavori in Via Roma"),  # no house number
    ("IT_ADDRESS", "Inviato via PEC 2 volte"),
    ("IT_ADDRESS", "Via Roma 2025: lavori"),  # a year
    ("IT_ADDRESS", "Adresse des Bürgerbüros: Lauben 22"),  # an office's address, no "neue"/"Ihre"
    ("IT_ADDRESS", "Lo sportello di Via Roma 12 è aperto il lunedì"),  # an office's address
    ("IT_ADDRESS", "L'ufficio si trasferisce in Piazza Duomo 3"),
    ("IT_ADDRESS", "Seggio elettorale: la tua sezione è in Via Po 5"),
    ("IT_ADDRESS", "Bürgerbüro: neue Adresse Bahnhofstraße 12"),
    ("IT_ADDRESS", "Veicolo rimosso: ritiro al deposito comunale di Via Appia 40"),
    ("IT_ADDRESS", "2025 Via Roma: un anno di lavori"),  # a year before the street
    ("IT_ADDRESS", "Residenza: modulo inviato via pec 2 volte"),  # "via" before a channel
    ("IT_ADDRESS", "Lavori in via roma 12"),  # lower case without a home word
    ("IT_ADDRESS", "Die Straße 5 Jahre gesperrt"),
    ("IT_ADDRESS", "Casa della Comunità di Via Manzoni 5: nuovo ambulatorio"),  # a facility, not a home
    ("IT_ADDRESS", "Mercatino dell'usato in Piazza Roma 1 domenica"),
    ("IT_ADDRESS", "Jugendzentrum in der Peter-Mayr-Straße 5 eröffnet"),
    ("IT_ADDRESS", "Wohnung Nr. 5 zugewiesen"),
    ("IT_ADDRESS", "Autovelox in Via Emilia 120: nuova postazione"),  # a road notice
    ("IT_ADDRESS", "Lampione spento davanti al civico 8 di Via Manin: intervento fissato"),
    ("IT_ADDRESS", "Il Patronato di Via Roma 3 ti aiuta con la domanda"),
    ("IT_ADDRESS", "Guardia medica di Via Ospedale 2: turni festivi"),
    ("IT_ADDRESS", "Hotel di Via Roma 5: il tuo soggiorno per la gita"),
    ("IT_DRIVER_LICENSE", "Protocollo PG0045123X del 12/03"),  # a reference number of that shape
    ("IT_LICENSE_PLATE", "Codice impianto AB123CD"),
    ("PHONE_NUMBER", "Codice prenotazione 333 123 4567"),
    ("PHONE_NUMBER", "Rata n. 3 di 06/2026"),  # a month and a year
    ("IT_ADDRESS", "Casa di cura di Via Roma 8: orari delle visite"),
    ("IT_ADDRESS", "Jahresversammlung im Kulturhaus, Peter-Mayr-Platz 2"),
    ("PHONE_NUMBER", "Pratica edilizia SCIA n. 03312345678: integrazioni"),
    ("HEALTH", "Posti auto riservati ai disabili: nuovi stalli"),
    ("JUDICIAL", "Spese di notifica a tuo carico: 8,75 euro"),
    ("DATE_OF_BIRTH", "Applications open for children born from 1 March 2025"),  # a range
    ("PHONE_NUMBER", "Pratica SUE n. 04512370982: integrazione richiesta"),  # a reference number
    ("TRADE_UNION", "Manifestazione sindacale: modifiche alla viabilità"),
    ("HEALTH", "Docenti di sostegno: graduatorie pubblicate"),
    ("HEALTH", "Cardiology ward moves to the new building"),
    ("HEALTH", "Neue Sprechstunden der Kardiologie ab Februar"),
    ("HEALTH", "Dott. Khan, cardiologo, sostituisce il dott. Neri"),  # the doctor's specialty
    ("HEALTH", "Concorso per 4 tecnici di radioterapia"),  # a job call
    ("HEALTH", "Dialisi: guida ai servizi dell'ospedale"),
    ("HEALTH", "Laboratori estivi per ragazzi con disabilità: iscrizioni"),
    ("HEALTH", "Assegno di invalidità: le nuove soglie di reddito"),
    ("HEALTH", "Klinikum Meran: Besuchszeiten in der Kardiologie"),
    ("HEALTH", "Information session on psychotherapy for exchange students"),
    ("SEX_LIFE", "Unioni civili nel 2025: le statistiche dell'anagrafe"),
    ("RELIGION", "Attività alternativa all'ora di religione: modulo entro il 31/01"),  # a form for all
    ("RELIGION", "Religione cattolica: scelta per l'anno scolastico 2027/28 entro il 31 gennaio"),
    ("TRADE_UNION", "Sindacati e Comune: firmato l'accordo sul contratto decentrato"),
    ("SEX_LIFE", "Unioni civili: l'ufficio celebra anche il sabato"),
    ("DATE_OF_BIRTH", "Paga entro il 31/12/2025"),
    ("DATE_OF_BIRTH", "Bonus per i nati dal 01/01/2025"),
    ("DATE_OF_BIRTH", "Data di nascita: 32/13/1985"),
    ("IT_LICENSE_PLATE", "Avviso AB12CD3"),
    ("IT_LICENSE_PLATE", "Chi ha la 104 ha diritto ai permessi"),  # lower case needs a cue
    ("PHONE_NUMBER", "Scadenza il 01/02/2025"),
    ("PHONE_NUMBER", "Protocollo 0123/2025"),
    ("IT_IDENTITY_CARD", "Scadenza Carta d'Identità"),
    ("IT_PASSPORT", "Codice YA1234567"),  # two letters and seven digits, no document named
    ("IT_PASSPORT", "Passaporto: 20250312 prenotazione"),  # eight digits: a date
    ("IT_DRIVER_LICENSE", "Rinnovo della patente di guida"),
    ("IT_DRIVER_LICENSE", "Pratica na4417290c"),  # lower case, no cue
    ("HEALTH", "Prenota la tua visita guidata al museo"),
    ("HEALTH", "Esito esame di guida"),
    ("HEALTH", "Il tuo appuntamento"),
    ("HEALTH", "Centro vaccinale: nuovi orari"),
    ("HEALTH", "Vaccinazione antirabbica del cane"),
    ("HEALTH", "Ticket per l'accesso al Pronto Soccorso del 4 marzo"),  # no condition or result
    ("HEALTH", "ADI: il colloquio al Centro per l'impiego è fissato"),  # INPS's Assegno di Inclusione
    ("JUDICIAL", "Multa per violazione al Codice della Strada"),
    ("JUDICIAL", "Denuncia TARI"),
    ("JUDICIAL", "Sfratto per finita locazione: udienza di convalida rinviata"),  # a civil matter
    ("RELIGION", "Comune di Cattolica: avviso"),
    ("RELIGION", "La scelta sull'ora di religione si indica nella domanda di iscrizione"),  # impersonal: everyone
    ("SEX_LIFE", "La spirale dei prezzi: il bollettino mensile"),
    ("TRADE_UNION", "Il Sindaco incontra i cittadini"),
    ("TRADE_UNION", "Relazione del collegio sindacale"),
    ("POLITICAL", "Politiche sociali: nuovo sportello"),
    ("POLITICAL", "È partito il nuovo servizio"),
    ("POLITICAL", "Raccolta firme per il referendum"),
    ("SEX_LIFE", "Presidenti e scrutatori di seggio"),
]


@pytest.fixture(autouse=True)
def default_settings():
    configure()
    yield
    configure()


@pytest.mark.parametrize("kind, text, value", FIRES)
def test_fires(kind, text, value):
    assert (kind, value) in {(h.kind, text[h.start : h.end]) for h in find_all(text)}
    # detect() merges overlapping hits of one kind: the value lies inside a detection.
    assert any(d.kind == kind and value in text[d.start : d.end] for d in detect(text))


@pytest.mark.parametrize("kind, text", QUIET)
def test_quiet(kind, text):
    assert kind not in {h.kind for h in find_all(text)}
    assert kind not in {d.kind for d in detect(text)}


def test_every_kind_is_tested():
    kinds = {k for d in FINDERS for k in d.entities}
    assert kinds <= {k for k, _, _ in FIRES}
    assert kinds <= {k for k, _ in QUIET}


def test_detection_fields():
    (d,) = detect("Codice fiscale RSSMRA85T10H501O")
    assert (d.kind, d.label, d.identifier, d.special, d.score) == ("IT_FISCAL_CODE", "codice fiscale", True, False, 1.0)
    (h,) = detect("Il tuo referto oncologico")
    assert (h.kind, h.label, h.special, h.identifier) == ("HEALTH", "health data", True, False)


@pytest.mark.parametrize(
    "name, section",
    [("addresses", "office"), ("addresses", "home"), ("special", "topic"), ("special", "recipient")],
)
def test_a_factored_alternation_matches_as_the_plain_one(name, section):
    import re
    from pathlib import Path

    import yaml

    from iolint.pii.wordlists import alternation, factored_alternation, lines

    plain = re.compile(rf"(?<![^\W\d_])(?:{alternation(name, section)})", re.IGNORECASE)
    factored = re.compile(rf"(?<![^\W\d_])(?:{factored_alternation(name, section)})", re.IGNORECASE)
    assert factored.pattern != plain.pattern
    titles = [t["t"] for t in yaml.safe_load((Path(__file__).parent / "dev_titles.yaml").read_text("utf-8"))]
    for text in titles + [" ".join(lines(name, section))]:
        assert [m.start() for m in plain.finditer(text)] == [m.start() for m in factored.finditer(text)], text
