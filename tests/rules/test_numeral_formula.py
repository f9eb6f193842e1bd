"""numeral-formula: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import fixed, lint


def test_numeral_formula():
    found = lint("增强“4个意识”，坚定“4个自信”，做到“2个维护”，落实“3重1大”，编制“14五”规划。", "numeral-formula")
    assert [f.suggestion for f in found] == ["四个意识", "四个自信", "两个维护", "三重一大", "十四五"]


@pytest.mark.parametrize("text", ["共4个意见建议、2个维护项目。".replace("2个维护", "2个维修"), "增强“四个意识”。", "第14五金店"])
def test_numeral_formula_not_flagged(text):
    assert lint(text, "numeral-formula") == []


def test_fix_writes_the_formula_in_chinese_numerals_with_unsafe_fixes():
    text = "增强“4个意识”，落实“1岗双责”。"
    assert fixed(text, "numeral-formula") == text
    assert fixed(text, "numeral-formula", unsafe=True) == "增强“四个意识”，落实“一岗双责”。"


def test_counts_of_one_total_in_both_kinds_of_numeral_are_a_hint():
    found = lint("巡察反馈的4个问题，已完成整改三个，正在整改1个。", "numeral-formula")
    assert found and all(f.severity == "info" for f in found)
    assert any("三个" in f.en for f in found)


def test_er_before_a_measure_word_is_a_hint():
    (f,) = lint("巡察反馈的四个问题，已完成整改二个，正在整改两个。", "numeral-formula")
    assert f.severity == "info" and f.suggestion == "两个"


@pytest.mark.parametrize("text", [
    "市委巡察组反馈意见中指出三个方面7个问题，已整改完成6个，需长期坚持1个。",  # aspects are another count
    "院党组对巡察反馈的四个问题照单全收，已完成整改三个，正在整改一个，整改完成率75%。",  # rates stay Arabic
    "第二个问题已整改完成，二人参加。",
])
def test_numeral_forms_that_are_how_notices_write(text):
    assert lint(text, "numeral-formula") == []
