"""The code's shape: small modules, and rule codes written where rules are defined and bound.

A module over ``MAX_LINES`` mixes concerns (or holds data that belongs in a data file); a rule
code written elsewhere (``"IO104"`` in a reader, an output) is a rule decided outside the
catalogue and the check bindings, which ``iolint.ruleset`` cannot see.
"""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT

MAX_LINES = 300
MAX_CODE_LITERALS = 10  # outside iolint/checks (the bindings) and iolint/ruleset; rules/*.yaml is data
_CODE = re.compile(r"\bIO\d{3}\b")


def _modules(*skip: str):
    for path in sorted((ROOT / "iolint").rglob("*.py")):
        rel = path.relative_to(ROOT / "iolint")
        if rel.parts[0] not in skip:
            yield path


def long_modules(limit: int = MAX_LINES) -> dict[str, int]:
    out = {}
    for path in _modules():
        lines = len(path.read_text("utf-8").splitlines())
        if lines > limit:
            out[str(path.relative_to(ROOT))] = lines
    return out


def code_literals(source: str) -> list[str]:
    """Rule codes in the string literals of ``source`` (f-strings included), docstrings aside."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        code
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        for code in _CODE.findall(node.value)
    ]


def test_no_module_passes_the_line_limit():
    assert long_modules() == {}


def test_rule_codes_are_written_where_rules_are_defined_and_bound():
    found = {
        str(path.relative_to(ROOT)): codes
        for path in _modules("checks", "ruleset")
        if (codes := code_literals(path.read_text("utf-8")))
    }
    assert sum(len(c) for c in found.values()) <= MAX_CODE_LITERALS, found


def test_the_counts_see_what_they_count():
    assert code_literals('"""IO101 in a docstring"""\nx = "IO205"\ny = f"see IO301 and {x}"\n') == ["IO205", "IO301"]
    assert long_modules(limit=5)  # every package has a module longer than five lines


_OUTSIDE = re.compile(r"(?<![\w.])\.\./[\w-]")  # a relative path that leaves the repository


def test_no_module_points_outside_the_repository():
    """A fresh clone has nothing beside it: sources name public upstreams (pagopa/io-app, ...),
    never a folder next to the checkout."""
    assert _OUTSIDE.search("see ../notes/io-api.md") and not _OUTSIDE.search("an ellipsis.../y, 1..2")
    assert [str(p.relative_to(ROOT)) for p in _modules() if _OUTSIDE.search(p.read_text("utf-8"))] == []


# The frozen title sets are measured by their evaluation and checked for shape, nothing else:
# a module that reads their titles (a corpus, a benchmark) would show them in its output.
_FROZEN = re.compile(r"frozen\d*_titles|_titles\.yaml\"?\)?\.glob|glob\([^)]*_titles")
_MAY_READ_FROZEN = {"tests/pii/evaluate.py", "tests/pii/test_evaluation.py"}


def test_only_the_evaluation_reads_the_frozen_sets():
    assert _FROZEN.search('HERE / "frozen3_titles.yaml"') and _FROZEN.search('glob("*_titles.yaml")')
    sources = [p for top in ("iolint", "tests", "bench") for p in sorted((ROOT / top).rglob("*.py"))]
    readers = {
        p.relative_to(ROOT).as_posix()
        for p in sources
        if _FROZEN.search(p.read_text("utf-8")) and not p.name.startswith("test_frozen")
    }
    readers.discard("tests/test_layout.py")  # this test names them
    assert readers <= _MAY_READ_FROZEN, readers - _MAY_READ_FROZEN
