"""Which buttons a citizen gets at the foot of a message, in each app language.

Facts: pagopa/io-app (``features/messages``: the CTA front matter and the sticky footer). The app
reads the front matter block of its own language only (`it`, or `en`; German and every other
language read `it`), with no fallback: an English phone shows no CTA when only `it` exists. A block
must hold `cta_1` (and may hold `cta_2`) with string `text` and `action`; if neither action is one
the app accepts, no CTA is shown, else both are. The payment's "Paga" comes first.
"""

from __future__ import annotations

from dataclasses import dataclass

from iolint import frontmatter


@dataclass(frozen=True)
class Button:
    style: str  # "solid", "outline" or "link"
    text: str
    action: str | None = None  # None: the app's own "Paga"


def app_locale(language: str) -> str:
    """The front matter block an app language reads."""
    return language if language in frontmatter.LOCALES else "it"


def _is_cta(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("text"), str) and isinstance(value.get("action"), str)


def chosen(data: object, language: str) -> list[dict]:
    """The CTAs (cta_1, then cta_2 if any) the app shows for ``language``, possibly none."""
    block = data.get(app_locale(language)) if isinstance(data, dict) else None
    if not isinstance(block, dict) or not _is_cta(block.get("cta_1")):
        return []
    second = block.get("cta_2", None)
    if "cta_2" in block and not _is_cta(second):
        return []
    found = [block["cta_1"], *([second] if second is not None else [])]
    if not any(frontmatter.action_problem(c["action"]) is None for c in found):
        return []
    return found


def footer(ctas: list[dict], pay_label: str | None) -> list[Button]:
    """The sticky footer's buttons, top to bottom; ``pay_label`` when the message has a payment."""
    buttons = []
    if pay_label:
        buttons.append(Button("solid", pay_label))
    for i, found in enumerate(ctas):
        if i == len(ctas) - 1 and (pay_label or i == 1):
            style = "link"
        else:
            style = "solid" if not pay_label else "outline"
        buttons.append(Button(style, found["text"], found["action"]))
    return buttons
