"""Self-contained HTML pages: one per message, and an index.

A page makes no request of any kind: the CSS is inline, fonts are the local stack, the logo is
the organisation's initials or a data: URI, images in a body are placeholders, and a
Content-Security-Policy forbids anything else (scripts included). The language switch is CSS.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path

from iolint import loaders
from iolint.appview import formats, privacy, screens
from iolint.appview.markup import esc
from iolint.appview.sources import Message, Pinned, Source
from iolint.finding import Finding, Severity

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
ORDER = ("message", "subject", "due", "body", "payment", "attachments", "cta")
_TARGET_NAMES = {
    "message": "the message", "subject": "the title", "due": "the due date", "body": "the body",
    "payment": "the payment", "attachments": "the attachments", "cta": "the buttons (front matter)",
}  # fmt: skip


LOGO_TYPES = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg", b"GIF8": "image/gif", b"RIFF": "image/webp"}
MAX_LOGO_BYTES = 512 * 1024


def logo_uri(logo: str | Path) -> str:
    """A logo as a data: URI: an image file (PNG, JPEG, GIF, WebP or SVG), or a data: URI."""
    if isinstance(logo, str) and logo.startswith("data:image/"):
        return logo
    path = Path(logo)
    try:
        with loaders.open_regular(path) as handle:
            raw = handle.read(MAX_LOGO_BYTES + 1)
    except OSError as exc:
        raise ValueError(f"cannot read the logo {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_LOGO_BYTES:
        raise ValueError(f"the logo {path} is over {MAX_LOGO_BYTES // 1024} KB")
    kind = next((t for magic, t in LOGO_TYPES.items() if raw.startswith(magic)), None)
    if kind is None and b"<svg" in raw[:2048]:
        kind = "image/svg+xml"  # in an <img>, an SVG's scripts never run
    if kind is None:
        raise ValueError(f"the logo {path} is not a PNG, JPEG, GIF, WebP or SVG image")
    return f"data:{kind};base64,{base64.b64encode(raw).decode('ascii')}"


@cache
def stylesheet() -> str:
    return resources.files("iolint.appview").joinpath("preview.css").read_text("utf-8")


@dataclass
class Options:
    organization: str = "Comune di Esempio"
    service: str | None = None  # default: the model's name, or "Servizi al cittadino"
    logo: str | None = None  # a data: URI
    annotate: bool = True
    show_values: bool = False
    locale: str = "it"
    now: datetime | None = None


GENERATOR = '<meta name="generator" content="iolint preview">'  # how a later run knows its own pages


def _head(title: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="it"><head><meta charset="utf-8">{GENERATOR}'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{stylesheet()}</style></head>"
    )


def _pin(number: int, finding: Finding) -> str:
    tip = f"{finding.code} {finding.name}: {finding.message}"
    return f'<span class="pin {finding.severity}" title="{esc(tip)}">{number}</span>'


def _counts(findings: list[Finding]) -> str:
    if not findings:
        return "no findings"
    parts = []
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        n = sum(1 for f in findings if f.severity is severity)
        if n:
            parts.append(f'<span class="count {severity}">{n} {severity}{"s" if n > 1 else ""}</span>')
    return " ".join(parts)


def page(message: Message, file_findings: list[Finding], options: Options, *, index: str | None = None) -> str:
    """The HTML page of one message; ``index`` is the href of the index page, if any."""
    now = options.now or datetime.now(formats.ROME)
    content = screens.Content.of(message.payload)
    pinned = [_placed(p, content) for p in message.findings]
    pinned.sort(key=lambda p: (ORDER.index(p.target), p.line or 0, p.finding.sort_key()))
    scene = screens.Scene(
        organization=options.organization,
        service=options.service or message.service or "Servizi al cittadino",
        now=now,
        logo=options.logo,
        annotate=options.annotate,
        show_values=options.show_values,
    )
    if options.annotate:
        for number, p in enumerate(pinned, 1):
            html = _pin(number, p.finding)
            if p.target == "body" and p.line is not None:
                scene.body_pins.setdefault(p.line, []).append(html)
            else:
                scene.pins[p.target] = scene.pins.get(p.target, "") + html
    rendered = screens.body_html(scene, content)
    by_locale = {
        loc: (screens.inbox(scene, content, loc), screens.detail(scene, content, loc, rendered))
        for loc in formats.LOCALES
    }
    title = " · ".join(x for x in (message.source, message.label) if x)
    switch = "".join(f'<label for="lang-{loc}" class="lang-{loc}">{loc}</label>' for loc in formats.LOCALES)
    radios = "".join(
        f'<input type="radio" name="lang" id="lang-{loc}" class="lang"{" checked" if loc == options.locale else ""}>'
        for loc in formats.LOCALES
    )
    every = [p.finding for p in pinned] + file_findings
    back = f'<a class="back-link" href="{esc(index)}">all messages</a>' if index else ""
    header = (
        f'<header class="bar">{back}<div class="where">{esc(title)}</div>'
        f'<div class="counts">{_counts(every)}</div>'
        f'<div class="switch" title="the app\'s language">App language {switch}</div></header>'
    )
    inboxes = "".join(f'<div class="l-{loc}">{by_locale[loc][0]}</div>' for loc in formats.LOCALES)
    details = "".join(f'<div class="l-{loc}">{by_locale[loc][1]}</div>' for loc in formats.LOCALES)
    columns = [
        f'<section class="col"><h2 class="cap">Inbox</h2><div class="phone short">{inboxes}</div>'
        f'<h2 class="cap">Lock screen</h2>{screens.lock_screen(scene, content)}</section>',
        f'<section class="col"><h2 class="cap">Message</h2><div class="phone tall">{details}</div></section>',
    ]
    if options.annotate:
        columns.append(_findings_column(pinned, file_findings))
    return (
        f"{_head(f'iolint preview: {title}')}<body>{radios}{header}"
        f'<main class="stage">{"".join(columns)}</main></body></html>'
    )


def _placed(p: Pinned, content: screens.Content) -> Pinned:
    target = screens.placed(p.target, content)
    if target == p.target and not (target == "body" and content.broken_front_matter):
        return p
    return Pinned(p.finding, target)


def _findings_column(pinned: list[Pinned], file_findings: list[Finding]) -> str:
    items = []
    for number, p in enumerate(pinned, 1):
        where = _TARGET_NAMES[p.target] + (f", line {p.line + 1} of the body" if p.line is not None else "")
        items.append(_finding_item(str(number), p.finding, where))
    rest = [_finding_item("·", f, "the file") for f in file_findings]
    parts = ['<section class="col findings"><h2 class="cap">Findings</h2>']
    parts.append(
        f'<ol class="flist">{"".join(items)}</ol>' if items else '<p class="none">No finding on this message.</p>'
    )
    if rest:
        parts.append(f'<h3 class="cap small">About the file</h3><ol class="flist">{"".join(rest)}</ol>')
    parts.append(
        '<div class="legend"><span class="dropped">dropped</span> what the app does not show, '
        '<span class="literal">&lt;b&gt;</span> what it shows as literal text.</div></section>'
    )
    return "".join(parts)


def _finding_item(number: str, f: Finding, where: str) -> str:
    position = f" · {esc(f.location())}" if f.file else ""
    variant = f" · variant: {esc(f.variant)}" if f.variant else ""
    return (
        f'<li class="finding {f.severity}"><span class="num">{number}</span><div>'
        f'<div class="fhead"><b>{esc(f.code)}</b> {esc(f.name)} <span class="sev">{f.severity}</span></div>'
        f'<div class="fmsg">{esc(f.message)}</div>'
        f'<div class="fwhere">{esc(where)}{f" · {esc(f.field)}" if f.field else ""}{position}{variant}</div>'
        "</div></li>"
    )


def index(sources: list[Source], pages: dict[int, str], options: Options) -> str:
    """The index: every file, its messages with links to their pages, and the findings counts."""
    rows = []
    for source in sources:
        rows.append(
            f'<tr class="file"><th colspan="3">{esc(source.display)}</th>'
            f"<td>{_counts(source.findings) if source.findings else ''}</td></tr>"
        )
        for message in source.messages:
            href = pages.get(id(message))
            findings = [p.finding for p in message.findings]
            subject = screens.Content.of(message.payload).subject
            subject = subject if options.show_values else privacy.mask(subject)
            link = f'<a href="{esc(href)}">{esc(subject) or "(no title)"}</a>' if href else esc(subject)
            rows.append(
                f"<tr><td></td><td>{esc(message.label or '')}</td><td>{link}</td><td>{_counts(findings)}</td></tr>"
            )
        if source.more:
            rows.append(
                f'<tr><td></td><td colspan="3" class="more">{source.more} more message(s) not shown (--limit)</td></tr>'
            )
        for f in source.findings:
            rows.append(
                f'<tr><td></td><td colspan="3" class="ffile">{esc(f.location())}: {esc(f.code)} {esc(f.message)}</td></tr>'
            )
    messages = sum(len(s.messages) for s in sources)
    return (
        f'{_head("iolint preview")}<body class="index"><header class="bar"><div class="where">iolint preview: '
        f'{messages} message(s) in {len(sources)} file(s)</div></header><main class="list"><table>'
        "<thead><tr><th>file</th><th></th><th>title</th><th>findings</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></main></body></html>"
    )
