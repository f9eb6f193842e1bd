"""required-parts: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint


FULL = ("关于巡察整改进展情况的通报\n\n2025年3月3日至4月30日，县委第二巡察组开展巡察，6月3日反馈意见。\n\n"
        "一、整改情况\n\n1.问题。\n\n整改结果：已完成。\n\n{supervision}\n\n中共某局党组\n2025年10月9日\n")


SUPERVISION = "欢迎监督。联系电话：0791-6123456；邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。"


def test_complete_notice_has_all_parts():
    assert lint(FULL.format(supervision=SUPERVISION), "required-parts") == []


def test_missing_supervision_block():
    (f,) = lint(FULL.format(supervision=""), "required-parts")
    assert "supervision" in f.en


@pytest.mark.parametrize("bad,words", [
    (SUPERVISION.replace("0791-6123456", "0791-61"), "phone"),
    (SUPERVISION.replace("jd@example.cn", "jd#example"), "e-mail"),
    (SUPERVISION.replace("邮政地址：某县滨河路18号；", ""), "postal address"),
])
def test_supervision_entries_are_checked_for_format(bad, words):
    (f,) = lint(FULL.format(supervision=bad), "required-parts")
    assert words in f.en


def test_lead_pieces_and_closing():
    text = "关于巡察整改进展情况的通报\n\n局党组高度重视整改工作。\n\n一、整改情况\n\n1.问题。\n\n整改结果：已完成。\n\n" + SUPERVISION + "\n"
    found = {f.en for f in lint(text, "required-parts")}
    assert any("inspection period" in e for e in found) and any("date line" in e for e in found)


def test_audit_report_needs_no_supervision_block_and_fragments_are_skipped():
    audit = "关于2024年度预算执行审计查出问题整改情况的报告\n\n一、整改情况\n\n（一）问题。\n\n整改情况：已完成。\n"
    assert lint(audit, "required-parts") == []
    fragment = "1.问题。\n\n整改结果：已完成。\n"
    assert _with_kind(fragment, "fragment") == []
    assert _with_kind(fragment, "inspection") != []
    assert lint(fragment, "required-parts", type="inspection") == _with_kind(fragment, "inspection")


def _with_kind(text, kind):
    """conftest.lint's own `kind` is the input format; the rule's option is set here."""
    from rectlint.api import Linter
    from rectlint.config import Config

    return Linter(Config(rules={"required-parts": {"kind": kind}}), ["required-parts"]).lint_text(text, "draft.txt").findings


def test_the_kind_option_is_still_read_under_its_former_name_type(tmp_path):
    from rectlint.api import Linter
    from rectlint.config import load_config
    from rectlint.errors import ConfigError

    fragment = "1.问题。\n\n整改结果：已完成。\n"
    config = tmp_path / ".rectlint.yaml"
    for name in ("kind", "type"):
        config.write_text(f"rules:\n  required-parts:\n    {name}: inspection\n", encoding="utf-8")
        assert load_config(config).rules["required-parts"] == {"kind": "inspection"}
        assert Linter(str(config), ["required-parts"]).lint_text(fragment).findings != []
    config.write_text("rules:\n  required-parts:\n    type: memo\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="kind"):
        load_config(config)


@pytest.mark.parametrize("team", ["县委巡察二组", "八届市委巡察四组", "市委联动巡察三组", "县委第二巡察组", "省委巡视组"])
def test_a_team_named_with_its_number_before_or_after_is_a_team(team):
    lead = (f"关于巡察整改进展情况的通报\n\n根据县委统一部署，2025年3月3日至4月30日，{team}对县档案馆党支部开展了巡察，"
            "并于2025年6月3日反馈了巡察意见。现将整改进展情况通报如下。\n")
    assert not any("组名称" in f.zh for f in lint(lead, "required-parts"))


def test_a_lead_with_no_team_still_lacks_one():
    lead = ("关于巡察整改进展情况的通报\n\n根据县委统一部署，2025年3月3日至4月30日，县委对县档案馆党支部开展了巡察，"
            "并于2025年6月3日反馈了巡察意见。现将整改进展情况通报如下。\n")
    assert any("组名称" in f.zh for f in lint(lead, "required-parts"))
