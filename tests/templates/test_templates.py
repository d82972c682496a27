"""Templates: the file format, static checks, variant rendering, and findings at the right line."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime

import pytest

from iolint import inputs
from iolint.config import Config
from iolint.engine import Linter
from iolint.templates import MissingVariables, RenderError, limits, personal, render_file
from tests.conftest import ROOT

NOW = datetime(2026, 1, 1, tzinfo=UTC)
BODY = "Il tuo appuntamento allo sportello anagrafe è confermato. Ricordati di portare un documento valido."


def lint(tmp_path, text: str, *, plan="base", select=None, name="message.io.yaml", options=None):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    config = Config().replace(plan=plan, select=select, rules=options)
    return list(inputs.check_file(Linter(config, now=NOW), path, name))


def by_code(findings, code):
    return [f for f in findings if f.code == code]


# -- the file -------------------------------------------------------------------------------


def test_clean_template_has_no_findings(tmp_path):
    found = lint(
        tmp_path,
        """
        subject: Il tuo appuntamento è confermato
        markdown: |
          Il tuo appuntamento allo sportello {{ sportello }} è confermato per il {{ giorno|data }}.
          Ricordati di portare un documento d'identità valido.
        variables:
          sportello: {sample: anagrafe}
          giorno: {sample: 2031-01-12, type: date}
        """,
    )
    assert found == []


def test_yaml_error_is_a_finding_with_a_hint_for_unquoted_jinja(tmp_path):
    found = lint(tmp_path, f"subject: Il tuo appuntamento\nmarkdown: {BODY}\ndue_date: {{{{ scadenza }}}}\n")
    assert [f.code for f in found] == ["IO002"]
    assert "quote Jinja" in found[0].message


@pytest.mark.parametrize("text", ["- a\n- b\n", "subject: a\n---\nsubject: b\n", "just text\n", "", "# nothing\n"])
def test_a_template_is_one_mapping(tmp_path, text):
    assert [f.code for f in lint(tmp_path, text)] == ["IO002"]


def test_missing_file_or_folder_is_a_finding(tmp_path):
    (tmp_path / "folder.io.yaml").mkdir()
    for name in ("absent.io.yaml", "folder.io.yaml"):
        found = list(inputs.check_file(Linter(), tmp_path / name, name))
        assert [f.code for f in found] == ["IO001"]


def test_unknown_key_names_the_key_meant(tmp_path):
    found = lint(
        tmp_path, f"subject: Il tuo appuntamento è confermato\nmarkdown: {BODY}\ndue_data: '2031-01-12T22:59:59Z'\n"
    )
    (f,) = by_code(found, "IO703")
    assert (f.line, f.column) == (3, 1)
    assert "`due_date`" in f.message


def test_fiscal_code_belongs_to_the_sending_code(tmp_path):
    found = lint(
        tmp_path, f"subject: Il tuo appuntamento è confermato\nmarkdown: {BODY}\nfiscal_code: RSSMRA85T10A562S\n"
    )
    assert "added when the message is sent" in by_code(found, "IO703")[0].message
    assert not by_code(found, "IO120")


@pytest.mark.parametrize(
    ("spec", "why"),
    [
        ("x: 5", "declare it as a mapping"),
        ("x: {description: manca}", "no `sample`"),
        ("x: {sample: '5', type: integer}", "not of type integer"),
        ("x: {sample: 5, samples: [6, '7'], type: integer}", "samples #2"),
        ("x: {sample: 12/01/2031, type: date}", "YYYY-MM-DD"),
        ("x: {sample: 5, typo: 1}", "unknown keys typo"),
        ("x: {sample: 5, type: money}", "unknown type"),
    ],
)
def test_invalid_variables(tmp_path, spec, why):
    found = lint(
        tmp_path, f"subject: Il tuo appuntamento è confermato\nmarkdown: '{BODY} {{{{ x }}}}'\nvariables:\n  {spec}\n"
    )
    (f,) = by_code(found, "IO704")
    assert why in f.message and f.line == 4
    assert not by_code(found, "IO710"), "a declared variable, even a broken one, is not undeclared"


def test_unknown_feature(tmp_path):
    found = lint(
        tmp_path,
        f"subject: Il tuo appuntamento è confermato\nmarkdown: {BODY}\nfeatures: [read-status, read-receipt]\n",
    )
    (f,) = by_code(found, "IO702")
    assert "read-receipt" in f.message and f.line == 3


# -- static checks, at their line and column ----------------------------------------------------


def test_syntax_error_at_its_line_inside_a_block_scalar(tmp_path):
    found = lint(
        tmp_path,
        """
        subject: Il tuo appuntamento è confermato
        markdown: |
          Il tuo appuntamento è confermato.
          {% if sportello %}
          Sportello: {{ sportello }}
          Ricordati di portare un documento d'identità valido e la ricevuta di prenotazione.
        variables:
          sportello: {sample: anagrafe}
        """,
    )
    (f,) = by_code(found, "IO701")
    assert (f.line, f.column) == (4, 3)  # the if left open
    assert "endif" in f.message


def test_undeclared_variable_at_its_column(tmp_path):
    found = lint(
        tmp_path,
        """
        subject: Il tuo appuntamento è confermato
        markdown: |
          Il tuo appuntamento è confermato.
          Ti aspettiamo allo sportello {{ sportello }} il giorno {{ giorno }}, porta un documento.
        variables:
          sportello: {sample: anagrafe}
        """,
    )
    (f,) = by_code(found, "IO710")
    assert (f.line, f.column) == (4, 61)
    assert "`giorno`" in f.message
    assert not by_code(found, "IO110"), "a template with errors is not rendered"


def test_names_set_in_the_template_are_not_undeclared(tmp_path):
    found = lint(
        tmp_path,
        """
        subject: Il tuo appuntamento è confermato
        markdown: |
          {% set luogo = "sportello " ~ sportello %}
          {% macro riga(testo) %}- {{ testo }} ({{ loop_label }}){% endmacro %}
          Il tuo appuntamento allo {{ luogo }} è confermato. Porta con te:
          {% for cosa in ["un documento", "la ricevuta"] %}
          - {{ cosa }} ({{ loop.index }} di {{ range(2)|length }})
          {% endfor %}
        variables:
          sportello: {sample: anagrafe}
          loop_label: {sample: voce}
        """,
    )
    assert not by_code(found, "IO710")


def test_unused_variable_at_its_key(tmp_path):
    found = lint(
        tmp_path,
        f"subject: Il tuo appuntamento è confermato\nmarkdown: {BODY}\nvariables:\n  sportello: {{sample: anagrafe}}\n",
    )
    (f,) = by_code(found, "IO711")
    assert (f.line, f.column, f.field) == (4, 3, "variables.sportello")


def test_unknown_filter_and_test(tmp_path):
    found = lint(
        tmp_path,
        f"subject: Il tuo appuntamento è confermato\nmarkdown: '{BODY} {{{{ x|currency }}}} {{% if x is money %}}!{{% endif %}}'\n"
        "variables:\n  x: {sample: 1}\n",
    )
    messages = sorted(f.message for f in by_code(found, "IO712"))
    assert messages[0].startswith("unknown filter `currency`") and messages[1] == "unknown test `money`"


def test_personal_variable_in_title(tmp_path):
    found = lint(
        tmp_path,
        """
        subject: "Avviso di pagamento per {{ cittadino.nome }} {{ nome_ufficio }}"
        markdown: |
          Hai un avviso di pagamento per la TARI. Puoi pagare direttamente in app con il pulsante Paga.
        variables:
          cittadino: {sample: {nome: Maria}}
          nome_ufficio: {sample: tributi}
        """,
    )
    (f,) = by_code(found, "IO715")
    assert (f.line, f.column, f.severity.name) == (1, 38, "ERROR")
    assert "`cittadino.nome`" in f.message


@pytest.mark.parametrize(
    ("name", "personal_word"),
    [
        ("nome", "nome"),
        ("cognome", "cognome"),
        ("codice_fiscale", "fiscale"),
        ("cf", "cf"),
        ("emailContatto", "email"),
        ("pec", "pec"),
        ("telefono_cellulare", "telefono"),
        ("indirizzo", "indirizzo"),
        ("indirizzo_intestatario", "indirizzo"),
        ("iban", "iban"),
        ("targa_veicolo", "targa"),
        ("data_nascita", "nascita"),
        ("first_name", "name"),
        ("surname", "surname"),
        ("nome_ufficio", None),
        ("indirizzo_sportello", None),
        ("anno", None),
        ("scadenza", None),
    ],
)
def test_personal_variable_names(name, personal_word):
    assert personal.personal_word([name]) == personal_word


def test_personal_sample_in_title(tmp_path):
    found = lint(
        tmp_path,
        """
        subject: "Un messaggio per {{ destinatario_messaggio }}"
        markdown: |
          Hai un avviso di pagamento per la TARI. Puoi pagare direttamente in app con il pulsante Paga.
        variables:
          destinatario_messaggio: {sample: ufficio tributi, samples: [mario.rossi@example.org]}
        """,
    )
    (f,) = by_code(found, "IO715")
    assert f.line == 1 and "samples #1" in f.message and "mario.rossi@example.org" not in f.message
    assert not by_code(found, "IO501"), "the template rule already reports the title"


def test_literal_personal_data_in_title(tmp_path):
    found = lint(
        tmp_path,
        """
        subject: "Avviso {{ tipo }}: scrivi a mario.rossi@example.org"
        markdown: |
          Hai un avviso di pagamento per la TARI. Puoi pagare direttamente in app con il pulsante Paga.
        variables:
          tipo: {sample: TARI}
        """,
    )
    (f,) = by_code(found, "IO716")
    assert (f.line, f.column) == (1, 39)
    assert "mario.rossi@example.org" not in f.message


def test_include_is_refused(tmp_path):
    found = lint(
        tmp_path, f"subject: Il tuo appuntamento è confermato\nmarkdown: |\n  {BODY}\n  {{% include 'firma.md' %}}\n"
    )
    (f,) = by_code(found, "IO721")
    assert (f.line, f.column) == (4, 3)


# -- variants -------------------------------------------------------------------------------

BRANCHY = """
subject: "{% if tipo == 'rata unica' %}Nuovo avviso di pagamento TARI{% else %}Rata TARI{% endif %}"
markdown: |
  C'è un avviso di pagamento della TARI intestato a {{ intestatario }}.

  **Devi pagare:** {{ importo|euro }}

  **Entro il:** {{ scadenza|data }}

  Puoi pagare in app con il pulsante Paga o su tutti i canali abilitati a pagoPA.
due_date: "{{ scadenza|fine_giornata }}"
payment_data:
  amount: "{{ importo }}"
  notice_number: "301166131860913988"
variables:
  tipo: {sample: rata unica, samples: [prima rata]}
  intestatario: {sample: Maria Bianchi}
  importo: {sample: 18790, type: integer}
  scadenza: {sample: 2031-07-31, type: date}
"""


def test_a_branch_that_breaks_a_payload_rule(tmp_path):
    found = lint(tmp_path, BRANCHY)
    (f,) = by_code(found, "IO110")
    assert (f.line, f.field) == (1, "content.subject")
    assert "9 characters" in f.message
    assert f.variant == "samples #1 of tipo"  # the first variant that showed it; reported once
    assert [x.code for x in found] == ["IO110"]


def test_forced_branches_are_named(tmp_path):
    text = BRANCHY.replace("samples: [prima rata]", "samples: []")
    (f,) = by_code(lint(tmp_path, text), "IO110")
    assert f.variant == "if tipo == 'rata unica': else"


def test_single_expressions_keep_their_type(tmp_path):
    assert not by_code(lint(tmp_path, BRANCHY), "IO201")
    text = (
        f"subject: Hai un nuovo avviso di pagamento\nmarkdown: '{BODY}'\ndue_date: '2031-07-31T21:59:59Z'\n"
        "payment_data:\n  amount: '{{ importo }}'\n  notice_number: '301166131860913988'\n"
        "variables:\n  importo: {sample: 18790, samples: ['187,90']}\n"
    )
    (f,) = by_code(lint(tmp_path, text), "IO201")
    assert (f.line, f.column, f.variant) == (5, 3, "samples #1 of importo")


def test_a_template_needs_no_fiscal_code(tmp_path):
    assert not by_code(lint(tmp_path, BRANCHY), "IO120")


def test_elif_chains_render_every_branch(tmp_path):
    found = lint(
        tmp_path,
        """
        subject: Il tuo appuntamento è confermato
        markdown: |
          Il tuo appuntamento è confermato.
          {% if tipo == "a" %}
          Porta un documento d'identità valido, la tessera sanitaria e la ricevuta della prenotazione.
          {% elif tipo == "b" %}
          Porta un documento.
          {% else %}
          Porta un documento d'identità valido e la ricevuta della prenotazione fatta online sul sito.
          {% endif %}
        variables:
          tipo: {sample: a}
        """,
    )
    (f,) = by_code(found, "IO111")
    assert f.variant == 'if tipo == "a": elif tipo == "b"'


def test_markdown_findings_map_to_their_line(tmp_path):
    found = lint(
        tmp_path,
        """
        subject: Il tuo appuntamento è confermato
        markdown: |
          Il tuo appuntamento allo sportello {{ sportello }} è confermato.
          {% if tabella %}

          | giorno | ora |
          |---|---|
          | lunedì | 9:30 |
          {% endif %}

          Ricordati di portare un documento d'identità valido e la ricevuta.
        variables:
          sportello: {sample: anagrafe}
          tabella: {sample: false}
        """,
    )
    (f,) = by_code(found, "IO602")
    assert (f.line, f.column) == (6, 3)
    assert f.variant == "if tabella: then"


def test_broken_cta_maps_to_its_line(tmp_path):
    found = lint(
        tmp_path,
        """
        subject: Il tuo appuntamento è confermato
        markdown: |
          ---
          it:
            cta_1:
              text: Disdici appuntamento
              action: "{{ link }}"
          en:
            cta_1:
              text: Cancel appointment
              action: "iohandledlink://{{ link }}"
          ---
          Il tuo appuntamento allo sportello anagrafe è confermato. Ricordati di portare un documento valido.
        variables:
          link: {sample: "https://comune.example.org/disdetta"}
        """,
    )
    (f,) = by_code(found, "IO624")
    assert f.line == 7


def test_premium_features_feed_the_plan_rules(tmp_path):
    text = f"subject: Il tuo appuntamento è confermato\nmarkdown: {BODY}\nfeatures: [read-status]\n"
    (f,) = by_code(lint(tmp_path, text), "IO401")
    assert f.line == 3
    (f,) = by_code(lint(tmp_path, text, plan="premium"), "IO402")
    assert f.line == 3
    assert not lint(tmp_path, text + "feature_level_type: ADVANCED\n", plan="premium")


def test_render_failure_names_the_variant_and_line(tmp_path):
    found = lint(
        tmp_path,
        """
        subject: Il tuo appuntamento è confermato
        markdown: |
          Il tuo appuntamento allo sportello anagrafe è confermato, porta un documento valido.
          Posti liberi per ora: {{ 100 // posti }}
        variables:
          posti: {sample: 4, samples: [0]}
        """,
    )
    (f,) = by_code(found, "IO725")
    assert (f.line, f.variant) == (4, "samples #1 of posti")
    assert "ZeroDivisionError" in f.message


def test_too_many_variants(tmp_path):
    ifs = "".join(f"{{% if v{i} %}}x{{% endif %}}" for i in range(40))
    variables = "".join(f"  v{i}: {{sample: false}}\n" for i in range(40))
    found = lint(
        tmp_path, f"subject: Il tuo appuntamento è confermato\nmarkdown: '{BODY} {ifs}'\nvariables:\n{variables}"
    )
    (f,) = by_code(found, "IO729")
    assert "81 variants" in f.message and "first 64" in f.message


def test_too_many_variants_option(tmp_path):
    text = f"subject: Il tuo appuntamento è confermato\nmarkdown: '{BODY} {{% if a %}}x{{% endif %}}'\nvariables:\n  a: {{sample: true}}\n"
    assert by_code(lint(tmp_path, text, options={"IO729": {"max-variants": 2}}), "IO729")
    assert not by_code(lint(tmp_path, text), "IO729")


def test_inline_suppression_in_a_template(tmp_path):
    text = (
        f"subject: Il tuo appuntamento è confermato\nmarkdown: {BODY}\nvariables:\n"
        '  # {# iolint: ignore[IO711] reason="the next release uses it" #}\n'
        "  sportello: {sample: anagrafe}\n"
    )
    path = tmp_path / "message.io.yaml"
    path.write_text(text, encoding="utf-8")
    from iolint.pipeline import Pipeline

    pipeline = Pipeline(Config(root=tmp_path), now=NOW)
    assert [f for _, found in pipeline.run([path]) for f in found] == []


# -- filters and rendering ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ 12350|euro }}", "123,50 €"),
        ("{{ 123456789|euro }}", "1.234.567,89 €"),
        ("{{ '2031-07-31'|data }}", "31/07/2031"),
        ("{{ '2031-07-31T22:30:00Z'|data }}", "01/08/2031"),
        ("{{ '2031-07-31T07:30:00Z'|ora }}", "09:30"),
        ("{{ '2031-07-31'|fine_giornata }}", "2031-07-31T21:59:59Z"),
        ("{{ '2031-01-31'|fine_giornata }}", "2031-01-31T22:59:59Z"),
        ("{{ 'a' ~ 1 ~ 'b' }}", "a1b"),
        ("{{ ['a', 'b']|join(', ') }}", "a, b"),
        ("{{ 'x'|center(5) }}", "  x  "),
        ("{{ '%05.1f'|format(3.14159) }}", "003.1"),
    ],
)
def test_filters(source, expected):
    from iolint.templates.render import compile_source, run

    with limits.limits():
        text, _ = run(compile_source(source, mapped=False), {})
    assert text == expected


def test_render_file(tmp_path):
    path = tmp_path / "m.io.yaml"
    path.write_text(textwrap.dedent(BRANCHY), encoding="utf-8")
    payload = render_file(path, {"importo": 500}, sample=True)
    assert payload["content"]["payment_data"]["amount"] == 500
    assert payload["content"]["due_date"] == "2031-07-31T21:59:59Z"
    assert "5,00 €" in payload["content"]["markdown"]
    assert "fiscal_code" not in payload
    with pytest.raises(MissingVariables) as exc:
        render_file(path, {"importo": 500})
    assert exc.value.names == ["tipo", "intestatario", "scadenza"]
    with pytest.raises(RenderError, match="unknown variables import"):
        render_file(path, {"import": 500}, sample=True)
    with pytest.raises(RenderError, match="`importo` is not of type integer"):
        render_file(path, {"importo": "5,00"}, sample=True)


def test_render_file_uses_defaults(tmp_path):
    path = tmp_path / "m.io.yaml"
    path.write_text(
        "subject: Il tuo appuntamento è confermato\n"
        f"markdown: '{BODY}{{% if nota %}} {{{{ nota }}}}{{% endif %}}'\n"
        "variables:\n  nota: {sample: Porta la ricevuta., default: null}\n",
        encoding="utf-8",
    )
    assert render_file(path)["content"]["markdown"] == BODY
    assert render_file(path, {"nota": "Grazie."})["content"]["markdown"].endswith("Grazie.")


def test_render_file_refuses_a_template_with_errors(tmp_path):
    path = tmp_path / "m.io.yaml"
    path.write_text(
        f"subject: Il tuo appuntamento è confermato\nmarkdown: '{BODY} {{{{ config }}}}'\n", encoding="utf-8"
    )
    with pytest.raises(RenderError, match="has errors"):
        render_file(path, sample=True)


# -- the README examples --------------------------------------------------------------------

EXAMPLES = ROOT / "examples" / "templates"


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("appuntamento.io.yaml", set()),
        ("avviso-pagamento.io.yaml", set()),
        ("titolo-personale.io.yaml", {"IO715"}),
        ("ramo-rotto.io.yaml", {"IO110"}),
        ("tabella.io.yaml", {"IO602"}),
    ],
)
def test_examples(name, codes):
    linter = Linter(Config(), now=NOW)
    found = list(inputs.check_file(linter, EXAMPLES / name, name))
    assert {f.code for f in found if f.severity.name == "ERROR"} == codes


PARTLY = """\
subject: Il tuo appuntamento è confermato
markdown: |
  Il tuo appuntamento allo sportello anagrafe è confermato per {{ giorno }} alle {{ ora }}.
  {% if importo > 5000 %}Porta la ricevuta.{% endif %}
  | a | b |
  |---|---|
  | 1 | 2 |
payment_data:
  amount: "{{ importo }}"
  notice_number: "302123456789012356"
variables:
  giorno: {sample: lunedì 12 gennaio}
"""


def test_an_undeclared_variable_gets_a_placeholder_and_the_rest_is_checked(tmp_path):
    found = lint(tmp_path, PARTLY)
    codes = {f.code for f in found}
    assert {"IO710", "IO602", "IO727"} <= codes  # the table is reported in the same run
    assert "IO201" not in codes  # `amount` holds a placeholder: nothing said about it
    assert "IO725" not in codes  # a variant that failed because of a placeholder is no render failure
    [note] = by_code(found, "IO727")
    assert note.message.startswith(
        "`ora`, `importo` have no sample value: the template was rendered with a placeholder"
    )
    assert "could not be rendered even so: the sample values" in note.message  # importo > 5000 on text
    assert not any("\u27e6" in f.message for f in found)


def test_a_template_that_cannot_be_rendered_says_which_rules_did_not_run(tmp_path):
    found = lint(tmp_path, PARTLY.replace("{{ giorno }}", "{{ giorno|giorno_esteso }}"))
    [note] = by_code(found, "IO727")
    assert "not rendered because of an unknown filter or test in `markdown`" in note.message
    assert "IO601-IO609" in note.message and "IO201-" in note.message
    assert "IO602" not in {f.code for f in found}
    selected = lint(tmp_path, PARTLY.replace("{{ giorno }}", "{{ giorno|giorno_esteso }}"), select=["IO6", "IO727"])
    [note] = by_code(selected, "IO727")
    assert "17 rules did not run on it (IO601-IO609, IO620-IO627)" in note.message


def test_placeholders_are_never_sent(tmp_path):
    path = tmp_path / "t.io.yaml"
    path.write_text(PARTLY, "utf-8")
    with pytest.raises(RenderError, match="the template has errors"):
        render_file(path, {"giorno": "lunedì"}, sample=True)


def test_the_readme_template_example_is_clean_on_the_plan_it_says(tmp_path):
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## Templates (`*.io.yaml`)") :]
    example = section[section.index("```yaml\n") + 8 : section.index("\n```", section.index("```yaml\n"))]
    path = tmp_path / "avviso.io.yaml"
    path.write_text(example + "\n", "utf-8")
    linter = Linter(Config().replace(plan="premium"), now=NOW)
    assert [(f.code, f.message) for f in inputs.check_file(linter, path, path.name)] == []
