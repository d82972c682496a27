"""`iolint preview` without a browser: the app's markdown rules, formats, CTA locale rules,
truncation, masking, escaping of hostile input, the API and the command."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import iolint
from iolint.appview import body, ctas, formats, page, push, rewrite
from tests.conftest import ROOT

NOW = datetime(2031, 3, 5, 8, 5, tzinfo=UTC)  # 09:05 in Rome


def render(markdown: str, annotate: bool = False) -> str:
    return body.render(markdown, body.Marks(annotate=annotate))


def text_of(html: str) -> str:
    """The text a browser would show (tags removed, entities decoded)."""

    class Text(HTMLParser):
        def __init__(self):
            super().__init__()
            self.parts = []

        def handle_data(self, data):
            self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return "".join(parser.parts)


def tags_of(html: str) -> list[tuple[str, list]]:
    """Every start tag of a page, with its attributes, as a browser's parser reads them."""

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags = []

        def handle_starttag(self, tag, attrs):
            self.tags.append((tag, attrs))

    parser = Tags()
    parser.feed(html)
    return parser.tags


def payload(subject="Il tuo appuntamento è confermato", markdown=None, **content):
    markdown = (
        markdown or "Ti aspettiamo allo sportello dell'anagrafe con un documento di identità valido e la ricevuta."
    )
    return {"content": {"subject": subject, "markdown": markdown, **content}}


# -- the body as the app renders it ------------------------------------------------------------


def test_headings_one_to_three_styled_four_to_six_as_body_text():
    html = render("# Uno\n\n## Due\n\n### Tre\n\n#### Quattro\n\n###### Sei")
    for css, text in (("md-h1", "Uno"), ("md-h2", "Due"), ("md-h3", "Tre"), ("md-p", "Quattro"), ("md-p", "Sei")):
        assert f'<div class="{css}">{text}</div>' in html


def test_tables_and_strikethrough_are_dropped_with_their_text():
    html = render("Prima\n\n| a | b |\n|---|---|\n| cella-segreta | 2 |\n\nTesto ~~barrato~~ e ~singolo~ fine.")
    shown = text_of(html)
    assert "cella-segreta" not in shown and "barrato" not in shown and "singolo" not in shown
    assert "Testo  e  fine." in shown


def test_dropped_constructs_are_marked_when_annotating():
    html = render("| intestazione |\n|---|\n| cella |\n\n~~barrato~~", annotate=True)
    assert html.count('class="dropped') == 2
    assert not {"intestazione", "cella", "barrato"} & set(re.findall(r"\w+", text_of(html)))


def test_raw_html_is_literal_text_except_br():
    html = render("Testo <b>forte</b><br>a capo <BR/> e <!-- nota -->\n\n<div>blocco</div>")
    shown = text_of(html)
    assert "<b>forte</b>\na capo \n e <!-- nota -->" in shown
    assert "<div>blocco</div>" in shown
    assert "<b>" not in html and "&lt;b&gt;" in html


def test_single_newlines_are_line_breaks_and_blank_lines_are_spacers():
    html = render("riga uno\nriga due\n\nsecondo\n\n\n\nterzo\nquarto")
    assert "riga uno\nriga due" in text_of(html)
    assert html.count('class="sp8"') == 1 and html.count('class="sp16"') == 1


def test_blocks_on_consecutive_lines_get_no_spacer():
    html = render("# Titolo\nTesto subito sotto")
    assert '<div class="blk" data-lines="1-1">' in html and '<div class="blk" data-lines="2-2">' in html
    between = html.split('data-lines="2-2"')[0].rsplit("</div>", 1)[1]
    assert "sp" not in between


def test_ordered_lists_restart_at_one_and_nested_bullets_alternate():
    html = render("3. tre\n4. quattro\n   - dentro\n     - più dentro")
    marks = re.findall(r'<span class="md-mark">([^<]*)</span>', html)
    assert marks == ["1.", "2.", "\u25e6", "\u2022"]


def test_task_list_checkbox_is_dropped():
    assert text_of(render("- [x] fatto\n- [ ] da fare")) == "\u2022fatto\u2022da fare"


def test_code_blocks_keep_their_fences_in_the_body_font():
    html = render("```js\ncodice()\n```")
    assert '<div class="md-p">```js\ncodice()\n```</div>' in html


def test_blockquote_is_a_banner_from_its_raw_text():
    html = render("> [!help]\n> # Titolo\n> Testo **non** parsato\n> [link](https://x.it)")
    assert 'data-pictogram="help"' in html
    assert '<div class="banner-title">Titolo</div>' in html
    assert '<div class="banner-text">Testo **non** parsato\n [link](https://x.it)</div>' in html


def test_banner_pictogram_needs_the_exact_first_line():
    assert 'data-pictogram="notification"' in render("> [!help] \n> testo")  # a space after ]
    assert 'data-pictogram="notification"' in render("> [!nonEsiste]\n> testo")
    assert "[!help]" not in text_of(render("> [!help] \n> testo"))


def test_images_get_a_paragraph_of_their_own_and_load_nothing():
    html = render("Prima ![mappa](https://example.org/m.png) dopo")
    assert html.count('class="blk"') == 3
    assert '<div class="md-img-p"><div class="md-img" role="img" aria-label="mappa"' in html
    assert "src=" not in html


def test_reference_links_and_footnotes():
    html = render("Vedi [il sito][s] e la nota[^1].\n\n[s]: https://comune.example.org\n[^1]: Testo della nota")
    assert '<span class="md-link" title="https://comune.example.org">il sito</span>' in html
    assert "Testo della nota" not in text_of(html) and "[^1]" not in text_of(html)


def test_bare_addresses_are_links():
    html = render("Scrivi a info@comune.example.org o visita www.comune.example.org.")
    assert '<span class="md-link" title="info@comune.example.org">' in html
    assert '<span class="md-link" title="www.comune.example.org">www.comune.example.org</span>.' in html


# The app's patterns as written (quadratic on hostile text): the linear search must agree.
_DOT = r"[^\n\r\u2028\u2029]"
APP_DEFINITION = re.compile(r"^\s*\[([^\]]+)\]:\s*(<[^>]+>|[^\s]+)(?:\s+[\"'(]([^\"')]+)[\"')])?", re.M)
APP_REFERENCE = re.compile(r"\[([^\]]+)\]\s*\[([^\]]*)\]")
APP_IMAGE = re.compile(rf"!\[{_DOT}*?\]\(({_DOT}*?)\)")
MARKUP = st.text(alphabet=st.sampled_from(list("ab [](!)<>:\n \t\"'^x")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(MARKUP)
def test_the_app_rewriting_patterns_searched_in_linear_time_agree_with_the_app(text):
    assert rewrite._definitions(text) == [
        (m.start(), m.end(), m.group(1), m.group(2)) for m in APP_DEFINITION.finditer(text)
    ]
    assert rewrite._references(text) == [
        (m.start(), m.end(), m.group(1), m.group(2)) for m in APP_REFERENCE.finditer(text)
    ]
    assert rewrite._images(text) == [m.span() for m in APP_IMAGE.finditer(text)]


def app_image_paragraphs(s: str) -> str:
    """The app's insertNewLinesIfNeededOnMatch, one image at a time from the last (slow)."""
    for m in reversed(list(APP_IMAGE.finditer(s))):
        for position, step in ((m.end(), 1), (m.start(), -1)):
            newlines, i = 0, position if step == 1 else max(0, position - 1)
            while 0 <= i < len(s) and (s[i] == "\n" or s[i] in " \t\r\f\v"):
                newlines += s[i] == "\n"
                i += step
            s = s[:position] + "\n" * max(0, 2 - newlines) + s[position:]
    return s


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ![](x)\n\t")), max_size=60))
def test_images_get_the_blank_lines_the_app_gives_them(text):
    edited = rewrite.Edited(text)
    edited.apply(rewrite._own_paragraphs(text, rewrite._images(text)))
    assert edited.text == app_image_paragraphs(text)


def test_findings_pinned_to_the_block_holding_their_line():
    marks = body.Marks(annotate=True, pins={0: ["<i>A</i>"], 3: ["<i>B</i>"]})
    html = body.render("uno\n\ndue\n\ntre", marks)
    blocks = html.split('<div class="blk"')[1:]
    assert "<i>A</i>" in blocks[0] and "<i>B</i>" in blocks[2] and "<i>" not in blocks[1]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab <>/&\"'*_~#|`![]()-:\n>^x0123456789.@\\{}=")), max_size=300))
def test_any_body_renders_to_inert_markup(text):
    html = render(text, annotate=True)
    tags = set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html))
    assert tags <= {"div", "span"}
    assert not re.search(r"\son[a-z]+=", html)


# -- formats, truncation, locale rules -------------------------------------------------------------


def test_dates_in_rome_and_in_italian():
    assert formats.detail_date(NOW) == "05 mar 2031, 09:05"
    assert formats.list_date(NOW, NOW, "en") == "9:05"
    assert formats.list_date(datetime(2031, 3, 4, 20, 0, tzinfo=UTC), NOW, "en") == "yesterday"
    assert formats.list_date(datetime(2031, 1, 2, 12, 0, tzinfo=UTC), NOW, "en") == "02 gen"
    assert formats.list_date(datetime(2030, 12, 31, 23, 30, tzinfo=UTC), NOW, "it") == "01 gen"  # 00:30 in Rome
    assert formats.list_date(datetime(2029, 5, 6, tzinfo=UTC), NOW, "it") == "06/05/29"


def test_due_date_text():
    assert formats.due_text(datetime(2031, 7, 31, 21, 59, 59, tzinfo=UTC), NOW, "it") == (
        "Scade il 31/07/31 alle ore 23:59",
        True,
    )
    assert (
        formats.due_text(datetime(2031, 7, 31, 22, 30, tzinfo=UTC), NOW, "it")[0] == "Scade il 01/08/31 alle ore 00:30"
    )
    assert formats.due_text(datetime(2031, 1, 31, 22, 59, tzinfo=UTC), NOW, "it") == (
        "Scaduto il 31 gen alle ore 23:59",
        False,
    )
    assert formats.due_text(datetime(2031, 7, 31, 21, 59, tzinfo=UTC), NOW, "en")[0] == 'The " 31/07/31 " ends at 23:59'


def test_amounts_and_notice_numbers():
    assert formats.amount(18790, "it") == "187,90 €"
    assert formats.amount(123456, "it") == "1.234,56 €"
    assert formats.amount(123456, "en") == "1,234.56 €"
    assert formats.amount(5, "it") == "0,05 €"
    assert formats.notice_number("302000001234567890") == "3020  0000  1234  5678  90"


def test_push_truncation():
    subject = "Avviso di pagamento della tassa sui rifiuti per l'anno 2031, rata unica in scadenza il 31 luglio"
    assert push.clip(subject, 110) == subject
    banner = push.clip(subject, 62)
    assert len(banner) <= 62 and banner.endswith("…") and subject.startswith(banner[:-1])
    assert push.clip("x" * 80, 62) == "x" * 61 + "…"
    assert push.notifications("Comune di Roma", subject)["anonymous"] == push.Notification(
        "Hai un nuovo messaggio", "Entra nell'app per leggerlo"
    )


FRONT = {"it": {"cta_1": {"text": "Prenota", "action": "ioit://SERVICES_HOME"}}}


def test_cta_locale_rules():
    assert ctas.chosen(FRONT, "it") == [FRONT["it"]["cta_1"]]
    assert ctas.chosen(FRONT, "de") == [FRONT["it"]["cta_1"]]  # German reads the it block
    assert ctas.chosen(FRONT, "en") == []  # no fallback
    plain = {"it": {"cta_1": {"text": "Vai", "action": "https://comune.example.org"}}}
    assert ctas.chosen(plain, "it") == []
    one_valid = {
        "it": {"cta_1": {"text": "Vai", "action": "https://x.it"}, "cta_2": {"text": "App", "action": "ioit://X"}}
    }
    assert [c["text"] for c in ctas.chosen(one_valid, "it")] == ["Vai", "App"]
    assert ctas.chosen({"it": {"cta_1": {"text": 3, "action": "ioit://X"}}}, "it") == []


@pytest.mark.parametrize(
    "count, pay, expected",
    [
        (1, False, ["solid"]),
        (2, False, ["solid", "link"]),
        (0, True, ["solid"]),
        (1, True, ["solid", "link"]),
        (2, True, ["solid", "outline", "link"]),
        (0, False, []),
    ],
)
def test_footer_layout(count, pay, expected):
    found = [{"text": f"b{i}", "action": "ioit://X"} for i in range(count)]
    assert [b.style for b in ctas.footer(found, "Paga" if pay else None)] == expected


# -- whole pages -----------------------------------------------------------------------------------


def test_page_is_self_contained_and_forbids_requests():
    html = iolint.preview("tari/avviso-pagamento", now=NOW)
    assert "default-src 'none'" in html and "img-src data:" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?!data:)[a-z]+:""", html, re.I)
    assert "<script" not in html.lower() and "@import" not in html and "url(" not in html


def test_personal_data_masked_unless_asked():
    data = payload(
        subject="Mario Rossi, il tuo appuntamento è confermato",
        markdown="Gentile Mario Rossi (RSSMRA85T10A562S), ti aspettiamo allo sportello con un documento valido.",
    )
    masked = iolint.preview(data, now=NOW)
    for secret in ("Mario", "Rossi", "RSSMRA85T10A562S"):
        assert secret not in masked
    assert "M**** R****" in masked and "RSS*********562S" in masked
    shown = iolint.preview(data, now=NOW, show_values=True)
    assert "Mario Rossi" in shown and "RSSMRA85T10A562S" in shown


@pytest.mark.parametrize(
    "options",
    [{"variant": "1"}, {"variant": None}, {"now": "ieri"}, {"now": "9999-12-31T23:59:59Z"}, {"logo": "/dev/null"}],
    ids=["variant str", "variant None", "now not a date", "now out of range", "logo not a file"],
)
def test_options_iolint_cannot_use_raise_a_preview_error(options):
    """They raised TypeError, AttributeError or a plain ValueError: the API promises IolintError."""
    with pytest.raises(iolint.PreviewError):
        iolint.preview(payload(), **options)


def test_now_as_text_as_lint_takes_it():
    assert iolint.preview(payload(), now="2031-03-05T08:05:00Z") == iolint.preview(payload(), now=NOW)


def test_personal_data_in_a_cta_action_is_masked():
    """The button's action was shown unmasked in its tooltip (the title attribute)."""
    front = '---\nit:\n  cta_1:\n    text: Vai alla pratica\n    action: "ioit://pratiche/RSSMRA85T10A562S"\n---\n'
    data = payload(markdown=front + "Ti aspettiamo allo sportello dell'anagrafe con un documento di identità valido.")
    assert "RSSMRA85T10A562S" not in iolint.preview(data, now=NOW)
    assert "RSSMRA85T10A562S" in iolint.preview(data, now=NOW, show_values=True)


def test_personal_data_quoted_by_a_front_matter_error_is_masked():
    """The page says why the app cannot show the body: the YAML error, which may quote the
    front matter (here an alias), was shown unmasked."""
    front = "---\nit: *RSSMRA85T10A562S\n---\n"
    data = payload(markdown=front + "Ti aspettiamo allo sportello dell'anagrafe con un documento di identità valido.")
    html = iolint.preview(data, now=NOW)
    assert "undefined alias" in html and "RSSMRA85T10A562S" not in html


def test_personal_data_in_a_variant_label_is_masked(run_cli, tmp_path):
    """A variant's label quotes the template's conditions and samples: it named the pages, titled
    them and listed them in the index unmasked, where `iolint check` masks it."""
    (tmp_path / "avviso.io.yaml").write_text(
        'subject: "Il tuo appuntamento è confermato"\n'
        "markdown: |\n"
        "  Ti aspettiamo allo sportello dell'anagrafe con un documento di identità valido.\n"
        '  {% if codice == "RSSMRA85T10A562S" %}Porta la ricevuta.{% endif %}\n'
        "variables:\n  codice: {sample: x, samples: [BNCGLI90L43F205R]}\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("preview", tmp_path / "avviso.io.yaml", "-o", tmp_path / "out", "--now", "2030-01-01")
    assert code == 0, err
    pages = list((tmp_path / "out").iterdir())
    assert len(pages) == 5  # the samples, samples #1, then and else of the condition, and the index
    for page_ in pages:
        for value in ("RSSMRA85T10A562S", "BNCGLI90L43F205R"):
            assert value not in page_.name and value not in page_.read_text("utf-8"), page_.name


HOSTILE = "<script>window.__pwned=1</script>\"' onload=x \x07\x00\ud800"


def test_hostile_input_is_inert_text():
    data = payload(
        subject=HOSTILE,
        markdown=f"---\nit:\n  cta_1:\n    text: '{HOSTILE[:40]}'\n    action: 'ioit://X\" onclick=\"y'\n---\n"
        f'{HOSTILE}\n\n[x](javascript:alert(1)" onmouseover="z) <img src=x onerror=alert(1)>',
    )
    html = iolint.preview(data, now=NOW, organization='Comune "<b>"')
    tags = tags_of(html)
    assert {tag for tag, _ in tags} <= {"html", "head", "meta", "title", "style", "body", "input", "header", "div",
                                        "span", "label", "main", "section", "h2", "h3", "ol", "li", "b", "svg",
                                        "path", "circle", "p"}  # fmt: skip
    assert not [name for _, attrs in tags for name, _ in attrs if name.startswith("on")]
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "\x00" not in html and "\x07" not in html
    html.encode("utf-8")  # no lone surrogate left


def test_decoding_error_hides_the_body():
    html = iolint.preview(
        payload(markdown="---\nit: [\n---\nCorpo che l'app non mostra perché la front matter è rotta."), now=NOW
    )
    assert "Il contenuto del messaggio non può essere mostrato correttamente." in html
    assert "Corpo che l'app" not in html


def test_findings_are_pinned_and_counted_as_the_cli_reports_them(run_cli, tmp_path):
    source = ROOT / "examples/payloads/bad/avviso-sbagliato.json"
    code, out, _ = run_cli(
        "check", source, "--format", "json", "--no-cache", "--exit-zero", "--now", "2030-01-01T00:00:00Z"
    )
    expected = sorted(f["code"] for f in json.loads(out))
    html = iolint.preview(source, now=datetime(2030, 1, 1, tzinfo=UTC))
    listed = sorted(
        re.findall(r'<li class="finding \w+"><span class="num">\d+</span><div><div class="fhead"><b>(IO\d+)</b>', html)
    )
    assert listed == expected
    pinned = re.findall(r'<span class="pin \w+" title="(IO\d+) ', html)
    assert sorted(pinned) == sorted(expected * 2)  # each pinned once per app language


@pytest.mark.parametrize(
    "content",
    [
        {"due_date": "2031-13-45T00:00:00Z"},  # no alert shown: pinned on the message
        {"payment_data": "18790"},  # no payment section
        {"markdown": "---\nit: [\n---\nCorpo che l'app non mostra perché la front matter è rotta, davvero."},
        {
            "markdown": "---\nit:\n  cta_1:\n    text: Vai\n    action: https://x.it\n---\n"
            + "Testo del messaggio. " * 5
        },
    ],
)
def test_every_finding_has_a_visible_pin(content):
    html = iolint.preview({"content": {**payload()["content"], **content}}, now=NOW)
    listed = re.findall(r'<li class="finding \w+"><span class="num">(\d+)</span>', html)
    assert listed
    pins = re.findall(r'<span class="pin \w+" title="[^"]*">(\d+)</span>', html)
    assert sorted(pins) == sorted(listed * 2)  # once in each language's screens


def test_no_annotate_has_no_pins_nor_markers():
    data = payload(
        markdown="Un testo con <b>HTML</b> e una tabella.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nFine del messaggio."
    )
    html = iolint.preview(data, now=NOW, annotate=False)
    assert 'class="pin' not in html and 'class="dropped' not in html and 'class="literal"' not in html


def test_template_variants_and_errors():
    path = ROOT / "examples/templates/avviso-pagamento.io.yaml"
    first = iolint.preview(path, now=NOW)
    second = iolint.preview(path, now=NOW, variant=1)
    assert "variant: the samples" in first and "variant: samples #1 of rata" in second
    with pytest.raises(iolint.appview.PreviewError, match="no message #99"):
        iolint.preview(path, variant=99)
    with pytest.raises(iolint.appview.PreviewError):
        iolint.preview(ROOT / "examples/payloads/bad/sintassi-rotta.json")


def test_new_message_model_and_json_text():
    msg = iolint.NewMessage(content={"subject": "Il tuo documento è pronto", "markdown": "x" * 90})
    assert "Il tuo documento è pronto" in iolint.preview(msg, now=NOW)
    assert "Il tuo documento è pronto" in iolint.preview(json.dumps(msg.to_payload()), now=NOW)


def test_logo_is_embedded(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    html = iolint.preview(payload(), now=NOW, logo=logo)
    assert '<img src="data:image/png;base64,' in html
    (tmp_path / "x.txt").write_text("not an image")
    with pytest.raises(ValueError, match="not a PNG"):
        page.logo_uri(tmp_path / "x.txt")


# -- the command -----------------------------------------------------------------------------------


def test_command_writes_pages_and_index(run_cli, tmp_path):
    code, _, err = run_cli(
        "preview", ROOT / "examples", "--output-dir", tmp_path / "out", "--now", "2030-01-01T00:00:00Z"
    )
    assert code == 0, err
    pages = sorted(p.name for p in (tmp_path / "out").glob("*.html"))
    index = (tmp_path / "out/index.html").read_text("utf-8")
    assert "index.html" in pages and len(pages) > 20
    for name in pages:
        if name != "index.html":
            assert f'href="{name}"' in index
    assert "IO002" in index  # a file that does not parse is listed with its finding
    assert "Mario" not in index and "Rossi" not in index


@pytest.mark.parametrize(
    ("meta", "service"),
    [
        ("name: Tributi del Comune\n", "Tributi del Comune"),
        ("name: " + "[" * 100_000 + "]" * 100_000 + "\n", "Servizi al cittadino"),
        ("name: [unclosed\n", "Servizi al cittadino"),
    ],
    ids=["a name", "nested 100,000 deep", "not YAML"],
)
def test_a_model_yaml_beside_a_template_names_the_service_or_nothing(run_cli, tmp_path, meta, service):
    """model.yaml was read with yaml.safe_load: nested 100,000 deep, RecursionError was an
    internal error that wrote no page at all."""
    folder = tmp_path / "modello"
    folder.mkdir()
    (folder / "avviso.io.yaml").write_text(
        "subject: Il tuo avviso per la tassa rifiuti\nmarkdown: Hai un nuovo avviso di pagamento per la tassa "
        "rifiuti. Leggi con attenzione il testo del messaggio.\n",
        "utf-8",
    )
    (folder / "model.yaml").write_text(meta, "utf-8")
    code, _, err = run_cli("preview", folder / "avviso.io.yaml", "--output-dir", tmp_path / "out")
    assert code == 0, err
    assert service in (tmp_path / "out" / "modello--avviso.io.yaml--variant-the-samples.html").read_text("utf-8")


def test_command_writes_through_no_link_in_the_output_folder(run_cli, tmp_path):
    """An output folder in the repository (pages published by CI) may hold links committed in
    place of the pages: index.html linked to any file had that file overwritten with the page."""
    victim = tmp_path / "elsewhere.txt"
    victim.write_text("precious", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").symlink_to(victim)
    (out / "avviso.json.html").symlink_to(tmp_path / "created-elsewhere.txt")  # dangling: would be created
    (tmp_path / "avviso.json").write_bytes((ROOT / "examples/payloads/good/avviso-tari.json").read_bytes())
    code, _, err = run_cli("preview", "avviso.json", "--output-dir", out, cwd=tmp_path)
    assert code == 0, err
    assert victim.read_text("utf-8") == "precious" and not (tmp_path / "created-elsewhere.txt").exists()
    assert not (out / "index.html").is_symlink() and 'href="avviso.json.html"' in (out / "index.html").read_text(
        "utf-8"
    )


def test_command_overwrites_no_file_it_did_not_write(run_cli, tmp_path):
    """`iolint preview -o .` in a project replaced its own index.html with the preview's index."""
    (tmp_path / "avviso.json").write_bytes((ROOT / "examples/payloads/good/avviso-tari.json").read_bytes())
    (tmp_path / "index.html").write_text("<html>the project's own page</html>", "utf-8")
    code, _, err = run_cli("preview", "avviso.json", "--output-dir", ".", cwd=tmp_path)
    assert code == 2 and "holds files that are not pages iolint wrote" in err and "(index.html)" in err
    assert (tmp_path / "index.html").read_text("utf-8") == "<html>the project's own page</html>"
    assert not (tmp_path / "avviso.json.html").exists()  # nothing written
    (tmp_path / "index.html").unlink()
    for _ in range(2):  # its own pages, it rewrites
        code, _, err = run_cli("preview", "avviso.json", "--output-dir", ".", cwd=tmp_path)
        assert code == 0, err
    (tmp_path / "avviso.json.html").write_text("notes", "utf-8")
    code, _, err = run_cli("preview", "avviso.json", "--output-dir", ".", cwd=tmp_path)
    assert code == 2 and "(avviso.json.html)" in err


def test_pages_of_earlier_versions_and_screenshots_count_as_the_previews_own(tmp_path):
    from iolint.appview import command

    old = '<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" c'
    (tmp_path / "a.html").write_text(old, "utf-8")
    (tmp_path / "a.png").write_bytes(b"\x89PNG")
    (tmp_path / "b.png").write_bytes(b"\x89PNG")  # a screenshot with no page of the preview's beside it
    assert command._ours(tmp_path, "a.html", png=True)
    assert command._ours(tmp_path, "b.html", png=False) and not command._ours(tmp_path, "b.html", png=True)
    assert command._ours(tmp_path, "c.html", png=True)  # nothing there


def test_command_reads_standard_input(run_cli, tmp_path, monkeypatch):
    import io

    text = json.dumps(iolint.render("tari/avviso-pagamento", sample=True))
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    code, _, err = run_cli("preview", "-", "--output-dir", tmp_path / "out")
    assert code == 0, err
    assert "Nuovo avviso di pagamento TARI" in (tmp_path / "out/message.html").read_text("utf-8")


def test_command_without_any_message_says_so(run_cli, tmp_path, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run_cli("preview", "-", "--output-dir", tmp_path / "out")
    assert code == 2 and "no message to preview" in err
    assert "the input is empty" in (tmp_path / "out/index.html").read_text("utf-8")
    code, _, err = run_cli("preview", ROOT / "examples/payloads/bad/sintassi-rotta.json", "-o", tmp_path / "out")
    assert code == 2 and "IO002" in (tmp_path / "out/index.html").read_text("utf-8")


def test_command_limits_jsonl(run_cli, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps(payload(subject=f"Messaggio numero {i}")) for i in range(5)), "utf-8")
    code, _, _ = run_cli("preview", batch, "--output-dir", tmp_path / "out", "--limit", "2")
    assert code == 0
    assert len(list((tmp_path / "out").glob("batch*.html"))) == 2
    assert "3 more message(s)" in (tmp_path / "out/index.html").read_text("utf-8")
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([payload(subject=f"Messaggio numero {i}") for i in range(4)]), "utf-8")
    code, _, _ = run_cli("preview", listed, "--output-dir", tmp_path / "out2", "--limit", "3")
    assert code == 0 and len(list((tmp_path / "out2").glob("list*.html"))) == 3


def test_png_without_a_browser_is_a_clear_error(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    code, _, err = run_cli("preview", ROOT / "examples/payloads/good", "--output-dir", tmp_path / "out", "--png")
    assert code == 2 and "no Chromium found on PATH" in err and "--browser" in err
    code, _, err = run_cli(
        "preview", ROOT / "examples/payloads/good", "-o", tmp_path / "out", "--png", "--browser", tmp_path / "nope"
    )
    assert code == 2 and "no such program" in err


def test_command_with_a_missing_path_says_so_and_fails(run_cli, tmp_path):
    good = ROOT / "examples/payloads/good"
    code, _, err = run_cli("preview", good, tmp_path / "typo.json", "-o", tmp_path / "out")
    # As `iolint check` does: the other paths are still shown, and the run fails.
    assert code == 2 and f"{tmp_path / 'typo.json'}: No such file or directory" in err
    assert "page(s) and index.html written" in err and list((tmp_path / "out").glob("*.html"))
    code, _, err = run_cli("preview", tmp_path / "typo.json", "-o", tmp_path / "out2")
    assert code == 2 and "typo.json: No such file or directory" in err
    assert "lists what was read and why" not in err
    (tmp_path / "empty").mkdir()
    code, _, err = run_cli("preview", good, tmp_path / "empty", "-o", tmp_path / "out3")
    assert code == 2 and "empty: nothing to check in this folder" in err
