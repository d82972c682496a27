"""Precision, recall and F1 of ``iolint.pii.detect`` on the labelled titles.

    python -m tests.pii.evaluate            # every set, per kind and overall
    python -m tests.pii.evaluate --misses   # and the development set's titles that differ
    python -m tests.pii.evaluate --write    # and write the figures into README.md and docs/pii.md
    python -m tests.pii.evaluate --check    # exit 1 when those figures are stale
    python -m tests.pii.evaluate --set dev  # the development set only (also with --write, --check)
    python -m tests.pii.evaluate --file F   # a new labelled batch on its own, before it is appended

The sets, labelled by the policy in docs/pii.md:

* tests/pii/dev_titles.yaml, the development set: tune the detectors on it freely;
* tests/pii/frozen_titles.yaml and frozen2_titles.yaml to frozen5_titles.yaml, the frozen test
  sets: each written before any detector ran on it and never tuned on. Only their
  per-kind figures are printed, never their titles.

Title level ("overall"): a title expecting personal data is a true positive when at least one
expected kind is detected, a false negative otherwise; a clean title with any detection is a false
positive. Per kind: a title expecting the kind and detecting it is a true positive, expecting it
and missing it a false negative, detecting it without expecting it a false positive. "all kinds"
adds up the per-kind counts (micro average), so a title whose second kind is missed counts there.

The figures quoted in README.md and docs/pii.md sit in generated regions (``iolint.docgen``), one
set's figures per region, so each set's figures are written and checked from that set alone.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
DEV = HERE / "dev_titles.yaml"
FROZEN = HERE / "frozen_titles.yaml"
FROZEN2 = HERE / "frozen2_titles.yaml"
FROZEN3 = HERE / "frozen3_titles.yaml"
FROZEN4 = HERE / "frozen4_titles.yaml"
FROZEN5 = HERE / "frozen5_titles.yaml"
# name: (the set's file, its title, what its figures are)
SETS = {
    "dev": (DEV, "Development set", "tuned on; an upper bound"),
    "frozen": (FROZEN, "Frozen test set", "never tuned on"),
    "frozen2": (FROZEN2, "Second frozen test set", "never tuned on"),
    "frozen3": (FROZEN3, "Third frozen test set", "never tuned on"),
    "frozen4": (FROZEN4, "Fourth frozen test set", "never tuned on"),
    "frozen5": (FROZEN5, "Fifth frozen test set", "never tuned on, run once at the end"),
}


def load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Result:
    titles: int = 0
    overall: Counts = field(default_factory=Counts)
    kinds: dict[str, Counts] = field(default_factory=dict)
    misses: list[tuple[str, list[str], list[str]]] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        return Counts(
            tp=sum(c.tp for c in self.kinds.values()),
            fp=sum(c.fp for c in self.kinds.values()),
            fn=sum(c.fn for c in self.kinds.values()),
        )


def evaluate(titles: list[dict]) -> Result:
    from iolint.pii import detect

    result = Result(titles=len(titles))
    for item in titles:
        expected = set(item["k"])
        found = {d.kind for d in detect(item["t"])}
        if expected:
            if expected & found:
                result.overall.tp += 1
            else:
                result.overall.fn += 1
        elif found:
            result.overall.fp += 1
        else:
            result.overall.tn += 1
        for kind in expected | found:
            c = result.kinds.setdefault(kind, Counts())
            if kind in expected and kind in found:
                c.tp += 1
            elif kind in expected:
                c.fn += 1
            else:
                c.fp += 1
        if expected != found:
            result.misses.append((item["t"], sorted(expected), sorted(found)))
    return result


def size(result: Result) -> str:
    o = result.overall
    return f"{result.titles} titles ({o.tp + o.fn} with personal data, {o.tn + o.fp} clean)"


def table(name: str, result: Result) -> str:
    o = result.overall
    return f"{name}: {size(result)}\n\n{kind_table(result)}\n\ntitle level: tp {o.tp}, fp {o.fp}, fn {o.fn}, tn {o.tn}"


def kind_table(result: Result) -> str:
    o = result.overall
    lines = [
        "| kind | titles | precision | recall | F1 |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| **overall (title level)** | {result.titles} | **{o.precision:.3f}** | **{o.recall:.3f}** | **{o.f1:.3f}** |",
    ]
    micro = result.micro
    lines.append(
        f"| all kinds (micro) | {micro.tp + micro.fn} | {micro.precision:.3f} | {micro.recall:.3f} | {micro.f1:.3f} |"
    )
    for kind in sorted(result.kinds):
        c = result.kinds[kind]
        lines.append(f"| {kind} | {c.tp + c.fn} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} |")
    return "\n".join(lines)


def summary(label: str, result: Result) -> str:
    """The README's line for one set: title-level figures and person names'."""
    o, person = result.overall, result.kinds.get("PERSON", Counts())
    return (
        f"- **{label}**: {size(result)}: precision **{o.precision:.3f}**, recall **{o.recall:.3f}**, "
        f"F1 **{o.f1:.3f}**; person names ({person.tp + person.fn} titles): precision "
        f"{person.precision:.3f}, recall {person.recall:.3f}."
    )


def regions(name: str, result: Result, root: Path = ROOT) -> dict[Path, dict[str, str]]:
    """Where one set's figures go: {file: {region: content}}."""
    o = result.overall
    details = (
        f"{size(result)}.\n\n{kind_table(result)}\n\nTitle level: {o.tp} true positives, {o.fp} false "
        f"positives, {o.fn} false negatives, {o.tn} true negatives."
    )
    return {
        root / "README.md": {f"pii-{name}-summary": summary(f"{SETS[name][1]} ({SETS[name][2]})", result)},
        root / "docs" / "pii.md": {f"pii-{name}": details},
    }


def targets(results: dict[str, Result], root: Path = ROOT) -> dict[Path, dict[str, str]]:
    """The regions of every set evaluated, merged by file."""
    merged: dict[Path, dict[str, str]] = {}
    for name, result in results.items():
        for path, contents in regions(name, result, root).items():
            merged.setdefault(path, {}).update(contents)
    return merged


def print_misses(result: Result) -> None:
    print()
    for text, expected, found in result.misses:
        print(f"  {text!r}: expected {expected}, found {found}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Precision, recall and F1 of iolint.pii on the labelled titles")
    parser.add_argument("--misses", action="store_true", help="list the titles that differ (development set or --file)")
    parser.add_argument("--set", choices=[*SETS, "all"], default="all", help="the sets to evaluate (default: all)")
    parser.add_argument(
        "--file", type=Path, help="evaluate this labelled file alone (e.g. a new batch, before it is appended)"
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="write the figures into README.md and docs/pii.md")
    mode.add_argument("--check", action="store_true", help="exit 1 when the figures there are stale")
    args = parser.parse_args(argv)
    if args.file:
        if args.file.resolve() in {path.resolve() for name, (path, _, _) in SETS.items() if name != "dev"}:
            parser.error("a frozen set is evaluated by name (--set), never as a batch to tune on")
        result = evaluate(load(args.file))
        print(table(str(args.file), result))
        if args.misses:
            print_misses(result)
        return 0

    results = {}
    for name in SETS if args.set == "all" else (args.set,):
        path, title, _ = SETS[name]
        label = f"{title} ({path.relative_to(ROOT).as_posix()})"
        if not path.exists():
            print(f"{label}: not merged yet\n")
            continue
        results[name] = evaluate(load(path))
        print(table(label, results[name]) + "\n")
        if name == "dev" and args.misses:
            print_misses(results[name])
    if not (args.write or args.check):
        return 0
    from iolint import docgen

    command = "python -m tests.pii.evaluate --write" + ("" if args.set == "all" else f" --set {args.set}")
    try:
        return docgen.sync(targets(results), check=args.check, command=command)
    except docgen.DocgenError as exc:
        print(exc, file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
