"""Cold start: wall time of a fresh `iolint check one.json` against a fresh `import presidio_analyzer`.

    python bench/bench_cold.py               # median of 5 runs each
    python bench/bench_cold.py --runs 11

Each iolint run starts in a new empty folder, so no cache can serve it. "clean" is a payload whose
title no personal-data detector may match; "codice fiscale" has one in its title, so the
detectors and their data load (presidio does not: iolint's own detectors need none of it). `python -c pass` is the floor of any Python process.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import NOW, payloads, table

CLEAN_TITLE = "Hai un nuovo avviso di pagamento"
CF_TITLE = "Avviso di pagamento per RSSMRA85T10A562S"


def wall(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, check=False, capture_output=True)
    return time.perf_counter() - start


def medians(commands: dict, runs: int) -> dict[str, float]:
    """Median wall time per command; runs interleave, so a busy spell on the machine hits them all."""
    times = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv_for in commands.items():
            with tempfile.TemporaryDirectory() as folder:
                times[name].append(wall(argv_for(Path(folder)), Path(folder)))
    return {name: statistics.median(t) for name, t in times.items()}


def check_argv(title: str):
    def argv(folder: Path) -> list[str]:
        payload = payloads(1)[0]
        payload["content"]["subject"] = title
        (folder / "one.json").write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        return [sys.executable, "-m", "iolint", "check", "one.json", "--now", NOW.isoformat()]

    return argv


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--runs", type=int, default=5)
    opts = args.parse_args()
    presidio = 'python -c "import presidio_analyzer"'
    results = medians(
        {
            "python -c pass": lambda _: [sys.executable, "-c", "pass"],
            presidio: lambda _: [sys.executable, "-c", "import presidio_analyzer"],
            "iolint check one.json (clean)": check_argv(CLEAN_TITLE),
            "iolint check one.json (codice fiscale in the title)": check_argv(CF_TITLE),
        },
        opts.runs,
    )
    rows = [[name, t, f"{t / results[presidio]:.2f}x"] for name, t in results.items()]
    print(table(["command", f"median of {opts.runs} (s)", "vs presidio import"], rows))


if __name__ == "__main__":
    main()
