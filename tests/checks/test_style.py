"""Style rules IO801..IO809, with real Italian sentences to keep false positives out."""

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.checking import hits

SUBJECT = "Il tuo appuntamento è confermato"
PAYMENT = {"amount": 12350, "notice_number": "302123456789012356"}


def run(code: str, subject: str = SUBJECT, markdown: str = "Testo del messaggio.", **extra) -> list:
    msg = {"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": subject, "markdown": markdown, **extra}}
    return hits(code, msg)


# -- formal address ----------------------------------------------------------------------------

ORDINARY = [
    "Le iscrizioni all'asilo nido sono aperte fino al 31 gennaio.",
    "La tua carta d'identità scade il 12 gennaio. Le fototessere devono essere recenti.",
    "Tua figlia Giulia è stata ammessa: lei e le sue compagne inizieranno a settembre.",
    "Abbiamo ricevuto la domanda di Maria: la sua richiesta è stata accolta.",
    "Lo sportello di La Spezia è chiuso; quello di La Maddalena è aperto.",
    "Porta con te: Le ricevute dei pagamenti e un documento.",
    "1. Le domande si presentano online.\n2. Le graduatorie escono a marzo.",
    "- Le scadenze della TARI\n- **Le agevolazioni** per le famiglie",
    "Ti ricordiamo le scadenze della TARI e le modalità di pagamento.",
    "Le informazioni sono sul sito del Comune.",
    "Sua sorella può ritirare il documento con una delega.",
    "Lei, tua figlia, può iniziare a settembre.",
    "Il personale dello sportello sarà gentile e disponibile.",
    "Puoi chiamarla o scriverle: la invitiamo noi a scegliere l'orario.",
    "Il festival Le Notti Bianche si terrà in piazza.",
    "> Le nuove tariffe valgono dal 1° gennaio.",
    "## Le novità del servizio",
    '"Le regole sono cambiate", spiega l\'assessore.',
    "Scopri [Le novità](https://www.comune.esempio.it/novita) del servizio.",
    "Per informazioni leggi Le domande frequenti sul sito.",
    "Nella galleria trovi Le foto della festa e Le auto d'epoca.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_sentences_are_not_formal(text):
    assert run("IO801", markdown=text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Gentile utente, Le ricordiamo che la carta scade.", ["Gentile utente", "Le ricordiamo"]),
        ("La preghiamo di presentarsi allo sportello.", ["La preghiamo"]),
        ("Abbiamo confermato il Suo appuntamento.", ["Suo"]),
        ("Il documento a Lei intestato è pronto.", ["Lei"]),
        ("Egregio signore, la pratica è chiusa.", ["Egregio"]),
        ("Siamo lieti di comunicarLe che la domanda è accolta.", ["comunicarLe"]),
        ("Spett.le contribuente, ecco l'avviso.", ["Spett.le"]),
        ("Per ricordarLe la scadenza, Le inviamo questo messaggio.", ["ricordarLe", "Le"]),
        ("Abbiamo ricevuto le Sue richieste.", ["Sue"]),
        ("Gentile cittadina, la informiamo che la domanda è accolta.", ["Gentile cittadina"]),
        ("Gentile Mario Rossi, la carta d'identità è pronta.", ["Gentile"]),
        ("Gentilissima Sig.ra Bianchi, la pratica è chiusa.", ["Gentilissima"]),
        ("Le è stato inviato un avviso di pagamento.", ["Le"]),
        ("Con questo messaggio Le ricordo la scadenza.", ["Le"]),
    ],
)
def test_formal_forms(text, words):
    hits = run("IO801", markdown=text)
    assert [h.value for h in hits] == words
    assert all(text[h.offset :].startswith(h.value) for h in hits)


@pytest.mark.parametrize("subject", ["Le candidature sono aperte", "[Le novità] del servizio mensa"])
def test_the_article_le_in_a_title_is_not_formal(subject):
    assert run("IO801", subject=subject) == []


def test_formal_title():
    (hit,) = run("IO801", subject="Rinnovo della Sua carta d'identità")
    assert hit.field == "content.subject" and hit.offset == 14


# -- all caps ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "subject", ["AVVISO DI PAGAMENTO TARI", "RINNOVO CIE", "NUOVO AVVISO INAIL", "PAGAMENTO MENSA 2030/2031"]
)
def test_all_caps_titles(subject):
    assert len(run("IO802", subject=subject)) == 1


@pytest.mark.parametrize(
    "subject",
    [
        "Rinnovo CIE e SPID",
        "TARI 2030: IMU e TASI",
        "Nuovo avviso INAIL",
        "AVVISO di pagamento della mensa",
        "ISEE INPS",
    ],
)
def test_titles_with_acronyms_are_fine(subject):
    assert run("IO802", subject=subject) == []


# -- ente name ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "subject",
    [
        "Comune di Milano",
        "Comune di Reggio nell'Emilia",
        "Comune di Cassano d'Adda - Avviso",
        "Città metropolitana di Roma Capitale",
        "Regione Emilia-Romagna: comunicazione",
        "Agenzia delle Entrate",
        "COMUNE DI MILANO",
        "Comune di Sesto San Giovanni | Informazioni",
    ],
)
def test_ente_name_titles(subject):
    assert len(run("IO803", subject=subject)) == 1


@pytest.mark.parametrize(
    "subject",
    [
        "Comune di Milano: il tuo avviso TARI 2030",
        "Comune di Milano ti ricorda la scadenza della TARI",
        "Città più pulita: la raccolta differenziata cambia",
        "Regione, nuovi bandi per lo sport",
        "Il Comune di Milano ha accolto la tua richiesta",
        "Iscrizioni aperte all'asilo nido",
    ],
)
def test_informative_titles(subject):
    assert run("IO803", subject=subject) == []


# -- vague title -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "subject", ["Comunicazione", "AVVISO!", "Esito della richiesta.", "Nuovo messaggio", " Promemoria "]
)
def test_vague_titles(subject):
    assert len(run("IO804", subject=subject)) == 1


@pytest.mark.parametrize(
    "subject", ["Avviso di pagamento TARI", "Esito della richiesta di residenza", "Comunicazione sugli orari"]
)
def test_specific_titles(subject):
    assert run("IO804", subject=subject) == []


# -- payment bodies ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount", ["123,50 €", "€ 45", "€45,00", "12 euro", "EUR 12,50", "1.234,56 €", "123.50 €", "10 Euro"]
)
def test_amounts(amount):
    body = f"Hai un avviso per la TARI 2030: devi pagare {amount} entro il 31/07/2030."
    assert run("IO805", markdown=body, payment_data=PAYMENT) == []


@pytest.mark.parametrize(
    "date", ["31/07/2030", "31.07.2030", "31-07-30", "2030-07-31", "31 luglio", "1° agosto 2030", "31 Luglio 2030"]
)
def test_dates(date):
    body = f"Hai un avviso per la TARI 2030: devi pagare 123,50 € entro il {date}."
    assert run("IO806", markdown=body, payment_data=PAYMENT) == []


def test_payment_body_without_amount_or_date():
    body = "Hai un avviso per la TARI 2030. Trovi l'importo nell'avviso: paga entro la scadenza, in €."
    assert len(run("IO805", markdown=body, payment_data=PAYMENT)) == 1
    assert len(run("IO806", markdown=body, payment_data=PAYMENT)) == 1
    assert run("IO805", markdown=body) == [] and run("IO806", markdown=body) == []  # not a payment


def test_front_matter_does_not_count_as_body():
    body = '---\nit:\n  cta_1:\n    text: "Paga 12 € entro il 31/07/2030"\n    action: "ioit://X"\n---\nHai un avviso da pagare.'
    assert len(run("IO805", markdown=body, payment_data=PAYMENT)) == 1
    assert len(run("IO806", markdown=body, payment_data=PAYMENT)) == 1


# -- pagoPA ------------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["PagoPA", "PAGOPA", "Pago PA", "pago PA", "Pagopa", "pago-pa", "pagopa"])
def test_misspelled_pagopa(word):
    text = f"Puoi pagare in app o su tutti i canali {word}, anche in banca."
    (hit,) = run("IO807", markdown=text)
    assert hit.value == word and text[hit.offset :].startswith(word)


@pytest.mark.parametrize(
    "text",
    [
        "Puoi pagare su tutti i canali pagoPA.",
        "L'app IO è gestita da PagoPA S.p.A., società pubblica.",
        "Gestita da PagoPA SpA e PagoPA S.p.A",
        "Trovi i canali su www.pagopa.gov.it o https://checkout.pagopa.it/ e scrivi a info@pagopa.it.",
        "Segui @pagopa sui social.",
    ],
)
def test_correct_pagopa(text):
    assert run("IO807", markdown=text) == []


def test_pagopa_in_title():
    (hit,) = run("IO807", subject="Paga la TARI con PagoPA")
    assert hit.field == "content.subject" and hit.offset == 17


# -- invisible characters ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "markdown", "field", "offset", "says"),
    [
        ("Il tuo appuntamento\u200b è confermato", "Testo.", "content.subject", 19, "U+200B ZERO WIDTH SPACE"),
        (SUBJECT, "Paga \u202e05,321\u202c €.", "content.markdown", 5, "changes the order"),
        (SUBJECT, "Testo\x07 del messaggio.", "content.markdown", 5, "U+0007, a control character"),
        (SUBJECT, "\ufeffTesto del messaggio.", "content.markdown", 0, "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        (SUBJECT, "Testo \ud800 rotto.", "content.markdown", 6, "U+D800, half of a character"),
    ],
)
def test_invisible_characters_are_named_where_they_are(subject, markdown, field, offset, says):
    (hit,) = run("IO808", subject, markdown)
    assert (hit.field, hit.offset) == (field, offset)
    assert says in hit.message


def test_many_invisible_characters_are_one_finding_per_field():
    (hit,) = run("IO808", markdown="Testo\u200b del\u200b messaggio\u2060.")
    assert hit.offset == 5 and hit.message.startswith("3 invisible characters (U+200B ZERO WIDTH SPACE, U+2060 WORD")


@pytest.mark.parametrize(
    "markdown",
    [
        "Riga uno\nriga due\r\n\tcon un tab",
        "La famiglia 👨\u200d👩\u200d👧 e la bandiera 🏳️\u200d🌈",  # joiners in emoji sequences
        "Donaudampf\u00adschifffahrt, 12\u00a0gennaio",  # a soft hyphen, a non-breaking space
        "من\u200cگویم",  # a zero-width non-joiner in Persian
    ],
)
def test_what_belongs_in_a_text_is_not_reported(markdown):
    assert run("IO808", markdown=markdown) == []


# -- line breaks in the title ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "offset"),
    [
        ("Il tuo appuntamento\nè confermato", 19),
        ("Il tuo appuntamento è confermato\n", 32),  # a payload in YAML: `subject: |` keeps the last break
        ("Il tuo appuntamento\r\nè confermato", 19),
        ("Il tuo appuntamento\u2028è confermato", 19),
    ],
)
def test_a_line_break_in_the_title_is_reported_where_it_is(subject, offset):
    (hit,) = run("IO809", subject)
    assert (hit.field, hit.offset) == ("content.subject", offset)
    assert "line break" in hit.message


@pytest.mark.parametrize("subject", [SUBJECT, "Il tuo appuntamento\tè confermato", "Riga\x0bdue del titolo"])
def test_a_title_on_one_line_is_not_reported(subject):
    # a vertical tab is IO808's (an invisible control character), not a line the app breaks
    assert run("IO809", subject) == []


def test_a_template_title_over_two_lines_is_reported(tmp_path):
    from tests.templates.test_templates import lint

    body = "Il tuo appuntamento allo sportello anagrafe è confermato. Ricordati di portare un documento valido."
    template = f"subject: |\n  Il tuo appuntamento\n  è confermato\nmarkdown: {body}\n"
    (found,) = lint(tmp_path, template, select=["IO809"])
    assert (found.code, found.line, found.field) == ("IO809", 2, "content.subject")  # where the break is
    # rendering drops a title's last line break (Jinja's default), as iolint's renderer sends it
    assert lint(tmp_path, template.replace("appuntamento\n  è", "appuntamento è"), select=["IO809"]) == []


# -- adversarial input (every regex on its own: tests/test_regex_safety.py) ----------------------


def test_checks_on_a_100_kb_body():
    text = ("Gentile utente, La informiamo che il Suo avviso PagoPA è pronto. " * 1600)[:100_000]
    start = time.perf_counter()
    for code in ("IO801", "IO805", "IO806", "IO807"):
        run(code, markdown=text, payment_data=PAYMENT)
    assert time.perf_counter() - start < 5


_DATE_BITS = ["1", "12", "2026", "/", ".", "-", "°", " ", "  ", "gennaio", "Dicembre", "x", "٣", "\n"]


@given(st.lists(st.sampled_from(_DATE_BITS), max_size=16).map("".join))
def test_a_date_is_searched_as_it_was_tried_at_each_run_of_digits(text):
    from iolint.checks.style import _DATE, _states_date

    tried = any(_DATE.match(text, m.start()) for m in re.finditer(r"\d+", text))
    assert _states_date(text) == tried


_PAGOPA_BITS = ["pago", "PAGO", "Pago", "pa", "PA", "Pa", " ", "\t", "-", "x", ".", "@", "İ", "ſ", "K", "è"]


@given(st.lists(st.sampled_from(_PAGOPA_BITS), max_size=16).map("".join))
def test_pagopa_is_found_where_a_search_finds_it(text):
    from iolint.checks.style import _PAGOPA, _pagopas

    assert [m.span() for m in _pagopas(text, text.lower())] == [m.span() for m in _PAGOPA.finditer(text)]
