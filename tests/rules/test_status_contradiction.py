"""status-contradiction: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint
from drafts import SECTION, item


@pytest.mark.parametrize("measures", [
    "整改情况：已发布招聘公告，预计12月底前完成招聘。",
    "整改情况：相关制度正在推进修订。",
    "整改情况：资金尚未全部追回。",
    "整改情况：计划于2026年3月前完成改造。",
    "整改情况：已开展排查。下一步将建立长效机制。",
])
def test_completed_item_with_unfinished_measures_is_flagged(measures):
    (f,) = lint(SECTION + item(status_line="整改结果：已完成整改。", measures=measures), "status-contradiction")
    assert f.related and f.related[0].line == 6


@pytest.mark.parametrize("status", ["阶段性完成", "基本完成", "正在整改", "持续整改", "长期坚持"])
def test_unfinished_words_are_normal_under_partial_statuses(status):
    text = SECTION + item(status_line=f"整改结果：{status}。", measures="整改情况：预计12月底前完成招聘，正在推进。")
    assert lint(text, "status-contradiction") == []


def test_finished_measures_under_completed_status_are_fine():
    text = SECTION + item(status_line="整改结果：已完成整改。", measures="整改情况：已完成招聘，未发生类似问题。")
    assert lint(text, "status-contradiction") == []
