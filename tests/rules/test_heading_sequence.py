"""heading-sequence: what it flags, what it leaves alone, its options and its fixes."""

from conftest import lint
from drafts import TITLE, found


def test_skipped_level_one_heading_is_reported_once_then_resynchronised():
    text = "一、甲\n二、乙\n四、丁\n五、戊\n六、己\n"
    result = found(text, "heading-sequence")
    assert len(result) == 1 and result[0][0] == 5 and "三、" in result[0][1]


def test_repeated_and_out_of_order_headings():
    assert "repeated" in found("一、甲\n（一）子\n（一）子\n", "heading-sequence")[0][1]
    assert "out of order" in found("一、甲\n（一）子\n（二）丑\n（三）寅\n（二）卯\n", "heading-sequence")[0][1]


def test_first_heading_above_one():
    (hit,) = found("一、甲\n（二）子\n（三）丑\n", "heading-sequence")
    assert "（一）" in hit[1]


def test_numbering_that_runs_on_across_sections_is_learned():
    text = ("一、甲\n（一）组\n1.问题\n2.问题\n3.问题\n（二）组\n4.问题\n5.问题\n"
            "（三）组\n6.问题\n（四）组\n7.问题\n")
    assert found(text, "heading-sequence") == []


def test_run_on_convention_still_catches_a_gap():
    text = ("一、甲\n（一）组\n1.问题\n2.问题\n（二）组\n3.问题\n5.问题\n（三）组\n6.问题\n")
    (hit,) = found(text, "heading-sequence")
    assert "4." in hit[1]


def test_numbering_that_restarts_under_each_section_is_learned():
    text = "一、甲\n1.问题\n2.问题\n二、乙\n1.问题\n2.问题\n三、丙\n1.问题\n"
    assert found(text, "heading-sequence") == []


def test_skipped_level_and_fused_heading_are_fine():
    assert found("一、甲\n1.问题\n2.问题\n二、乙\n1.（1）问题\n2.（1）问题\n", "heading-sequence") == []


def test_labelled_sub_items_under_grouping_headings_restart_or_run_on():
    restart = ("一、甲\n（一）党的建设方面\n问题1：甲。\n问题2：乙。\n（二）作风建设方面\n问题1：丙。\n"
               "二、乙\n")
    run_on = restart.replace("问题1：丙", "问题3：丙")
    assert found(restart, "heading-sequence") == [] and found(run_on, "heading-sequence") == []
    groups = ("一、甲\n二、整改情况\n反馈问题一：关于甲的问题。\n1.子问题。\n2.子问题。\n"
              "反馈问题二：关于乙的问题。\n1.子问题。\n2.子问题。\n3.子问题。\n三、丙\n")
    assert found(groups, "heading-sequence") == []
    (hit,) = found(groups.replace("3.子问题", "4.子问题"), "heading-sequence")
    assert "3." in hit[1]


def test_numbers_that_run_on_within_a_section_and_restart_in_the_next():
    text = ("一、甲\n（一）组\n1.问题\n2.问题\n（二）组\n3.问题\n"
            "二、乙\n（一）组\n1.问题\n（二）组\n2.问题\n3.问题\n")
    assert found(text, "heading-sequence") == []
    assert len(found(text.replace("（二）组\n2.问题", "（二）组\n1.问题"), "heading-sequence")) == 2


def test_a_sibling_run_into_the_heading_line_counts():
    assert found("一、甲\n（1）台账不全。（2）制度不严。\n（3）执行不力。\n", "heading-sequence") == []
    (hit,) = found("一、甲\n（1）台账不全。（2）制度不严。\n（4）执行不力。\n", "heading-sequence")
    assert "（3）" in hit[1]


def test_first_heading_of_a_form_above_one_and_the_doc_s_own_marks_in_messages():
    (hit,) = found("一、甲\n1、问题\n2、问题\n4、问题\n", "heading-sequence")
    assert "3、" in hit[1]


def test_a_heading_that_lost_its_line_break_is_no_skipped_number():
    # 一、 glued to the end of the line before, its title after it (held-out page H029): the
    # heading is there, only its line break was lost.
    glued = "关于巡察整改工作的方案一、总体要求\n按要求开展整改。\n二、整改措施\n逐项整改。\n三、工作要求\n按期完成。\n"
    (hit,) = lint(glued, "heading-sequence")
    assert (hit.line, hit.column, hit.end_column, hit.severity) == (1, 12, 13, "info") and "换行" in hit.zh
    (hit,) = lint(TITLE + "一、总体情况\n按照要求开展整改（一）组织领导\n成立领导小组。\n（二）整改落实\n逐项整改。\n",
                  "heading-sequence")
    assert (hit.severity, hit.column, hit.end_column) == ("info", 9, 11) and "（一）" in hit.zh
    # The number inside a sentence, or a marker followed by a sentence, is no lost heading.
    for skipped in ("按照要求，其中一、二级医院均已整改。\n二、整改措施\n逐项整改。\n三、工作要求\n按期完成。\n",
                    "一、总体要求\n开展整改二、整改措施包括建章立制，堵塞漏洞。\n三、工作要求\n按期完成。\n",
                    "一、总体要求\n按照要求开展整改。\n三、整改措施\n逐项整改。\n"):
        assert len(found(skipped, "heading-sequence")) == 1, skipped
