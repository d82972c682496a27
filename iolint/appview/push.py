"""The push notification of a new message, and where the phones cut it.

Facts: pagopa/io-messages (``apps/pushnotif-func``). The texts are IO's server templates, in Italian
whatever the citizen's language. "Full" (organisation name / subject) is sent only to citizens who
chose it; everyone else gets the anonymous text. Apple publishes no limits: the character counts
below are the commonly measured ones for iOS (about four lines on the lock screen, two on a banner).
Android's collapsed notification ellipsizes title and body at one line each, which the page does
with CSS at the platform's width.
"""

from __future__ import annotations

from dataclasses import dataclass

IOS_LOCK_SCREEN_CHARS = 110
IOS_BANNER_CHARS = 62
ANONYMOUS_TITLE = "Hai un nuovo messaggio"
ANONYMOUS_BODY = "Entra nell'app per leggerlo"


@dataclass(frozen=True)
class Notification:
    title: str
    body: str


def notifications(organization: str, subject: str) -> dict[str, Notification]:
    """The "full" and the "anonymous" notification of a new message."""
    return {
        "full": Notification(organization, subject),
        "anonymous": Notification(ANONYMOUS_TITLE, ANONYMOUS_BODY),
    }


def clip(text: str, limit: int) -> str:
    """``text`` as a notification shows it in ``limit`` characters: whole words, then "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:  # a long word is cut where it is, as the phone does
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–") + "…"
