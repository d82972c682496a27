"""Send an IO message only if iolint finds nothing wrong with it.

    from send import send_message
    message_id = send_message(payload, api_key=os.environ["IO_API_KEY"])

``iolint.check_before_send`` raises ``iolint.MessageRejected`` (with the findings) before any
request is made; IO's own refusals (400 ProblemJson and the like) raise ``IoApiError``.

From the shell: ``python send.py message.json`` (IO_API_KEY and, optionally, IO_BASE_URL from the
environment).
"""

from __future__ import annotations

import json
import os
import sys

import httpx

import iolint

BASE_URL = "https://api.io.pagopa.it"


class IoApiError(Exception):
    """IO refused the message: ``status``, and the ProblemJson ``title`` and ``detail`` if any."""

    def __init__(self, status: int, title: str, detail: str = ""):
        self.status, self.title, self.detail = status, title, detail
        super().__init__(f"IO answered {status}: {title}" + (f"\n{detail}" if detail else ""))


def send_message(
    payload, *, api_key: str, base_url: str = BASE_URL, client: httpx.Client | None = None, **lint_options
) -> str:
    """POST the message to ``{base_url}/api/v1/messages``; returns the new message's id.

    ``lint_options`` go to ``iolint.lint`` (``plan="premium"``, ``config=...``).
    """
    body = iolint.check_before_send(payload, **lint_options)
    http = client or httpx.Client(timeout=30)
    try:
        response = http.post(
            f"{base_url.rstrip('/')}/api/v1/messages",
            json=body,
            headers={"Ocp-Apim-Subscription-Key": api_key},
        )
    finally:
        if client is None:
            http.close()
    if response.status_code == 201:
        return response.json()["id"]
    if response.headers.get("content-type", "").startswith("application/problem+json"):
        problem = response.json()
        raise IoApiError(response.status_code, problem.get("title", ""), problem.get("detail", ""))
    raise IoApiError(response.status_code, response.reason_phrase, response.text[:500])


def main(argv: list[str]) -> int:
    if len(argv) != 1 or "IO_API_KEY" not in os.environ:
        print("usage: IO_API_KEY=... [IO_BASE_URL=...] python send.py MESSAGE.json", file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as handle:
        payload = json.load(handle)
    try:
        message_id = send_message(
            payload, api_key=os.environ["IO_API_KEY"], base_url=os.environ.get("IO_BASE_URL", BASE_URL)
        )
    except (iolint.MessageRejected, IoApiError) as exc:
        print(f"not sent: {exc}", file=sys.stderr)
        return 1
    print(message_id)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
