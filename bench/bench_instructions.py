"""Instructions per payload of ``iolint.lint``, counted by valgrind's callgrind: a measure that,
unlike time, does not move with the machine's load, for telling small speed changes apart.

    python bench/bench_instructions.py              # 2,000 payloads per mix (a few minutes)
    python bench/bench_instructions.py --n 500      # a quick run
    python bench/bench_instructions.py --n 500 --ignore IO501,IO502,IO503   # all but the privacy rules

Each mix runs twice under callgrind with address-space randomisation off (``setarch -R``) and a
fixed hash seed, so the counts repeat exactly: once up to the payloads (imports, warm-up, the
payloads made) and once linting them too; the difference over ``--n`` is the row. Needs valgrind
and setarch (util-linux).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys

from common import NOW, ROOT, payloads, table


def child(mix: str, n: int, lint: bool, ignore: str | None) -> None:
    import iolint
    from iolint import api

    for p in payloads(200, seed=1):  # imports and first-use costs are not per payload
        iolint.lint(p, now=NOW, ignore=ignore)
    api._linter.cache_clear()  # a new run: an empty personal-data memo, its engine built here
    for p in payloads(50, seed=1):
        iolint.lint(p, now=NOW, ignore=ignore)
    batch = payloads(n, mix)
    if lint:
        for p in batch:
            iolint.lint(p, now=NOW, ignore=ignore)


def counted(mix: str, n: int, lint: bool, ignore: str | None) -> int:
    argv = ["setarch", "-R", "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    argv += [sys.executable, __file__, "--child", mix, "--n", str(n)] + (["--lint"] if lint else [])
    argv += ["--ignore", ignore] if ignore else []
    env = os.environ | {"PYTHONHASHSEED": "0"}
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1))


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--n", type=int, default=2_000, help="payloads per mix")
    args.add_argument("--ignore", help="rules not to run, as iolint.lint's ignore (e.g. IO501,IO502,IO503)")
    args.add_argument("--child", help=argparse.SUPPRESS)
    args.add_argument("--lint", action="store_true", help=argparse.SUPPRESS)
    opts = args.parse_args()
    if opts.child:
        return child(opts.child, opts.n, opts.lint, opts.ignore)
    rows = []
    for mix in ("unique", "batch"):
        lint, setup = counted(mix, opts.n, True, opts.ignore), counted(mix, opts.n, False, opts.ignore)
        rows.append([mix, opts.n, (lint - setup) // opts.n])
    print(table(["mix", "payloads", "instructions per payload, iolint.lint"], rows))


if __name__ == "__main__":
    main()
