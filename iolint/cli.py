"""The command line: ``iolint check``, ``iolint baseline``, ``iolint rules``, ``iolint explain``.

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
EXTENSIONS = ("iolint.catalog_commands", "iolint.appview.command")


def _now(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date or date-time: {text!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _csv(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("--jobs takes 0 (one per CPU) or more")
    return jobs or os.cpu_count() or 1


def _selection_options(command: argparse.ArgumentParser) -> None:
    """Options shared by ``check`` and ``baseline``: what to check, and how."""
    command.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the current folder)")
    command.add_argument("--config", type=Path, help="a pyproject.toml or iolint.toml (default: found upwards)")
    command.add_argument("--plan", choices=["base", "premium"], help="the sender's IO plan (default: base)")
    command.add_argument("--select", type=_csv, help="rules to run: codes, names or code prefixes, comma-separated")
    command.add_argument("--extend-select", type=_csv, help="rules to add to the selection")
    command.add_argument("--ignore", type=_csv, help="rules not to run")
    command.add_argument("--now", type=_now, help="the moment due dates are compared with (default: now)")
    command.add_argument(
        "--force-exclude", action="store_true", help="apply the config's include/exclude to files named explicitly too"
    )
    command.add_argument("--jobs", "-j", type=_jobs, default=1, help="worker processes (0: one per CPU; default: 1)")
    command.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    command.add_argument("--cache-dir", type=Path, help="where the cache lives (default: .iolint_cache in the project)")


def parser() -> argparse.ArgumentParser:
    from iolint.report import FORMATS

    top = argparse.ArgumentParser(
        prog="iolint", description="Lint IO (PagoPA) message payloads and templates before sending."
    )
    top.add_argument("--version", action="version", version=f"iolint {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check payload and template files (default: the current folder)")
    _selection_options(check)
    check.add_argument("--format", choices=sorted(FORMATS), help="output format (default: text; github on GitHub Actions)")
    check.add_argument("--output-file", "-o", type=Path, help="write the report here instead of stdout")
    check.add_argument("--fail-level", choices=["error", "warning", "info"], help="lowest severity that fails (default: error)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--baseline", type=Path, help="hide the findings this baseline accepts (see `iolint baseline`)")
    check.add_argument(
        "--recipients", type=Path, metavar="CSV",
        help="a CSV of recipients: each template named is rendered and checked once per row",
    )
    check.add_argument("--show-values", action="store_true", help="print detected personal data unmasked (local debugging only)")

    baseline = sub.add_parser("baseline", help="accept the current findings: write them to a baseline file")
    baseline.add_argument("file", type=Path, help="the baseline to write, e.g. iolint-baseline.json")
    _selection_options(baseline)

    rules = sub.add_parser("rules", help="list the rule catalogue")
    rules.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    rules.add_argument("--config", type=Path)

    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule", help="a code or a name, e.g. IO205 or notice-number-check-digits")
    explain.add_argument("--config", type=Path)

    check.set_defaults(handler=run_check)
    baseline.set_defaults(handler=run_baseline)
    rules.set_defaults(handler=run_rules)
    explain.set_defaults(handler=run_explain)
    for name in EXTENSIONS:
        importlib.import_module(name).register(sub)
    return top


def _config(args):
    from iolint import config as cfg

    return cfg.load(args.config) if args.config else cfg.load(start=Path.cwd())


def _pipeline(args, *, baseline=None, show_values=False):
    """The pipeline for ``check`` and ``baseline``; ``baseline`` is the file to apply, if any."""
    from iolint.pipeline import Pipeline, display

    config = _config(args).replace(
        plan=args.plan,
        select=args.select,
        extend_select=args.extend_select,
        ignore=args.ignore,
        fail_level=getattr(args, "fail_level", None),
    )
    cache = None
    if not (args.no_cache or show_values):  # unmasked values must never reach the disk
        from iolint.cache import Cache, run_key

        cache = Cache(args.cache_dir or config.root / config.cache_dir, run_key(config, args.now))
    if baseline is not None:
        from iolint.baseline import Baseline

        baseline = Baseline(baseline, display(baseline))
    return Pipeline(
        config,
        now=args.now,
        jobs=args.jobs,
        cache=cache,
        baseline=baseline,
        recipients=getattr(args, "recipients", None),
        show_values=show_values,
        progress=sys.stderr.isatty(),
    )


def run_check(args) -> int:
    if not args.show_values:
        return _check(args)
    from iolint import pii

    pii.show_values(True)
    try:
        return _check(args)
    finally:  # in-process callers (tests, tools) must not inherit unmasked output
        pii.show_values(False)


def _check(args) -> int:
    from iolint.finding import Severity
    from iolint.report import Summary, reporter_class

    baseline = args.baseline
    if baseline is None:
        config = _config(args)
        baseline = config.root / config.baseline if config.baseline else None
    pipeline = _pipeline(args, baseline=baseline, show_values=args.show_values)
    config = pipeline.config
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    cls = reporter_class(fmt)
    rules = pipeline.rules() if cls.needs_rules else ()
    out = args.output_file.open("w", encoding="utf-8") if args.output_file else sys.stdout
    summary = Summary()
    try:
        report = cls(out, rules=rules, statistics=args.statistics, fail_level=Severity(config.fail_level))
        report.start()
        for shown, findings in pipeline.run(args.paths or [Path.cwd()], force_exclude=args.force_exclude):
            summary.files += 1
            report.file(shown)
            for finding in findings:
                summary.add(finding)
                report.add(finding)
        # Config entries may be meant for files not named here (pre-commit names only some).
        unused = not any(p.is_file() for p in args.paths)
        for finding in pipeline.leftovers(unused=unused):
            summary.add(finding)
            report.add(finding)
        summary.baselined = pipeline.baseline.hidden if pipeline.baseline else 0
        report.finish(summary)
    finally:
        if args.output_file:
            out.close()
    if args.statistics and not cls.writes_statistics:
        sys.stderr.write(summary.statistics())
    if pipeline.errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if summary.at_or_above(Severity(config.fail_level)) else EXIT_OK


def run_baseline(args) -> int:
    """Write the current findings as accepted: never a failing exit, whatever they are."""
    from collections import Counter

    from iolint import baseline
    from iolint.pipeline import display

    pipeline = _pipeline(args)
    accepted = Counter()
    files = 0
    for shown, findings in pipeline.run(args.paths or [Path.cwd()], force_exclude=args.force_exclude):
        files += 1
        rel = pipeline.relative(shown)
        for finding in findings:
            accepted[baseline.key(finding, rel)] += 1
    count = baseline.write(args.file, accepted)
    print(f"iolint: {display(args.file)} accepts {count} finding(s) in {files} file(s)", file=sys.stderr)
    return EXIT_ERROR if pipeline.errors else EXIT_OK


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


def _user_error(exc: Exception) -> bool:
    """A config or rule-pack error: a message and exit 2, no traceback. The catalogue is not
    imported for this: a run served from the cache never loads it."""
    from iolint.config import ConfigError

    catalogue = sys.modules.get("iolint.catalogue")
    return isinstance(exc, ConfigError) or (catalogue is not None and isinstance(exc, catalogue.CatalogueError))


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_ERROR if exc.code not in (0, None) else EXIT_OK
    if args.command is None:
        parser().print_help()
        return EXIT_ERROR
    try:
        return args.handler(args)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_ERROR
    except Exception as exc:
        if _user_error(exc):
            print(f"iolint: {exc}", file=sys.stderr)
        else:
            print(f"iolint: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR
