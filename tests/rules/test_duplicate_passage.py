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


# -- the frame an item opens with is not a copy; the substance pasted after it is ----------------

def opened(n, label, measures):
    return f"{n}.问题{n}说明。\n{label}：{measures}\n"


def test_items_opened_with_the_same_label_receipt_clause_body_and_formula_are_not_copies():
    # Label, 收到…后, the acting body and 高度重视: 25 characters alike, and none of them says
    # what was done. What follows differs.
    opener = "收到督查反馈意见后，区水务局党组高度重视，"
    text = HEAD + opened(1, "整改举措及成效", opener + "责成河道管理科逐段复核堤防台账，补录缺失记录12条。") \
        + opened(2, "整改举措及成效", opener + "组织全体干部学习防汛物资管理规定，建立领用登记簿。")
    assert dup(text) == []


def test_items_opened_with_the_same_meeting_called_and_its_agenda_are_not_copies():
    opener = "收到督查反馈意见后，区水务局党组高度重视，第一时间召开党组会议，专题研究部署整改工作，"
    text = HEAD + opened(1, "整改举措及成效", opener + "责成河道管理科逐段复核堤防台账。") \
        + opened(2, "整改举措及成效", opener + "组织全体干部学习防汛物资管理规定。")
    assert dup(text) == []


def test_a_long_body_name_with_its_members_in_brackets_recurs_by_nature():
    name = "区文化广电体育和旅游局（含区图书馆、区文化馆、区体育中心）"
    text = HEAD + f"（一）压实责任。督查反馈后，{name}迅速召开局务会议，逐条梳理问题清单。\n" \
        + f"（二）健全机制。收到反馈意见后，{name}立即成立整改工作专班，由局长任组长。\n"
    assert dup(text) == []


def test_a_measure_pasted_after_the_same_formula_opener_is_still_a_copy():
    opener = "收到督查反馈意见后，区水务局党组高度重视，"
    pasted = "责成河道管理科逐段复核堤防台账，补录缺失记录并实行月度对账。"
    text = HEAD + opened(1, "整改举措及成效", opener + pasted) + opened(2, "整改举措及成效", opener + pasted)
    (f,) = dup(text)
    assert f.line == 8 and f.related[0].line == 6


def test_a_pasted_passage_naming_its_body_is_a_copy():
    # The body's name is part of what was pasted: the measure itself carries the substance.
    pasted = "区水务局对全区堤防巡查记录逐段复核，补录缺失记录并实行月度对账销号。"
    (f,) = dup(HEAD + item(1, "一是" + pasted) + item(2, "二是" + pasted))
    assert f.line == 10 and f.related[0].line == 7


def test_an_unusual_opener_of_when_and_body_only_across_paragraphs_is_quiet():
    # Merely unusual: a year's clause and the same body opening two paragraphs, each going on
    # to its own measure; the shared words frame, they say nothing done.
    text = HEAD + "2025年以来，区水务局党组（含区河道管理所）切实提高站位，修订堤防巡查办法。\n" \
        + "2025年以来，区水务局党组（含区河道管理所）切实提高站位，开展防汛物资清点。\n"
    assert dup(text) == []


def test_a_ledger_row_of_fields_repeated_in_two_items_is_not_a_copy():
    # The same unit, leader and deadline for two problems: fields of a table flattened into a line.
    fields = "责任单位：区水务局党组（含区河道管理所）；责任领导：局党组书记；整改时限：2025年12月底前\n"
    text = (HEAD + "1.河道巡查记录不全。\n" + fields + "整改情况：逐段复核巡查台账，补录缺失记录。\n"
            + "2.防汛物资管理不规范。\n" + fields + "整改情况：组织物资管理专题培训，建立领用登记簿。\n")
    assert dup(text) == []


BODIES = "区委巡察办、区纪委监委第三监督检查室、区委组织部"


def test_a_list_of_bodies_named_again_in_another_clause_is_a_reference_back():
    text = HEAD + item(1, f"将整改方案分别报送{BODIES}审核。") + item(2, f"根据{BODIES}审核意见，修改完善整改方案。")
    assert dup(text) == []


def test_a_list_pasted_as_a_whole_clause_or_with_its_frame_is_still_a_copy():
    # whole in one place only: a clause of the first item, inside another frame in the second
    whole = HEAD + item(1, "修订公文管理办法，撰稿人初审、分管领导复审、主要领导终审、法律顾问合法性审查。") \
        + item(2, "组织公文写作培训，严格按照撰稿人初审、分管领导复审、主要领导终审、法律顾问合法性审查要求办理。")
    assert len(dup(whole)) == 1
    framed = HEAD + item(1, f"将整改方案分别报送{BODIES}审核。") + item(2, f"修改后将整改方案分别报送{BODIES}审核。")
    assert len(dup(framed)) == 1
    # whole in one place but for the ordinal that numbers it (六是…), carried on in the other (…2次)
    numbered = HEAD + item(1, "六是局主要负责人对办公室副主任、财务股股长、项目股股长进行提醒谈话。") \
        + item(2, "三是局主要负责人对办公室副主任、财务股股长、项目股股长进行提醒谈话2次。")
    assert len(dup(numbered)) == 1
    listed = HEAD + item(1, "一是" + MEASURE) + item(2, "二是组织培训，实行撰稿人初审、分管领导复审、主要领导终审三级审核。")
    assert len(dup(listed)) == 1
