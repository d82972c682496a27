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
from iolint.templates import RenderError, limits, render_file, sandbox
from iolint.templates.render import compile_source, run
from tests.conftest import PEAK_RSS_KB

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
    (
        "{% macro f() %}{% for i in range(9000) %}{{ caller() }}{% endfor %}{% endmacro %}"
        "{% call f() %}{% for j in range(9000) %}x{% endfor %}{% endcall %}",
        "IO726",
    ),
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
    with pytest.raises(limits.RenderLimit):
        run(compile_source("{% for i in range(3) %}{{ i }}{% endfor %}", mapped=False), {})


def test_the_time_limit(monkeypatch):
    monkeypatch.setattr(limits, "SECONDS", 0.0)
    template = compile_source("{% for i in range(5) %}{{ i }}{% endfor %}", mapped=False)
    with limits.limits(0.0), pytest.raises(limits.RenderLimit, match="took more than"):
        run(template, {})


def test_bounds_leave_ordinary_templates_alone():
    source = (
        "{% for r in righe %}- {{ r|title }} {{ loop.index }}/{{ righe|length }}\n{% endfor %}"
        "{{ '%.2f'|format(3.14159) }} {{ '{:>6}'.format('x') }} {{ 'ab' * 3 }} {{ 2 ** 10 }}"
    )
    with limits.limits():
        text, _ = run(compile_source(source, mapped=False), {"righe": ["uno", "due"]})
    assert text == "- Uno 1/2\n- Due 2/2\n3.14      x ababab 1024"


# -- escalations, each in a child process with a time and a memory cap (issue 10, class 6) ----


def test_a_long_filter_chain_is_a_syntax_error_not_an_internal_error(tmp_path):
    """Jinja parses 5,000 chained filters without recursing; every later walk of the tree
    recursed once per filter, and the RecursionError was an internal error (exit 2)."""
    path = _template(tmp_path, "{{ x" + "|string" * 5000 + " }}")
    found = list(inputs.check_file(Linter(), path, path.name))
    assert ("IO701", 2) in [(f.code, f.line) for f in found], [f"{f.code} {f.message}" for f in found]
    with pytest.raises(RenderError):
        render_file(path, sample=True)


def test_many_expressions_on_one_line_are_placed_in_linear_time(tmp_path):
    """Each expression looked for every `{{` of its line again: 20,000 on one line took minutes
    (about 5 s once each line is scanned once)."""
    path = _template(tmp_path, "{{ x }}" * 20_000)
    start = time.monotonic()
    found = list(inputs.check_file(Linter(), path, path.name))
    assert time.monotonic() - start < 40, "quadratic"
    assert found  # checked: the body is over 10,000 characters (IO111)


_BIG = "{% set a = [[0]*1000]*1000 %}"  # a million items, in 2,000 list slots: cheap to build, huge as text
_SAME = ",".join(["a"] * 30)
ESCALATIONS = [
    # a huge list turned into text, by any route
    (_BIG + "{{ a|string|length }}", "IO726"),
    (_BIG + "{{ [a, a, a, a, a, a, a, a, a, a]|string|length }}", "IO726"),
    (_BIG + "{{ a }}", "IO726"),
    (_BIG + "{{ a * 100 }}", "IO726"),
    (_BIG + "{{ a|pprint|length }}", "IO726"),
    (_BIG + "{{ a|tojson|length }}", "IO726"),
    (_BIG + "{{ a|list|length }}", "IO726"),
    (_BIG + "{{ a ~ '' }}", "IO726"),
    (_BIG + "{{ 'x' ~ a }}", "IO726"),
    ("{{ '{}'.format([[[0]*100]*100]*100) }}", "IO726"),
    ("{{ '%s' % ([[0]*1000]*1000,) }}", "IO726"),
    ("{{ '%s %s' % ([[0]*1000]*1000, 1) }}", "IO726"),
    ("{{ '%s'|format([[0]*1000]*1000) }}", "IO726"),
    ("{{ (range(10000)|list * 10)|string|length }}", "IO726"),
    ("{{ (('x' * 99999)|list)|string|length }}", "IO726"),
    # sum: Python's sum of lists copies quadratically
    ("{% set a = range(10000)|list * 10 %}{{ a|batch(1)|list|sum(start=[])|length }}", "IO726"),
    ("{% set a = ['x' * 1000] * 100 %}{{ (a|batch(1)|list * 100)|sum(start=[])|length }}", "IO726"),
    # join
    ("{% set a = [['x'] * 1000] * 1000 %}{{ a|join(',') }}", "IO726"),
    ("{% set a = ['x' * 90000] * 10 %}{{ a|join|length }}", "IO726"),
    ("{{ ','.join([['x'] * 1000] * 1000) }}", "IO726"),
    # one filter call that takes long, or the same one many times
    ("{{ ('x' * 99999)|wordwrap(1)|length }}", "IO726"),
    ("{% for i in range(50) %}{{ ('x' * 90000)|wordwrap(1)|length }}{% endfor %}", "IO726"),
    ("{{ ('www.a.it ' * 11000)|urlize|length }}", "IO726"),
    ("{% for i in range(200) %}{{ ('www.a.it ' * 9000)|urlize|length }}{% endfor %}", "IO726"),
    ("{% for i in range(100) %}{{ (range(10000)|list * 5)|pprint|length }}{% endfor %}", "IO726"),
    # comparisons of huge values
    (_BIG + "{% set b = [" + _SAME + "] %}{% set c = [" + _SAME + "] %}{{ b == c }}", "IO726"),
    (_BIG + "{{ a in [a] }}", "IO726"),
    (_BIG + "{{ [a] is eq([a]) }}", "IO726"),
    ("{% set a = [[0]*300]*300 %}{% for i in range(1000) %}{{ a == [[0]*300]*300 }}{% endfor %}", "IO726"),
    # deep nesting
    ("{% set ns = namespace(x=[]) %}{% for i in range(5000) %}{% set ns.x = [ns.x] %}{% endfor %}{{ ns.x }}", "IO726"),
    (
        "{% set ns = namespace(x=[], y=[]) %}{% for i in range(5000) %}{% set ns.x = [ns.x] %}{% set ns.y = [ns.y] %}"
        "{% endfor %}{{ ns.x == ns.y }}",
        "IO726",
    ),
    # a namespace hides what it holds from the measure: printed, it is all of it
    (
        "{% set ns = namespace() %}{% set a = range(10000)|list %}"
        + "{% set a = [a, a] %}" * 25
        + "{% set ns.x = a %}{{ ns }}",
        "IO726",
    ),
    (
        "{% set ns = namespace() %}{% set a = range(10000)|list %}" + "{% set a = [a, a] %}" * 25 + "{% set ns.x = a %}"
        "{{ [ns]|string|length }}",
        "IO726",
    ),
    # private and dunder attributes, whatever names them
    ("{{ x|attr('_private') }}", "IO720"),
    ("{{ [x]|map(attribute='_private')|list }}", "IO720"),
    ("{{ [x]|map(attribute='real._y')|list }}", "IO720"),
    ("{{ [x]|map(attribute=name)|list }}", "IO720"),
    ("{{ [x]|sort(attribute='_y')|list }}", "IO720"),
    ("{{ [x]|selectattr('_y')|list }}", "IO720"),
    ("{{ [x]|groupby('_y')|list }}", "IO720"),
    ("{{ [x]|unique(attribute='_y')|list }}", "IO720"),
    ("{{ [x]|max(attribute='_y') }}", "IO720"),
    ("{{ [x]|sum(attribute='_y') }}", "IO720"),
    ("{{ [x]|join(attribute='_y') }}", "IO720"),
    ("{{ x['_y'] }}", "IO720"),
]

CHILD = (
    """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (%d, %d))
"""
    + PEAK_RSS_KB.replace("%", "%%")
    + """
from pathlib import Path
from iolint.cli import main
from iolint.templates import RenderError, render_file
start = time.monotonic()
code = main(["check", sys.argv[1], "--format", "json", "-o", "report.json", "--no-cache"])
try:
    render_file(Path(sys.argv[1]), sample=True)
    rendered = "rendered"
except RenderError as exc:
    rendered = "RenderError"
print(json.dumps({"code": code, "rendered": rendered, "seconds": time.monotonic() - start,
                  "peak_mb": peak_rss_kb() / 1024}))
"""
)
ADDRESS_SPACE = 3 * 1024**3
PEAK_MB = 400  # iolint with the templates and the checks loaded is about 100 MB


@pytest.mark.parametrize(("payload", "code"), ESCALATIONS, ids=[p[-60:] for p, _ in ESCALATIONS])
def test_escalation_is_bounded_in_a_child_process(tmp_path, payload, code):
    import sys

    path = _template(tmp_path, payload)
    done = subprocess.run(
        [sys.executable, "-c", CHILD % (ADDRESS_SPACE, ADDRESS_SPACE), str(path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    found = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert result["code"] == 1, done.stderr
    assert code in {f["code"] for f in found}, [(f["code"], f["message"]) for f in found]
    assert all(f["line"] == 2 for f in found if f["code"] == code)
    assert result["rendered"] == "RenderError"
    assert result["seconds"] < 10 and result["peak_mb"] < PEAK_MB, result


def test_ordinary_templates_stay_within_the_limits():
    source = (
        "{% set righe = [{'voce': 'TARI', 'euro': 12350}, {'voce': 'IMU', 'euro': 9000}] %}"
        "{% for r in righe|sort(attribute='voce') %}- {{ r.voce }}: {{ r.euro|euro }}\n{% endfor %}"
        "{{ righe|map(attribute='euro')|sum|euro }} {{ 'a' in 'abc' }} {{ righe|length > 1 }} {{ 1 < 2 <= 2 }}"
        "{{ [[1], [2]]|sum(start=[]) }} {{ righe|selectattr('euro', 'gt', 10000)|map(attribute='voce')|join(', ') }}"
    )
    with limits.limits():
        text, _ = run(compile_source(source, mapped=False), {})
    assert text == "- IMU: 90,00 €\n- TARI: 123,50 €\n213,50 € True True True[1, 2] TARI"


def test_every_filter_at_the_size_limit_ends_soon():
    """The largest input an operation may receive keeps each allowed filter short (the render's
    time limit is checked between operations, so one operation must not take long)."""
    text = "www.a.it x " * (limits.MAX_SIZE // 12)
    items = list(range(limits.MAX_SIZE // 3))
    env = sandbox.environment()
    slow = {}
    for name in env.filters:
        for value in (text, items):
            source = "{{ v|%s }}" % name
            start = time.monotonic()
            try:
                with limits.limits(5.0):
                    run(compile_source(source, mapped=False), {"v": value})
            except Exception:
                pass
            slow[name] = max(slow.get(name, 0), time.monotonic() - start)
    assert max(slow.values()) < 1.5, sorted(slow.items(), key=lambda kv: -kv[1])[:3]
