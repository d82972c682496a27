"""iolint: lint IO (PagoPA) message payloads and templates before they reach citizens.

Imports are lazy: ``import iolint`` costs little, and presidio loads only when text needs it.
"""

from __future__ import annotations

__version__ = "0.1.0"

_EXPORTS = {
    "lint": "iolint.api",
    "check_before_send": "iolint.api",
    "Report": "iolint.api",
    "MessageRejected": "iolint.api",
    "IolintError": "iolint.errors",
    "InvalidPayload": "iolint.errors",
    "InternalError": "iolint.errors",
    "ConfigError": "iolint.config",
    "Finding": "iolint.finding",
    "Severity": "iolint.finding",
    "NewMessage": "iolint.message",
    "MessageContent": "iolint.message",
    "PaymentData": "iolint.message",
    "Payee": "iolint.message",
    "ThirdPartyData": "iolint.message",
    "Linter": "iolint.engine",
    "Config": "iolint.config",
    "render": "iolint.catalog",
    "RenderError": "iolint.templates",
    "MissingVariables": "iolint.templates",
    "preview": "iolint.appview",
    "PreviewError": "iolint.appview",
}
__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'iolint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
