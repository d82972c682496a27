"""The cache: an unchanged file is not checked again; any change to file or settings is."""

from __future__ import annotations

import json

import pytest

from iolint import inputs

CF = "RSSMRA85T10A562S"
NOW = "2025-01-01T00:00:00Z"
BODY = "Hai un avviso di pagamento per la TARI 2025. Puoi pagare direttamente in app con il pulsante Paga entro la scadenza."
PAYLOAD = {
    "fiscal_code": CF,
    "content": {
        "subject": f"Avviso per {CF}",
        "markdown": BODY,
        "payment_data": {"amount": 123.5, "notice_number": "302123456789012356"},
    },
}


@pytest.fixture
def calls(monkeypatch):
    """How many files the engine checked."""
    seen = []
    real = inputs.check_file

    def counted(linter, path, display, **kw):
        seen.append(display)
        return real(linter, path, display, **kw)

    monkeypatch.setattr(inputs, "check_file", counted)
    return seen


def check(run_cli, tmp_path, *args):
    return run_cli("check", "--now", NOW, "--format", "json", *args, cwd=tmp_path)


def test_second_run_reads_the_cache(run_cli, tmp_path, calls):
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    (tmp_path / "b.json").write_text(json.dumps({**PAYLOAD, "time_to_live": 3600}), "utf-8")
    first = check(run_cli, tmp_path)
    assert sorted(calls) == ["a.json", "b.json"]
    assert (tmp_path / ".iolint_cache" / "CACHEDIR.TAG").is_file()
    calls.clear()
    assert check(run_cli, tmp_path) == first
    assert calls == []
    (tmp_path / "b.json").write_text(json.dumps(PAYLOAD), "utf-8")
    check(run_cli, tmp_path)
    assert calls == ["b.json"]


def test_a_cached_run_does_not_load_the_engine(tmp_path, python):
    import subprocess

    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    probe = (
        "import sys; from iolint.cli import main; code = main(['check', '--now', '%s', '-o', 'out.txt']);"
        "print(code, *sorted(m for m in sys.modules if m in ('iolint.engine', 'presidio_analyzer', 'iolint.checks')))"
    ) % NOW
    runs = [subprocess.run([python, "-c", probe], cwd=tmp_path, capture_output=True, text=True) for _ in range(2)]
    # The payload's personal data is found by iolint's own detectors: presidio is not loaded.
    assert runs[0].stdout.split() == ["1", "iolint.checks", "iolint.engine"]
    assert runs[1].stdout.split() == ["1"], runs[1].stderr


def test_a_cached_text_report_shows_the_same_masked_excerpts_without_the_finders(tmp_path, python):
    """The text report shows each finding's source line masked; a cached run found the masks
    again by loading the personal-data finders, most of its time (0.49 s of 200 files against
    0.67 s checking them). The entry now keeps them (digests of the text, never the text)."""
    import subprocess

    body = "Chiama il 333 123 4567 o scrivi a mario.rossi@example.com. "
    payload = {**PAYLOAD, "content": {**PAYLOAD["content"], "markdown": body + BODY}}
    (tmp_path / "a.json").write_text(json.dumps(payload, indent=2), "utf-8")
    (tmp_path / "b.json").write_text(json.dumps({**payload, "time_to_live": 10}, indent=2), "utf-8")
    probe = (
        "import sys; from iolint.cli import main; code = main(['check', '--now', '%s', '-o', 'out.txt']);"
        "print(code, 'iolint.pii.finders' in sys.modules)"
    ) % NOW
    runs, reports = [], []
    for _ in range(2):
        runs.append(subprocess.run([python, "-c", probe], cwd=tmp_path, capture_output=True, text=True).stdout.split())
        reports.append((tmp_path / "out.txt").read_text("utf-8"))
    assert runs == [["1", "True"], ["1", "False"]]
    assert reports[0] == reports[1]
    shown = [line for line in reports[0].splitlines() if line.lstrip().startswith("5 | ")]
    assert shown and "Chiama il ***" in shown[0] and "4567" not in reports[0] and "mario.rossi" not in reports[0]
    assert all(CF not in e.read_text("utf-8") for e in (tmp_path / ".iolint_cache").rglob("*.json"))


def test_settings_are_part_of_the_key(run_cli, tmp_path, calls):
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    check(run_cli, tmp_path)
    check(run_cli, tmp_path, "--select", "IO201")
    check(run_cli, tmp_path, "--plan", "premium")
    run_cli("check", "--now", "2031-01-01T00:00:00Z", cwd=tmp_path)
    assert calls == ["a.json"] * 4


RECOGNIZER = """
from presidio_analyzer import Pattern, PatternRecognizer

badge = PatternRecognizer(
    supported_entity="PERSON", supported_language="it", patterns=[Pattern("badge", r"%s", 0.9)]
)
"""


def test_the_code_of_the_teams_recognizers_is_part_of_the_key(run_cli, tmp_path, calls, monkeypatch):
    """The settings name a recognizer by module; editing the module changed nothing in the key,
    and the cache went on answering with what the old code found."""
    import sys

    monkeypatch.syspath_prepend(str(tmp_path))
    module = tmp_path / "cache_badges.py"
    module.write_text(RECOGNIZER % r"\bMATR-\d{6}\b", "utf-8")
    (tmp_path / "iolint.toml").write_text('[pii]\nrecognizers = ["cache_badges:badge"]\n', "utf-8")
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    check(run_cli, tmp_path, "a.json")
    module.write_text(RECOGNIZER % r"\bTARI \d{4}\b", "utf-8")
    sys.modules.pop("cache_badges", None)
    check(run_cli, tmp_path, "a.json")
    sys.modules.pop("cache_badges", None)
    assert calls == ["a.json"] * 2


def test_an_upgraded_library_is_part_of_the_key(run_cli, tmp_path, calls, monkeypatch):
    """Findings depend on libraries (markdown-it-py parses bodies, Faker's names are detected);
    upgrading one left the key as it was, and the cache answered with the old library's findings."""
    from iolint import cache

    library = tmp_path / "lib" / "cache_library"
    library.mkdir(parents=True)
    (library / "__init__.py").write_text("VERSION = 1\n", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "lib"))
    monkeypatch.setattr(cache, "DEPENDENCIES", (*cache.DEPENDENCIES, "cache_library"))
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    check(run_cli, tmp_path, "a.json")
    check(run_cli, tmp_path, "a.json")
    (library / "__init__.py").write_text("VERSION = 22\n", "utf-8")  # as pip rewrites it
    check(run_cli, tmp_path, "a.json")
    assert calls == ["a.json"] * 2


def test_no_cache_and_show_values_leave_no_cache(run_cli, tmp_path, calls):
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    check(run_cli, tmp_path, "--no-cache")
    check(run_cli, tmp_path, "--show-values")
    assert not (tmp_path / ".iolint_cache").exists()
    assert calls == ["a.json"] * 2


def test_the_cache_holds_masked_findings_only(run_cli, tmp_path):
    (tmp_path / "iolint.toml").write_text('cache-dir = "build/lint-cache"\n', "utf-8")
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    check(run_cli, tmp_path)
    entries = list((tmp_path / "build" / "lint-cache").rglob("*.json"))
    assert entries
    assert all(CF not in e.read_text("utf-8") for e in entries)


# -- the cache cannot serve stale or forged results (issue 10, class 4) ------------------------

TEMPLATE_OLD = (
    'subject: Il tuo avviso è pronto\nmarkdown: "Hai un avviso di pagamento per la TARI. Puoi pagare in app con il '
    'pulsante Paga, entro la scadenza indicata."\n'
)
FILES = {  # name -> (content hashed, content the file has by the time it would be read again)
    "a.json": (json.dumps(PAYLOAD), json.dumps({**PAYLOAD, "time_to_live": 3600})),
    "a.jsonl": (json.dumps(PAYLOAD) + "\n", json.dumps({**PAYLOAD, "time_to_live": 3600}) + "\n"),
    "a.io.yaml": (TEMPLATE_OLD, TEMPLATE_OLD.replace("Il tuo avviso", "AVVISO").replace("Hai un", "~~Hai~~ un")),
}


def _codes(out: str) -> list:
    return sorted((f["file"], f["line"], f["code"], f["message"]) for f in json.loads(out))


@pytest.mark.parametrize("name", FILES)
def test_what_is_checked_is_exactly_what_was_hashed(run_cli, tmp_path, monkeypatch, name):
    from iolint.cache import Cache

    old, new = FILES[name]
    path = tmp_path / name
    path.write_text(old, "utf-8")
    expected = _codes(check(run_cli, tmp_path, "--no-cache")[1])
    real = Cache.key

    def hashed_then_edited(self, display, explicit, data):
        key = real(self, display, explicit, data)
        path.write_text(new, "utf-8")  # the file changes once its bytes are read and hashed
        return key

    monkeypatch.setattr(Cache, "key", hashed_then_edited)
    assert _codes(check(run_cli, tmp_path)[1]) == expected
    monkeypatch.setattr(Cache, "key", real)
    path.write_text(old, "utf-8")
    assert _codes(check(run_cli, tmp_path)[1]) == expected  # served from the cache: the old bytes' findings
    path.write_text(new, "utf-8")
    assert _codes(check(run_cli, tmp_path)[1]) != expected


def _entry(tmp_path):
    (entry,) = (tmp_path / ".iolint_cache").rglob("*.json")
    return entry


def _other_entry_text(tmp_path, run_cli):
    other = tmp_path.parent / f"{tmp_path.name}-other"
    other.mkdir()
    (other / "a.json").write_text(json.dumps({**PAYLOAD, "time_to_live": 3600}), "utf-8")
    check(run_cli, other)
    return _entry(other).read_text("utf-8")


TAMPERING = {
    "truncated": lambda text, other: text[: len(text) // 2],
    "empty": lambda text, other: "",
    "not JSON": lambda text, other: "\x00\xff garbage",
    "a list of findings (no seal)": lambda text, other: json.dumps(json.loads(text)["findings"]),
    "a finding removed": lambda text, other: json.dumps(
        {**json.loads(text), "findings": json.loads(text)["findings"][1:]}
    ),
    "a message edited": lambda text, other: text.replace("cents", "dollars"),
    "masks of excerpts forged": lambda text, other: json.dumps({**json.loads(text), "masks": {"0" * 32: [[0, 1]]}}),
    "all findings removed, seal recomputed without the key": lambda text, other: json.dumps(
        {**json.loads(text), "findings": [], "mac": __import__("hashlib").sha256(b"[]").hexdigest()}
    ),
    "foreign: another file's entry": lambda text, other: other,
    "wrong types": lambda text, other: text.replace('"line": 1', '"line": "1"'),
    "deeply nested": lambda text, other: "[" * 100_000,
    "a huge number": lambda text, other: "1" * 10_000,
}


@pytest.mark.parametrize("tamper", TAMPERING.values(), ids=TAMPERING)
def test_a_damaged_or_forged_entry_is_ignored_and_rewritten(run_cli, tmp_path, calls, tamper):
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    code, first, err = check(run_cli, tmp_path)
    entry = _entry(tmp_path)
    other = _other_entry_text(tmp_path, run_cli)
    calls.clear()
    entry.write_text(tamper(entry.read_text("utf-8"), other), "utf-8")
    assert check(run_cli, tmp_path) == (code, first, err)
    assert calls == ["a.json"]  # checked again, not trusted
    calls.clear()
    assert check(run_cli, tmp_path) == (code, first, err)
    assert calls == []  # the entry was rewritten


def test_an_entry_that_is_a_folder_or_a_cache_that_is_a_file(run_cli, tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    expected = check(run_cli, tmp_path, "--no-cache")
    check(run_cli, tmp_path)
    entry = _entry(tmp_path)
    entry.unlink()
    entry.mkdir()
    assert check(run_cli, tmp_path) == expected
    (tmp_path / "not-a-folder").write_text("x", "utf-8")
    assert check(run_cli, tmp_path, "--cache-dir", "not-a-folder") == expected


def test_the_cache_writes_through_no_link_in_its_folder(run_cli, tmp_path):
    """A repository (or a restored CI cache) holding .iolint_cache/.gitignore as a link to
    another file had that file overwritten with the cache's two lines."""
    victim = tmp_path / "elsewhere.txt"
    victim.write_text("precious", "utf-8")
    work = tmp_path / "repo"
    (work / ".iolint_cache").mkdir(parents=True)
    (work / ".iolint_cache" / ".gitignore").symlink_to(victim)
    (work / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    expected = check(run_cli, work, "--no-cache")
    assert check(run_cli, work) == expected
    assert victim.read_text("utf-8") == "precious"
    assert (work / ".iolint_cache" / "CACHEDIR.TAG").is_file()
    assert check(run_cli, work) == expected


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_an_entry_that_is_a_fifo_or_a_device_is_ignored(run_cli, tmp_path, python, special):
    """A FIFO planted as an entry blocked the run for ever in open()."""
    import os
    import subprocess

    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    expected = check(run_cli, tmp_path, "--no-cache")
    check(run_cli, tmp_path)
    entry = _entry(tmp_path)
    entry.unlink()
    os.mkfifo(entry) if special == "fifo" else entry.symlink_to(special)
    argv = [python, "-m", "iolint", "check", "--now", NOW, "--format", "json"]
    done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == expected[:2], done.stderr


def test_concurrent_runs_on_one_cache(tmp_path, python):
    import subprocess

    for i in range(40):
        payload = {
            **PAYLOAD,
            "content": {
                **PAYLOAD["content"],
                "payment_data": {"amount": 100 + i + 0.5, "notice_number": "302123456789012356"},
            },
        }
        (tmp_path / f"p{i:02d}.json").write_text(json.dumps(payload), "utf-8")
    argv = [python, "-m", "iolint", "check", "--now", NOW, "--format", "json", "."]
    expected = subprocess.run([*argv, "--no-cache"], cwd=tmp_path, capture_output=True, text=True)
    runs = [
        subprocess.Popen(argv, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in runs]
    for code, out, err in results:
        assert (code, out) == (expected.returncode, expected.stdout), err
        assert "internal error" not in err
    assert not list((tmp_path / ".iolint_cache").rglob("*.tmp"))
    again = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True)
    assert (again.returncode, again.stdout) == (expected.returncode, expected.stdout)


def test_a_new_secret_invalidates_the_cache(run_cli, tmp_path, calls, monkeypatch):
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    check(run_cli, tmp_path)
    monkeypatch.setenv("IOLINT_BASELINE_SECRET", "a-secret-of-the-ci-that-is-long-enough")
    check(run_cli, tmp_path)
    check(run_cli, tmp_path)
    assert calls == ["a.json"] * 2


def test_an_entry_holds_until_a_due_date_in_it_passes(run_cli, tmp_path, calls, monkeypatch):
    """Without --now, IO304 compares with the exact time: an entry made before a due date is a
    miss once the due date has passed, and one naming the minute ("now: HH:MM") after that minute."""
    from datetime import UTC, datetime, timedelta

    from iolint import clock

    start = datetime(2026, 3, 10, 10, 0, 0, tzinfo=UTC)
    due = (start + timedelta(seconds=50)).strftime("%Y-%m-%dT%H:%M:%SZ")
    payload = {**PAYLOAD, "content": {**PAYLOAD["content"], "due_date": due}}
    (tmp_path / "a.json").write_text(json.dumps(payload), "utf-8")

    def at(seconds, *args):
        monkeypatch.setattr(clock, "current", lambda: start + timedelta(seconds=seconds))
        calls.clear()
        code, out, err = run_cli("check", "--format", "json", *args, cwd=tmp_path)
        return [f["message"] for f in json.loads(out) if f["code"] == "IO304"]

    assert at(0) == [] and calls == ["a.json"]
    assert at(10) == [] and calls == []  # cached: the due date is still ahead
    past = at(60)
    assert calls == ["a.json"]  # the due date has passed: the entry is a miss
    assert past == at(60, "--no-cache") and "(now: 10/03/2026 11:01)" in past[0]
    assert at(70) == past and calls == []  # cached within the minute it names
    later = at(120)
    assert calls == ["a.json"] and "(now: 10/03/2026 11:02)" in later[0]
    assert later == at(120, "--no-cache")


def test_with_now_given_an_entry_holds_whatever_the_clock(run_cli, tmp_path, calls, monkeypatch):
    from datetime import UTC, datetime

    from iolint import clock

    payload = {**PAYLOAD, "content": {**PAYLOAD["content"], "due_date": "2025-01-01T00:00:50Z"}}
    (tmp_path / "a.json").write_text(json.dumps(payload), "utf-8")
    first = check(run_cli, tmp_path)
    monkeypatch.setattr(clock, "current", lambda: datetime(2099, 1, 1, tzinfo=UTC))
    calls.clear()
    assert check(run_cli, tmp_path) == first
    assert calls == []


@pytest.mark.parametrize("cache_dir", ["", ".", "msgs"])
def test_a_cache_folder_that_holds_the_projects_files_is_refused(run_cli, tmp_path, cache_dir):
    """`cache-dir = ""` put the cache in the project's root, with a .gitignore of `*` (git then
    ignored every new file of the project) and a CACHEDIR.TAG (backups skipped the project)."""
    (tmp_path / "msgs").mkdir()
    (tmp_path / "msgs" / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    (tmp_path / "pyproject.toml").write_text(f'[tool.iolint]\ncache-dir = "{cache_dir}"\n', "utf-8")
    code, out, err = check(run_cli, tmp_path, "msgs")
    assert code == 2 and out == "", err
    assert "holds files that are not iolint's cache" in err and "internal error" not in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.json", "msgs", "pyproject.toml"]
    code, _, err = check(run_cli, tmp_path, "msgs", "--cache-dir", "msgs")
    assert code == 2 and "the cache folder msgs holds files" in err


def test_a_cache_folder_of_an_older_iolint_is_used(run_cli, tmp_path):
    """One written before the cache tagged its folder holds version folders only."""
    (tmp_path / "a.json").write_text(json.dumps(PAYLOAD), "utf-8")
    (tmp_path / ".iolint_cache" / "0.0.9" / "ab").mkdir(parents=True)
    expected = check(run_cli, tmp_path, "--no-cache")
    assert check(run_cli, tmp_path) == expected
    assert (tmp_path / ".iolint_cache" / "CACHEDIR.TAG").is_file()


def test_a_files_masks_are_kept_only_until_its_findings_are_reported():
    """A run over many cached files kept every file's masks to its end; the text report now takes
    each file's when it reports the file."""
    import io

    from iolint.report.text import TextReporter

    masks = {"a.json": {"0" * 32: ((0, 4),)}, "b.json": {"1" * 32: ((2, 3),)}}
    report = TextReporter(io.StringIO(), masks=masks)
    report.start()
    report.file("a.json")
    assert report.known == {"0" * 32: ((0, 4),)} and list(masks) == ["b.json"]
    report.file("c.json")
    assert report.known == {} and list(masks) == ["b.json"]
