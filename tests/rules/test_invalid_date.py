"""invalid-date: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint


@pytest.mark.parametrize("text", ["2025年4月31日召开会议。", "2月30日开展检查。", "2025年13月1日", "2025年2月29日", "3月0日"])
def test_invalid_dates(text):
    assert len(lint(text, "invalid-date")) == 1


@pytest.mark.parametrize("text", ["2024年2月29日完成。", "2月29日完成。", "2025年12月31日", "4月30日"])
def test_valid_dates_are_not_invalid(text):
    assert lint(text, "invalid-date") == []


@pytest.mark.parametrize("text", [
    "2025年3月，1025年3月完成。",  # a year one keystroke from the document's
    "二〇二五年二月三十日召开会议。",
    "2025-13-01召开会议。",
    "2025年6月至13月集中整改。",
    "2025年3月10日至4月31日开展巡察。",
])
def test_impossible_values_in_any_written_shape(text):
    assert len(lint(text, "invalid-date")) == 1


@pytest.mark.parametrize("text", [
    "2025年3月，建党100年，距今1000年。",  # counts of years, not years
    "2024年2月，2月29日完成。",
    "2月29日完成。",
])
def test_counts_of_years_and_leap_days_are_not_invalid(text):
    assert lint(text, "invalid-date") == []
