"""date-chronology: what it flags, what it leaves alone, its options and its fixes."""

import datetime as dt

import pytest

from conftest import lint
from drafts import NOTICE


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


@pytest.mark.parametrize("body", [
    "自2026年1月起实行新制度。",
    "到2026年底实现全覆盖。",
    "2026年6月前完成验收。",
    # Only the word right after the date says it is a plan.
    "2026年3月起，每季度回访一次。",
    "2026年3月开始，每月通报一次进展。",
    "2026年1月以后新建的台账统一归档。",
])
def test_dates_announced_as_plans_are_not_done_after_the_notice(body):
    assert chronology(body=body) == []


LEAD = "2025年3月3日至4月30日，巡察组开展巡察。2025年6月3日，巡察组反馈了意见。"


@pytest.mark.parametrize("lead,body,message", [
    (LEAD, "截至2025年11月30日，已完成整改3个。", "is after the notice's date"),
    (LEAD, "截至2025年5月31日，已完成整改3个。", "is before the feedback"),
    (LEAD, "预计2025年5月前完成招聘。", "is before the feedback"),
    ("2024年3月3日至4月30日，巡察组开展巡察。2025年6月3日，巡察组反馈了意见。", "一是完成整改。",
     "more than a year after"),
    (LEAD, "相关问题已于2025年11月底前全部销号。", "after the notice's date"),
    (LEAD, "2026年已完成第一期培训。", "after the notice's date"),
])
def test_one_chronology_for_every_date_of_the_notice(lead, body, message):
    found = chronology(lead, body)
    assert len(found) == 1 and message in found[0].en


def test_a_notice_two_years_after_the_feedback_has_a_wrong_year():
    (f,) = chronology(LEAD, date="2028年10月20日")
    assert "more than two years after" in f.en


@pytest.mark.parametrize("body", [
    "截至2025年10月15日，已完成整改3个。",
    "预计2026年3月前完成招聘，新办法将于2026年起执行。",
    "2025年7月10日召开专题会议，7月12日印发方案。",
    "到2026年底实现全覆盖。",
])
def test_dates_in_their_place_in_the_chronology_are_fine(body):
    assert chronology(LEAD, body) == []


@pytest.mark.parametrize("body", [
    "根据2024年全市督查检查考核计划安排，开展专项督查。",
    "按照2024年度工作要点，完善制度2项。",
    "对照2024年整改落实清单逐项销号。",
    "依据2024年印发的考核办法，已完成考核。",
])
def test_the_year_of_a_plan_or_list_the_text_cites_is_no_deadline_of_its_own(body):
    # A date right after 根据/按照/依据/依照/对照 names the source the text acts on; a plan year
    # naturally comes before the feedback.
    assert chronology(LEAD, body) == []


@pytest.mark.parametrize("body", [
    "计划于2024年12月底前完成整改。",
    "根据方案，预计2024年12月底前完成整改。",
])
def test_a_deadline_set_by_the_text_is_still_checked_beside_a_cited_source(body):
    (f,) = chronology(LEAD, body)
    assert "is before the feedback" in f.en


def test_a_year_is_carried_within_its_paragraph_only():
    # 12月10日 has no year of its own: it is not read as 2025年12月10日 from the lead.
    assert chronology(LEAD, "12月10日前，各单位报送整改情况。") == []


def test_a_period_that_ends_after_the_notice_and_a_publication_stamp_are_no_work_done():
    text = ("巡察公告\n\n根据统一部署，2023年9月15日至11月15日，县委第一巡察组对县档案馆开展巡察。"
            "巡察组受理来信来访的时间截止到2023年11月10日。\n\n县委第一巡察组\n2023年9月15日\n")
    assert lint(text, "date-chronology") == []
    report = ("关于审计查出问题整改情况的报告\n\n——2019年12月26日在县人大常委会会议上\n\n"
              "（2019年12月30日公告）\n\n截至2019年11月30日，已整改到位12个问题。\n")
    assert lint(report, "date-chronology") == []


def test_a_counting_point_after_the_notice_is_still_found():
    text = ("关于巡察整改进展情况的通报\n\n2025年3月3日至4月30日，县委第一巡察组对县档案馆开展巡察。"
            "2025年6月3日，巡察组反馈了意见。\n\n截止到2025年12月31日，已完成整改5个问题。\n\n"
            "中共县档案馆党组\n2025年10月20日\n")
    assert [f.rule for f in lint(text, "date-chronology")] == ["date-chronology"]
