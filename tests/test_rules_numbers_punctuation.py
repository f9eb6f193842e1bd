import pytest

from conftest import lint, seed

# -- number-arithmetic -------------------------------------------------------------

# Inside an item: counts before the items are the summary, checked by summary-counts.
ITEM = "关于整改情况的通报\n一、整改情况\n1.问题。\n整改情况："


def test_summary_rate_is_left_to_summary_counts():
    text = "关于整改情况的通报\n一、组织情况\n梳理问题20个，已完成15个，完成率60%。\n二、整改情况\n1.问题。\n整改结果：已完成。\n"
    assert lint(text, "number-arithmetic") == []
    assert "number" in [f.category for f in lint(text, "summary-counts")]


@pytest.mark.parametrize("text", [
    "共有执业医师56人，其中中医师8人，占比20%。",
    "共有执业医师56人，其中中医师8人，占比达20%。",
    "共接到投诉19起，其中服务态度5起，操作不规范8起，沟通敷衍9起。",
    "共计投入资金1.5万元，其中设备8000元、培训9000元。",
    ITEM + "梳理问题20个，已完成15个，完成率60%。",
])
def test_arithmetic_that_does_not_add_up(text):
    (f,) = lint(text, "number-arithmetic")
    assert f.category == "number"


@pytest.mark.parametrize("text", [
    "共有执业医师56人，其中中医师8人，占比14.29%。",
    "共有执业医师60人，其中中医师16人，占比达25%。",
    "共接到投诉19起，其中服务态度5起，操作不规范8起。",
    "公开招聘58人。其中：行政编制1名，事业编制20名，备案制37名。",
    "共计投入资金1.5万元，其中设备8000元、培训7000元。",
    ITEM + "梳理问题20个，已完成15个，完成率75%。",
    "共排查隐患12处，其中8处已整改。",
])
def test_arithmetic_that_adds_up(text):
    assert lint(text, "number-arithmetic") == []


def test_numeral_formula():
    found = lint("增强“4个意识”，坚定“4个自信”，做到“2个维护”，落实“3重1大”，编制“14五”规划。", "numeral-formula")
    assert [f.suggestion for f in found] == ["四个意识", "四个自信", "两个维护", "三重一大", "十四五"]


@pytest.mark.parametrize("text", ["共4个意见建议、2个维护项目。".replace("2个维护", "2个维修"), "增强“四个意识”。", "第14五金店"])
def test_numeral_formula_not_flagged(text):
    assert lint(text, "numeral-formula") == []


@pytest.mark.parametrize("text,number", [
    ("共排查了251二是开展谈心谈话。", "251"),
    ("督导检查8四是开展测评。", "8"),
    ("所涉资金3200已全额上缴财政。", "3200"),
])
def test_lost_unit(text, number):
    (f,) = lint(text, "lost-unit")
    assert text[f.column - 1:f.end_column] == number


@pytest.mark.parametrize("text", ["共排查251个。二是开展谈心谈话。", "所涉资金3200元已全额上缴。", "资金使用不规范。"])
def test_lost_unit_not_flagged(text):
    assert lint(text, "lost-unit") == []


# -- punctuation -------------------------------------------------------------------

def test_consistent_half_width_is_one_info_summary_per_mark():
    text = "一是建立台账,二是定期核对,三是跟踪问效:每月一次;每季通报(书面)。\n四是抓落实,五是严考核。"
    found = lint(text, "punctuation-width")
    assert len(found) == 4 and {f.severity for f in found} == {"info"}
    assert any("3 times" in f.en for f in found)


def test_stray_half_width_in_a_full_width_draft_is_reported_each():
    text = "一是建立台账，二是定期核对,三是跟踪问效，四是(书面)通报，五是严考核。"
    found = lint(text, "punctuation-width")
    assert [(f.severity, f.suggestion) for f in found] == [("warning", "，"), ("warning", "（"), ("warning", "）")]


def test_mostly_half_width_with_some_full_width_is_one_mixed_summary():
    text = "一是建立台账,二是定期核对,三是跟踪问效，四是严考核,五是抓落实。"
    (f,) = lint(text, "punctuation-width")
    assert "mixed" in f.en and f.severity == "warning"


@pytest.mark.parametrize("text", [
    "共1,000人，时间为12:30，网址https://example.cn/a?b=1，邮箱a.b@example.cn。",
    "Use the English text, as is: (a) and (b)!",
    "整改情况：一是建立台账。",
])
def test_punctuation_width_not_flagged(text):
    assert lint(text, "punctuation-width") == []


@pytest.mark.parametrize("text,suggestion", [("建立台账，，定期核对。", "，"), ("建立台账。。", "。"), ("台账;;核对", ";")])
def test_doubled_punctuation(text, suggestion):
    (f,) = lint(text, "doubled-punctuation")
    assert f.suggestion == suggestion


def test_ellipsis_and_dash_are_not_doubled():
    assert lint("建立台账……定期核对——长期坚持。", "doubled-punctuation") == []


@pytest.mark.parametrize("text", ["依据某政发[2025]27号执行。", "依据某政发（2025）27号执行。", "依据某政发(2025)27号执行。", "依据某政发【2025】27号。"])
def test_document_number_brackets(text):
    (f,) = lint(text, "document-number-brackets")
    assert f.suggestion == "〔2025〕"


@pytest.mark.parametrize("text", ["依据某政发〔2025〕27号执行。", "资金（2025年度）已拨付。", "（2025）年度计划"])
def test_document_number_brackets_fine(text):
    assert lint(text, "document-number-brackets") == []


def test_dunhao_between_titles_is_info():
    (f,) = lint("学习《条例》、《办法》和“当下改”、“长久立”。", "dunhao-between-titles")[:1]
    assert f.severity == "info" and f.suggestion == ""
    assert lint("学习《条例》《办法》和“当下改”与“长久立”。", "dunhao-between-titles") == []


# -- placeholders ------------------------------------------------------------------

@pytest.mark.parametrize("text,span", [
    ("XX项资产正在登记。", "XX"),
    ("涉及××单位。", "××"),
    ("于X月X日召开会议。", "X月X日"),
    ("于20XX年完成。", "20XX年"),
    ("已完成资产清查（待补充）。", "（待补充）"),
    ("化解债务1.8亿元【此处补充具体项目】。", "【此处补充具体项目】"),
    ("TODO 核实数字。", "TODO"),
])
def test_placeholders(text, span):
    (f,) = lint(text, "placeholder")
    assert text[f.column - 1:f.end_column] == span and f.severity == "error"


@pytest.mark.parametrize("text", [
    "原副主任唐某受到处分，胡某某、黄某等人受到处理。",
    "某医疗机构迟报传染病。",
    "采购XL型号设备，邮箱xxwj@example.cn，型号ABX-XX1。",
    "执行《某某办法（试行）》。",
])
def test_not_placeholders(text):
    assert lint(text, "placeholder") == []


# -- personal data -----------------------------------------------------------------

def test_resident_id_with_valid_checksum_is_flagged_and_masked():
    (f,) = lint("当事人身份证号码为110101199003074477。", "personal-data")
    assert f.severity == "error" and "110101199003074477" not in f.en and "110" in f.en


def test_id_shaped_number_with_bad_checksum_is_not_an_id():
    assert [f for f in lint("编号110101199003074478。", "personal-data") if "ID" in f.en] == []


def test_bank_card_with_luhn_and_mobile_are_flagged_masked():
    found = lint("收款卡号6222 0212 3456 7894，手机13912345678。", "personal-data")
    assert len(found) == 2
    assert all("13912345678" not in f.en and "6222021234567894" not in f.en for f in found)


def test_office_phones_in_the_supervision_block_are_intended():
    text = ("关于巡察整改进展情况的通报\n\n一、整改情况\n\n1.问题。整改结果：已完成。\n\n"
            "欢迎监督。联系电话：0791-6123456，13912345678；电子邮箱：jd@example.cn。\n\n中共某局党组\n2025年10月9日\n")
    assert lint(text, "personal-data") == []


def test_landline_is_not_a_mobile():
    assert lint("办公电话0812-3866910。", "personal-data") == []


# -- seeds -------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["000", "002"])
def test_seeds_have_only_true_findings_at_warning_or_above(prefix):
    found = lint(seed(prefix).read_text(encoding="utf-8"))
    cats = {"number", "punctuation", "placeholder", "privacy", "wording"}
    serious = {(f.rule, f.line) for f in found if f.category in cats and f.severity != "info"}
    expected = {
        "000": {("lost-unit", 31), ("lost-unit", 115), ("team-numeral", 7),
                ("paired-punctuation", 51), ("paired-punctuation", 55), ("paired-punctuation", 71),
                ("paired-punctuation", 81)},
        "002": set(),
    }[prefix]
    assert serious == expected
    width = [f for f in found if f.rule == "punctuation-width"]
    assert width and all(f.severity == "info" for f in width)


@pytest.mark.parametrize("written", ["158-6745-3421", "158 6745 3421", "+86 158-6745-3421", "15867453421"])
def test_the_mask_is_computed_on_the_digits(written):
    (f,) = lint(f"经核实，当事人（{written}）已退赔。", "personal-data")
    assert "158****3421" in f.en and "6745" not in f.en
