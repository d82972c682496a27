"""Checking one ``*.io.yaml`` file: template rules on its source, payload rules on its variants."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from iolint import checks, loaders
from iolint.finding import Finding, Hit
from iolint.templates import checks as template_checks
from iolint.templates import document
from iolint.templates.render import TEXT_FIELDS
from iolint.templates.template import Rendered, Template

# Payload findings on the title that the template's own title rules already report.
_TITLE_PAYLOAD_RULES = frozenset({"IO501", "IO502"})
_TITLE_TEMPLATE_RULES = frozenset({"IO715", "IO716"})


def check_template_file(linter, path: Path, display: str) -> Iterator[Finding]:
    """Findings for one template file; whatever is wrong with it is a finding, never an exception."""
    if not path.is_file():  # missing, or a folder, pipe or device that reading would hang on
        why = "not a regular file (a folder, pipe or device)" if path.exists() else "no such file"
        found = linter.problem(loaders.Problem("IO001", why), display)
        if found:
            yield found
        return
    yield from check_template_text(linter, loaders.read_text(path), display)


def check_template_text(linter, text: str | loaders.Problem, display: str) -> Iterator[Finding]:
    """Findings for a template's text (or for the problem that kept it from being read)."""
    parsed = document.parse(text) if isinstance(text, str) else [text]
    if isinstance(parsed, list):
        for problem in parsed:
            found = linter.problem(problem, display)
            if found:
                yield found
        return
    template = Template(parsed)
    ignored = linter.ignored_for(display)
    ctx = dataclasses.replace(linter.context, features=linter.context.features | set(parsed.features))
    findings = list(_template_findings(linter, template, ctx, ignored, display))
    if not template.blocked:
        findings += _payload_findings(linter, template, ctx, ignored, display)
    yield from _deduplicated(findings)


def _template_findings(linter, template, ctx, ignored, display) -> Iterator[Finding]:
    for rule in linter.rules:
        fn = checks.TEMPLATE_CHECKS.get(rule.code)
        if fn is None or rule.code not in linter.enabled or rule.code in ignored:
            continue
        if "template" not in rule.applies_to or ctx.plan not in rule.plans:
            continue
        for item in fn(template, ctx):
            hit, variant = item if isinstance(item, tuple) else (item, None)
            line, column = template.doc.position(hit.field, hit.offset, key=hit.offset is None)
            yield linter.finding(rule, hit, file=display, line=line, column=column, variant=variant)


def _payload_findings(linter, template: Template, ctx, ignored, display) -> list[Finding]:
    runners = linter.runners("template", ignored)
    if not runners:
        return []
    results, _ = template.rendered(template_checks.max_variants(ctx))
    out = []
    for result in results:
        if result.payload is None:
            continue
        for rule, fn in runners:
            for hit in fn(result.payload, ctx):
                line, column = _locate(template, result, hit)
                out.append(
                    linter.finding(rule, hit, file=display, line=line, column=column, variant=result.variant.label)
                )
    return out


def _locate(template: Template, result: Rendered, hit: Hit) -> tuple[int, int]:
    """The template line and column of a hit on a rendered payload."""
    field = hit.field or ""
    path = field.removeprefix("content.") if field.startswith("content.") else field
    if not path:
        path = "features" if "features" in template.doc.data else None
    source_map = result.maps.get(path) if result.maps else None
    if path in TEXT_FIELDS and source_map is not None and hit.offset is not None:
        line, column = source_map.locate(hit.offset)
        source = template.sources[path]
        offset = source.offset(line) + (column or 0)
        return template.doc.position(path, offset)
    return template.doc.position(path, None, key=True)


def _deduplicated(findings: list[Finding]) -> Iterator[Finding]:
    """Each finding once, as the first variant showed it; payload title-privacy findings are
    dropped where the template's own title rules already fired on that line."""
    title_lines = {f.line for f in findings if f.code in _TITLE_TEMPLATE_RULES}
    seen = set()
    for f in findings:
        if f.code in _TITLE_PAYLOAD_RULES and f.field == "content.subject" and f.line in title_lines:
            continue
        key = (f.code, f.line, f.column, f.field, f.message)
        if key not in seen:
            seen.add(key)
            yield f
