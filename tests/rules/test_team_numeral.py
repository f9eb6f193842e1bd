"""team-numeral (wording pack): what it flags and what it leaves alone. It offers no fix: the
lost number cannot be guessed."""

import pytest

from conftest import fixed, lint


@pytest.mark.parametrize("text", ["区委第巡察组于2025年3月进驻。", "省委第巡视组反馈了意见。",
                                  # the ordinal doubled, or a character moved into the word
                                  "区委第六六巡察组于2025年3月进驻。", "市委第十十巡察组进驻。", "市委第二十二十巡察组进驻。",
                                  "省委第巡六视组反馈了意见。", "县委第二巡二察组进驻。", "区委第察巡组进驻。",
                                  "区委第〇巡察组进驻。"])
def test_a_team_that_lost_its_number_is_flagged(text):
    (f,) = lint(text, "team-numeral")
    assert f.suggestion is None and f.fix is None
    assert fixed(text, "team-numeral", unsafe=True) == text


@pytest.mark.parametrize("text", ["区委第三巡察组于2025年3月进驻。", "省委第六巡视组反馈了意见。", "第3巡察组进驻。",
                                  "市委第十巡察组进驻。", "市委第十二巡察组进驻。", "市委第二十一巡察组进驻。",
                                  "第12巡察组进驻。", "县委巡察一组进驻。", "第三、第五巡察组联动巡察。",
                                  "市委第四、五巡察组开展联动巡察。", "第一巡回检查组到场。", "第一批巡察组名单公布。"])
def test_a_numbered_team_stays_quiet(text):
    assert lint(text, "team-numeral") == []
