"""A template under check: its document, its parsed Jinja sources, and its rendered variants."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from jinja2.sandbox import SecurityError

from iolint.templates import analysis, limits, sandbox
from iolint.templates.document import Document
from iolint.templates.render import FieldError, Renderer, SourceMap

# What an undeclared variable (or one declared without a usable sample) renders as, so that the
# rest of the template is still checked in the same run; findings that depend on it are dropped.
PLACEHOLDER = "\u27e6{}\u27e7"  # ⟦name⟧: brackets no message uses


@dataclass(frozen=True)
class Variant:
    label: str | None  # None: the sample values as declared
    values: dict
    forced: tuple[str, int, int] | None = None  # (field, if-chain, branch)


@dataclass
class Rendered:
    variant: Variant
    payload: dict | None = None
    maps: dict[str, SourceMap] | None = None
    failure: FieldError | None = None

    @property
    def kind(self) -> str | None:
        """ "escape", "limit" or "error" for a failed render."""
        if self.failure is None:
            return None
        error = self.failure.error
        if isinstance(error, SecurityError):
            return "escape"
        if isinstance(error, (limits.RenderLimit, RecursionError, MemoryError)):
            return "limit"
        return "error"


class Template:
    def __init__(self, doc: Document):
        self.doc = doc
        env = sandbox.environment()
        self.env = env
        self.sources = {f: analysis.parse(env, f, text) for f, text in doc.sources.items()}
        self._rendered: dict[int, tuple[list[Rendered], int]] = {}

    @property
    def parsed(self):
        return [s for s in self.sources.values() if s.ast is not None]

    @cached_property
    def unsafe(self) -> list[str]:
        """What keeps the template from being rendered at all (unsafe or impossible to)."""
        doc, why = self.doc, []
        why += [f"a Jinja syntax error in `{s.field}`" for s in self.sources.values() if s.error]
        for source in self.parsed:
            if next(analysis.escapes(source.ast, doc.declared), None):
                why.append(f"a reach for Python internals in `{source.field}`")
            if next(analysis.includes(source.ast), None):
                why.append(f"an include or import in `{source.field}`")
            if next(analysis.unknown_filters(source.ast, self.env), None):
                why.append(f"an unknown filter or test in `{source.field}`")
        return why

    @cached_property
    def placeholders(self) -> tuple[str, ...]:
        """Names a field reads that have no usable sample (undeclared, or declared wrongly):
        rendered as ``PLACEHOLDER`` when the template is checked, never when it is sent."""
        names = dict.fromkeys(n for n in self.doc.declared if n not in self.doc.variables)
        for source in self.parsed:
            names.update(dict.fromkeys(n.name for n in analysis.undeclared(source.ast, self.doc.declared, self.env)))
        used = {n.name for s in self.parsed for n in analysis.loads(s.ast)}
        return tuple(n for n in names if n in used)

    @cached_property
    def blocked(self) -> bool:
        """Whether the static checks found anything that keeps the template from being sent."""
        doc = self.doc
        return bool(doc.structure or doc.bad_variables or self.unsafe or self.placeholders)

    def variants(self) -> list[Variant]:
        """The sample values, each alternative in ``samples``, then every branch of every if."""
        base = {name: var.sample for name, var in self.doc.variables.items()}
        base.update({name: PLACEHOLDER.format(name) for name in self.placeholders})
        out = [Variant(None, base)]
        for name, var in self.doc.variables.items():
            for i, value in enumerate(var.samples, 1):
                out.append(Variant(f"samples #{i} of {name}", {**base, name: value}))
        for source in self.parsed:
            for c, chain in enumerate(analysis.chains(source.ast)):
                for choice, label in enumerate(analysis.labels(source, chain)):
                    out.append(Variant(label, base, (source.field, c, choice)))
        return out

    def rendered(self, limit: int) -> tuple[list[Rendered], int]:
        """The first ``limit`` variants rendered, and how many variants there are in all.

        Rendering stops at the first variant that hits a limit: the others would too, each
        costing the time limit.
        """
        if limit not in self._rendered:
            variants = self.variants()
            renderer = Renderer(self.doc)
            out = []
            for variant in variants[:limit]:
                result = Rendered(variant)
                try:
                    with limits.limits():
                        result.payload, result.maps = renderer.payload(variant.values, variant.forced)
                except FieldError as exc:
                    result.failure = exc
                out.append(result)
                if result.kind == "limit":
                    break
            self._rendered[limit] = (out, len(variants))
        return self._rendered[limit]
