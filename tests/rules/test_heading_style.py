"""heading-style: what it flags, what it leaves alone, its options and its fixes."""

from conftest import lint
from drafts import TITLE


def test_consistent_nonstandard_form_is_reported_once():
    text = "一、甲\n1、问题\n2、问题\n3、问题\n"
    result = lint(TITLE + text, "heading-style")
    assert len(result) == 1 and "reported once" in result[0].en and result[0].severity == "info"


def test_mixed_forms_are_reported_per_heading():
    text = "一、甲\n1.问题\n2、问题\n3、问题\n4.问题\n"
    assert len(lint(TITLE + text, "heading-style")) == 2


def test_bracketed_number_followed_by_dunhao():
    assert len(lint(TITLE + "一、甲\n（一）、组织\n（二）领导\n", "heading-style")) == 1


def test_mixed_bracket_widths_reported_once():
    text = "一、甲\n（一）组\n(二)组\n（三）组\n"
    result = lint(TITLE + text, "heading-style")
    assert len(result) == 1 and "mix" in result[0].en and result[0].line == 5


def test_level_used_below_a_deeper_one():
    text = "一、甲\n1.问题\n（一）子项\n"
    (f,) = lint(TITLE + text, "heading-style")
    assert "inverted" in f.en


def test_standard_headings_are_fine():
    text = "一、甲\n（一）组\n1.问题\n（1）子项\n1.（1）融合\n"
    assert lint(TITLE + text, "heading-style") == []


def test_marks_against_gb_t_15834_appendix_a():
    assert len(lint(TITLE + "一、甲\n第一、关于甲的问题。\n第二、关于乙的问题。\n", "heading-style")) == 1
    assert len(lint(TITLE + "一、甲\n①、子项\n②、子项\n", "heading-style")) == 1
    (f,) = lint(TITLE + "一、甲\n（一）、组\n（二）组\n（三），组\n", "heading-style")[:1]
    assert "（一）" in f.en


def test_an_item_label_whose_mark_differs_from_the_document_s_own():
    text = "一、甲\n问题1：甲。\n问题2、乙。\n问题3：丙。\n"
    (f,) = lint(TITLE + text, "heading-style")
    assert f.line == 5 and "问题1：" in f.en
    assert lint(TITLE + text.replace("问题2、", "问题2："), "heading-style") == []
    assert lint(TITLE + "一、甲\n问题1.甲。\n问题2.乙。\n", "heading-style") == []
