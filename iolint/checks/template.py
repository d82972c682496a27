"""The template rules: their logic, bound to their codes.

A template check is ``fn(template, ctx)`` yielding ``Hit``s, or ``(Hit, variant)`` pairs for
what one rendered variant showed. A hit's ``field`` is a dotted path in the template file and
its ``offset`` an offset in that field's Jinja source; no offset means the field's key.
Jinja is imported only when a template is checked: ``iolint.templates.analysis`` is imported
inside the checks, which receive an ``iolint.templates.template.Template``.
"""

from __future__ import annotations

import enum
import re

from iolint.finding import Hit
from iolint.loaders import ProblemKind
from iolint.registry import TEMPLATE, kinds, reported, template_check
from iolint.templates import personal


class TemplateReport(enum.Enum):
    """What ``iolint.templates.lint`` reports about a template as a whole."""

    NOT_CHECKED = "not-checked"  # errors kept some or all of it from being rendered and checked


# Personal data in a template's title is reported by its own rules (a variable that holds it, data
# written in it); the payload rules would report it again on every rendered variant: where one of
# the first fired on a line, the lint leaves the second out on that line.
TITLE_RULES = frozenset({"IO715", "IO716"})
TITLE_RULES_OF_VARIANTS = frozenset({"IO501", "IO502"})
# The lint names the rules that did not run, which only it knows: it reports this one by kind.
reported({TemplateReport.NOT_CHECKED: "IO727"}, kind=TEMPLATE)
# A row of a recipients CSV that the template cannot render is reported as a failed render.
kinds({ProblemKind.NOT_RENDERED: "IO725"})


def variant_limit(options) -> int:
    """How many variants of a template are rendered and checked: too-many-variants' option,
    which the other template rules and the payload rules on variants follow."""
    return options["IO729"]["max-variants"]


@template_check("IO701")
def template_syntax_error(template, ctx):
    for source in template.sources.values():
        if source.error:
            line, message = source.error
            yield Hit(source.field, f"Jinja syntax error in `{source.field}`: {message}", offset=source.offset(line))


@template_check("IO702")
def invalid_template(template, ctx):
    for field, message in template.doc.structure:
        yield Hit(field, message)


@template_check("IO703")
def unknown_template_key(template, ctx):
    for field, message in template.doc.unknown_keys:
        yield Hit(field, message)


@template_check("IO704")
def invalid_variable(template, ctx):
    for field, message in template.doc.bad_variables:
        yield Hit(field, message)


@template_check("IO710")
def undeclared_variable(template, ctx):
    from iolint.templates import analysis

    for source in template.parsed:
        seen = set()
        for name in analysis.undeclared(source.ast, template.doc.declared, template.env):
            if name.name not in seen:
                seen.add(name.name)
                yield Hit(
                    source.field,
                    f"`{name.name}` is used but not declared in `variables` (give it a sample value there)",
                    offset=source.offset(name.lineno, rf"\b{re.escape(name.name)}\b"),
                )


@template_check("IO711")
def unused_variable(template, ctx):
    from iolint.templates import analysis

    if any(s.error for s in template.sources.values()):
        return  # a source that does not parse may well use them
    used = {n.name for s in template.parsed for n in analysis.loads(s.ast)}
    for name in template.doc.variables:
        if name not in used:
            yield Hit(f"variables.{name}", f"variable `{name}` is declared but no field uses it")


@template_check("IO712")
def unknown_filter(template, ctx):
    from iolint.templates import analysis

    known = ", ".join(sorted(template.env.filters))
    for source in template.parsed:
        for kind, name, line in analysis.unknown_filters(source.ast, template.env):
            hint = f"; filters: {known}" if kind == "filter" else ""
            yield Hit(
                source.field,
                f"unknown {kind} `{name}`{hint}",
                offset=source.offset(line, rf"\b{re.escape(name)}\b"),
            )


@template_check("IO715")
def personal_variable_in_title(template, ctx):
    from iolint.templates import analysis

    source = template.sources.get("subject")
    if source is None or source.ast is None:
        return
    reported = set()
    for parts, line in analysis.paths(source.ast):
        dotted = ".".join(parts)
        if dotted in reported:
            continue
        offset = source.offset(line, rf"\b{re.escape(parts[0])}\b")
        word = personal.personal_word(parts)
        if word:
            reported.add(dotted)
            yield Hit(
                "subject",
                f"the title prints `{dotted}`, whose name says it holds personal data ({word}): "
                "the title is the push text on a locked phone",
                value=dotted,
                offset=offset,
            )
            continue
        for label, value in _samples(template, parts):
            found = ctx.privacy.detect(value) if isinstance(value, str) and value else ()
            if found:
                reported.add(dotted)
                yield Hit(
                    "subject",
                    f"the title prints `{dotted}`, whose {label} holds {found[0].label} "
                    f"({ctx.privacy.mask(value[found[0].start : found[0].end])}): the title is the push "
                    "text on a locked phone",
                    value=dotted,
                    offset=offset,
                )
                break


def _samples(template, parts: list[str]):
    var = template.doc.variables.get(parts[0])
    if var is None:
        return
    for label, value in [("sample", var.sample), *((f"samples #{i}", v) for i, v in enumerate(var.samples, 1))]:
        for key in parts[1:]:
            value = value.get(key) if isinstance(value, dict) else None
        yield label, value


@template_check("IO716")
def personal_data_in_title_text(template, ctx):
    from iolint.templates import analysis

    source = template.sources.get("subject")
    if source is None:
        return
    # Jinja blanked out with spaces: offsets stay those of the source.
    literal = list(source.text)
    for start, end in analysis.jinja_spans(source.text):
        literal[start:end] = [c if c == "\n" else " " for c in literal[start:end]]
    literal = "".join(literal)
    for d in ctx.privacy.detect(literal):
        value = literal[d.start : d.end]
        yield Hit("subject", f"the title text holds {d.label}: {ctx.privacy.mask(value)}", value=value, offset=d.start)


@template_check("IO720")
def sandbox_escape(template, ctx):
    from iolint.templates import analysis

    for source in template.parsed:
        by_line: dict[int, list[tuple[str, str]]] = {}
        for line, what, written in analysis.escapes(source.ast, template.doc.declared):
            by_line.setdefault(line, []).append((what, written))
        for line, found in sorted(by_line.items()):
            yield Hit(
                source.field,
                f"{', '.join(sorted({what for what, _ in found}))}: reaching for Python internals "
                "or the host; the template is refused, not rendered",
                # the leftmost reach: the AST lists an expression's outermost (rightmost) part first
                offset=min(source.offset(line, re.escape(written)) for _, written in found),
            )
    yield from _failures(template, ctx, "escape")


@template_check("IO721")
def template_include(template, ctx):
    from iolint.templates import analysis

    for source in template.parsed:
        for line, tag in analysis.includes(source.ast):
            yield Hit(
                source.field,
                f"`{{% {tag} %}}` is not allowed: a message template is one self-contained file",
                offset=source.offset(line, r"\{%"),
            )


@template_check("IO725")
def render_failed(template, ctx):
    yield from _failures(template, ctx, "error")


@template_check("IO726")
def render_limit(template, ctx):
    yield from _failures(template, ctx, "limit")


def _failures(template, ctx, kind: str):
    if template.unsafe or (kind == "error" and template.placeholders):
        return  # not rendered; or rendered with placeholders, which may be what failed (IO727)
    results, _ = template.rendered(ctx.variants)
    for result in results:
        if result.kind != kind:
            continue
        failure = result.failure
        source = template.sources[failure.field]
        error = failure.error
        what = "stopped" if kind == "limit" else "failed"
        hit = Hit(
            failure.field,
            f"rendering `{failure.field}` {what}: {type(error).__name__}: {error}",
            offset=source.offset(failure.line) if failure.line else None,
        )
        yield hit, result.variant.label


@template_check("IO729")
def too_many_variants(template, ctx, options):
    if template.unsafe:
        return
    limit = options["max-variants"]
    results, total = template.rendered(limit)
    if total > limit:
        yield Hit(
            None,
            f"the template has {total} variants (sample values, samples, if-branches): only the "
            f"first {limit} were rendered and checked",
        )
