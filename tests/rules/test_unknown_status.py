"""unknown-status: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import fixed, lint
from drafts import SECTION, item


def test_unknown_status_suggests_the_nearest_term():
    (f,) = lint(SECTION + item(status_line="整改结果：已完整改。"), "unknown-status")
    assert f.suggestion == "已完成整改"


def test_unknown_status_without_a_near_term():
    (f,) = lint(SECTION + item(status_line="整改结果：另行研究。"), "unknown-status")
    assert f.suggestion is None


@pytest.mark.parametrize("status", ["已完成整改", "基本完成", "已完成整改，长期坚持", "立行立改"])
def test_known_statuses(status):
    assert lint(SECTION + item(status_line=f"整改结果：{status}。"), "unknown-status") == []


def test_vocabulary_is_configurable():
    text = SECTION + item(status_line="整改结果：已清零。")
    assert len(lint(text, "unknown-status")) == 1
    assert lint(text, "unknown-status", vocabulary=["已清零"]) == []


def test_fix_replaces_the_status_with_the_nearest_term_with_unsafe_fixes():
    text = "关于巡察整改进展情况的通报\n二、整改落实情况\n1.台账管理不规范。\n整改结果：已完整改。\n"
    assert fixed(text, "unknown-status") == text
    assert fixed(text, "unknown-status", unsafe=True).endswith("整改结果：已完成整改。\n")


# Statuses the grammar reads: subject x aspect x predicate, with time, continuation or results.
@pytest.mark.parametrize("status_line", [
    "整改结果：整改完毕。",
    "整改状态：已整改到位并销号",
    "完成情况：已办结，并建立农资服务质量季度评价制度",      # a status, then a result
    "完成情况：持续办理中，计划于2026年12月底前将负债率降至70%以下",
    "整改进展：按期推进中，第一批2个服务厅已改造完成",
    "整改进展：已完成（2025年9月完成）",                   # a remark in brackets
    "完成情况：已建立常态化检查机制，持续推进",              # results, then the status
    "整改结果：已基本完成整改，需长期坚持。",
    "整改结果：阶段性完成，计划于2026年6月底前全面完成。",
    "整改结果：未完成。",
    "整改状态：正持续推进",
])
def test_statuses_the_grammar_reads_are_known(status_line):
    assert lint(SECTION + item(status_line=status_line), "unknown-status") == []


@pytest.mark.parametrize("body", [
    "建立台账。目前，这一问题已全部整改到位。",
    "建立台账。该项整改已办结。",
    "建立台账。目前该问题正持续推进，首期核对计划于2026年3月底前完成。",
    "建立台账，修订制度，已整改到位。",                   # a closing clause
    "建立台账。此项需长期坚持，已建立长效机制。",
])
def test_status_sentences_in_unusual_forms_are_read(body):
    text = SECTION + item(measures=body)
    assert lint(text, "unknown-status") == [] and lint(text, "missing-status") == []


@pytest.mark.parametrize("status_line,flagged", [
    ("整改结果：已完。", "已完"),
    ("整改结果：已已完成。", "已已完成"),
    ("整改结果：已完成，整改。", "已完成，整改"),
    ("整改结果：已完成。整改。", "已完成。整改"),
    ("整改结果：，已完成。", "，已完成"),
    ("整改结果：已完成整改，", "已完成整改，"),
    ("整改结果：已完结。", "已完结"),
    ("整改结果：正整改。", "正整改"),
])
def test_garbled_statuses_are_flagged_where_they_stand(status_line, flagged):
    text = SECTION + item(status_line=status_line)
    (f,) = lint(text, "unknown-status")
    line = text.splitlines()[f.line - 1]
    assert line[f.column - 1:f.end_column] == flagged


@pytest.mark.parametrize("heading,body,flagged", [
    ("1.台账管理不规范。", "建立台账。此项。已完成整改。", "此项。已完成整改"),
    ("1.台账管理不规范。", "建立台账。该问已完成整改。", "该问已完成整改"),
    ("1.台账管理不规范。", "建立台账。该问题已整改。完成。", "该问题已整改。完成"),
    ("1.台账管理不规范。已【完成】", "建立台账。", "已【完成"),
    ("1.台账管理不规范。【已完】成", "建立台账。", "已完】成"),
    # Before a result or a remark: near enough to a status to be one that broke.
    ("1.台账管理不规范。", "整改进展：已成（2025年9月完成）", "已成"),
    ("1.台账管理不规范。", "整改进展：已成，累计核对台账120本", "已成"),
    ("1.台账管理不规范。", "整改进展：按推进中，第一批台账已核对", "按推进中"),
    ("1.台账管理不规范。", "完成情况：已办完，并建立季度核对制度", "已办完"),
    ("1.台账管理不规范。", "建立台账。此项需长期坚，已建立长效机制。", "此项需长期坚"),
])
def test_garbled_sentences_and_tags_are_flagged(heading, body, flagged):
    text = SECTION + item(heading=heading, measures=body)
    (f,) = lint(text, "unknown-status")
    line = text.splitlines()[f.line - 1]
    assert line[f.column - 1:f.end_column] == flagged
    assert lint(text, "missing-status") == []  # the item has a status: a broken one


@pytest.mark.parametrize("heading", [
    "1.台账管理存在的问(wèn)题",  # a reading gloss in brackets, as mirror sites print them
    "1.台账(tái zhàng)管理不规范",
    "1.台账管理不规范（试行）整",  # a note in brackets, a character after it: no status put back
])
def test_a_bracket_beside_a_word_is_no_tag_unless_the_words_put_back_read_as_a_status(heading):
    text = SECTION + item(heading=heading, measures="建立台账。")
    assert lint(text, "unknown-status") == []
    assert len(lint(text, "missing-status")) == 1  # no status at all, and said so


def test_a_label_run_into_its_status():
    text = SECTION + item(status_line="整改结果已：完成整改。")
    (f,) = lint(text, "unknown-status")
    assert f.line == 6 and f.suggestion == "已完成整改"


def test_a_project_vocabulary_accepts_what_reads_as_its_terms():
    text = SECTION + item(status_line="整改结果：已整改完毕。")
    assert lint(text, "unknown-status", vocabulary=["已完成整改", "正在整改"]) == []
    assert len(lint(text, "unknown-status", vocabulary=["正在整改"])) == 1


def test_every_status_label_of_an_item_is_read():
    # Sub-items under one numbered problem, each with its own status label (a real layout).
    text = SECTION + ("1.关于监督工作刚性不足问题的整改\n"
                      "（1）跟踪问效不够。整改情况：建立回头看制度。整改状态：已完成。\n"
                      "（2）问题清单不具体。整改情况：修订工作规程。整改状态：已完整改。\n")
    (f,) = lint(text, "unknown-status")
    assert "已完整改" in f.zh


def test_a_label_set_in_bold_in_markdown_is_read_after_its_emphasis():
    text = ("## 一、问题整改情况\n\n- **问题1**：台账管理不规范。\n  - **整改状态：**已完成\n"
            "  - **整改措施：**建立台账，逐项核对。\n- **问题2**：制度执行不严格。\n  - **整改状态：**已完成整改\n")
    assert lint(text, "unknown-status", kind="md", path="draft.md") == []
    broken = text.replace("**已完成整改", "**已完整改")
    (f,) = lint(broken, "unknown-status", kind="md", path="draft.md")
    assert f.suggestion == "已完成整改"


# Measures that open with words the grammar also uses: ways of working, not broken statuses.
@pytest.mark.parametrize("body", [
    "整改情况：全面整改，建立台账并定期核对。目前，该问题已整改完成。",
    "整改情况：按时完成，建立台账并定期核对。目前，该问题已整改完成。",
    "整改情况：全面落实，建立台账并定期核对。目前，该问题已整改完成。",
    "整改情况：已完成（2025年9月完成）。一是建立台账。",
    "整改进展：已完成，累计核对台账120本",
])
def test_measures_in_the_grammars_words_stay_quiet(body):
    assert lint(SECTION + item(measures=body), "unknown-status") == []
