"""A corpus of payloads for comparing two ways (or two versions) of running the payload rules.

``payloads()`` gathers: bench's two mixes (bench/common.py: unique titles, and a batch sharing 40
titles), the examples' payloads and batches, PagoPA's catalogue of messages
(tests/data/io-catalogue-messages.jsonl), every rule's documented payload examples, titles of the
personal-data development set, and variants of bench payloads with one thing each a rule reports
(a wrong type, a missing field, front matter, markup, a misspelling, Premium features, ...).

``python -m tests.corpus OUT`` writes every finding of ``iolint.lint`` on the corpus (code,
field, line, column, message, severity, fingerprint; on the plain payload and on its JSON text, on
the base and the Premium plan) to OUT, one line per payload: run it on two versions of the engine
and compare the files to show a change kept the findings as they were.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _bench():
    spec = importlib.util.spec_from_file_location("_bench_common", ROOT / "bench" / "common.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _jsonl(path: Path) -> list:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _catalogue() -> list[dict]:
    out = []
    for message in _jsonl(ROOT / "tests" / "data" / "io-catalogue-messages.jsonl"):
        content = {"subject": message["subject"], "markdown": message["markdown"]}
        if message["kind"] in ("due_date", "payment"):
            content["due_date"] = "2026-12-31T22:59:59Z"
        if message["kind"] == "payment":
            content["payment_data"] = {"amount": message.get("amount_cents"), "notice_number": "302000000000000123"}
        out.append({"fiscal_code": "RSSMRA85T10A562S", "content": content})
    return out


def _examples() -> list:
    out = []
    for path in sorted((ROOT / "examples" / "payloads").rglob("*")):
        if path.suffix == ".json":
            try:
                out.append(json.loads(path.read_text(encoding="utf-8")))
            except ValueError:
                out.append(path.read_text(encoding="utf-8"))  # JSON text that does not parse
        elif path.suffix in (".yaml", ".yml"):
            out.append(yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "examples" / "batches").glob("*.jsonl")):
        out += _jsonl(path)
    return out


def _rule_examples() -> list:
    out = []
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        for rule in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]:
            examples = rule.get("examples") or {}
            for example in [*examples.get("bad", []), *examples.get("good", [])]:
                if "payload" in example:
                    out.append(example["payload"])
                for payload in example.get("batch") or []:
                    out.append(payload)
    return out


def _titles() -> list[str]:
    """The development set's titles: the frozen sets are read by their evaluation only."""
    data = yaml.safe_load((ROOT / "tests" / "pii" / "dev_titles.yaml").read_text(encoding="utf-8"))
    return [entry["t"] for entry in data if isinstance(entry, dict) and isinstance(entry.get("t"), str)]


_FRONT_MATTER = (
    '---\nit:\n  cta_1:\n    text: "Clicca qui"\n    action: "iohandledlink://https://www.comune.it/pagamento/dettagli"\n'
    "---\n"
)
_MARKUP = (
    "\n\n#### Dettagli\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n~~vecchio~~ <b>nuovo</b> [](https://x.it) "
    "[sito](http://comune.it) [app](ftp://x.it) nota[^1]\n\n[^1]: Nota"
)


def _variants(base: list[dict]) -> list:
    """Each payload of ``base`` changed in one way a rule reports (cycling through the ways)."""

    def content(p):
        return p["content"]

    ways = [
        lambda p: p.pop("fiscal_code"),
        lambda p: p.update(fiscal_code=p["fiscal_code"].lower()),
        lambda p: p.update(fiscal_code=p["fiscal_code"][:15] + ("A" if p["fiscal_code"][15] != "A" else "B")),
        lambda p: p.update(fiscal_code=12345),
        lambda p: content(p).update(subject=content(p)["subject"].upper()),
        lambda p: content(p).update(subject="Comunicazione importante"),
        lambda p: content(p).update(subject="Comune di Reggio nell'Emilia: avviso"),
        lambda p: content(p).update(subject="Gentile utente, " + content(p)["subject"]),
        lambda p: content(p).update(markdown="Le ricordiamo che " + content(p)["markdown"] + " PagoPa e Pago PA."),
        lambda p: content(p).update(markdown=_FRONT_MATTER + content(p)["markdown"]),
        lambda p: content(p).update(markdown=content(p)["markdown"] + _MARKUP),
        lambda p: content(p).update(markdown=content(p)["markdown"] + " <!-- iolint: ignore[IO501] -->"),
        lambda p: content(p).update(subject="Avviso"),
        lambda p: content(p).update(markdown="Breve"),
        lambda p: content(p).update(markdown="x" * 10_001),
        lambda p: content(p).update(due_date="2025-06-01T00:00:00Z"),
        lambda p: content(p).update(due_date="2026-06-01T22:00:00"),
        lambda p: content(p).update(due_date="2026-06-01"),
        lambda p: content(p).update(due_date="2026-02-30T10:00:00Z"),
        lambda p: content(p).update(due_date=20260601),
        lambda p: content(p).update(due_date=None),
        lambda p: content(p).update(payment_data={"amount": 12.5, "notice_number": "302000000000000123"}),
        lambda p: content(p).update(payment_data={"amount": "100", "notice_number": 302000000000000123}),
        lambda p: content(p).update(payment_data={"amount": 45, "notice_number": "902000000000000123"}),
        lambda p: content(p).update(payment_data={"amount": 10**12, "notice_number": "30200000000000012"}),
        lambda p: content(p).update(
            payment_data={
                "amount": 9870,
                "notice_number": "302000000000000124",
                "invalid_after_due_date": True,
                "payee": {"fiscal_code": "01234567891"},
            }
        ),
        lambda p: content(p).update(third_party_data={"id": " ", "has_attachments": True}),
        lambda p: content(p).update(third_party_data={"id": "x", "configuration_id": "not-a-ulid"}),
        lambda p: p.update(feature_level_type="ADVANCED"),
        lambda p: p.update(time_to_live=3600, default_addresses={"email": "a@b.it"}),
        lambda p: content(p).update(eu_covid_cert={"auth_code": "x"}, prescription_data={}),
        lambda p: content(p).update(subjet="typo"),
        lambda p: p.update(contents={}),
        lambda p: content(p).update(subject=None),
        lambda p: content(p).update(markdown=42),
        lambda p: content(p).pop("subject"),
        lambda p: content(p).pop("markdown"),
        lambda p: p.update(content=[]),
        lambda p: content(p).update(require_secure_channels="yes"),
        lambda p: content(p).update(subject="Avviso \U0001f4b0 per te", markdown=content(p)["markdown"] + " 😀"),
    ]
    out = []
    for i, payload in enumerate(base):
        changed = copy.deepcopy(payload)
        ways[i % len(ways)](changed)
        out.append(changed)
    return out + [None, [], "text", 3, {}, {"content": None}, {"content": {}}]


def payloads(per_mix: int = 2000, titles: int | None = None) -> list:
    """Every payload of the corpus (dicts mostly; a few other JSON values, one JSON text); with
    ``titles``, only that many of the evaluation sets' titles, spread over them."""
    bench = _bench()
    unique, batch = bench.payloads(per_mix, "unique"), bench.payloads(per_mix, "batch")
    titles = _titles()[:: max(1, len(_titles()) // titles)] if titles else _titles()
    bodies = bench.payloads(len(titles), "unique", seed=7)
    with_titles = [p | {"content": p["content"] | {"subject": t}} for p, t in zip(bodies, titles, strict=True)]
    return [
        *unique,
        *batch,
        *_examples(),
        *_catalogue(),
        *_rule_examples(),
        *with_titles,
        *_variants(bench.payloads(min(per_mix, 800), "unique", seed=3)),
    ]


def _row(finding) -> list:
    return [
        finding.code,
        finding.field,
        finding.line,
        finding.column,
        finding.message,
        str(finding.severity),
        finding.fingerprint,
    ]


def snapshot(out, per_mix: int = 2000) -> int:
    """Write the findings of ``iolint.lint`` on the corpus to ``out``; returns how many payloads."""
    import iolint

    corpus = payloads(per_mix)
    for payload in corpus:
        rows = []
        for plan, features in (("base", None), ("premium", "read-status,attachments")):
            rows.append([_row(f) for f in iolint.lint(payload, now=NOW, plan=plan, features=features).findings])
        text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
        rows.append([_row(f) for f in iolint.lint(text, now=NOW).findings])
        out.write(json.dumps(rows, ensure_ascii=False) + "\n")
    return len(corpus)


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        print(snapshot(out, int(sys.argv[2]) if len(sys.argv) > 2 else 2000), "payloads")
