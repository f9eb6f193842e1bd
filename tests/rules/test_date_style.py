"""date-style: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import fixed, lint


@pytest.mark.parametrize("text,suggestion", [
    ("2025.3.24召开推进会。", "2025年3月24日"),
    ("2025/3/24召开推进会。", "2025年3月24日"),
    ("2025-03-24召开推进会。", "2025年3月24日"),
    ("2025年03月05日完成。", "2025年3月5日"),
    ("3月05日完成。", "3月5日"),
])
def test_date_style(text, suggestion):
    (f,) = lint(text, "date-style")
    assert f.severity == "info" and f.suggestion == suggestion


def test_a_two_digit_year_is_a_warning():
    (f,) = lint("25年3月完成整改。", "date-style")
    assert f.severity == "warning" and f.suggestion is None


@pytest.mark.parametrize("text", ["2025年3月5日完成。", "版本1.2.3发布，增长10.5%。", "编号2025-00909。"])
def test_date_style_not_flagged(text):
    assert lint(text, "date-style") == []


def test_fix_writes_the_date_in_running_text_form_with_unsafe_fixes():
    assert fixed("2025.3.24召开推进会。", "date-style") == "2025.3.24召开推进会。"
    assert fixed("2025.3.24召开推进会。", "date-style", unsafe=True) == "2025年3月24日召开推进会。"
    assert fixed("二〇二五年十一月二十日", "date-style", unsafe=True) == "2025年11月20日"


def test_dropping_a_zero_is_a_safe_fix_and_rewriting_a_form_is_not():
    assert fixed("2025年03月05日召开推进会。", "date-style") == "2025年3月5日召开推进会。"
    (f,) = lint("2025年03月05日召开推进会。", "date-style")
    assert f.fix.applicability == "safe"
    (g,) = lint("2025.3.24召开推进会。", "date-style")
    assert g.fix.applicability == "unsafe"


@pytest.mark.parametrize("text,suggestion,safe", [
    ("于 7 月 12 日开展督查。", "7月12日", True),
    ("3月24号召开推进会。", "3月24日", False),
    ("2025年3月10日——5月12日开展巡察。", "2025年3月10日至5月12日", False),
])
def test_spaces_hao_and_a_dash_joiner(text, suggestion, safe):
    (f,) = lint(text, "date-style")
    assert f.suggestion == suggestion and (f.fix.applicability == "safe") == safe


@pytest.mark.parametrize("text", [
    "工作25年，20世纪90年代以来。",
    "6月12日-13日组织培训，2025年3月—5月、2025年6月～9月开展检查。",
    "县百花路5号，〔2025〕7号。",
])
def test_durations_decades_hyphen_ranges_and_numbered_things_are_no_style_finding(text):
    assert lint(text, "date-style") == []
