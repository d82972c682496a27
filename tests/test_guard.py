"""examples/guard/send.py against a local stand-in for the IO API: a bad message is never sent."""

from __future__ import annotations

import importlib.util
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import iolint
from tests.conftest import ROOT

GOOD = {
    "fiscal_code": "RSSMRA85T10A562S",
    "content": {
        "subject": "Il tuo appuntamento è confermato",
        "markdown": "Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio alle 9:30. Porta una fototessera.",
    },
}


def load_guard():
    spec = importlib.util.spec_from_file_location("guard_send", ROOT / "examples" / "guard" / "send.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class FakeIo(BaseHTTPRequestHandler):
    """Answers like POST /api/v1/messages: 201 {id}, or 400 ProblemJson for a body it refuses."""

    received: list = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeIo.received.append((self.path, self.headers.get("Ocp-Apim-Subscription-Key"), body))
        subject = body.get("content", {}).get("subject", "")
        if self.path == "/api/v1/messages" and 10 <= len(subject) < 121:
            self.answer(201, "application/json", {"id": "01HZX5R3SEQ6Y7M4Z1T9K2W8QF"})
        else:
            detail = f'value "{subject}" at root.content.subject is not a valid [string of length >= 10 and < 121]'
            problem = {"title": "Invalid message structure", "status": 400, "detail": detail}
            self.answer(400, "application/problem+json", problem)

    def answer(self, status, kind, data):
        raw = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args):
        pass


@pytest.fixture
def io_api():
    FakeIo.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeIo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_a_good_message_is_sent(io_api):
    guard = load_guard()
    assert guard.send_message(GOOD, api_key="k3y", base_url=io_api) == "01HZX5R3SEQ6Y7M4Z1T9K2W8QF"
    [(path, key, body)] = FakeIo.received
    assert (path, key, body) == ("/api/v1/messages", "k3y", GOOD)


def test_a_bad_message_is_refused_before_any_request(io_api):
    guard = load_guard()
    bad = {**GOOD, "content": {**GOOD["content"], "subject": "Avviso TARI per RSSMRA85T10A562S"}}
    with pytest.raises(iolint.MessageRejected) as refused:
        guard.send_message(bad, api_key="k3y", base_url=io_api)
    assert [f.code for f in refused.value.findings] == ["IO501"]
    assert "RSSMRA85T10A562S" not in str(refused.value)
    assert FakeIo.received == []


def test_a_refusal_by_io_is_an_error_with_the_problem(io_api, monkeypatch):
    guard = load_guard()
    monkeypatch.setattr(guard.iolint, "check_before_send", lambda payload, **_: payload)  # IO checks, not iolint
    with pytest.raises(guard.IoApiError) as refused:
        guard.send_message({**GOOD, "content": {**GOOD["content"], "subject": "Ciao"}}, api_key="k3y", base_url=io_api)
    assert refused.value.status == 400
    assert refused.value.title == "Invalid message structure"
    assert "root.content.subject" in refused.value.detail
