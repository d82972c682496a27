"""The engine's shortcuts change no finding: what ``Linter.check_payload`` returns on every payload
of tests/corpus.py is what each rule's check gives, called plainly (a fresh payload view per
check, no memo, no plan), in rule order, on a first pass and again once the memos are warm; and a
check bound with ``needs="irregular"`` or ``needs="markup"``, called anyway on a payload without
that part, finds nothing."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

import iolint
from iolint import datachecks, frontmatter, registry, rendering
from iolint.config import Config
from iolint.engine import Linter
from iolint.message import plainly_valid
from iolint.view import IRREGULAR, MARKDOWN, MARKUP, PARTS, PayloadView, needs_mask
from tests import corpus
from tests.conftest import ROOT
from tests.strategies import json_values, payloads

CORPUS = corpus.payloads(per_mix=300, titles=1000)


def plainly(linter: Linter, data: object) -> list[tuple]:
    """(rule code, hit) of every rule the linter's plan runs, each check called on its own."""
    ctx, out = linter.context, []
    for rule in linter.plan("payload").rules:
        view = PayloadView(data)
        if rule.check is not None:
            out += [(rule.code, hit) for hit in datachecks.run(rule.check, view, ctx)]
            continue
        binding = linter.bindings[rule.code]
        need = needs_mask(binding.needs)
        if view.shape & need != need:
            continue
        if binding.options:
            found = binding.check(view, ctx, options=linter.options[rule.code])
        else:
            found = binding.check(view, ctx)
        out += [(rule.code, hit) for hit in found or () if hit.kind is binding.key]
    return out


CONFIGS = {
    "default": Config(),
    "premium": Config().replace(plan="premium", features=["read-status", "attachments"]),
    "pack and options": Config().replace(
        rule_packs=[str(ROOT / "examples" / "packs" / "ente.yaml")], rules={"IO627": {"max-length": 10}}
    ),
}


@pytest.mark.parametrize("name", CONFIGS)
def test_the_engine_finds_what_each_check_finds_alone(name):
    linter = Linter(CONFIGS[name], now=corpus.NOW)
    expected = [plainly(linter, data) for data in CORPUS]
    for _ in range(2):  # cold, then with every memo warm
        for data, wanted in zip(CORPUS, expected, strict=True):
            got = [(rule.code, hit) for rule, hit in linter.check_payload(data)]
            assert got == wanted, data


def test_the_corpus_wakes_every_payload_rule():
    linter = Linter(now=corpus.NOW)
    fired = {rule.code for data in CORPUS for rule, _ in linter.check_payload(data)}
    assert fired == {rule.code for rule in linter.plan("payload").rules} - {"IO402"}  # base plan: no IO402


# -- checks that need a derived part: an irregular payload, markup ------------------------------


def _needing(part: str) -> list:
    """(code, check, the other parts it needs) of every check bound with ``needs=part``."""
    out = []
    for binding in registry.load().values():
        if binding.kind == registry.PAYLOAD and binding.check and part in binding.needs:
            out.append((binding.code, binding.check, needs_mask(binding.needs) & ~PARTS[part]))
    return out


def _found_without(part: str, data) -> list:
    """(code, hit) of each check needing ``part``, called anyway on ``data`` if its view lacks
    that part (an empty list otherwise)."""
    if PayloadView(data).shape & PARTS[part]:
        return []
    linter, out = Linter(now=corpus.NOW), []
    for code, check, other in _needing(part):
        view = PayloadView(copy.deepcopy(data))
        if view.shape & other == other:
            options = linter.options[code] if linter.bindings[code].options else None
            found = check(view, linter.context, options=options) if options else check(view, linter.context)
            out += [(code, hit) for hit in found or ()]
    return out


def test_the_schema_checks_are_left_out_of_plainly_valid_payloads_only():
    codes = {code for code, _, _ in _needing("irregular")}
    assert {"IO101", "IO105", "IO106", "IO110", "IO111", "IO201", "IO202", "IO204", "IO301"} <= codes
    plain = [data for data in CORPUS if plainly_valid(data)]
    assert len(plain) > len(CORPUS) // 3  # the common case the shortcut is for
    assert all(bool(PayloadView(data).shape & IRREGULAR) is not plainly_valid(data) for data in CORPUS)
    assert all(not _found_without("irregular", data) for data in plain)


@given(payloads(), st.data())
def test_a_check_needing_an_irregular_payload_finds_nothing_on_a_plainly_valid_one(payload, data):
    assert _found_without("irregular", payload) == []
    parents = [payload, payload["content"], *payload["content"].values()]
    parents += [v for v in payload["content"].get("payment_data", {}).values() if isinstance(v, dict)]
    parent = data.draw(st.sampled_from([p for p in parents if isinstance(p, dict) and p]))
    parent[data.draw(st.sampled_from(sorted(parent)))] = data.draw(json_values)
    assert _found_without("irregular", payload) == []


def _nothing_to_report(markdown: str) -> bool:
    """Whether markdown-it and the front matter's parser, run without any pre-filter, find nothing."""
    cta_issues, labels = frontmatter.analyze(markdown)
    _, body, at = frontmatter.split_front_matter(markdown)
    return not cta_issues and not labels and not rendering.body_issues(body, at)


def _no_markup(data) -> bool:
    view = PayloadView(data)
    return bool(view.shape & MARKDOWN) and not view.shape & MARKUP


def test_the_markdown_and_cta_checks_are_left_out_of_bodies_without_markup_only():
    assert {"IO601", "IO609", "IO620", "IO625", "IO626", "IO627"} <= {code for code, _, _ in _needing("markup")}
    plain = [data for data in CORPUS if _no_markup(data)]
    assert len(plain) > len(CORPUS) // 3
    for data in plain:
        assert _nothing_to_report(data["content"]["markdown"])
        assert _found_without("markup", data) == []


_MARKDOWNISH = ["a", "è", " ", "\n", "\t", "*", "_", "`", "!", "(", ")", "]", ":", "-", "--", "---", "=", ">", "&lt;",
                "[", "[a](http://x.it)", "#", "#### x", "|", "| a |\n|-|", "~~x~~", "~x~", "<b>", "[^1]: x", "![i](x)",
                "\ufeff", "= yaml =", "it:\n  cta_1:\n    text: Clicca qui\n"]  # fmt: skip


@given(st.lists(st.sampled_from(_MARKDOWNISH), max_size=24).map("".join))
def test_a_body_without_markup_has_nothing_for_the_markdown_and_cta_rules(text):
    payload = {"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": "Il tuo appuntamento", "markdown": text}}
    if text and not PayloadView(payload).shape & MARKUP:
        assert _nothing_to_report(text)
        assert _found_without("markup", payload) == []


def test_markup_of_a_body_far_over_ios_limit_is_not_analysed_and_io111_says_so():
    """markdown-it-py takes seconds on a long run of markup; a body past ten times IO's limit is
    refused by IO anyway (IO111), and its IO111 says its markup was not checked."""
    link = "[apri](javascript:alert(1)) "

    def lint(size: int) -> dict:
        body = link + "x" * (size - len(link))
        report = iolint.lint(
            {"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": "Avviso di pagamento", "markdown": body}},
            now=corpus.NOW,
        )
        return {f.code: f.message for f in report.findings}

    at_cap, over = lint(rendering.ANALYSED_MAX), lint(rendering.ANALYSED_MAX + 1)
    assert {"IO111", "IO608"} <= at_cap.keys() and "not checked" not in at_cap["IO111"]
    assert "IO111" in over and "markdown and buttons are not checked" in over["IO111"]
    assert not [code for code in over if code.startswith("IO6")]


@given(json_values, json_values)
def test_the_batch_rules_digest_is_of_the_canonical_json(a, b):
    """``view.digest`` keeps one encoder: the text it hashes is json.dumps's, keys sorted."""
    import hashlib
    import json

    from iolint.view import digest

    expected = json.dumps((a, b), sort_keys=True, ensure_ascii=False, default=str)
    assert digest(a, b) == int.from_bytes(
        hashlib.blake2b(expected.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big"
    )
