"""broken-date: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import fixed, lint
from drafts import NOTICE


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


@pytest.mark.parametrize("text", [
    "执行GB/T 9704—2012《党政机关公文格式》。",
    "通过ISO 9001:2015认证。",
    "设备编号QB2025717已登记。",
    "累计安全运行112日，未发生事故。",
    "按照GB/T 15834-2011执行。",
])
def test_codes_standards_and_day_counts_are_not_broken_dates(text):
    assert broken(text) == []


def test_fix_restores_a_date_with_one_reading_only_with_unsafe_fixes():
    text = "2025717召开党组会通报巡察反馈意见。"
    assert fixed(text, "broken-date") == text
    assert fixed(text, "broken-date", unsafe=True) == "2025年7月17日召开党组会通报巡察反馈意见。"


def test_no_fix_for_a_date_with_two_readings():
    assert fixed("2025112召开会议。", "broken-date", unsafe=True) == "2025112召开会议。"


# -- any near miss of the grammar, whatever its shape ---------------------------------------------

@pytest.mark.parametrize("text,span,suggestion", [
    ("2025年3月，2025年年3月起实行周调度。", "2025年年3月", "2025年3月"),  # a unit doubled
    ("2025年3月，2025月3年起实行周调度。", "2025月3年", "2025年3月"),  # units swapped
    ("2025年3月，20255年起实行周调度。", "20255年", "2025年"),  # a stray digit in the year
    ("2025年3月244日召开推进会。", "2025年3月244日", "2025年3月24日"),  # a stray digit in the day
    ("2025年七月10日召开推进会。", "2025年七月10日", "2025年7月10日"),  # digits mixed with numerals
    ("2025年3月10日日召开推进会。", "2025年3月10日日", "2025年3月10日"),
    ("巡察组开展巡察。914日，巡察组反馈了意见。", "914日", "9月14日"),  # 月 lost after a full stop
    ("巡察组开展巡察。2025年312日召开会议。", "2025年312日", "2025年3月12日"),
    ("截至1031日，已完成26件。", "1031日", "10月31日"),
    ("于至2025年3月10日进驻。", "至2025年3月10日", "2025年3月10日"),  # two prepositions
    ("2018年1月4至5日反馈意见，2025年5月6日6月5日进驻。", None, None),
])
def test_near_misses_of_any_shape_are_repaired_where_the_repair_is_unique(text, span, suggestion):
    found = lint(text, "broken-date")
    if span is None:
        assert [text[f.column - 1:f.end_column] for f in found] == ["2025年5月6日6月5日"]
        return
    (f,) = found
    assert (text[f.column - 1:f.end_column], f.suggestion) == (span, suggestion)


@pytest.mark.parametrize("text,span", [
    ("巡察组开展巡察。20253日召开专题会议。", "20253日"),  # a month lost with its digit: no guess
    ("2025年3月10日至，巡察组进驻。", "2025年3月10日至"),  # a range with no end
    ("——年11月27日在省人大常委会会议上", "年11月27日"),  # the year's digits lost
    ("-2025年3月10日至5月12日开展巡察。", "-2025年3月10日"),  # a stray dash, not a 破折号
    ("2025年3月，202537月开展检查。", "202537月"),
])
def test_near_misses_with_no_single_repair_are_flagged_without_a_suggestion(text, span):
    (f,) = lint(text, "broken-date")
    assert text[f.column - 1:f.end_column].startswith(span[:4]) and f.suggestion is None


@pytest.mark.parametrize("text", [
    "联系电话：0576-88213650，举报电话：12388，邮编：317000。",
    "索引号：11440100007XXXXXXX/2025-01234，发文字号：某政办发〔2025〕7号。",
    "涉及资金1256.3万元，增长2025.5万元，累计运行112日，共2025人参加。",
    "办公时间9:00～17:00，执行GB/T 9704-2012和V2.0.2025版系统。",
    "谋划十四五规划，制定三年计划，工作25年，20世纪90年代以来，6个月内完成。",
    "市委第三、第五巡察组对X光机采购开展检查，中山市1960邮箱收件。",
    "今年7月，每年8月、12月审议，当日完成，2025年12项制度全部修订。",
    "2025年3月10日9时30分召开会议，2021年5月21日17:00发布，公报/2024年/第一号。",
    "截至2025年10月31日，已完成整改；2025年至今，每月通报一次；到2026年底实现全覆盖。",
    "于2021年2月1日至3日、2018年1月4至5日、2025年4—10月、2025—2030年、3月10—12日组织培训。",
    "——2025年10月24日在县人民代表大会常务委员会会议上",
    "6月12日-13日组织培训，2025年3月—5月开展检查，2025年6月～9月集中整改。",
    "【文章编号】1004-5937(2025)01-0146-07，2023年Q3采购审计，2013年下半年。",
])
def test_look_alikes_and_well_formed_shapes_stay_quiet(text):
    assert broken(text) == []


def test_every_kind_of_near_miss_has_its_message():
    # A kind is where the grammar stopped (Bad), or the edit that repairs the run.
    import ast
    from pathlib import Path

    from rectlint.conventions import date_repair
    from rectlint.messages import zh

    root = Path(date_repair.__file__).parent
    stops = set()
    for name in ("date_grammar.py", "date_repair.py"):
        for node in ast.walk(ast.parse((root / name).read_text(encoding="utf-8"))):
            name = getattr(node.func, "id", "") if isinstance(node, ast.Call) else ""
            if name in ("Bad", "Broken") and len(node.args) > (3 if name == "Broken" else 0):
                kind = node.args[3 if name == "Broken" else 0]  # Broken(start, end, readings, kind)
                stops.update(c.value for c in ast.walk(kind) if isinstance(c, ast.Constant) and isinstance(c.value, str))
            if isinstance(node, ast.Constant) and node.value in ("signature", "signature-form", "lost-year",
                                                                 "doc-number", "stray-mark"):
                stops.add(node.value)
    edits = {kind for _, kind in date_repair._one_edit("2025年3月10日至5月12日")} | {"lost", "malformed"}
    kinds = {date_repair._kind_of(k) for k in stops} | edits
    assert kinds and all(f"broken-date.what.{k}" in zh.MESSAGES for k in kinds), sorted(kinds)


def test_a_range_of_months_or_days_with_no_year_shares_its_unit():
    assert broken("1至9月业务招待费支出下降12.4%，10—12日组织培训。") == []
