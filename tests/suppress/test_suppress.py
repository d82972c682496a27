"""Suppressions: inline directives with a reason, config and sidecar entries by file and field."""

from __future__ import annotations

import json

CF = "RSSMRA85T10A562S"
NOW = "2025-01-01T00:00:00Z"
BODY = "Hai un avviso di pagamento per la TARI 2025. Puoi pagare direttamente in app con il pulsante Paga entro la scadenza."


def yaml_payload(directive_above="", directive_inline=""):
    return (
        f"fiscal_code: {CF}\n"
        "content:\n"
        "  subject: Hai un nuovo avviso di pagamento\n"
        f"  markdown: {BODY}\n"
        "  payment_data:\n"
        f"    {directive_above}\n"
        f"    amount: 123.5 {directive_inline}\n"
        '    notice_number: "302123456789012356"\n'
    )


def codes(run_cli, tmp_path, *args):
    code, out, err = run_cli(
        "check", "--now", NOW, "--no-cache", "--format", "json", "--select", "IO201,IO9", *args, cwd=tmp_path
    )
    assert code in (0, 1), err
    return sorted((f["code"], f["line"]) for f in json.loads(out)), code


def test_directive_on_the_line_above_or_on_the_line(run_cli, tmp_path):
    reason = 'reason="converted to cents by the sending code"'
    (tmp_path / "above.yaml").write_text(yaml_payload(f"# {{# iolint: ignore[IO201] {reason} #}}"), "utf-8")
    (tmp_path / "inline.yaml").write_text(
        yaml_payload(directive_inline=f"# {{# iolint: ignore[amount-not-integer] {reason} #}}"), "utf-8"
    )
    assert codes(run_cli, tmp_path, ".") == ([], 0)


def test_directive_covers_no_other_line(run_cli, tmp_path):
    text = '# {# iolint: ignore[IO201] reason="not this one" #}\n\n' + yaml_payload()
    (tmp_path / "far.yaml").write_text(text, "utf-8")
    assert codes(run_cli, tmp_path, ".") == ([("IO201", 9), ("IO903", 1)], 1)


def test_a_directive_without_reason_suppresses_nothing(run_cli, tmp_path):
    (tmp_path / "p.yaml").write_text(yaml_payload("# {# iolint: ignore[IO201] #}"), "utf-8")
    (tmp_path / "q.yaml").write_text(yaml_payload('# {# iolint: ignore[IO201] reason="  " #}'), "utf-8")
    found, code = codes(run_cli, tmp_path, ".")
    assert found == [("IO201", 7), ("IO201", 7), ("IO901", 6), ("IO901", 6)]
    assert code == 1


def test_ignore_file_and_unknown_codes(run_cli, tmp_path):
    text = '# {# iolint: ignore-file[IO201, IO2O1] reason="ente test fixtures" #}\n' + yaml_payload()
    (tmp_path / "p.yaml").write_text(text, "utf-8")
    assert codes(run_cli, tmp_path, ".") == ([("IO902", 1)], 0)


def test_malformed_directive(run_cli, tmp_path):
    (tmp_path / "p.yaml").write_text(yaml_payload("# {# iolint: skip IO201 #}"), "utf-8")
    assert codes(run_cli, tmp_path, ".")[0] == [("IO201", 7), ("IO904", 6)]


def test_directives_are_read_in_any_text_file(tmp_path):
    """Templates (any text) get the same treatment: findings are matched by file and line."""
    from iolint.config import Config
    from iolint.finding import Finding, Severity
    from iolint.gate import Gate

    text = (
        'Ciao {{ nome }}\n{# iolint: ignore[IO501] reason="nome dell\'ente, non di una persona" #}\nComune di Rossi\n'
    )
    found = [
        Finding("IO501", "personal-data-in-title", Severity.ERROR, "m", "t.io.yaml", 3),
        Finding("IO501", "personal-data-in-title", Severity.ERROR, "m", "t.io.yaml", 1),
    ]
    kept = list(Gate(Config()).directives(text, found, "t.io.yaml"))
    assert [(f.code, f.line) for f in kept] == [("IO501", 1)]


PAYMENT = {
    "fiscal_code": CF,
    "content": {
        "subject": "Hai un nuovo avviso di pagamento",
        "markdown": BODY,
        "payment_data": {"amount": 123.5, "notice_number": "302123456789012356"},
    },
}


def test_config_entries_by_file_glob_and_field(run_cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        "[[tool.iolint.suppress]]\n"
        'file = "payments/*.json"\ncode = "amount-not-integer"\nfield = "content.payment_data"\n'
        'reason = "converted to cents by the sending code"\n'
        "[[tool.iolint.suppress]]\n"
        'file = "payments/*.json"\ncode = "IO201"\nfield = "content.subject"\nreason = "nothing to hide here"\n',
        "utf-8",
    )
    (tmp_path / "payments").mkdir()
    (tmp_path / "payments" / "a.json").write_text(json.dumps(PAYMENT, indent=2), "utf-8")
    (tmp_path / "other.json").write_text(json.dumps(PAYMENT, indent=2), "utf-8")
    code, out, _ = run_cli(
        "check", "--now", NOW, "--no-cache", "--select", "IO201,IO9", "--format", "json", cwd=tmp_path
    )
    found = sorted((f["code"], f["file"], f["field"]) for f in json.loads(out))
    assert found == [
        ("IO201", "other.json", "content.payment_data.amount"),
        ("IO903", "pyproject.toml", "tool.iolint.suppress[1]"),
    ]
    # Given single files (as pre-commit does), an entry may concern files not named: no IO903.
    code, out, _ = run_cli(
        "check",
        "--now",
        NOW,
        "--no-cache",
        "--select",
        "IO201,IO9",
        "--format",
        "json",
        "payments/a.json",
        cwd=tmp_path,
    )
    assert json.loads(out) == [] and code == 0


def test_sidecar_file(run_cli, tmp_path):
    (tmp_path / "iolint.toml").write_text("", "utf-8")
    (tmp_path / "iolint-suppressions.yaml").write_text(
        "- file: a.json\n  code: IO201\n  field: content.payment_data.amount\n  reason: cents, converted later\n"
        "- file: a.json\n  code: IO201\n"
        "- file: a.json\n  code: IO999\n  reason: typo\n"
        "- code: IO201\n  reason: no file\n",
        "utf-8",
    )
    (tmp_path / "a.json").write_text(json.dumps(PAYMENT, indent=2), "utf-8")
    code, out, _ = run_cli(
        "check", "--now", NOW, "--no-cache", "--select", "IO201,IO9", "--format", "json", cwd=tmp_path
    )
    found = sorted((f["code"], f["file"], f["line"]) for f in json.loads(out))
    assert found == [
        ("IO901", "iolint-suppressions.yaml", 5),
        ("IO902", "iolint-suppressions.yaml", 7),
        ("IO904", "iolint-suppressions.yaml", 10),
    ]
    assert code == 1


def test_suppression_rules_can_be_ignored(run_cli, tmp_path):
    (tmp_path / "p.yaml").write_text(yaml_payload("# {# iolint: ignore[IO201] #}"), "utf-8")
    found, _ = codes(run_cli, tmp_path, ".", "--ignore", "IO901")
    assert found == [("IO201", 7)]


def test_suppressions_expire_after_their_until_day(run_cli, tmp_path):
    reason = 'reason="old billing system"'
    (tmp_path / "inline.yaml").write_text(
        yaml_payload(f"# {{# iolint: ignore[IO201] {reason} until=2024-12-31 #}}"), "utf-8"
    )
    (tmp_path / "alive.yaml").write_text(
        yaml_payload(f"# {{# iolint: ignore[IO201] {reason} until=2025-01-01 #}}"), "utf-8"
    )
    (tmp_path / "p.json").write_text(
        json.dumps(
            {
                "fiscal_code": CF,
                "content": {
                    "subject": "Hai un nuovo avviso",
                    "markdown": BODY,
                    "payment_data": {"amount": 1.5, "notice_number": "302123456789012356"},
                },
            }
        ),
        "utf-8",
    )
    (tmp_path / "q.json").write_text((tmp_path / "p.json").read_text("utf-8"), "utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[[tool.iolint.suppress]]\nfile = "p.json"\ncode = "IO201"\nreason = "test notices"\nuntil = 2024-06-30\n',
        "utf-8",
    )
    (tmp_path / "iolint-suppressions.yaml").write_text(
        "- {file: q.json, code: IO201, reason: test notices, until: 2024-06-30}\n", "utf-8"
    )
    code, out, _ = run_cli(
        "check", "--now", NOW, "--no-cache", "--format", "json", "--select", "IO201,IO9", cwd=tmp_path
    )
    found = sorted((f["file"], f["code"], f["line"] or 0) for f in json.loads(out))
    assert code == 1
    # alive.yaml stays quiet; the expired ones hide nothing and are reported themselves
    assert found == [
        ("inline.yaml", "IO201", 7),
        ("inline.yaml", "IO906", 6),
        ("iolint-suppressions.yaml", "IO906", 1),
        ("p.json", "IO201", 1),
        ("pyproject.toml", "IO906", 0),
        ("q.json", "IO201", 1),
    ]


def test_a_bad_until_is_an_invalid_directive(run_cli, tmp_path):
    (tmp_path / "p.yaml").write_text(
        yaml_payload('# {# iolint: ignore[IO201] reason="x y z" until=tomorrow #}'), "utf-8"
    )
    assert codes(run_cli, tmp_path, ".")[0] == [("IO201", 7), ("IO904", 6)]


REASON = 'reason="il sito del comune non ha https"'
HTTP_BODY = "Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio alle 9:30. [Orari](http://comune.example.org/orari)"


def link_codes(run_cli, tmp_path):
    code, out, err = run_cli(
        "check", "--now", NOW, "--no-cache", "--format", "json", "--select", "IO607,IO9", ".", cwd=tmp_path
    )
    assert code in (0, 1), err
    return sorted((f["file"], f["code"], f["line"]) for f in json.loads(out))


def test_a_plain_yaml_comment_is_a_directive(run_cli, tmp_path):
    head = f"fiscal_code: {CF}\ncontent:\n  subject: Il tuo appuntamento è confermato\n"
    (tmp_path / "above.yaml").write_text(
        head + f"  # iolint: ignore[IO607] {REASON}\n  markdown: {HTTP_BODY}\n", "utf-8"
    )
    (tmp_path / "after.yaml").write_text(
        head + f"  markdown: {HTTP_BODY}  # iolint: ignore[http-link] {REASON}\n", "utf-8"
    )
    (tmp_path / "noreason.yaml").write_text(head + f"  #iolint: ignore[IO607]\n  markdown: {HTTP_BODY}\n", "utf-8")
    assert link_codes(run_cli, tmp_path) == [("noreason.yaml", "IO607", 5), ("noreason.yaml", "IO901", 4)]


def test_a_directive_inside_a_payloads_text_suppresses_nothing_and_is_reported(run_cli, tmp_path):
    (tmp_path / "block.yaml").write_text(
        f"fiscal_code: {CF}\ncontent:\n  subject: Il tuo appuntamento è confermato\n  markdown: |\n"
        f"    Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio alle 9:30.\n"
        f"    # iolint: ignore[IO607] {REASON}\n    [Orari](http://comune.example.org/orari)\n",
        "utf-8",
    )
    body = f"Il tuo appuntamento allo sportello anagrafe è confermato per lunedì 12 gennaio.\n{{# iolint: ignore[IO607] {REASON} #}}\n[Orari](http://comune.example.org/orari)"
    (tmp_path / "p.json").write_text(
        json.dumps(
            {"fiscal_code": CF, "content": {"subject": "Il tuo appuntamento è confermato", "markdown": body}}, indent=2
        ),
        "utf-8",
    )
    assert link_codes(run_cli, tmp_path) == [
        ("block.yaml", "IO607", 7),
        ("block.yaml", "IO907", 6),
        ("p.json", "IO607", 5),
        ("p.json", "IO907", 5),
    ]


def test_in_templates_a_jinja_comment_counts_and_a_text_line_does_not(run_cli, tmp_path):
    template = (
        "subject: Il tuo appuntamento è confermato\n"
        "markdown: |\n"
        "  Il tuo appuntamento allo sportello anagrafe è confermato per {{ giorno }} alle 9:30.\n"
        "  {jinja}\n"
        "  [Orari](http://comune.example.org/orari)\n"
        "variables:\n"
        "  giorno: {{sample: lunedì 12 gennaio}}\n"
    )
    (tmp_path / "jinja.io.yaml").write_text(
        template.replace("{jinja}", f"{{# iolint: ignore[IO607] {REASON} #}}")
        .replace("{{sample", "{sample")
        .replace("}}\n", "}\n"),
        "utf-8",
    )
    (tmp_path / "text.io.yaml").write_text(
        template.replace("{jinja}", f"# iolint: ignore[IO607] {REASON}")
        .replace("{{sample", "{sample")
        .replace("}}\n", "}\n"),
        "utf-8",
    )
    assert link_codes(run_cli, tmp_path) == [("text.io.yaml", "IO607", 5), ("text.io.yaml", "IO907", 4)]
