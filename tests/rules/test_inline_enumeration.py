"""inline-enumeration: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import fixed, lint


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
    "一是建台账。\n下一步：一是抓通报。二是强监督。",
])
def test_inline_enumeration_fine(text):
    assert lint(text, "inline-enumeration") == []


# A whole notice around one item's measures, so that every rule reads them as a notice does.
HEAD = ("关于县委第二巡察组巡察反馈意见整改进展情况的通报\n\n"
        "根据县委统一部署，2025年3月3日至4月30日，县委第二巡察组对县林业局党组开展了巡察。"
        "2025年6月3日反馈了巡察意见。现将整改进展情况予以公布。\n\n"
        "一、整改工作情况\n\n局党组成立整改工作领导小组。\n\n二、反馈问题整改情况\n\n（一）台账管理不规范。\n\n")
TAIL = ("\n\n（二）制度执行不严格。\n\n整改情况：已完成。\n\n三、下一步打算\n\n持续巩固整改成果。\n\n"
        "欢迎监督。联系电话：0791-6123456；邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。\n\n"
        "中共某县林业局党组\n2025年10月9日\n")


def in_notice(measures):
    return HEAD + measures + TAIL


@pytest.mark.parametrize("measures,words", [
    # mid-line, after a full stop, and at the start of a line
    ("整改情况：已完成。一是建立台账。二推行电子台账。", "lost its '是'"),
    ("整改情况：已完成。一是建立台账。二、推行电子台账。", "wrong '、'"),
    ("整改情况：已完成。一是建立台账。二是是推行电子台账。", "'是' twice"),
    ("整改情况：已完成。一是建立台账。，二是推行电子台账。", "stray ','"),
    ("整改情况：已完成。一是建立台账。（二是推行电子台账。", "stray '('"),
    ("整改情况：已完成。一是建立台账。二是推行电子台账。\n\n三一定期核对。", "wrong '一'"),
    ("整改情况：已完成。一是建立台账。是推行电子台账。三是定期核对。", "lost its number"),
    ("整改情况：已完成。一是建立台账。\n\n三是定期核对。", "skips from 一是 to 三是"),
    ("整改情况：已完成。其一，建立台账；其三，定期核对。", "skips from 其一 to 其三"),
    ("整改情况：已完成。首先，建立台账；其次，推行电子台账；第三，定期核对。", "mixes"),
    ("整改情况：已完成。①建立台账；③定期核对。", "skips from ① to ③"),
    ("整改情况：已完成。主要措施：（1）建立台账。（3）定期核对。", "skips from （1） to （3）"),
    ("整改情况：已完成。主要措施：（1）建立台账；（2）推行电子台账；（2）定期核对。", "repeats （2）"),
    ("整改情况：已完成。一是建立台账。二是推行电子台账。\n\n一是定期核对。", "goes back from 二是 to 一是"),
])
def test_broken_lost_repeated_and_skipped_markers_in_a_notice(measures, words):
    found = [f for f in lint(in_notice(measures), "ordinal") if f.severity != "info"]
    assert [f.rule for f in found] == ["inline-enumeration"] and words in found[0].en, [f.en for f in found]


@pytest.mark.parametrize("measures", [
    "整改情况：已完成。一是建立台账，二是推行电子台账。\n\n三是定期核对，由市委第三、第五巡察组和第四、五巡察组督导。",
    "整改情况：已完成。其一，建立台账；其二，推行电子台账；其三，定期核对。",
    "整改情况：已完成。首先，建立台账；其次，推行电子台账；再次，定期核对；最后，开展回头看。",
    "整改情况：已完成。首先要建立台账，其次要定期核对。",
    "整改情况：已完成。①建立台账；②推行电子台账；③定期核对。",
    "整改情况：已完成。⑴建立台账；⑵推行电子台账。",
    "整改情况：已完成。主要措施：（1）建立台账；（2）推行电子台账；（3）定期核对。",
    "整改情况：已完成。主要措施：1.建立台账；2.推行电子台账；3.定期核对。",
    "整改情况：已完成。一是，建立台账；二是：推行电子台账。",
    "整改情况：已完成。会议提出三点要求。一是提高站位，二是细化措施。下一步：一是巩固成果，二是建立长效机制。",
    "整改情况：已完成。十届区委第三轮巡察一组指出的问题，由第一书记第一时间牵头整改，第二批党员一把手带头，"
    "落实“一岗双责”和三重一大制度，纳入十四五规划。",
    "整改情况：已完成。统一是非标准，唯一是人民满意。学习《关于一是二是四是的说明》。",
    "整改情况：已完成。最后，局党组将持续跟踪问效。",
    "整改情况：已完成。2025年以来，3家单位完成整改，追回资金12.5万元，三年来无新增问题。",
])
def test_unusual_but_valid_runs_and_ordinals_in_names_stay_quiet(measures):
    assert [f for f in lint(in_notice(measures)) if f.severity != "info"] == []


def test_an_odd_mark_after_a_marker_is_info():
    found = lint(in_notice("整改情况：已完成。第一、建立台账；第二、定期核对。"), "inline-enumeration")
    assert [f.severity for f in found] == ["info", "info"] and found[0].suggestion == "第一，"


def test_a_run_in_sibling_continues_its_heading():
    text = HEAD.replace("（一）台账管理不规范。\n\n", "") + "（1）台账不全。（2）制度不严。\n\n（3）执行不力。" + TAIL.replace(
        "（二）制度执行不严格。\n\n整改情况：已完成。\n\n", "")
    assert [f for f in lint(text, "ordinal") if f.severity != "info"] == []


def test_the_fix_restores_the_expected_marker_with_unsafe_fixes():
    text = in_notice("整改情况：已完成。一是建立台账。二推行电子台账。")
    assert fixed(text, "inline-enumeration") == text
    assert "一是建立台账。二是推行电子台账。" in fixed(text, "inline-enumeration", unsafe=True)


def test_paragraphs_numbered_di_run_on_across_groups_but_not_from_nowhere():
    groups = ("（一）甲方面\n\n第一，建立台账。\n\n第二，定期核对。\n\n（二）乙方面\n\n第三，跟踪问效。\n\n")
    text = HEAD.replace("（一）台账管理不规范。\n\n", "") + groups + TAIL.replace("（二）制度执行不严格。\n\n整改情况：已完成。\n\n", "")
    assert [f for f in lint(text, "ordinal") if f.severity != "info"] == []
    broken = text.replace("第三，跟踪", "第四，跟踪")
    assert [f.rule for f in lint(broken, "ordinal") if f.severity != "info"] == ["inline-enumeration"]


def test_a_predicate_said_again_after_commas_is_no_run_that_lost_its_numerals():
    text = ("关于巡察整改进展情况的通报\n\n一、整改情况\n\n（一）统一思想。\n一是提高认识。召开专题会议，学习有关规定。"
            "大家认识到巡察是全面“体检”，是推动发展的重要举措，是强化监督的有效手段。\n二是压实责任。\n")
    assert lint(text, "inline-enumeration") == []


def test_a_numeral_lost_in_the_sentence_its_run_opened_is_still_found():
    text = "关于巡察整改进展情况的通报\n\n一、整改情况\n\n（一）提高站位。一是加强学习，是完善制度，三是建立台账。\n"
    (f,) = lint(text, "inline-enumeration")
    assert f.suggestion == "二是"


def test_a_first_marker_glued_where_its_mark_was_lost_makes_the_run_whole():
    text = "会上，局主要负责人作表态发言，并要求各股室（单位）一是要提高思想认识。二是要做好工作配合。三是要接受监督。"
    assert lint(text, "inline-enumeration") == []


@pytest.mark.parametrize("text", [
    "【提纲】一、提高政治站位，压实整改责任。二、坚持问题导向，正视短板。三、聚焦重点，推进整改。",
    "《会议纪要》一、统一思想认识，压实整改责任。二、坚持问题导向。三、聚焦重点。",
])
def test_a_first_marker_glued_to_a_labels_closing_bracket_makes_the_run_whole(text):
    assert lint(text, "inline-enumeration") == []


@pytest.mark.parametrize("text,first", [
    ("会议要求：统一、规范台账管理。二、建立制度，压实责任。三、强化督导，推进整改。", "二、"),  # 一、 inside a list of words
    ("【提纲】提高政治站位，压实整改责任。二、坚持问题导向，正视短板。三、聚焦重点。", "二、"),
])
def test_a_run_of_another_scheme_with_no_first_marker_still_starts_late(text, first):
    (f,) = lint(text, "inline-enumeration")
    assert text[f.column - 1:f.end_column] == first


@pytest.mark.parametrize("text", [
    "会上提出要求，各单位要统一是非标准。二是要做好工作配合。三是要接受监督。",  # 一是 inside a word
    "会上提出要求。二是要做好工作配合。三是要接受监督。",
])
def test_a_run_with_no_first_marker_in_its_paragraph_still_starts_late(text):
    (f,) = lint(text, "inline-enumeration")
    assert text[f.column - 1:f.end_column] == "二是" and "一是" in f.zh
