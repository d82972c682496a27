"""Hostile files: each yields a finding naming it, the other files of the run keep theirs, memory stays bounded.

Every case runs ``iolint check HOSTILE control.json`` in a child process, with a timeout and an
address-space cap, so a hang or an unbounded read fails the case instead of the test session.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from iolint import loaders
from tests.strategies import NOW

TIMEOUT = 60  # seconds per run: a hang fails the case
ADDRESS_SPACE = 4 * 1024**3  # the cap that stops a runaway read from taking the machine
PEAK_RSS_MB = 800  # loose: a 20 MB file is read whole, then decoded and parsed
BIG = 10 * 1024 * 1024

CLEAN = {
    "fiscal_code": "RSSMRA85T10A562S",
    "content": {
        "subject": "Avviso di pagamento della tassa rifiuti",
        "markdown": "Hai un nuovo avviso di pagamento per la tassa rifiuti. Puoi pagare in app con il pulsante Paga.",
    },
}
# The other file of every run: one finding, IO201 on line 1, that must survive whatever the hostile file does.
CONTROL = {**CLEAN, "content": {**CLEAN["content"], "payment_data": {"amount": 12.5, "notice_number": "302000100000009424"}}}

BOOT = f"""
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({ADDRESS_SPACE}, {ADDRESS_SPACE}))
from iolint.cli import main
code = main(sys.argv[1:])
print("peak_rss_kb=%d" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def check_in_child(paths: list[Path], tmp_path: Path) -> list[dict]:
    report = tmp_path / "report.json"
    argv = ["check", *map(str, paths), "--format", "json", "-o", str(report), "--now", NOW.isoformat()]
    done = subprocess.run(
        [sys.executable, "-c", BOOT, *argv], cwd=tmp_path, capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode in (0, 1), done.stderr
    assert "internal error" not in done.stderr
    peak_mb = int(done.stderr.rsplit("peak_rss_kb=", 1)[1]) / 1024
    assert peak_mb < PEAK_RSS_MB
    return json.loads(report.read_text("utf-8"))


def names(finding: dict, path: Path) -> bool:
    """Whether a finding names ``path`` (a symlink may be reported by its own name or its target's)."""
    return Path(finding["file"]).name in {path.name, Path(os.path.realpath(path)).name}


# -- the cases: name -> (builder(folder) -> path, expected code, whether the finding has a line) ----

CASES = {}


def case(code: str, *, line: bool = False, xfail: str | None = None):
    def register(build):
        marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
        CASES[build.__name__] = pytest.param(build, code, line, marks=marks, id=build.__name__)
        return build

    return register


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    (path.write_bytes if isinstance(data, bytes) else path.write_text)(data)
    return path


@case("IO002", line=True)
def malformed_json(folder):
    return write(folder, "malformed.json", '{"content": {"subject": , "markdown": "x"}}')


@case("IO002", line=True)
def truncated_json(folder):
    text = json.dumps(CLEAN, indent=2)
    return write(folder, "truncated.json", text[: len(text) // 2])


@case("IO002", line=True)
def malformed_yaml(folder):
    return write(folder, "malformed.yaml", "content:\n  subject: [unclosed\n  markdown: x\n")


@case("IO002", line=True)
def truncated_yaml(folder):
    text = yaml.safe_dump(CLEAN, default_style='"', allow_unicode=True)
    return write(folder, "truncated.yaml", text[: text.index("Hai un nuovo")])


@case("IO003", line=True)
def billion_laughs(folder):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return write(folder, "laughs.yaml", "\n".join(lines) + "\n")


@case("IO003", line=True)
def yaml_too_many_values(folder):
    return write(folder, "many.yaml", "[" + "1, " * (loaders.MAX_YAML_NODES + 1) + "1]\n")


@case("IO002", line=True)
def deep_json(folder):
    return write(folder, "deep.json", "[" * 100_000)


@case("IO002", line=True)
def deep_json_objects(folder):
    return write(folder, "deep-objects.json", '{"a": ' * 100_000 + "1" + "}" * 100_000)


@case("IO002", line=True)
def deep_yaml(folder):
    return write(folder, "deep.yaml", "[" * 100_000)


@case("IO002", line=True)
def deep_jsonl(folder):
    return write(folder, "deep.jsonl", "[" * 100_000 + "\n")


@case("IO110", line=True)
def ten_megabyte_subject_json(folder):
    payload = {**CLEAN, "content": {**CLEAN["content"], "subject": "avviso " * (BIG // 7)}}
    return write(folder, "long.json", json.dumps(payload))


@case("IO110", line=True)
def ten_megabyte_subject_yaml(folder):
    payload = {**CLEAN, "content": {**CLEAN["content"], "subject": "avviso " * (BIG // 7)}}
    return write(folder, "long.yaml", yaml.safe_dump(payload, width=float("inf")))


@case("IO003", line=True)
def ten_megabyte_line_jsonl(folder):
    return write(folder, "long.jsonl", '{"x": "' + "a" * BIG + '"}\n')


@case("IO003")
def json_over_size_limit(folder):
    return write(folder, "huge.json", '{"content": "' + "a" * loaders.MAX_FILE_BYTES + '"}')


@case("IO003")
def yaml_over_size_limit(folder):
    return write(folder, "huge.yaml", "content: " + "a" * loaders.MAX_FILE_BYTES + "\n")


@case("IO001")
def binary_file(folder):
    return write(folder, "binary.json", bytes(range(256)) * 64)


@case("IO001")
def utf16_file(folder):
    return write(folder, "utf16.json", json.dumps(CLEAN).encode("utf-16"))


@case("IO001", line=True)
def latin1_file(folder):
    return write(folder, "latin1.yaml", "content:\n  subject: Avviso di pagamento entro lunedì\n".encode("latin-1"))


@case("IO002", line=True)
def empty_json(folder):
    return write(folder, "empty.json", "")


@case("IO004")
def empty_yaml(folder):
    return write(folder, "empty.yaml", "")


@case("IO004")
def empty_jsonl(folder):
    return write(folder, "empty.jsonl", "")


@case("IO201", line=True)
def symlink_to_payload(folder):
    target = write(folder, "target.json", json.dumps(CONTROL))
    (folder / "link.json").symlink_to(target)
    return folder / "link.json"


@case("IO001")
def dangling_symlink(folder):
    (folder / "dangling.json").symlink_to(folder / "missing.json")
    return folder / "dangling.json"


@case("IO001")
def symlink_loop(folder):
    (folder / "loop-a.json").symlink_to(folder / "loop-b.json")
    (folder / "loop-b.json").symlink_to(folder / "loop-a.json")
    return folder / "loop-a.json"


@case("IO201", line=True)
def folder_named_like_a_file(folder):
    inside = folder / "payloads.json"
    inside.mkdir()
    write(inside, "inner.json", json.dumps(CONTROL))
    return inside


@case("IO001")
def fifo(folder):
    os.mkfifo(folder / "fifo.json")
    return folder / "fifo.json"


@case("IO001")
def symlink_to_dev_zero(folder):
    (folder / "zero.json").symlink_to("/dev/zero")
    return folder / "zero.json"


@case("IO001")
def symlink_to_dev_zero_jsonl(folder):
    (folder / "zero.jsonl").symlink_to("/dev/zero")
    return folder / "zero.jsonl"


@case("IO002", line=True)
def yaml_control_character(folder):
    return write(folder, "control.yaml", "content:\n  subject: avviso\x1f\n")


@case("IO201", line=True)
def amount_not_finite(folder):
    text = json.dumps(CONTROL).replace("12.5", "1e999")
    return write(folder, "infinite.json", text)


@case("IO104", line=True)
def lone_surrogate_key(folder):
    return write(folder, "surrogate.json", json.dumps(CLEAN)[:-1] + ', "\\ud800": 1}')


@pytest.mark.parametrize(("build", "code", "line"), CASES.values())
def test_hostile_file(build, code, line, tmp_path):
    hostile = build(tmp_path)
    control = write(tmp_path, "control.json", json.dumps(CONTROL))
    findings = check_in_child([hostile, control], tmp_path)
    about = [f for f in findings if not names(f, control)]
    assert any(f["code"] == code for f in about), about
    assert all(names(f, hostile) or hostile.is_dir() for f in about)
    if line:
        assert all(f["line"] for f in about if f["code"] == code)
    assert ("IO201", 1) in [(f["code"], f["line"]) for f in findings if names(f, control)]


def test_ten_megabyte_line_does_not_cost_the_next_line(tmp_path):
    batch = write(tmp_path, "batch.jsonl", '{"x": "' + "a" * BIG + '"}\n' + json.dumps(CONTROL) + "\n")
    findings = check_in_child([batch], tmp_path)
    assert ("IO003", 1) in [(f["code"], f["line"]) for f in findings]
    assert ("IO201", 2) in [(f["code"], f["line"]) for f in findings]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode, so chmod 000 proves nothing")
def test_file_without_read_permission(tmp_path):
    locked = write(tmp_path, "locked.json", json.dumps(CLEAN))
    locked.chmod(0)
    findings = check_in_child([locked], tmp_path)
    assert [f["code"] for f in findings] == ["IO001"]
