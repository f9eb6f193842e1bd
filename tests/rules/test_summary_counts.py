"""summary-counts: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint
from drafts import item


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


def test_a_rate_is_judged_as_decimal_rounding_judges_it():
    # _rate_kind works in integers; decimal's quantize is the reference it must agree with.
    import random
    from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

    from rectlint.conventions.counts import rate_at as _rate_at, rate_kind as _rate_kind

    def reference(written, x, total, rounding):
        places = len(written.split(".")[1]) if "." in written else 0
        return (Decimal(100 * x) / Decimal(total)).quantize(Decimal(1).scaleb(-places), rounding=rounding)

    rng = random.Random(3)
    for _ in range(20000):
        total, places = rng.randint(1, 3000), rng.choice([0, 1, 2, 3])
        x = rng.randint(0, total + 5)
        near = abs(100 * x / total + rng.choice([0, 0.01, -0.01, 0.005, 1]))
        written = rng.choice(["", "0"]) + (f"{near:.{places}f}" if places else str(round(near)))
        half_up, down = reference(written, x, total, ROUND_HALF_UP), reference(written, x, total, ROUND_DOWN)
        expected = ("rounded" if Decimal(written) == half_up else
                    "truncated" if Decimal(written) == down else "wrong")
        assert _rate_kind(written, x, total) == expected, (written, x, total)
        assert _rate_at(written, x, total, True) == str(half_up), (written, x, total)


SUMMARY = "关于巡察整改进展情况的通报\n\n一、组织情况\n\n{}\n"


def summary(text):
    """summary-counts' findings on a notice whose first section holds only the summary."""
    return lint(SUMMARY.format(text), "summary-counts")


@pytest.mark.parametrize("text", [
    "巡察反馈的4个问题，已完成整改3个，正在整改1个，整改完成率75%。",
    "巡察反馈三个方面六个问题，已完成整改五个，正在整改一个。",
    "巡察共反馈问题4个，已整改销号问题3个，占整改问题总数的75%，其余1个问题正在整改。",
    # the total said again as the parts' subject; a status after its figure
    "对反馈的3个方面8个问题制定整改措施29条。截至目前，8个问题已整改完成7个，持续推进1个，"
    "问题整改完成率87.5%；29条整改措施已落实27条，落实率93.1%。",
    "对反馈的4个问题逐一整改。截至目前，4个问题已完成整改3个，1个按期推进中。",
    # parts in 个 after measures in 条 count the problems
    "对反馈的3个问题制定整改措施10条。截至目前，已完成整改2个，阶段性完成1个。",
    # an amount with its parts
    "审计发现问题5个，涉及金额286.4万元。截至目前，已整改4个，整改金额261.9万元；正在整改1个，涉及金额24.5万元。",
    "审计工作报告反映4个方面18个问题，涉及问题资金3.26亿元。截至目前，已整改15个，部分整改3个；"
    "已整改问题资金2.91亿元，其余0.35亿元正在推进整改。",
    # a part of a part, after 其中
    "审计查出问题共189项，已完成整改179项，未整改到位10项，其中需持续推进整改8项，整改完成率达94.71%。",
    # nested statuses that no count word separates: only their sum's ceiling is checked
    "审计报告指出7个问题，立行立改6个，已完成整改5个，未完成整改1个；分阶段整改1个，正在整改中。",
    # 99.9% kept to avoid claiming 100% is cut off, not wrong
    "巡察反馈问题3个，已完成整改2个，完成率66.7%。",
])
def test_summaries_that_add_up(text):
    assert [f for f in summary(text) if f.severity != "info"] == []


@pytest.mark.parametrize("text,words", [
    ("巡察反馈的4个问题，已完成整改3个，正在整改2个。", "exceeds"),
    ("巡察反馈的4个问题，已完成整改2个，正在整改1个。", "add up to"),
    ("巡察共反馈问题4个，已整改销号问题3个，其余2个问题正在整改。", "remaining"),
    ("对反馈的4个问题逐一整改。截至目前，5个问题已完成整改4个，1个按期推进中。", "said again"),
    ("审计发现问题4个，已整改4%。", "cannot be a whole number"),
    ("巡察反馈的两个方面一个问题，已完成整改一个。", "aspects are more"),
    ("审计发现问题5个，涉及金额286.4万元。截至目前，已整改4个，整改金额261.9万元；正在整改1个，涉及金额34.5万元。",
     "exceeds"),
    ("巡察共反馈问题4个，已整改销号问题3个，占整改问题总数的70%。", "completion rate"),
])
def test_summaries_that_do_not_add_up(text, words):
    assert any(words in f.en and f.category == "number" for f in summary(text)), [f.en for f in summary(text)]


def test_a_rate_cut_off_is_a_hint():
    (f,) = summary("巡察反馈问题3个，已完成整改2个，完成率66.6%。")
    assert f.severity == "info" and "66.7" in f.en


def test_items_may_be_the_aspects_or_the_categories():
    aspects = ("关于巡察整改进展情况的通报\n\n一、组织情况\n\n反馈的2个方面5个问题，已全部完成整改。\n\n二、整改情况\n\n"
               "（一）第一个方面\n针对“甲”的问题，已整改。针对“乙”的问题，已整改。\n\n"
               "（二）第二个方面\n针对“丙”的问题，已整改。\n")
    assert [f for f in lint(aspects, "summary-counts") if f.category == "structure"] == []
    categories = ("关于巡察整改进展情况的通报\n\n一、组织情况\n\n反馈的2类问题，细化成4个具体问题。\n\n二、整改情况\n\n"
                  + item(heading="（一）甲类问题。", status_line="整改结果：已完成。")
                  + item(heading="（二）乙类问题。", status_line="整改结果：已完成。"))
    assert [f for f in lint(categories, "summary-counts") if f.category == "structure"] == []


# Nested totals (方面 > 问题 > 具体问题) make each level a base; a group counted apart (另有…,
# 巡察移交的N个立行立改问题) is its own total within its sentence.
@pytest.mark.parametrize("text", [
    "巡察反馈的3个方面11个问题26个具体问题。截至目前，已完成整改26个；巡察移交的3个立行立改问题，已完成整改3个。",
    "反馈问题9个，细化为21个具体问题，已完成整改9个，完成率100%。",          # completions at the coarser level
    "反馈的2个方面7个问题15个具体问题，已完成整改13个，正在整改2个。",
    "对反馈的5个问题逐一整改，已完成整改5个；另有立行立改问题2个，已完成整改2个。",
    "反馈问题12个，另有立行立改问题3个已全部完成。截至目前，已完成整改10个，正在整改2个。",
    "反馈问题10个，其中立行立改问题3个，已完成整改10个。",                    # 其中: a part, not apart
    "巡察反馈的2个方面15个问题，已整改完成13个（含立行立改问题3个），阶段性完成整改2个。",
    "审计指出的40个具体事项中，32个立行立改事项已完成整改，8个分阶段整改事项正在推进，整改率为80%。",
    "县委巡察组移交的4件立行立改事项已完成4件。",
    "巡察反馈问题15个，已完成整改15个；移交问题线索3件，已办结2件，正在核查1件。",
    "巡察反馈问题15个，已完成整改15个；巡察组移交信访件6件，已办结6件。",
])
def test_nested_totals_and_groups_counted_apart_add_up(text):
    assert [f for f in summary(text) if f.severity != "info"] == []


@pytest.mark.parametrize("text,words", [
    ("巡察反馈的3个方面11个问题26个具体问题，已完成整改27个。", "exceeds"),
    ("反馈的2个方面7个问题15个具体问题，已完成整改12个，正在整改2个。", "add up to"),
    ("巡察反馈问题5个，已完成整改4个；另有2个立行立改问题，已完成整改3个。", "exceeds"),
    ("反馈问题12个，另有立行立改问题3个，已完成整改3个。截至目前，已完成整改10个，正在整改3个。", "exceeds"),
])
def test_nested_totals_and_groups_counted_apart_that_do_not_add_up(text, words):
    assert any(words in f.en and f.category == "number" for f in summary(text)), [f.en for f in summary(text)]


def test_a_group_counted_apart_is_no_count_of_the_items_listed():
    text = counts_doc("反馈的3个具体问题，已完成整改3个；巡察移交的2个立行立改问题，已完成整改2个。",
                      ["已完成", "已完成", "已完成"])
    assert lint(text, "summary-counts") == []
    text = counts_doc("反馈的3个具体问题，已完成整改3个；巡察移交的2个立行立改问题，已完成整改2个。",
                      ["已完成", "已完成", "正在整改"])
    assert [f.category for f in lint(text, "summary-counts")] == ["status"]
