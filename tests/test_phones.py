"""The phone and postcode grammar (lint/conventions/phones.py) and required-parts reading the
supervision block with it. Numbers and texts are our own."""

import pytest

from conftest import lint
from rectlint.conventions import phones
from rectlint.text import fold

HEAD = ("关于县委第二巡察组巡察反馈意见整改进展情况的通报\n\n"
        "根据县委统一部署，2025年3月3日至4月30日，县委第二巡察组对县林业局党组开展了巡察。"
        "2025年6月3日反馈了巡察意见。现将整改进展情况予以公布。\n\n"
        "一、整改工作情况\n\n局党组成立整改工作领导小组。\n\n二、反馈问题整改情况\n\n"
        "1.台账不规范。整改情况：已完成。\n\n")
SIGNATURE = "\n\n中共某县林业局党组\n2025年10月9日\n"


def notice(block: str) -> str:
    return HEAD + block + SIGNATURE


def malformed(block: str) -> list:
    return [(f.zh, f.suggestion) for f in lint(notice(block), "required-parts")
            if f.severity in ("error", "warning")]


@pytest.mark.parametrize("number", [
    "0791-86218000", "(0791)86218000", "0791—86218000", "0791 86218000", "0791-6123456",
    "010-62345678", "(021)55123456", "0577-88102233转8012", "0577-88102233-8012", "13912345678",
    "139-1234-5678", "12388", "12345", "95588", "962110", "400-888-1234", "110", "86218000",
])
def test_well_formed_numbers(number):
    assert phones.well_formed(fold(number))


@pytest.mark.parametrize("number", [
    "079186218000",     # the hyphen lost
    "0791-8621800",     # fine: seven digits after a four-digit code
])
def test_hyphen_lost_or_not(number):
    assert phones.well_formed(number) == ("-" in number)


@pytest.mark.parametrize("number", [
    "0791-06218000", "0791-16218000", "0791-96218000",  # a local number opens with 2 to 8
    "0091-86218000", "0177-88661234", "0277-88661234", "791-86218000",  # no area code of the plan
    "010-12345678", "020-8365123",  # 010 and 02X take eight digits
    "0577-888661234", "00577-88661234", "0577--88661234", "1368", "112388", "12088",
])
def test_malformed_numbers(number):
    assert not phones.well_formed(number)


@pytest.mark.parametrize("written,repair", [
    ("079186218000", "0791-86218000"), ("02083651234", "020-83651234"), ("0577--88661234", "0577-88661234"),
    ("05355621368", "0535-5621368"), ("0577-888661234", None), ("1368", None),
])
def test_repair_only_where_unique(written, repair):
    assert phones.repair(written) == repair


@pytest.mark.parametrize("block", [
    "欢迎监督。联系电话：0791-86218000；邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。",
    "欢迎监督。联系电话：（0791）86218000；邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。",
    "欢迎监督。联系电话：0791—86218000、13912345678；邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。",
    "欢迎监督，也可拨打举报电话12388反映问题。监督电话：0577-88102233转8012（工作日8:30-17:30）；"
    "通信地址：某市人民路1号（邮编325000）；电子邮箱：jd@example.cn。",
    "欢迎监督。联系电话：0791-86218000，3个工作日内答复；服务热线：95588；邮政编码：330000；"
    "邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。",
    "欢迎监督。联系电话：0791-86218000 15212345678；邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。",
])
def test_clean_supervision_blocks_stay_quiet(block):
    assert malformed(block) == []


@pytest.mark.parametrize("written", [
    "联系电话1：0791-86218000；联系电话2：0791-86218001；",  # numbered fields
    "联系电话：0791-86218000（1部）；",
    "电话2：12388；",
])
def test_numbered_phone_fields_stay_quiet(written):
    block = "欢迎监督。" + written + "邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。"
    assert [f for f in malformed(block) if "格式有误" in f[0]] == []


@pytest.mark.parametrize("written,flagged,repair", [
    ("联系电话：079186218000；", "079186218000", "0791-86218000"),
    ("联系电话：0791-06218000；", "0791-06218000", None),
    ("联系电话：0091-86218000；", "0091-86218000", None),
    ("联系电话：0577-888661234；", "0577-888661234", None),
    ("联系电话：0791-8621800；0", "0", None),  # a digit gone astray past the stop
    ("联系电话0：791-86218000；", "电话0：791-86218000", None),  # a digit moved across the colon
    ("联系电0话：791-86218000；", "电0话：791-86218000", None),
    ("监督电1话2388；联系电话：0791-86218000；", "电1话2388", "电话12388"),
    ("举报电话1368反映问题。联系电话：0791-86218000；", "1368", None),
    ("联系电话：0791-86218000；邮政编码：33000；", "33000", None),
    ("联系电话：0791-86218000；邮政编3码30000；", "邮政编3码30000", "邮政编码330000"),
])
def test_corrupted_numbers_are_flagged(written, flagged, repair):
    block = "欢迎监督。" + written + "邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。"
    found = [f for f in malformed(block) if "格式有误" in f[0]]
    assert len(found) == 1 and f"“{flagged}”" in found[0][0] and found[0][1] == repair


ITEM_HEAD = HEAD.replace("1.台账不规范。整改情况：已完成。", "1.立案不便。整改情况：已完成。{item}")
BLOCK = "欢迎监督。联系电话：0791-86218000；邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。"


def in_item(item: str) -> list:
    return [f.zh for f in lint(ITEM_HEAD.format(item=item) + BLOCK + SIGNATURE, "required-parts")
            if "格式有误" in f.zh]


@pytest.mark.parametrize("item", [
    "开通电话预约立案服务，公开预约电话12368。",
    "开展电话回访300户，满意率98%。",
    "设立举报电话2部，安排专人值守。",
    "公布服务热线：12345、0791-86218001。",
    "值班电话：（0791）8621800（工作日8:30-17:30）。",
])
def test_channels_in_running_text_stay_quiet(item):
    assert in_item(item) == []


@pytest.mark.parametrize("item,flagged", [
    ("开通电话预约立案服务，公开预约电话1368。", "1368"),
    ("开通电话预约立案服务，公开预约电1话2368。", "电1话2368"),
    ("公开咨询电话112368，专人接听。", "112368"),
    ("公布服务热线0791-062180000。", "0791-062180000"),
])
def test_broken_channels_in_running_text_are_flagged(item, flagged):
    assert [m for m in in_item(item) if f"“{flagged}”" in m]
