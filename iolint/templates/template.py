"""A template under check: its document, its parsed Jinja sources, and its rendered variants."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from jinja2.sandbox import SecurityError

from iolint.templates import analysis, sandbox
from iolint.templates.document import Document
from iolint.templates.render import FieldError, Renderer, SourceMap

MAX_VARIANTS = 64


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
        """"escape", "limit" or "error" for a failed render."""
        if self.failure is None:
            return None
        error = self.failure.error
        if isinstance(error, SecurityError):
            return "escape"
        if isinstance(error, (sandbox.RenderLimit, RecursionError, MemoryError)):
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
    def blocked(self) -> bool:
        """Whether the static checks found what makes rendering unsafe or pointless."""
        doc = self.doc
        if doc.structure or doc.bad_variables or any(s.error for s in self.sources.values()):
            return True
        for source in self.parsed:
            for _ in analysis.escapes(source.ast, doc.declared):
                return True
            for _ in analysis.includes(source.ast):
                return True
            for _ in analysis.undeclared(source.ast, doc.declared, self.env):
                return True
            for _ in analysis.unknown_filters(source.ast, self.env):
                return True
        return False

    def variants(self) -> list[Variant]:
        """The sample values, each alternative in ``samples``, then every branch of every if."""
        base = {name: var.sample for name, var in self.doc.variables.items()}
        out = [Variant(None, base)]
        for name, var in self.doc.variables.items():
            for i, value in enumerate(var.samples, 1):
                out.append(Variant(f"samples #{i} of {name}", {**base, name: value}))
        for source in self.parsed:
            for c, chain in enumerate(analysis.chains(source.ast)):
                for choice, label in enumerate(analysis.labels(source, chain)):
                    out.append(Variant(label, base, (source.field, c, choice)))
        return out

    def rendered(self, limit: int = MAX_VARIANTS) -> tuple[list[Rendered], int]:
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
                    with sandbox.limits():
                        result.payload, result.maps = renderer.payload(variant.values, variant.forced)
                except FieldError as exc:
                    result.failure = exc
                out.append(result)
                if result.kind == "limit":
                    break
            self._rendered[limit] = (out, len(variants))
        return self._rendered[limit]
