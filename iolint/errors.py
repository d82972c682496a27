"""The exceptions iolint raises to its callers: every one is an ``IolintError``.

Sending code can rely on ``except iolint.IolintError`` to catch anything iolint refuses, and
every message names what is wrong without quoting personal data in full.
"""

from __future__ import annotations


class IolintError(Exception):
    """Base class of iolint's exceptions."""


class InvalidPayload(IolintError, ValueError):
    """A payload iolint cannot check as it would be sent: an object JSON cannot hold (a set,
    bytes, an arbitrary object), a structure that refers to itself or is nested too deeply, an
    integer too long to write as JSON. Such a payload must not be sent either."""


class InternalError(IolintError):
    """iolint failed while checking; the message names the failure (masked), not the payload."""
