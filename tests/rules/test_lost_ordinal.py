"""lost-ordinal (wording pack): what it flags and what it leaves alone. No fix: the lost
number of a session or a congress cannot be guessed."""

import pytest

from conftest import lint


@pytest.mark.parametrize("text", ["——2021年12月28日在市届人大常委会会议上", "在县第十八届人大常委会第次会议上"])
def test_a_session_or_congress_that_lost_its_number_is_flagged(text):
    found = lint(text, "lost-ordinal")
    assert found and all(f.fix is None for f in found)


@pytest.mark.parametrize("text", ["在市十七届人大常委会第二十一次会议上", "本届人大代表", "任期届满后换届。",
                                  "社区届满换届。", "第3次会议"])
def test_numbered_sessions_and_other_uses_of_jie_stay_quiet(text):
    assert lint(text, "lost-ordinal") == []
