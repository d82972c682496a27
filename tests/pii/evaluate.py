"""Precision, recall and F1 of ``iolint.pii.detect`` on the labelled titles.

    python -m tests.pii.evaluate            # both sets, per kind and overall
    python -m tests.pii.evaluate --misses   # and the development set's titles that differ

Two sets, labelled by the policy in docs/pii.md:

* tests/pii/dev_titles.yaml, the development set: tune the detectors on it freely;
* tests/pii/frozen_titles.yaml, the frozen test set: written before any detector ran on it and
  never tuned on. Only its per-kind figures are printed, never its titles.

Title level ("overall"): a title expecting personal data is a true positive when at least one
expected kind is detected, a false negative otherwise; a clean title with any detection is a false
positive. Per kind: a title expecting the kind and detecting it is a true positive, expecting it
and missing it a false negative, detecting it without expecting it a false positive. "all kinds"
adds up the per-kind counts (micro average), so a title whose second kind is missed counts there.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).parent
DEV = HERE / "dev_titles.yaml"
FROZEN = HERE / "frozen_titles.yaml"


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


def table(name: str, result: Result) -> str:
    o = result.overall
    lines = [
        f"{name}: {result.titles} titles ({o.tp + o.fn} with personal data, {o.tn + o.fp} clean)",
        "",
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
    lines.append(f"\ntitle level: tp {o.tp}, fp {o.fp}, fn {o.fn}, tn {o.tn}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Precision, recall and F1 of iolint.pii on the labelled titles")
    parser.add_argument("--misses", action="store_true", help="list the development set's titles that differ")
    args = parser.parse_args(argv)

    dev = evaluate(load(DEV))
    print(table("Development set (tests/pii/dev_titles.yaml)", dev))
    if args.misses:
        print()
        for text, expected, found in dev.misses:
            print(f"  {text!r}: expected {expected}, found {found}")
    print()
    if FROZEN.exists():
        print(table("Frozen test set (tests/pii/frozen_titles.yaml)", evaluate(load(FROZEN))))
    else:
        print("Frozen test set (tests/pii/frozen_titles.yaml): not merged yet")


if __name__ == "__main__":
    main()
