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
    stdin("")
    assert check(run_cli, tmp_path, "-")[1] == [("-", 1, "IO004")]


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
