"""Generated regions of markdown files, and ``iolint docs --write|--check``.

A generated region sits between two marker comments, and only its inside is rewritten; the text
around it is written by hand. Each marker starts a line of its own::

    <!-- BEGIN generated: rules (edit rules/*.yaml, then run `iolint docs --write`) -->
    ...
    <!-- END generated: rules -->

Whatever follows the name in the BEGIN marker is a note for the reader and is kept as written.
``iolint docs`` writes the regions iolint itself generates (the rules table); the test suite's
evaluation of personal-data detection writes its own (``tests/pii/evaluate.py``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from iolint.errors import IolintError

_REGION = re.compile(
    r"^(?P<begin><!-- BEGIN generated: (?P<name>[\w-]+)\b[^\n]*?-->\n)(?P<body>.*?)^(?P<end><!-- END generated: (?P=name) -->)",
    re.DOTALL | re.MULTILINE,
)
_MARKER = re.compile(r"^<!-- (BEGIN|END) generated: ([\w-]+)", re.MULTILINE)  # a marker starts its line


class DocgenError(IolintError):
    """A file whose generated regions cannot be found or are malformed."""


def regions(text: str, source: str = "<text>") -> dict[str, str]:
    """The generated regions of ``text``: {name: content between the markers}."""
    found: dict[str, str] = {}
    spans = []
    for match in _REGION.finditer(text):
        name = match["name"]
        if name in found:
            raise DocgenError(f"{source}: the generated region `{name}` appears twice")
        found[name] = match["body"]
        spans.append(match.span())
    for marker in _MARKER.finditer(text):
        if not any(start <= marker.start() < end for start, end in spans):
            raise DocgenError(
                f"{source}: a {marker[1]} marker of `{marker[2]}` has no matching {'END' if marker[1] == 'BEGIN' else 'BEGIN'}"
            )
    return found


def _block(content: str) -> str:
    """A region's inside: the content with one blank line either side, as markdown wants."""
    return f"\n{content.strip(chr(10))}\n\n"


def replace(text: str, contents: dict[str, str], source: str = "<text>") -> str:
    """``text`` with each named region's inside replaced by its content. Every name must have a
    region in ``text``: a missing one is an error, never a silent no-op."""
    missing = sorted(set(contents) - set(regions(text, source)))
    if missing:
        raise DocgenError(
            f"{source}: no generated region {', '.join(f'`{m}`' for m in missing)}; add "
            + " and ".join(f"`<!-- BEGIN generated: {m} -->` … `<!-- END generated: {m} -->`" for m in missing)
        )

    def inside(match: re.Match) -> str:
        name = match["name"]
        if name not in contents:
            return match[0]
        return match["begin"] + _block(contents[name]) + match["end"]

    return _REGION.sub(inside, text)


def _read(path: Path) -> str:
    """The markdown file's text; OSError for what cannot be read (a FIFO would block), DocgenError
    for what is not UTF-8."""
    from iolint import loaders

    with loaders.open_regular(path) as handle:
        raw = handle.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocgenError(f"{path}: not UTF-8 text (byte 0x{raw[exc.start]:02x})") from None


def stale(path: Path, contents: dict[str, str]) -> list[str]:
    """The names of the regions of ``path`` whose inside is not their content."""
    text = _read(path)
    current = regions(text, str(path))
    replace(text, contents, str(path))  # raises on a missing region
    return [name for name, content in contents.items() if current[name] != _block(content)]


def write(path: Path, contents: dict[str, str]) -> list[str]:
    """Rewrite the regions of ``path``; the names of those that changed."""
    changed = stale(path, contents)
    if changed:
        path.write_text(replace(_read(path), contents, str(path)), "utf-8")
    return changed


def sync(targets: dict[Path, dict[str, str]], *, check: bool, command: str) -> int:
    """Write (or with ``check``, only compare) each file's regions; report on stderr. 0 when
    everything is current (or was written), 1 when ``check`` found a stale region."""
    status = 0
    for path, contents in targets.items():
        names = stale(path, contents) if check else write(path, contents)
        shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
        for name in names:
            if check:
                print(f"{shown}: the generated region `{name}` is stale: run `{command}`", file=sys.stderr)
                status = 1
            else:
                print(f"{shown}: rewrote the generated region `{name}`", file=sys.stderr)
    return status


def register(subparsers) -> None:
    docs = subparsers.add_parser(
        "docs", help="write or check the generated regions of markdown files (the rules table)"
    )
    mode = docs.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="rewrite the generated regions")
    mode.add_argument("--check", action="store_true", help="exit 1 when a generated region is stale")
    docs.add_argument(
        "files", nargs="*", type=Path, default=[Path("README.md")], help="markdown files (default: README.md)"
    )
    docs.add_argument("--config", type=Path)
    docs.set_defaults(handler=run_docs)


def run_docs(args) -> int:
    """The rules table (of the built-in rules and the configured packs) in each file's `rules` region."""
    from iolint import config as cfg
    from iolint import docs, ruleset

    config = cfg.load(args.config) if args.config else cfg.load(start=Path.cwd())
    contents = {"rules": docs.rules_table(ruleset.all_rules(config.rule_packs))}
    command = "iolint docs --write" + "".join(f" {p}" for p in args.files if p != Path("README.md"))
    try:
        return sync({path: contents for path in args.files}, check=args.check, command=command)
    except DocgenError as exc:
        print(f"iolint: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # "nonexist.md: No such file or directory", not Python's errno text
        print(f"iolint: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
