"""Generated regions of markdown files: rewritten between their markers, hand-written text kept,
stale ones reported by ``iolint docs --check``."""

import pytest

from iolint import docgen, docs
from iolint.cli import main
from iolint.ruleset import builtin_rules

DOC = """# Title

Hand-written text.

<!-- BEGIN generated: table (a note for editors) -->
old
<!-- END generated: table -->

More text, kept.
<!-- BEGIN generated: other -->
<!-- END generated: other -->
"""


def test_write_replaces_only_the_inside_of_named_regions(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(DOC, "utf-8")
    assert docgen.stale(path, {"table": "| a |\n| --- |\n"}) == ["table"]
    assert docgen.write(path, {"table": "| a |\n| --- |\n"}) == ["table"]
    text = path.read_text("utf-8")
    assert text == DOC.replace("\nold\n", "\n\n| a |\n| --- |\n\n")
    assert docgen.stale(path, {"table": "| a |\n| --- |"}) == []  # surrounding newlines do not matter
    assert docgen.write(path, {"table": "| a |\n| --- |"}) == []
    assert docgen.regions(text)["other"] == ""


def test_a_missing_region_is_an_error_not_a_no_op(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text(DOC, "utf-8")
    with pytest.raises(docgen.DocgenError, match="no generated region `rules`; add `<!-- BEGIN generated: rules -->`"):
        docgen.write(path, {"rules": "x"})
    assert path.read_text("utf-8") == DOC


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<!-- BEGIN generated: a -->\nx\n", "a BEGIN marker of `a` has no matching END"),
        ("x\n<!-- END generated: a -->\n", "an? END marker of `a` has no matching BEGIN"),
        ("<!-- BEGIN generated: a -->\n<!-- END generated: b -->\n", "of `a` has no matching END"),
        ("<!-- BEGIN generated: a -->\n<!-- END generated: a -->\n" * 2, "`a` appears twice"),
    ],
)
def test_malformed_markers_are_refused(text, problem):
    with pytest.raises(docgen.DocgenError, match=problem):
        docgen.regions(text, "doc.md")


def test_docs_command_writes_then_checks(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "README.md").write_text(DOC.replace("table", "rules"), "utf-8")
    assert main(["docs", "--check"]) == 1
    assert "README.md: the generated region `rules` is stale: run `iolint docs --write`" in capsys.readouterr().err
    assert main(["docs", "--write"]) == 0
    assert (
        docgen.regions((tmp_path / "README.md").read_text("utf-8"))["rules"].strip()
        == docs.rules_table(builtin_rules()).strip()
    )
    assert main(["docs", "--check"]) == 0
    assert main(["docs", "--check", "other.md"]) == 2
    assert capsys.readouterr().err.endswith("\niolint: other.md: No such file or directory\n")


def test_docs_command_adds_the_rules_of_configured_packs(tmp_path, monkeypatch):
    from tests.conftest import ROOT

    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.iolint]\nrule-packs = ["{(ROOT / "examples" / "packs" / "ente.yaml").as_posix()}"]\n', "utf-8"
    )
    (tmp_path / "rules.md").write_text("<!-- BEGIN generated: rules -->\n<!-- END generated: rules -->\n", "utf-8")
    assert main(["docs", "--write", "rules.md"]) == 0
    assert "| ENTE001 | `urgent-in-title` | warning |" in (tmp_path / "rules.md").read_text("utf-8")


def test_docs_on_a_file_it_cannot_read_is_a_clear_error(tmp_path, monkeypatch, capsys):
    """A FIFO blocked `iolint docs --check` for ever; a file that is not UTF-8 was an internal error."""
    import os
    import subprocess
    import sys

    os.mkfifo(tmp_path / "fifo.md")
    (tmp_path / "latin1.md").write_bytes("<!-- BEGIN generated: rules -->\nè\n".encode("latin-1"))
    for name, says in (("fifo.md", "not a regular file"), ("latin1.md", "not UTF-8 text (byte 0xe8)")):
        argv = [sys.executable, "-m", "iolint", "docs", "--check", name]
        done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert done.returncode == 2 and f"iolint: {name}: {says}" in done.stderr, done.stderr
