"""`--jobs 0` (one process per CPU) against `--jobs 1`, on a small run and on big ones.

    python bench/bench_jobs.py [--runs 5] [--lines 100000] [--files 1000]

Cases: the bundled examples (a pre-commit-sized run, 15 files), 1,000 payload files, and a
JSONL batch of 100,000 lines (the realistic batch of common.payloads). Each run is a fresh
`python -m iolint check --no-cache` process, as in CI; the two settings alternate, and the
median wall time of each is printed with their ratio. `--jobs 0` must never be more than 5%
slower than `--jobs 1`, and must be faster on the batch.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import NOW, ROOT, payloads, table


def timed(target: Path, jobs: str) -> float:
    command = [sys.executable, "-m", "iolint", "check", str(target), "--no-cache", "--exit-zero", "-q",
               "--jobs", jobs, "--now", NOW.isoformat(), "--output-file", os.devnull]  # fmt: skip
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(target: Path, runs: int) -> tuple[float, float]:
    times: dict[str, list[float]] = {"1": [], "0": []}
    timed(target, "1")  # warm the file system cache
    for _ in range(runs):
        for jobs in ("1", "0"):
            times[jobs].append(timed(target, jobs))
    return statistics.median(times["1"]), statistics.median(times["0"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = Path(folder) / "files"
        files.mkdir()
        for i, message in enumerate(payloads(args.files, mix="unique", seed=7)):
            (files / f"m{i:05d}.json").write_text(json.dumps(message, ensure_ascii=False, indent=2), "utf-8")
        batch = Path(folder) / "batch.jsonl"
        with batch.open("w", encoding="utf-8") as out:
            for message in payloads(args.lines, mix="batch"):
                out.write(json.dumps(message, ensure_ascii=False) + "\n")
        cases = [
            ("the examples folder (15 files)", ROOT / "examples"),
            (f"{args.files:,} payload files", files),
            (f"a JSONL batch of {args.lines:,} lines ({batch.stat().st_size / 1e6:.0f} MB)", batch),
        ]
        rows = []
        for label, target in cases:
            one, auto = measure(target, args.runs)
            rows.append([label, f"{one:.2f} s", f"{auto:.2f} s", f"{auto / one:.2f}"])
            print(f"{label}: --jobs 1 {one:.2f} s, --jobs 0 {auto:.2f} s", file=sys.stderr)
    print(f"{os.cpu_count()} CPUs, median of {args.runs} runs each")
    print(table(["what", "--jobs 1", "--jobs 0", "ratio"], rows))


if __name__ == "__main__":
    main()
