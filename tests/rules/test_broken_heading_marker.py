"""broken-heading-marker: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import fixed, lint
from drafts import TITLE, found


@pytest.mark.parametrize("text,suggestion", [
    ("一、甲\n（一）组织领导。内容。\n）责任落实。内容。\n", "（二）"),
    ("一、甲\n（一）组织领导。内容。\n二）责任落实。内容。\n", "（二）"),
    ("一、甲\n（一）组织领导。内容。\n（二责任落实。内容。\n", "（二）"),
    ("一、甲\n1.组\n1)问题甲。\n整改情况：完成。\n2三救能力不强。\n整改情况：完成。\n", "2)"),
    ("一、甲\n1.组\n（1）问题甲。\n整改情况：完成。\n2党政议事权责不清。\n", "（2）"),
    ("一、甲\n(一)组织领导。\n)责任落实。\n", "(二)"),
])
def test_broken_markers_get_the_expected_marker(text, suggestion):
    (f,) = lint(TITLE + text, "broken-heading-marker")
    assert f.suggestion == suggestion and f.column == 1


def test_glued_number_that_does_not_fit_the_sequence_is_not_a_heading():
    text = "一、甲\n1.组\n1)问题甲。\n整改情况：完成。\n5家单位完成整改。\n"
    assert found(text, "broken-heading-marker") == []


def test_fix_restores_a_lost_bracket_with_unsafe_fixes():
    text = "关于巡察整改进展情况的通报\n一、组织情况\n（一）组织领导方面。成立领导小组。\n）监督检查方面。定期听取汇报。\n"
    assert fixed(text, "broken-heading-marker") == text
    assert fixed(text, "broken-heading-marker", unsafe=True).endswith("\n（二）监督检查方面。定期听取汇报。\n")


# A notice whose 二、 section lists （一）（二）（三）; one marker in it is broken.
NOTICE = ("关于县委第二巡察组巡察反馈意见整改进展情况的通报\n\n"
          "根据县委统一部署，2025年3月3日至4月30日，县委第二巡察组对县林业局党组开展了巡察。"
          "2025年6月3日反馈了巡察意见。现将整改进展情况予以公布。\n\n"
          "一、整改工作情况\n\n局党组成立整改工作领导小组。\n\n二、反馈问题整改情况\n\n"
          "（一）台账管理不规范。\n\n整改情况：已完成。一是建立台账。二是定期核对。\n\n"
          "（二）制度执行不严格。\n\n整改情况：已完成。修订制度。\n\n"
          "（三）学习不够深入。\n\n整改情况：已完成。开展专题学习。\n\n"
          "三、下一步打算\n\n持续巩固整改成果。\n\n"
          "欢迎监督。联系电话：0791-6123456；邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。\n\n"
          "中共某县林业局党组\n2025年10月9日\n")


@pytest.mark.parametrize("old,new,suggestion", [
    ("三、下一步", "三，下一步", "三、"),
    ("三、下一步", "三一下一步", "三、"),
    ("三、下一步", "、下一步", "三、"),
    ("三、下一步", "三下一步", "三、"),
    ("二、反馈", "二、、反馈", "二、"),
    ("二、反馈", "、二、反馈", "二、"),
    ("二、反馈", "二二、反馈", "二、"),
    ("（二）制度", "（二））制度", "（二）"),
    ("（二）制度", "（二)制度", "（二）"),
    ("（二）制度", "（二二）制度", "（二）"),
    ("（二）制度", "二（）制度", "（二）"),
    ("（三）学习", "（3）学习", "（三）"),
    ("（三）学习", "（是）学习", "（三）"),
    ("（三）学习", "（三学习", "（三）"),
])
def test_every_slip_of_a_heading_marker_is_flagged_with_the_marker_it_should_be(old, new, suggestion):
    text = NOTICE.replace(old, new, 1)
    found = [f for f in lint(text, "ordinal") if f.severity != "info"]
    assert [f.rule for f in found] == ["broken-heading-marker"], [f.en for f in found]
    assert found[0].suggestion == suggestion


def test_labelled_item_that_lost_its_colon_keeps_its_label():
    text = NOTICE.replace("（一）", "反馈问题一：").replace("（二）", "反馈问题二").replace("（三）", "反馈问题三：")
    (f,) = [f for f in lint(text, "ordinal") if f.severity != "info"]
    assert f.suggestion == "反馈问题二："


@pytest.mark.parametrize("old,new", [
    ("（二）制度执行不严格。", "1、制度执行不严格。"),  # a lone sub-item: no slip of （二）
    ("修订制度。", "修订制度。\n\n三会一课制度执行到位"),
    ("修订制度。", "修订制度。\n\n3家单位完成整改。"),
    ("修订制度。", "修订制度。\n\n2025年起实行新制度。"),
    ("修订制度。", "修订制度。\n\n1.5万元资金已上缴。"),
    ("修订制度。", "修订制度。\n\n三年来未发生同类问题。"),
    ("修订制度。", "修订制度。\n\n第三方评估已完成。"),
])
def test_numbers_quantities_and_lone_sub_items_are_no_broken_markers(old, new):
    assert lint(NOTICE.replace(old, new, 1), "broken-heading-marker") == []


def test_a_lone_sub_item_on_a_page_cut_short_is_no_slip_but_a_heading_with_a_comma_is_read():
    cut = ("关于巡察整改情况的通报\n根据区委统一部署，区委第二巡察组开展了巡察。现将整改情况予以公布。\n"
           "（一）在“学习贯彻不够有力”方面\n1.关于“学习不深入”问题的整改\n（1）关于“理论学习不深不透")
    assert lint(cut, "broken-heading-marker") == []
    text = NOTICE.replace("三、下一步打算", "三巩固整改成果，健全长效机制")
    (f,) = lint(text, "broken-heading-marker")
    assert f.suggestion == "三、"
