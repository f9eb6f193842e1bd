"""inspection-term: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import fixed, lint

LEAD_XUNCHA = "关于巡察整改进展情况的通报\n\n2025年3月3日至4月30日，县委第二巡察组开展巡察，6月3日反馈意见。\n\n"
LEAD_XUNSHI = "关于巡视整改进展情况的通报\n\n2025年3月3日至4月30日，省委第六巡视组开展巡视，6月3日反馈意见。\n\n"


@pytest.mark.parametrize("text,wrong", [
    (LEAD_XUNCHA + "一、巡视反馈问题整改情况\n", "巡视"),
    (LEAD_XUNCHA + "一、整改情况\n\n对照巡视组反馈的意见，逐条制定措施。\n", "巡视"),
    (LEAD_XUNSHI + "一、整改情况\n\n对照巡察组反馈的意见，逐条制定措施。\n", "巡察"),
])
def test_the_other_word_for_the_notice_own_inspection_is_flagged(text, wrong):
    (f,) = lint(text, "inspection-term")
    assert text.splitlines()[f.line - 1][f.column - 1:f.end_column] == wrong
    assert f.suggestion == ("巡察" if wrong == "巡视" else "巡视")


@pytest.mark.parametrize("text", [
    LEAD_XUNCHA + "一、巡察反馈问题整改情况\n\n推动省委巡视反馈问题和巡视巡察上下联动整改。\n",
    LEAD_XUNCHA + "一、整改情况\n\n落实《中国共产党巡视工作条例》，深化对巡视整改政治意义的认识。\n",
    LEAD_XUNSHI + "一、巡视整改情况\n\n指导市县巡察整改，推动巡视巡察上下联动。\n",
    # No team named in the lead: nothing to hold the words against.
    "关于整改进展情况的通报\n\n一、巡视反馈问题整改情况\n\n对照巡察组反馈的意见整改。\n",
])
def test_other_inspections_combined_phrases_and_cited_titles_stay_quiet(text):
    assert lint(text, "inspection-term") == []


def test_fix_names_the_lead_inspection_with_unsafe_fixes():
    text = LEAD_XUNCHA + "一、巡视反馈问题整改情况\n"
    assert fixed(text, "inspection-term") == text
    assert fixed(text, "inspection-term", unsafe=True).endswith("一、巡察反馈问题整改情况\n")


# -- the team's number: feedback of another team is a sentence from another notice ------------

FIFTH = ("关于市委第五巡察组反馈意见整改进展情况的通报\n\n"
         "2025年3月3日至4月30日，市委第五巡察组对开发区党工委开展巡察，6月3日反馈意见。\n\n一、整改情况\n\n")


def test_another_teams_feedback_is_flagged_with_the_own_team():
    text = FIFTH + "召开专题会议，传达市委第一巡察组的反馈意见和整改要求。\n"
    (f,) = lint(text, "inspection-term")
    assert text.splitlines()[f.line - 1][f.column - 1:f.end_column] == "市委第一巡察组"
    assert f.suggestion == "市委第五巡察组" and "市委第五巡察组" in f.zh
    assert fixed(text, "inspection-term", unsafe=True) == text.replace("第一巡察组", "第五巡察组")


@pytest.mark.parametrize("body", [
    "召开专题会议，传达市委第五巡察组的反馈意见。\n",
    "借鉴市委第一巡察组巡察其他单位时的经验做法。\n",
    "配合市委第三、第五巡察组开展工作，落实反馈意见。\n",
    "学习《市委第二巡察组反馈意见整改工作方案》。\n",
    "落实县委第一巡察组反馈的意见。\n",
])
def test_the_own_team_other_work_of_other_teams_lists_and_titles_stay_quiet(body):
    assert lint(FIFTH + body, "inspection-term") == []
