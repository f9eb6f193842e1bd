"""placeholder: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint


@pytest.mark.parametrize("text,span", [
    ("XX项资产正在登记。", "XX"),
    ("涉及××单位。", "××"),
    ("于X月X日召开会议。", "X月X日"),
    ("于20XX年完成。", "20XX年"),
    ("已完成资产清查（待补充）。", "（待补充）"),
    ("化解债务1.8亿元【此处补充具体项目】。", "【此处补充具体项目】"),
    ("TODO 核实数字。", "TODO"),
])
def test_placeholders(text, span):
    (f,) = lint(text, "placeholder")
    assert text[f.column - 1:f.end_column] == span and f.severity == "error"


@pytest.mark.parametrize("text", [
    "原副主任唐某受到处分，胡某某、黄某等人受到处理。",
    "某医疗机构迟报传染病。",
    "采购XL型号设备，邮箱xxwj@example.cn，型号ABX-XX1。",
    "执行《某某办法（试行）》。",
])
def test_not_placeholders(text):
    assert lint(text, "placeholder") == []
