"""missing-status: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint, seed
from drafts import SECTION, item


@pytest.mark.parametrize("text", [
    item(status_line="整改结果：已完成整改。"),
    item(status_line="整改状态：阶段性完成"),
    item(status_line="整改状态：完成"),
    item(measures="整改情况：已完成。一是建立台账。"),
    item(measures="整改落实情况：正在整改，一是建立台账。"),
    item(heading="1.台账管理不规范。【已完成】"),
    item(heading="1.台账管理不规范（已完成）"),
    item(heading="1.台账管理不规范。(长期坚持)"),
])
def test_every_status_form_counts(text):
    assert lint(SECTION + text, "missing-status") == []


def test_item_without_status_is_flagged_once_on_its_heading():
    text = SECTION + item() + item(heading="2.制度不健全。", status_line="整改结果：已完成整改。")
    (f,) = lint(text, "missing-status")
    assert f.line == 5 and f.column == 1


def test_required_auto_and_never():
    none_given = SECTION + item() + item(heading="2.制度不健全。")
    some_given = SECTION + item() + item(heading="2.制度不健全。", status_line="整改结果：已完成整改。")
    assert lint(none_given, "missing-status", required="auto") == []
    assert len(lint(some_given, "missing-status", required="auto")) == 1
    assert lint(some_given, "missing-status", required="never") == []


def test_seed_000_every_item_lacks_a_status():
    findings = lint(seed("000").read_text(encoding="utf-8"), "missing-status")
    assert len(findings) == 44
    assert len({f.line for f in findings}) == 44


def test_seed_002_counts_and_missing_supervision_block():
    findings = lint(seed("002").read_text(encoding="utf-8"), "status") + \
        lint(seed("002").read_text(encoding="utf-8"), "structure")
    assert not [f for f in findings if f.rule == "missing-status"]
    messages = {f.en for f in findings}
    assert "31 problems declared, 19 listed" in messages
    assert "13 aspects declared, 9 listed" in messages
    assert any("supervision" in m for m in messages)


def test_items_are_found_without_labels_from_status_tags_and_section_names():
    tagged = ("关于巡察整改进展情况的通报\n\n一、组织情况\n（一）加强领导。成立小组。\n（二）压实责任。建立清单。\n"
              "二、整改落实情况\n（一）台账不规范。【已完成】\n建立台账并定期核对。\n（二）制度不健全。\n修订制度3项。\n"
              "三、下一步打算\n（一）巩固成果。\n")
    (f,) = lint(tagged, "missing-status")
    assert f.line == 9
    unlabelled = ("关于巡察整改进展情况的通报\n\n一、组织情况\n（一）加强领导。\n（二）压实责任。\n"
                  "二、反馈问题的整改情况\n1.台账不规范。\n建立台账。\n2.制度不健全。\n修订制度。\n三、下一步打算\n（一）巩固成果。\n")
    assert [f.line for f in lint(unlabelled, "missing-status")] == [7, 9]


@pytest.mark.parametrize("text", [
    item(status_line="整改结果：整改完毕"),
    item(status_line="完成情况：已办结，并建立季度评价制度"),
    item(status_line="整改进展：已完成（2025年9月完成）"),
    item(measures="整改情况：按期推进中，第一批网点已改造完成。"),
    item(measures="整改情况：开展专项清理，建立月通报制度，已整改到位。"),
    item(measures="建立台账。该项整改已办结。"),
    item(measures="建立台账。此项需长期坚持，已建立长效机制。"),
    item(measures="建立台账。目前该问题正持续推进，首期核对计划于2026年3月底前完成。"),
    item(heading="1.台账管理不规范。（基本完成，需长期坚持）"),
    item(heading="1.台账管理不规范。【整改中】"),
])
def test_statuses_composed_from_the_grammar_count(text):
    assert lint(SECTION + text, "missing-status") == []


def test_a_garbled_status_is_reported_by_unknown_status_not_as_missing():
    text = SECTION + item(measures="建立台账。此项已完成整整改。")
    assert lint(text, "missing-status") == []
    assert len(lint(text, "unknown-status")) == 1


@pytest.mark.parametrize("measures", [
    "整改情况：已建立台账。",            # a measure that starts like a status
    "整改情况：已完成资产清查，登记入账。",
    "一是建立台账。二是持续推进制度建设。",
])
def test_measures_are_not_statuses(measures):
    assert len(lint(SECTION + item(measures=measures), "missing-status")) == 1


def test_paragraphs_on_how_the_work_was_organised_are_not_problems():
    # A page cut off before its problems: only the organising section shows.
    text = ("关于巡视整改进展情况的通报\n\n一、组织落实整改情况\n\n（一）主要负责人组织落实情况\n\n"
            "1.以高度政治自觉扛起责任。主要领导带头学习，主持召开民主生活会。\n\n"
            "2.以强烈使命担当狠抓落实。召开领导小组会议3次，统筹调度整改。\n")
    assert lint(text, "missing-status") == []
    # The same layout under a heading that names the problems owes statuses.
    named = text.replace("一、组织落实整改情况", "一、反馈问题整改情况")
    assert len(lint(named, "missing-status")) == 2


ASPECTS = ("关于巡察整改情况的通报\n\n截至目前，巡察反馈4个问题，已完成整改3个、正在整改1个。\n\n"
           "（一）在“依法履职”方面\n\n1.关于“监督刚性不足”问题的整改\n\n"
           "（1）关于“跟踪问效不够”。整改情况：建立回头看制度。整改状态：已完成。\n\n"
           "（2）关于“问题清单不具体”。整改情况：修订工作规程。整改状态：已完成。\n\n"
           "（二）在“自身建设”方面\n\n1.关于“财务管理不规范”问题的整改\n\n"
           "（1）关于“会议费超标”。整改情况：全面自查并追缴。整改状态：已完成。\n\n"
           "（2）关于“培训针对性不强”。整改情况：制定跟班学习计划。整改状态：正在整改。\n")


def test_problems_grouped_by_aspect_at_the_top_are_all_items():
    # No 一、 sections: the aspects themselves are the top headings, and each lists problems.
    assert lint(ASPECTS, "status") == []
    lost = ASPECTS.replace("制定跟班学习计划。整改状态：正在整改。", "制定跟班学习计划。")
    (f,) = lint(lost, "missing-status")
    assert f.line == lost.splitlines().index("（2）关于“培训针对性不强”。整改情况：制定跟班学习计划。") + 1
    # The counts are checked against every aspect's items, not the first aspect's.
    wrong = ASPECTS.replace("全面自查并追缴。整改状态：已完成", "全面自查并追缴。整改状态：未完成")
    assert [f.rule for f in lint(wrong, "status")] == ["summary-counts"]


def test_a_later_section_with_one_stray_status_is_no_list_of_problems():
    text = ("关于巡察整改进展情况的通报\n\n一、整改落实情况\n\n（一）台账管理不规范。整改结果：已完成。\n\n"
            "（二）制度执行不严格。整改结果：已完成。\n\n二、下一步打算\n\n（一）巩固成果。此项需长期坚持。\n\n"
            "（二）健全机制。完善考核办法。\n\n（三）强化监督。开展专项检查。\n")
    assert lint(text, "missing-status") == []


AUDIT = ("关于2024年度县级预算执行审计查出问题整改情况的报告\n\n县人大常委会：\n\n"
         "受县人民政府委托，现将2024年度县级预算执行审计查出问题的整改情况报告如下。\n\n"
         "一、预算执行审计查出问题整改情况\n\n"
         "（一）针对“结转资金未及时收回”问题。县财政局已将结转两年以上的资金85万元收回国库。\n\n"
         "（二）针对“专项资金拨付滞后”问题。县农业农村局于2025年3月底前全部拨付，并完善了拨付台账制度。\n\n"
         "（三）针对“预算编制不完整”问题。{third}\n\n"
         "二、下一步工作\n\n持续跟踪审计查出问题整改，确保整改到位。\n")


def test_in_an_audit_report_the_action_stated_as_done_is_the_status():
    done = AUDIT.format(third="县卫健委已将上年结转资金纳入年初预算。")
    assert lint(done, "missing-status") == []
    # Only plans, or a problem sentence that says 了: the item states no status.
    for third in ("县卫健委今后将提高预算编制的精准性。", "县卫健委将把结转资金编入部门预算，确保预算完整。"):
        (f,) = lint(AUDIT.format(third=third), "missing-status")
        assert f.line == AUDIT.format(third=third).splitlines().index("（三）针对“预算编制不完整”问题。" + third) + 1


def test_in_an_audit_report_an_action_dated_before_the_report_is_done():
    signed = AUDIT.replace("确保整改到位。\n", "确保整改到位。\n\n县审计局\n2025年6月20日\n")
    dated = signed.format(third="县卫健委2025年4月将上年结转资金纳入年初预算。")
    assert lint(dated, "missing-status") == []
    # A plan, a date after the report, a bound, or no report date: the action is not told as done.
    for third in ("县卫健委计划于2025年4月将结转资金编入预算。", "县卫健委2025年8月将结转资金编入预算。",
                  "县卫健委于2025年4月前将结转资金编入预算。"):
        assert len(lint(signed.format(third=third), "missing-status")) == 1, third
    assert len(lint(AUDIT.format(third="县卫健委2025年4月将上年结转资金纳入年初预算。"), "missing-status")) == 1


def test_in_an_inspection_notice_an_action_stated_as_done_is_still_a_measure():
    # seed 000's shape: measures only (已建立…), no status.
    text = SECTION + item(measures="整改情况：已建立台账并定期核对，完善了核对制度。")
    assert len(lint(text, "missing-status")) == 1


ORGANISED = (
    "关于区农业农村局党组巡察整改进展情况的通报\n"
    "根据区委巡察工作统一部署，现将巡察整改进展情况予以公布。\n"
    "一、加强组织领导，扎实推进问题整改\n"
    "（一）强化责任担当，统筹谋划部署。局党组召开专题会议，逐项明确责任领导和完成时限。\n"
    "（二）强化督促检查，压茬推进整改。整改领导小组每月听取一次进展汇报。截至目前，已全部完成整改。\n"
    "（三）严肃追责问责，以案促改促治。对相关责任人进行提醒谈话5人。\n"
    "二、巡察反馈问题的整改情况\n"
    "1.关于政治理论学习不深入的问题\n"
    "整改情况：一是修订中心组学习计划。二是开展专题研讨4次。目前已完成整改。\n"
    "2.关于财务报销审核不严格的问题\n"
    "整改情况：一是修订财务管理制度。二是开展专项自查。\n"
    "3.关于档案管理不规范的问题\n"
    "整改情况：一是补齐缺失档案。目前已完成整改。\n"
    "中共区农业农村局党组\n2026年5月20日\n"
)


def test_the_organisers_own_measures_hold_no_problem_items():
    """一、's sub-headings open with the organiser's verbs (强化…, 严肃…): that section tells how the
    work was led. Only the item under 二、 that states no status is flagged."""
    (f,) = lint(ORGANISED, "missing-status")
    assert ORGANISED.splitlines()[f.line - 1].startswith("2.关于财务报销")


def test_a_section_with_a_problem_title_among_its_sub_headings_still_holds_items():
    """Cut after the first item of 二、, the two sections tie; 一、 is the organising part only while
    every sub-heading is the organiser's measure."""
    short = ORGANISED[:ORGANISED.index("2.关于财务")] + "中共区农业农村局党组\n2026年5月20日\n"
    assert lint(short, "missing-status") == []
    text = short.replace("（三）严肃追责问责，以案促改促治。", "（三）干部选拔任用程序不规范。")
    flagged = [text.splitlines()[f.line - 1][:3] for f in lint(text, "missing-status")]
    assert flagged == ["（一）", "（三）"]


def test_items_titled_by_their_measures_are_still_items_where_no_other_section_lists_problems():
    text = (
        "关于区农业农村局党组巡察整改进展情况的通报\n"
        "根据区委巡察工作统一部署，现将巡察整改进展情况予以公布。\n"
        "一、巡察反馈意见整改落实情况\n"
        "（一）强化理论武装，修订中心组学习计划。\n"
        "整改情况：已完成整改。\n"
        "（二）健全财务制度，规范报销审核流程。\n"
        "整改情况：一是修订财务管理制度。\n"
        "中共区农业农村局党组\n2026年5月20日\n"
    )
    (f,) = lint(text, "missing-status")
    assert text.splitlines()[f.line - 1].startswith("（二）")


def test_a_page_cut_after_its_organising_section_asks_no_status():
    cut = ORGANISED[:ORGANISED.index("二、巡察反馈问题")]
    assert lint(cut, "missing-status") == []
