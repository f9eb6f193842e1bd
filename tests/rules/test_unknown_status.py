"""unknown-status: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import fixed, lint
from drafts import SECTION, item


def test_unknown_status_suggests_the_nearest_term():
    (f,) = lint(SECTION + item(status_line="整改结果：已完整改。"), "unknown-status")
    assert f.suggestion == "已完成整改"


def test_unknown_status_without_a_near_term():
    (f,) = lint(SECTION + item(status_line="整改结果：另行研究。"), "unknown-status")
    assert f.suggestion is None


@pytest.mark.parametrize("status", ["已完成整改", "基本完成", "已完成整改，长期坚持", "立行立改"])
def test_known_statuses(status):
    assert lint(SECTION + item(status_line=f"整改结果：{status}。"), "unknown-status") == []


def test_vocabulary_is_configurable():
    text = SECTION + item(status_line="整改结果：已清零。")
    assert len(lint(text, "unknown-status")) == 1
    assert lint(text, "unknown-status", vocabulary=["已清零"]) == []


def test_fix_replaces_the_status_with_the_nearest_term_with_unsafe_fixes():
    text = "关于巡察整改进展情况的通报\n二、整改落实情况\n1.台账管理不规范。\n整改结果：已完整改。\n"
    assert fixed(text, "unknown-status") == text
    assert fixed(text, "unknown-status", unsafe=True).endswith("整改结果：已完成整改。\n")
