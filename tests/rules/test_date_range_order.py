"""date-range-order: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint


@pytest.mark.parametrize("text", [
    "2025年5月6日至3月24日开展检查。",
    "2025年6月12日至3日开展培训。",
    "2025年6月12日—2025年1月3日",
    "2023年至2021年未开展排查。",
    "2030—2025年规划",
])
def test_backwards_ranges(text):
    assert len(lint(text, "date-range-order")) == 1


@pytest.mark.parametrize("text", [
    "2025年3月24日至5月6日开展检查。",
    "2025年12月20日至2026年1月5日开展检查。",
    "6月12日-13日组织培训。",
    "2020年至2023年未开展排查。",
    "落实2025—2030年规划，35—64周岁。",
    "2025年3月3日至2025年4月30日开展巡察。",
])
def test_forward_ranges_are_fine(text):
    assert lint(text, "date-range-order") == []


@pytest.mark.parametrize("text", [
    "2025年10—4月集中整改。",
    "2025年3月10—8日组织培训。",
    "2025年6月9日至6月9日开展巡察。",
    "2025年6月至6月集中整改。",
])
def test_backwards_shared_unit_ranges_and_ranges_that_end_where_they_start(text):
    assert len(lint(text, "date-range-order")) == 1


@pytest.mark.parametrize("text", [
    "2018年1月4至5日反馈，2025年4—10月整改，3月10—12日培训。",
    "2020年10月至2021年1月开展巡察。",
    "二〇二五年三月五日至四月十日开展巡察。",
])
def test_forward_ranges_in_every_shape_are_fine(text):
    assert lint(text, "date-range-order") == []
