"""Where a payload's time goes: ``Linter.check_payload`` with every rule, with the privacy rules
alone, without them, and ``iolint.lint``'s own share (plain types, findings, masking).

    python bench/bench_parts.py              # 20,000 payloads per mix
    python bench/bench_parts.py --n 5000     # a quick run

The mixes are bench_throughput.py's (common.payloads). Each row is the best of --runs passes;
the personal-data memo is cleared before each pass.
"""

from __future__ import annotations

import argparse
import time

from common import NOW, payloads, table


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--n", type=int, default=20_000, help="payloads per mix")
    args.add_argument("--runs", type=int, default=3, help="passes per row; the fastest counts")
    opts = args.parse_args()

    import iolint
    from iolint import api

    def linter(select=None, ignore=None):
        return api._linter(None, None, select, ignore, None, api.read_now(NOW), None)

    rows = []
    for mix in ("unique", "batch"):
        batch = payloads(opts.n, mix)
        parts = [
            ("check_payload, every rule", linter()),
            ("check_payload, privacy rules only (IO5xx)", linter(select=("IO5",))),
            ("check_payload, every rule but privacy", linter(ignore=("IO5",))),
            ("iolint.lint, every rule", None),
        ]
        for name, one in parts:
            run = (lambda p: iolint.lint(p, now=NOW)) if one is None else one.check_payload
            for p in payloads(200, seed=1):  # imports and first-use costs are not throughput
                run(p)
            fastest = float("inf")
            for _ in range(opts.runs):
                (one or linter()).privacy.forget()
                start = time.perf_counter()
                for p in batch:
                    run(p)
                fastest = min(fastest, time.perf_counter() - start)
            rows.append([mix, name, opts.n, fastest / opts.n * 1e6])
    print(table(["mix", "what", "payloads", "µs per payload"], rows))


if __name__ == "__main__":
    main()
