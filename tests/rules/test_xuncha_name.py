"""xuncha-name (wording pack): what it flags, what it leaves alone and its fix."""

from conftest import fixed, lint

TEXT = "县委第二巡察组进驻后，巡查组反馈了意见。"


def test_xuncha_team_written_with_the_other_cha_is_flagged():
    (f,) = lint(TEXT, "xuncha-name")
    assert f.line == 1 and TEXT[f.column - 1:f.end_column] == "巡查组"


def test_a_patrol_team_that_is_not_the_inspection_stays_quiet():
    assert lint("河道巡查组每周巡查一次。", "xuncha-name") == []
    assert lint("县委第二巡察组进驻后，巡察组反馈了意见。", "xuncha-name") == []


def test_fix_writes_the_inspection_team_with_unsafe_fixes():
    assert fixed(TEXT, "xuncha-name", unsafe=True) == "县委第二巡察组进驻后，巡察组反馈了意见。"
