"""What the citizen will see: a message as the IO app shows it, with iolint's findings pinned to it.

``iolint.preview(payload_or_template)`` (this package's ``preview``) returns the HTML page of one
message; ``iolint preview`` (``command``) writes a page per message and an index. The package is
not called ``preview``: importing a submodule binds its package on ``iolint``, which would hide
the ``iolint.preview`` function. Modules: ``sources`` (inputs and their findings), ``body`` (the
markdown as the app renders it), ``screens`` (lock screen, inbox row, detail screen), ``push``,
``ctas``, ``formats`` (the app's words and formats), ``privacy`` (masking), ``page`` (HTML
pages), ``browser`` (screenshots with headless Chromium). Imports are lazy: building the command
line parser imports nothing heavy.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from iolint.errors import IolintError

__all__ = ["preview", "PreviewError"]


class PreviewError(IolintError, ValueError):
    """An input with no message to show (unreadable, not a message, no such variant). A
    ``ValueError`` too, as it was before every exception of iolint's API was an ``IolintError``."""


def preview(
    payload_or_template: object,
    *,
    organization: str = "Comune di Esempio",
    service: str | None = None,
    locale: str = "it",
    annotate: bool = True,
    show_values: bool = False,
    plan: str | None = None,
    config=None,
    now: datetime | str | None = None,
    logo: str | Path | None = None,
    variant: int = 0,
) -> str:
    """The HTML page (self-contained, no network) of one message as the IO app shows it.

    ``payload_or_template``: a NewMessage (a dict, JSON or YAML text, an ``iolint.NewMessage``),
    a template file (``*.io.yaml``) or payload file path, or a catalogue message ("tari/avviso-
    pagamento", rendered with its samples). ``variant`` picks the template variant (0: the
    samples) or the message of a multi-message input. Findings are the CLI's for ``plan`` and
    ``config``; ``now`` is taken as ``iolint.lint`` takes it; personal data is masked unless
    ``show_values``. ``logo``: an image file, or a data: URI, shown instead of the organisation's
    initials.
    """
    from iolint.appview import page, sources
    from iolint.config import Config

    if not isinstance(variant, int) or isinstance(variant, bool):
        raise PreviewError(f"variant: expected an integer, not {type(variant).__name__}")
    now = _moment(now)
    config = (config or Config()).replace(plan=plan)
    collector = sources.Collector(config, now=now, limit=max(variant + 1, 1))
    source = _source(collector, payload_or_template)
    if not 0 <= variant < len(source.messages):
        problems = "; ".join(f"{f.code} {f.message}" for f in source.findings) or "no message in the input"
        raise PreviewError(f"no message #{variant} to preview: {problems}")
    try:
        logo_uri = page.logo_uri(logo) if logo is not None else None
    except ValueError as exc:  # unreadable, too big, not an image
        raise PreviewError(str(exc)) from None
    options = page.Options(
        organization=organization,
        service=service,
        logo=logo_uri,
        annotate=annotate,
        show_values=show_values,
        locale=locale if locale in ("it", "en") else "it",
        now=now,
    )
    return page.page(source.messages[variant], source.findings, options)


def _moment(now: object) -> datetime | None:
    """``now`` as ``iolint.lint`` takes it: a datetime, or ISO 8601 text (naive means UTC)."""
    from iolint import api

    try:
        return api.read_now(now)
    except IolintError as exc:
        raise PreviewError(str(exc)) from None


def _source(collector, thing: object):
    from iolint import loaders

    if isinstance(thing, Path):
        return collector.file(thing, thing.as_posix())
    if isinstance(thing, bytes):
        thing = thing.decode("utf-8", "replace")
    if isinstance(thing, str):
        one_line = "\n" not in thing and len(thing) < 4096
        if one_line and thing.count("/") == 1 and not thing.lstrip().startswith(("{", "[")):
            from iolint import catalog

            try:
                found = catalog.message(thing)
            except catalog.UnknownTemplate:
                found = None
            if found is not None:
                return collector.template(found.path, thing)
        if one_line and Path(thing).is_file():
            return collector.file(Path(thing), thing)
        return collector.text(thing, "<payload>")
    if hasattr(thing, "model_dump"):
        thing = thing.model_dump(mode="json", exclude_none=True)
    return collector.items([loaders.Item(thing, 1)], "<payload>", None)
