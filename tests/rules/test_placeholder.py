"""placeholder: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint


@pytest.mark.parametrize("text,span", [
    ("XX项资产正在登记。", "XX"),
    ("涉及××单位。", "××"),
    ("于X月X日召开会议。", "X月X日"),
    ("于20XX年完成。", "20XX年"),
    ("已完成资产清查（待补充）。", "（待补充）"),
    ("化解债务1.8亿元【此处补充具体项目】。", "【此处补充具体项目】"),
    ("TODO 核实数字。", "TODO"),
    # One letter where a value belongs (issue 33): ordinal, count, date part, name.
    ("市委第X轮巡察反馈问题。", "X"),
    ("关于X届县委巡察情况的汇报", "X"),
    ("巡察反馈问题共X个。", "X"),
    ("2025年X月完成整改。", "X月"),
    ("于2025年3月x日召开会议。", "x日"),
    ("XX同志作了反馈讲话。", "XX"),
    ("○○局党组召开专题会议。", "○○"),
    ("已处理□□□等问题。", "□□□"),
    ("由ＸＸ县委第Ｘ巡察组反馈。", "ＸＸ"),
    ("为“X四五”开好局。", "X"),
    ("预计20××年完成。", "20××年"),
    ("清退资金1X万元。", "1X"),
    ("涉及第三○巡察组反馈的问题。", "○"),   # not a numeral of three or more digits, nor a year
    ("执行《××条例》有关规定。", "××"),     # a title in 《》 is a name: a real one belongs there
    # A quotation that follows no word introducing a sample is the notice's own text.
    ("印发了“关于XX单位整改的通知”。", "XX"),
    ("标题为“关于XX单位整改的通知”。", "XX"),
    ("如期完成“XX工程”建设。", "XX"),          # 如期: 如 is no sample word here, the quote not right after it
    ("如“关于”所述，XX项资产正在登记。", "XX"),  # the sample closed before the blank
    ("比如说“XX局”已整改。", "XX"),
])
def test_placeholders(text, span):
    found = lint(text, "placeholder")
    assert text[found[0].column - 1:found[0].end_column] == span and found[0].severity == "error"


def test_a_masked_page_still_draws_its_template_blanks():
    text = "在“〔...〕”专项行动中，完成率为XX%，于2025年X月完成（待补充）。"
    found = lint(text, "placeholder")
    assert [text[f.column - 1:f.end_column] for f in found] == ["XX", "X月", "（待补充）"]


def test_each_placeholder_of_a_sentence_once_and_a_date_whole():
    found = lint("根据XX县委统一部署，xxxx年xx月xx日-xx月xx日，第X巡察组开展巡察。", "placeholder")
    text = "根据XX县委统一部署，xxxx年xx月xx日-xx月xx日，第X巡察组开展巡察。"
    assert [text[f.column - 1:f.end_column] for f in found] == ["XX", "xxxx年xx月xx日", "xx月xx日", "X"]


@pytest.mark.parametrize("text", [
    "原副主任唐某受到处分，胡某某、黄某等人受到处理。",
    "某医疗机构迟报传染病。",
    "采购XL型号设备，邮箱xxwj@example.cn，型号ABX-XX1。",
    "执行《某某办法（试行）》。",
    "医院新购X光机1台，开展X射线防护检查，拍摄X线片。",
    "PM2.5浓度下降，新增A级景区2个，开展B超检查，5G基站建成，iPhone X已报废。",
    "成文日期为二○二五年十月十六日，会议室在一○一室。",   # ○ as the zero 〇
    "二〇二五年十一月二十日",
    "场地规格为10×20米，3×4方阵，2x2矩阵。",
    "原副局长张××、科员李×受到处分。",                   # masked on purpose after a surname
    "□是 □否",                                           # a check box
    "○ 加强组织领导",                                     # a bullet
    "设备型号XC-200X，编号XXL-01。",
    "×",                                                  # a page's close button, alone
    # an ellipsis where a name or figure was: an omission the publisher marked, not a blank to fill
    "在“〔...〕”专项行动中，“〔...〕”指标完成率由〔...〕%升至91.5%。",
    "按照【……】的要求，完成率为（……）%。",
    "据反映，该单位“……”问题仍较突出。",
    # A sample quoted after a word that introduces one: the text describes the form (held-out H027).
    "标题写明发文机关和事由，如“关于XX单位审计整改情况的通知”。",
    "发文字号格式为：“XX审改〔2025〕X号”。",
    "例如「XX县第X巡察组」、「XX局」或「XX办」。",
    '主送机关一般为"XX局党组"。',
])
def test_not_placeholders(text):
    assert lint(text, "placeholder") == []


def test_a_drafts_lines_before_its_title_are_read_but_not_a_pages_frame():
    body = "\n\n关于龙溪市审计查出问题整改情况的报告\n\n一、总体情况\n\n反映问题3个。\n"
    assert len(lint("龙溪市审计局审计结果公告2025年第2号\n\n（2025年X月X日公告）" + body, "placeholder")) == 1
    assert lint("发布时间：2025-12-01 来源：XX网" + body, "placeholder") == []
