"""The cache: `iolint check` on 200 payload files, a first run (empty cache) and a second one.

    python bench/bench_cache.py [--runs 5]

Prints the median wall time of each and their ratio; the second run must take under a quarter
of the first. Each run is a fresh process, as in pre-commit or CI: start-up and imports count.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CODES = ["RSSMRA85T10A562S", "BNCGLI90L43F205R", "VRDLGU80A01H501Q"]
SUBJECTS = [
    "Hai un nuovo avviso di pagamento",
    "Il tuo appuntamento è confermato",
    "Avviso TARI per {cf}",  # personal data in the title
    "Gentile Mario Rossi, la tua pratica",
    "Rinnovo della carta d'identità",
]
BODIES = [
    "Hai un avviso di pagamento per la TARI 2025, prima rata. Devi pagare 123,50 € entro il 31/07/2030. Puoi pagare direttamente in app con il pulsante Paga.",
    "Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio alle 9:30. Porta una fototessera e un documento.",
    "La tua carta d'identità scade il 12/03/2030. Prenota il rinnovo sul sito del Comune o chiama il numero 06 1234 5678.",
]


def payload(i: int) -> dict:
    cf = CODES[i % len(CODES)]
    content = {"subject": SUBJECTS[i % len(SUBJECTS)].format(cf=cf), "markdown": BODIES[i % len(BODIES)]}
    if i % 3 == 0:
        content["due_date"] = "2030-07-31T21:59:59Z"
        content["payment_data"] = {"amount": 12350 if i % 2 else 123.5, "notice_number": "302123456789012356"}
    return {"fiscal_code": cf, "content": content}


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"iolint failed ({done.returncode}): {done.stderr}")
    return elapsed


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=5)
    options.add_argument("--files", type=int, default=200)
    args = options.parse_args()
    iolint = [shutil.which("iolint")] if shutil.which("iolint") else [sys.executable, "-m", "iolint"]
    command = [*iolint, "check", "--now", "2025-01-01T00:00:00Z", "--output-file", "report.txt"]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for i in range(args.files):
            (folder / f"message-{i:03}.json").write_text(json.dumps(payload(i), ensure_ascii=False, indent=2), "utf-8")
        first, second = [], []
        for _ in range(args.runs):
            shutil.rmtree(folder / ".iolint_cache", ignore_errors=True)
            first.append(timed(command, folder))
            second.append(timed(command, folder))
        findings = (folder / "report.txt").read_text("utf-8").splitlines()[-1]
    a, b = statistics.median(first), statistics.median(second)
    print(f"{args.files} files ({findings})")
    print(f"first run (empty cache): {a:.3f} s")
    print(f"second run (cached):     {b:.3f} s")
    print(f"ratio: {b / a:.2f} ({'under' if b / a < 0.25 else 'NOT under'} a quarter)")


if __name__ == "__main__":
    main()
