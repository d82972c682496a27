"""Message templates (``*.io.yaml``): sandboxed Jinja2, static checks, variant rendering.

``check_template_file`` is what ``iolint check`` runs on a template; ``render_file`` turns a
template and the values of its variables into the NewMessage payload to send. Importing this
package imports no Jinja: its exports are loaded on first use.
"""

from __future__ import annotations

from iolint.errors import IolintError
from iolint.privacy import redact

__all__ = [
    "check_template_file",
    "check_template_text",
    "render_file",
    "PreparedTemplate",
    "RenderError",
    "MissingVariables",
]

_LAZY = {
    "check_template_file": "iolint.templates.lint",
    "check_template_text": "iolint.templates.lint",
    "render_file": "iolint.templates.prepared",
    "PreparedTemplate": "iolint.templates.prepared",
}


class RenderError(IolintError):
    """A template that cannot be rendered with the values given; what the message quotes of
    the values is masked."""

    def __init__(self, message: str):
        super().__init__(redact(message))


class MissingVariables(RenderError):
    def __init__(self, names: list[str], where: str):
        self.names = names
        super().__init__(f"{where}: no value for {', '.join(names)} (pass them in data, or use the samples)")


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'iolint.templates' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
