"""Any template gives findings or a clean result, and renders or raises RenderError: no crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iolint import inputs, positions
from iolint.engine import Linter
from iolint.templates import RenderError, render_file

PIECES = [
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "{{ a }}",
    "{{ b.c }}",
    "{{ a|euro }}",
    "{{ b|data }}",
    "{{ a ~ b }}",
    "{% if a %}",
    "{% elif b %}",
    "{% else %}",
    "{% endif %}",
    "{% for x in b %}",
    "{{ x }}",
    "{% endfor %}",
    "{% set y = a %}",
    "{{ y }}",
    "{{ a * 3 }}",
    "{{ b[0] }}",
    "{% macro m() %}",
    "{% endmacro %}",
    "{{ m() }}",
    "{% raw %}",
    "{% endraw %}",
    "|",
    "(",
    ")",
    "'",
    '"',
    "-",
    "\n",
    "  ",
    "---\n",
    "it:\n",
    "  cta_1:\n",
    "| a | b |\n|---|---|\n",
    "~~x~~",
    "<b>",
    "[x](http://e.org)",
    "Mario Rossi",
    "RSSMRA85T10A562S",
    "Il tuo appuntamento è confermato",
    " pagamento ",
    "é",
    "\t",
]
text = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=25).map("".join)
values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from("abc"), inner, max_size=3),
    max_leaves=6,
)
variable = st.fixed_dictionaries(
    {"sample": values},
    optional={"samples": st.lists(values, max_size=3), "type": st.sampled_from(["string", "integer", "date", "list"])},
)
templates = st.fixed_dictionaries(
    {"subject": text, "markdown": text},
    optional={
        "variables": st.dictionaries(st.sampled_from(["a", "b", "x", "nome", "y"]), variable, max_size=4),
        "due_date": text,
        "payment_data": st.fixed_dictionaries({"amount": text | st.integers(), "notice_number": text}),
        "features": st.lists(st.sampled_from(["read-status", "attachments", "nope"]), max_size=2),
        "feature_level_type": st.sampled_from(["STANDARD", "ADVANCED", "{{ a }}"]),
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(templates)
def test_any_template_checks_and_renders_without_crashing(template):
    linter = Linter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "message.io.yaml"
        source = yaml.safe_dump(template, allow_unicode=True, sort_keys=False)
        path.write_text(source, encoding="utf-8")
        found = list(inputs.check_file(linter, path, path.name))
        lines = len(positions.YAML_BREAKS.split(source))  # YAML's line breaks: NEL, U+2028 and U+2029 too
        assert all(f.line is not None and 1 <= f.line <= lines for f in found), found
        try:
            payload = render_file(path, sample=True)
        except RenderError:
            return
        assert isinstance(payload["content"], dict)
