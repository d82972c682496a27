"""The preview's speed: one page for a 10,000-character body, and every bundled model message.

    python bench/bench_preview.py [--runs 5]

1. ``iolint.preview`` of a payload whose body is 10,000 characters (IO's maximum) of the markdown
   a sender writes (headings, lists, links, bold, a table, HTML, a banner, names and addresses to
   mask): the first call in a fresh process (imports and the engine included), then the median
   and the worst of ``--runs`` calls, each on a different body so that no cache answers.
   Target: under a second.
2. ``iolint preview`` of the bundled models (48 messages, every template variant), as a fresh
   process writing the pages: the median wall time of ``--runs`` runs. Target: under 10 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "iolint" / "catalog" / "models"

SECTIONS = [
    "## Cosa devi fare\n\nGentile Maria Bianchi, hai un avviso di pagamento per l'immobile in Via Garibaldi 12. "
    'Puoi pagare **entro il 31/07/2031** direttamente in app con il pulsante "Paga" oppure presso gli '
    "esercenti abilitati a pagoPA. [Scopri di più](https://comune.example.org/tari/{n}).\n",
    "### Importi\n\n- quota fissa: 120,00 €\n- quota variabile: 67,90 €\n- riduzioni: *nessuna*\n\n"
    "1. controlla i dati\n2. paga l'avviso\n3. conserva la ricevuta n. {n}\n",
    "| voce | importo |\n|---|---|\n| quota fissa | 120,00 € |\n| quota variabile | 67,90 € |\n",
    "> [!help]\n> # Hai bisogno di aiuto?\n> Scrivi a tributi@comune.example.org o chiama lo 06 1234 5678.\n",
    "Per informazioni: <b>Ufficio Tributi</b>, aperto dal lunedì al venerdì<br>dalle 9 alle 12. "
    "Se hai già pagato, non considerare questo messaggio (rif. {n}).\n",
]


def body(n: int, size: int = 10_000) -> str:
    out, i = [], 0
    while sum(len(p) + 1 for p in out) < size:
        out.append(SECTIONS[i % len(SECTIONS)].replace("{n}", f"{n}-{i}"))
        i += 1
    return "\n".join(out)[:size]


def one_page(runs: int) -> tuple[float, float, float, int]:
    import iolint

    def page(n: int) -> float:
        payload = {
            "content": {
                "subject": "Avviso di pagamento TARI 2031",
                "markdown": body(n),
                "due_date": "2031-07-31T21:59:59Z",
                "payment_data": {"amount": 18790, "notice_number": "301166131860913988"},
            }
        }
        start = time.perf_counter()
        html = iolint.preview(payload)
        elapsed = time.perf_counter() - start
        assert len(payload["content"]["markdown"]) == 10_000 and "187,90 €" in html
        return elapsed

    first = page(0)
    times = [page(n) for n in range(1, runs + 1)]
    return first, statistics.median(times), max(times), 10_000


def models(runs: int) -> tuple[float, int]:
    times, pages = [], 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "iolint", "preview", str(MODELS), "--output-dir", out],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                sys.exit(f"iolint preview failed: {done.stderr}")
            pages = len(list(Path(out).glob("*.html"))) - 1  # the index aside
    return statistics.median(times), pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    first, median, worst, size = one_page(args.runs)
    wall, pages = models(args.runs)
    messages = len(list(MODELS.glob("*/*.io.yaml")))
    print("| what | figure | target |")
    print("| --- | --- | --- |")
    print(f"| `iolint.preview` of a {size:,}-character body, first call in a process | {first:.2f} s | |")
    print(
        f"| same, next calls (median / worst of {args.runs}, each body different) | {median:.3f} s / {worst:.3f} s | < 1 s |"
    )
    print(
        f"| `iolint preview` of the {messages} model messages ({pages} pages, every variant), fresh process | {wall:.2f} s | < 10 s |"
    )


if __name__ == "__main__":
    main()
