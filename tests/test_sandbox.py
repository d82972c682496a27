"""Server-side template injection and resource exhaustion: refused or bounded, never run."""

from __future__ import annotations

import builtins
import json
import os
import subprocess
import time

import pytest

from iolint import inputs
from iolint.engine import Linter
from iolint.templates import RenderError, render_file, sandbox
from iolint.templates.render import compile_source, run

BODY = "Il tuo appuntamento allo sportello anagrafe è confermato, porta un documento d'identità valido."

# (payload, the rule that must answer it)
PAYLOADS = [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "IO720"),
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "IO720"),
    ("{{ lipsum.__globals__['os'].system('id') }}", "IO720"),
    ("{{ joiner.__init__.__globals__.__builtins__.open('/etc/passwd').read() }}", "IO720"),
    ("{{ config }}", "IO720"),
    ("{{ config.items() }}", "IO720"),
    ("{{ request.application.__globals__ }}", "IO720"),
    ("{{ self._TemplateReference__context }}", "IO720"),
    ("{{ self.__init__.__globals__.__builtins__ }}", "IO720"),
    ("{{ x|attr('__class__') }}", "IO720"),
    ("{{ x|attr('\\x5f\\x5fclass\\x5f\\x5f') }}", "IO720"),
    ("{{ '{0.__class__}'.format(x) }}", "IO720"),
    ("{{ x.mro() }}", "IO720"),
    ("{{ namespace.__init__.__globals__ }}", "IO720"),
    ("{{ range.__self__ }}", "IO720"),
    ("{{ x|attr(name) }}", "IO720"),  # the attribute comes from a sample: refused while rendering
    ("{% include '/etc/passwd' %}", "IO721"),
    ("{% import '../x' as y %}", "IO721"),
    ("{% from 'macros.j2' import m %}", "IO721"),
    ("{% extends 'base.html' %}", "IO721"),
    ("{{ range(10**9)|list }}", "IO726"),
    ("{% for i in range(999999999) %}x{% endfor %}", "IO726"),
    ("{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}", "IO726"),
    ("{{ 'a' * 10**9 }}", "IO726"),
    ("{{ [0] * 10**9 }}", "IO726"),
    ("{{ 2 ** (10 ** 10) }}", "IO726"),
    ("{{ 'x'.center(10**9) }}", "IO726"),
    ("{{ 'x'|center(10**9) }}", "IO726"),
    ("{{ 'x'|indent(10**9) }}", "IO726"),
    ("{{ '%999999999d'|format(1) }}", "IO726"),
    ("{{ '%*d' % (10**9, 1) }}", "IO726"),
    ("{{ '{:>999999999}'.format(1) }}", "IO726"),
    ("{{ [1]|batch(10**9, 0)|list }}", "IO726"),
    ("{{ ('x' * 90000).join(['a'] * 9000) }}", "IO726"),
    ("{{ ('x' * 90000)|replace('x', 'yy') }}", "IO726"),
    ("{{ ('x' * 90000).join(range(9000)|map('string')) }}", "IO726"),
    ("{{ ('\t' * 90000).expandtabs(1000) }}", "IO726"),
    ("{{ 'x'.encode() * 10**9 }}", "IO726"),
    ("{{ ('\n' * 90000)|indent(1000) }}", "IO726"),
    ("{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "IO726"),
    ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "IO726"),
    ("{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(1) }}", "IO726"),
    ("{% macro f() %}{% for i in range(9000) %}{{ caller() }}{% endfor %}{% endmacro %}"
     "{% call f() %}{% for j in range(9000) %}x{% endfor %}{% endcall %}", "IO726"),
]


def _forbidden(*args, **kwargs):
    raise AssertionError("a template ran host code")


@pytest.fixture
def no_host(monkeypatch, tmp_path):
    """Makes any reach into the host fail the test (once iolint has loaded its own data files)."""
    warm = _template(tmp_path, "{{ x }}")
    list(inputs.check_file(Linter(), warm, warm.name))
    for target, name in ((os, "system"), (os, "popen"), (os, "execv"), (subprocess, "Popen"), (builtins, "open")):
        monkeypatch.setattr(target, name, _forbidden)


def _template(tmp_path, payload: str):
    path = tmp_path / "attack.io.yaml"
    markdown = json.dumps(f"{BODY} {payload}")
    path.write_text(
        f"subject: Il tuo appuntamento è confermato\nmarkdown: {markdown}\n"
        "variables:\n  x: {sample: 1}\n  name: {sample: __class__}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(("payload", "code"), PAYLOADS, ids=[p for p, _ in PAYLOADS])
def test_payload_is_refused_or_bounded(tmp_path, no_host, payload, code):
    path = _template(tmp_path, payload)
    linter = Linter()
    start = time.monotonic()
    found = list(inputs.check_file(linter, path, path.name))
    assert time.monotonic() - start < 2.0
    assert code in {f.code for f in found}, [f"{f.code} {f.message}" for f in found]
    assert all(f.line == 2 for f in found if f.code == code)


@pytest.mark.parametrize(("payload", "code"), PAYLOADS, ids=[p for p, _ in PAYLOADS])
def test_render_api_refuses_too(tmp_path, no_host, payload, code):
    with pytest.raises(RenderError):
        render_file(_template(tmp_path, payload), sample=True)


def test_statically_refused_templates_are_never_compiled(tmp_path, monkeypatch):
    def compile_called(*args, **kwargs):
        raise AssertionError("a refused template was compiled")

    monkeypatch.setattr("iolint.templates.render.compile_source", compile_called)
    path = _template(tmp_path, "{{ cycler.__init__.__globals__.os.popen('id').read() }}")
    assert "IO720" in {f.code for f in inputs.check_file(Linter(), path, path.name)}


def test_rendering_needs_a_budget():
    with pytest.raises(sandbox.RenderLimit):
        run(compile_source("{% for i in range(3) %}{{ i }}{% endfor %}", mapped=False), {})


def test_the_time_limit(monkeypatch):
    monkeypatch.setattr(sandbox, "SECONDS", 0.0)
    template = compile_source("{% for i in range(5) %}{{ i }}{% endfor %}", mapped=False)
    with sandbox.limits(0.0), pytest.raises(sandbox.RenderLimit, match="took more than"):
        run(template, {})


def test_bounds_leave_ordinary_templates_alone():
    source = (
        "{% for r in righe %}- {{ r|title }} {{ loop.index }}/{{ righe|length }}\n{% endfor %}"
        "{{ '%.2f'|format(3.14159) }} {{ '{:>6}'.format('x') }} {{ 'ab' * 3 }} {{ 2 ** 10 }}"
    )
    with sandbox.limits():
        text, _ = run(compile_source(source, mapped=False), {"righe": ["uno", "due"]})
    assert text == "- Uno 1/2\n- Due 2/2\n3.14      x ababab 1024"
