"""``iolint models`` and ``iolint render``: the catalogue from the command line.

Outside the catalog package so that building the parser does not import the templates.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

EXIT_OK, EXIT_ERROR = 0, 2


def register(subparsers) -> None:
    models = subparsers.add_parser(
        "models", help="list the frequent-service models and their messages, or a message's variables"
    )
    models.add_argument(
        "ref",
        nargs="?",
        metavar="MODEL[/MESSAGE]",
        help="a model: its messages; a message (e.g. tari/avviso-pagamento): its variables",
    )
    models.add_argument("--format", choices=["text", "json"], default="text")
    models.set_defaults(handler=run_models)

    render = subparsers.add_parser("render", help="print the NewMessage JSON of a model's message")
    render.add_argument("ref", metavar="MODEL/MESSAGE", help="e.g. tari/avviso-pagamento (see `iolint models`)")
    render.add_argument("--data", type=Path, metavar="FILE", help="the variables, as a JSON or YAML mapping")
    render.add_argument("--sample", action="store_true", help="use the sample values (for what --data lacks)")
    render.add_argument("--fiscal-code", metavar="CF", help="the recipient's codice fiscale, added as `fiscal_code`")
    render.set_defaults(handler=run_render)


def run_models(args) -> int:
    from iolint import catalog

    if args.ref and "/" in args.ref:
        return _message_variables(args.ref, args.format)
    try:
        found = [catalog.model(args.ref)] if args.ref else catalog.models()
    except catalog.RenderError as exc:
        return _error(str(exc))
    if args.format == "json":
        json.dump([m.to_dict() for m in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    width = max((len(m.ref) for model in found for m in model.messages), default=0)
    for model in found:
        sys.stdout.write(f"{model.id}  {model.name} ({model.argomento})\n")
        for message in model.messages:
            sys.stdout.write(f"  {message.ref:<{width}}  {message.name}\n")
    return EXIT_OK


def _message_variables(ref: str, fmt: str) -> int:
    """A catalogue message and its variables: what the sending code gives to render it."""
    from iolint import catalog

    try:
        message = catalog.message(ref)
        variables = catalog.variables(ref)
    except catalog.RenderError as exc:
        return _error(str(exc))
    if fmt == "json":
        json.dump({**message.to_dict(), "variables": variables}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    sys.stdout.write(f"{message.ref}  {message.name}\n  {message.when}\n\nvariables:\n")
    width = max((len(v["name"]) for v in variables), default=0)
    for var in variables:
        need = "required" if var["required"] else f"optional, default {json.dumps(var['default'], ensure_ascii=False)}"
        sys.stdout.write(f"  {var['name']:<{width}}  {var['type']:<8} {need}\n")
        if var["description"]:
            sys.stdout.write(f"  {'':<{width}}  {var['description']}\n")
        samples = [var["sample"], *var["samples"]]
        shown = ", ".join(json.dumps(s, ensure_ascii=False) for s in samples)
        sys.stdout.write(f"  {'':<{width}}  sample{'s' if len(samples) > 1 else ''}: {shown}\n")
    return EXIT_OK


def run_render(args) -> int:
    from iolint import catalog
    from iolint.message import FISCAL_CODE_RE
    from iolint.report.inert import json_inert

    try:
        catalog.message(args.ref)
    except catalog.RenderError as exc:
        return _error(str(exc))
    if args.data is None and not args.sample:
        return _error("give the variables with --data FILE, or use --sample")
    fiscal_code = args.fiscal_code.strip().upper() if args.fiscal_code else None
    if fiscal_code is not None and not FISCAL_CODE_RE.match(fiscal_code):
        return _error(f"--fiscal-code {args.fiscal_code!r} is not a codice fiscale")
    data = None
    if args.data is not None:
        data = _read_data(args.data)
        if isinstance(data, str):
            return _error(data)
    try:
        payload = catalog.render(args.ref, data, sample=args.sample)
    except catalog.RenderError as exc:
        return _error(str(exc))
    if fiscal_code:
        payload = {"fiscal_code": fiscal_code, **payload}
    # whole, and with the data's lone surrogates ("\ud800" in a JSON data file) as escapes
    sys.stdout.write(json_inert(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n")
    return EXIT_OK


def _read_data(path: Path) -> dict | str:
    """The mapping in a JSON or YAML file, or why it cannot be read."""
    from iolint import loaders, yamlreader
    from iolint.privacy import redact

    text = loaders.read_text(path)
    if isinstance(text, loaders.Problem):
        return f"{path}: {text.message}"
    reader = loaders.load_json if path.suffix.lower() == ".json" else yamlreader.load_yaml
    items = list(reader(text))
    if len(items) != 1:
        return f"{path}: expected one JSON or YAML mapping of variables"
    item = items[0]
    if isinstance(item, loaders.Problem):  # it may quote the data (a YAML tag or alias): masked
        return f"{path}:{item.line or 1}: {redact(item.message)}"
    if not isinstance(item.data, dict):
        return f"{path}: expected a mapping of variable names to values"
    return item.data


def _error(message: str) -> int:
    from iolint.report.inert import inert  # a name typed may hold ESC or CR

    print("\n".join(inert(line) for line in f"iolint: {message}".split("\n")), file=sys.stderr)
    return EXIT_ERROR
