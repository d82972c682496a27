"""Screenshots of preview pages with a headless Chromium already on the machine.

Chromium runs as a subprocess with a throw-away profile, every host name unresolvable and the
background services (updates, sync, metrics) off, so that a screenshot makes no network
request; the pages themselves forbid any request (see ``page.CSP``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
WINDOW = (1440, 1000)
TIMEOUT = 60


class BrowserError(Exception):
    """No browser, or one that failed to take a screenshot."""


def find(explicit: str | Path | None = None) -> str:
    """The browser to use: ``explicit`` if given, else the first Chromium on PATH."""
    if explicit is not None:
        found = shutil.which(str(explicit))
        if found is None:
            raise BrowserError(f"--browser {explicit}: no such program")
        return found
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserError(
        "no Chromium found on PATH (looked for " + ", ".join(NAMES) + "): install one "
        "(e.g. apt-get install chromium) or give its path with --browser"
    )


def flags(profile: str) -> list[str]:
    out = [
        "--headless",
        "--disable-gpu",
        "--hide-scrollbars",
        "--mute-audio",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-sync",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--metrics-recording-only",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        out.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return out


def screenshot(browser: str, page: Path, png: Path, *, window: tuple[int, int] = WINDOW) -> None:
    """Write ``png``, a screenshot of the HTML file ``page`` in a window of ``window`` pixels."""
    png.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="iolint-chromium-") as profile:
        command = [
            browser,
            *flags(profile),
            f"--window-size={window[0]},{window[1]}",
            f"--screenshot={png.resolve()}",
            page.resolve().as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise BrowserError(f"{browser} took more than {TIMEOUT} s on {page}") from None
        except OSError as exc:
            raise BrowserError(f"cannot run {browser}: {exc.strerror or exc}") from None
    if not png.is_file() or png.stat().st_size == 0:
        tail = (done.stderr or "").strip().splitlines()[-3:]
        raise BrowserError(f"{browser} made no screenshot of {page} (exit {done.returncode}): {' | '.join(tail)}")
