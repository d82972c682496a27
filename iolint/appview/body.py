"""A message body as the IO app renders it (IOMarkdown with the messages' rules), in HTML.

Facts: pagopa/io-app (``features/messages``: ``MessageDetailsBody.tsx``, ``markdownRenderer.ts``).
The app first rewrites the text (form feeds to spaces, reference links to inline links with their
definitions removed, every image onto a paragraph of its own), then renders each node type with its
rule: a type without a rule (tables, strikethrough, footnotes) renders nothing, HTML is shown as
literal text (`<br>` aside), a blockquote becomes a Banner made from its raw text. Between top-level
blocks the app puts 8 px for one blank line and 16 px for more.

The rewriting is ``iolint.appview.rewrite``'s. The text is parsed with iolint's own markdown-it
setup (the one the markdown rules use). With ``annotate``, what the app drops is marked where it
would have been, what it shows literally is highlighted, and findings are pinned to the
top-level block holding their line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from iolint.appview.markup import esc
from iolint.appview.rewrite import prepare

PICTOGRAMS = frozenset(
    "accessDenied activate attachment attention cameraDenied cameraRequest cardAdd cardFavourite "
    "cardIssue cardQuestion charity cie doc emailDotNotif empty ended fatalError feature feedback "
    "help idea identity identityAdd identityCheck identityRefresh itWallet lostConnection message "
    "notification passcode payments pending premiumCredentials qrCode reactivate savingMoney "
    "searchLens security settings star stopSecurity success time timing workInProgress".split()
)
_PICTOGRAM = r"^\s*>\s{0,4}\[!(.*?)\]"
_STARTS_WITH_PICTOGRAM = re.compile(_PICTOGRAM + r"s*\n( {0,4})>")  # sic: `s*`, as in the app
_PICTOGRAM_MARK = re.compile(_PICTOGRAM)
# `^\s*` in the app: in a blockquote's raw text no line is blank, so it never spans lines.
_BANNER_TITLE = re.compile(r"^[^\S\n]*>\s{0,4}#{1,6}\s+(.+)", re.M)
_QUOTE_MARKS = re.compile(r"^>*", re.M)
_BR = re.compile(r"<br\s*/?>", re.I)
_TASK = re.compile(r"^\[[ xX]\](?=\s)\s*")
_HEADINGS = {"h1": ("md-h1", 16, 4), "h2": ("md-h2", 16, 8), "h3": ("md-h3", 8, 4)}
_AUTOLINK = re.compile(
    r"(?<![\w@.+\-/])(?:(?:https?://|www\.)[\w-]+(?:\.[\w-]+)+[^\s<]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
    re.I,
)
_TRAILING = ".,:;!?*_~'\""


@dataclass
class Marks:
    """What the page adds to the body when annotating: pins by original line, notes."""

    annotate: bool = False
    pins: dict[int, list[str]] = field(default_factory=dict)  # body line (0-based) -> pins' HTML


class BodyRenderer:
    def __init__(self, marks: Marks):
        from iolint.rendering import SINGLE_TILDE, parser

        self.md = parser()
        self.single_tilde = SINGLE_TILDE
        self.marks = marks

    def render(self, body: str) -> str:
        from markdown_it.tree import SyntaxTreeNode

        edited, footnotes = prepare(body)
        self.footnotes = footnotes
        self.lines = edited.text.split("\n")
        self.original = edited.original_lines(body)
        tree = SyntaxTreeNode(self.md.parse(edited.text, {}))
        blocks = list(tree.children)
        ranges = [self._range(node) for node in blocks]
        pins = self._pins_by_block(ranges)
        out = []
        for i, node in enumerate(blocks):
            html = self.block(node, 0)
            lo, hi = ranges[i]
            pinned = f'<span class="pins">{"".join(pins[i])}</span>' if i in pins else ""
            out.append(
                f'<div class="blk" data-lines="{self.original[lo] + 1}-{self.original[hi] + 1}">{pinned}{html}</div>'
            )
            if i + 1 < len(blocks):
                blank = ranges[i + 1][0] - hi - 1
                if blank > 0:
                    out.append(f'<div class="sp{min(2, blank) * 8}"></div>')
        return "".join(out)

    # -- where blocks are ----------------------------------------------------------------------

    def _range(self, node) -> tuple[int, int]:
        """First and last non-blank line of a top-level block, in the rewritten text."""
        first, end = node.map or (0, 1)
        last = max(first, end - 1)
        while last > first and not self.lines[last].strip():
            last -= 1
        return first, last

    def _pins_by_block(self, ranges) -> dict[int, list[str]]:
        """Each pinned line goes to the block holding it, or the next one (or the last)."""
        out: dict[int, list[str]] = {}
        if not ranges:
            return out
        last_lines = [self.original[hi] for _, hi in ranges]
        for line, pins in sorted(self.marks.pins.items()):
            index = next((i for i, hi in enumerate(last_lines) if hi >= line), len(ranges) - 1)
            out.setdefault(index, []).extend(pins)
        return out

    # -- blocks --------------------------------------------------------------------------------

    def block(self, node, depth: int) -> str:
        kind = node.type
        if kind == "paragraph":
            return self.paragraph(node)
        if kind == "heading":
            return self.heading(node)
        if kind in ("bullet_list", "ordered_list"):
            return self.listing(node, depth)
        if kind == "blockquote":
            return self.banner(node)
        if kind in ("fence", "code_block"):
            return f'<div class="md-p">{esc(self._raw(node, kind == "fence"))}</div>'
        if kind == "html_block":
            return f'<div class="md-p">{self.literal(node.content.rstrip(chr(10)))}</div>'
        if kind == "hr":
            return '<div class="md-hr"></div>'
        if kind == "table":
            return self.dropped("table", "table: the app shows neither the table nor its text", block=True)
        return ""

    def _raw(self, node, fence: bool) -> str:
        first, end = node.map
        lines = self.lines[first:end]
        if fence and lines:
            lines[0] = lines[0].lstrip()
        return "\n".join(lines).rstrip("\n")

    def paragraph(self, node, task: bool = False) -> str:
        inline = node.children[0] if node.children else None
        children = inline.children if inline is not None else []
        if children and children[0].type == "image":
            return f'<div class="md-img-p">{self.inlines(children, "paragraph")}</div>'
        return f'<div class="md-p">{self.inlines(children, "paragraph", task=task)}</div>'

    def heading(self, node) -> str:
        css, above, below = _HEADINGS.get(node.tag, ("md-p", 8, 4))
        inline = node.children[0] if node.children else None
        text = self.inlines(inline.children if inline else [], "heading")
        return f'<div class="sp{above}"></div><div class="{css}">{text}</div><div class="sp{below}"></div>'

    def listing(self, node, depth: int) -> str:
        ordered = node.type == "ordered_list"
        bullet = "\u25e6" if depth % 2 == 1 else "\u2022"
        rows = []
        for i, item in enumerate(node.children):
            mark = f"{i + 1}." if ordered else bullet  # numbering always restarts at 1
            content = []
            for j, child in enumerate(item.children):
                if child.type == "paragraph":
                    content.append(self.paragraph(child, task=j == 0))
                else:
                    content.append(self.block(child, depth + 1))
            rows.append(
                f'<div class="md-li"><span class="md-mark">{mark}</span><div class="md-item">{"".join(content)}</div></div>'
            )
        css = "md-list top" if depth == 0 else "md-list"
        return f'<div class="{css}">{"".join(rows)}</div>'

    def banner(self, node) -> str:
        """A blockquote: the app's neutral Banner, built from the raw text with its regexes."""
        first, end = node.map
        raw = "\n".join(self.lines[first:end]).lstrip(" ")
        match = _STARTS_WITH_PICTOGRAM.search(raw)
        name = match.group(1) if match else None
        pictogram = name if name in PICTOGRAMS else "notification"
        title = _BANNER_TITLE.search(raw)
        content = _PICTOGRAM_MARK.sub("", raw, count=1)
        content = _BANNER_TITLE.sub("", content)
        content = _QUOTE_MARKS.sub("", content).strip()
        parts = []
        if title:
            parts.append(f'<div class="banner-title">{esc(title.group(1))}</div>')
        if content:
            parts.append(f'<div class="banner-text">{esc(content)}</div>')
        note = f' data-pictogram="{esc(pictogram)}"'
        picture = f'<div class="pictogram" title="{esc(pictogram)}"{note}><span>{esc(pictogram)}</span></div>'
        return f'<div class="banner"><div class="banner-body">{"".join(parts)}</div>{picture}</div>'

    # -- inlines -------------------------------------------------------------------------------

    def inlines(self, nodes, parent: str, task: bool = False) -> str:
        out = []
        for i, node in enumerate(nodes):
            kind = node.type
            if kind == "text":
                content = node.content
                if task and i == 0:
                    content = _TASK.sub("", content, count=1)  # the checkbox of a task list
                out.append(self.text(content, parent))
            elif kind in ("softbreak", "hardbreak"):
                out.append("\n")
            elif kind == "code_inline":
                out.append(f'<span class="md-mono">{esc(node.content)}</span>')
            elif kind == "em":
                out.append(f'<span class="md-em">{self.inlines(node.children, "em")}</span>')
            elif kind == "strong":
                out.append(f'<span class="md-strong">{self.inlines(node.children, "strong")}</span>')
            elif kind == "s":
                out.append(self.dropped("strike", "struck-through text: the app drops it"))
            elif kind == "link":
                href = str(node.attrs.get("href", ""))
                out.append(f'<span class="md-link" title="{esc(href)}">{self.inlines(node.children, "link")}</span>')
            elif kind == "image":
                out.append(self.image(node, parent))
            elif kind == "html_inline":
                out.append(self.literal(node.content))
        return "".join(out)

    def text(self, content: str, parent: str) -> str:
        """Plain text: `<br>` is a line break, single-tilde strikethrough and footnote calls are
        dropped, bare addresses are links (GFM autolinks)."""
        pieces, last = [], 0
        for m in self.single_tilde.finditer(content):
            pieces.append(self._text(content[last : m.start()], parent))
            pieces.append(self.dropped("strike", "struck-through text: the app drops it"))
            last = m.end()
        pieces.append(self._text(content[last:], parent))
        return "".join(pieces)

    def _text(self, content: str, parent: str) -> str:
        for label in self.footnotes:
            call = f"[^{label}]"
            if call in content:
                marker = self.dropped("footnote", "footnote: the app drops it")
                return marker.join(self._text(part, parent) for part in content.split(call))
        content = _BR.sub("\n", content)
        if parent == "link" or "." not in content:
            return esc(content)
        out, last = [], 0
        for m in _AUTOLINK.finditer(content):
            address = m.group().rstrip(_TRAILING)
            while address.endswith(")") and address.count(")") > address.count("("):
                address = address[:-1]
            out.append(esc(content[last : m.start()]))
            out.append(f'<span class="md-link" title="{esc(address)}">{esc(address)}</span>')
            last = m.start() + len(address)
        out.append(esc(content[last:]))
        return "".join(out)

    def literal(self, html: str) -> str:
        """Raw HTML as the app shows it: as text, with `<br>` as a line break."""
        shown = esc(_BR.sub("\n", html))
        if self.marks.annotate and shown.strip():
            return f'<span class="literal" title="HTML: the app shows it as text">{shown}</span>'
        return shown

    def image(self, node, parent: str) -> str:
        if parent != "paragraph":
            return self.dropped("image", "image outside a paragraph: the app does not show it")
        url = str(node.attrs.get("src", ""))
        alt = node.content or ""
        return (
            f'<div class="md-img" role="img" aria-label="{esc(alt)}" title="{esc(url)}">'
            f'<span class="md-img-alt">{esc(alt) or "image"}</span>'
            f'<span class="md-img-url">{esc(url)}</span></div>'
        )

    def dropped(self, kind: str, why: str, *, block: bool = False) -> str:
        if not self.marks.annotate:
            return ""
        tag = "div" if block else "span"
        return f'<{tag} class="dropped {kind}" title="{esc(why)}">{esc(why)}</{tag}>'


def render(body: str, marks: Marks | None = None) -> str:
    """The HTML of a body (the markdown after its front matter), as the app shows it."""
    return BodyRenderer(marks or Marks()).render(body)
