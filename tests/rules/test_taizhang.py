"""taizhang (wording pack): what it flags, what it leaves alone and its fix."""

from conftest import fixed, lint


def test_the_old_form_of_taizhang_is_flagged():
    (f,) = lint("建立问题整改台帐，每月核对台帐。", "taizhang")[:1]
    assert f.suggestion == "台账"
    assert len(lint("建立问题整改台帐，每月核对台帐。", "taizhang")) == 2


def test_the_standard_form_stays_quiet():
    assert lint("建立问题整改台账，每月核对一次。", "taizhang") == []


def test_fix_writes_the_standard_form_with_unsafe_fixes():
    assert fixed("建立问题整改台帐。", "taizhang", unsafe=True) == "建立问题整改台账。"
    assert fixed("建立问题整改台帐。", "taizhang") == "建立问题整改台帐。"
