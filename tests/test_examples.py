"""examples/*: each draft's findings equal its .expected.json.

Set RECTLINT_REGEN=1 to rewrite the expectations after reviewing a rule change.
"""

import json
import os

import pytest

from conftest import EXAMPLES, run_cli

DRAFTS = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("draft", DRAFTS, ids=[d.name for d in DRAFTS])
def test_example_findings_match_expectation(draft):
    expected_path = draft.with_name(draft.name + ".expected.json")
    result = run_cli(f"examples/{draft.name}", "--format", "json", "--lang", "en")
    got = json.loads(result.stdout)
    if os.environ.get("RECTLINT_REGEN"):
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got == expected
    assert result.returncode == (1 if expected else 0)


@pytest.mark.parametrize("name", ["clean-notice.txt", "unusual-but-clean.txt"])
def test_clean_examples_have_no_findings(name):
    # unusual-but-clean: full-width marks, a date range across years, status as a tag and
    # inline, 某某 for names, counts that add up, a plan period and an age range.
    assert json.loads((EXAMPLES / f"{name}.expected.json").read_text(encoding="utf-8")) == []
