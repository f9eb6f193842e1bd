"""Every rule documents itself, and its own Bad/Good examples prove it (proselint's meta-test)."""

import pytest

from rectlint.examples import doc_examples
from rectlint.registry import all_rules

from conftest import lint

RULES = sorted(all_rules())


@pytest.mark.parametrize("rule_id", RULES)
def test_rule_has_documentation_with_examples(rule_id):
    rule = all_rules()[rule_id]
    assert rule.summary, "the first docstring line is the summary"
    assert "Why" in rule.doc or "why" in rule.doc.lower()
    examples = doc_examples(rule.doc)
    assert examples["bad"] and examples["good"], "each rule shows a bad and a good example"


@pytest.mark.parametrize("rule_id", RULES)
def test_bad_example_is_flagged_and_good_is_not(rule_id):
    rule = all_rules()[rule_id]
    examples = doc_examples(rule.doc)
    # A rule that needs a setting (the corpus index) has its bad example tested where it is built.
    for bad in examples["bad"] if rule.needs is None else []:
        assert [f for f in lint(bad, rule_id) if f.rule == rule_id], f"not flagged: {bad}"
    for good in examples["good"]:
        assert not [f for f in lint(good, rule_id) if f.rule == rule_id], f"flagged: {good}"
