"""`iolint check -` reads a payload, a JSONL batch or (named) a template from standard input."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

NOW = "2025-01-01T00:00:00Z"
BODY = (
    "Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio alle 9:30. Porta una fototessera."
)
GOOD = {"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": "Il tuo appuntamento è confermato", "markdown": BODY}}
BAD = {**GOOD, "fiscal_code": "RSSMRA85T10A562X"}  # IO121


@pytest.fixture
def stdin(monkeypatch):
    def feed(text: str):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))

    return feed


def check(run_cli, tmp_path, *args):
    code, out, err = run_cli("check", "--now", NOW, "--no-cache", "--format", "json", *args, cwd=tmp_path)
    return code, [(f["file"], f["line"], f["code"]) for f in json.loads(out)], err


def test_render_piped_into_check(tmp_path):
    """The README's pipe, with real processes and a real pipe."""
    iolint = [sys.executable, "-m", "iolint"]
    rendered = subprocess.run(
        [*iolint, "render", "tari/avviso-pagamento", "--sample", "--fiscal-code", "RSSMRA85T10A562S"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    done = subprocess.run(
        [*iolint, "check", "-", "--no-cache", "--now", NOW],
        input=rendered,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert (done.returncode, done.stderr) == (0, "") and "Checked 1 file: no findings" in done.stdout
    broken = rendered.replace('"amount": 18790', '"amount": 187.9')
    done = subprocess.run(
        [*iolint, "check", "-", "--no-cache", "--now", NOW], input=broken, capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 1
    assert "-:" in done.stdout and "IO201" in done.stdout and '"amount": 187.9' in done.stdout  # the excerpt is stdin's


def test_a_pretty_payload_a_batch_and_yaml_are_told_apart(run_cli, tmp_path, stdin):
    stdin(json.dumps(BAD, indent=2))
    assert check(run_cli, tmp_path, "-") == (1, [("-", 2, "IO121")], "")
    stdin("\n".join(json.dumps(m) for m in (GOOD, BAD, BAD)) + "\n")
    code, found, _ = check(run_cli, tmp_path, "-", "--fail-level", "warning")
    assert code == 1 and ("-", 2, "IO121") in found and ("-", 3, "IO121") in found and ("-", 3, "IO131") in found
    stdin(
        "fiscal_code: RSSMRA85T10A562X\ncontent:\n  subject: Il tuo appuntamento è confermato\n  markdown: "
        + BODY
        + "\n"
    )
    assert check(run_cli, tmp_path, "-")[:2] == (1, [("-", 1, "IO121")])
    stdin(json.dumps([GOOD, BAD]))  # a JSON list on one line
    assert check(run_cli, tmp_path, "-")[1] == [("-", 1, "IO121")]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_without_a_bom_is_binary_as_in_a_file(run_cli, tmp_path, monkeypatch, encoding):
    """json.loads reads bytes in UTF-16 and UTF-32 too: the first line sniffed as a whole JSON
    object made the input a JSONL batch, whose lines were then "invalid JSON" at 1:2 and 2:1."""
    raw = (json.dumps(BAD) + "\n").encode(encoding)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    code, out, _ = run_cli("check", "--now", NOW, "--no-cache", "--format", "json", "-", cwd=tmp_path)
    assert code == 1 and [(f["code"], f["message"]) for f in json.loads(out)] == [
        ("IO001", "binary file: payloads and templates are UTF-8 text")
    ]


@pytest.mark.parametrize("text", ["", "\n  \n"], ids=["nothing", "blank lines"])
def test_empty_stdin_is_an_error(run_cli, tmp_path, stdin, text):
    """A generator that produced nothing must not pass CI, as a folder named with nothing to check."""
    stdin(text)
    assert check(run_cli, tmp_path, "-") == (2, [], "iolint: stdin is empty: nothing to check\n")
    stdin(text)
    assert check(run_cli, tmp_path, "-", "--stdin-filename", "batch.jsonl")[0] == 2


def test_a_batch_whose_first_line_is_broken_is_checked_line_by_line(run_cli, tmp_path, stdin):
    text = '{"fiscal_code": "RSSMRA85T10A562X", "content": {\n' + json.dumps(BAD) + "\n\n" + json.dumps(GOOD) + "\n"
    (tmp_path / "batch.jsonl").write_text(text, "utf-8")
    code, named, _ = check(run_cli, tmp_path, "batch.jsonl")
    assert code == 1 and ("batch.jsonl", 1, "IO002") in named and ("batch.jsonl", 2, "IO121") in named
    stdin(text)
    assert check(run_cli, tmp_path, "-") == (code, [("-", line, rule) for _, line, rule in named], "")
    stdin(text)  # named as one JSON document, it is one
    assert check(run_cli, tmp_path, "-", "--stdin-filename", "one.json")[1] == [("one.json", 2, "IO002")]
    stdin(json.dumps(BAD, indent=2))  # a pretty payload is one document, not a batch
    assert check(run_cli, tmp_path, "-")[1] == [("-", 2, "IO121")]


DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (DEEP + "\n", [("-", 1, "IO002")]),  # one document, too deep
        (DEEP + "\n" + json.dumps(BAD) + "\n", [("-", 1, "IO002"), ("-", 2, "IO121")]),  # a batch
        ("[\n" + DEEP + "\n" + json.dumps(BAD) + "\n", [("-", 1, "IO002"), ("-", 2, "IO002"), ("-", 3, "IO121")]),
    ],
    ids=["deep document", "deep first line", "deep second line"],
)
def test_deeply_nested_stdin_is_a_finding(run_cli, tmp_path, stdin, text, expected):
    """Telling a payload from a batch parsed the first line, and then the whole input, with
    json.loads: 100,000 brackets raised RecursionError, an internal error for the whole run."""
    stdin(text)
    code, found, err = check(run_cli, tmp_path, "-")
    assert (code, found) == (1, expected), err


def test_an_unnamed_template_is_told_to_name_itself(run_cli, tmp_path, stdin):
    stdin('subject: "Avviso per {{ nome }}"\nmarkdown: "{{ testo }}"\n')
    code, out, _ = run_cli("check", "--no-cache", "--format", "json", "-", cwd=tmp_path)
    assert [f["code"] for f in json.loads(out)] == ["IO004"]
    assert "name it with --stdin-filename NAME.io.yaml" in json.loads(out)[0]["message"]
    (tmp_path / "x.yaml").write_text('subject: "{{ nome }}"\n', "utf-8")
    code, out, _ = run_cli("check", "--no-cache", "--format", "json", "x.yaml", cwd=tmp_path)
    assert "--stdin-filename" not in out  # a file has a name already


def test_stdin_filename_names_it_for_messages_config_and_suppressions(run_cli, tmp_path, stdin):
    (tmp_path / "iolint.toml").write_text('[per-file-ignores]\n"legacy/*.json" = ["IO121"]\n', "utf-8")
    stdin(json.dumps(BAD, indent=2))
    assert check(run_cli, tmp_path, "-", "--stdin-filename", "messages/a.json")[:2] == (
        1,
        [("messages/a.json", 2, "IO121")],
    )
    stdin(json.dumps(BAD, indent=2))
    assert check(run_cli, tmp_path, "-", "--stdin-filename", "legacy/a.json")[:2] == (0, [])
    (tmp_path / "iolint-suppressions.yaml").write_text(
        "- {file: old/*.json, code: IO121, field: fiscal_code, reason: test recipients}\n", "utf-8"
    )
    stdin(json.dumps(BAD, indent=2))
    assert check(run_cli, tmp_path, "-", "--stdin-filename", "old/b.json")[:2] == (0, [])


def test_stdin_filename_gives_the_kind(run_cli, tmp_path, stdin):
    template = (
        "subject: Il tuo appuntamento è confermato\n"
        "markdown: |\n  Ciao {{ nome }}, il tuo appuntamento allo sportello anagrafe è confermato per lunedì alle 9:30.\n"
    )
    stdin(template)
    code, found, _ = check(run_cli, tmp_path, "-", "--stdin-filename", "conferma.io.yaml")
    assert code == 1 and ("conferma.io.yaml", 3, "IO710") in found  # `nome` is not declared
    stdin(json.dumps(BAD) + "\n" + json.dumps(BAD) + "\n")
    code, found, _ = check(run_cli, tmp_path, "-", "--stdin-filename", "batch.jsonl", "--jobs", "2")
    assert ("batch.jsonl", 2, "IO121") in found and ("batch.jsonl", 2, "IO131") in found


def test_excerpts_show_stdin_not_a_file_of_that_name(run_cli, tmp_path, stdin):
    (tmp_path / "a.json").write_text(json.dumps(GOOD, indent=2) + "\n", "utf-8")
    stdin(
        json.dumps(
            {
                **GOOD,
                "content": {**GOOD["content"], "payment_data": {"amount": 1.5, "notice_number": "302123456789012356"}},
            },
            indent=4,
        )
    )
    code, out, _ = run_cli(
        "check", "--now", NOW, "--no-cache", "--select", "IO201", "-", "--stdin-filename", "a.json", cwd=tmp_path
    )
    assert code == 1 and '"amount": 1.5' in out


def test_force_exclude_applies_to_the_stdin_name(run_cli, tmp_path, stdin):
    (tmp_path / "iolint.toml").write_text('extend-exclude = ["drafts"]\n', "utf-8")
    stdin(json.dumps(BAD))
    assert check(run_cli, tmp_path, "-", "--stdin-filename", "drafts/a.json", "--force-exclude")[:2] == (0, [])
