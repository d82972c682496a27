"""No network: iolint works with every socket refused, in this process and in a fresh one.

Presidio and spaCy load for a team's recognizers or a presidio engine; tldextract (under presidio's
EmailRecognizer) would fetch the Public Suffix List on a fresh machine unless told not to.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

import iolint
from tests.strategies import NOW
from tests.test_no_leaks import PAYLOADS, TEMPLATES

EMAIL_TEXT = "Per il rimborso scrivi a mario.rossi@gmail.com entro venerdì"

REFUSE_NETWORK = """
import socket
calls = []

def refuse(*args, **kwargs):
    calls.append(repr(args[1:2] or args[:1]))
    raise OSError("network refused by the test")

socket.socket.connect = socket.socket.connect_ex = refuse
socket.create_connection = socket.getaddrinfo = refuse
"""

FRESH_RUN = """
import json, sys
from iolint.cli import main
code = main(sys.argv[1:])
from presidio_analyzer.predefined_recognizers import EmailRecognizer  # as in a team's own engine
from iolint.pii.recognizers import build_analyzer
text = %r
found = build_analyzer().analyze(text=text, language="it")
found += EmailRecognizer(supported_language="it").analyze(text, ["EMAIL_ADDRESS"])
loaded = sorted(m for m in ("presidio_analyzer", "spacy", "tldextract") if m in sys.modules)
print(json.dumps({"code": code, "calls": calls, "found": len(found), "loaded": loaded}))
"""


@pytest.fixture
def refused(monkeypatch) -> list:
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise OSError("network refused by the test")

    for owner, name in [
        (socket.socket, "connect"),
        (socket.socket, "connect_ex"),
        (socket, "create_connection"),
        (socket, "getaddrinfo"),
    ]:
        monkeypatch.setattr(owner, name, refuse)
    return calls


@pytest.fixture
def files(tmp_path):
    paths = []
    for payload in PAYLOADS.values():
        paths.append(tmp_path / f"{len(paths)}.json")
        paths[-1].write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    for name, template in TEMPLATES.items():
        paths.append(tmp_path / name)
        paths[-1].write_text(template, encoding="utf-8")
    return paths


def test_cli_and_api_in_process(refused, files, tmp_path, monkeypatch):
    from iolint.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["check", *map(str, files), "--no-cache", "--now", NOW.isoformat(), "-o", "report.txt"]) == 1
    assert "IO501" in (tmp_path / "report.txt").read_text("utf-8")
    for payload in PAYLOADS.values():
        assert not iolint.lint(payload, now=NOW).ok
    assert refused == []


def test_offline_analyzer_engine_in_process(refused):
    from iolint.pii.recognizers import build_analyzer

    assert build_analyzer().analyze(text=EMAIL_TEXT, language="it")
    assert refused == []


def test_fresh_process(files, tmp_path):
    """Fresh imports of presidio, spaCy and tldextract, an empty tldextract cache, sockets refused."""
    script = REFUSE_NETWORK + FRESH_RUN % EMAIL_TEXT
    env = {k: v for k, v in os.environ.items() if not k.startswith("TLDEXTRACT")}
    env |= {"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    argv = ["check", *map(str, files), "--now", NOW.isoformat(), "-o", str(tmp_path / "report.txt")]
    done = subprocess.run(
        [sys.executable, "-c", script, *argv], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["code"] == 1, done.stderr
    assert result["calls"] == [], done.stderr
    assert result["found"] >= 2
    assert result["loaded"] == ["presidio_analyzer", "spacy", "tldextract"]
    assert "Traceback" not in done.stderr
