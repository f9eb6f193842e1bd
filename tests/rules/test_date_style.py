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
