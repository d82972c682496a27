"""`iolint preview` pages in a real browser: Playwright drives the system's Chromium.

Assertions are on the rendered page (layout, visible text, pixels), not on the HTML. Every
request a page makes is recorded, and only file: and data: ones are let through. Without
Playwright or a Chromium on PATH these tests skip, saying which is missing; .ci/run installs
Chromium from the distribution's packages so that they run in CI.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import struct

import pytest

from iolint.appview.browser import NAMES
from tests.conftest import ROOT

CHROMIUM = next((shutil.which(name) for name in NAMES if shutil.which(name)), None)
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

MISSING = (
    "Playwright is not installed (pip install -e '.[test]')"
    if sync_playwright is None
    else "no Chromium on PATH (apt-get install chromium; .ci/run does)"
    if CHROMIUM is None
    else None
)
# In CI (CI=true) a missing browser fails these tests: there they must run, not skip.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(MISSING is not None and os.environ.get("CI") != "true", reason=str(MISSING)),
]

NOW = "2031-03-05T08:05:00Z"
LONG_SUBJECT = (
    "Avviso di pagamento della tassa sui rifiuti per l'anno 2031: rata unica per l'immobile "
    "di via Roma, in scadenza a fine luglio"
)
PAYMENT = {
    "content": {
        "subject": LONG_SUBJECT,
        "markdown": (
            '---\nit:\n  cta_1:\n    text: Vai al servizio\n    action: "ioit://SERVICES_HOME"\n---\n'
            "Testo con <b>grassetto</b> che l'app mostra così.\n\n"
            "| colonna | importo |\n|---|---|\n| cella-segreta | 187,90 |\n\n"
            "Il resto del messaggio, che l'app mostra come testo normale."
        ),
        "due_date": "2031-07-31T22:30:00Z",  # 00:30 of 1 August in Rome
        "payment_data": {"amount": 18790, "notice_number": "301166131860913988"},
    }
}
ITALIAN_CTA = {
    "content": {
        "subject": "Il tuo appuntamento è confermato",
        "markdown": (
            '---\nit:\n  cta_1:\n    text: Prenota\n    action: "ioit://SERVICES_HOME"\n---\n'
            "Ti aspettiamo allo sportello dell'anagrafe con un documento di identità valido."
        ),
    }
}
HOSTILE = {
    "content": {
        "subject": '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">',
        "markdown": (
            '<script>window.__pwned = 3</script>\n\n<img src="https://example.org/t.png" onerror="window.__pwned = 4">'
            "\n\n[link](javascript:window.__pwned=5) ![immagine](https://example.org/pixel.png)"
            '\n\n<style>body { display: none }</style> <iframe src="https://example.org"></iframe>'
        ),
    }
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The pages `iolint preview` writes for the messages above."""
    from iolint.cli import main

    folder = tmp_path_factory.mktemp("preview")
    for name, data in (("payment", PAYMENT), ("italian-cta", ITALIAN_CTA), ("hostile", HOSTILE)):
        (folder / f"{name}.json").write_text(json.dumps(data), "utf-8")
    out = folder / "out"
    files = [folder / f"{name}.json" for name in ("payment", "italian-cta", "hostile")]
    assert main(["preview", *map(str, files), "--output-dir", str(out), "--now", NOW]) == 0
    return {name: next(out.glob(f"*{name}.json.html")) for name in ("payment", "italian-cta", "hostile")}


@pytest.fixture(scope="module")
def browser():
    if MISSING:
        pytest.fail(f"the browser tests must run in CI: {MISSING}")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--host-resolver-rules=MAP * ~NOTFOUND"])
        yield launched
        launched.close()


class Tab:
    """A page with every request recorded; only file: and data: requests get through."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1440, "height": 1000})
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def _route(self, route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    def open(self, path):
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self.page

    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(("file:", "data:"))]


@pytest.fixture
def tab(browser):
    opened = Tab(browser)
    yield opened
    opened.context.close()


def test_request_counting_catches_a_request(tab):
    """The counter used below does see a page's requests (so that 'none' means something)."""
    tab.page.set_content('<img src="https://example.org/counted.png">')
    tab.page.wait_for_timeout(200)
    assert tab.outside() == ["https://example.org/counted.png"]


@pytest.mark.parametrize("name", ["payment", "italian-cta", "hostile"])
def test_no_request_leaves_the_page(tab, pages, name):
    tab.open(pages[name])
    tab.page.click("label.lang-en")
    tab.page.wait_for_timeout(200)
    assert tab.outside() == []
    assert tab.requests and all(url.startswith("file:") for url in tab.requests)


def test_index_page_requests_nothing_outside(tab, pages):
    tab.open(pages["payment"].parent / "index.html")
    assert tab.outside() == []


def test_inbox_title_wraps_to_two_lines_with_an_ellipsis(tab, pages):
    page = tab.open(pages["payment"])
    preview = page.locator(".l-it .row-preview")
    box = preview.bounding_box()
    assert box["height"] == pytest.approx(2 * 21, abs=0.5)  # BodySmall 14/21, two lines
    style = preview.evaluate("e => [getComputedStyle(e).webkitLineClamp, e.scrollHeight, e.clientHeight]")
    assert style[0] == "2" and style[1] > style[2]  # clamped: more text than the two lines shown
    unclamped = preview.evaluate(
        "e => { e.style.webkitLineClamp = 'none'; e.style.display = 'block'; return e.getBoundingClientRect().height }"
    )
    assert unclamped > 3 * 21 - 1  # the whole text would take more lines
    assert page.locator(".l-it .row-org").bounding_box()["height"] == pytest.approx(24, abs=0.5)


def test_android_collapsed_notification_is_one_line(tab, pages):
    page = tab.open(pages["payment"])
    body = page.locator(".push.android.collapsed .push-body").first
    assert body.bounding_box()["height"] == pytest.approx(20, abs=0.5)
    assert body.evaluate("e => e.scrollWidth > e.clientWidth")


def test_table_text_is_absent_and_literal_html_is_visible(tab, pages):
    page = tab.open(pages["payment"])
    shown = page.locator(".l-it .body").inner_text()
    assert "cella-segreta" not in shown and "colonna" not in shown
    assert "Testo con <b>grassetto</b> che l'app mostra così." in shown
    assert "cella-segreta" not in page.locator("body").inner_text()
    assert page.locator(".l-it .dropped.table").is_visible()  # marked where it would have been


def test_amount_and_due_date(tab, pages):
    page = tab.open(pages["payment"])
    assert page.locator(".l-it .amount").inner_text() == "187,90 €"
    assert page.locator(".l-it .alert.warning .alert-text").inner_text() == "Scade il 01/08/31 alle ore 00:30"
    assert page.locator(".l-it .btn:visible").all_inner_texts() == ["Paga", "Vai al servizio"]
    page.click("label.lang-en")
    assert page.locator(".l-en .amount").inner_text() == "187.90 €"
    assert not page.locator(".l-it .amount").is_visible()
    assert page.locator(".l-en .btn:visible").all_inner_texts() == ["Pay"]  # no CTA in English


def test_english_user_gets_no_button_when_only_italian_exists(tab, pages):
    page = tab.open(pages["italian-cta"])
    assert page.locator(".btn:visible").all_inner_texts() == ["Prenota"]
    page.click("label.lang-en")
    assert page.locator(".btn:visible").count() == 0
    assert page.locator(".l-en .detail-screen").is_visible()


def test_no_script_runs(tab, pages):
    page = tab.open(pages["hostile"])
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => document.scripts.length") == 0
    assert page.locator("img, iframe").count() == 0
    assert tab.dialogs == []
    shown = page.locator(".l-it .detail-screen").inner_text()
    assert "<script>window.__pwned = 1</script>" in shown and "<iframe" in shown
    assert page.locator("body").is_visible()


def test_screenshot_is_not_blank(tab, tmp_path):
    """`--png` takes a real screenshot: the right size, and far from one flat colour."""
    from iolint.cli import main

    source = ROOT / "examples/payloads/good/avviso-tari.json"
    assert main(["preview", str(source), "-o", str(tmp_path), "--png", "--browser", CHROMIUM, "--now", NOW]) == 0
    (png,) = tmp_path.glob("*.png")
    raw = png.read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", raw[16:24]) == (1440, 1000)
    tab.page.set_content("<canvas></canvas>")
    stats = tab.page.evaluate(
        """async uri => {
            const img = new Image(); img.src = uri; await img.decode();
            const c = document.querySelector('canvas'); c.width = img.width; c.height = img.height;
            const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
            const d = ctx.getImageData(0, 0, c.width, c.height).data;
            const colours = new Set(); let dark = 0;
            for (let i = 0; i < d.length; i += 4 * 7) {
                colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
                if (d[i] + d[i + 1] + d[i + 2] < 300) dark++;
            }
            return {colours: colours.size, dark: dark / (d.length / 28)};
        }""",
        "data:image/png;base64," + base64.b64encode(raw).decode(),
    )
    assert stats["colours"] > 100
    assert stats["dark"] > 0.02  # text, the phone frames, the lock screen
