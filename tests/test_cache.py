"""The cache: an unchanged file is not checked again; any change to file or settings is."""

from __future__ import annotations

import json

import pytest

from iolint import inputs

CF = "RSSMRA85T10A562S"
NOW = "2025-01-01T00:00:00Z"
BODY = "Hai un avviso di pagamento per la TARI 2025. Puoi pagare direttamente in app con il pulsante Paga entro la scadenza."
PAYLOAD = {"fiscal_code": CF, "content": {"subject": f"Avviso per {CF}", "markdown": BODY,
                                          "payment_data": {"amount": 123.5, "notice_number": "302123456789012356"}}}


@pytest.fixture
def calls(monkeypatch):
    """How many files the engine checked."""
    seen = []
    real = inputs.check_file

    def counted(linter, path, display, **kw):
        seen.append(display)
        return real(linter, path, display, **kw)

    monkeypatch.setattr(inputs, "check_file", counted)
    return seen


def check(run_cli, tmp_path, *args):
    return run_cli("check", "--now", NOW, "--format", "json", *args, cwd=tmp_path)


def test_second_run_reads_the_cache(run_cli, tmp_path, calls):
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    (tmp_path / "b.json").write_text(json.dumps({**PAYLOAD, "time_to_live": 3600}), "utf-8")
    first = check(run_cli, tmp_path)
    assert sorted(calls) == ["a.json", "b.json"]
    assert (tmp_path / ".iolint_cache" / "CACHEDIR.TAG").is_file()
    calls.clear()
    assert check(run_cli, tmp_path) == first
    assert calls == []
    (tmp_path / "b.json").write_text(json.dumps(PAYLOAD), "utf-8")
    check(run_cli, tmp_path)
    assert calls == ["b.json"]


def test_a_cached_run_does_not_load_the_engine(tmp_path, python):
    import subprocess

    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    probe = (
        "import sys; from iolint.cli import main; code = main(['check', '--now', '%s', '-o', 'out.txt']);"
        "print(code, *sorted(m for m in sys.modules if m in ('iolint.engine', 'presidio_analyzer', 'iolint.checks')))"
    ) % NOW
    runs = [subprocess.run([python, "-c", probe], cwd=tmp_path, capture_output=True, text=True) for _ in range(2)]
    assert runs[0].stdout.split() == ["1", "iolint.checks", "iolint.engine", "presidio_analyzer"]
    assert runs[1].stdout.split() == ["1"], runs[1].stderr


def test_settings_are_part_of_the_key(run_cli, tmp_path, calls):
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    check(run_cli, tmp_path)
    check(run_cli, tmp_path, "--select", "IO201")
    check(run_cli, tmp_path, "--plan", "premium")
    run_cli("check", "--now", "2031-01-01T00:00:00Z", cwd=tmp_path)
    assert calls == ["a.json"] * 4


def test_no_cache_and_show_values_leave_no_cache(run_cli, tmp_path, calls):
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    check(run_cli, tmp_path, "--no-cache")
    check(run_cli, tmp_path, "--show-values")
    assert not (tmp_path / ".iolint_cache").exists()
    assert calls == ["a.json"] * 2


def test_the_cache_holds_masked_findings_only(run_cli, tmp_path):
    (tmp_path / "iolint.toml").write_text('cache-dir = "build/lint-cache"\n', "utf-8")
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    check(run_cli, tmp_path)
    entries = list((tmp_path / "build" / "lint-cache").rglob("*.json"))
    assert entries
    assert all(CF not in e.read_text("utf-8") for e in entries)
