"""Every shipped rule's inline examples run here: a rule none of whose examples fires fails."""

import pytest

from scriptlint.packs import load_packs
from scriptlint.selftest import fired

RULES = [r for r in load_packs().rules if r.is_utterance_rule]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(linter, rule):
    assert len(rule.fire) >= 3, f"{rule.id} needs at least three examples that fire ({rule.source})"
    assert len(rule.passes) >= 2, f"{rule.id} needs at least two examples that must not fire ({rule.source})"
    silent = [text for text in rule.fire if rule.id not in fired(linter, text)]
    assert not silent, f"{rule.id} does not fire on: {silent}"
    noisy = [text for text in rule.passes if rule.id in fired(linter, text)]
    assert not noisy, f"{rule.id} fires on: {noisy}"


def test_every_category_except_disclosure_has_rules():
    categories = {r.category for r in load_packs().rules}
    expected = {"threat", "insult", "third_party", "privacy", "impersonation", "false_consequence",
                "harassment", "unlawful_debt", "respect", "disclosure"}
    assert expected <= categories, expected - categories
