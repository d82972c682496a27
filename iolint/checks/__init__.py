"""The rules' logic, one binding module per family, each found by ``iolint.registry`` by listing
this package. A payload check is ``fn(view, ctx)`` (``view``: ``iolint.view.PayloadView``, the
payload read once) returning its hits or nothing; the rules' metadata lives in ``rules/*.yaml``.
"""

from __future__ import annotations

from iolint.context import Context  # noqa: F401  (tests/pii/test_normalise.py imports it from here)


def __getattr__(name: str):
    """``PAYLOAD_CHECKS[code](msg, ctx)`` and ``load_all()``: the payload checks by code, on a
    decoded payload, as the personal-data tests (tests/pii/test_normalise.py) reach them; iolint
    itself uses ``iolint.registry`` and the engine."""
    from iolint import registry

    if name == "load_all":
        return registry.load
    if name == "PAYLOAD_CHECKS":
        return {code: _only(b) for code, b in registry.load().items() if b.kind == registry.PAYLOAD}
    raise AttributeError(f"module 'iolint.checks' has no attribute {name!r}")


def _only(binding):
    """The binding's check on a decoded payload, reporting only its own rule's hits."""
    from iolint.view import PayloadView, needs_mask

    needs = needs_mask(binding.needs)

    def check(msg, ctx):
        view = PayloadView(msg)
        if view.shape & needs != needs:
            return []
        return [hit for hit in binding.check(view, ctx) or () if hit.kind is binding.key]

    return check
