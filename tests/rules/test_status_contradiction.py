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


@pytest.mark.parametrize("status_line,plan", [
    ("整改结果：已完成，计划于2026年3月底前完成招聘。", "计划于2026年3月底前完成招聘"),
    ("整改状态：已完成整改，预计2026年6月完成验收", "预计2026年6月完成验收"),
    ("整改结果：已整改到位，正在推进。", "正在推进"),
    ("整改结果：已办结，尚未销号。", "尚未销号"),
])
def test_a_status_both_done_and_planned_is_a_contradiction(status_line, plan):
    text = SECTION + item(status_line=status_line, measures="整改情况：已发布招聘公告。")
    (f,) = lint(text, "status-contradiction")
    line = text.splitlines()[f.line - 1]
    assert line[f.column - 1:f.end_column] == plan and "既已完成又在计划中" in f.zh
    assert f.related and f.related[0].line == f.line
    assert lint(text, "unknown-status") == []  # it reads: a contradiction, not an unknown status


def test_a_status_sentence_both_done_and_planned():
    text = SECTION + item(measures="整改情况：已发布招聘公告。该问题已完成整改，预计2026年6月底前完成招聘。")
    (f,) = lint(text, "status-contradiction")
    assert "预计2026年6月底前完成招聘" in f.zh


@pytest.mark.parametrize("status_line", [
    "整改结果：已完成整改，需长期坚持。",            # upkeep is not a plan
    "整改结果：已完成整改，持续巩固整改成果。",
    "整改结果：阶段性完成，计划于2026年3月底前全面完成。",  # open work may have a plan
    "整改状态：正在整改，预计2026年6月完成",
])
def test_upkeep_and_plans_of_open_work_are_consistent(status_line):
    text = SECTION + item(status_line=status_line, measures="整改情况：已发布招聘公告。")
    assert lint(text, "status-contradiction") == []


@pytest.mark.parametrize("measures", [
    "整改情况：已修订考核办法，后续将建立专家库。",
    "整改情况：改造任务已完成过半。",
    "整改情况：首批物资已到位，剩余物资按计划采购。",
])
def test_more_words_of_unfinished_work(measures):
    assert len(lint(SECTION + item(status_line="整改结果：已完成整改。", measures=measures),
                    "status-contradiction")) == 1


def test_composed_done_statuses_are_checked_too():
    text = SECTION + item(status_line="整改结果：整改完毕。", measures="整改情况：预计12月底前完成招聘。")
    assert len(lint(text, "status-contradiction")) == 1


def test_a_plan_inside_another_problems_own_status_sentence_is_not_a_measure():
    # Two problems under one heading, each closing with its own status (a real layout).
    measures = ("针对“培养不足”的问题，制定培养计划。目前该问题正持续推进，首期培养计划于2026年3月底前完成。\n"
                "针对“记录不规范”的问题，统一制发记录本。该问题已整改完成。")
    assert lint(SECTION + item(heading="（三）加强队伍建设", measures=measures), "status-contradiction") == []
    # A bare plan sentence is a measure of the item's own work.
    text = SECTION + item(measures="统一制发记录本。预计2026年6月底前完成。该问题已整改完成。")
    assert len(lint(text, "status-contradiction")) == 1


@pytest.mark.parametrize("status_line", [
    "整改结果：已完成预计明年6月底前完成剩余工作。",          # the comma lost: still done and planned
    "整改进展：已完成（2025年9月完成）预计明年6月底前完成剩余工作。",  # after a remark
])
def test_a_plan_run_into_a_done_status(status_line):
    text = SECTION + item(status_line=status_line, measures="整改情况：已发布招聘公告。")
    assert len(lint(text, "status-contradiction")) == 1 and lint(text, "unknown-status") == []


def test_a_closing_status_sentence_in_the_items_own_paragraph():
    text = SECTION + "1.协商成果转化不够。整改情况：建立跟踪机制。目前，该问题已整改到位。预计明年6月底前完成剩余工作。\n"
    assert len(lint(text, "status-contradiction")) == 1
