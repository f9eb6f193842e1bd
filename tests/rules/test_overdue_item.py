"""overdue-item: what it flags, what it leaves alone, its options and its fixes."""

import datetime

import pytest

from conftest import lint

HEAD = "关于巡察整改进展情况的通报\n\n{summary}\n\n二、整改落实情况\n\n1.人员短缺。\n{status}\n整改情况：{measures}\n\n中共某局党组\n{date}\n"


def notice(status="整改结果：正在整改。", measures="已发布招聘公告，计划于2025年9月底前完成招聘。",
           summary="截至2025年10月31日，巡察反馈的1个问题正在整改。", date="2025年11月5日"):
    return HEAD.format(summary=summary, status=status, measures=measures, date=date)


def test_an_open_item_past_its_deadline_at_the_cut_off_point():
    (f,) = lint(notice(), "overdue-item")
    assert f.severity == "info" and "逾期未完成" in f.zh
    assert "2025年9月底前完成" in f.zh and "2025-10-31" in f.zh
    assert f.related and f.related[0].line == 8 and f.line == 9


@pytest.mark.parametrize("measures", [
    "计划于2025年6月30日前办结。",       # a day
    "力争2025年8月前完成系统上线。",       # a month's start: 8月前 is before August
    "预计2024年底前完成改造。",           # a year's end
])
def test_deadline_shapes(measures):
    assert len(lint(notice(measures=measures), "overdue-item")) == 1


def test_a_deadline_label_counts():
    text = notice(status="整改状态：阶段性完成\n整改时限：2025年9月30日", measures="已完成方案编制。")
    assert len(lint(text, "overdue-item")) == 1


def test_the_notices_date_when_no_cut_off_point_is_given():
    text = notice(summary="巡察反馈的1个问题正在整改。", measures="计划于2025年11月底前完成招聘。",
                  date="2025年12月10日")
    assert len(lint(text, "overdue-item")) == 1
    text = notice(summary="巡察反馈的1个问题正在整改。", measures="计划于2025年12月底前完成招聘。",
                  date="2025年12月10日")
    assert lint(text, "overdue-item") == []


def test_as_of_stands_in_when_no_cut_off_is_written():
    text = notice(summary="巡察反馈的1个问题正在整改。", measures="计划于2025年11月底前完成招聘。",
                  date="2025年11月5日")
    assert lint(text, "overdue-item") == []
    assert len(lint(text, "overdue-item", as_of=datetime.date(2025, 12, 15))) == 1


@pytest.mark.parametrize("status,measures", [
    ("整改结果：已完成整改。", "已于2025年9月底前完成招聘。"),        # done: not overdue
    ("整改结果：长期坚持。", "2025年9月底前完成首轮轮岗，此后每年开展。"),  # long-term
    ("整改结果：正在整改。", "计划于2025年12月底前完成招聘。"),        # not yet due
    ("整改结果：正在整改。", "已于2025年9月底完成公告发布，正在组织面试。"),  # a date, no deadline
])
def test_quiet(status, measures):
    assert lint(notice(status=status, measures=measures), "overdue-item") == []


def test_options_none():
    from rules import overdue_item
    assert overdue_item.OPTIONS == {}


def test_a_month_deadline_without_底_is_read_without_a_crash():
    # 2025年3月前完成: the deadline's 底 group takes no part (found by bench/fuzz.py)
    text = ("关于巡察整改进展情况的通报\n\n一、整改情况\n\n1.台账不规范。\n整改状态：正在整改。计划2025年3月前完成。\n\n"
            "中共某局党组\n2025年10月20日\n")
    assert all(f.category != "internal" for f in lint(text))
