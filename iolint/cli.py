"""The command line: ``iolint check``, ``iolint rules``, ``iolint explain``.

Exit codes: 0 nothing at or above the fail level, 1 something is, 2 usage, config or internal error.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from iolint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# Modules that add subcommands: each has ``register(subparsers)``, setting ``handler`` defaults.
EXTENSIONS = ()


def _now(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date or date-time: {text!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _csv(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def parser() -> argparse.ArgumentParser:
    from iolint.report import FORMATS

    top = argparse.ArgumentParser(
        prog="iolint", description="Lint IO (PagoPA) message payloads and templates before sending."
    )
    top.add_argument("--version", action="version", version=f"iolint {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check payload and template files (default: the current folder)")
    check.add_argument("paths", nargs="*", type=Path, help="files or folders")
    check.add_argument("--config", type=Path, help="a pyproject.toml or iolint.toml (default: found upwards)")
    check.add_argument("--plan", choices=["base", "premium"], help="the sender's IO plan (default: base)")
    check.add_argument("--select", type=_csv, action="extend", help="rules to run: codes, names or code prefixes, comma-separated")
    check.add_argument("--extend-select", type=_csv, action="extend", help="rules to add to the selection")
    check.add_argument("--ignore", type=_csv, action="extend", help="rules not to run")
    check.add_argument("--format", choices=sorted(FORMATS), help="output format (default: text; github on GitHub Actions)")
    check.add_argument("--output-file", "-o", type=Path, help="write the report here instead of stdout")
    check.add_argument("--fail-level", choices=["error", "warning", "info"], help="lowest severity that fails (default: error)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--now", type=_now, help="the moment due dates are compared with (default: now)")
    check.add_argument(
        "--force-exclude", action="store_true", help="apply the config's include/exclude to files named explicitly too"
    )
    check.add_argument("--show-values", action="store_true", help="print detected personal data unmasked (local debugging only)")

    rules = sub.add_parser("rules", help="list the rule catalogue")
    rules.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    rules.add_argument("--config", type=Path)

    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", help="a code or a name, e.g. IO205 or notice-number-check-digits")
    explain.add_argument("--config", type=Path)

    check.set_defaults(handler=run_check)
    rules.set_defaults(handler=run_rules)
    explain.set_defaults(handler=run_explain)
    for name in EXTENSIONS:
        importlib.import_module(name).register(sub)
    return top


def _config(args):
    from iolint import config as cfg

    return cfg.load(args.config) if args.config else cfg.load(start=Path.cwd())


def run_check(args) -> int:
    from iolint import inputs
    from iolint.engine import Linter
    from iolint.finding import Finding, Severity
    from iolint.report import Summary, reporter

    config = _config(args).replace(
        plan=args.plan,
        select=args.select,
        extend_select=args.extend_select,
        ignore=args.ignore,
        fail_level=args.fail_level,
    )
    if args.show_values:
        from iolint import pii

        pii.show_values(True)
    linter = Linter(config, now=args.now)
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in _formats() else "text")
    out = args.output_file.open("w", encoding="utf-8") if args.output_file else sys.stdout
    summary = Summary()
    internal = False
    try:
        report = reporter(fmt, out, rules=linter.rules, statistics=args.statistics)
        report.start()
        paths = args.paths or [Path.cwd()]
        for path, explicit in inputs.discover(paths, config, force_exclude=args.force_exclude):
            summary.files += 1
            display = _display(path)
            try:
                findings = sorted(inputs.check_file(linter, path, display, explicit=explicit), key=Finding.sort_key)
            except Exception as exc:  # one file's failure must not cost the others their findings
                internal = True
                print(f"iolint: internal error on {display}: {type(exc).__name__}: {exc}", file=sys.stderr)
                continue
            for finding in findings:
                summary.add(finding)
                report.add(finding)
        report.finish(summary)
    finally:
        if args.output_file:
            out.close()
    if internal:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if summary.at_or_above(Severity(config.fail_level)) else EXIT_OK


def _formats():
    from iolint.report import FORMATS

    return FORMATS


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def run_rules(args) -> int:
    from iolint import catalogue, docs

    rules = catalogue.all_rules(_config(args).rule_packs)
    if args.format == "json":
        json.dump([docs.rule_dict(r) for r in rules], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "markdown":
        sys.stdout.write(docs.rules_table(rules))
    else:
        for rule in rules:
            sys.stdout.write(f"{rule.code}  {rule.name:<42} {str(rule.severity):<8} {rule.summary}\n")
    return EXIT_OK


def run_explain(args) -> int:
    from iolint import catalogue, docs

    rules = catalogue.all_rules(_config(args).rule_packs)
    rule = catalogue.find(rules, args.rule)
    if rule is None:
        print(f"iolint: no rule {args.rule!r} (see `iolint rules`)", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(docs.explain(rule))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    from iolint.catalogue import CatalogueError
    from iolint.config import ConfigError

    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_ERROR if exc.code not in (0, None) else EXIT_OK
    if args.command is None:
        parser().print_help()
        return EXIT_ERROR
    try:
        return args.handler(args)
    except (ConfigError, CatalogueError) as exc:
        print(f"iolint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_ERROR
    except Exception as exc:
        print(f"iolint: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR
