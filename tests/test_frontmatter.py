"""CTA front matter rules IO620..IO627 and the parsing in iolint.frontmatter."""

import time

import pytest

from iolint import frontmatter as cta
from iolint.frontmatter import action_problem, split_front_matter
from iolint.rendering import analyze
from tests.checking import CODE_OF, hits

BODY = "Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio alle 9:30."
ACTION = '"iohandledlink://https://www.comune.example.it/disdici"'


def front(it="Disdici appuntamento", en="Cancel appointment", action=ACTION) -> str:
    """Front matter with a `cta_1` per locale; a locale whose label is None is left out."""
    blocks = [
        f'{loc}:\n  cta_1:\n    text: "{text}"\n    action: {action}\n'
        for loc, text in (("it", it), ("en", en))
        if text is not None
    ]
    return "---\n" + "".join(blocks) + "---\n"


def issues(text: str, prefix: str = "IO62") -> list[tuple[str, str]]:
    """(code, text at the offset) of the CTA issues."""
    return [(CODE_OF[i.kind], text[i.offset :]) for i in analyze(text).issues if CODE_OF[i.kind].startswith(prefix)]


def codes(text: str) -> list[str]:
    return [c for c, _ in issues(text)]


def run(code: str, markdown: str, **options) -> list:
    msg = {"content": {"subject": "Il tuo appuntamento", "markdown": markdown}}
    return hits(code, msg, **options)


# -- splitting ---------------------------------------------------------------------------------


def test_split_front_matter():
    text = front() + BODY
    yaml_text, body, offset = split_front_matter(text)
    assert yaml_text.startswith("\nit:\n") and body == BODY and text[offset:] == BODY


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("---\nit: {}\n---\n\n\nTesto", "Testo"),  # blank lines after the block belong to it
        ("\ufeff---\nit: {}\n---\nTesto", "Testo"),
        ("---\r\nit: {}\r\n---\r\nTesto", "Testo"),
        ("---\nit: {}\n...\nTesto", "Testo"),
        ("= yaml =\nit: {}\n= yaml =\nTesto", "Testo"),
        ("---\n---\nTesto", "Testo"),
    ],
)
def test_front_matter_variants(text, body):
    assert split_front_matter(text)[1:] == (body, len(text) - len(body))


@pytest.mark.parametrize(
    "text",
    [
        "\n---\nit: {}\n---\nTesto",
        " ---\nit: {}\n---\n",
        "Testo\n---\nit: {}\n---\n",
        "---\nit: {}\n",
        "--- \nit: {}\n---\n",
        "----\n---\n",
    ],
)
def test_no_front_matter(text):
    assert split_front_matter(text) == (None, text, 0)


# -- placement ---------------------------------------------------------------------------------


def test_front_matter_after_text_or_a_blank_line_is_misplaced():
    for text in (BODY + "\n\n" + front(), "\n" + front() + BODY):
        (issue,) = analyze(text).issues
        assert CODE_OF[issue.kind] == "IO620" and "very start" in issue.message
        assert text[issue.offset :].startswith("---\nit:")


def test_unclosed_front_matter():
    text = '---\nit:\n  cta_1:\n    text: "Prenota"\n    action: "ioit://X"\n' + BODY
    ((code, at),) = issues(text)
    assert code == "IO620" and at == text
    assert "never closed" in analyze(text).issues[0].message


@pytest.mark.parametrize(
    "text",
    [
        front() + BODY + "\n\n---\n\nAltro testo\n\n---\n",  # dividers after real front matter
        BODY + "\n\n---\n\nAltro testo con action: nessuna\n",  # a divider, and action: not at a line start
        BODY + "\n\n---\n",
    ],
)
def test_dividers_are_not_misplaced_front_matter(text):
    assert "IO620" not in codes(text)


# -- YAML --------------------------------------------------------------------------------------


def test_malformed_yaml_points_at_the_problem():
    text = "---\nit:\n  cta_1:\n    text: Disdici: appuntamento\n    action: " + ACTION + "\n---\n" + BODY
    ((code, at),) = issues(text)
    assert code == "IO621" and at.startswith(": appuntamento")
    assert "hides the whole message body" in analyze(text).issues[0].message


@pytest.mark.parametrize(
    "yaml_text",
    [
        'it:\n\tcta_1:\n    text: "x"',  # a tab
        'it:\n  cta_1:\n    text: "non chiusa\n',
        "it: [" * 3000,  # deeper than the parser's recursion
        "it: \x07",  # a character YAML refuses
    ],
)
def test_unparsable_yaml(yaml_text):
    text = "---\n" + yaml_text + "\n---\n" + BODY
    assert codes(text) == ["IO621"]


def test_duplicate_keys_are_malformed_as_in_js_yaml():
    text = front().replace("en:", "it:") + BODY
    ((code, at),) = issues(text)
    assert code == "IO621" and at.startswith('it:\n  cta_1:\n    text: "Cancel')


def test_yes_and_no_are_strings_as_in_js_yaml():
    text = front(action="ioit://PROFILE_MAIN").replace('"Disdici appuntamento"', "No")
    text = text.replace('"Cancel appointment"', "yes") + BODY
    assert codes(text) == []


def test_first_line_indentation_is_stripped_as_the_app_does():
    text = '---\n  it:\n    cta_1:\n      text: "x"\n      action: "ioit://X"\n  en: {}\n---\n' + BODY
    assert codes(text) == ["IO621"]


# -- structure ---------------------------------------------------------------------------------

_EN = '\nen:\n  cta_1: {text: "a", action: "ioit://X"}'


@pytest.mark.parametrize(
    ("yaml_text", "says"),
    [
        ("", "not a mapping"),
        ("Gentile cittadino, ecco il tuo avviso", "not a mapping"),
        ("de: {}", "no `it` or `en`"),
        ("it: []\nen: []", "`it` must be a mapping"),
        ('it:\n  cta_2: {text: "a", action: "ioit://X"}' + _EN, "`it` has no `cta_1`"),
        ('it:\n  cta_1: "ioit://X"' + _EN, "`it.cta_1` must be a mapping"),
        ('it:\n  cta_1: {text: 12, action: "ioit://X"}' + _EN, "`it.cta_1.text` must be a string"),
        ('it:\n  cta_1: {text: "a"}' + _EN, "`it.cta_1` has no `action`"),
    ],
)
def test_invalid_structure(yaml_text, says):
    text = "---\n" + yaml_text + "\n---\n" + BODY
    messages = [i.message for i in analyze(text).issues if CODE_OF[i.kind] == "IO623"]
    assert messages and says in messages[0], messages


@pytest.mark.parametrize(
    ("extra", "says"),
    [("de:\n  cta_1: {}\n", "`de`"), ("IT:\n  cta_1: {}\n", "write `it`"), ("it-IT: {}\n", "`it-IT`")],
)
def test_unknown_top_level_keys(extra, says):
    text = front()[:-4] + extra + "---\n" + BODY
    (issue,) = [i for i in analyze(text).issues if CODE_OF[i.kind] == "IO622"]
    assert says in issue.message and text[issue.offset :].startswith(extra[:2])


def test_unknown_inner_keys():
    text = front().replace("    action:", '    url: "x"\n    action:', 1)
    text = text.replace("en:\n", 'en:\n  cta_3: {text: "a", action: "ioit://X"}\n') + BODY
    messages = [i.message for i in analyze(text).issues if CODE_OF[i.kind] == "IO622"]
    assert len(messages) == 2 and "`it.cta_1.url`" in messages[0] and "`en.cta_3`" in messages[1]


def test_missing_locale():
    (only_it,) = run("IO625", front(en=None) + BODY)
    assert "no `en` block" in only_it.message
    (only_en,) = run("IO625", front(it=None) + BODY)
    assert "no `it` block" in only_en.message and "Italian" in only_en.message
    assert run("IO625", front() + BODY) == []


# -- actions -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "action",
    [
        "ioit://PROFILE_MAIN",
        "IOIT://messages",
        "iosso://https://servizi.comune.example.it/login",
        "iOsSo://https://relyingParty.url",
        "iohandledlink://https://www.comune.example.it",
        "IOHANDLEDLINK://HTTP://www.comune.example.it",
        "iohandledlink://mailto:anagrafe@comune.example.it",
        "iohandledlink://tel:+390212345678",
        "iohandledlink://sms:+393331234567",
        "iohandledlink://copy:302123456789012356",
    ],
)
def test_valid_actions(action):
    assert action_problem(action) is None


@pytest.mark.parametrize(
    ("action", "says"),
    [
        ("https://www.comune.example.it", "iohandledlink://https://"),
        ("tel:+390212345678", "iohandledlink://tel:"),
        ("ioit://", "route"),
        ("iosso://servizi.comune.example.it/login", "https://"),
        ("iosso://https://login example", "https://"),
        ("iohandledlink://ftp://files.example.it", "http, https"),
        ("iohandledlink://whatsapp:+39333", "http, https"),
        ("iohandledlink://tel:", "nothing after"),
        ("javascript:alert(1)", "starts with"),
        ("", "starts with"),
    ],
)
def test_invalid_actions(action, says):
    assert says in action_problem(action)


def test_invalid_action_points_at_its_value():
    text = front(action='"https://www.comune.example.it"') + BODY
    found = issues(text)
    assert [c for c, _ in found] == ["IO624", "IO624"]
    assert all(at.startswith('"https://www.comune') for _, at in found)


# -- labels ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    ["Clicca qui", "clicca qui!", "Scopri di più", "Qui", "Click here", "Learn more", "Clicca qui per pagare", " "],
)
def test_vague_labels(label):
    (hit,) = run("IO626", front(it=label) + BODY)
    text = front(it=label) + BODY
    assert text[hit.offset :].startswith(f'"{label}"') and hit.field == "content.markdown"


@pytest.mark.parametrize(
    "label", ["Prenota appuntamento", "Scopri le agevolazioni", "Vai alla domanda", "Qui trovi il modulo"]
)
def test_specific_labels(label):
    assert run("IO626", front(it=label) + BODY) == []


def test_long_labels_and_the_threshold_option():
    label = "Disdici il tuo appuntamento ora"  # 31 characters
    assert len(run("IO627", front(it=label) + BODY)) == 1
    assert run("IO627", front(it=label[:30]) + BODY) == []
    assert run("IO627", front(it=label) + BODY, **{"max-length": 40}) == []


def test_labels_without_front_matter():
    assert run("IO626", BODY) == [] and run("IO627", BODY) == []


def test_cta_and_markdown_share_one_analysis():
    text = front() + "#### Dove\n\n" + BODY
    result = analyze(text)
    assert [CODE_OF[i.kind] for i in result.issues] == ["IO601"]
    assert [label.where for label in result.labels] == ["it.cta_1", "en.cta_1"]


# -- regexes on adversarial input --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "---\n" + "---  x\n" * 15_000,
        "---\n" + " " * 100_000 + "x",
        "---\n" + "\n" * 100_000,
        "---\n" + "cta_1:\n" * 14_000,
        "---\n---\n" * 12_500,
        "---" + "\n---" * 25_000 + "action:",
        "\ufeff" + "-" * 100_000,
    ],
)
def test_front_matter_regexes_are_linear(text):
    start = time.perf_counter()
    split_front_matter(text)
    list(cta._misplaced(text, 0))
    cta._DELIMITER.findall(text)
    cta._CTA_KEY.findall(text)
    assert time.perf_counter() - start < 2
