"""team-numeral (wording pack): what it flags and what it leaves alone. It offers no fix: the
lost number cannot be guessed."""

import pytest

from conftest import fixed, lint


@pytest.mark.parametrize("text", ["区委第巡察组于2025年3月进驻。", "省委第巡视组反馈了意见。"])
def test_a_team_that_lost_its_number_is_flagged(text):
    (f,) = lint(text, "team-numeral")
    assert f.suggestion is None and f.fix is None
    assert fixed(text, "team-numeral", unsafe=True) == text


@pytest.mark.parametrize("text", ["区委第三巡察组于2025年3月进驻。", "省委第六巡视组反馈了意见。", "第3巡察组进驻。"])
def test_a_numbered_team_stays_quiet(text):
    assert lint(text, "team-numeral") == []
