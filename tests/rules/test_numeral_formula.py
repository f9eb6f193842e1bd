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
