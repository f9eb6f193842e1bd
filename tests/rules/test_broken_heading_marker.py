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
