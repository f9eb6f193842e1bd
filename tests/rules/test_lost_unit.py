"""lost-unit: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint


@pytest.mark.parametrize("text,number", [
    ("共排查了251二是开展谈心谈话。", "251"),
    ("督导检查8四是开展测评。", "8"),
    ("所涉资金3200已全额上缴财政。", "3200"),
    ("退缴违规金额1,234，已上缴财政。", "1,234"),  # grouped in thousands, and still no unit
    ("清退补助资金24,97已上缴。", "24"),  # a comma that groups no three digits parts the figure
])
def test_lost_unit(text, number):
    (f,) = lint(text, "lost-unit")
    assert text[f.column - 1:f.end_column] == number


@pytest.mark.parametrize("text", ["共排查251个。二是开展谈心谈话。", "所涉资金3200元已全额上缴。", "资金使用不规范。",
                                  "促进上缴违规金额24,978.12 万元，归还原资金渠道1,234万元。",
                                  "退缴违规金额1,234,567元，已上缴财政。"])
def test_lost_unit_not_flagged(text):
    assert lint(text, "lost-unit") == []


SUMMARY = "巡察反馈的4个问题，已完成整改3个，正在整改1个，整改完成率75%。"


@pytest.mark.parametrize("broken,flagged", [
    ("已完成整改3，", "3"),                   # the unit lost
    ("已完成整改个，", "个"),                 # the number lost
    ("已完成整改3个个，", "3个个"),           # the unit twice
    ("已完成整改3个项，", "3个项"),           # a second unit
    ("已完成整改33.个，", "33."),             # a decimal point with no decimals
    ("已完成整改3人，", "3人"),               # people where problems are counted
    ("已完成整改，3个，", "，3个"),           # a mark parts the figure from its words
    ("已完成整3改个，", "3"),                 # a figure traded a character with its word
    ("整改完成率75。", "75"),
    ("整改完成率75个。", "75个"),
    ("整改完成率75%%。", "75%%"),
    ("整改完成率7万5%。", "7万5"),
])
def test_a_broken_figure_in_a_counting_sentence(broken, flagged):
    old = "已完成整改3个，" if not broken.startswith("整改完成率") else "整改完成率75%。"
    text = SUMMARY.replace(old, broken)
    found = lint(text, "lost-unit")
    assert any(flagged in text[f.column - 1:f.end_column] or text[f.column - 1:f.end_column] in flagged
               for f in found), (text, [(f.en, text[f.column - 1:f.end_column]) for f in found])


@pytest.mark.parametrize("text", [
    "巡察反馈六六个问题，已完成整改五个，正在整改一个。",
    "巡察反馈的4个问题，已完成整改02个，正在整改2个。",
    "巡察反馈四个问题，已完成整改三个，正在整改一、",
    "对反馈的4个问题逐一整改。截至目前，4个问题已完成整改3个，1个，按期推进中。",
])
def test_numerals_and_marks_that_read_as_no_figure(text):
    assert lint(text, "lost-unit"), text


def test_a_number_right_after_a_marker_before_a_noun():
    (f,) = lint("督导检查8个单位。四是33关键岗位人员进行测评。", "lost-unit")
    assert f.en.startswith("the number 33")


@pytest.mark.parametrize("text", [
    # telephone numbers, postcodes, 索引号, document numbers, versions, dates in counting sentences
    "巡察反馈问题4个，已完成整改3个，正在整改1个。联系电话：0571-63812345，邮政编码：318000。",
    "巡察反馈问题4个，已完成整改3个，正在整改1个，详见索引号11330100002512345X/2025-00012。",
    "巡察反馈问题4个，已完成整改3个（江委〔2021〕5号），正在整改1个，系统升级至V2.0。",
    "截至2025年10月31日，巡察反馈问题4个，已完成整改3个，正在整改1个，纳税服务热线12366。",
    # growth, ranges, approximate figures, counts in names
    "巡察反馈问题4个，已完成整改3个，正在整改1个，办件量同比增长12%，每组5~7人。",
    "巡察反馈问题4个，已完成整改3个，排查3900余项，近百个单位参与，服务1000多人次。",
    "巡察反馈问题4个，已完成整改3个，正在整改1个，落实“十四五”规划，做到“两个维护”，执行“三重一大”。",
    # two figures may follow each other; words that end or begin with a unit's character
    "巡察提出4个方面存在的14项28个具体问题，已完成整改26个，移交问题线索2件3人。",
    "对整改情况一项一项盘点，已开工事项65件，清理往来款项15笔，确保巡察发现的问题件件有着落。",
    # a person by role before a figure with its own unit: the talks are counted, not the 负责人
    "已完成整改3个，其余1个正在推进，约谈相关负责人12人次，函询责任人4人，走访当事人9次。",
    # list markers, digits grouped by thousands, a space before a unit
    "1、审计报告指出14个问题，已完成整改12个，正在整改2个。",
    "共发现问题2,847个，已完成整改2,800个，涉及金额237054.47 万元。",
    # a list of figures after 的 shares its noun
    "要求立行立改的1786个、分阶段整改的817个问题中，已完成整改2204个。",
])
def test_look_alikes_stay_quiet(text):
    assert lint(text, "lost-unit") == []


def test_two_neighbouring_figures_sharing_one_unit_are_an_approximate_count():
    text = "关于巡察整改进展情况的通报\n\n一、整改情况\n\n两个月内已召开会议4、5次，研究整改工作。\n"
    assert lint(text, "lost-unit") == []
    broken = "关于巡察整改进展情况的通报\n\n一、整改情况\n\n截至目前，已完成整改4、问题正在推进。\n"
    assert len(lint(broken, "lost-unit")) == 1  # a figure before 、 with no neighbour: its unit lost


def test_digits_of_other_scripts_are_no_neighbouring_figures():
    # ① is a digit to str.isdigit, not to int(): found by bench/fuzz.py
    text = "关于巡察整改进展情况的通报\n\n一、整改情况\n\n已完成整改110101199003074477①、2096个问题。\n"
    assert all(f.category != "internal" for f in lint(text))


def test_a_unit_lost_before_a_figure_is_still_found_after_a_word_that_is_no_role():
    # 人 before a figure is a word's end only in a role's name (负责人): elsewhere it lost its number.
    assert len(lint("巡察反馈问题4个，已完成整改人3个，正在整改1个。", "lost-unit")) == 1


def test_ordinals_of_a_list_whose_line_breaks_were_lost_are_no_numbers():
    # 1.…2.…3.…: 序次语 (GB/T 15834-2011 4.4) run into one line, not decimal points with no
    # decimals (held-out page H027, a page describing the parts of an audit notice).
    listed = ("整改通知书包括：1.标题，写明被审计单位名称2.发文字号3.反馈问题的数量，已完成整改和正在整改的个数"
              "4.整改期限5.盖章及日期。")
    assert lint(listed, "lost-unit") == []
    run_of_three = "巡察反馈问题4个，已完成整改3个，正在整改1个，其中涉及资金3.管理制度4.采购程序5.合同审核。"
    assert lint(run_of_three, "lost-unit") == []
    # A lone one, two that neither reach three nor begin at 1., and one before a unit stay broken.
    for broken in ("巡察反馈的4.问题，已完成整改3个，正在整改1个。",
                   "巡察反馈问题4个，已完成整改3.正在整改4.问题。",
                   "整改情况：1.巡察反馈问题4个，已完成整改2.个，正在整改1个。"):
        assert lint(broken, "lost-unit"), broken


def test_numbered_clauses_opening_their_lines_are_no_counts():
    # 8.3 before its title, where other lines open with clause numbers too (GB/T 1.1-2020 §7;
    # held-out page H029, a work plan's contents run into its lines).
    plan = ("关于巡察整改工作的方案\n1.1巡察反馈的问题共4个，已完成整改3个\n1.2正在整改1个的原因分析\n"
            "2.1长效治理的意义，已完成整改的问题3个，正在整改1个\n")
    assert lint(plan, "lost-unit") == []
    # Alone, or inside a line, the same number still lost its unit.
    for broken in ("巡察反馈问题4个\n2.1长效治理的意义，已完成整改的问题3个，正在整改1个\n",
                   "巡察反馈问题4个，已完成整改2.1长效治理，正在整改1个\n1.1问题分析\n"):
        assert lint(broken, "lost-unit"), broken


@pytest.mark.parametrize("text", [
    "巡察反馈问题12个，已完成整改10个，正在整改2个，意见可发送至电子邮箱xcb2025@163.com。",
    "巡察反馈问题12个，已完成整改10个，正在整改2个，详见http://www.xc12.gov.cn/art/2025/7/16/art_3.html。",
    "巡察反馈问题12个，已完成整改10个，正在整改2个，台账见附件zgtz_v2.1.xlsx。",
])
def test_a_machine_token_holds_no_number(text):
    """An e-mail address, a URL, a file name: their digits name something, they count nothing."""
    assert [f for f in lint(text) if f.severity != "info" or f.rule == "date-style"] == []


@pytest.mark.parametrize("text,flagged", [
    ("邮箱xcb@163.com，巡察反馈问题12个，已完成整改10个，正在整改2.个。", "2."),
    ("巡察反馈问题12个，已完成整改10个，正在整改2.3.个。", "2.3."),
])
def test_a_broken_figure_beside_a_machine_token_is_still_flagged(text, flagged):
    found = [text[f.column - 1:f.end_column] for f in lint(text, "lost-unit")]
    assert flagged in found and not any("163" in x for x in found)


@pytest.mark.parametrize("text", [
    "但在巡察“回头看”中发现，3个村（社区）在资金管理方面还存在一些突出问题，已完成整改2个，正在整改1个。",
    "巡察组指出：5名干部履职不到位，反馈问题6个，已完成整改5个，正在整改1个。",
])
def test_a_figure_with_its_own_noun_after_a_reporting_verb_starts_a_clause(text):
    assert lint(text, "lost-unit") == []


@pytest.mark.parametrize("text,flagged", [
    ("巡察反馈，4个问题，已完成整改3个，正在整改1个。", "，4个"),       # the count noun: the verb's object
    ("巡察发现，4个具体问题，已完成整改3个，正在整改1个。", "，4个"),
    ("巡察发现、3个村存在问题，反馈问题4个，已完成整改3个，正在整改1个。", "、3个"),  # 、 starts no clause
    ("反馈问题4个，其余，3个村正在整改，已完成整改1个。", "，3个"),     # 其余 needs its figure
])
def test_a_mark_between_a_count_word_and_its_figure_is_still_flagged(text, flagged):
    found = [text[f.column - 1:f.end_column] for f in lint(text, "lost-unit")]
    assert flagged in found


@pytest.mark.parametrize("text", ["问题2.理念树得不够牢，整改情况：已制定方案3个。",
                                  "  整改措施3.建立台账，已完成整改2个。"])
def test_an_items_label_and_its_number_opening_a_line_are_no_decimal(text):
    assert lint(text, "lost-unit") == []


@pytest.mark.parametrize("text,flagged", [("反馈问题2.已完成整改1个。", "2."), ("巡察反馈问题4.已完成整改3个，正在整改1个。", "4.")])
def test_a_labels_number_inside_a_sentence_is_still_a_broken_figure(text, flagged):
    (f,) = lint(text, "lost-unit")
    assert text[f.column - 1:f.end_column] == flagged


@pytest.mark.parametrize("text", ["共受理信访件3719件，已办结3700件，正在办理19件。",
                                  "上级交办件12件，已办结交办件10件，正在办理2件。"])
def test_a_noun_ending_in_a_unit_before_its_own_count_is_no_lost_number(text):
    assert lint(text, "lost-unit") == []


def test_a_unit_after_a_counts_words_with_no_number_is_still_flagged():
    (f,) = lint("巡察发现问题件3件，已整改完成。", "lost-unit")
    assert f.rule == "lost-unit"
