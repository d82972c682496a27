"""Running one rule on one payload, through the engine, with only that rule selected."""

from __future__ import annotations

import json
from functools import lru_cache

from iolint.checks.cta import CODES as CTA_CODES
from iolint.checks.markdown import CODES as MARKDOWN_CODES
from iolint.config import Config
from iolint.engine import Linter

# The rule of each issue the body's analysis reports (iolint.rendering.analyze).
CODE_OF = {**MARKDOWN_CODES, **CTA_CODES}


@lru_cache(maxsize=64)
def _linter(code: str, options: str) -> Linter:
    rules = {code: json.loads(options)} if options != "null" else None
    return Linter(Config().replace(select=[code], rules=rules))


def hits(code: str, payload: object, **options) -> list:
    """The hits of rule ``code`` on ``payload``, with the rule's ``options``."""
    linter = _linter(code, json.dumps(options or None, sort_keys=True))
    return [hit for rule, hit in linter.check_payload(payload) if rule.code == code]
