"""Hostile files: each yields a finding naming it, the other files of the run keep theirs, memory stays bounded.

Every case runs ``iolint check HOSTILE control.json`` in a child process, with a timeout and an
address-space cap, so a hang or an unbounded read fails the case instead of the test session.
"""

from __future__ import annotations

import functools
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from iolint import loaders
from tests.conftest import PEAK_RSS_KB
from tests.strategies import NOW, json_values

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
CONTROL = {
    **CLEAN,
    "content": {**CLEAN["content"], "payment_data": {"amount": 12.5, "notice_number": "302000100000009424"}},
}

BOOT = f"""
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({ADDRESS_SPACE}, {ADDRESS_SPACE}))
{PEAK_RSS_KB}
from iolint.cli import main
code = main(sys.argv[1:])
print("peak_rss_kb=%d" % peak_rss_kb(), file=sys.stderr)
sys.exit(code)
"""


def run_in_child(argv: list, tmp_path: Path) -> tuple[int, str, str]:
    """``iolint check ARGV`` in a child process with the caps: (exit code, stdout, stderr)."""
    argv = ["check", *map(str, argv), "--now", NOW.isoformat()]
    done = subprocess.run(
        [sys.executable, "-c", BOOT, *argv], cwd=tmp_path, capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode in (0, 1), done.stderr
    assert "internal error" not in done.stderr
    peak_mb = int(done.stderr.rsplit("peak_rss_kb=", 1)[1]) / 1024
    assert peak_mb < PEAK_RSS_MB
    return done.returncode, done.stdout, done.stderr


def check_in_child(paths: list[Path], tmp_path: Path) -> list[dict]:
    report = tmp_path / "report.json"
    run_in_child([*paths, "--format", "json", "-o", report], tmp_path)
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
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
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


@case("IO104", line=True)
def lone_surrogate_key_in_content(folder):
    """pydantic names no key that is not valid Unicode: inside `content` it was a vague IO107 on
    `content` ('unable to parse raw data as a unicode string')."""
    return write(folder, "surrogate-content.json", json.dumps(CLEAN)[:-2] + ', "\\ud800": 1}}')


@case("IO703", line=True)
def lone_surrogate_template_key(folder):
    """IO703 and IO704 quote the keys they do not know: a lone surrogate in the message could not
    be written in UTF-8, an internal error (exit 2) for the whole run in every format."""
    text = (
        'subject: Il tuo appuntamento è confermato\nmarkdown: "Il tuo appuntamento allo sportello anagrafe è '
        'confermato, porta un documento valido {{ x }}."\n"\\ud800key": 1\nvariables:\n  x: {sample: 1, "\\udc80": 2}\n'
    )
    return write(folder, "surrogate.io.yaml", text)


def _huge(text: str) -> str:
    return text.replace("12.5", "1" + "0" * 5000)


@case("IO002", line=True)
def huge_integer_json(folder):
    return write(folder, "huge-int.json", _huge(json.dumps(CONTROL, indent=2)))


@case("IO002", line=True)
def huge_integer_yaml(folder):
    return write(folder, "huge-int.yaml", _huge(yaml.safe_dump(CONTROL)))


@case("IO002", line=True)
def huge_integer_jsonl(folder):
    return write(folder, "huge-int.jsonl", _huge(json.dumps(CONTROL)) + "\n")


@case("IO002", line=True)
def deep_yaml_blocks(folder):
    return write(
        folder,
        "deep-blocks.yaml",
        "".join("  " * i + "a:\n" for i in range(loaders.MAX_DEPTH + 50)) + "  " * 250 + "b: 1\n",
    )


def _bracket_title() -> dict:
    return {**CLEAN, "content": {**CLEAN["content"], "subject": "[" * 300 + " RSSMRA85T10A562S " + "{" * 300}}


# Brackets inside strings are text: the title is still checked (its codice fiscale is IO501).
@case("IO501", line=True)
def brackets_in_a_title_json(folder):
    return write(folder, "brackets.json", json.dumps(_bracket_title()))


@case("IO501", line=True)
def brackets_in_a_title_yaml(folder):
    return write(folder, "brackets.yaml", yaml.safe_dump(_bracket_title(), width=float("inf")))


@case("IO501", line=True)
def brackets_in_a_title_jsonl(folder):
    return write(folder, "brackets.jsonl", json.dumps(_bracket_title()) + "\n")


@case("IO501", line=True)
def brackets_in_a_title_of_a_list(folder):
    return write(folder, "brackets-list.json", json.dumps([_bracket_title()] * 3))


@case("IO501", line=True)
def escaped_quotes_and_brackets(folder):
    title = '\\"[' * 150 + " RSSMRA85T10A562S"
    return write(folder, "escaped.json", json.dumps({**CLEAN, "content": {**CLEAN["content"], "subject": title}}))


# Markup markdown-it-py is slow on (17 µs a character): 4 MB of it held the run for over a minute.
@case("IO111", line=True)
def brackets_in_a_huge_body(folder):
    return write(
        folder, "huge-body.json", json.dumps({**CLEAN, "content": {**CLEAN["content"], "markdown": "[" * 4_000_000}})
    )


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


# -- one bad item never costs the others -------------------------------------------------------

BAD_LINES = {  # line -> why it cannot be checked
    2: _huge(json.dumps(CONTROL)),
    3: json.dumps({**CONTROL, "x": json.loads("[" * 300 + "]" * 300)}),
    4: '{"content": {"subject": ',
    5: "[" * 100_000,
    6: "\udcff not text",
    7: json.dumps({**CONTROL, "x": json.loads("[" * 150 + "]" * 150)}),  # deep, but within the limit
}


def test_bad_lines_never_cost_the_others(tmp_path):
    lines = [json.dumps(CONTROL), *BAD_LINES.values(), json.dumps(CONTROL), json.dumps(CONTROL)]
    batch = write(tmp_path, "batch.jsonl", ("\n".join(lines) + "\n").encode("utf-8", "surrogateescape"))
    found = [(f["line"], f["code"]) for f in check_in_child([batch], tmp_path)]
    for line in (1, 7, 8, 9):  # every good line keeps its finding
        assert (line, "IO201") in found
    for line in (2, 3, 4, 5):
        assert (line, "IO002") in found
    assert (6, "IO001") in found
    for line in (8, 9):  # the batch rules saw the lines after the bad ones
        assert (line, "IO131") in found


_HOSTILE_LINES = st.sampled_from(list(BAD_LINES.values())) | json_values.map(json.dumps) | st.text(max_size=30)


@given(st.lists(st.none() | _HOSTILE_LINES, max_size=8))
def test_any_bad_line_leaves_the_good_lines_their_findings(lines):
    """None stands for the control payload: every one keeps IO201, and all but the first IO131."""
    text = [json.dumps(CONTROL) if line is None else line.replace("\n", " ") for line in lines]
    raw = [(t + "\n").encode("utf-8", "surrogatepass") for t in text]
    found = list(_linter().check_items(loaders.load_jsonl(loaders.read_lines(io.BytesIO(b"".join(raw)))), "b.jsonl"))
    good = [n for n, line in enumerate(lines, 1) if line is None]
    assert all(any((f.line, f.code) == (n, "IO201") for f in found) for n in good)
    assert all(any((f.line, f.code) == (n, "IO131") for f in found) for n in good[1:])


@functools.cache
def _linter():
    from iolint.engine import Linter

    return Linter(now=NOW)


TEMPLATE = """\
subject: Avviso di pagamento della TARI {{ anno }}
markdown: |
  Hai un avviso di pagamento per la TARI {{ anno }}, intestato a {{ intestatario }}.

  **Devi pagare** {{ importo | euro }} entro il {{ scadenza | data }}.
due_date: "{{ scadenza | fine_giornata }}"
payment_data:
  amount: "{{ importo }}"
  notice_number: "{{ numero_avviso }}"
variables:
  anno: {sample: 2031, type: integer}
  intestatario: {sample: Maria Bianchi}
  importo: {sample: 18790, type: integer}
  scadenza: {sample: "2031-07-31"}
  numero_avviso: {sample: "301166131860913988"}
"""
ROW = "RSSMRA85T10A562S,2031,Mario Rossi,18790,2031-07-31,{notice}"


def test_bad_rows_never_cost_the_others(tmp_path):
    template = write(tmp_path, "avviso.io.yaml", TEMPLATE)
    rows = [
        "fiscal_code,anno,intestatario,importo,scadenza,numero_avviso",
        ROW.format(notice="301166131860913988"),  # 2: good
        "RSSMRA85T10A562S,2031,Mario Rossi,18790,BNCGLI90L43F205R,301166131860913988",  # 3: a value in the wrong column
        "RSSMRA85T10A562S,2031,Mario Rossi,1" + "0" * 5000 + ",2031-07-31,301166131860913988",  # 4: a huge integer
        "RSSMRA85T10A562S,2031,Mario Rossi,18790,2031-07-31," + "9" * 200_000,  # 5: a cell over the CSV limit
        ROW.format(notice="301166131860913988"),  # 6: row 2 again
        ROW.format(notice="301166131860913989"),  # 7: a mistyped notice number
    ]
    csv = write(tmp_path, "rows.csv", "\n".join(rows) + "\n")
    report = tmp_path / "report.json"
    argv = [
        "check",
        "--recipients",
        str(csv),
        str(template),
        "--format",
        "json",
        "-o",
        str(report),
        "--now",
        NOW.isoformat(),
    ]
    done = subprocess.run(
        [sys.executable, "-c", BOOT, *argv], cwd=tmp_path, capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode == 1, done.stderr
    assert "internal error" not in done.stderr
    findings = json.loads(report.read_text("utf-8"))
    found = [(f["line"], f["code"]) for f in findings]
    assert (3, "IO725") in found and (4, "IO725") in found
    assert any(line == 5 and code.startswith("IO00") for line, code in found)
    assert (6, "IO131") in found
    assert (7, "IO205") in found
    assert not [f for f in findings if f["line"] == 2]
    text = json.dumps(findings)
    assert "BNCGLI90L43F205R" not in text and "RSSMRA85T10A562S" not in text


@pytest.mark.parametrize("where", [3, 300], ids=["first block", "later block"])
def test_a_row_not_in_utf8_costs_only_itself(tmp_path, where):
    """The CSV was decoded as one stream: a Latin-1 byte in the first 8 KB made the whole CSV one
    IO002 at 1:1; further on, an IO002 at a wrong line, and every row after it was lost."""
    template = write(tmp_path, "avviso.io.yaml", TEMPLATE)
    rows = ["fiscal_code,anno,intestatario,importo,scadenza,numero_avviso"]
    rows += [ROW.format(notice="301166131860913988").replace("Mario", f"Mario{n}") for n in range(2, where)]
    rows += [ROW.format(notice="301166131860913988").replace("Rossi", "Rossì")]  # line `where`, in Latin-1
    rows += [ROW.format(notice="301166131860913989")]  # a mistyped notice number
    raw = "\n".join(rows) + "\n"
    csv = write(tmp_path, "rows.csv", raw.encode("utf-8").replace("Rossì".encode(), "Rossì".encode("latin-1")))
    findings = check_in_child(["--recipients", csv, template], tmp_path)
    found = [(f["line"], f["column"], f["code"]) for f in findings]
    assert (where, 33, "IO001") in found
    assert (where + 1, None, "IO205") in found
    assert len(findings) == 2, found


def test_a_cell_of_deeply_nested_json_costs_only_its_row(tmp_path):
    """A list variable's cell is read as JSON: 40,000 brackets raised RecursionError, an internal
    error (exit 2) that lost every row's findings."""
    template = write(
        tmp_path, "voci.io.yaml", TEMPLATE.replace("variables:\n", "variables:\n  voci: {type: list, sample: []}\n")
    )
    header = "fiscal_code,anno,intestatario,importo,scadenza,numero_avviso,voci"
    deep = '"' + "[" * 40_000 + "]" * 40_000 + '"'
    rows = [
        header,
        ROW.format(notice="301166131860913988") + "," + deep,
        ROW.format(notice="301166131860913989") + ",[]",
    ]
    csv = write(tmp_path, "rows.csv", "\n".join(rows) + "\n")
    findings = check_in_child(["--recipients", csv, template], tmp_path)
    found = [(f["line"], f["code"]) for f in findings]
    assert (2, "IO725") in found and (3, "IO205") in found, found


def test_thousands_of_findings_in_one_json_string_are_placed_in_linear_time(tmp_path):
    """Each finding's column was found by walking the payload again up to its field, and its string
    up to the character: 8,000 raw HTML tags (IO604) in one body took 24 s, 20,000 minutes."""
    import time

    from iolint import inputs
    from iolint.engine import Linter

    tags = 10_000
    body = CLEAN["content"]["markdown"] + " " + "<div>" * tags
    path = write(tmp_path, "tags.json", json.dumps({**CLEAN, "content": {**CLEAN["content"], "markdown": body}}))
    start = time.monotonic()
    found = [f for f in inputs.check_file(Linter(), path, path.name) if f.code == "IO604"]
    assert time.monotonic() - start < 10, "quadratic"
    text = path.read_text("utf-8")
    assert len(found) == tags and found[-1].column == text.rindex("<div>") + 1


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
@pytest.mark.parametrize("repeated", [False, True])
def test_thousands_of_keys_in_one_object_are_placed_in_linear_time(tmp_path, repeated, suffix):
    """Each finding on a key (IO104, IO005) was placed by reading its object or mapping again from
    the start: 20,000 unknown keys in a 200 KB file took over a minute, now it is read once."""
    import time

    from iolint import inputs
    from iolint.engine import Linter

    keys = 20_000
    names = [f"k{i}" for i in range(keys)] * (2 if repeated else 1)
    if suffix == ".json":
        content = json.dumps(CLEAN["content"])[:-1] + ", " + ", ".join(f'"{k}": 1' for k in names) + "}"
        text = f'{{"fiscal_code": "{CLEAN["fiscal_code"]}", "content": {content}}}'
    else:
        text = yaml.safe_dump(CLEAN, allow_unicode=True, width=1000, sort_keys=False) + "".join(
            f"  {k}: 1\n" for k in names
        )
    path = write(tmp_path, "keys" + suffix, text)
    start = time.monotonic()
    found = [
        (f.code, f.line, f.column) for f in inputs.check_file(Linter(), path, path.name) if f.code in ("IO104", "IO005")
    ]
    assert time.monotonic() - start < 20, "quadratic"
    assert len(found) == len(names)
    if suffix == ".json":
        assert found[-1][2] == text.rindex(f'"k{keys - 1}"') + 1
    else:
        assert found[-1][1] == text.count("\n")  # the last line


# -- line numbers follow each parser -----------------------------------------------------------


def _amount_at(text: str, breaks: str) -> tuple[int, int]:
    """(line, column) of the amount 12.5 in ``text``, lines split where the parser splits them."""
    import re

    before = text[: text.index("12.5")]
    rows = re.split(breaks, before)
    return len(rows), len(rows[-1]) + 1


JSON_BREAKS, YAML_BREAKS = r"\r\n?|\n", "\r\n?|[\n\x85\u2028\u2029]"


def _cr_only_json(folder):
    text = json.dumps(CONTROL, indent=2).replace("\n", "\r")
    return write(folder, "cr.json", text), (7, 17)


def _crlf_json(folder):
    text = json.dumps(CONTROL, indent=2).replace("\n", "\r\n")
    return write(folder, "crlf.json", text), (7, 17)


def _cr_only_yaml(folder):
    text = yaml.safe_dump(CONTROL, width=float("inf"), sort_keys=False).replace("\n", "\r")
    return write(folder, "cr.yaml", text), _amount_at(text, YAML_BREAKS)


def _separators_in_a_json_string(folder):
    # JSON does not break lines at U+2028, U+2029 or U+0085: the amount stays on the seventh line.
    text = json.dumps(CONTROL, indent=2, ensure_ascii=False).replace(
        "tassa rifiuti", "tassa\u2028rifiuti\u2029e\x85acqua"
    )
    return write(folder, "separators.json", text), (7, 17)


def _separators_in_a_yaml_string(folder):
    # PyYAML (YAML 1.1) breaks lines at each of them: three more lines before the amount.
    content = CONTROL["content"]
    text = (
        f"fiscal_code: {CONTROL['fiscal_code']}\ncontent:\n"
        f'  subject: "{content["subject"]}"\n  markdown: "{content["markdown"]}"\n'
        "  payment_data:\n    amount: 12.5\n    notice_number: '302000100000009424'\n"
    )
    plain = _amount_at(text, JSON_BREAKS)
    text = text.replace("tassa rifiuti", "tassa\u2028rifiuti\u2029e\x85acqua")
    return write(folder, "separators.yaml", text), (plain[0] + 6, plain[1])


@pytest.mark.parametrize(
    "build", [_cr_only_json, _crlf_json, _cr_only_yaml, _separators_in_a_json_string, _separators_in_a_yaml_string]
)
def test_line_numbers_follow_the_parser(build, tmp_path):
    path, (line, column) = build(tmp_path)
    findings = check_in_child([path], tmp_path)
    assert [(f["line"], f["column"]) for f in findings if f["code"] == "IO201"] == [(line, column)]
    _, out, _ = run_in_child([path, "--format", "text"], tmp_path)
    shown = out.split("IO201", 1)[1].split("\n")[1:3]
    assert shown[0].startswith(f"{line:>6} | ") and "12.5" in shown[0], out
    assert shown[1].index("^") == shown[0].index("12.5"), out


# -- special files where iolint reads its settings and side inputs ------------------------------


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "special")
    return folder / "special"


def _dev_zero(folder: Path) -> Path:
    (folder / "special").symlink_to("/dev/zero")
    return folder / "special"


def _secret(folder: Path, special: Path) -> list:
    (folder / ".iolint-secret").mkdir()
    (folder / ".iolint-secret" / "key").symlink_to(special)
    return ["baseline", "accepted.json", "control.json"]


def _pack(folder: Path, special: Path) -> list:
    (folder / "iolint.toml").write_text(f'rule-packs = ["{special}"]\n')
    return ["check", "control.json"]


# Each read the whole file with no check of its kind: a FIFO blocked the run for ever, /dev/zero
# filled the memory (the recipients CSV, the config, a rule pack, the logo) or hung.
ROLES = {
    "config": lambda folder, special: ["check", "control.json", "--config", special],
    "rule pack": _pack,
    "baseline": lambda folder, special: ["check", "control.json", "--baseline", special],
    "secret": _secret,
    "recipients": lambda folder, special: ["check", "--recipients", special, write(folder, "t.io.yaml", TEMPLATE)],
    "logo": lambda folder, special: ["preview", "control.json", "-o", folder / "pages", "--logo", special],
    "render data": lambda folder, special: ["render", "tari/avviso-pagamento", "--data", special],
}


@pytest.mark.parametrize("special", [_fifo, _dev_zero], ids=["fifo", "dev-zero"])
@pytest.mark.parametrize("role", ROLES)
def test_a_special_file_as_a_side_input_is_refused_at_once(role, special, tmp_path):
    write(tmp_path, "control.json", json.dumps(CONTROL))
    argv = ROLES[role](tmp_path, special(tmp_path))
    env = {k: v for k, v in os.environ.items() if k != "IOLINT_BASELINE_SECRET"}
    done = subprocess.run(
        [sys.executable, "-c", BOOT, *map(str, argv)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=env,
    )
    assert "internal error" not in done.stderr
    if role == "recipients":  # a recipients CSV is data: a finding on it, the template still checked
        assert done.returncode == 1, done.stderr
        assert "IO001" in done.stdout and "not a regular file" in done.stdout
    else:
        assert done.returncode == 2, done.stderr
        assert "not a regular file" in done.stderr
