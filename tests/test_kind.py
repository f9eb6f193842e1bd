"""What a text is (kind), whether it is whole (completeness), and how that reaches users."""

import json

import pytest

from conftest import lint, run_cli
from rectlint.document import Document

NOTICE = ("中共某县审计局党组关于县委第二巡察组巡察反馈意见整改情况的通报\n\n"
          "根据县委统一部署，2025年3月3日至4月30日，县委第二巡察组对县审计局党组开展了巡察。"
          "2025年6月3日反馈了巡察意见。现将整改情况予以公布。\n\n"
          "一、整改落实情况\n\n1.台账不规范。\n整改结果：已完成整改。\n整改情况：建立台账。\n\n"
          "2.制度不健全。\n整改结果：已完成整改。\n整改情况：修订制度三项。\n\n"
          "二、下一步打算\n\n持续巩固整改成果。\n\n"
          "欢迎监督。联系电话：0791-6123456；邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。\n\n"
          "中共某县审计局党组\n2025年10月9日\n")
NEWS = ("某区召开巡察整改推进会\n\n11月13日，区委巡察办召开巡察整改推进会，5家被巡察单位汇报整改进展。"
        "会议由区委巡察办主任主持。\n\n会议强调，要压实整改责任，确保问题整改到位。\n")
AUDIT = ("2025年10月24日在县人大常委会第二十一次会议上\n\n主任、各位副主任、各位委员：\n\n"
         "我受县人民政府委托，向县人大常委会报告2024年度审计查出问题的整改情况，请予审议。\n\n"
         "一、整改工作情况\n\n县政府召开常务会议专题研究。\n")


def info(text, notice_kind=None):
    return Document(text, "d.txt", "txt", notice_kind).info


def test_a_rectification_notice_is_an_inspection_notice_and_whole():
    i = info(NOTICE)
    assert (i.kind, i.completeness, i.detected) == ("inspection", "complete", True)


def test_a_news_item_about_a_meeting_is_news_even_with_rectification_words():
    assert info(NEWS).kind == "news"


def test_an_audit_report_to_a_standing_committee_is_audit_from_its_formula():
    assert info(AUDIT).kind == "audit"


@pytest.mark.parametrize("text,kind", [
    ("同志们：\n\n下面，我讲三点意见。\n\n一、提高站位\n\n要高度重视巡察整改。\n", "official"),
    ("巡察工作规程\n\n一、巡察准备\n\n1.明确巡察对象。\n", "official"),
    ("摘要\n\n本文研究审计整改报告的认定机制。\n", "other"),
])
def test_other_texts(text, kind):
    assert info(text).kind == kind


def test_a_page_cut_mid_sentence_ends_early_and_a_snippet_is_whole():
    cut = NOTICE.split("二、下一步打算")[0] + "三、下一步打算\n\n持续巩固整改成果，推动"
    assert info(cut).completeness == "ends-early"
    assert info("组织学习《条例\n").completeness == "complete"


def test_a_notice_without_title_or_closing_may_have_lost_its_title_to_the_cut():
    body = NOTICE.split("\n\n", 1)[1]
    assert info(body.replace("中共某县审计局党组\n2025年10月9日\n", "")).completeness == "starts-late"
    # With its 成文日期 and a lead for its first line, the notice is whole: the title is missing.
    assert info(body).completeness == "complete"


def test_kind_set_by_configuration_wins():
    i = info(NEWS, "inspection")
    assert (i.kind, i.detected) == ("inspection", False)


def test_news_and_other_texts_get_no_structure_findings():
    for text in (NEWS, AUDIT.replace("请予审议", "")):
        assert not [f for f in lint(text) if f.category in ("structure", "status")]


def test_kind_option_and_config_key(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(NEWS, encoding="utf-8")
    out = json.loads(run_cli(draft, "--format", "sarif", "--kind", "inspection").stdout)
    assert out["runs"][0]["artifacts"][0]["properties"] == {
        "kind": "inspection", "completeness": "complete", "detected": False}
    (tmp_path / ".rectlint.yaml").write_text("kind: news\n", encoding="utf-8")
    out = json.loads(run_cli(draft, "--format", "sarif").stdout)
    assert out["runs"][0]["artifacts"][0]["properties"]["kind"] == "news"
    # --kind auto on the command line overrides the configured kind: the text is read for itself.
    out = json.loads(run_cli(draft, "--format", "sarif", "--kind", "auto").stdout)
    assert out["runs"][0]["artifacts"][0]["properties"]["kind"] == "news"
    (tmp_path / ".rectlint.yaml").write_text("kind: audit\n", encoding="utf-8")
    out = json.loads(run_cli(draft, "--format", "sarif", "--kind", "auto").stdout)
    assert out["runs"][0]["artifacts"][0]["properties"] == {"kind": "news", "completeness": "complete",
                                                            "detected": True}
    (tmp_path / ".rectlint.yaml").write_text("kind: memo\n", encoding="utf-8")
    bad = run_cli(draft)
    assert bad.returncode == 2 and "“kind”应为".encode() in bad.stderr


def test_json_findings_carry_the_document_kind(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(NOTICE.replace("2025年6月3日", "2025年6月31日"), encoding="utf-8")
    found = json.loads(run_cli(draft, "--format", "json").stdout)
    assert found and found[0]["document"] == {"kind": "inspection", "completeness": "complete", "detected": True}


def test_explain_outline_prints_kind_items_and_statuses(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(NOTICE, encoding="utf-8")
    result = run_cli("--explain-outline", draft, "--lang", "en")
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0
    assert "kind: inspection" in out and "completeness: complete" in out
    assert "[item; status: 已完成整改 (line)]" in out and "supervision: lines" in out


def test_a_news_item_is_known_by_how_it_opens_but_measures_that_open_with_a_date_are_not_news():
    from rectlint.kind import detect_kind

    # 近日… opens a news item, under its title.
    text = "区委巡察办赴区教育局调研\n\n近日，区委巡察办到区教育局调研整改工作。\n\n调研组听取了汇报。\n"
    doc = Document(text, "d.txt", "txt")
    assert detect_kind(doc, doc.outline) == ("news", ["1 news cues"])
    # A notice whose measures each open with the day they were taken stays a notice.
    dated = NOTICE
    for n, measure in enumerate(("建立台账。", "修订制度三项。"), 3):
        dated = dated.replace(f"整改情况：{measure}", f"整改情况：\n{n}月5日，召开专题会议。\n{n}月9日，{measure}\n"
                                                  f"{n}月12日上午，复核整改。\n{n}月20日，通报进展。")
    assert dated.count("日，") >= 6 and info(dated).kind == "inspection"


def test_a_speech_opens_with_its_salutation_on_a_line_of_its_own():
    text = "（根据录音整理）\n\n同志们：\n\n今天我们总结巡察整改情况。\n"
    assert info(text).kind == "official"


# -- a notice is told by its parts, not by its words ------------------------------------------

@pytest.mark.parametrize("text", [
    # News that a round of notices is being published: the headline reports an event.
    "十四届县委第三轮巡察整改进展情况集中公布\n\n本报讯（记者 李明）11月20日起，县纪委监委网站陆续公布"
    "8家单位巡察整改进展情况，接受干部群众监督。\n\n从公布的情况看，各单位压实整改主体责任，建立整改台账。\n",
    # News of a team revisiting a unit: a headline that ends like a notice's, over a news item.
    "县委巡察组督查回访供水公司巡察整改落实情况\n\n4月8日，县委第二巡察组到供水公司督查回访整改落实情况。"
    "公司党委书记作专题汇报。\n\n会议由公司总经理主持，班子成员参加。巡察组组长指出，整改成效明显。\n",
])
def test_news_about_a_notice_is_news(text):
    i = info(text)
    assert i.kind == "news" and not i.notice
    assert not [f for f in lint(text) if f.category in ("structure", "status")]


def test_an_office_notice_on_a_street_check_that_mentions_rectification_is_no_inspection_notice():
    text = ("关于滨河路环境整治工作“回头看”的通报\n\n"
            "6月2日，区委督查室对滨河路环境整治整改落实情况进行了“回头看”，现将有关情况通报如下。\n\n"
            "此次“回头看”发现，部分点位仍未整改到位，相关部门要加大整改力度。\n")
    assert info(text).kind not in ("inspection", "audit")
    assert lint(text, "required-parts") == []


def test_a_notice_below_a_long_menu_is_read_by_its_title_and_lead():
    menu = "\n|\n".join(["城关", "河西", "东坝", "南山", "北岭", "石门", "清溪", "上营"] * 4) + "\n"
    page = menu + "您所在的位置：首页>工作动态\n" + NOTICE
    assert info(page).kind == "inspection"


def test_a_notice_whose_title_was_lost_is_read_by_its_lead_formula_and_sections():
    body = NOTICE.split("\n\n", 1)[1].replace("现将整改情况予以公布", "现根据规定将巡察整改进展情况予以公布")
    page = "2025-10-12 09:30:00来源：县审计局\n" + body
    assert info(page).kind == "inspection"


@pytest.mark.parametrize("head", [
    "——2025年10月24日在县第十八届人大常委会第二十一次会议上\n县审计局局长 王某\n县人大常委会：\n"
    "县政府高度重视审计查出问题整改工作，推动问题有效整改。现将有关情况报告如下：\n",
    "受县政府委托，10月24日，县审计局局长在县十八届人大常委会第二十一次会议上作了"
    "《关于2024年度县级预算执行审计查出问题整改情况的报告》。报告的主要内容如下：\n",
])
def test_an_audit_report_is_read_by_its_head_as_a_page_gives_it(head):
    text = head + "\n一、整改工作情况\n\n县政府召开常务会议专题研究审计整改工作。\n\n二、审计查出问题的整改情况\n\n财政管理方面的问题已整改。\n"
    assert info(text).kind == "audit"


def test_a_notice_whose_measures_report_meetings_stays_a_notice():
    busy = NOTICE.replace("整改情况：建立台账。", "整改情况：召开专题会议。会议强调，要压实责任。会议指出，要举一反三。"
                          "会议要求，要建立台账。会议由局党组书记主持。")
    assert info(busy).kind == "inspection"


def test_a_hotline_list_alone_is_no_notice():
    text = ("县委第二巡察组进驻县水利局开展巡察\n\n根据县委统一部署，县委第二巡察组将对县水利局党组开展常规巡察。\n\n"
            "联系电话：0791-6123456；邮政地址：某县滨河路18号；电子邮箱：xc2@example.cn。\n")
    assert info(text).kind not in ("inspection", "audit")


# A letter on the rectification of an audit's findings: the audit is named in the title's subject,
# whatever the script; the issuer's own name (县审计局党组关于…) is not its subject.
LETTER = ("{issuer}關於2024年度專項審計調查發現問題整改情況的函\n\n省審計廳：\n\n"
          "貴廳《專項審計調查報告》指出的問題，我市高度重視，逐項推進整改。現將整改情況函告如下：\n\n"
          "一、總體情況\n\n審計調查發現問題涉及我市的共三類9個具體問題，均已採取措施整改。\n\n"
          "二、具體整改情況\n\n（一）部分項目資金撥付不及時。\n\n該問題已完成整改。\n\n"
          "（二）個別項目台賬登記不全。\n\n該問題已完成整改。\n")


@pytest.mark.parametrize("issuer", ["龍溪市人民政府", "龍溪市審計局"])
def test_an_audit_rectification_letter_is_audit_in_traditional_and_simplified_characters(issuer):
    from rectlint.text import fold

    assert info(LETTER.format(issuer=issuer)).kind == "audit"
    simplified = fold(LETTER.format(issuer=issuer))
    assert "审计调查发现问题整改" in simplified and info(simplified).kind == "audit"
    assert lint(LETTER.format(issuer=issuer), "required-parts") == []


@pytest.mark.parametrize("title", [
    "中共某縣審計局黨組關於縣委第二巡察組巡察反饋意見整改情況的通報",   # an audit office inspected
    "某县审计局关于落实县委督查反馈意见整改情况的通报",                  # the issuer only is an audit office
])
def test_an_audit_office_as_issuer_does_not_make_an_audit_report(title):
    text = NOTICE.replace(NOTICE.split("\n")[0], title)
    assert info(text).kind == "inspection"


def test_the_traditional_reading_keeps_offsets_and_findings_quote_the_text_as_written():
    from rectlint.text import fold

    text = "現將整改進展情況予以公佈。２０２５年"
    assert len(fold(text)) == len(text) and fold(text).startswith("现将整改进展情况")
    written = "截止2025年6月，反饋問題已完成。"
    found = lint(written, "jiezhi-muqian")
    assert [written[f.column - 1:f.end_column] for f in found] == ["截止"]
