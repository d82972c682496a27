"""Markdown rules IO601..IO609: what fires, where the offsets point, the pre-filter, the cache."""

import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iolint import rendering as markdown
from iolint.rendering import analyze, body_issues, may_have_markup
from tests.checking import CODE_OF, hits

INTRO = "Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio alle 9:30.\n\n"


def found(text: str, code: str = "") -> list[tuple[str, str]]:
    """(code, the text from the issue's offset on) for each issue."""
    return [(CODE_OF[i.kind], text[i.offset :]) for i in analyze(text).issues if CODE_OF[i.kind].startswith(code)]


def assert_at(text: str, expected: list[tuple[str, str]], code: str = "") -> None:
    """The issues (of codes starting with ``code``) are ``expected``: (code, text at the offset)."""
    got = found(text, code)
    assert [c for c, _ in got] == [c for c, _ in expected], got
    for (_, rest), (_, prefix) in zip(got, expected, strict=True):
        assert rest.startswith(prefix), (rest[:30], prefix)


def codes(text: str) -> list[str]:
    return [CODE_OF[i.kind] for i in analyze(text).issues]


# -- headings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("level", [4, 5, 6])
def test_deep_headings_are_reported_at_their_hashes(level):
    text = INTRO + "#" * level + " Dove\n\nVia Roma 1."
    assert_at(text, [("IO601", ("#" * level + " Dove")[:12])])


@pytest.mark.parametrize(
    "text",
    ["# Titolo\n\n## Dove\n\n### Quando", "Titolo\n===\n\nDove\n---", "```\n#### non un titolo\n```", "\\####"],
)
def test_shallow_setext_escaped_and_code_headings_are_fine(text):
    assert codes(text) == []


# -- tables ------------------------------------------------------------------------------------


def test_table_is_reported_at_its_first_line():
    text = INTRO + "| Rata | Importo |\n|---|---|\n| Prima | 120,00 € |"
    assert_at(text, [("IO602", "| Rata | Imp")])


@pytest.mark.parametrize(
    "text",
    [
        "```\n| a | b |\n|---|---|\n| 1 | 2 |\n```",
        "    | a | b |\n    |---|---|",
        "Scegli uno: rosso | verde | blu.",
        "`| a | b |`",
    ],
)
def test_pipes_in_code_or_without_a_delimiter_row_are_not_tables(text):
    assert codes(text) == []


# -- strikethrough ------------------------------------------------------------------------------


def test_double_and_single_tilde_strikethrough():
    text = "Appuntamento ~~lunedì~~ martedì, sportello aperto dalle 9~12 e dalle 14~17."
    assert_at(text, [("IO603", "~~lunedì~~ m"), ("IO603", "~12 e dalle ")])


@pytest.mark.parametrize("text", ["circa ~ 5 km", "a ~5 km", "`~~codice~~`", "~/documenti e ~ /tmp"])
def test_lone_tildes_and_code_are_not_strikethrough(text):
    assert codes(text) == []


# -- raw HTML ----------------------------------------------------------------------------------


def test_inline_html_is_reported_once_per_element():
    text = "Porta con te <b>un documento</b> e la tessera sanitaria."
    assert_at(text, [("IO604", "<b>un docume")])


@pytest.mark.parametrize("br", ["<br>", "<br/>", "<br />", "<BR>", "<Br />"])
def test_br_is_allowed_inline_and_as_a_block(br):
    assert codes(f"Prima riga{br}seconda riga") == []
    assert codes(f"Prima riga\n\n{br}\n\nseconda riga") == []


@pytest.mark.parametrize(
    "text",
    [
        "Scrivi a <anagrafe@comune.example.it> o visita <https://www.comune.example.it>.",
        "Se 3 < 5 e 7 > 2 allora a<b.",
    ],
)
def test_autolinks_and_comparisons_are_not_html(text):
    assert codes(text) == []


def test_html_block_and_unfilled_placeholder_are_reported():
    text = INTRO + "<div>\nContenuto\n</div>\n\nGentile <nome cognome>, ciao."
    assert_at(text, [("IO604", "<div>\nContenuto"), ("IO604", "<nome cognome>")], "IO604")
    assert "`<nome>`" in analyze(text).issues[-1].message


# -- images ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("Vedi [![Mappa](https://x.example.it/m.png)](https://x.example.it)", "![Mappa](htt"),
        ("Vedi **![Mappa](https://x.example.it/m.png)**", "![Mappa](htt"),
        ("# ![Logo](https://x.example.it/l.png) Comune", "![Logo](ht"),
    ],
)
def test_images_outside_a_paragraph(text, at):
    assert_at(text, [("IO605", at)], "IO605")


def test_image_in_a_paragraph_or_list_is_fine():
    assert codes("La mappa:\n\n![Mappa](https://x.example.it/m.png)\n\n- ![a](https://x.example.it/a.png)") == []


# -- links -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[sito](https://www.comune.example.it)",
        "[sito](HTTPS://www.comune.example.it)",
        "[profilo](ioit://PROFILE_PREFERENCES_HOME)",
        "[scrivici](mailto:anagrafe@comune.example.it)",
        "[chiama](tel:+390212345678)",
        "[sms](sms:+393331234567)",
        "<https://www.comune.example.it>",
    ],
)
def test_supported_links(text):
    assert codes(text) == []


def test_a_link_around_an_image_is_not_empty():
    assert codes("Vedi [![Mappa](https://x.example.it/m.png)](https://x.example.it).") == ["IO605"]


def test_http_is_a_warning_javascript_an_error():
    text = "Vai al [vecchio sito](http://www.comune.example.it) e non [qui](javascript:alert(1))."
    assert_at(text, [("IO607", "http://www.c"), ("IO608", "javascript:a")])


@pytest.mark.parametrize(
    ("href", "says"),
    [
        ("ftp://files.example.it/a.pdf", "`ftp:`"),
        ("/servizi/anagrafe", "relative"),
        ("#contatti", "relative"),
        ("www.comune.example.it", "relative"),
        ("iosso://https://login.example.it", "CTA"),
        ("IOHandledLink://https://www.example.it", "CTA"),
        ("data:text/html,ciao", "`data:`"),
    ],
)
def test_unsupported_schemes(href, says):
    text = f"Per informazioni [visita questa pagina]({href})."
    (issue,) = analyze(text).issues
    assert CODE_OF[issue.kind] == "IO608" and says in issue.message
    assert text[issue.offset :].startswith(href)


def test_reference_links_and_autolinks_are_checked():
    assert codes("Vedi [la pagina][p].\n\n[p]: javascript:void(0)") == ["IO608"]
    assert codes("Vedi <ftp://files.example.it>.") == ["IO608"]


@pytest.mark.parametrize(
    ("text", "at"),
    [("Vedi [qui]().", "]()."), ("Vedi []().", "]()."), ("Vedi [](https://a.it).", "https://a.it")],
)
def test_empty_links(text, at):
    assert_at(text, [("IO606", at)], "IO606")


# -- footnotes ---------------------------------------------------------------------------------


def test_footnotes_are_reported_and_their_markers_are_not_links():
    text = INTRO + "Porta un documento.[^1]\n\n[^1]: Nota\n\n[^2]: Una nota più lunga, con spazi."
    assert_at(text, [("IO609", "[^1]: Nota\n\n"), ("IO609", "[^2]: Una no")])


# -- front matter and offsets ------------------------------------------------------------------


def test_front_matter_is_stripped_and_offsets_count_it():
    front = '---\nit:\n  # commento YAML\n  cta_1:\n    text: "Prenota"\n    action: "ioit://X"\n---\n'
    text = front + "#### Dove\n\n| a | b |\n|---|---|"
    assert_at(text, [("IO601", "#### Dove"), ("IO602", "| a | b |")], "IO60")


def test_front_matter_later_in_the_body_is_markdown():
    text = "Testo.\n\n---\n#### Dove\n---"
    assert "IO601" in codes(text)


def test_offsets_with_crlf_line_endings():
    text = "Riga uno.\r\n\r\n#### Dove\r\n\r\nVedi [qui](ftp://x.example.it) e <b>questo</b>."
    assert_at(text, [("IO601", "#### Dove\r\n\r\n"), ("IO608", "ftp://x.exam"), ("IO604", "<b>questo</b")])


def test_offsets_inside_lists_and_blockquotes():
    text = "Elenco:\n\n- primo\n- vedi [qui](http://x.example.it)\n\n> ~~barrato~~"
    assert_at(text, [("IO607", "http://x.exa"), ("IO603", "~~barrato~~")])


def test_check_functions_report_field_and_offset():
    msg = {"content": {"subject": "Il tuo appuntamento", "markdown": INTRO + "<i>nota</i>"}}
    (hit,) = hits("IO604", msg)
    assert hit.field == "content.markdown" and hit.offset == len(INTRO)
    assert hits("IO604", {"content": {"markdown": 42}}) == []


# -- speed: memo, pre-filter, lazy import ------------------------------------------------------


def test_analysis_is_memoized_and_bounded():
    text = INTRO + "[sito](https://www.comune.example.it) e **grassetto**"
    assert analyze(text) is analyze(text)
    assert analyze.cache_info().maxsize == 4096


def test_markdown_it_is_not_imported_for_plain_bodies():
    code = (
        "import sys; from iolint.rendering import analyze; "
        "analyze('Il tuo appuntamento è confermato per lunedì 12 gennaio alle 9:30.'); "
        "assert 'markdown_it' not in sys.modules; "
        "analyze('[sito](https://a.it)'); assert 'markdown_it' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# Fragments of markdown syntax; those that cannot start a reported construct come first.
_CLEAN = [
    "a", "è", " ", "\n", "\n\n", "\t", "    ", "*", "**", "_", "`", "```", "!", "(", ")", "]", ":", "-",
    "---", "=", ">", "\\", "&", "&lbrack;", "&vert;", "&lt;b&gt;", "&excl;", "1.", "](", "](http://x.it)",
    "javascript:x", "http://x.it", "www.x.it", "^1", "\r\n", "\x00", "+", "'", '"', "cta_1:", "ftp://",
]  # fmt: skip
_TRIGGERS = ["#", "####", "|", "|---|", "~", "~~", "<", "<b>", "<br>", "[", "[a]", "[^1]:", "![", "[x](", "<!"]
_markdownish = st.lists(st.sampled_from(_CLEAN + _TRIGGERS), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CLEAN), max_size=40).map("".join))
def test_prefilter_is_conservative(text):
    assert not may_have_markup(text)
    assert body_issues(text) == []


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _markdownish, _markdownish.map(lambda s: "---\n" + s + "\n---\n" + s)))
def test_analysis_never_raises_and_offsets_are_inside_the_text(text):
    result = markdown.analyze.__wrapped__(text)
    for issue in result.issues:
        assert 0 <= issue.offset < len(text), issue
    for label in result.labels:
        assert 0 <= label.offset < len(text)


# -- adversarial input (every regex on its own: tests/test_regex_safety.py) ----------------------


@pytest.mark.parametrize("text", ["<!-- nota interna -->\n\nTesto.", "Testo <!-- nota --> visibile."])
def test_a_comment_is_shown_as_text(text):
    # textlint's parser (the app's) makes a comment an Html node, which the app prints as it is
    assert codes(text) == ["IO604"]


def test_tag_search_is_linear():
    start = time.perf_counter()
    markdown._shown_tag("<!--" * 25_000)
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize(
    "text",
    ["[" * 10_000, "*a" * 5_000, "<" * 10_000, "~" * 10_000, "| a " * 2_500 + "\n|---|\n", "> " * 5_000],
)
def test_full_analysis_of_adversarial_bodies_at_ios_maximum_length(text):
    start = time.perf_counter()
    markdown.analyze.__wrapped__(text)
    assert time.perf_counter() - start < 5
