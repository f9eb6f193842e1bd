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
