import datetime as dt

import pytest

from conftest import lint, seed

NOTICE = "关于巡察整改进展情况的通报\n\n{lead}\n\n二、整改落实情况\n\n1.问题甲。\n\n整改情况：{body}\n\n中共某局党组\n{date}\n"


def broken(text):
    return [(f.column, f.suggestion, f.en) for f in lint(text, "broken-date")]


@pytest.mark.parametrize("text,span,suggestion", [
    ("2025717召开党组会。", "2025717", "2025年7月17日"),
    ("于2025324日进驻。", "2025324日", "2025年3月24日"),
    ("20257月以来，每月学习。", "20257月", "2025年7月"),
    ("20257出台十条措施。", "20257", "2025年7月"),
    ("2024某医疗机构迟报。", "2024", "2024年"),
    ("2024“5·8”人道公益日。", "2024", "2024年"),
    ("于20254—10月发布招聘信息。", "20254—10月", "2025年4—10月"),
    ("于716日反馈意见。", "716日", "7月16日"),
    ("2025年3月24日至56对该局开展巡察。", "56", "5月6日"),
    ("2025826日至27举办培训。", "27", "27日"),
    ("（攀西卫计党委〔20177号）", "〔20177号", "〔2017〕7号"),
    ("２０２５７１７召开会议。", "２０２５７１７", "2025年7月17日"),
])
def test_broken_date_with_a_unique_repair_is_suggested(text, span, suggestion):
    hits = [f for f in lint(text, "broken-date") if f.suggestion == suggestion]
    assert len(hits) == 1, broken(text)
    f = hits[0]
    assert text[f.column - 1:f.end_column] == span


def test_signature_date_line_of_bare_digits():
    text = NOTICE.format(lead="巡察组开展了巡察。", body="一是建立台账。", date="20251212")
    (f,) = lint(text, "broken-date")
    assert f.suggestion == "2025年12月12日" and f.line == 12


@pytest.mark.parametrize("text,readings", [
    ("2025112召开会议。", ["2025年1月12日", "2025年11月2日"]),
    ("202511开展检查。", ["2025年11月", "2025年1月1日"]),
])
def test_ambiguous_broken_date_lists_readings_without_suggestion(text, readings):
    (f,) = lint(text, "broken-date")
    assert f.suggestion is None
    assert all(r in f.en for r in readings)


def test_glued_pair_of_dates_is_one_finding_listing_both():
    (f,) = lint("2025952025911日，对5家机构开展检查。", "broken-date")
    assert "2025年9月5日" in f.en and "2025年9月11日" in f.en and f.suggestion is None


def test_year_glued_to_an_impossible_month_is_flagged_without_a_repair():
    (f,) = lint("202537月，联合开展检查。", "broken-date")
    assert f.suggestion is None


@pytest.mark.parametrize("text", [
    "联系电话：0812-3866910；邮政地址：某市百花路5号，邮编：200120。",
    "投诉电话：13912345678。",
    "依据《某某办法》（某政发〔2025〕27号）执行。",
    "索引号：11152922011766677D/2025-00909。",
    "身份证号码110101199003074477已脱敏处理。",
    "退回资金3200元，涉及1256.3万元，共58人，2025人次。",
    "筛查对象为35—64周岁妇女。",
    "落实2025—2030年规划，2024年底前完成。",
    "2025年3月24日至5月6日，巡察组开展巡察；6月12日-13日组织培训。",
    "2023年、2024年水质监测漏检，2021年以来未督促。",
    "2025年至今，共获得捐款4.4万余元，2000余人参与。",
    "网站标识码：5104030003，川公网安备51040302000006号。",
])
def test_not_a_broken_date(text):
    assert broken(text) == []


@pytest.mark.parametrize("text", ["2025年4月31日召开会议。", "2月30日开展检查。", "2025年13月1日", "2025年2月29日", "3月0日"])
def test_invalid_dates(text):
    assert len(lint(text, "invalid-date")) == 1


@pytest.mark.parametrize("text", ["2024年2月29日完成。", "2月29日完成。", "2025年12月31日", "4月30日"])
def test_valid_dates_are_not_invalid(text):
    assert lint(text, "invalid-date") == []


@pytest.mark.parametrize("text", [
    "2025年5月6日至3月24日开展检查。",
    "2025年6月12日至3日开展培训。",
    "2025年6月12日—2025年1月3日",
    "2023年至2021年未开展排查。",
    "2030—2025年规划",
])
def test_backwards_ranges(text):
    assert len(lint(text, "date-range-order")) == 1


@pytest.mark.parametrize("text", [
    "2025年3月24日至5月6日开展检查。",
    "2025年12月20日至2026年1月5日开展检查。",
    "6月12日-13日组织培训。",
    "2020年至2023年未开展排查。",
    "落实2025—2030年规划，35—64周岁。",
    "2025年3月3日至2025年4月30日开展巡察。",
])
def test_forward_ranges_are_fine(text):
    assert lint(text, "date-range-order") == []


def chronology(lead="", body="一是完成整改。", date="2025年10月20日", header="", as_of=None):
    text = header + NOTICE.format(lead=lead, body=body, date=date)
    return lint(text, "date-chronology", as_of=as_of)


def test_feedback_before_inspection_end_is_flagged():
    lead = "2025年3月3日至4月30日，巡察组开展巡察。2025年4月20日，巡察组反馈了意见。"
    assert len(chronology(lead)) == 1


def test_feedback_after_the_notice_is_flagged():
    lead = "2025年3月3日至4月30日，巡察组开展巡察。2025年11月3日，巡察组反馈了意见。"
    assert len(chronology(lead)) == 1


def test_good_lead_order_is_fine():
    lead = "2025年3月3日至4月30日，巡察组开展巡察。2025年6月3日，巡察组反馈了意见。"
    assert chronology(lead) == []


def test_measure_done_after_the_notice_date_is_flagged_but_plans_are_not():
    assert len(chronology(body="2025年11月5日召开专题会议。")) == 1
    assert chronology(body="预计2025年12月底前完成招聘。") == []
    assert chronology(body="计划于2026年3月召开推进会。") == []


def test_as_of_overrides_the_notice_date():
    assert chronology(body="2025年11月5日召开专题会议。", as_of=dt.date(2025, 12, 1)) == []
    assert len(chronology(body="2025年10月5日召开会议。", as_of=dt.date(2025, 10, 1))) == 1


def test_page_header_must_agree_with_the_signature_date():
    bad = chronology(header="成文时间：2025-10-09\n")
    assert len(bad) == 1 and bad[0].line == 1
    assert chronology(header="成文时间：2025-10-20\n") == []
    assert len(chronology(header="发布时间：2025-10-01\n")) == 1
    assert chronology(header="发布时间：2025-10-22\n") == []


@pytest.mark.parametrize("text,suggestion", [
    ("2025.3.24召开推进会。", "2025年3月24日"),
    ("2025/3/24召开推进会。", "2025年3月24日"),
    ("2025-03-24召开推进会。", "2025年3月24日"),
    ("2025年03月05日完成。", "2025年3月5日"),
    ("3月05日完成。", "5日"),
    ("25年3月完成。", None),
])
def test_date_style(text, suggestion):
    (f,) = lint(text, "date-style")
    assert f.severity == "info" and f.suggestion == suggestion


@pytest.mark.parametrize("text", ["2025年3月5日完成。", "版本1.2.3发布，增长10.5%。", "编号2025-00909。"])
def test_date_style_not_flagged(text):
    assert lint(text, "date-style") == []


def test_seed_000_every_broken_date_line_is_flagged_and_nothing_else():
    path = seed("000")
    findings = lint(path.read_text(encoding="utf-8"), "date")
    lines = {f.line for f in findings}
    expected = {7, 11, 23, 27, 35, 37, 39, 49, 55, 59, 61, 71, 73, 77, 81, 83, 87, 89, 91, 93, 95, 99,
                101, 105, 107, 111, 119, 121, 125, 129, 131, 137, 147, 151, 153, 155, 157, 159, 165, 167,
                169, 171, 173, 175, 177, 179, 183, 185, 187, 189, 191, 193, 207, 209, 211, 217, 223, 243}
    assert lines == expected
    by_pos = {(f.line, f.column): f.suggestion for f in findings}
    assert by_pos[(7, 8)] == "2025年3月24日"
    assert by_pos[(7, 17)] == "5月6日"
    assert by_pos[(37, 25)] == "2025年4—10月"
    assert by_pos[(243, 60)] == "2025年12月12日"


def test_seed_002_has_no_date_finding():
    assert lint(seed("002").read_text(encoding="utf-8"), "date") == []


@pytest.mark.parametrize("text", [
    "执行GB/T 9704—2012《党政机关公文格式》。",
    "通过ISO 9001:2015认证。",
    "设备编号QB2025717已登记。",
    "累计安全运行112日，未发生事故。",
    "按照GB/T 15834-2011执行。",
])
def test_codes_standards_and_day_counts_are_not_broken_dates(text):
    assert broken(text) == []


@pytest.mark.parametrize("body", [
    "自2026年1月起实行新制度。",
    "到2026年底实现全覆盖。",
    "2026年6月前完成验收。",
])
def test_dates_announced_as_plans_are_not_done_after_the_notice(body):
    assert chronology(body=body) == []
