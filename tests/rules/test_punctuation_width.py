"""punctuation-width: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import fixed, lint


def test_consistent_half_width_is_one_info_summary_per_mark():
    text = "一是建立台账,二是定期核对,三是跟踪问效:每月一次;每季通报(书面)。\n四是抓落实,五是严考核。"
    found = lint(text, "punctuation-width")
    assert len(found) == 4 and {f.severity for f in found} == {"info"}
    assert any("3 times" in f.en for f in found)


def test_stray_half_width_in_a_full_width_draft_is_reported_each():
    text = "一是建立台账，二是定期核对,三是跟踪问效，四是(书面)通报，五是严考核。"
    found = lint(text, "punctuation-width")
    assert [(f.severity, f.suggestion) for f in found] == [("warning", "，"), ("warning", "（"), ("warning", "）")]


def test_mostly_half_width_with_some_full_width_is_one_mixed_summary():
    text = "一是建立台账,二是定期核对,三是跟踪问效，四是严考核,五是抓落实。"
    (f,) = lint(text, "punctuation-width")
    assert "mixed" in f.en and f.severity == "warning"


@pytest.mark.parametrize("text", [
    "共1,000人，时间为12:30，网址https://example.cn/a?b=1，邮箱a.b@example.cn。",
    "Use the English text, as is: (a) and (b)!",
    "整改情况：一是建立台账。",
])
def test_punctuation_width_not_flagged(text):
    assert lint(text, "punctuation-width") == []


def test_fix_makes_the_odd_mark_full_width():
    assert fixed("一是建立台账，二是定期核对,三是跟踪问效。", "punctuation-width") == "一是建立台账，二是定期核对，三是跟踪问效。"


def test_fix_of_a_whole_document_summary_changes_every_mark():
    assert fixed("一是建立台账,二是定期核对;三是跟踪问效(每月)。", "punctuation-width") == \
        "一是建立台账，二是定期核对；三是跟踪问效（每月）。"


def test_straight_quotes_in_a_draft_that_quotes_with_curly_ones_are_reported_each():
    text = "一是落实“三个聚焦”要求，开展“回头看”。二是对整改任务进行\"挂号\"管理。"
    found = lint(text, "punctuation-width")
    assert [(f.severity, f.suggestion) for f in found] == [("warning", "“"), ("warning", "”")]
    assert fixed(text, "punctuation-width") == "一是落实“三个聚焦”要求，开展“回头看”。二是对整改任务进行“挂号”管理。"


def test_straight_quotes_throughout_are_one_info_summary():
    text = "对整改任务进行\"挂号\"管理，完成一件\"销号\"一件。"
    (f,) = lint(text, "punctuation-width")
    assert f.severity == "info" and "4 times" in f.en


@pytest.mark.parametrize("text", [
    "网页中的图片<img alt=\"巡察公告\">不算正文。",        # a markup attribute's value
    "He said \"rectify\" twice，共3人。",                   # no Chinese inside the quotes
    "详见“整改台账”及\"https://example.cn/整改\"。",       # a web address
])
def test_straight_quotes_that_are_no_chinese_quotation_are_left_alone(text):
    assert [f for f in lint(text, "punctuation-width") if '"' in f.en] == []
