"""A template read and checked once, to render many times (one message per recipient)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from iolint import loaders
from iolint.templates import MissingVariables, RenderError, document, limits
from iolint.templates.render import FieldError, Renderer
from iolint.templates.template import Template


class PreparedTemplate:
    """A template read and checked once, to render many times (one message per recipient)."""

    def __init__(self, path: Path, name: str | None = None, *, text: str | None = None):
        """The template at ``path``, or ``text`` when given (read from standard input as ``path``)."""
        self.where = name or Path(path).name
        if text is None:
            text = loaders.read_text(Path(path))
            if isinstance(text, loaders.Problem):
                raise RenderError(f"{self.where}: cannot read the template: {loaders.reason(text)}")
        doc = document.parse(text)
        if isinstance(doc, list):
            raise RenderError(f"{self.where}: {doc[0].message}")
        if Template(doc).blocked:
            raise RenderError(f"{self.where}: the template has errors; run `iolint check {self.where}`")
        self.doc = doc
        self.renderer = Renderer(doc, mapped=False)

    @property
    def variables(self) -> dict:
        return self.doc.variables

    def render(self, data: dict | None = None, *, sample: bool = False) -> dict:
        """The NewMessage payload (without ``fiscal_code``) for these values.

        Values come from ``data``; with ``sample``, declared samples fill in what ``data``
        lacks. Variables with a ``default`` may be left out.
        """
        where, doc = self.where, self.doc
        if data is not None and not isinstance(data, Mapping):
            raise RenderError(f"{where}: data must map variable names to values, not be a {type(data).__name__}")
        data = dict(data or {})
        unknown = sorted(map(str, set(data) - set(doc.variables)))  # a key may be no str: 1, None
        if unknown:
            raise RenderError(f"{where}: unknown variables {', '.join(unknown)} (declared: {', '.join(doc.variables)})")
        values = {}
        for name, var in doc.variables.items():
            if name in data:
                values[name] = data[name]
            elif sample:
                values[name] = var.sample
            elif var.has_default:
                values[name] = var.default
        missing = [name for name in doc.variables if name not in values]
        if missing:
            raise MissingVariables(missing, where)
        for name, value in values.items():
            problem = document.type_problem(doc.variables[name].type, value)
            if problem:
                raise RenderError(f"{where}: the value of `{name}` {problem}")
        try:
            with limits.limits():
                payload, _ = self.renderer.payload(values)
        except FieldError as exc:
            raise RenderError(f"{where}: rendering `{exc.field}` failed: {exc.error}") from exc.error
        return payload


def render_file(path: Path, data: dict | None = None, *, sample: bool = False, name: str | None = None) -> dict:
    """The NewMessage payload (without ``fiscal_code``) of the template at ``path``; see
    ``PreparedTemplate.render``. ``name`` is what error messages call the template."""
    return PreparedTemplate(path, name).render(data, sample=sample)
