"""Payloads per second: iolint against a jsonschema + presidio baseline, in one run.

    python bench/bench_throughput.py                 # 100,000 payloads per mix; the baseline on 10,000
    python bench/bench_throughput.py --n 10000       # a quick run

Two mixes (see common.payloads): "unique", every title different; "batch", a realistic send where
40 titles are shared and bodies vary. Rows:

* iolint Linter.check_payload: the engine's path for decoded payloads (the CLI's, per item);
* iolint.lint: the public API, which also builds Finding objects;
* baseline: Draft7Validator(schema).iter_errors + the stock presidio AnalyzerEngine on the title
  (it is slow, so it runs on the first --baseline-n payloads; a rate does not depend on the count);
* json.loads: parsing the same payloads, a ceiling no linter of JSON can beat.

iolint's personal-data memo is cleared before each mix, so "batch" starts cold too.
"""

from __future__ import annotations

import argparse
import json

from common import NOW, payloads, per_second, schema_validator, stock_presidio, table


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--n", type=int, default=100_000, help="payloads per mix")
    args.add_argument("--baseline-n", type=int, default=10_000, help="payloads the baseline runs on")
    opts = args.parse_args()

    import iolint
    from iolint import pii
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

    warm = payloads(1)[0]
    warm["content"]["subject"] = "Gentile Mario Rossi, avviso per RSSMRA85T10A562S"
    for p in (warm, *payloads(200, seed=1)):  # imports and first-use costs are not throughput
        iolint.lint(p, now=NOW)
        baseline([p])

    rows = []
    for mix in ("unique", "batch"):
        batch = payloads(opts.n, mix)
        base_n = min(opts.baseline_n, opts.n)
        _, base_rate = per_second(baseline, batch[:base_n])
        results = []
        for name, run in (("iolint Linter.check_payload", check), ("iolint.lint", api)):
            pii.default_detector().clear()
            results.append((name, opts.n, *per_second(run, batch)))
        results.append(("baseline: jsonschema + presidio", base_n, base_n / base_rate, base_rate))
        results.append(("json.loads (ceiling)", opts.n, *per_second(parse, [json.dumps(p) for p in batch])))
        rows += [[mix, name, n, seconds, rate, f"{rate / base_rate:.1f}x"] for name, n, seconds, rate in results]
    print(table(["mix", "what", "payloads", "seconds", "payloads/s", "vs baseline"], rows))


if __name__ == "__main__":
    main()
