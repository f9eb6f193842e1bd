"""inline-enumeration: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint


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
