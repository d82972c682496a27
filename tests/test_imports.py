"""iolint's modules import one another without a cycle: read from their sources (every import,
at the top or inside a function), the graph of iolint's own modules has no loop. What a module
imports under ``if __name__ == "__main__":`` is left out: run as a script, it is another module
(``__main__``), and importing it never runs that block."""

from __future__ import annotations

import ast

from tests.conftest import ROOT


def modules() -> dict[str, ast.Module]:
    out = {}
    for path in sorted((ROOT / "iolint").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = ast.parse(path.read_text("utf-8"), str(path))
    return out


def graph() -> dict[str, set[str]]:
    """module -> the iolint modules it imports (``from a import b`` is a.b when b is a module)."""
    trees = modules()
    edges: dict[str, set[str]] = {name: set() for name in trees}
    for name, tree in trees.items():
        for node in _walk(tree):
            if isinstance(node, ast.Import):
                edges[name] |= {a.name for a in node.names if a.name in trees}
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{name}: a relative import"
                for alias in node.names:
                    target = f"{node.module}.{alias.name}"
                    if target in trees:
                        edges[name].add(target)
                    elif node.module in trees:
                        edges[name].add(node.module)
    return edges


def _walk(tree: ast.AST):
    """``ast.walk`` without the bodies of ``if __name__ == "__main__":``."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, ast.If) and ast.unparse(node.test).replace("'", '"') == '__name__ == "__main__"':
            todo += node.orelse
            continue
        todo += ast.iter_child_nodes(node)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (or a module importing itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in edges[v]:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle():
    assert cycles(graph()) == []


def test_the_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"a"}}) == [["a"]]


def test_the_graph_sees_imports_inside_functions():
    edges = graph()
    assert "iolint.datachecks" in edges["iolint.engine"]  # imported where a rule pack needs it
    assert "iolint.checks" not in edges["iolint.registry"]  # the binding modules are discovered


def test_the_graph_leaves_out_what_a_script_block_imports():
    tree = ast.parse("import os\nif __name__ == '__main__':\n    import sys\n")
    assert {n.names[0].name for n in _walk(tree) if isinstance(n, ast.Import)} == {"os"}
