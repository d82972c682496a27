"""Baselines: accepted findings keyed by rule, file, field and value hash; never lines, never values."""

from __future__ import annotations

import json

import pytest

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
    fixed = {
        **PAYLOAD,
        "content": {**PAYLOAD["content"], "payment_data": {"amount": 12351.5, "notice_number": "302123456789012356"}},
    }
    fixed["content"]["subject"] = "Hai un nuovo avviso di pagamento"
    (tmp_path / "tari.json").write_text(json.dumps(fixed, indent=2), "utf-8")
    code, found = findings(run_cli, tmp_path, "--baseline", "iolint-baseline.json")
    assert found == [("IO201", "tari.json"), ("IO905", "iolint-baseline.json"), ("IO905", "iolint-baseline.json")]
    assert code == 1  # the new IO201; stale entries are info


def test_stale_entries_only_for_checked_files(run_cli, tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    (tmp_path / "b.json").write_text(json.dumps(PAYLOAD), "utf-8")
    run(run_cli, tmp_path, "baseline", "iolint-baseline.json")
    (tmp_path / "a.json").write_text(
        json.dumps({**PAYLOAD, "content": {"subject": "Hai un nuovo avviso di pagamento", "markdown": BODY}}), "utf-8"
    )
    assert findings(run_cli, tmp_path, "--baseline", "iolint-baseline.json", "b.json") == (0, [])
    assert (
        findings(run_cli, tmp_path, "--baseline", "iolint-baseline.json", "a.json")[1]
        == [("IO905", "iolint-baseline.json")] * 2
    )


def test_baseline_holds_no_personal_value(run_cli, tmp_path):
    (tmp_path / "tari.json").write_text(json.dumps(PAYLOAD), "utf-8")
    run(run_cli, tmp_path, "baseline", "iolint-baseline.json")
    text = (tmp_path / "iolint-baseline.json").read_text("utf-8")
    assert CF not in text and "123.5" not in text and '"line"' not in text
    data = json.loads(text)
    assert data["version"] == 2 and data["key"]  # 2: fingerprints keyed with the project's secret
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


# -- fingerprints cannot be reversed (issue 10, class 3) ----------------------------------------

PHONE = "333 1234567"
PHONE_PAYLOAD = {**PAYLOAD, "content": {**PAYLOAD["content"], "subject": f"Chiama il {PHONE} per il rimborso"}}


def _entries(path):
    return json.loads(path.read_text("utf-8"))["entries"]


def test_a_fingerprint_cannot_be_reversed_by_hashing_candidates(run_cli, tmp_path):
    from iolint.gate import fingerprint

    (tmp_path / "tari.json").write_text(json.dumps(PHONE_PAYLOAD), "utf-8")
    run(run_cli, tmp_path, "baseline", "iolint-baseline.json")
    (entry,) = [e for e in _entries(tmp_path / "iolint-baseline.json") if e["code"] == "IO501"]
    # Every Italian mobile number of this shape, the right one included: none hashes to the entry.
    candidates = [f"333 {n:07d}" for n in range(1234000, 1235000)]
    assert PHONE in candidates
    for key in (None, b""):
        guesses = {fingerprint("IO501", entry["field"], c, key) for c in candidates}
        assert entry["fingerprint"] not in guesses
    assert entry["fingerprint"] not in {fingerprint("IO501", entry["field"], c) for c in (PHONE, f"Chiama il {PHONE}")}


def test_the_secret_is_kept_outside_the_baseline_in_a_folder_git_ignores(run_cli, tmp_path):
    (tmp_path / "tari.json").write_text(json.dumps(PHONE_PAYLOAD), "utf-8")
    code, _, err = run(run_cli, tmp_path, "baseline", "iolint-baseline.json")
    assert code == 0 and ".iolint-secret/key" in err and "IOLINT_BASELINE_SECRET" in err
    secret = (tmp_path / ".iolint-secret" / "key").read_text("utf-8").strip()
    assert len(secret) == 64
    assert (tmp_path / ".iolint-secret" / ".gitignore").read_text("utf-8").splitlines()[-1] == "*"
    assert secret not in (tmp_path / "iolint-baseline.json").read_text("utf-8")
    # The second baseline reuses the secret: the same findings, the same fingerprints.
    first = _entries(tmp_path / "iolint-baseline.json")
    code, _, err = run(run_cli, tmp_path, "baseline", "iolint-baseline.json")
    assert code == 0 and "created" not in err
    assert _entries(tmp_path / "iolint-baseline.json") == first


def test_creating_the_secret_writes_through_no_link(run_cli, tmp_path):
    """A repository holding .iolint-secret/.gitignore as a link to another file had that file
    overwritten, and the key it then created was not ignored by git."""
    victim = tmp_path / "elsewhere.txt"
    victim.write_text("precious", "utf-8")
    work = tmp_path / "repo"
    (work / ".iolint-secret").mkdir(parents=True)
    (work / ".iolint-secret" / ".gitignore").symlink_to(victim)
    (work / "tari.json").write_text(json.dumps(PHONE_PAYLOAD), "utf-8")
    code, _, err = run(run_cli, work, "baseline", "iolint-baseline.json")
    assert code == 0, err
    assert victim.read_text("utf-8") == "precious"
    ignore = work / ".iolint-secret" / ".gitignore"
    assert not ignore.is_symlink() and ignore.read_text("utf-8").splitlines()[-1] == "*"
    assert not list((work / ".iolint-secret").glob("*.tmp"))


def test_a_secret_that_cannot_be_written_leaves_nothing_behind(tmp_path, monkeypatch):
    """A full disk while creating the secret left its .gitignore's temporary file, or an empty
    key that stopped every later run ("shorter than 16 characters") until deleted by hand."""
    from iolint import secret
    from iolint.config import ConfigError

    def full(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(secret.secrets, "token_hex", full)  # fails while the key is being written
    with pytest.raises(ConfigError, match="No space left on device"):
        secret.create(tmp_path)
    assert [p.name for p in (tmp_path / ".iolint-secret").iterdir()] == [".gitignore"]
    monkeypatch.undo()
    assert secret.load(tmp_path / "elsewhere") is None and len(secret.load(secret.create(tmp_path).parents[1])) == 64

    (tmp_path / "other").mkdir()
    monkeypatch.setattr(secret.os, "replace", full)  # fails once the .gitignore is written beside
    with pytest.raises(ConfigError, match="No space left on device"):
        secret.create(tmp_path / "other")
    assert list((tmp_path / "other" / ".iolint-secret").iterdir()) == []


def test_the_secret_from_the_environment_and_a_run_without_it(run_cli, tmp_path, monkeypatch):
    (tmp_path / "tari.json").write_text(json.dumps(PHONE_PAYLOAD), "utf-8")
    monkeypatch.setenv("IOLINT_BASELINE_SECRET", "a-secret-of-the-ci-that-is-long-enough")
    code, _, err = run(run_cli, tmp_path, "baseline", "iolint-baseline.json")
    assert code == 0 and not (tmp_path / ".iolint-secret").exists()
    assert findings(run_cli, tmp_path, "--baseline", "iolint-baseline.json") == (0, [])
    monkeypatch.setenv("IOLINT_BASELINE_SECRET", "another-secret-which-is-also-long")
    code, _, err = run(run_cli, tmp_path, "check", "--baseline", "iolint-baseline.json")
    assert code == 2 and "another secret" in err and "IOLINT_BASELINE_SECRET" in err
    monkeypatch.delenv("IOLINT_BASELINE_SECRET")
    code, _, err = run(run_cli, tmp_path, "check", "--baseline", "iolint-baseline.json")
    assert code == 2 and "which this run does not have" in err and "Traceback" not in err
    monkeypatch.setenv("IOLINT_BASELINE_SECRET", "short")
    code, _, err = run(run_cli, tmp_path, "check", "tari.json")
    assert code == 2 and "shorter than 16 characters" in err


def test_without_a_secret_output_fingerprints_leave_the_value_out(run_cli, tmp_path):
    other = {
        **PHONE_PAYLOAD,
        "content": {**PHONE_PAYLOAD["content"], "subject": "Chiama il 347 7654321 per il rimborso"},
    }
    (tmp_path / "batch.jsonl").write_text(json.dumps(PHONE_PAYLOAD) + "\n" + json.dumps(other) + "\n", "utf-8")
    code, out, _ = run(run_cli, tmp_path, "check", "--format", "json", "batch.jsonl")
    prints = {f["fingerprint"] for f in json.loads(out) if f["code"] == "IO501"}
    assert len(prints) == 1  # rule and field only: nothing to hash candidates against
    run(run_cli, tmp_path, "baseline", "iolint-baseline.json")  # creates the secret
    code, out, _ = run(run_cli, tmp_path, "check", "--format", "json", "batch.jsonl")
    keyed = {f["fingerprint"] for f in json.loads(out) if f["code"] == "IO501"}
    assert len(keyed) == 2 and not keyed & prints


def test_a_version_1_baseline_still_works_and_says_to_rewrite_it(run_cli, tmp_path):
    (tmp_path / "tari.json").write_text(json.dumps(PAYLOAD), "utf-8")
    old = {
        "version": 1,
        "tool": "iolint 0.1.0",
        "entries": [
            {
                "code": "IO201",
                "file": "tari.json",
                "field": "content.payment_data.amount",
                "fingerprint": "0123456789abcdef0123",
                "count": 1,
            },
            {
                "code": "IO501",
                "file": "tari.json",
                "field": "content.subject",
                "fingerprint": "fedcba9876543210fedc",
                "count": 1,
            },
        ],
    }
    (tmp_path / "old.json").write_text(json.dumps(old), "utf-8")
    code, out, err = run(run_cli, tmp_path, "check", "--format", "json", "--baseline", "old.json")
    assert (code, json.loads(out)) == (0, [])
    assert "version 1 baseline" in err and "iolint baseline old.json" in err


# -- a malformed baseline is a clear usage error (issue 10, class 12) ---------------------------

GOOD_ENTRY = {
    "code": "IO201",
    "file": "tari.json",
    "field": "content.payment_data.amount",
    "fingerprint": "ab",
    "count": 1,
}


def _baseline_text(**entry) -> str:
    return json.dumps({"version": 1, "tool": "iolint", "entries": [GOOD_ENTRY, {**GOOD_ENTRY, **entry}]})


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (
            _baseline_text(count=1).replace('"count": 1}]', '"count": 1e400}]'),
            "entry 2: `count` must be a whole number",
        ),
        (_baseline_text(count=-3), "entry 2: `count`"),
        (_baseline_text(count=0), "entry 2: `count`"),
        (_baseline_text(count=True), "entry 2: `count`"),
        (_baseline_text(count="2"), "entry 2: `count`"),
        (_baseline_text(count=2.5), "entry 2: `count`"),
        (_baseline_text(code=["IO201"]), "entry 2: `code` must be text"),
        (_baseline_text(fingerprint={"a": 1}), "entry 2: `fingerprint` must be text"),
        (_baseline_text(field=7), "entry 2: `field` must be text or null"),
        (_baseline_text(count=1).replace('"count": 1}]', '"count": NaN}]'), "NaN is not a number JSON allows"),
        (_baseline_text(count=1).replace('"count": 1}]', '"count": ' + "9" * 5000 + "}]"), "not an iolint baseline"),
        (json.dumps({"version": 1, "entries": [GOOD_ENTRY, "IO201"]}), "entry 2: is not an object"),
        (json.dumps({"version": 1, "entries": {"a": GOOD_ENTRY}}), "no list of `entries`"),
        (json.dumps({"version": 99, "entries": []}), "baseline version 99"),
        (json.dumps({"version": True, "entries": []}), "baseline version"),
        ("[" * 100_000 + "]" * 100_000, "not an iolint baseline"),
        ('{"version": 1, "entries": [', "not an iolint baseline"),
        ("\xff\xfe", "not an iolint baseline"),
        ("", "not an iolint baseline"),
    ],
)
def test_a_malformed_baseline_is_a_usage_error_with_a_clear_message(run_cli, tmp_path, text, says):
    (tmp_path / "tari.json").write_text(json.dumps(PAYLOAD), "utf-8")
    (tmp_path / "b.json").write_bytes(text.encode("latin-1") if text == "\xff\xfe" else text.encode())
    code, out, err = run(run_cli, tmp_path, "check", "--baseline", "b.json")
    assert code == 2, out + err
    assert "b.json" in err and says in err, err
    assert "internal error" not in err and "Traceback" not in err


def test_a_huge_baseline_is_refused_unread(run_cli, tmp_path, monkeypatch):
    monkeypatch.setattr("iolint.baseline.MAX_BYTES", 1000)
    (tmp_path / "b.json").write_text(json.dumps({"version": 1, "entries": [GOOD_ENTRY] * 100}), "utf-8")
    code, _, err = run(run_cli, tmp_path, "check", "--baseline", "b.json", "b.json")
    assert code == 2 and "over 1,000 bytes" in err


SIDECARS = {  # text -> what becomes of the IO201 finding of tari.json
    "a non-scalar key": ("- {[a]: b, file: '*.json', code: IO201, reason: accepted here}\n", "suppressed"),
    "a python tag": (
        "- {file: '*.json', code: !!python/object:os.system IO201, reason: accepted here}\n",
        "suppressed",
    ),
    "deep nesting": ("- " + "[" * 5000 + "]" * 5000 + "\n", "IO904"),
    "an expiry of 1e400": ("- {file: '*.json', code: IO201, reason: accepted here, until: 1e400}\n", "IO904"),
    "a list of codes": ("- {file: '*.json', code: [IO201], reason: accepted here}\n", "IO904"),
    "a recursive alias": ("- &a [*a]\n", "IO904"),
    "a mapping": ("file: '*.json'\ncode: IO201\n", "IO904"),
    "not YAML": ("- {file: '*.json', code: IO201, reason: [\n", "IO904"),
    "binary": ("\x00\x01\x02", "IO904"),
    "a tab": ("- {file: '*.json',\tcode: IO201}\n\t- x\n", "IO904"),
}


@pytest.mark.parametrize(("text", "expected"), SIDECARS.values(), ids=SIDECARS)
def test_a_malformed_suppressions_file_is_a_finding_never_a_traceback(run_cli, tmp_path, text, expected):
    (tmp_path / "tari.json").write_text(json.dumps(PAYLOAD), "utf-8")
    (tmp_path / "iolint-suppressions.yaml").write_text(text, "utf-8")
    code, out, err = run_cli(
        "check", "--format", "json", "--no-cache", "--now", NOW, "--select", "IO201,IO9", cwd=tmp_path
    )
    assert code in (0, 1), err
    assert "internal error" not in err and "Traceback" not in err
    codes = {f["code"] for f in json.loads(out)}
    if expected == "suppressed":
        assert "IO201" not in codes and "IO904" not in codes
    else:
        assert {"IO201", "IO904"} <= codes


# -- a mistyped path never rewrites a baseline ----------------------------------------------------


@pytest.mark.parametrize(
    "named, says",
    [
        (["typo.json"], "typo.json: No such file or directory"),
        (["tari.json", "typo.json"], "typo.json: No such file or directory"),
        (["tari.json", "empty"], "empty: nothing to check in this folder"),
    ],
)
def test_a_missing_path_or_an_empty_folder_named_leaves_the_baseline_untouched(run_cli, tmp_path, named, says):
    (tmp_path / "tari.json").write_text(json.dumps(PAYLOAD), "utf-8")
    (tmp_path / "empty").mkdir()
    code, _, err = run(run_cli, tmp_path, "baseline", "iolint-baseline.json", "tari.json")
    assert code == 0, err
    before = (tmp_path / "iolint-baseline.json").read_bytes()
    code, _, err = run(run_cli, tmp_path, "baseline", "iolint-baseline.json", *named)
    assert code == 2 and says in err
    assert "iolint-baseline.json not written" in err and "accepts" not in err
    assert (tmp_path / "iolint-baseline.json").read_bytes() == before
    code, _, err = run(run_cli, tmp_path, "baseline", "new-baseline.json", *named)
    assert code == 2 and not (tmp_path / "new-baseline.json").exists()


def test_a_payload_given_as_baseline_is_not_said_to_be_one_to_write(run_cli, tmp_path):
    (tmp_path / "tari.json").write_text(json.dumps(PAYLOAD), "utf-8")
    code, _, err = run(run_cli, tmp_path, "check", "tari.json", "--baseline", "tari.json")
    assert code == 2 and "tari.json is not an iolint baseline" in err
    assert "iolint baseline tari.json" not in err
    assert "iolint baseline iolint-baseline.json" in err
