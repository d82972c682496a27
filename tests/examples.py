"""Running a rule's documented examples with only that rule selected."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from iolint import inputs
from iolint.config import Config
from iolint.engine import Linter
from iolint.loaders import Item

DEFAULT_NOW = datetime(2025, 1, 1, tzinfo=UTC)


def linter_for(rule, example: dict, packs=()) -> Linter:
    config = Config().replace(
        select=[rule.code],
        plan=example.get("plan", "base"),
        features=example.get("features", []),
        rules={rule.code: example["options"]} if "options" in example else None,
        rule_packs=[str(p) for p in packs] or None,
    )
    now = example.get("now")
    now = datetime.fromisoformat(now.replace("Z", "+00:00")) if now else DEFAULT_NOW
    return Linter(config, now=now)


def unmet(findings: list, expect: dict | None) -> str | None:
    """What of a bad example's ``expect`` its findings (of its rule only) do not meet, or None:
    ``count`` is their number; ``field``, ``line`` and ``column`` (those given) one of them points at."""
    if not expect:
        return None
    if "count" in expect and len(findings) != expect["count"]:
        return f"expected {expect['count']} findings, got {len(findings)}: {[(f.field, f.line, f.column) for f in findings]}"
    where = {key: expect[key] for key in ("field", "line", "column") if key in expect}
    if where and not any(all(getattr(f, key) == value for key, value in where.items()) for f in findings):
        return f"no finding points at {where}: {[(f.field, f.line, f.column) for f in findings]}"
    return None


def run_example(rule, example: dict, tmp_path: Path, packs=()) -> list:
    """The findings of ``rule`` on one example."""
    linter = linter_for(rule, example, packs)
    if "payload" in example:
        hits = linter.check_payload(example["payload"])
        return [linter.gate.finding(r, h) for r, h in hits]
    if "batch" in example:
        items = [Item(p, i + 1) for i, p in enumerate(example["batch"])]
        return list(linter.check_items(items, "batch.jsonl"))
    if "file" in example:
        spec = example["file"]
        path = tmp_path / spec["name"]
        if "bytes" in spec:
            path.write_bytes(bytes.fromhex(spec["bytes"]))
        else:
            path.write_text(spec["text"], encoding="utf-8")
        return list(inputs.check_file(linter, path, spec["name"]))
    if "template" in example:
        path = tmp_path / example.get("name", "example.io.yaml")
        path.write_text(example["template"], encoding="utf-8")
        return list(inputs.check_file(linter, path, path.name))
    if "project" in example:
        return run_project(rule, example, tmp_path)
    raise AssertionError(f"{rule.code}: an example needs payload, batch, file, template or project")


def run_project(rule, example: dict, tmp_path: Path) -> list:
    """Files (config included) checked as ``iolint check`` does, suppressions and baseline applied."""
    from iolint import config as cfg
    from iolint.baseline import Baseline
    from iolint.pipeline import Pipeline

    for name, text in example["project"].items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    config = cfg.load(start=tmp_path).replace(select=[rule.code, *example.get("select", [])])
    baseline = Baseline(tmp_path / config.baseline, config.baseline) if config.baseline else None
    pipeline = Pipeline(config, now=DEFAULT_NOW, baseline=baseline)
    findings = [f for _, found in pipeline.run([tmp_path]) for f in found]
    return findings + list(pipeline.leftovers(unused=True))
