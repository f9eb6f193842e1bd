"""doubled-punctuation: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import fixed, lint


@pytest.mark.parametrize("text,suggestion", [("建立台账，，定期核对。", "，"), ("建立台账。。", "。"), ("台账;;核对", ";")])
def test_doubled_punctuation(text, suggestion):
    (f,) = lint(text, "doubled-punctuation")
    assert f.suggestion == suggestion


def test_ellipsis_and_dash_are_not_doubled():
    assert lint("建立台账……定期核对——长期坚持。", "doubled-punctuation") == []


def test_fix_keeps_one_mark():
    assert fixed("一是建立台账，，二是定期核对。。", "doubled-punctuation") == "一是建立台账，二是定期核对。"
