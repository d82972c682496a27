"""The engine's shortcuts change no finding: what ``Linter.check_payload`` returns on every payload
of tests/corpus.py is what each rule's check gives, called plainly (a fresh payload view per
check, no memo, no plan), in rule order, on a first pass and again once the memos are warm."""

from __future__ import annotations

import pytest

from iolint import datachecks
from iolint.config import Config
from iolint.engine import Linter
from iolint.view import PayloadView, needs_mask
from tests import corpus
from tests.conftest import ROOT

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
