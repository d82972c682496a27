"""The command line: ``iolint check``, ``iolint baseline``, ``iolint rules``, ``iolint explain``.

Exit codes: 0 nothing at or above the fail level, 1 something is, 2 usage, config or internal error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from iolint import __version__, cli_options, environment

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# Modules that add subcommands: each has ``register(subparsers)``, setting ``handler`` defaults.
EXTENSIONS = ("iolint.catalog_commands", "iolint.appview.command", "iolint.docgen")


def parser() -> argparse.ArgumentParser:
    from iolint.report import FORMATS

    top = argparse.ArgumentParser(
        prog="iolint", description="Lint IO (PagoPA) message payloads and templates before sending."
    )
    top.add_argument("--version", "-V", action="version", version=f"iolint {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check payload and template files (default: the current folder)")
    cli_options.selection_options(check)
    check.add_argument(
        "--format", choices=sorted(FORMATS), help="output format (default: text; github on GitHub Actions)"
    )
    check.add_argument("--output-file", "-o", type=Path, help="write the report here instead of stdout")
    check.add_argument(
        "--fail-level", choices=["error", "warning", "info"], help="lowest severity that fails (default: error)"
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--baseline", type=Path, help="hide the findings this baseline accepts (see `iolint baseline`)")
    cli_options.recipients_option(check)
    check.add_argument(
        "--show-values", action="store_true", help="print detected personal data unmasked (local debugging only)"
    )

    baseline = sub.add_parser("baseline", help="accept the current findings: write them to a baseline file")
    baseline.add_argument("file", type=Path, help="the baseline to write, e.g. iolint-baseline.json")
    cli_options.selection_options(baseline)
    cli_options.recipients_option(baseline)

    rules = sub.add_parser("rules", help="list the rule catalogue")
    rules.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    rules.add_argument("--config", type=Path)

    explain = sub.add_parser("explain", help="print a rule's documentation (or a family's, a code prefix's)")
    explain.add_argument(
        "rule",
        help="a code or a name, e.g. IO205 or notice-number-check-digits; a family or a code prefix: each of its rules",
    )
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


def _pipeline(args, config, *, baseline=None, show_values=False):
    """The pipeline for ``check`` and ``baseline``, with the configuration read once; ``baseline``
    is the file to apply, if any."""
    from iolint.paths import display
    from iolint.pipeline import Pipeline, progress

    config = config.replace(
        plan=args.plan,
        select=args.select,
        extend_select=args.extend_select,
        ignore=args.ignore,
        fail_level=getattr(args, "fail_level", None),
    )
    cli_options.check_selection(config, [*(args.select or ()), *(args.extend_select or ()), *(args.ignore or ())])
    cache = None
    if not (args.no_cache or show_values):  # unmasked values must never reach the disk
        from iolint import secret
        from iolint.cache import Cache, run_key

        folder = args.cache_dir or config.root / config.cache_dir
        cache = Cache(folder, run_key(config, args.now), secret.load(config.root))
    if baseline is not None:
        from iolint import secret
        from iolint.baseline import Baseline

        baseline = Baseline(baseline, display(baseline), secret.key_id(secret.load(config.root)))
        if baseline.legacy:
            print(
                f"iolint: {baseline.display} is a version 1 baseline, matched by rule, file and field only; its "
                f"fingerprints can be reversed: rewrite it with `iolint baseline {baseline.display}` (docs/security.md)",
                file=sys.stderr,
            )
    return Pipeline(
        config,
        now=args.now,
        jobs=args.jobs,
        cache=cache,
        baseline=baseline,
        recipients=args.recipients,
        show_values=show_values,
        progress=progress.wanted(args.quiet, report_on_stdout=args.command == "check" and not args.output_file),
        respect_gitignore=args.respect_gitignore,
        stdin_filename=args.stdin_filename,
    )


def run_check(args) -> int:
    from iolint.finding import Severity
    from iolint.report import Summary, reporter_class

    config = _config(args)
    baseline = args.baseline
    if baseline is None and config.baseline:
        baseline = config.root / config.baseline
    pipeline = _pipeline(args, config, baseline=baseline, show_values=args.show_values)
    config = pipeline.config
    paths = args.paths or [Path.cwd()]
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    cls = reporter_class(fmt)
    pipeline.excerpts = cls.shows_excerpts
    rules = pipeline.rules() if cls.needs_rules else ()
    if args.output_file:
        from iolint.outputs import refused_output

        read = [*paths, baseline, args.recipients, config.source]
        refused = refused_output(args.output_file, read, config, "--output-file")
        if refused:
            print(f"iolint: {refused}", file=sys.stderr)
            return EXIT_ERROR
    units = pipeline.units(paths, force_exclude=args.force_exclude)  # a usage error raises here, before any output
    summary = Summary(quiet=args.quiet)
    with _output(args.output_file) as out:
        report = cls(
            out,
            rules=rules,
            statistics=args.statistics,
            fail_level=Severity(config.fail_level),
            texts=pipeline.texts,
            masks=pipeline.masks,
            family_of=pipeline.family_of,
        )
        report.start()
        for unit in units:
            if unit.skipped:
                summary.skipped += 1
            else:
                summary.files += 1
            report.file(unit.task.display, skipped=unit.skipped)
            for finding in unit.findings:
                summary.add(finding)
                report.add(finding)
        # Config entries may be meant for files not named here (pre-commit names only some).
        unused = not any(p.is_file() or str(p) == "-" for p in args.paths)
        for finding in pipeline.leftovers(unused=unused):
            summary.add(finding)
            report.add(finding)
        summary.baselined = pipeline.baseline.hidden if pipeline.baseline else 0
        report.finish(summary)
    if args.statistics and not cls.writes_statistics:
        sys.stderr.write(summary.statistics())
    if _paths_problems(pipeline, args.paths, quiet=args.quiet) or pipeline.errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if summary.at_or_above(Severity(config.fail_level)) else EXIT_OK


def _output(path: Path | None):
    """stdout, or a report file replaced whole once the report is complete."""
    from contextlib import nullcontext

    from iolint import atomic

    return atomic.replacing(path) if path else nullcontext(sys.stdout)


def run_baseline(args) -> int:
    """Write the current findings as accepted: never a failing exit, whatever they are (a path
    named that does not exist, a folder named with nothing to check, or a ``--recipients`` CSV that
    does not exist, is an error)."""
    from collections import Counter

    from iolint import baseline, secret
    from iolint.outputs import refused_baseline
    from iolint.paths import display

    config = _config(args)
    refused = refused_baseline(args.file, [*(args.paths or [Path.cwd()]), args.recipients, config.source], config)
    if refused:
        print(f"iolint: {refused}", file=sys.stderr)
        return EXIT_ERROR
    if args.recipients and not args.recipients.is_file():  # `check` fails on it (IO001): never accept it
        why = "not a file" if args.recipients.exists() else "No such file or directory"
        print(
            f"iolint: --recipients {display(args.recipients)}: {why}; {display(args.file)} not written", file=sys.stderr
        )
        return EXIT_ERROR
    root = config.root
    if secret.load(root) is None:
        created = secret.create(root)
        print(
            f"iolint: created {display(created)}, the secret that keys the baseline's fingerprints (its folder is "
            f"git-ignored); give it to CI as {secret.ENV}",
            file=sys.stderr,
        )
    pipeline = _pipeline(args, config)
    accepted = Counter()
    files = skipped = 0
    paths = args.paths or [Path.cwd()]
    for unit in pipeline.units(paths, force_exclude=args.force_exclude):
        skipped += unit.skipped
        files += not unit.skipped
        rel = pipeline.relative(unit.task.display)
        for finding in unit.findings:
            accepted[baseline.key(finding, rel)] += 1
    # Written whole or not at all: a mistyped path would leave its files' findings out.
    if _paths_problems(pipeline, args.paths, quiet=args.quiet) or pipeline.errors:
        print(f"iolint: {display(args.file)} not written: fix the paths named, or the errors above", file=sys.stderr)
        return EXIT_ERROR
    count = baseline.write(args.file, accepted, secret.key_id(secret.load(root)))
    if not args.quiet:
        more = f"; {skipped} file(s) skipped: not IO messages" if skipped else ""
        print(f"iolint: {display(args.file)} accepts {count} finding(s) in {files} file(s){more}", file=sys.stderr)
    return EXIT_OK


def _paths_problems(pipeline, named: list[Path], *, quiet: bool) -> bool:
    return cli_options.paths_problems(pipeline.discovery, pipeline.config.include, named, quiet=quiet)


def run_rules(args) -> int:
    from iolint import docs, ruleset

    sys.stdout.write(docs.listing(ruleset.all_rules(_config(args).rule_packs), args.format))
    return EXIT_OK


def run_explain(args) -> int:
    from iolint import docs, ruleset

    rules = ruleset.all_rules(_config(args).rule_packs)
    rule = ruleset.find(rules, args.rule)
    named = [rule] if rule else [r for r in rules if r.matches(args.rule)]  # a family or a code prefix
    if not named:
        # raised, not printed: main prints what the user typed inert (it may hold ESC or CR)
        raise ruleset.RulesetError(f"{ruleset.unknown_selectors(rules, [args.rule])[0]} (see `iolint rules`)")
    sys.stdout.write("\n".join(docs.explain(r) for r in named))
    return EXIT_OK


def _user_error(exc: Exception) -> bool:
    """A config or rule-pack error: a message and exit 2, no traceback. The catalogue is not
    imported for this: a run served from the cache never loads it."""
    from iolint.config import ConfigError

    ruleset = sys.modules.get("iolint.ruleset")
    return isinstance(exc, ConfigError) or (ruleset is not None and isinstance(exc, ruleset.RulesetError))


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_ERROR if exc.code not in (0, None) else EXIT_OK
    if args.command is None:
        parser().print_help()
        return EXIT_ERROR
    try:
        with environment.prepared(args.command, getattr(args, "format", None)):
            return args.handler(args)
    except BrokenPipeError:  # the reader left (`| head`): a check cut short has no verdict to give
        return EXIT_ERROR if args.command == "check" else EXIT_OK
    except KeyboardInterrupt:
        return EXIT_ERROR
    except Exception as exc:
        from iolint.privacy import redact
        from iolint.report.inert import inert

        if _user_error(exc):  # a config error may span lines: each is made inert
            print("\n".join(inert(line) for line in f"iolint: {exc}".split("\n")), file=sys.stderr)
        else:
            print(inert(f"iolint: internal error: {type(exc).__name__}: {redact(str(exc))}"), file=sys.stderr)
        return EXIT_ERROR
