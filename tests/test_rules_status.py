import pytest

from conftest import lint, seed

HEAD = "关于巡察整改进展情况的通报\n\n二、整改落实情况\n\n"


def item(heading="1.台账管理不规范。", status_line="", measures="整改情况：一是建立台账。二是定期核对。"):
    return "\n".join(x for x in (heading, status_line, measures) if x) + "\n"


# -- status forms and missing-status ------------------------------------------

@pytest.mark.parametrize("text", [
    item(status_line="整改结果：已完成整改。"),
    item(status_line="整改状态：阶段性完成"),
    item(status_line="整改状态：完成"),
    item(measures="整改情况：已完成。一是建立台账。"),
    item(measures="整改落实情况：正在整改，一是建立台账。"),
    item(heading="1.台账管理不规范。【已完成】"),
    item(heading="1.台账管理不规范（已完成）"),
    item(heading="1.台账管理不规范。(长期坚持)"),
])
def test_every_status_form_counts(text):
    assert lint(HEAD + text, "missing-status") == []


def test_item_without_status_is_flagged_once_on_its_heading():
    text = HEAD + item() + item(heading="2.制度不健全。", status_line="整改结果：已完成整改。")
    (f,) = lint(text, "missing-status")
    assert f.line == 5 and f.column == 1


def test_required_auto_and_never():
    none_given = HEAD + item() + item(heading="2.制度不健全。")
    some_given = HEAD + item() + item(heading="2.制度不健全。", status_line="整改结果：已完成整改。")
    assert lint(none_given, "missing-status", required="auto") == []
    assert len(lint(some_given, "missing-status", required="auto")) == 1
    assert lint(some_given, "missing-status", required="never") == []


def test_numbering_run_on_and_anonymised_names_do_not_confuse_items():
    text = (HEAD + "（一）组\n" + item(heading="1.唐某某违规审批。", status_line="整改结果：已完成整改。")
            + "（二）组\n" + item(heading="2.胡某未按要求报告。", status_line="整改结果：已完成整改。"))
    assert lint(text, "status") == []


# -- unknown-status -------------------------------------------------------------

def test_unknown_status_suggests_the_nearest_term():
    (f,) = lint(HEAD + item(status_line="整改结果：已完整改。"), "unknown-status")
    assert f.suggestion == "已完成整改"


def test_unknown_status_without_a_near_term():
    (f,) = lint(HEAD + item(status_line="整改结果：另行研究。"), "unknown-status")
    assert f.suggestion is None


@pytest.mark.parametrize("status", ["已完成整改", "基本完成", "已完成整改，长期坚持", "立行立改"])
def test_known_statuses(status):
    assert lint(HEAD + item(status_line=f"整改结果：{status}。"), "unknown-status") == []


def test_vocabulary_is_configurable():
    text = HEAD + item(status_line="整改结果：已清零。")
    assert len(lint(text, "unknown-status")) == 1
    assert lint(text, "unknown-status", vocabulary=["已清零"]) == []


# -- status-contradiction -------------------------------------------------------

@pytest.mark.parametrize("measures", [
    "整改情况：已发布招聘公告，预计12月底前完成招聘。",
    "整改情况：相关制度正在推进修订。",
    "整改情况：资金尚未全部追回。",
    "整改情况：计划于2026年3月前完成改造。",
    "整改情况：已开展排查。下一步将建立长效机制。",
])
def test_completed_item_with_unfinished_measures_is_flagged(measures):
    (f,) = lint(HEAD + item(status_line="整改结果：已完成整改。", measures=measures), "status-contradiction")
    assert f.related and f.related[0].line == 6


@pytest.mark.parametrize("status", ["阶段性完成", "基本完成", "正在整改", "持续整改", "长期坚持"])
def test_unfinished_words_are_normal_under_partial_statuses(status):
    text = HEAD + item(status_line=f"整改结果：{status}。", measures="整改情况：预计12月底前完成招聘，正在推进。")
    assert lint(text, "status-contradiction") == []


def test_finished_measures_under_completed_status_are_fine():
    text = HEAD + item(status_line="整改结果：已完成整改。", measures="整改情况：已完成招聘，未发生类似问题。")
    assert lint(text, "status-contradiction") == []


# -- summary-counts ---------------------------------------------------------------

def counts_doc(summary, statuses):
    body = "".join(item(heading=f"{i}.问题{i}。", status_line=f"整改结果：{s}。") for i, s in enumerate(statuses, 1))
    return f"关于巡察整改进展情况的通报\n\n一、组织情况\n\n{summary}\n\n二、整改落实情况\n\n{body}"


def test_counts_that_agree():
    text = counts_doc("反馈的3个具体问题，已完成2个，阶段性完成1个，完成率66.7%。", ["已完成", "已完成", "阶段性完成"])
    assert lint(text, "summary-counts") == []


def test_declared_problem_count_disagrees_with_items():
    (f,) = lint(counts_doc("反馈的4个具体问题。", ["已完成", "已完成", "阶段性完成"]), "summary-counts")
    assert f.category == "structure" and "4 problems declared, 3 listed" in f.en


def test_arithmetic_errors_are_category_number():
    found = lint(counts_doc("反馈的3个具体问题，已完成3个，阶段性完成1个，完成率50%。",
                            ["已完成", "已完成", "阶段性完成"]), "summary-counts")
    cats = sorted(f.category for f in found)
    assert cats.count("number") == 2 and "status" in cats


def test_completed_count_disagrees_with_statuses():
    (f,) = lint(counts_doc("反馈的3个具体问题，已完成3个。", ["已完成", "已完成", "正在整改"]), "summary-counts")
    assert f.category == "status"


def test_aspects_count_against_groups():
    text = ("关于巡察整改进展情况的通报\n\n一、组织情况\n\n梳理出2个方面的2个具体问题。\n\n二、整改落实情况\n\n"
            "（一）方面\n" + item(heading="1.问题。", status_line="整改结果：已完成。")
            + item(heading="2.问题。", status_line="整改结果：已完成。"))
    (f,) = lint(text, "summary-counts")
    assert "2 aspects declared, 1 listed" in f.en


# -- required-parts ---------------------------------------------------------------

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
    (SUPERVISION.replace("邮政地址：某县滨河路18号；", ""), "postal address"),
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
    assert lint(fragment, "required-parts", type="fragment") == []
    assert lint(fragment, "required-parts", type="inspection") != []


# -- seeds ------------------------------------------------------------------------

def test_seed_000_every_item_lacks_a_status():
    findings = lint(seed("000").read_text(encoding="utf-8"), "missing-status")
    assert len(findings) == 44
    assert len({f.line for f in findings}) == 44


def test_seed_002_counts_and_missing_supervision_block():
    findings = lint(seed("002").read_text(encoding="utf-8"), "status") + \
        lint(seed("002").read_text(encoding="utf-8"), "structure")
    assert not [f for f in findings if f.rule == "missing-status"]
    messages = {f.en for f in findings}
    assert "31 problems declared, 19 listed" in messages
    assert "13 aspects declared, 9 listed" in messages
    assert any("supervision" in m for m in messages)


def test_items_are_found_without_labels_from_status_tags_and_section_names():
    tagged = ("关于巡察整改进展情况的通报\n\n一、组织情况\n（一）加强领导。成立小组。\n（二）压实责任。建立清单。\n"
              "二、整改落实情况\n（一）台账不规范。【已完成】\n建立台账并定期核对。\n（二）制度不健全。\n修订制度3项。\n"
              "三、下一步打算\n（一）巩固成果。\n")
    (f,) = lint(tagged, "missing-status")
    assert f.line == 9
    unlabelled = ("关于巡察整改进展情况的通报\n\n一、组织情况\n（一）加强领导。\n（二）压实责任。\n"
                  "二、反馈问题的整改情况\n1.台账不规范。\n建立台账。\n2.制度不健全。\n修订制度。\n三、下一步打算\n（一）巩固成果。\n")
    assert [f.line for f in lint(unlabelled, "missing-status")] == [7, 9]
