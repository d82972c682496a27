"""python bench/bench_pii.py [--titles 2000] [--runs 3]

Benchmark of iolint.pii.detect against presidio-analyzer's stock Italian setup, in one run on
one machine, printed as a table (median of --runs; fresh processes for start-up and memory):

* unique titles/s: every title analysed once (iolint's memo cleared before each run);
* repeated titles/s: a stream of 200 distinct titles, each sent 100 times (a batch send);
* peak RSS of a process that analyses all the unique titles;
* cold start: wall time of a fresh `python -c "from iolint.pii import detect; detect(...)"`
  on a title with a codice fiscale, against a fresh `python -c "import presidio_analyzer"`.

Stock presidio = an AnalyzerEngine with only presidio's five Italian recognizers (It*Recognizer)
and the NoOpNlpEngine: offline, no spaCy model, no tokenisation; the fastest stock setup (see
``stock_presidio``). Titles: the development set's (tests/pii/dev_titles.yaml), in file order,
then synthetic ones (Faker it_IT, seeded) if more are asked for than it holds; about half hold
personal data. The development set holds more than 2,000 titles, so the default run takes its
first 2,000 and no synthetic ones.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from common import stock_presidio  # noqa: E402  (after the path: the baseline is shared with bench_throughput.py)

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

CLEAN = [
    "Avviso di pagamento TARI {year}: scadenza {date}",
    "Rata {n} di {amount} € in scadenza il {date}",
    "Avviso pagoPA {notice} in scadenza",
    "Protocollo n. {year}/{prot}: pratica presa in carico",
    "Comune di {city}: {service}",
    "{service}: nuovo avviso del {date}",
    "Iscrizioni {school} {year}/{next_year} aperte fino al {date}",
    "Saldo IMU {year}: {amount} € entro il {date}",
    "Il tuo appuntamento del {date} alle {hour}:{minute}",
    "Ritiro rifiuti ingombranti il {date}",
    "Verbale n. {prot}/{year}: sanzione di {amount} €",
    "Scuola {famous}: {service}",
    "Lavori in Via {famous}: chiusura dal {date}",
]
PERSONAL = [
    "Gentile {first} {last}, {service}",
    "Codice fiscale {cf}: {service}",
    "Rimborso di {amount} € su IBAN {iban}",
    "Ti richiameremo al {phone}",
    "{service} per {first} {last}",
    "Ritiro ingombranti in {street}",
    "Veicolo targato {plate}: verbale del {date}",
    "Il tuo referto del {date} è disponibile",
    "Sig.ra {last}: appuntamento del {date}",
    "Domanda di invalidità civile n. {prot}",
    "Nuovo recapito: {email}",
    "{first} {last}, nato il {date}",
]
SERVICES = [
    "avviso TARI",
    "rinnovo carta d'identità",
    "mensa scolastica",
    "trasporto scolastico",
    "bollo auto",
    "permesso ZTL",
    "contributo affitto",
    "bonus asilo nido",
    "lampade votive",
    "canone idrico",
    "tassa di soggiorno",
    "servizio civile",
]
SCHOOLS = ["asilo nido", "scuola dell'infanzia", "centri estivi", "pre e post scuola", "mensa"]
FAMOUS = [
    "Giuseppe Verdi",
    "Giovanni Pascoli",
    "Leonardo da Vinci",
    "Sandro Pertini",
    "Garibaldi",
    "Maria Montessori",
    "Gianni Rodari",
    "Enrico Fermi",
    "Aldo Moro",
    "Dante Alighieri",
]
CF_TITLE = "Il tuo codice fiscale è RSSMRA85T10H501O"


def make_titles(count: int, seed: int = 42) -> list[str]:
    import yaml
    from faker import Faker

    fake = Faker("it_IT")
    fake.seed_instance(seed)
    rnd = random.Random(seed)
    dev = yaml.safe_load((ROOT / "tests/pii/dev_titles.yaml").read_text(encoding="utf-8"))
    titles = dict.fromkeys(t["t"] for t in dev)
    while len(titles) < count:
        year = rnd.randint(2019, 2027)
        template = rnd.choice(PERSONAL if rnd.random() < 0.5 else CLEAN)
        titles[
            template.format(
                year=year,
                next_year=year + 1,
                date=fake.date(pattern="%d/%m/%Y"),
                n=rnd.randint(1, 12),
                amount=f"{rnd.randint(5, 2000)},{rnd.randint(0, 99):02d}",
                notice=f"3{rnd.randint(10**16, 10**17 - 1)}",
                prot=f"{rnd.randint(1, 999999):07d}",
                city=fake.city(),
                service=rnd.choice(SERVICES),
                school=rnd.choice(SCHOOLS),
                hour=rnd.randint(8, 18),
                minute=f"{rnd.choice((0, 15, 30, 45)):02d}",
                famous=rnd.choice(FAMOUS),
                first=fake.first_name(),
                last=fake.last_name(),
                cf=fake.ssn(),
                iban=fake.iban(),
                phone=f"3{rnd.randint(20, 99)} {rnd.randint(100, 999)} {rnd.randint(1000, 9999)}",
                street=f"Via {fake.last_name()} {rnd.randint(1, 200)}",
                plate=fake.license_plate(),
                email=fake.email(),
            )
        ] = None
    return list(titles)[:count]


def rate(fn, items, runs: int, before=lambda: None) -> float:
    """Median items per second over ``runs`` passes of ``fn`` over ``items``."""
    speeds = []
    for _ in range(runs):
        before()
        started = time.perf_counter()
        for item in items:
            fn(item)
        speeds.append(len(items) / (time.perf_counter() - started))
    return statistics.median(speeds)


def child(code: str) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, out.stdout.strip()


def peak_rss_mb(analyse: str, count: int) -> float:
    # VmHWM, not ru_maxrss: Linux carries a parent's peak into ru_maxrss across fork and exec.
    code = (
        "import re, sys; sys.path.insert(0, 'bench'); from bench_pii import *; "
        f"titles = make_titles({count}); {analyse}; "
        "print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))"
    )
    return int(child(code)[1].splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from iolint.pii import configure, detect
    from iolint.pii.recognizers import build_analyzer

    titles = make_titles(args.titles)
    distinct = titles[:200]
    stream = [t for _ in range(100) for t in distinct]
    personal = sum(bool(detect(t)) for t in titles)

    stock = stock_presidio()
    iolint_engine = build_analyzer()
    for t in titles[:50]:  # warm-up: lazy imports, name lists, regex caches
        stock.analyze(text=t, language="it")
        iolint_engine.analyze(text=t, language="it")

    stock_unique = rate(lambda t: stock.analyze(text=t, language="it"), titles, args.runs)
    engine_unique = rate(lambda t: iolint_engine.analyze(text=t, language="it"), titles, args.runs)
    iolint_unique = rate(detect, titles, args.runs, before=configure)
    stock_repeated = rate(lambda t: stock.analyze(text=t, language="it"), stream[: len(titles)], args.runs)
    iolint_repeated = rate(detect, stream, args.runs, before=configure)

    cold_iolint = statistics.median(
        child(f"from iolint.pii import detect; detect({CF_TITLE!r})")[0] for _ in range(args.runs + 2)
    )
    cold_clean = statistics.median(
        child("from iolint.pii import detect; detect('Hai un nuovo avviso di pagamento')")[0]
        for _ in range(args.runs + 2)
    )
    cold_presidio = statistics.median(child("import presidio_analyzer")[0] for _ in range(args.runs + 2))

    rss_stock = peak_rss_mb("e = stock_presidio(); [e.analyze(text=t, language='it') for t in titles]", args.titles)
    rss_iolint = peak_rss_mb("from iolint.pii import detect; [detect(t) for t in titles]", args.titles)
    rss_clean = peak_rss_mb(
        "from iolint.pii import detect; [detect('Hai un nuovo avviso di pagamento') for _ in titles]", args.titles
    )

    print(
        f"{len(titles)} unique titles ({personal} with personal data for iolint), {len(stream)} repeated "
        f"(200 distinct x 100); median of {args.runs} runs; {os.cpu_count()} cores; Python {sys.version.split()[0]}"
    )
    rows = [
        ("unique titles/s: stock presidio (it)", f"{stock_unique:,.0f}", ""),
        (
            "unique titles/s: iolint recognizers in an AnalyzerEngine",
            f"{engine_unique:,.0f}",
            f"{engine_unique / stock_unique:.1f}x",
        ),
        ("unique titles/s: iolint detect()", f"{iolint_unique:,.0f}", f"{iolint_unique / stock_unique:.1f}x"),
        ("repeated titles/s: stock presidio", f"{stock_repeated:,.0f}", ""),
        (
            "repeated titles/s: iolint detect() (memo)",
            f"{iolint_repeated:,.0f}",
            f"{iolint_repeated / stock_repeated:.0f}x",
        ),
        ("peak RSS, all titles: stock presidio", f"{rss_stock:.0f} MB", ""),
        ("peak RSS, all titles: iolint detect()", f"{rss_iolint:.0f} MB", f"{rss_iolint / rss_stock:.2f}x"),
        ("peak RSS, clean title only: iolint detect()", f"{rss_clean:.0f} MB", f"{rss_clean / rss_stock:.2f}x"),
        ('cold start: python -c "import presidio_analyzer"', f"{cold_presidio:.2f} s", ""),
        (
            "cold start: detect() on a codice fiscale title",
            f"{cold_iolint:.2f} s",
            f"{cold_iolint / cold_presidio:.2f}x",
        ),
        ("cold start: detect() on a clean title", f"{cold_clean:.2f} s", f"{cold_clean / cold_presidio:.2f}x"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"| {'measure':{width}} | {'value':>12} | {'vs presidio':>11} |")
    print(f"|{'-' * (width + 2)}|{'-' * 14}|{'-' * 13}|")
    for name, value, ratio in rows:
        print(f"| {name:{width}} | {value:>12} | {ratio:>11} |")


if __name__ == "__main__":
    main()
