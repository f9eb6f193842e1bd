"""summary-counts: what it flags, what it leaves alone, its options and its fixes."""

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
