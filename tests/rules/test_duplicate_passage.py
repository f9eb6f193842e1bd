"""duplicate-passage: what it flags, what it leaves alone, its options and its fixes."""

from conftest import lint, seed
from drafts import SECTION as HEAD

MEASURE = "制定文件制发三级审核制度，实行撰稿人初审、分管领导复审、主要领导终审三级审核。"


def item(n, measures, status="整改结果：已完成整改。"):
    return f"{n}.问题{n}说明。\n{status}\n整改情况：{measures}\n"


def dup(text, **options):
    return lint(text, "duplicate-passage", **options)


def test_verbatim_copy_between_items_points_at_the_later_copy_with_the_earlier_related():
    text = HEAD + item(1, "一是" + MEASURE) + item(2, "一是组织培训。二是" + MEASURE)
    (f,) = dup(text)
    assert f.line == 10 and f.related[0].line == 7
    assert "100% similar" in f.en


def test_near_verbatim_copy_with_digits_and_a_word_changed():
    a = "对排查发现的23处隐患逐项督促整改，建立隐患台账并实行销号管理，每月通报整改进展。"
    b = "对排查发现的41处隐患逐项督促落实，建立隐患台账并实行销号管理，每月通报整改进展。"
    (f,) = dup(HEAD + item(1, a) + item(2, b))
    assert f.related and "similar" in f.en


def test_status_lines_labels_and_headings_are_not_duplication():
    text = HEAD + "".join(item(n, f"第{n}项措施各不相同，内容{n}。") for n in range(1, 8))
    assert dup(text) == []


def test_standard_formulations_are_not_duplication():
    phrase = "深入学习习近平新时代中国特色社会主义思想和中央八项规定精神"
    text = HEAD + item(1, phrase + "，建立台账。") + item(2, phrase + "，开展培训。")
    assert dup(text) == []


def test_restating_the_own_problem_is_not_duplication():
    problem = "区卫生健康局未系统组织学习全国全省全市卫生健康工作会议精神。"
    text = HEAD + f"1.学习不到位。{problem}\n整改结果：已完成整改。\n整改情况：已组织学习全国全省全市卫生健康工作会议精神。\n"
    assert dup(text) == []


def test_short_shared_clause_below_min_chars_is_not_reported_and_option_lowers_it():
    text = HEAD + item(1, "一是建立隐患台账清单。") + item(2, "二是建立隐患台账清单。")
    assert dup(text) == []
    assert len(dup(text, **{"min-chars": 8})) == 1


def test_seed_002_both_copied_passages_are_reported_with_both_places():
    findings = dup(seed("002").read_text(encoding="utf-8"))
    pairs = {(f.line, f.related[0].line) for f in findings}
    assert (56, 50) in pairs and (152, 104) in pairs
    assert all(f.line not in range(28, 150, 6) or "整改结果" not in f.en for f in findings)
    status_lines = {n for n in range(1, 160)
                    if "整改结果" in seed("002").read_text(encoding="utf-8").splitlines()[n - 1]}
    assert not {f.line for f in findings} & status_lines


def test_seed_000_has_no_duplicate_finding():
    assert dup(seed("000").read_text(encoding="utf-8")) == []


def test_long_notice_stays_fast():
    import time

    body = "".join(item(n, f"第{n}项：围绕第{n}个问题开展专项整治{n * 7}次，形成长效机制{n}项。") for n in range(1, 400))
    t0 = time.perf_counter()
    dup(HEAD + body)
    # Not a timing test: a generous bound that an all-pairs method on 400 items would still pass,
    # kept only to catch a pathological blow-up.
    assert time.perf_counter() - t0 < 30


def test_restate_chars_lets_an_item_repeat_itself_briefly():
    said = "对排查发现的隐患逐项督促整改并建立台账实行销号管理"  # 25 characters
    text = HEAD + item(1, "一是" + said + "。\n二是每月复查，" + said + "。")
    assert dup(text) == []
    assert [f.rule for f in dup(text, **{"restate-chars": 20})] == ["duplicate-passage"]


def test_standard_phrases_option_names_a_house_formula_that_may_recur():
    formula = "坚持问题导向目标导向结果导向一体推进整改落实"
    text = HEAD + item(1, "一是" + formula + "。建立台账。") + item(2, "一是" + formula + "。组织培训。")
    assert [f.rule for f in dup(text)] == ["duplicate-passage"]
    assert dup(text, **{"standard-phrases": [formula]}) == []


# -- copies and templates: the same words, or one frame re-filled -----------------------------

def test_template_sentences_with_their_own_figures_are_not_copies():
    # One frame, each item with its own counts: the digits are slots, not copied words.
    a = "组织开展专项检查12次，发现问题35个，已督促整改30个，移交问题线索4条。"
    b = "组织开展专项检查15次，发现问题29个，已督促整改27个，移交问题线索6条。"
    assert dup(HEAD + item(1, a) + item(2, b)) == []


def test_template_sentences_with_their_own_names_and_dates_are_not_copies():
    a = "2025年3月12日，区财政局对辖区26家单位开展财务专项检查，督促整改问题21个。"
    b = "2025年4月18日，区教育局对辖区15所学校开展财务专项检查，督促整改问题17个。"
    assert dup(HEAD + item(1, a) + item(2, b)) == []


def test_template_sentences_citing_their_own_regulations_are_not_copies():
    a = "对照《公务接待管理办法》第12条开展自查，清退超标准接待费用3笔，涉及金额4600元。"
    b = "对照《差旅费管理办法》第15条开展自查，清退超标准差旅费用5笔，涉及金额7200元。"
    assert dup(HEAD + item(1, a) + item(2, b)) == []


def test_a_pasted_passage_with_one_figure_changed_is_a_copy():
    # Two stretches of the same words, 18 and 13 characters, around the one figure changed.
    a = "制定并印发干部日常监督管理办法等制度7项，明确责任分工和考核问责程序。"
    b = "制定并印发干部日常监督管理办法等制度9项，明确责任分工和考核问责程序。"
    (f,) = dup(HEAD + item(1, a) + item(2, b))
    assert f.line == 10 and f.related[0].line == 7


def test_a_pasted_passage_keeps_its_long_run_whatever_its_figures():
    a = "2025年以来，通过公务员考试、事业单位招聘等方式公开招聘58人，其中行政编制人员1名。"
    b = "2025年以来，通过公务员考试、事业单位招聘等方式公开招聘61人，其中行政编制人员3名。"
    (f,) = dup(HEAD + item(1, a) + item(2, b))
    assert f.related and "similar" in f.en


def test_a_template_frame_as_long_as_a_copy_is_the_same_words():
    # Twenty characters and more of the same words in a row are copied, whatever the figures.
    a = "召开党组会议专题研究部署巡察反馈问题整改工作3次，形成会议纪要。"
    b = "召开党组会议专题研究部署巡察反馈问题整改工作5次，制定整改方案。"
    assert [f.rule for f in dup(HEAD + item(1, a) + item(2, b))] == ["duplicate-passage"]


def test_an_unusual_table_of_template_lines_is_quiet():
    rows = "".join(item(n, f"第{n}网格共走访农户{n * 13 + 7}户，收集意见建议{n * 5 + 2}条，办结{n * 5 + 1}条。")
                   for n in range(1, 9))
    assert dup(HEAD + rows) == []
