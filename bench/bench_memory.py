"""Peak memory and time of `iolint check` on a 1,000,000-line JSONL batch.

    python bench/bench_memory.py               # 1,000,000 lines (about 400 MB, written to a temp file)
    python bench/bench_memory.py --n 100000

The batch is common.payloads(mix="batch"): a realistic send, 40 shared titles, bodies varying.
Peak RSS is the child's ru_maxrss (resource.getrusage(RUSAGE_CHILDREN)), which the check is the
only child to set.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import NOW, payloads, table

CHUNK = 100_000  # payloads generated at a time, to keep this script's own memory small


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--n", type=int, default=1_000_000, help="lines in the batch")
    opts = args.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "batch.jsonl"
        with batch.open("w", encoding="utf-8") as out:
            for start in range(0, opts.n, CHUNK):
                for p in payloads(min(CHUNK, opts.n - start), "batch", seed=start):
                    out.write(json.dumps(p, ensure_ascii=False) + "\n")
        argv = [
            sys.executable,
            "-m",
            "iolint",
            "check",
            str(batch),
            "--no-cache",
            "--format",
            "json",
            "--output-file",
            str(Path(folder) / "report.json"),
            "--now",
            NOW.isoformat(),
        ]
        started = time.perf_counter()
        done = subprocess.run(argv, cwd=folder, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        findings = len(json.loads((Path(folder) / "report.json").read_text("utf-8") or "[]"))
        size_mb = batch.stat().st_size / 1024**2
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        table(
            ["lines", "file MB", "exit", "findings", "seconds", "lines/s", "peak RSS MB"],
            [[opts.n, size_mb, done.returncode, findings, seconds, opts.n / seconds, peak_mb]],
        )
    )
    if done.returncode not in (0, 1):
        print(done.stderr, file=sys.stderr)


if __name__ == "__main__":
    main()
