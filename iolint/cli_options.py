"""The command-line options ``iolint check`` and ``iolint baseline`` share, how their values are read,
the check of what they select, and what is said about the paths named (``iolint preview`` too)."""

from __future__ import annotations

import argparse
import os
from datetime import datetime
from pathlib import Path

from iolint import clock


def now(text: str) -> datetime:
    try:
        return clock.moment(text)
    except ValueError as exc:
        if str(exc) == clock.OUT_OF_RANGE:
            raise argparse.ArgumentTypeError(f"{text!r} {exc}") from None
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date or date-time: {text!r}") from None


def _csv(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


MAX_JOBS = 256  # more is a typo, not a machine


def jobs(text: str) -> int:
    """Worker processes: 0 means one per CPU; never more than the CPUs (more would only compete)."""
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text[:40]!r}") from None
    if jobs < 0 or jobs > MAX_JOBS:
        raise argparse.ArgumentTypeError(f"--jobs takes 0 (one per CPU) to {MAX_JOBS}, not {jobs:,}")
    cpus = os.cpu_count() or 1
    return min(jobs or cpus, cpus)


def selection_options(command: argparse.ArgumentParser) -> None:
    """Options shared by ``check`` and ``baseline``: what to check, and how."""
    command.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (default: the current folder); - reads standard input"
    )
    command.add_argument("--config", type=Path, help="a pyproject.toml or iolint.toml (default: found upwards)")
    command.add_argument("--plan", choices=["base", "premium"], help="the sender's IO plan (default: base)")
    # Repeatable and comma-separated: `--select IO2 --select IO3,IO5` selects all three.
    for option, what in (
        ("--select", "rules to run: codes, names or code prefixes"),
        ("--extend-select", "rules to add to the selection"),
        ("--ignore", "rules not to run"),
    ):
        command.add_argument(
            option, type=_csv, action="extend", metavar="RULES", help=f"{what}; comma-separated, repeatable"
        )
    command.add_argument("--now", type=now, help="the moment due dates are compared with (default: now)")
    command.add_argument(
        "--force-exclude", action="store_true", help="apply the config's include/exclude to files named explicitly too"
    )
    command.add_argument(
        "--no-respect-gitignore",
        dest="respect_gitignore",
        action="store_false",
        help="check files that .gitignore ignores too (they are skipped while walking folders)",
    )
    command.add_argument("--jobs", "-j", type=jobs, default=1, help="worker processes (0: one per CPU; default: 1)")
    command.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    command.add_argument("--cache-dir", type=Path, help="where the cache lives (default: .iolint_cache in the project)")
    command.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name of what `-` reads from standard input: its kind, and the name messages, "
        "the config and suppressions use",
    )
    command.add_argument(
        "--quiet", "-q", action="store_true", help="print the findings only: no summary, progress or notes"
    )


def recipients_option(command: argparse.ArgumentParser) -> None:
    """``--recipients``, for ``check`` and ``baseline``: the rows a template is rendered with."""
    command.add_argument(
        "--recipients",
        type=Path,
        metavar="CSV",
        help="a CSV of recipients: each template named is rendered and checked once per row",
    )


def check_selection(config, tokens: list[str]) -> None:
    """Refuse unknown rules in the selectors and unknown or mistyped rule options (ConfigError,
    with "did you mean"). Checked here because a run served from the cache, or with no file,
    never builds the engine that would otherwise say so."""
    if not (tokens or config.rule_options):
        return
    from iolint import ruleset
    from iolint.config import ConfigError

    rules = ruleset.all_rules(config.rule_packs)
    unknown = ruleset.unknown_selectors(rules, tokens)
    if unknown:
        raise ConfigError("; ".join(unknown) + " (see `iolint rules`)")
    problems = ruleset.rule_options(rules, config.rule_options)[1]
    if problems:
        raise ConfigError(ruleset.options_error(problems))


def paths_problems(discovery, include: list[str], named: list[Path], *, quiet: bool) -> bool:
    """Say which paths named do not exist and which folders named held nothing to check (no
    file found, or only files skipped as no IO message): such a run is an error (a mistyped
    folder must not keep CI green). The default folder, not named, is only noted."""
    import sys

    from iolint.report.inert import inert  # the names are as typed: they may hold ESC or CR

    for path in discovery.missing:
        print(inert(f"iolint: {path}: No such file or directory"), file=sys.stderr)
    empty = discovery.stdin_empty  # `-` named and nothing on it
    if empty:
        print("iolint: stdin is empty: nothing to check", file=sys.stderr)
    for folder, walked in discovery.folders.items():
        if walked.checked:
            continue
        why = walked.why_nothing(include)
        if folder in named:
            empty = True
            print(inert(f"iolint: {folder}: nothing to check in this folder: {why}"), file=sys.stderr)
        elif not quiet:
            print(f"iolint: nothing to check in the current folder: {why}", file=sys.stderr)
    return bool(discovery.missing) or empty
