"""The input family: files that cannot be read, parsed or recognised as messages.

The readers (``iolint.loaders``, ``iolint.inputs``) report a ``ProblemKind`` where they find it;
this is the one place that says which rule each kind is.
"""

from __future__ import annotations

from iolint.loaders import ProblemKind
from iolint.registry import reported

reported(
    {
        ProblemKind.UNREADABLE: "IO001",
        ProblemKind.SYNTAX: "IO002",
        ProblemKind.TOO_LARGE: "IO003",
        ProblemKind.NOT_A_MESSAGE: "IO004",
        ProblemKind.REPEATED_KEY: "IO005",
    }
)
