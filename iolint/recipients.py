"""A batch given as a template and a CSV of recipients: one message per row, streamed.

The CSV's header names the template's variables, plus ``fiscal_code`` for the recipient. Each
row is rendered in the sandbox and checked with the payload rules and the batch rules (a mass
mailing, a citizen twice), as a line of a JSONL batch would be; findings point at the CSV line.
The template itself is checked as a template, apart (``iolint.pipeline``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

from iolint import loaders, paths
from iolint.finding import Finding
from iolint.loaders import Item, Problem, ProblemKind

MAX_FIELD = 100_000  # characters in one CSV cell
_TRUE = {"true", "1", "si", "sì", "yes", "vero"}
_FALSE = {"false", "0", "no", "falso", ""}


def cell_value(kind: str | None, text: str) -> object:
    """A CSV cell as the template variable's declared type wants it; the text when it does not fit
    (the template's type check then says what is wrong)."""
    try:
        if kind == "integer":
            return int(text)
        if kind == "number":
            return float(text.replace(",", ".")) if "." in text or "," in text else int(text)
        if kind == "boolean" and text.strip().lower() in _TRUE | _FALSE:
            return text.strip().lower() in _TRUE
        if kind in ("list", "object"):
            return json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: JSON nested thousands of levels deep
        pass
    return text


def check_recipients(
    linter, template: Path, recipients: Path, display: str, text: str | None = None
) -> Iterator[Finding]:
    """Findings for every row of ``recipients`` rendered with ``template`` (whose ``text`` is given
    when it came on standard input); ``display`` names the CSV.

    The template's own findings are not among them: the caller checks it as any template. When
    its errors keep it from being rendered, no row is, and one finding (IO727) says so.
    """
    from iolint.checks.template import TemplateReport
    from iolint.templates import PreparedTemplate, RenderError

    try:
        prepared = PreparedTemplate(template, text=text)
    except RenderError:  # what is wrong with the template is reported on it: it is checked in the same run
        message = (
            f"no row was rendered: {paths.display(template)} has errors, reported on it, that keep it from "
            "being rendered; fix them and check again"
        )
        found = linter.gate.report(
            TemplateReport.NOT_CHECKED,
            message,
            file=display,
            line=1,
            column=1,
        )
        if found:
            yield found
        return
    try:
        # Bytes that are not UTF-8 are kept as lone surrogates, so that they cost only their row.
        handle = io.TextIOWrapper(
            loaders.open_regular(recipients), encoding="utf-8-sig", errors="surrogateescape", newline=""
        )
    except OSError as exc:
        yield from _problems(
            linter, [Problem(ProblemKind.UNREADABLE, f"cannot read the file: {exc.strerror or exc}")], display
        )
        return
    with handle:
        yield from linter.check_items(_items(prepared, handle, linter), display)


class _Lines:
    """The CSV's lines, numbered as ``csv`` numbers them; ``undecoded`` holds, for each line with
    bytes that are not UTF-8 (read as lone surrogates), the Problem that reports it."""

    def __init__(self, handle):
        self.handle = handle
        self.undecoded: dict[int, Problem] = {}

    def __iter__(self) -> Iterator[str]:
        for number, line in enumerate(self.handle, 1):
            bad = _ESCAPED.search(line)
            if bad:
                byte = ord(bad.group()) - 0xDC00
                self.undecoded[number] = Problem(
                    ProblemKind.UNREADABLE, f"not UTF-8 text (byte 0x{byte:02x})", number, bad.start() + 1
                )
            yield line

    def problem(self, first: int, last: int) -> Problem | None:
        """The Problem of the first line from ``first`` to ``last`` that is not UTF-8, if any."""
        return next((self.undecoded[n] for n in range(first, last + 1) if n in self.undecoded), None)


_ESCAPED = re.compile("[\udc80-\udcff]")


def _items(prepared, handle, linter) -> Iterator[Item | Problem]:
    from iolint.templates import RenderError

    csv.field_size_limit(MAX_FIELD)
    lines = _Lines(handle)
    reader = csv.DictReader(lines)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        yield Problem(ProblemKind.SYNTAX, f"invalid CSV: {exc}", 1, 1)
        return
    undecoded = lines.problem(1, reader.reader.line_num)
    if undecoded:
        yield undecoded
        return
    if not header:  # an export that wrote nothing: "no findings" would read as every row checked
        yield Problem(ProblemKind.SYNTAX, "invalid CSV: the file is empty, with no header row of variable names", 1, 1)
        return
    unnamed = [str(n) for n, name in enumerate(header, 1) if not name.strip()]
    if unnamed:
        which = f"column {unnamed[0]} has" if len(unnamed) == 1 else f"columns {', '.join(unnamed)} have"
        yield Problem(ProblemKind.SYNTAX, f"{which} no name in the header row: name each after a variable", 1, 1)
        return
    unknown = sorted(set(header) - set(prepared.variables) - {"fiscal_code"})
    if unknown:
        yield Problem(
            ProblemKind.SYNTAX, f"columns that are no variable of {prepared.where}: {', '.join(unknown)}", 1, 1
        )
        return
    while True:
        line = reader.reader.line_num + 1  # where the next row starts (a quoted cell may span lines)
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # DictReader's own line_num is the last good row's
            yield Problem(ProblemKind.SYNTAX, f"invalid CSV: {exc}", reader.reader.line_num, 1)
            continue
        undecoded = lines.problem(line, reader.reader.line_num)
        if undecoded:
            yield undecoded
            continue
        data = {
            name: cell_value(prepared.variables[name].type, text or "")
            for name, text in row.items()
            if name in prepared.variables
        }
        try:
            payload = prepared.render(data, sample=False)
        except RenderError as exc:
            yield Problem(ProblemKind.NOT_RENDERED, f"row not rendered: {exc}", line, 1)
            continue
        if row.get("fiscal_code"):
            payload = {"fiscal_code": row["fiscal_code"], **payload}
        yield Item(payload, line)


def _problems(linter, problems, display):
    for problem in problems:
        found = linter.gate.problem(problem, display)
        if found:
            yield found
