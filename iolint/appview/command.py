"""``iolint preview``: a page per message (and an index) in a folder, optionally screenshots."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

EXIT_OK, EXIT_ERROR = 0, 2
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("--limit takes 1 or more")
    return value


def register(subparsers) -> None:
    from iolint.cli_options import now as _now

    cmd = subparsers.add_parser("preview", help="render messages as the IO app shows them: HTML pages (and PNGs)")
    cmd.add_argument(
        "paths", nargs="+", metavar="PATH", help="payload or template files, folders, or - for standard input"
    )
    cmd.add_argument("--output-dir", "-o", type=Path, required=True, metavar="DIR", help="where to write the pages")
    cmd.add_argument(
        "--limit", type=_limit, default=50, metavar="N", help="messages shown per file or standard input (default: 50)"
    )
    cmd.add_argument("--organization", default="Comune di Esempio", help="the sending organisation's name")
    cmd.add_argument("--service", help="the service's name (default: a model's name, or 'Servizi al cittadino')")
    cmd.add_argument("--logo", type=Path, metavar="FILE", help="the organisation's logo (PNG, JPEG, GIF, WebP or SVG)")
    cmd.add_argument("--locale", choices=["it", "en"], default="it", help="the app language a page opens in")
    cmd.add_argument(
        "--annotate",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="pin the findings to the screen and mark what the app drops (default: on)",
    )
    cmd.add_argument("--show-values", action="store_true", help="show detected personal data unmasked (local use only)")
    cmd.add_argument("--png", action="store_true", help="also a screenshot of each page, with headless Chromium")
    cmd.add_argument("--browser", metavar="PATH", help="the Chromium to use for --png (default: found on PATH)")
    cmd.add_argument(
        "--plan", choices=["base", "premium"], help="the sender's IO plan (default: the config's, or base)"
    )
    cmd.add_argument("--config", type=Path, help="a pyproject.toml or iolint.toml (default: found upwards)")
    cmd.add_argument("--now", type=_now, help="when the message is received (default: now)")
    cmd.set_defaults(handler=run_preview)


def file_name(display: str, label: str | None, taken: set[str]) -> str:
    """A page's file name from its source and variant: safe, unique in the folder."""
    base = _UNSAFE_NAME.sub("-", display.replace("/", "--")).strip("-.") or "message"
    if label:
        base += "--" + _UNSAFE_NAME.sub("-", label).strip("-.")
    base = base[:150]
    name, n = f"{base}.html", 2
    while name in taken or name == "index.html":
        name, n = f"{base}-{n}.html", n + 1
    taken.add(name)
    return name


def run_preview(args) -> int:
    from iolint import config as cfg
    from iolint.appview import browser, page, sources
    from iolint.cli_options import paths_problems

    browser_path = None
    if args.png:
        try:
            browser_path = browser.find(args.browser)
        except browser.BrowserError as exc:
            return _error(str(exc))
    logo = None
    if args.logo is not None:
        try:
            logo = page.logo_uri(args.logo)
        except ValueError as exc:
            return _error(str(exc))
    config = (cfg.load(args.config) if args.config else cfg.load(start=Path.cwd())).replace(plan=args.plan)
    # --show-values shows the findings' messages unmasked too, as `iolint check --show-values` does
    collector = sources.Collector(config, now=args.now, limit=args.limit, show_values=args.show_values)
    found = []
    stdin_used = False
    for path in args.paths:
        if str(path) == "-":
            if not stdin_used:
                stdin_used = True
                found.append(collector.text(sys.stdin.read(), "-"))
            continue
        found.extend(collector.paths([Path(path)]))
    out = args.output_dir
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _error(f"cannot create {out}: {exc.strerror or exc}")
    options = page.Options(
        organization=args.organization,
        service=args.service,
        logo=logo,
        annotate=args.annotate,
        show_values=args.show_values,
        locale=args.locale,
        now=args.now,
    )
    taken: set[str] = set()
    names = {id(m): file_name(source.display, m.label, taken) for source in found for m in source.messages}
    foreign = [name for name in ["index.html"] if not _ours(out, name, png=False)]
    foreign += [name for name in names.values() if not _ours(out, name, png=bool(browser_path))]
    if foreign:
        listed = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        return _error(
            f"{out} holds files that are not pages iolint wrote, which the preview would overwrite ({listed}): "
            "give the preview a folder of its own (--output-dir)"
        )
    written: dict[int, str] = {}
    try:
        for source in found:
            for message in source.messages:
                html = page.page(message, source.findings, options, index="index.html")
                _write(out / names[id(message)], html)
                written[id(message)] = names[id(message)]
        _write(out / "index.html", page.index(found, written, options))
    except OSError as exc:
        return _error(f"cannot write in {out}: {exc.strerror or exc}")
    # As `iolint check`: a path named that does not exist, or a folder with nothing to show,
    # fails the run, after the pages of the others are written.
    named = [Path(p) for p in args.paths]
    problems = paths_problems(collector.discovery, config.include, named, quiet=False)
    count = len(written)
    if not count:
        return (
            EXIT_ERROR
            if problems
            else _error(f"no message to preview: {out / 'index.html'} lists what was read and why")
        )
    print(f"iolint: {count} page(s) and index.html written to {out}", file=sys.stderr)
    if browser_path:
        try:
            for name in sorted(written.values()):
                browser.screenshot(browser_path, out / name, out / (name[:-5] + ".png"))
        except browser.BrowserError as exc:
            return _error(str(exc))
        print(f"iolint: {count} screenshot(s) taken with {browser_path}", file=sys.stderr)
    return EXIT_ERROR if problems else EXIT_OK


# The start of the pages iolint wrote before they named their generator.
_OLD_PAGE = b'<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"'


def _ours(out: Path, name: str, *, png: bool) -> bool:
    """Whether the page ``name`` (and its screenshot, with ``png``) may be written in ``out``:
    nothing is there, a link is (replaced, never written through), or a page a preview wrote."""
    from iolint.appview.page import GENERATOR

    page, shot = out / name, out / (name[:-5] + ".png")
    if page.is_symlink() or not page.exists():
        return not png or shot.is_symlink() or not shot.exists()
    try:
        with page.open("rb") as handle:
            start = handle.read(4096)
    except OSError:
        return False
    return GENERATOR.encode() in start or start.startswith(_OLD_PAGE)


def _write(path: Path, html: str) -> None:
    if path.is_symlink():  # a link committed in the output folder is replaced, never written through
        path.unlink()
    path.write_text(html, encoding="utf-8")


def _error(message: str) -> int:
    from iolint.report.inert import inert  # a name typed may hold ESC or CR

    print("\n".join(inert(line) for line in f"iolint: {message}".split("\n")), file=sys.stderr)
    return EXIT_ERROR
