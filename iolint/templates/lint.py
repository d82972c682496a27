"""Checking one ``*.io.yaml`` file: template rules on its source, payload rules on its variants."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from pathlib import Path

from iolint import loaders
from iolint.checks import template as template_checks
from iolint.checks.template import TemplateReport
from iolint.fields import MISSING, dig
from iolint.finding import Finding, Hit
from iolint.templates import document
from iolint.templates.render import TEXT_FIELDS
from iolint.templates.template import PLACEHOLDER, Rendered, Template

PLACEHOLDER_OPEN, PLACEHOLDER_CLOSE = PLACEHOLDER[0], PLACEHOLDER[-1]


def check_template_file(linter, path: Path, display: str, *, data: bytes | None = None) -> Iterator[Finding]:
    """Findings for one template file; whatever is wrong with it is a finding, never an exception.

    ``data``: the file's bytes when the caller has read them already (to hash them for the cache).
    """
    if data is None and not path.is_file():  # missing, or a folder, pipe or device that reading would hang on
        why = "not a regular file (a folder, pipe or device)" if path.exists() else "no such file"
        found = linter.gate.problem(loaders.Problem(loaders.ProblemKind.UNREADABLE, why), display)
        if found:
            yield found
        return
    text = loaders.decode(data) if data is not None else loaders.read_text(path)
    yield from check_template_text(linter, text, display)


def check_template_text(linter, text: str | loaders.Problem, display: str) -> Iterator[Finding]:
    """Findings for a template's text (or for the problem that kept it from being read)."""
    parsed = document.parse(text) if isinstance(text, str) else [text]
    if isinstance(parsed, list):
        for problem in parsed:
            found = linter.gate.problem(problem, display)
            if found:
                yield found
        return
    template = Template(parsed)
    ignored = linter.gate.ignored_for(display)
    ctx = template_context(linter, parsed)
    findings = [found for note in parsed.repeated if (found := linter.gate.problem(note, display))]
    findings += _template_findings(linter, template, ctx, ignored, display)
    if not template.unsafe:
        findings += _payload_findings(linter, template, ctx, ignored, display)
    findings += _not_checked(linter, template, ctx, ignored, display)
    yield from _deduplicated(findings)


def template_context(linter, doc) -> object:
    """What the checks of one template know: the features it declares, how many variants to render."""
    ctx = linter.context
    return dataclasses.replace(
        ctx, features=ctx.features | set(doc.features), variants=template_checks.variant_limit(linter.options)
    )


def _not_checked(linter, template: Template, ctx, ignored, display) -> list[Finding]:
    """IO727: what the errors above kept from being checked, so that fixing them brings no
    surprise. Made here, not by a template check, because it names the rules this run enables."""
    if template.unsafe:
        rules = linter.plan("template", ignored).rules
        message = (
            f"the template was not rendered because of {_listed(template.unsafe)}: none of its variants "
            f"was checked, so {len(rules)} rules did not run on it ({_ranges([r.code for r in rules])}); "
            "fix the errors and check again, more findings may follow"
        )
    elif template.placeholders:
        names = ", ".join(f"`{n}`" for n in template.placeholders)
        results, _ = template.rendered(ctx.variants)
        failed = [r.variant.label or "the sample values" for r in results if r.kind == "error"]
        one = len(template.placeholders) == 1
        message = (
            f"{names} {'has' if one else 'have'} no sample value: the template was rendered with a "
            f"placeholder for {'it' if one else 'them'}, and findings on the fields that print "
            f"{'it' if one else 'them'} are left out"
        )
        if failed:
            message += f"; these variants could not be rendered even so: {_listed(failed)}"
    else:
        return []
    found = linter.gate.report(TemplateReport.NOT_CHECKED, message, file=display, line=1, column=1)
    return [found] if found else []


def _ranges(codes: list[str]) -> str:
    """IO101, IO102, IO103, IO110 as "IO101-IO103, IO110"."""
    runs: list[list[str]] = []
    for code in sorted(codes):
        if runs and code[:-3] == runs[-1][-1][:-3] and int(code[-3:]) == int(runs[-1][-1][-3:]) + 1:
            runs[-1].append(code)
        else:
            runs.append([code])
    return ", ".join(run[0] if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs)


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _template_findings(linter, template, ctx, ignored, display) -> Iterator[Finding]:
    for rule, fn in linter.template_checks(ignored, ctx.plan):
        if "template" not in rule.applies_to:
            continue
        for item in fn(template, ctx):
            hit, variant = item if isinstance(item, tuple) else (item, None)
            line, column = template.doc.position(hit.field, hit.offset, key=hit.offset is None)
            yield linter.gate.finding(rule, hit, file=display, line=line, column=column, variant=variant)


def _payload_findings(linter, template: Template, ctx, ignored, display) -> list[Finding]:
    plan = linter.plan("template", ignored)
    if not plan.rules:
        return []
    results, _ = template.rendered(ctx.variants)
    out = []
    for result in results:
        if result.payload is None:
            continue
        for rule, hit in linter.hits(result.payload, plan, ctx):
            if template.placeholders and _on_placeholder(result.payload, hit):
                continue
            line, column = _locate(template, result, hit)
            out.append(
                linter.gate.finding(rule, hit, file=display, line=line, column=column, variant=result.variant.label)
            )
    return out


def _on_placeholder(payload: dict, hit: Hit) -> bool:
    """Whether a hit on a payload rendered with placeholders may be about a placeholder: the
    field it names holds one, and the hit is not at a place of the text outside every one."""
    value = dig(payload, hit.field) if hit.field else payload
    value = None if value is MISSING else value
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    if PLACEHOLDER_OPEN not in text:
        return False
    if not isinstance(value, str) or hit.offset is None:
        return True
    for m in re.finditer(f"{PLACEHOLDER_OPEN}[^{PLACEHOLDER_CLOSE}]*{PLACEHOLDER_CLOSE}", value):
        if m.start() <= hit.offset < m.end():
            return True
    return False


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
    title_lines = {f.line for f in findings if f.code in template_checks.TITLE_RULES}
    seen = set()
    for f in findings:
        if f.code in template_checks.TITLE_RULES_OF_VARIANTS and f.field == "content.subject" and f.line in title_lines:
            continue
        key = (f.code, f.line, f.column, f.field, f.message)
        if key not in seen:
            seen.add(key)
            yield f
