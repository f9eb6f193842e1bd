"""jiezhi-muqian (wording pack): what it flags, what it leaves alone and its fix."""

import pytest

from conftest import fixed, lint


@pytest.mark.parametrize("text", ["截止目前，已完成整改12项。", "截止到目前，已完成整改。",
                                  "截止2025年11月20日，已完成整改12项。", "截止11月底，整改完成率为90%。"])
def test_jiezhi_before_a_point_in_time_is_flagged(text):
    assert [f.rule for f in lint(text, "jiezhi-muqian")] == ["jiezhi-muqian"]


@pytest.mark.parametrize("text", ["截至目前，已完成整改12项。", "报名截止日期为5月1日。", "报名于5月1日截止。",
                                  "受理信访时间截止到2025年6月24日。", "信访截止时间为2025年12月5日。"])
def test_a_deadline_and_the_right_word_stay_quiet(text):
    assert lint(text, "jiezhi-muqian") == []


def test_fix_writes_jiezhi_as_up_to_with_unsafe_fixes():
    assert fixed("截止到目前，已完成整改。", "jiezhi-muqian") == "截止到目前，已完成整改。"
    assert fixed("截止到目前，已完成整改。", "jiezhi-muqian", unsafe=True) == "截至目前，已完成整改。"
