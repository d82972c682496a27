"""The rules' logic, one module per family, each found by ``iolint.registry`` by listing this
package. A payload check is ``fn(msg, ctx)`` yielding ``Hit``s; ``msg`` is the decoded payload
(any JSON value, usually a dict). The rules' metadata lives in ``rules/*.yaml``.
"""

from __future__ import annotations

from iolint.context import Context  # noqa: F401  (tests/pii/test_normalise.py imports it from here)


def content(msg: object) -> dict:
    value = msg.get("content") if type(msg) is dict else None
    return value if type(value) is dict else _EMPTY


_EMPTY: dict = {}  # never written to: checks only read content


def text_of(msg: object, key: str) -> str | None:
    # content() inlined: every payload calls this some thirty times
    body = msg.get("content") if type(msg) is dict else None
    value = body.get(key) if type(body) is dict else None
    return value if type(value) is str else None


def is_advanced(msg: object) -> bool:
    return isinstance(msg, dict) and msg.get("feature_level_type") == "ADVANCED"


def __getattr__(name: str):
    """``PAYLOAD_CHECKS[code](msg, ctx)`` and ``load_all()``: the payload checks by code, as the
    personal-data tests (tests/pii/test_normalise.py) reach them; iolint itself uses
    ``iolint.registry``."""
    from iolint import registry

    if name == "load_all":
        return registry.load
    if name == "PAYLOAD_CHECKS":
        return {code: _only(b) for code, b in registry.load().items() if b.kind == registry.PAYLOAD}
    raise AttributeError(f"module 'iolint.checks' has no attribute {name!r}")


def _only(binding):
    """The binding's check, reporting only its own rule's hits."""

    def check(msg, ctx):
        return [hit for hit in binding.check(msg, ctx) or () if hit.kind is binding.key]

    return check
