"""Meta-tests: every rule documents itself, proves its own Bad/Good examples (proselint's
meta-test), has its own test file, and the README's rule table says what the modules say."""

import importlib
import inspect

import pytest
import regex

from rectlint.examples import doc_examples
from rectlint.registry import all_rules

from conftest import ROOT, lint

RULES = sorted(all_rules())
RULE_TESTS = ROOT / "tests" / "rules"


def _offers_fixes(rule) -> bool:
    check = rule.check
    if check.__module__ == "rectlint.wording":  # substitution and consistency rules fix; existence ones do not
        return check.__qualname__.startswith(("_substitution.", "_consistency."))
    return "Fix." in inspect.getsource(importlib.import_module(check.__module__))


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
    # A rule that needs a context field (the corpus index) has its bad example tested in its file.
    for bad in examples["bad"] if rule.needs is None else []:
        assert [f for f in lint(bad, rule_id) if f.rule == rule_id], f"not flagged: {bad}"
    for good in examples["good"]:
        assert not [f for f in lint(good, rule_id) if f.rule == rule_id], f"flagged: {good}"


@pytest.mark.parametrize("rule_id", RULES)
def test_every_rule_has_its_own_test_file_covering_options_and_fixes(rule_id):
    path = RULE_TESTS / f"test_{rule_id.replace('-', '_')}.py"
    assert path.is_file(), f"{rule_id} has no {path.relative_to(ROOT)}"
    text = path.read_text(encoding="utf-8")
    rule = all_rules()[rule_id]
    assert f'"{rule_id}"' in text or f"'{rule_id}'" in text, "the file lints with its rule"
    assert "def test_" in text and "== []" in text, "it shows text the rule leaves alone"
    for option in rule.options:
        assert option in text, f"option {option} is not tested"
    if _offers_fixes(rule):
        assert "fixed(" in text, "a rule that fixes shows the fixed text"


def test_every_rule_test_file_belongs_to_a_rule():
    ids = {p.stem.removeprefix("test_").replace("_", "-") for p in RULE_TESTS.glob("test_*.py")}
    assert ids <= set(RULES)


def _readme_rows():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Rules", 1)[1].split("\n## ", 1)[0]
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and cells[0].startswith("`"):
            yield regex.findall(r"`([a-z0-9-]+)`", cells[0]), cells[1], cells[2]


def test_the_readme_rule_table_matches_the_rule_modules():
    rows = list(_readme_rows())
    listed = [rule_id for ids, _, _ in rows for rule_id in ids]
    assert sorted(listed) == RULES and len(listed) == len(set(listed))
    for ids, category, severity in rows:
        for rule_id in ids:
            rule = all_rules()[rule_id]
            assert category == ", ".join(rule.categories), rule_id
            assert severity == rule.severity, rule_id


def test_explain_and_the_rules_listing_are_the_modules_own_words():
    from click.testing import CliRunner

    from rectlint.cli import cli

    runner = CliRunner()
    for lang in ("zh", "en"):
        listing = runner.invoke(cli, ["rules", "--lang", lang]).output.splitlines()
        assert len(listing) == len(RULES)
        for rule_id in RULES:
            rule = all_rules()[rule_id]
            assert any(line.split()[0] == rule_id and line.endswith(rule.summary_in(lang)) for line in listing)
            shown = runner.invoke(cli, ["explain", rule_id, "--lang", lang]).output
            # wrapped for the terminal: the same words, the line breaks elsewhere
            assert "".join(rule.doc_in(lang).split()) in "".join(shown.split())
            assert all(option in shown for option in rule.options)


@pytest.mark.parametrize("rule_id", RULES)
def test_every_rule_is_documented_in_chinese_beside_the_english(rule_id):
    rule = all_rules()[rule_id]
    zh = rule.doc_in("zh")
    assert rule.doc_zh and regex.search(r"\p{Han}", rule.summary_in("zh")), f"{rule_id}: no DOC_ZH / summary_zh"
    assert "依据：" in zh, f"{rule_id}: the Chinese documentation gives no 依据 (why)"
    # The Chinese page shows the same examples as the English one.
    assert zh.count("错误：") == rule.doc.count("Bad:") and zh.count("正确：") == rule.doc.count("Good:")
