"""The messages a preview shows, each with the findings ``iolint check`` reports about it.

Files are read as ``iolint check`` reads them (payload files, JSONL up to a limit, every variant
of a template) and checked by the same engine with the same configuration, inline directives
and suppressions. Each finding keeps where it was found inside the message (its field, and the
offset in ``content.markdown``), so that the page can pin it next to that element; findings
that concern no single message (a batch rule, a template's variables) belong to the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from iolint import frontmatter, inputs, loaders, yamlreader
from iolint.finding import Finding
from iolint.paths import display, relative
from iolint.view import PayloadView

# Where a finding is pinned, in the order of the screen, by the first key of its field.
TARGETS = {"subject": "subject", "due_date": "due", "markdown": "body", "payment_data": "payment",
           "third_party_data": "attachments"}  # fmt: skip


@dataclass(frozen=True)
class Pinned:
    finding: Finding
    target: str  # "message", "subject", "due", "body", "cta", "payment" or "attachments"
    line: int | None = None  # for "body": the line of the body (after the front matter), 0-based


@dataclass
class Message:
    payload: dict
    source: str  # the file as shown, "-" for standard input
    label: str | None = None  # "line 3", "variant: samples #1 of rata"
    findings: list[Pinned] = field(default_factory=list)
    service: str | None = None  # the service's name, when the file says it (a catalogue model)
    line: int | None = None  # where the payload starts in its file


@dataclass
class Source:
    display: str
    messages: list[Message] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # about the file, not one message
    more: int = 0  # messages past the limit, not shown


def pin(finding: Finding, offset: int | None, payload: dict) -> Pinned:
    """Where on the screen a finding belongs: by its field, and for the body by its line."""
    path = (finding.field or "").removeprefix("content.")
    target = TARGETS.get(path.split(".")[0].split("[")[0], "message")
    if target != "body":
        return Pinned(finding, target)
    content = payload.get("content") if isinstance(payload, dict) else None
    markdown = content.get("markdown") if isinstance(content, dict) else None
    if offset is None or not isinstance(markdown, str):
        return Pinned(finding, "body")
    span = frontmatter.front_matter_span(markdown)
    start = span[2] if span else 0
    if offset < start:
        return Pinned(finding, "cta")
    return Pinned(finding, "body", markdown.count("\n", start, offset))


class Collector:
    """Reads inputs into sources, with one engine for the whole run."""

    def __init__(self, config, *, now=None, limit: int = 50, show_values: bool = False):
        from iolint.engine import Linter

        self.linter = Linter(config, now=now, show_values=show_values)
        self.gate = self.linter.gate
        self.config = config
        self.limit = limit
        self.discovery = inputs.Discovery()  # the paths named that do not exist, what each folder gave

    def paths(self, paths: Iterable[Path]) -> Iterator[Source]:
        for path, explicit, _ in inputs.discover(list(paths), self.config, discovery=self.discovery):
            source = self.file(path, display(path), explicit)
            if source is not None:
                yield source

    def file(self, path: Path, display: str, explicit: bool = True) -> Source | None:
        if inputs.is_template(path):
            return self.template(path, display)
        kind = loaders.payload_kind(path)
        if kind is None or not path.is_file():
            why = "not a payload or template file" if kind is None else "no such file, or not a regular file"
            return (
                self._unreadable(
                    display,
                    loaders.Problem(loaders.ProblemKind.UNREADABLE if kind else loaders.ProblemKind.NOT_A_MESSAGE, why),
                )
                if explicit
                else None
            )
        if kind == "jsonl":
            return self._jsonl(path, display)
        text = loaders.read_text(path)
        if isinstance(text, loaders.Problem):
            return self._unreadable(display, text)
        items = list(inputs.READERS[kind](text))
        payloads = [i.data for i in items if isinstance(i, loaders.Item)]
        if payloads and not any(loaders.looks_like_message(p) for p in payloads) and not explicit:
            return None
        return self._limited(items, display, text)

    def _limited(self, items: list, display: str, text: str | None) -> Source:
        """The first ``limit`` messages of a file or input (with what could not be read)."""
        kept, shown = [], 0
        for item in items:
            if isinstance(item, loaders.Item):
                shown += 1
                if shown > self.limit:
                    continue
            kept.append(item)
        return self.items(kept, display, text, more=max(0, shown - self.limit))

    def text(self, text: str, display: str = "-") -> Source:
        """Payloads given as text (standard input): JSON, JSON Lines or YAML."""
        stripped = text.lstrip("\ufeff \t\r\n")
        if not stripped:
            return self._unreadable(
                display,
                loaders.Problem(loaders.ProblemKind.NOT_A_MESSAGE, "the input is empty: no message to show", 1, 1),
            )
        items = list(loaders.load_json(text)) if stripped[0] in "{[" else []
        if not items or (isinstance(items[0], loaders.Problem) and "\n{" in stripped):
            items = list(loaders.load_jsonl(iter(text.splitlines()))) if stripped[:1] == "{" else []
        if not items:
            items = list(yamlreader.load_yaml(text))
        return self._limited(items, display, text)

    # -- payloads ------------------------------------------------------------------------------

    def _jsonl(self, path: Path, display: str) -> Source:
        try:
            handle = path.open("rb")
        except OSError as exc:
            return self._unreadable(
                display, loaders.Problem(loaders.ProblemKind.UNREADABLE, f"cannot read the file: {exc.strerror or exc}")
            )
        with handle:
            if loaders.is_binary(handle.read(8192)):
                return self._unreadable(
                    display, loaders.Problem(loaders.ProblemKind.UNREADABLE, "binary file: payloads are UTF-8 text")
                )
            handle.seek(0)
            lines = loaders.read_lines(handle)
            items, shown = [], 0
            for item in loaders.load_jsonl(lines):
                items.append(item)
                shown += isinstance(item, loaders.Item)
                if shown == self.limit:
                    break
            more = sum(1 for line in lines if isinstance(line, str) and line.strip())  # not read
        return self.items(items, display, None, more=more)

    def items(self, items, display: str, text: str | None, *, more: int = 0) -> Source:
        linter = self.linter
        ignored = self.gate.ignored_for(display)
        plan = linter.plan("payload", ignored)
        batch = linter.batch_checks(ignored)
        found: list[Finding] = []
        messages: list[tuple[Message, list[tuple[Finding, int | None]]]] = []
        for item in items:
            if isinstance(item, loaders.Problem):
                problem = self.gate.problem(item, display)
                found += [problem] if problem else []
                continue
            hits = []
            view = PayloadView(item.data)
            for rule, hit in linter.view_hits(view, plan, linter.context):
                line, column = item.locate(hit.field, hit.offset)
                hits.append((self.gate.finding(rule, hit, file=display, line=line, column=column), hit.offset))
            found += [f for f, _ in hits]
            for _, state in batch:
                state.feed(view, item.line)
            if isinstance(item.data, dict):
                label = f"line {item.line}" if len(items) > 1 and item.line else None
                messages.append((Message(item.data, display, label, line=item.line), hits))
        at_line = {message.line: (message, hits) for message, hits in messages if message.line}
        for rule, state in batch:
            for finding in linter.batch_findings(rule, state, display):
                found.append(finding)
                line = finding.line
                if line in at_line:  # a duplicate: about the message on that line
                    at_line[line][1].append((finding, None))
        kept = self._kept(found, display, text)
        source = Source(display, more=more)
        pinned_ids = set()
        for message, hits in messages:
            for finding, offset in hits:
                if id(finding) in kept:
                    message.findings.append(pin(finding, offset, message.payload))
                    pinned_ids.add(id(finding))
            source.messages.append(message)
        source.findings = [f for f in kept.values() if id(f) not in pinned_ids]
        return source

    def _kept(self, findings: list[Finding], display: str, text: str | None) -> dict[int, Finding]:
        """The findings left after inline directives and suppressions, plus what is wrong with
        the directives themselves; by identity, in order."""
        if text is not None and "iolint" in text:
            findings = list(self.gate.directives(text, findings, display))
        findings = self.gate.suppressed(relative(display, self.config.root), findings)
        return {id(f): f for f in sorted(findings, key=Finding.sort_key)}

    def _unreadable(self, display: str, problem: loaders.Problem) -> Source:
        found = self.gate.problem(problem, display)
        return Source(display, findings=[found] if found else [])

    # -- templates -----------------------------------------------------------------------------

    def template(self, path: Path, display: str) -> Source:
        from iolint.templates import check_template_file, document
        from iolint.templates.lint import template_context
        from iolint.templates.template import Template

        linter = self.linter
        text = loaders.read_text(path)
        canonical = list(check_template_file(linter, path, display))
        kept = self._kept(canonical, display, text if isinstance(text, str) else None)
        source = Source(display)
        doc = document.parse(text) if isinstance(text, str) else None
        if doc is None or isinstance(doc, list) or Template(doc).blocked:
            source.findings = list(kept.values())
            return source
        template = Template(doc)
        by_key = {(f.code, f.field, f.message): f for f in kept.values()}
        ctx = template_context(linter, doc)
        plan = linter.plan("template", self.gate.ignored_for(display))
        service = _model_service(path)
        pinned_ids = set()
        results, _ = template.rendered(ctx.variants)
        for result in results:
            if result.payload is None:
                continue
            # masked as a finding's variant is: a label quotes the template's conditions and samples
            label = (
                f"variant: {self.gate.privacy.redact(result.variant.label)}"
                if result.variant.label
                else "variant: the samples"
            )
            message = Message(result.payload, display, label, service=service)
            for rule, hit in linter.hits(result.payload, plan, ctx):
                finding = by_key.get((rule.code, hit.field, hit.message))
                if finding is not None:
                    message.findings.append(pin(finding, hit.offset, result.payload))
                    pinned_ids.add(id(finding))
            source.messages.append(message)
        for finding in kept.values():  # about the template's source: pinned where its field shows
            if id(finding) not in pinned_ids and pin(finding, None, {}).target != "message":
                for message in source.messages:
                    message.findings.append(pin(finding, None, message.payload))
                pinned_ids.add(id(finding))
        source.findings = [f for f in kept.values() if id(f) not in pinned_ids]
        return source


def _model_service(path: Path) -> str | None:
    """The service's name when the template is one of a model's messages (a model.yaml beside it)."""
    meta = path.parent / "model.yaml"
    text = loaders.read_text(meta) if meta.is_file() else None  # bounded, as the payloads are read
    item = next(yamlreader.load_yaml(text), None) if isinstance(text, str) else None
    data = item.data if isinstance(item, loaders.Item) else None
    name = data.get("name") if isinstance(data, dict) else None
    return name if isinstance(name, str) else None
