"""The three places a citizen sees a message: the lock screen, the inbox row, the detail screen.

Layout and words: pagopa/io-app (``features/messages``: the inbox row, the detail screen top to
bottom) and pagopa/io-messages (the push texts). Sizes and colours are the design system's tokens,
in preview.css. Icons are simple shapes of iolint's own: IO's logos and pictograms are not ours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from iolint import frontmatter
from iolint.appview import body, ctas, formats, privacy, push
from iolint.appview.markup import esc
from iolint.clock import parse_timestamp

ICONS = {
    "back": '<svg viewBox="0 0 24 24" width="24" height="24"><path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
    "help": '<svg viewBox="0 0 24 24" width="24" height="24"><circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.5V14" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="12" cy="17" r="1.2" fill="currentColor"/></svg>',
    "warning": '<svg viewBox="0 0 24 24" width="24" height="24"><path d="M12 2.5 22.5 21h-21z" fill="currentColor"/><path d="M12 9v5" stroke="#FFF5DA" stroke-width="2"/><circle cx="12" cy="17.3" r="1.2" fill="#FFF5DA"/></svg>',
    "info": '<svg viewBox="0 0 24 24" width="24" height="24"><circle cx="12" cy="12" r="10" fill="currentColor"/><path d="M12 11v6" stroke="#E1F5FE" stroke-width="2"/><circle cx="12" cy="7.5" r="1.2" fill="#E1F5FE"/></svg>',
    "chevron": '<svg viewBox="0 0 24 24" width="24" height="24"><path d="M9 5l7 7-7 7" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
    "pagopa": '<svg viewBox="0 0 24 24" width="20" height="20"><circle cx="12" cy="12" r="10" fill="none" stroke="#0066CC" stroke-width="2.4"/><path d="M9.5 17V7.5h3.2a2.6 2.6 0 0 1 0 5.2H9.5" fill="none" stroke="#0066CC" stroke-width="2.2"/></svg>',
    "attachment": '<svg viewBox="0 0 24 24" width="24" height="24"><path d="M16 7v9a4 4 0 0 1-8 0V6a2.5 2.5 0 0 1 5 0v9a1 1 0 0 1-2 0V7" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
    "terms": '<svg viewBox="0 0 24 24" width="24" height="24"><path d="M5 6h14M5 12h14M5 18h9" stroke="currentColor" stroke-width="2"/></svg>',
}


@dataclass
class Scene:
    """What the screens need besides the payload."""

    organization: str
    service: str
    now: datetime
    logo: str | None = None  # a data: URI
    annotate: bool = True
    show_values: bool = False
    pins: dict[str, str] = field(default_factory=dict)  # target -> the pins' HTML
    body_pins: dict[int, list[str]] = field(default_factory=dict)

    def masked(self, text: str, *, markdown: bool = False) -> str:
        return text if self.show_values else privacy.mask(text, markdown=markdown)


@dataclass
class Content:
    """The parts of a payload the app shows, read defensively: a payload may be anything."""

    subject: str
    markdown: str | None
    due: datetime | None
    payment: dict | None
    attachments: bool
    broken_front_matter: bool = False  # the app hides the body

    @classmethod
    def of(cls, payload: dict) -> Content:
        content = payload.get("content")
        content = content if isinstance(content, dict) else {}
        subject = content.get("subject")
        markdown = content.get("markdown")
        due = content.get("due_date")
        payment = content.get("payment_data")
        third = content.get("third_party_data")
        return cls(
            subject=subject if isinstance(subject, str) else "",
            markdown=markdown if isinstance(markdown, str) else None,
            due=parse_timestamp(due)[0] if isinstance(due, str) else None,
            payment=payment if isinstance(payment, dict) else None,
            attachments=isinstance(third, dict) and third.get("has_attachments") is True,
            broken_front_matter=isinstance(markdown, str) and _unreadable_front_matter(markdown),
        )


def _unreadable_front_matter(markdown: str) -> bool:
    try:
        frontmatter.front_matter_data(markdown)
    except ValueError:
        return True
    return False


def placed(target: str, content: Content) -> str:
    """Where a finding about ``target`` is pinned: there when the screen shows that element,
    else on the message as a whole (a due date that does not parse shows no alert)."""
    shown = {
        "due": content.due is not None,
        "payment": content.payment is not None,
        "attachments": content.attachments,
        "body": content.markdown is not None,
        "cta": content.markdown is not None and not content.broken_front_matter,
    }
    if target == "cta" and content.broken_front_matter:
        return "body"  # the alert that replaces the body
    return target if shown.get(target, True) else "message"


def _pins(scene: Scene, target: str) -> str:
    pins = scene.pins.get(target)
    return f'<span class="pins">{pins}</span>' if pins else ""


def avatar(scene: Scene, payment: bool) -> str:
    if scene.logo:
        logo = f'<img src="{esc(scene.logo)}" alt="">'
    else:
        logo = f'<span class="initials">{esc(formats.initials(scene.organization))}</span>'
    if not payment:
        return f'<div class="avatar">{logo}</div>'
    return (
        f'<div class="avatar-double"><div class="tile org">{logo}</div>'
        f'<div class="tile pagopa">{ICONS["pagopa"]}</div></div>'
    )


# -- lock screen ---------------------------------------------------------------------------------


def lock_screen(scene: Scene, content: Content) -> str:
    subject = scene.masked(content.subject)
    shown = push.notifications(scene.organization, subject)
    now = formats.rome(scene.now)
    cards = []
    for kind, caption in (("full", "Full preview (organisation / title)"), ("anonymous", "Anonymous preview")):
        note = shown[kind]
        cards.append(f'<div class="lock-caption">{caption}</div>')
        cards.append(_ios(note, push.IOS_LOCK_SCREEN_CHARS, "iOS lock screen, ~110 characters"))
        if kind == "full":
            cards.append(_ios(note, push.IOS_BANNER_CHARS, "iOS banner, ~62 characters"))
        cards.append(_android(note, expanded=False))
        if kind == "full":
            cards.append(_android(note, expanded=True))
    return (
        f'<div class="lock"><div class="lock-time">{now.hour}:{now.minute:02d}</div>'
        f'{"".join(cards)}<div class="lock-note">Push texts are in Italian whatever the phone\'s language.</div></div>'
    )


def _ios(note: push.Notification, limit: int, label: str) -> str:
    return (
        f'<div class="push ios"><div class="push-head"><span class="app-icon">IO</span>'
        f'<span class="push-app">IO</span><span class="push-label">{esc(label)}</span><span>ora</span></div>'
        f'<div class="push-title">{esc(note.title)}</div>'
        f'<div class="push-body">{esc(push.clip(note.body, limit))}</div></div>'
    )


def _android(note: push.Notification, *, expanded: bool) -> str:
    kind = "expanded" if expanded else "collapsed"
    return (
        f'<div class="push android {kind}"><div class="push-head"><span class="app-icon small">IO</span>'
        f'<span class="push-app">IO · ora</span><span class="push-label">Android, {kind}</span></div>'
        f'<div class="push-title">{esc(note.title)}</div><div class="push-body">{esc(note.body)}</div></div>'
    )


# -- inbox -------------------------------------------------------------------------------------


def inbox(scene: Scene, content: Content, locale: str) -> str:
    subject = scene.masked(content.subject) or ("Senza titolo" if locale == "it" else "Untitled")
    date = formats.list_date(scene.now, scene.now, locale)
    return (
        f'<div class="screen inbox-screen"><div class="inbox-title">{esc(formats.word(locale, "messages"))}</div>'
        f'<div class="tabs"><span class="tab on">{esc(formats.word(locale, "received"))}</span>'
        f'<span class="tab">{esc(formats.word(locale, "archived"))}</span></div>'
        f'<div class="row">{avatar(scene, content.payment is not None)}<div class="row-text">'
        f'<div class="row-line1"><span class="row-org">{esc(scene.organization)}</span>'
        f'<span class="row-date">{esc(date)}</span></div>'
        f'<div class="row-line2"><span class="row-preview"><span class="row-service">{esc(scene.service)} · </span>'
        f"{esc(subject)}</span>"
        f'<span class="dot" title="unread"></span></div></div></div><div class="divider"></div></div>'
    )


# -- detail ------------------------------------------------------------------------------------


def body_html(scene: Scene, content: Content) -> tuple[str, object]:
    """The body's HTML, shared by both languages, and the front matter's data (or an error)."""
    if content.markdown is None:
        return "", None
    try:
        data = frontmatter.front_matter_data(content.markdown)
    except ValueError as exc:
        return "", exc
    _, text, _ = frontmatter.split_front_matter(content.markdown)
    marks = body.Marks(annotate=scene.annotate, pins=scene.body_pins)
    return body.render(scene.masked(text, markdown=True), marks), data


def detail(scene: Scene, content: Content, locale: str, rendered: tuple[str, object]) -> str:
    html, data = rendered
    parts = [
        '<div class="sp8"></div>',
        f'<div class="subject target">{esc(scene.masked(content.subject))}{_pins(scene, "subject")}</div>',
        '<div class="sp8"></div>',
        f'<div class="date">{esc(formats.detail_date(scene.now))}</div>',
        '<div class="sp8"></div>',
        f'<div class="org-header"><div><div class="org-name">{esc(scene.organization)}</div>'
        f'<div class="service-name">{esc(scene.service)}</div></div>{avatar(scene, content.payment is not None)}</div>',
        '<div class="sp16"></div>',
    ]
    if content.due is not None:
        text, future = formats.due_text(content.due, scene.now, locale)
        action = formats.word(locale, "add_reminder") if future else None
        parts += [_alert("warning", text, action, _pins(scene, "due")), '<div class="sp16"></div>']
    if isinstance(data, ValueError):
        # the YAML error may quote the front matter (an alias, a tag): masked as the text is
        reason = (
            f'<div class="dropped block">front matter: {esc(scene.masked(str(data)))}</div>' if scene.annotate else ""
        )
        alert = _alert("warning", formats.word(locale, "decoding_error"), formats.word(locale, "show_anyway"), reason)
        parts.append(alert.replace('<span class="alert-icon">', _pins(scene, "body") + '<span class="alert-icon">', 1))
    else:
        parts.append(f'<div class="body target">{_pins(scene, "body")}{html}</div>')
    if content.payment is not None:
        parts.append(_payment(scene, content.payment, locale))
    if content.attachments:
        parts.append(_attachments(scene, locale))
    shown = [] if isinstance(data, ValueError) else ctas.chosen(data, locale)
    pay = formats.word(locale, "pay") if content.payment is not None else None
    buttons = ctas.footer(shown, pay)
    rows = []
    for button in buttons:
        label = esc(scene.masked(button.text)) if button.action else esc(button.text)
        tip = f' title="{esc(scene.masked(button.action))}"' if button.action else ""
        rows.append(f'<div class="btn {button.style}"{tip}>{label}</div>')
    if not shown and scene.annotate and data is not None and not isinstance(data, ValueError):
        rows.append('<div class="dropped block">no call-to-action button in this language</div>')
    footer = f'<div class="sticky target">{_pins(scene, "cta")}{"".join(rows)}</div>' if rows else ""
    return (
        f'<div class="screen detail-screen"><div class="nav target"><span class="icon">{ICONS["back"]}</span>'
        f'<span class="icon">{ICONS["help"]}</span>{_pins(scene, "message")}</div>'
        f'<div class="scroll"><div class="content">{"".join(parts)}</div><div class="sp24"></div>'
        f'<div class="band"><div class="sp16"></div><div class="action-row"><span class="icon">{ICONS["terms"]}</span>'
        f"{esc(formats.word(locale, 'show_more'))}</div></div></div>{footer}</div>"
    )


def _alert(variant: str, text: str, action: str | None, extra: str = "") -> str:
    act = f'<div class="alert-action">{esc(action)}</div>' if action else ""
    icon = ICONS["warning"] if variant == "warning" else ICONS["info"]
    return (
        f'<div class="alert {variant} target"><span class="alert-icon">{icon}</span>'
        f'<div><div class="alert-text">{esc(text)}</div>{act}</div>{extra}</div>'
    )


def _payment(scene: Scene, payment: dict, locale: str) -> str:
    amount = payment.get("amount")
    shown = formats.amount(amount, locale) if type(amount) is int else "–"
    number = payment.get("notice_number")
    number = formats.notice_number(number) if isinstance(number, str) else "–"
    note = (
        '<div class="note">The app shows the notice\'s description and amount as pagoPA returns them.</div>'
        if scene.annotate
        else ""
    )
    return (
        f'<div class="sp16"></div><div class="list-header"><span class="icon">{ICONS["pagopa"]}</span>'
        f"<span>{esc(formats.word(locale, 'payments'))}</span></div>"
        f'<div class="module payment target">{_pins(scene, "payment")}<div class="module-left">'
        f'<div class="module-title">{esc(formats.word(locale, "notice_code"))}</div>'
        f'<div class="module-sub">{esc(number)}</div></div>'
        f'<div class="module-right"><span class="amount">{esc(shown)}</span>'
        f'<span class="icon blue">{ICONS["chevron"]}</span></div></div>{note}<div class="sp16"></div>'
    )


def _attachments(scene: Scene, locale: str) -> str:
    note = '<div class="note">The files come from the ente\'s remote service: their names are not in the payload.</div>'
    return (
        f'<div class="list-header"><span class="icon">{ICONS["attachment"]}</span>'
        f"<span>{esc(formats.word(locale, 'attachments'))}</span></div>"
        f'{_alert("info", formats.word(locale, "attachments_alert"), None)}<div class="sp8"></div>'
        f'<div class="module attachment target">{_pins(scene, "attachments")}<div class="module-left">'
        f'<div class="module-sub">documento.pdf</div></div><div class="module-right"><span class="badge">PDF</span>'
        f'<span class="icon blue">{ICONS["chevron"]}</span></div></div>{note if scene.annotate else ""}'
    )
