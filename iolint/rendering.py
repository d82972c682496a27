"""What the IO app does with a body's markdown: what it drops, shows as plain text or cannot open.

Facts: the IO app's message body (pagopa/io-app, ``features/messages``). The app parses with remark
and GFM; markdown-it with tables and strikethrough enabled sees the same constructs. ``analyze``
runs once per distinct text (memoized) for both the markdown and the CTA rules; a body with none of
the characters that can start a reported construct never reaches markdown-it, which is imported only
when needed.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from iolint import frontmatter, memo
from iolint.frontmatter import Issue, Label


class MarkdownIssue(enum.Enum):
    """What the app does not render as written (``iolint.checks.markdown`` maps each to its rule)."""

    DEEP_HEADING = "deep-heading"  # h4-h6: plain text
    TABLE = "table"  # dropped
    STRIKETHROUGH = "strikethrough"  # dropped with its text
    RAW_HTML = "raw-html"  # shown as literal text
    IMAGE_OUTSIDE_PARAGRAPH = "image-outside-paragraph"  # not shown
    EMPTY_LINK = "empty-link"
    HTTP_LINK = "http-link"
    UNSUPPORTED_LINK = "unsupported-link"  # a scheme the app cannot open
    FOOTNOTE = "footnote"  # dropped with its text


_LINE_BREAK = re.compile(r"\r\n?|\n")
_BR = re.compile(r"<br ?/?>", re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*")
_MARKUP_START = re.compile(r"<[A-Za-z/!?]")
# GFM also strikes through with single tildes, which markdown-it leaves as text.
SINGLE_TILDE = re.compile(r"(?<!~)~(?=[^\s~])[^~]*?(?<=[^\s~])~(?!~)")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]:")
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:")
_OPENS = ("https://", "ioit://", "mailto:", "tel:", "sms:")
_FOOTNOTE_GONE = "a footnote: the app drops footnotes, and this text disappears"
_STRUCK = "strikethrough: the app does not render it, the struck text disappears"
_IMAGE_GONE = "an image in a link, emphasis, heading or table: the app shows images only in paragraphs"


@dataclass(frozen=True, slots=True)
class Analysis:
    issues: tuple[Issue, ...]  # markdown and CTA problems, by offset in the whole markdown
    labels: tuple[Label, ...]  # CTA button labels

    def of(self, kind: enum.Enum) -> Iterator[Issue]:
        return (issue for issue in self.issues if issue.kind is kind)


def may_have_markup(body: str) -> bool:
    """False only if no markdown rule can fire on ``body``. Every construct reported starts with
    one of these: `#` ATX heading, `|` table, `~` strikethrough, `<` HTML or autolink, `[` link,
    image or footnote; entities never make syntax. (Five substring tests: several times faster
    than a regex's character class.)"""
    return "#" in body or "|" in body or "~" in body or "<" in body or "[" in body


_NOTHING = Analysis((), ())


def may_report(markdown: str) -> bool:
    """False only if ``analyze(markdown)`` has nothing to report: a text with no front matter, no
    ``---`` line and no markup (the view's ``markup`` part)."""
    return markdown.startswith(("---", "\ufeff", "= yaml =")) or "---" in markdown or may_have_markup(markdown)


# IO refuses a body over 10,000 characters (IO111). Past ten times that the markup is not
# analysed: markdown-it-py alone takes seconds on such a text (17 µs a character on "[[[["), and
# a 20 MB file would hold the run for minutes. IO111 says the body was not checked.
ANALYSED_MAX = 100_000


def analysis(markdown: str) -> Analysis:
    """``analyze(markdown)``, but a text that ``may_report`` nothing takes no place in the memo
    (most bodies of a batch: each different), and one over ``ANALYSED_MAX`` is not analysed."""
    return analyze(markdown) if may_report(markdown) and len(markdown) <= ANALYSED_MAX else _NOTHING


@memo.short_texts(4096)
def analyze(markdown: str) -> Analysis:
    """The issues of a whole ``content.markdown``, front matter included; one run per text."""
    cta_issues, labels = frontmatter.analyze(markdown)
    _, body, offset = frontmatter.split_front_matter(markdown)
    found = body_issues(body, offset) if may_have_markup(body) else []
    return Analysis(tuple(sorted([*cta_issues, *found], key=lambda i: i.offset)), labels)


@cache
def parser():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.validateLink = lambda url: True  # keep javascript: and data: links, to report them
    md.normalizeLink = lambda url: url  # keep addresses as written, to find them in the source
    return md


def body_issues(body: str, base: int = 0) -> list[Issue]:
    """The markdown problems of a body that starts at offset ``base`` of its markdown."""
    md = parser()
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(body)]
    env: dict = {}
    tokens = md.parse(body, env)
    # markdown-it reads `[^1]: Nota` as a link definition, and `[^1]` as a link to "Nota"
    notes = [ref for label, ref in env.get("references", {}).items() if label.startswith("^")]
    scan = _Scan(body, base, starts, {ref["href"] for ref in notes})
    for ref in notes:
        scan.add(MarkdownIssue.FOOTNOTE, scan.line_start(ref["map"][0]), _FOOTNOTE_GONE)
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.tag in ("h4", "h5", "h6"):
            scan.block(MarkdownIssue.DEEP_HEADING, tok, f"a level-{tok.tag[1]} heading shows as plain text in the app")
        elif tok.type == "table_open":
            scan.block(MarkdownIssue.TABLE, tok, "a table: the app does not render tables, its content disappears")
        elif tok.type == "html_block":
            tag = _shown_tag(tok.content)
            if tag:
                scan.block(MarkdownIssue.RAW_HTML, tok, _html_message(tag), tok.content)
        elif tok.type == "inline":
            parent = tokens[i - 1].type
            if parent == "paragraph_open" and _FOOTNOTE.match(tok.content):
                scan.block(MarkdownIssue.FOOTNOTE, tok, _FOOTNOTE_GONE)
            scan.inline(tok, parent)
    return scan.issues


class _Scan:
    """Turns markdown-it tokens into issues, with offsets found in the source text.

    markdown-it maps only blocks to lines: inline positions are found by searching their source
    from a cursor inside the block; when that fails the issue points at the cursor.
    """

    def __init__(self, body: str, base: int, starts: list[int], footnotes: set[str]):
        self.body, self.base, self.starts = body, base, starts
        self.footnotes = footnotes  # addresses of footnote "links", reported as footnotes
        self.issues: list[Issue] = []

    def line_start(self, line: int) -> int:
        start = self.starts[line]
        while start < len(self.body) and self.body[start] in " \t":
            start += 1
        return start

    def span(self, tok) -> tuple[int, int]:
        first, last = tok.map
        end = self.starts[last] if last < len(self.starts) else len(self.body)
        return self.line_start(first), end

    def add(self, kind: MarkdownIssue, offset: int, message: str, value: str | None = None) -> None:
        self.issues.append(Issue(kind, self.base + offset, message, value))

    def block(self, kind: MarkdownIssue, tok, message: str, value: str | None = None) -> None:
        self.add(kind, self.span(tok)[0], message, value)

    def inline(self, tok, parent: str) -> None:
        cursor, end = self.span(tok)
        body = self.body

        def find(needle: str, advance: bool = True) -> int:
            nonlocal cursor
            pos = body.find(needle, cursor, end)
            if pos < 0:
                return cursor
            if advance:
                cursor = pos + len(needle)
            return pos

        children = tok.children or []
        depth = 0  # inside a link or emphasis, where an image is not a paragraph's child
        opened_html = False
        for j, child in enumerate(children):
            kind = child.type
            if kind == "link_open":
                href = str(child.attrs.get("href", ""))
                # the address comes after the link's text: look it up without moving past the text
                at = find(href or "](", advance=False)
                self._link(href, _is_empty(children, j), at)
            elif kind in ("s_open", "s_close"):
                at = find("~~")
                if kind == "s_open":
                    self.add(MarkdownIssue.STRIKETHROUGH, at, _STRUCK)
            elif kind == "image":
                at = find("![")
                if depth or parent != "paragraph_open":
                    self.add(MarkdownIssue.IMAGE_OUTSIDE_PARAGRAPH, at, _IMAGE_GONE)
            elif kind == "html_inline":
                at = find(child.content.split("\n")[0])
                tag = _shown_tag(child.content)
                if tag and not (opened_html and tag.startswith("`</")):  # one report per element
                    opened_html = True
                    self.add(MarkdownIssue.RAW_HTML, at, _html_message(tag), child.content)
            elif kind == "text":
                for m in SINGLE_TILDE.finditer(child.content):
                    at = find(m.group())
                    self.add(MarkdownIssue.STRIKETHROUGH, at, _STRUCK)
            if kind.endswith("_open"):
                depth += 1
            elif kind.endswith("_close"):
                depth -= 1

    def _link(self, href: str, empty: bool, at: int) -> None:
        if href in self.footnotes:
            return
        if not href or empty:
            what = "has no address" if not href else "has no text, so there is nothing to tap"
            self.add(MarkdownIssue.EMPTY_LINK, at, f"this link {what}", href)
            if not href:
                return
        lower = href.lower()
        if lower.startswith(_OPENS):
            return
        if lower.startswith("http://"):
            self.add(MarkdownIssue.HTTP_LINK, at, "an http:// link: the app keeps them only for old messages", href)
            return
        scheme = _SCHEME.match(lower)
        if lower.startswith(("iohandledlink://", "iosso://")):
            why = f"`{scheme.group()}//` works only as a CTA action, not in the body"
        elif scheme:
            why = f"the app does not open `{scheme.group()}` links"
        else:
            why = "a link without https:// (a relative path, an anchor or `www.…`) opens nothing"
        self.add(MarkdownIssue.UNSUPPORTED_LINK, at, f"{why}: the citizen gets a 'link not supported' message", href)


def _is_empty(children, j: int) -> bool:
    """Whether the link opened at ``children[j]`` has no visible text."""
    for child in children[j + 1 :]:
        if child.type == "link_close":
            return True
        if child.type not in ("text", "softbreak", "hardbreak") or child.content.strip():
            return False
    return True


def _shown_tag(html: str) -> str | None:
    """The first tag (or comment) the app would print literally, or None: only `<br>` becomes a
    line break. The app's markdown parser (textlint's, on remark) reads a comment as an HTML
    node like any other, and the app prints HTML nodes as text."""
    shown = _BR.sub("", html)
    m = _MARKUP_START.search(shown)
    if m is None:
        return None
    if shown.startswith("<!--", m.start()):
        return "comment `<!-- … -->`"
    tag = _TAG.match(shown, m.start())
    return f"`{tag.group()}>`" if tag else f"`{shown[m.start() : m.start() + 9]}`"


def _html_message(tag: str) -> str:
    return f"raw HTML {tag} is shown as literal text in the app"
