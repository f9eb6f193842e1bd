import pytest

from conftest import lint, seed

HEAD = "关于巡察整改进展情况的通报\n\n"


def found(text, rule):
    return [(f.line, f.en) for f in lint(HEAD + text, rule)]


# -- heading-sequence ----------------------------------------------------------

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


def test_numbers_starting_a_sentence_are_not_headings():
    text = "一、甲\n1.问题\n2025年起实行新制度。\n3家单位已整改。\n2.问题\n"
    assert found(text, "heading-sequence") == []
    assert found(text, "broken-heading-marker") == []


# -- broken-heading-marker -----------------------------------------------------

@pytest.mark.parametrize("text,suggestion", [
    ("一、甲\n（一）组织领导。内容。\n）责任落实。内容。\n", "（二）"),
    ("一、甲\n（一）组织领导。内容。\n二）责任落实。内容。\n", "（二）"),
    ("一、甲\n（一）组织领导。内容。\n（二责任落实。内容。\n", "（二）"),
    ("一、甲\n1.组\n1)问题甲。\n整改情况：完成。\n2三救能力不强。\n整改情况：完成。\n", "2)"),
    ("一、甲\n1.组\n（1）问题甲。\n整改情况：完成。\n2党政议事权责不清。\n", "（2）"),
    ("一、甲\n(一)组织领导。\n)责任落实。\n", "(二)"),
])
def test_broken_markers_get_the_expected_marker(text, suggestion):
    (f,) = lint(HEAD + text, "broken-heading-marker")
    assert f.suggestion == suggestion and f.column == 1


def test_glued_number_that_does_not_fit_the_sequence_is_not_a_heading():
    text = "一、甲\n1.组\n1)问题甲。\n整改情况：完成。\n5家单位完成整改。\n"
    assert found(text, "broken-heading-marker") == []


# -- inline-enumeration --------------------------------------------------------

@pytest.mark.parametrize("text,words", [
    ("整改情况：一是建台账。二是抓通报。四是强监督。", "skips from 二是 to 四是"),
    ("整改情况：资金已上缴。二是优化流程。三是通报批评。", "starts at 二是"),
    ("整改情况：三是严格项目监管。", "starts at 三是"),
    ("整改情况：一是建台账。二是抓通报。二是强监督。", "repeats 二是"),
    ("整改情况：第一，建台账。二是抓通报。三是强监督。", "mixes"),
    ("整改情况：第一，建台账；第三，强监督。", "skips from 第一 to 第三"),
])
def test_inline_enumeration_defects(text, words):
    (f,) = lint(text, "inline-enumeration")
    assert words in f.en


def test_skip_then_backwards_gives_two_findings():
    found = lint("整改情况：一是建台账。三是抓通报。二是强监督。", "inline-enumeration")
    assert ["skips" in found[0].en, "goes back" in found[1].en] == [True, True]


@pytest.mark.parametrize("text", [
    "整改情况：一是建台账。二是抓通报。三是强监督。",
    "一是要坚持问题导向，统一思想认识。",
    "统一是非标准，唯一是人民满意。",
    "学习《关于一是二是四是的说明》。",
    "落实“第一议题”制度，第一责任人带头。",
    "一是建台账。\n一是抓通报。二是强监督。",
])
def test_inline_enumeration_fine(text):
    assert lint(text, "inline-enumeration") == []


# -- heading-style -------------------------------------------------------------

def test_consistent_nonstandard_form_is_reported_once():
    text = "一、甲\n1、问题\n2、问题\n3、问题\n"
    result = lint(HEAD + text, "heading-style")
    assert len(result) == 1 and "reported once" in result[0].en and result[0].severity == "info"


def test_mixed_forms_are_reported_per_heading():
    text = "一、甲\n1.问题\n2、问题\n3、问题\n4.问题\n"
    assert len(lint(HEAD + text, "heading-style")) == 2


def test_bracketed_number_followed_by_dunhao():
    assert len(lint(HEAD + "一、甲\n（一）、组织\n（二）领导\n", "heading-style")) == 1


def test_mixed_bracket_widths_reported_once():
    text = "一、甲\n（一）组\n(二)组\n（三）组\n"
    result = lint(HEAD + text, "heading-style")
    assert len(result) == 1 and "mix" in result[0].en and result[0].line == 5


def test_level_used_below_a_deeper_one():
    text = "一、甲\n1.问题\n（一）子项\n"
    (f,) = lint(HEAD + text, "heading-style")
    assert "inverted" in f.en


def test_standard_headings_are_fine():
    text = "一、甲\n（一）组\n1.问题\n（1）子项\n1.（1）融合\n"
    assert lint(HEAD + text, "heading-style") == []


# -- seeds ---------------------------------------------------------------------

def test_seed_000_ordinal_defects():
    findings = lint(seed("000").read_text(encoding="utf-8"), "ordinal")
    got = {(f.rule, f.line) for f in findings}
    assert {("inline-enumeration", n) for n in (31, 107, 115, 157, 167)} <= got
    broken = {n for rule, n in got if rule == "broken-heading-marker"}
    assert broken == {13, 15, 35, 71, 75, 85, 89, 93, 113, 127, 191, 201}
    assert not [f for f in findings if f.rule == "heading-sequence"]


def test_seed_002_has_no_ordinal_finding():
    assert lint(seed("002").read_text(encoding="utf-8"), "ordinal") == []


def test_numbered_list_inside_measures_is_not_a_heading():
    text = ("一、整改情况\n（一）组\n1.台账不规范。\n整改结果：已完成。\n整改情况：\n1.建立台账。\n2.定期核对。\n"
            "3.跟踪问效。\n2.制度不健全。\n整改结果：已完成。\n整改情况：修订制度。\n")
    assert found(text, "heading-sequence") == []
    assert lint(HEAD + text, "missing-status") == []
    from rectlint.document import Document
    items = Document(HEAD + text).outline.items
    assert [h.marker for h in items] == ["1.", "2."]
