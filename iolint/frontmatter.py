"""CTA front matter: the YAML block that opens ``content.markdown`` and gives a message its buttons.

Mirrors the IO app (pagopa/io-app: ``ctas.ts``, the ``front-matter`` npm package and js-yaml). The
app strips a ``---`` block only at the very start of the markdown; its YAML must parse, or the app
hides the whole body.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import yaml

LOCALES = ("it", "en")
CTA_KEYS = ("cta_1", "cta_2")
CTA_FIELDS = ("text", "action")

# front-matter's own pattern, anchored at offset 0. `\s*$` after the closing line also swallows
# the blank lines after it, as in JavaScript.
_FRONT_MATTER = re.compile(r"\A\ufeff?(---|= yaml =)(?=[\r\n]|\Z)(.*?)^(?:\1|\.\.\.)\s*$\n?", re.S | re.M)
_DELIMITER = re.compile(r"^(---|\.\.\.)[ \t]*\r?$", re.M)
_CTA_KEY = re.compile(r"^[ \t]*(?:cta_[12]|action)[ \t]*:", re.M)
_HANDLED_SCHEMA = re.compile(r"(?:http|https|sms|tel|mailto|copy)", re.I)
_HANDLED_PREFIX = re.compile(r"iohandledlink://", re.I)
_PLAIN_ACTION = re.compile(r"https?://|mailto:|tel:|sms:")
_SPACE = re.compile(r"\s")
_STR = "tag:yaml.org,2002:str"
_HIDDEN = "the CTA front matter is not valid YAML: the app hides the whole message body"
_AS_TEXT = "the app shows no button and prints the block as text"


class CtaIssue(enum.Enum):
    """What keeps the app from showing a message's buttons as meant (``iolint.checks.cta`` maps
    each to its rule)."""

    MISPLACED = "misplaced"  # not at the very start, or never closed: printed as text
    MALFORMED = "malformed"  # not valid YAML: the app hides the whole body
    UNKNOWN_KEY = "unknown-key"  # a key the app ignores
    INVALID = "invalid"  # not the structure the app needs: no button
    INVALID_ACTION = "invalid-action"  # an action the app refuses
    MISSING_LOCALE = "missing-locale"  # only one of it and en


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in a markdown text (a ``CtaIssue`` or an ``iolint.rendering.MarkdownIssue``),
    at a character offset of that text."""

    kind: enum.Enum
    offset: int
    message: str
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Label:
    """A button label, for the label style rules."""

    where: str  # such as "it.cta_1"
    text: str
    offset: int


class _Loader(yaml.SafeLoader):
    """YAML as js-yaml reads it: only true/false are booleans, `yes`, `no`, `on`, `off` stay text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def front_matter_span(markdown: str) -> tuple[int, int, int] | None:
    """(start, end) of the YAML text and the offset where the body starts, if the markdown opens
    with front matter the app strips."""
    m = _FRONT_MATTER.match(markdown)
    return (m.start(2), m.end(2), m.end()) if m else None


def split_front_matter(markdown: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, the body the app renders, the body's offset in ``markdown``)."""
    span = front_matter_span(markdown)
    if span is None:
        return None, markdown, 0
    start, end, body = span
    return markdown[start:end], markdown[body:], body


def front_matter_data(markdown: str) -> object:
    """The front matter's data as the app reads it, None when the markdown has none; raises
    ``ValueError`` when the app cannot parse it (and so hides the whole body)."""
    yaml_text, _, _ = split_front_matter(markdown)
    if yaml_text is None:
        return None
    try:
        loader = _Loader(yaml_text.strip())
        try:
            node = loader.get_single_node()
            if node is not None and _duplicate_key(node) is not None:
                raise ValueError("a key appears twice")
            return loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except (yaml.YAMLError, RecursionError) as exc:
        raise ValueError(str(exc).split("\n")[0]) from None


def analyze(markdown: str) -> tuple[tuple[Issue, ...], tuple[Label, ...]]:
    """The CTA problems of a markdown text, and its button labels."""
    check = _Check()
    span = front_matter_span(markdown) if markdown.startswith(("---", "\ufeff", "= yaml =")) else None
    if span:
        start, end, body = span
        raw = markdown[start:end]
        # Parsed stripped, as the app does: this changes the indentation of the first line.
        check.front_matter(raw.strip(), start + len(raw) - len(raw.lstrip()))
    else:
        body = 0
    if "---" in markdown:
        check.issues.extend(_misplaced(markdown, body))
    return tuple(check.issues), tuple(check.labels)


def _misplaced(markdown: str, start: int) -> Iterator[Issue]:
    """`---` blocks holding CTA keys that the app does not read: not at the start, or unclosed."""
    delims = list(_DELIMITER.finditer(markdown, start))
    i = 0
    while i < len(delims):
        opener = delims[i]
        end = delims[i + 1].start() if i + 1 < len(delims) else len(markdown)
        if opener.group(1) == "---" and _CTA_KEY.search(markdown, opener.end(), end):
            why = "is not at the very start" if i + 1 < len(delims) else "is never closed by a `---` line"
            yield Issue(CtaIssue.MISPLACED, opener.start(), f"this CTA front matter {why}: {_AS_TEXT}")
            i += 1  # skip its closing line
        i += 1


class _Check:
    """Checks front matter against the app's schema (``LocalizedCTAs`` in io-app)."""

    def __init__(self):
        self.base = 0  # offset of the YAML text in the markdown
        self.issues: list[Issue] = []
        self.labels: list[Label] = []

    def add(self, kind: CtaIssue, node, message: str, value: str | None = None) -> None:
        offset = self.base + node.start_mark.index if node is not None else self.base
        self.issues.append(Issue(kind, offset, message, value))

    def invalid(self, node, what: str) -> None:
        self.add(CtaIssue.INVALID, node, f"{what}: no button is shown")

    def front_matter(self, text: str, base: int) -> None:
        self.base = base
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            offset = base + min(mark.index, len(text) - 1) if mark and text else base
            problem = exc.problem or exc.context or "syntax error"
            self.issues.append(Issue(CtaIssue.MALFORMED, offset, f"{_HIDDEN} ({problem})"))
            return
        except (yaml.YAMLError, RecursionError):
            self.issues.append(Issue(CtaIssue.MALFORMED, base, _HIDDEN))
            return
        duplicate = _duplicate_key(root)
        if duplicate is not None:
            self.add(CtaIssue.MALFORMED, duplicate, f"{_HIDDEN} (the key `{duplicate.value}` appears twice)")
        elif not isinstance(root, yaml.MappingNode):
            self.invalid(root, "the front matter is not a mapping of `it` and `en` blocks")
        else:
            self.locales(root)

    def locales(self, root: yaml.MappingNode) -> None:
        keys = _keys(root)
        for name, (key, _) in keys.items():
            if name not in LOCALES:
                hint = f"write `{name.lower()}`" if name.lower() in LOCALES else "it reads `it` and `en`"
                self.add(CtaIssue.UNKNOWN_KEY, key, f"the app ignores the front matter key `{name}`: {hint}")
        present = [loc for loc in LOCALES if loc in keys]
        if not present:
            self.invalid(root, "the front matter has no `it` or `en` block")
        elif len(present) == 1:
            missing, who = ("en", "English") if present == ["it"] else ("it", "Italian and other")
            message = f"no `{missing}` block: {who} phones show no button (there is no fallback)"
            self.add(CtaIssue.MISSING_LOCALE, keys[present[0]][0], message)
        for loc in present:
            self.ctas(loc, keys[loc][1])

    def ctas(self, loc: str, node) -> None:
        if not isinstance(node, yaml.MappingNode):
            self.invalid(node, f"`{loc}` must be a mapping with `cta_1` (and `cta_2`)")
            return
        keys = _keys(node)
        for name, (key, _) in keys.items():
            if name not in CTA_KEYS:
                self.add(CtaIssue.UNKNOWN_KEY, key, f"the app ignores `{loc}.{name}`: it reads `cta_1` and `cta_2`")
        if "cta_1" not in keys:
            self.invalid(node, f"`{loc}` has no `cta_1`, which is required")
        for name in CTA_KEYS:
            if name in keys:
                self.cta(f"{loc}.{name}", keys[name][1])

    def cta(self, where: str, node) -> None:
        if not isinstance(node, yaml.MappingNode):
            self.invalid(node, f"`{where}` must be a mapping with `text` and `action`")
            return
        keys = _keys(node)
        for name, (key, _) in keys.items():
            if name not in CTA_FIELDS:
                self.add(CtaIssue.UNKNOWN_KEY, key, f"the app ignores `{where}.{name}`: it reads `text` and `action`")
        values = {}
        for name in CTA_FIELDS:
            if name not in keys:
                self.invalid(node, f"`{where}` has no `{name}`")
            elif not _is_string(keys[name][1]):
                self.invalid(keys[name][1], f"`{where}.{name}` must be a string (quote it)")
            else:
                values[name] = keys[name][1]
        if text := values.get("text"):
            self.labels.append(Label(where, text.value, self.base + text.start_mark.index))
        if action := values.get("action"):
            problem = action_problem(action.value)
            if problem:
                self.add(CtaIssue.INVALID_ACTION, action, f"`{where}.action`: {problem}", action.value)


def action_problem(action: str) -> str | None:
    """Why the IO app refuses a CTA action, or None if it accepts it."""
    lower = action.lower()
    if lower.startswith("ioit://"):
        return None if action[7:].strip() else "`ioit://` needs the route to open"
    if lower.startswith("iosso://"):
        target = action[8:]
        try:
            parts = urlsplit(target)
        except ValueError:
            parts = None
        if parts and parts.scheme in ("https", "http") and parts.netloc and not _SPACE.search(target):
            return None
        return "`iosso://` must be followed by the full https:// address of the ente's login page"
    if "iohandledlink://" in lower:
        rest = _HANDLED_PREFIX.sub("", action.strip())
        schema, colon, value = rest.partition(":")
        if not colon or not _HANDLED_SCHEMA.fullmatch(schema):
            return "after `iohandledlink://` comes http, https, mailto, tel, sms or copy, then `:`"
        if not value.strip():
            return f"`iohandledlink://{schema}:` has nothing after the `:`"
        return None
    plain = _PLAIN_ACTION.match(lower)
    if plain:
        scheme = plain.group()
        return f"a plain `{scheme}` link is not a CTA action: write `iohandledlink://{scheme}…`"
    return "an action starts with `ioit://`, `iosso://` or `iohandledlink://`"


def _keys(node: yaml.MappingNode) -> dict[str, tuple]:
    """A mapping node's scalar keys, each with (key node, value node)."""
    return {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _is_string(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _STR


def _duplicate_key(root):
    """A repeated key node in any mapping: js-yaml refuses them, PyYAML keeps the last."""
    stack, seen_nodes = [root], set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            names = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in names:
                        return key
                    names.add(key.value)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None
