"""The two published seeds: every true defect in them is found, and nothing else is."""

import pytest

from conftest import lint, seed


def test_seed_000_every_broken_date_line_is_flagged_and_nothing_else():
    path = seed("000")
    findings = lint(path.read_text(encoding="utf-8"), "date")
    lines = {f.line for f in findings}
    expected = {7, 11, 23, 27, 35, 37, 39, 49, 55, 59, 61, 71, 73, 77, 81, 83, 87, 89, 91, 93, 95, 99,
                101, 105, 107, 111, 119, 121, 125, 129, 131, 137, 147, 151, 153, 155, 157, 159, 165, 167,
                169, 171, 173, 175, 177, 179, 183, 185, 187, 189, 191, 193, 207, 209, 211, 217, 223, 243}
    assert lines == expected
    by_pos = {(f.line, f.column): f.suggestion for f in findings}
    assert by_pos[(7, 8)] == "2025年3月24日"
    assert by_pos[(7, 17)] == "5月6日"
    assert by_pos[(37, 25)] == "2025年4—10月"
    assert by_pos[(243, 60)] == "2025年12月12日"


def test_seed_002_has_no_date_finding():
    assert lint(seed("002").read_text(encoding="utf-8"), "date") == []


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_seeds_have_only_true_findings_at_warning_or_above(prefix):
    found = lint(seed(prefix).read_text(encoding="utf-8"))
    cats = {"number", "punctuation", "placeholder", "privacy", "wording"}
    serious = {(f.rule, f.line) for f in found if f.category in cats and f.severity != "info"}
    expected = {
        "000": {("lost-unit", 31), ("lost-unit", 115), ("team-numeral", 7),
                ("paired-punctuation", 51), ("paired-punctuation", 55), ("paired-punctuation", 71),
                ("paired-punctuation", 81)},
        "002": set(),
    }[prefix]
    assert serious == expected
    width = [f for f in found if f.rule == "punctuation-width"]
    assert width and all(f.severity == "info" for f in width)


def test_seed_000_ordinal_defects():
    findings = lint(seed("000").read_text(encoding="utf-8"), "ordinal")
    got = {(f.rule, f.line) for f in findings}
    assert {("inline-enumeration", n) for n in (31, 107, 115, 157, 167)} <= got
    broken = {n for rule, n in got if rule == "broken-heading-marker"}
    assert broken == {13, 15, 35, 71, 75, 85, 89, 93, 113, 127, 191, 201}
    assert not [f for f in findings if f.rule == "heading-sequence"]


def test_seed_002_has_no_ordinal_finding():
    assert lint(seed("002").read_text(encoding="utf-8"), "ordinal") == []
