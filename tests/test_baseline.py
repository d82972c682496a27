"""Baselines: accepted findings keyed by rule, file, field and value hash; never lines, never values."""

from __future__ import annotations

import json

CF = "RSSMRA85T10A562S"
NOW = "2025-01-01T00:00:00Z"
BODY = "Hai un avviso di pagamento per la TARI 2025. Puoi pagare direttamente in app con il pulsante Paga entro la scadenza."
PAYLOAD = {
    "fiscal_code": CF,
    "content": {
        "subject": f"Avviso TARI per {CF}",
        "markdown": BODY,
        "payment_data": {"amount": 123.5, "notice_number": "302123456789012356"},
    },
}


def run(run_cli, tmp_path, *args):
    return run_cli(*args, "--now", NOW, "--no-cache", "--select", "IO201,IO501,IO905", cwd=tmp_path)


def findings(run_cli, tmp_path, *args):
    code, out, err = run(run_cli, tmp_path, "check", "--format", "json", *args)
    assert code in (0, 1), err
    return code, sorted((f["code"], f["file"]) for f in json.loads(out))


def test_baseline_accepts_findings_that_move(run_cli, tmp_path):
    path = tmp_path / "payloads" / "tari.json"
    path.parent.mkdir()
    path.write_text(json.dumps(PAYLOAD, indent=2), "utf-8")
    code, _, err = run(run_cli, tmp_path, "baseline", "iolint-baseline.json")
    assert code == 0 and "accepts 2 finding(s) in 1 file(s)" in err
    assert findings(run_cli, tmp_path, "--baseline", "iolint-baseline.json") == (0, [])
    # Lines inserted above, keys reordered: the same findings, still accepted.
    moved = {"time_to_live": 3600, **PAYLOAD}
    path.write_text("\n\n\n" + json.dumps(moved, indent=4), "utf-8")
    assert findings(run_cli, tmp_path, "--baseline", "iolint-baseline.json") == (0, [])
    # ... also from a subfolder, and named in the config.
    (tmp_path / "pyproject.toml").write_text('[tool.iolint]\nbaseline = "iolint-baseline.json"\n', "utf-8")
    code, out, _ = run_cli("check", "--now", NOW, "--no-cache", "--select", "IO201,IO501", "tari.json", cwd=path.parent)
    assert code == 0 and "2 more accepted by the baseline" in out


def test_a_new_value_is_a_new_finding_and_a_fixed_one_is_stale(run_cli, tmp_path):
    (tmp_path / "tari.json").write_text(json.dumps(PAYLOAD, indent=2), "utf-8")
    run(run_cli, tmp_path, "baseline", "iolint-baseline.json")
    fixed = {**PAYLOAD, "content": {**PAYLOAD["content"], "payment_data": {"amount": 12351.5, "notice_number": "302123456789012356"}}}
    fixed["content"]["subject"] = "Hai un nuovo avviso di pagamento"
    (tmp_path / "tari.json").write_text(json.dumps(fixed, indent=2), "utf-8")
    code, found = findings(run_cli, tmp_path, "--baseline", "iolint-baseline.json")
    assert found == [("IO201", "tari.json"), ("IO905", "iolint-baseline.json"), ("IO905", "iolint-baseline.json")]
    assert code == 1  # the new IO201; stale entries are info


def test_stale_entries_only_for_checked_files(run_cli, tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    (tmp_path / "b.json").write_text(json.dumps(PAYLOAD), "utf-8")
    run(run_cli, tmp_path, "baseline", "iolint-baseline.json")
    (tmp_path / "a.json").write_text(json.dumps({**PAYLOAD, "content": {"subject": "Hai un nuovo avviso di pagamento", "markdown": BODY}}), "utf-8")
    assert findings(run_cli, tmp_path, "--baseline", "iolint-baseline.json", "b.json") == (0, [])
    assert findings(run_cli, tmp_path, "--baseline", "iolint-baseline.json", "a.json")[1] == [("IO905", "iolint-baseline.json")] * 2


def test_baseline_holds_no_personal_value(run_cli, tmp_path):
    (tmp_path / "tari.json").write_text(json.dumps(PAYLOAD), "utf-8")
    run(run_cli, tmp_path, "baseline", "iolint-baseline.json")
    text = (tmp_path / "iolint-baseline.json").read_text("utf-8")
    assert CF not in text and "123.5" not in text and '"line"' not in text
    data = json.loads(text)
    assert data["version"] == 1
    assert {tuple(sorted(e)) for e in data["entries"]} == {("code", "count", "field", "file", "fingerprint")}
    assert sorted(e["code"] for e in data["entries"]) == ["IO201", "IO501"]


def test_writing_a_baseline_never_fails_and_counts_repeats(run_cli, tmp_path):
    (tmp_path / "batch.jsonl").write_text((json.dumps(PAYLOAD) + "\n") * 3, "utf-8")
    code, _, _ = run(run_cli, tmp_path, "baseline", "b.json")
    assert code == 0
    entries = json.loads((tmp_path / "b.json").read_text("utf-8"))["entries"]
    assert sorted((e["code"], e["count"]) for e in entries) == [("IO201", 3), ("IO501", 3)]


def test_a_bad_baseline_is_a_usage_error(run_cli, tmp_path):
    (tmp_path / "b.json").write_text("[]", "utf-8")
    code, _, err = run(run_cli, tmp_path, "check", "--baseline", "b.json")
    assert code == 2 and "not an iolint baseline" in err
    code, _, err = run(run_cli, tmp_path, "check", "--baseline", "missing.json")
    assert code == 2 and "cannot read the baseline" in err
