"""lost-unit: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint


@pytest.mark.parametrize("text,number", [
    ("共排查了251二是开展谈心谈话。", "251"),
    ("督导检查8四是开展测评。", "8"),
    ("所涉资金3200已全额上缴财政。", "3200"),
])
def test_lost_unit(text, number):
    (f,) = lint(text, "lost-unit")
    assert text[f.column - 1:f.end_column] == number


@pytest.mark.parametrize("text", ["共排查251个。二是开展谈心谈话。", "所涉资金3200元已全额上缴。", "资金使用不规范。"])
def test_lost_unit_not_flagged(text):
    assert lint(text, "lost-unit") == []
