"""Forms seen in notices written by other people: each must be read right, and each
defect in them still found. Grouped by the issue's headings; texts are our own."""

import json

import pytest

from conftest import lint, run_cli
from rectlint.document import Document

HEAD = ("关于县委第二巡察组巡察反馈意见整改进展情况的通报\n\n"
        "根据县委统一部署，2025年3月3日至4月30日，县委第二巡察组对县林业局党组开展了巡察。"
        "2025年6月3日反馈了巡察意见。现将整改进展情况予以公布。\n\n")
TAIL = ("三、下一步打算\n\n持续巩固整改成果。\n\n"
        "欢迎监督。联系电话：0791-6123456；邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。\n\n"
        "中共某县林业局党组\n2025年10月9日\n")


def notice(items: str, summary: str = "局党组成立整改工作领导小组。") -> str:
    return HEAD + f"一、整改工作情况\n\n{summary}\n\n二、反馈问题整改情况\n\n{items}\n\n" + TAIL


def statuses(text):
    return [(h.status.text, h.status.form) if h.status else None for h in Document(text).outline.items]


# -- status forms ------------------------------------------------------------------

@pytest.mark.parametrize("item,expected", [
    ("1、台账不规范。整改情况：已完成。一是建立台账。二是定期核对。", ("已完成", "inline")),
    ("1.台账不规范。\n一是建立台账。二是定期核对。目前，该问题已整改完成。", ("已完成整改", "sentence")),
    ("1.台账不规范。\n一是建立台账。\n此项已基本完成整改，需长期坚持。", ("基本完成", "sentence")),
    ("1.台账不规范。\n建立台账并定期核对。该问题已完成整改。", ("已完成整改", "sentence")),
    ("1.台账不规范。\n建立台账。目前正在持续整改中。", ("正在整改", "sentence")),
    ("问题一：台账不规范。\n整改措施：建立台账。\n整改进展：已完成。", ("已完成", "inline")),
    ("1.台账不规范。\n整改进度：阶段性完成", ("阶段性完成", "line")),
    ("1.台账不规范。\n完成情况：已完成。", ("已完成", "line")),
    ("1.台账不规范。\n整改结果：已整改到位。补齐台账并定期核对。", ("已整改到位", "line")),
])
def test_every_status_form_real_notices_use(item, expected):
    text = notice(item)
    assert statuses(text) == [expected]
    assert not [f for f in lint(text) if f.category == "status"]


@pytest.mark.parametrize("item", [
    "1.台账不规范。\n整改情况：目前，已完成检验师招聘工作，充实了队伍。",  # a measure, not a status
    "1.台账不规范。\n整改情况：建立台账，已完成初步核对，正在推进。",
])
def test_a_measure_that_mentions_completion_is_not_a_status(item):
    assert [f.rule for f in lint(notice(item), "missing-status")] == ["missing-status"]


def test_statuses_only_in_the_summary_are_a_convention_not_a_defect():
    items = "1.台账不规范。\n整改情况：建立台账。\n\n2.制度不健全。\n整改情况：修订制度。"
    text = notice(items, "巡察反馈2个问题，已完成整改1个，正在整改1个。")
    assert lint(text, "missing-status") == []
    assert len(lint(notice(items), "missing-status")) == 2


def test_on_a_page_cut_after_its_last_item_that_items_status_is_not_asked_for():
    page = ("发布时间：2025-10-10　来源：县林业局\n\n" + HEAD + "一、反馈问题整改情况\n\n"
            "1.台账不规范。\n整改结果：已完成整改。\n\n2.制度不健全。\n整改情况：修订了")
    assert Document(page).info.completeness == "ends-early"
    assert lint(page, "missing-status") == []


# -- items --------------------------------------------------------------------------

def test_items_headed_wenti_yi_and_di_yi():
    text = notice("问题一：台账不规范。\n整改结果：已完成。\n\n问题二：制度不健全。\n整改结果：已完成。")
    assert len(Document(text).outline.items) == 2
    court = notice("第一，关于台账不规范的问题。整改情况：已完成。一是建立台账。二是定期核对。\n\n"
                   "第二，关于制度不健全的问题。整改情况：已完成。一是修订制度。二是组织学习。")
    assert len(Document(court).outline.items) == 2
    assert lint(court, "ordinal") == [] and lint(court, "status") == []


def test_an_overview_heading_beside_the_items_is_not_an_item():
    text = notice("（一）总体情况\n\n反馈问题已全部整改。\n\n（二）具体问题整改情况\n\n"
                  "1.台账不规范。\n整改结果：已完成。\n\n2.制度不健全。\n整改结果：已完成。")
    items = Document(text).outline.items
    assert [h.marker for h in items] == ["1.", "2."]


def test_procedure_steps_and_contact_lists_are_never_items():
    text = ("巡察工作规程\n\n一、巡察准备\n\n1.明确巡察对象。\n\n2.确定工作方案。\n\n"
            "二、联系方式\n\n1.电话：0791-6123456。\n")
    assert Document(text).outline.items == []
    assert lint(text, "status") == []


# -- counts --------------------------------------------------------------------------

@pytest.mark.parametrize("summary", [
    "反馈问题2个，细化整改措施9项，已完成8项，完成率88.9%。",
    "反馈一个方面两个问题，已完成整改两个。",
    "反馈两个方面两个问题，已完成整改两个。",  # items not grouped into aspects: nothing to compare
    "巡察反馈的2个问题已全部完成整改，完成率100%。",
    "巡察共反馈问题2个，已整改销号问题2个，占整改问题总数的100%。",
    "巡察反馈2个问题，细化措施6项。截至目前，措施已完成5项；反馈问题已完成整改2个。",
])
def test_counts_that_mean_what_they_say(summary):
    items = "1.台账不规范。\n整改结果：已完成。\n\n2.制度不健全。\n整改结果：已完成。"
    assert lint(notice(items, summary), "summary-counts") == []


@pytest.mark.parametrize("summary,words", [
    ("反馈三个方面九个问题，已完成整改七个，正在整改三个。", "exceeds"),
    ("巡察共反馈问题2个，已整改销号问题1个，占整改问题总数的100%。", "completion rate"),
    ("巡察反馈2个问题，细化措施6项，措施已完成5项；反馈问题已完成整改3个。", "exceeds"),
    ("巡察反馈的2个问题已全部完成整改，完成率90%。", "completion rate"),
])
def test_counts_that_disagree(summary, words):
    items = "1.台账不规范。\n整改结果：已完成。\n\n2.制度不健全。\n整改结果：已完成。"
    assert any(words in f.en for f in lint(notice(items, summary), "summary-counts"))


# -- enumerations ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "市委第三、第五巡察组和第四、五巡察组分别进驻，巡察一组负责协调。",
    "整改情况：一是建立台账。二是定期通报。\n三是跟踪问效。",
    "会议提出三点意见。一是提高站位，二是细化措施，三是强化问责。",
])
def test_enumerations_as_people_write_them(text):
    assert lint(text, "inline-enumeration") == []


def test_a_run_does_not_continue_across_a_heading():
    text = notice("1.台账不规范。\n整改结果：已完成。\n整改情况：一是建立台账。二是定期核对。\n\n"
                  "2.制度不健全。\n整改结果：已完成。\n整改情况：三是修订制度。")
    assert [f.en for f in lint(text, "inline-enumeration")] == ["enumeration starts at 三是; 一是”“二是 missing"
                                                                 .replace("”“", ", ")]


# -- duplication ------------------------------------------------------------------------

def test_names_subject_phrases_and_captions_are_not_copies():
    title = "中共青山县自然资源和规划局党组关于2024年度预算执行审计查出问题整改情况的通报"
    text = (title + "\n\n" + HEAD.split("\n\n", 1)[1] + "一、整改工作情况\n\n"
            "中共青山县自然资源和规划局党组召开专题会议研究部署。\n\n二、反馈问题整改情况\n\n"
            "1.台账不规范。\n整改结果：已完成。\n整改情况：中共青山县自然资源和规划局党组建立台账。\n\n"
            "2.制度不健全。\n整改结果：已完成。\n整改情况：2024年度预算执行审计查出问题整改情况纳入考核。\n\n"
            "图为整改推进会现场照片（县自然资源和规划局供图）\n\n图为整改推进会现场照片（县自然资源和规划局供图）\n\n" + TAIL)
    assert lint(text, "duplicate-passage") == []


@pytest.mark.parametrize("caption, is_caption", [
    ("图为整改推进会现场，县自然资源和规划局组织干部逐项核对问题台账", True),
    ("图2 整改推进会现场，县自然资源和规划局组织干部逐项核对问题台账", True),
    ("（摄影 李明）整改推进会现场，县自然资源和规划局组织干部逐项核对问题台账", True),
    ("整改推进会现场，县自然资源和规划局组织干部逐项核对问题台账 IMG_0412.JPG", True),
    ("整改推进会现场，县自然资源和规划局组织干部逐项核对问题台账。", False),
])
def test_a_repeated_picture_caption_is_no_copy(caption, is_caption):
    text = (HEAD + "一、反馈问题整改情况\n\n1.台账不规范。\n整改结果：已完成。\n整改情况：建立台账。\n" + caption + "\n\n"
            "2.制度不健全。\n整改结果：已完成。\n整改情况：修订制度。\n" + caption + "\n\n" + TAIL)
    assert bool(lint(text, "duplicate-passage")) is not is_caption


def test_a_news_item_repeating_itself_is_not_checked_for_copies():
    news = ("某区召开巡察整改推进会\n\n近日，区委巡察办召开巡察整改推进会，听取被巡察单位整改进展情况汇报。\n\n"
            "会议强调，区委巡察办召开巡察整改推进会，听取被巡察单位整改进展情况汇报。\n")
    assert lint(news, "duplicate-passage") == []


# -- personal data -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "举报电话12388，政务服务热线12345，诉讼服务热线12368。",
    "巡察期间设专门值班电话13912345678，受理来电来访。",
    "巡察组设有举报电话：15837314715，接听时间为工作日。",
    "办公电话0576-88213650。",
])
def test_published_contact_numbers_are_not_personal_data(text):
    assert lint(text, "personal-data") == []


def test_a_resident_id_is_personal_data_even_in_the_supervision_block():
    text = notice("1.台账不规范。\n整改结果：已完成。").replace(
        "电子邮箱：jd@example.cn。", "电子邮箱：jd@example.cn；联系人身份证号110101199003074477。")
    (f,) = lint(text, "personal-data")
    assert "ID" in f.en and f.severity == "error"


def test_a_personal_mobile_outside_a_contact_channel_is_still_flagged():
    assert len(lint("经核实，该户户主（手机13912345678）已退回补贴。", "personal-data")) == 1


# -- the page frame ----------------------------------------------------------------------------

def test_page_metadata_lines_are_frame():
    page = "时间：2020-09-28　阅读：402\n作者：县纪委监委\n来源：县纪委\n\n" + notice("1.台账不规范。\n整改结果：已完成。")
    frame = Document(page).outline.frame
    assert {1, 2, 3} <= frame


def test_in_a_draft_the_lines_after_the_date_are_linted_and_on_a_page_they_are_not():
    draft = notice("1.台账不规范。\n整改结果：已完成。") + "\n附件：整改清单（XX份）\n"
    assert [f.rule for f in lint(draft, "placeholder")] == ["placeholder"]
    page = "发布时间：2025-10-10　来源：县林业局\n\n" + draft
    assert lint(page, "placeholder") == []


# -- missing parts -----------------------------------------------------------------------------

def test_missing_parts_are_one_finding_anchored_before_the_closing_parts():
    text = notice("1.台账不规范。\n整改结果：已完成。").replace(
        "欢迎监督。联系电话：0791-6123456；邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。\n\n", "")
    text = text.replace("中共某县林业局党组\n2025年10月9日\n", "")
    (f,) = lint(text, "required-parts")
    assert f.en.startswith("missing a public-supervision block") and "signature" in f.en and "date line" in f.en
    assert f.line == len(text.rstrip("\n").split("\n"))  # the last line, after which they belong


def test_the_missing_parts_finding_survives_edits_under_a_baseline(tmp_path):
    draft = tmp_path / "d.txt"
    base = notice("1.台账不规范。\n整改结果：已完成。").replace(
        "欢迎监督。联系电话：0791-6123456；邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。\n\n", "")
    draft.write_text(base, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run_cli(draft, "--write-baseline", baseline, "--select", "required-parts").returncode == 0
    draft.write_text(base.replace("持续巩固整改成果。", "持续巩固整改成果，健全长效机制。"), encoding="utf-8")
    result = run_cli(draft, "--baseline", baseline, "--select", "required-parts", "--format", "json")
    assert json.loads(result.stdout) == []


def test_a_block_without_a_postal_address_is_whole():
    # A way to reach the office is what the block owes its readers, not a fixed set of channels.
    text = notice("1.台账不规范。\n整改结果：已完成。").replace("邮政地址：某县滨河路18号；", "")
    assert lint(text, "required-parts") == []


def test_a_fragment_is_not_asked_for_parts_outside_it():
    fragment = ("二、反馈问题整改情况\n\n（三）制度不健全。\n整改结果：已完成。\n整改情况：修订制度。\n\n"
                "（四）台账不规范。\n整改结果：已完成。\n整改情况：建立了台账并")
    assert Document(fragment).info.completeness == "fragment"
    assert lint(fragment, "structure") == [] and lint(fragment, "ordinal") == []


# -- dates found on the way ------------------------------------------------------------------

def test_month_mark_lost_and_a_seven_digit_date_line():
    assert [f.suggestion for f in lint("根据部署，2025年310日至4月25日开展巡察。", "broken-date")] == ["2025年3月10日"]
    text = notice("1.台账不规范。\n整改结果：已完成。").replace("2025年10月9日", "2025930")
    assert [f.suggestion for f in lint(text, "broken-date")] == ["2025年9月30日"]


# -- recall: every way a date, a heading, a count or a wording breaks ---------------------------

@pytest.mark.parametrize("text,suggestion", [
    ("2025年3月10召开党组会。", "2025年3月10日"),
    ("2025年310召开党组会。", "2025年3月10日"),
    ("2025年310日召开党组会。", "2025年3月10日"),
    ("于２０２５３１０日召开党组会。", "2025年3月10日"),
    ("巡察组于2025年3月10日至4月25进驻。", "4月25日"),
    ("--20211228日在市人大常委会会议上", "2021年12月28日"),
    ("——20211228日在市人大常委会会议上", "2021年12月28日"),
])
def test_every_lost_mark_of_a_date_is_found(text, suggestion):
    assert suggestion in [f.suggestion for f in lint(text, "broken-date")]


def test_a_lost_joiner_between_two_dates_lists_both_readings():
    (f,) = lint("巡察组于5月6日6月5日进驻。", "broken-date")
    assert f.suggestion is None and "5月6日至6月5日" in f.zh and "5月6日、6月5日" in f.zh


@pytest.mark.parametrize("text", [
    "联系电话：0791-86218000，邮编：330000，2025年3月10日发布。",
    "索引号：11152922011766677D/2025-00909，2025年3月10日发布。",
    "印发《实施方案》（青政办发〔2025〕3号），2025年3月10日起施行。",
    "GB/T 9704-2012规定，9时30分召开会议。",
    "2025年3月10日至4月25日，对12家单位开展巡察。",
    "2025年12项制度全部修订。",
])
def test_look_alikes_beside_dates_stay_quiet(text):
    assert lint(text, "broken-date") == []


def test_a_date_line_in_chinese_numerals_is_the_date_line_and_gets_a_hint():
    text = notice("1.台账不规范。\n整改结果：已完成。").replace("2025年10月9日", "二〇二五年十月九日")
    assert lint(text, "required-parts") == []
    (f,) = lint(text, "date-style")
    assert f.severity == "info" and f.suggestion == "2025年10月9日"


def test_chronology_uses_uniquely_repaired_dates():
    text = HEAD.replace("2025年3月3日至4月30日", "202533日至4月30日").replace("2025年6月3日", "2025年4月3日")
    found = lint(text + "一、整改情况\n\n1.问题。\n整改结果：已完成。\n\n" + TAIL, "date-chronology")
    assert any("before the inspection's end" in f.en for f in found)


@pytest.mark.parametrize("broken,marker", [
    ("一、整改工作情况\n\n成立领导小组。\n\n二反馈问题整改情况\n\n1.台账不规范。\n整改结果：已完成。", "二、"),
    ("一、整改情况\n\n（一）台账不规范。【已完成】\n\n二制度不健全。【已完成】", "（二）"),
    ("一、整改情况\n\n问题一：台账不规范。\n整改结果：已完成。\n\n问题二制度不健全。\n整改结果：已完成。", "问题二："),
])
def test_headings_that_lost_their_marks(broken, marker):
    text = HEAD + broken + "\n\n" + TAIL
    assert marker in [f.suggestion for f in lint(text, "broken-heading-marker")]


@pytest.mark.parametrize("line", ["三会一课制度执行到位", "三个方面问题整改到位", "两学一做常态化开展"])
def test_numeral_words_after_a_heading_are_not_lost_markers(line):
    text = HEAD + "一、整改工作情况\n\n成立领导小组。\n\n二、反馈问题整改情况\n\n" + line + "\n\n" + TAIL
    assert lint(text, "broken-heading-marker") == []


def test_skips_in_wenti_and_di_runs():
    wenti = notice("问题一：台账不规范。\n整改结果：已完成。\n\n问题二：制度不健全。\n整改结果：已完成。\n\n"
                   "问题四：学习不深入。\n整改结果：已完成。")
    assert [f.rule for f in lint(wenti, "ordinal")] == ["heading-sequence"]
    di = notice("第一，关于台账不规范的问题。整改情况：已完成。\n\n第三，关于制度不健全的问题。整改情况：已完成。")
    assert [f.rule for f in lint(di, "ordinal")] == ["heading-sequence"]


@pytest.mark.parametrize("text,rule", [
    ("——2021年12月28日在市届人大常委会会议上", "lost-ordinal"),
    ("在县第十八届人大常委会第次会议上", "lost-ordinal"),
    ("截止2025年11月20日，已完成整改12项。", "jiezhi-muqian"),
])
def test_wording_slips(text, rule):
    assert [f.rule for f in lint(text, rule)] == [rule]


@pytest.mark.parametrize("text", ["受理信访时间截止到2025年6月24日。", "报名于5月1日截止。",
                                  "信访截止时间为2025年12月5日。", "市委第三、第五巡察组进驻。"])
def test_correct_uses_stay_quiet(text):
    assert [f for f in lint(text) if f.category in ("wording", "ordinal")] == []


def test_inspection_term_against_the_lead():
    wrong = notice("1.台账不规范。\n整改结果：已完成。").replace("二、反馈问题整改情况", "二、巡视反馈问题整改情况")
    (f,) = lint(wrong, "inspection-term")
    assert f.suggestion == "巡察"
    fine = notice("1.台账不规范。\n整改结果：已完成。", "推动省委巡视反馈问题和巡视巡察上下联动整改，深化对巡视整改意义的认识。")
    assert lint(fine, "inspection-term") == []


@pytest.mark.parametrize("summary,severity", [
    ("巡察反馈3个问题，已完成整改2个，正在整改1个，完成率66.6%。", "info"),
    ("巡察反馈3个问题，已完成整改2个，正在整改1个，完成率67%。", None),
    ("巡察反馈3个问题，已完成整改2个，正在整改1个，完成率60%。", "warning"),
    ("巡察反馈3个问题中，已完成整改1个、正在整改1个。", "warning"),
])
def test_completion_rates_rounded_truncated_and_parts_that_fall_short(summary, severity):
    items = "\n\n".join(f"{i}.问题{i}。\n整改结果：{s}。" for i, s in enumerate(["已完成", "已完成", "正在整改"], 1))
    found = [f for f in lint(notice(items, summary), "summary-counts") if f.category == "number"]
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_chinese_numeral_counts_are_checked_where_digits_are():
    assert len(lint("共排查问题三十个，其中整改二十个，督办十五个。", "number-arithmetic")) == 1


def test_copies_and_personal_data_in_the_lead_and_supervision_block():
    items = "1.台账不规范。\n整改结果：已完成。\n整改情况：建立问题整改台账并每月核对一次，核对结果在局务会上通报。"
    pasted = notice(items).replace("欢迎监督。", "欢迎监督。建立问题整改台账并每月核对一次，核对结果在局务会上通报。")
    assert [f.rule for f in lint(pasted, "duplicate-passage")] == ["duplicate-passage"]
    with_id = notice(items).replace("欢迎监督。", "欢迎监督。联系人身份证号110101199003074477。")
    assert [f.rule for f in lint(with_id, "personal-data")] == ["personal-data"]
