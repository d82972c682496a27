"""Precision and recall of ``detect`` on the labelled titles (tests/pii/titles.yaml).

Title level: a title expecting personal data is a true positive when at least one expected kind
is detected, a false negative otherwise; a clean title with any detection is a false positive.
Per kind: a title expecting the kind and detecting it is a true positive, expecting it and
missing it a false negative, detecting it without expecting it a false positive.
Run ``python -m pytest tests/pii/test_evaluation.py -s`` to see the table.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from iolint.pii import configure, detect

TITLES = yaml.safe_load((Path(__file__).parent / "titles.yaml").read_text(encoding="utf-8"))


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def evaluate(titles=TITLES):
    overall = Counter()
    per_kind: dict[str, Counter] = {}
    misses = []
    for item in titles:
        expected = set(item["k"])
        found = {d.kind for d in detect(item["t"])}
        if expected:
            overall["tp" if expected & found else "fn"] += 1
        elif found:
            overall["fp"] += 1
        else:
            overall["tn"] += 1
        for kind in expected | found:
            c = per_kind.setdefault(kind, Counter())
            c["tp" if kind in expected and kind in found else "fn" if kind in expected else "fp"] += 1
        if expected != found:
            misses.append((item["t"], sorted(expected), sorted(found)))
    return overall, per_kind, misses


@pytest.fixture(autouse=True)
def default_settings():
    configure()
    yield
    configure()


def test_titles_are_unique_and_sizeable():
    texts = [t["t"] for t in TITLES]
    assert len(texts) == len(set(texts)) >= 180
    assert sum(1 for t in TITLES if not t["k"]) >= 60


def test_precision_and_recall():
    overall, per_kind, misses = evaluate()
    precision = _ratio(overall["tp"], overall["tp"] + overall["fp"])
    recall = _ratio(overall["tp"], overall["tp"] + overall["fn"])
    print(
        f"\n{len(TITLES)} titles ({overall['tp'] + overall['fn']} with personal data, "
        f"{overall['tn'] + overall['fp']} clean)"
    )
    print(
        f"title level: precision {precision:.3f}  recall {recall:.3f}  "
        f"(tp {overall['tp']}, fp {overall['fp']}, fn {overall['fn']}, tn {overall['tn']})"
    )
    print(f"{'kind':18} {'titles':>6} {'precision':>9} {'recall':>7}")
    for kind in sorted(per_kind):
        c = per_kind[kind]
        print(
            f"{kind:18} {c['tp'] + c['fn']:6d} {_ratio(c['tp'], c['tp'] + c['fp']):9.3f} "
            f"{_ratio(c['tp'], c['tp'] + c['fn']):7.3f}"
        )
    for text, expected, found in misses:
        print(f"  differs: {text!r} expected {expected} found {found}")
    assert precision >= 0.95
    assert recall >= 0.95
