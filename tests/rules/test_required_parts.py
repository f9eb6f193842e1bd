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


# The block as sentences, per line, through 欢迎通过…反映 or a table: every form names its channels.
@pytest.mark.parametrize("block", [
    "欢迎监督。来电请拨0797-5512380；来信请寄至某县河东路7号；电子邮件请发送至xc@example.cn。",
    "欢迎干部群众通过电话（0797-5512380）、来信（某县河东路7号党政办）和电子邮件（xc@example.cn）反映意见。",
    "欢迎监督。\n监督电话：0797-5512380\n来访地址：某县河东路7号二楼\n邮政编码：341000\n电子信箱：xc@example.cn",
    "欢迎监督。信件请寄往某县第21号邮政信箱；请拨打13907970001；发邮件至xc@example.cn。",
    "| 联系电话 | 0797-5512380 |\n| 通信地址 | 某县河东路7号 |\n| 电子邮箱 | xc@example.cn |",
    "欢迎监督。举报电话:(0797)5512380;意见信箱:某县邮政信箱16号;E-mail:xc@example.cn。",
])
def test_supervision_block_in_other_house_styles_is_quiet(block):
    assert lint(FULL.format(supervision=block), "required-parts") == []


# The convention asks for a way to reach the office, not for a fixed set of channels.
@pytest.mark.parametrize("block", [
    "欢迎监督。意见信箱：某县第8号邮政信箱；电子邮箱：xc@example.cn。",      # a 信箱 and an e-mail
    "欢迎居民监督。监督电话：0797-5512380；意见箱设在社区服务中心一楼。",      # a phone and a 意见箱
    "欢迎监督。来信请寄某县河东路7号。",                                    # one channel only
    "欢迎监督。电子邮件请发至xc@example.cn。",
    SUPERVISION.replace("邮政地址：某县滨河路18号；", ""),
    # a local number without its area code, after a word for a way in, office hours after it
    "欢迎监督。有意见请向我们反映。联系方式：5512380（工作日8:30-17:30）；通讯地址：某县河东路7号；邮政编码：341000。",
    "欢迎监督。举报途径：62135800；来访地址：某区文昌路3号。",
    "欢迎监督。联系方式：0797-5512380 13907970001。",                       # two numbers in one field
    "欢迎监督。联系方式：某县河东路7号县委巡察办。",                         # a place to write to
    "欢迎监督。联系方式：xc@example.cn。",
])
def test_a_block_that_gives_any_way_in_is_whole(block):
    assert lint(FULL.format(supervision=block), "required-parts") == []


@pytest.mark.parametrize("block,words", [
    ("欢迎监督。联系电话：；邮政地址：某县河东路7号；电子邮箱：xc@example.cn。", "phone"),  # label, no value
    ("欢迎监督。来电请拨0797-5512380；电子邮箱：。", "e-mail"),
    ("欢迎广大干部群众对整改情况进行监督，如有意见建议请及时反映。", "any way to reach"),  # no channel at all
    ("欢迎监督。联系方式如下：请与县委巡察办联系。", "any way to reach"),  # words, no channel
])
def test_a_block_that_announces_a_channel_it_does_not_give_or_gives_none_is_a_warning(block, words):
    (f,) = lint(FULL.format(supervision=block), "required-parts")
    assert f.severity == "warning" and words in f.en


@pytest.mark.parametrize("block,written", [
    ("欢迎监督。联系方式：55123；通讯地址：某县河东路7号。", "55123"),          # a local number too short
    ("欢迎监督。联系方式：079755123800；电子邮箱：xc@example.cn。", "079755123800"),
])
def test_a_number_after_a_word_for_a_way_in_is_read_as_a_phone(block, written):
    (f,) = lint(FULL.format(supervision=block), "required-parts")
    assert f.severity == "warning" and written in f.zh


@pytest.mark.parametrize("block,written", [
    ("欢迎监督。来电请拨0797-55；来信请寄某县河东路7号；电子邮件请发至xc@example.cn。", "0797-55"),
    ("欢迎监督。举报电话：0797-5512380；来信请寄某县河东路7号；电子邮件请发至xc#example.cn。", "xc#example.cn"),
    ("| 联系电话 | 07975-5 |\n| 通信地址 | 某县河东路7号 |\n| 电子邮箱 | xc@example.cn |", "07975-5"),
])
def test_a_malformed_value_is_flagged_whatever_introduces_it(block, written):
    (f,) = lint(FULL.format(supervision=block), "required-parts")
    assert f.severity == "warning" and written in f.zh


TABLE = ("关于巡察整改情况的公示\n\n2025年3月3日至4月30日，县委第二巡察组开展巡察，6月3日反馈意见。现公示如下：\n\n"
         "{rows}\n\n欢迎监督。联系电话：0791-6123456；邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。\n\n"
         "中共某村委员会\n2025年10月9日\n")


def test_a_table_of_problems_is_the_body_and_a_notice_without_one_lacks_it():
    rows = "序号 | 问题 | 措施 | 完成情况 |\n1 | 公开栏更新慢 | 每月更新 | 已完成 |\n2 | 台账缺页 | 补齐台账 | 已完成 |"
    assert not any("sections" in f.en for f in lint(TABLE.format(rows=rows), "required-parts"))
    prose = "村党委高度重视，逐项抓好整改。目前各项问题均已整改完成。"
    assert any("sections" in f.en for f in lint(TABLE.format(rows=prose), "required-parts"))


def test_a_postal_box_under_a_mailbox_label_is_no_malformed_email():
    block = "欢迎监督。联系电话：0797-5512380；举报邮箱：某县12号邮政信箱；电子信箱：xc@example.cn。"
    assert lint(FULL.format(supervision=block), "required-parts") == []


@pytest.mark.parametrize("team", ["县委巡察二组", "八届市委巡察四组", "市委联动巡察三组", "县委第二巡察组", "省委巡视组"])
def test_a_team_named_with_its_number_before_or_after_is_a_team(team):
    lead = (f"关于巡察整改进展情况的通报\n\n根据县委统一部署，2025年3月3日至4月30日，{team}对县档案馆党支部开展了巡察，"
            "并于2025年6月3日反馈了巡察意见。现将整改进展情况通报如下。\n")
    assert not any("组名称" in f.zh for f in lint(lead, "required-parts"))


def test_a_lead_with_no_team_still_lacks_one():
    lead = ("关于巡察整改进展情况的通报\n\n根据县委统一部署，2025年3月3日至4月30日，县委对县档案馆党支部开展了巡察，"
            "并于2025年6月3日反馈了巡察意见。现将整改进展情况通报如下。\n")
    assert any("组名称" in f.zh for f in lint(lead, "required-parts"))
