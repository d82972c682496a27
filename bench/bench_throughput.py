"""Payloads per second: iolint against a jsonschema + presidio baseline, and against json.loads.

    python bench/bench_throughput.py                 # 100,000 payloads per mix; the baseline on 10,000
    python bench/bench_throughput.py --n 10000       # a quick run

Two mixes (see common.payloads): "unique", every title different; "batch", a realistic send where
40 titles are shared and bodies vary. Rows:

* iolint Linter.check_payload: the engine's path for decoded payloads (the CLI's, per item);
* iolint.lint: the public API, which also turns the payload into plain JSON types and builds
  Finding objects;
* baseline: Draft7Validator(schema).iter_errors + presidio's Italian recognizers on the title, set
  up the fastest way presidio allows (common.stock_presidio); it runs on the first --baseline-n
  payloads (a rate does not depend on the count);
* json.loads: parsing the same payloads, a ceiling no linter of JSON can beat; the last column
  says what fraction of its rate each row reaches.

Each rate is the best of --runs passes; iolint's personal-data memo is cleared before each pass
of each mix, so "batch" starts cold too.
"""

from __future__ import annotations

import argparse
import json
import time

from common import NOW, payloads, schema_validator, stock_presidio, table


def best_rate(run, items, runs: int, before=lambda: None) -> tuple[float, float]:
    """(seconds, items per second) of the fastest of ``runs`` passes of ``run(items)``."""
    fastest = float("inf")
    for _ in range(runs):
        before()
        start = time.perf_counter()
        run(items)
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, len(items) / fastest


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--n", type=int, default=100_000, help="payloads per mix")
    args.add_argument("--baseline-n", type=int, default=10_000, help="payloads the baseline runs on")
    args.add_argument("--runs", type=int, default=3, help="passes per row; the fastest counts")
    opts = args.parse_args()

    import iolint
    from iolint import api as iolint_api
    from iolint.engine import Linter

    linter = Linter(now=NOW)
    validator, analyzer = schema_validator(), stock_presidio()

    def check(batch):
        for p in batch:
            linter.check_payload(p)

    def api(batch):
        for p in batch:
            iolint.lint(p, now=NOW)

    def baseline(batch):
        for p in batch:
            list(validator.iter_errors(p))
            analyzer.analyze(text=p["content"]["subject"], language="it")

    def parse(texts):
        for t in texts:
            json.loads(t)

    def forget():  # each pass starts with an empty personal-data memo (the API's Linter is rebuilt)
        linter.privacy.forget()
        iolint_api._linter.cache_clear()

    warm = payloads(1)[0]
    warm["content"]["subject"] = "Gentile Mario Rossi, avviso per RSSMRA85T10A562S"
    for p in (warm, *payloads(200, seed=1)):  # imports and first-use costs are not throughput
        iolint.lint(p, now=NOW)
        baseline([p])

    rows = []
    for mix in ("unique", "batch"):
        batch = payloads(opts.n, mix)
        base_n = min(opts.baseline_n, opts.n)
        results = [
            (name, opts.n, *best_rate(run, batch, opts.runs, before=forget))
            for name, run in (("iolint Linter.check_payload", check), ("iolint.lint", api))
        ]
        results.append(("baseline: jsonschema + presidio", base_n, *best_rate(baseline, batch[:base_n], opts.runs)))
        texts = [json.dumps(p) for p in batch]
        results.append(("json.loads (ceiling)", opts.n, *best_rate(parse, texts, opts.runs)))
        base_rate, json_rate = results[2][3], results[3][3]
        for name, n, seconds, rate in results:
            rows.append([mix, name, n, seconds, rate, f"{rate / base_rate:.1f}x", f"1/{json_rate / rate:.1f}"])
    print(table(["mix", "what", "payloads", "seconds", "payloads/s", "vs baseline", "of json.loads"], rows))


if __name__ == "__main__":
    main()
