"""rectlint.conventions.framing: what frames an item, and the substance a passage carries."""

import pytest

from rectlint.conventions.framing import substance
from rectlint.text import fold


def of(line, part=None):
    """The substance of `part` of a line (the whole line by default), as the rule reads it."""
    text = fold(line)
    start = text.index(fold(part)) if part else 0
    end = start + len(fold(part)) if part else len(text)
    return substance(text, 0, len(text), start, end)


@pytest.mark.parametrize("line", [
    "整改举措及成效：",  # a label
    "主要做法：收到督查反馈意见后，",  # a label and the clause dating the work
    "2025年以来，",
    "区水务局党组高度重视，",  # the acting body and how seriously it acted
    "区文化广电体育和旅游局（含区图书馆、区文化馆）迅速",  # a long name with its members
    "（二）区水务局党组（区河道管理所、区水文站）立即",  # after a marker; members without 含
    "一是区水务局党组高度重视，",
    "第一时间召开局务会议，",  # the meeting an opener calls
    "立即召开党组会议，专题研究部署巡察反馈问题整改工作，",  # and what it was for
    "举一反三。",  # a closer
    "——2025年6月24日在县第十八届人民代表大会常务委员会第九次会议上",  # a report's dateline
    "二〇二五年六月二十四日",  # a date alone
])
def test_the_frame_of_an_item_carries_no_substance(line):
    assert of(line) == 0


@pytest.mark.parametrize("line, letters", [
    ("责成河道管理科逐段复核堤防台账，", 15),
    ("召开党组会议专题研究部署巡察反馈问题整改工作3次，", 24),  # meetings counted: what was done
    ("区水务局修订堤防巡查办法，", 12),  # a body followed by what it did: all of it is what was done
    ("补录缺失记录12条，", 9),  # figures are what was counted
    ("对全区32个村级组织财务开展清查后进行逐户核对，", 23),  # a long clause is not a date
    ("2025年6月在县城区开展燃气管道排查，", 19),  # a date followed by what was done
])
def test_what_was_done_found_or_counted_is_substance(line, letters):
    assert of(line) == letters


def test_a_span_starting_inside_a_clause_is_read_with_the_whole_clause():
    line = "收到督查反馈意见后，区水务局党组（含区河道管理所）迅速行动，复核堤防台账。"
    assert of(line, "意见后，区水务局党组（含区河道管理所）迅速") == 0
    assert of(line, "迅速行动，复核堤防台账") == 8


def test_a_long_clause_ending_with_a_colon_is_not_a_label():
    assert of("对照问题清单逐条核查并形成整改销号报告如下：") == 21


def test_members_in_brackets_after_a_name_are_its_frame_wherever_the_name_stands():
    line = "抽查3家单位，其中2家为区文旅局（区图书馆、区文化馆）下属场馆，"
    assert of(line) == sum(ch.isalnum() for ch in "抽查3家单位其中2家为区文旅局下属场馆")


def test_in_a_line_of_fields_each_label_s_value_is_frame():
    line = "责任单位：区水务局党组（含区河道管理所）；责任领导：局党组书记；整改时限：2025年12月底前"
    assert of(line) == 0


def test_a_single_label_s_value_and_a_value_of_several_clauses_are_substance():
    assert of("整改措施：建立河道巡查台账并实行月度对账销号管理") == 19
    line = "整改措施：逐段复核巡查台账，补录缺失记录；责任单位：区河道管理所"
    assert of(line) == sum(ch.isalnum() for ch in "逐段复核巡查台账补录缺失记录")
