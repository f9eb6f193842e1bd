"""Where one rule's ground ends and another's begins, and text that is no rule's business."""

from conftest import lint
from drafts import SECTION, TITLE, found, item


def test_summary_rate_is_left_to_summary_counts():
    text = "关于整改情况的通报\n一、组织情况\n梳理问题20个，已完成15个，完成率60%。\n二、整改情况\n1.问题。\n整改结果：已完成。\n"
    assert lint(text, "number-arithmetic") == []
    assert "number" in [f.category for f in lint(text, "summary-counts")]


def test_numbers_starting_a_sentence_are_not_headings():
    text = "一、甲\n1.问题\n2025年起实行新制度。\n3家单位已整改。\n2.问题\n"
    assert found(text, "heading-sequence") == []
    assert found(text, "broken-heading-marker") == []


def test_numbered_list_inside_measures_is_not_a_heading():
    text = ("一、整改情况\n（一）组\n1.台账不规范。\n整改结果：已完成。\n整改情况：\n1.建立台账。\n2.定期核对。\n"
            "3.跟踪问效。\n2.制度不健全。\n整改结果：已完成。\n整改情况：修订制度。\n")
    assert found(text, "heading-sequence") == []
    assert lint(TITLE + text, "missing-status") == []
    from rectlint.document import Document
    items = Document(TITLE + text).outline.items
    assert [h.marker for h in items] == ["1.", "2."]


def test_numbering_run_on_and_anonymised_names_do_not_confuse_items():
    text = (SECTION + "（一）组\n" + item(heading="1.唐某某违规审批。", status_line="整改结果：已完成整改。")
            + "（二）组\n" + item(heading="2.胡某未按要求报告。", status_line="整改结果：已完成整改。"))
    assert lint(text, "status") == []


def test_a_status_count_after_a_second_unnamed_count_is_checked_against_neither():
    body = "关于巡察整改情况的通报\n一、整改情况\n巡察反馈{}，已完成整改{}个，其余正在推进。\n"
    # Between the problems and the part, a count no status word names (the tasks they were split
    # into) may be the part's base: 71 of 93 tasks is not 71 of 60 problems.
    assert lint(body.format("各支部问题共计60个，分解为整改任务93个", 71), "number-arithmetic") == []
    # With nothing between, the part still counts the problems.
    assert lint(body.format("各支部问题共计60个", 71), "number-arithmetic") != []
