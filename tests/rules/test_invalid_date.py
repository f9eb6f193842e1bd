"""invalid-date: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint


@pytest.mark.parametrize("text", ["2025年4月31日召开会议。", "2月30日开展检查。", "2025年13月1日", "2025年2月29日", "3月0日"])
def test_invalid_dates(text):
    assert len(lint(text, "invalid-date")) == 1


@pytest.mark.parametrize("text", ["2024年2月29日完成。", "2月29日完成。", "2025年12月31日", "4月30日"])
def test_valid_dates_are_not_invalid(text):
    assert lint(text, "invalid-date") == []
