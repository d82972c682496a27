"""Suppressions: accepted findings that must carry a reason and never depend on line numbers.

Inline, only where the text never reaches the citizen: in a YAML file (payload or template), a
YAML comment ``# iolint: ignore[personal-data-in-title] reason="..."`` (or
``# {# iolint: ... #}``); in a template, also a Jinja comment ``{# iolint: ... #}``, which
renders to nothing. It covers its own line and the next; ``ignore-file[CODES]`` the whole file
(``directives``). A directive written inside a payload's text (its markdown) is text the citizen
reads: it suppresses nothing, and a payload rule reports it. JSON payloads cannot hold comments:
for them, ``[[tool.iolint.suppress]]`` entries and the sidecar ``iolint-suppressions.yaml`` (a
list of the same entries), matched by file glob, rule and field path (``entries``). Any of them
may say ``until=YYYY-MM-DD``: after that day (in Rome) it suppresses nothing. What is wrong with a
suppression is itself a finding, of the kinds below; ``iolint.gate`` makes it.
"""

from iolint.suppress.common import Kind, expired, resolve, today
from iolint.suppress.directives import apply_inline, kind_of
from iolint.suppress.entries import Entries

__all__ = ["Kind", "today", "expired", "resolve", "apply_inline", "kind_of", "Entries"]
