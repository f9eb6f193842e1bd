from rectlint.document import Document

from conftest import seed


def test_positions_count_code_points_and_survive_crlf_nbsp_and_ideographic_space():
    text = "标题\r\n\u3000\u3000正文\u00a0有“引号\r\n末行"
    doc = Document(text)
    assert [line.text for line in doc.lines] == ["标题", "\u3000\u3000正文\u00a0有“引号", "末行"]
    offset = text.index("“")
    assert doc.position(offset) == (2, 7)
    assert doc.position(text.index("末")) == (3, 1)


def test_folded_text_keeps_offsets():
    doc = Document("（一）整改：完成；１２月")
    assert doc.folded == "(一)整改:完成;12月"
    assert len(doc.folded) == len(doc.text)


def test_markdown_paragraphs_join_wrapped_lines():
    doc = Document("第一段第一行\n第一段第二行\n\n第二段", kind="md")
    assert [len(p.lines) for p in doc.paragraphs] == [2, 1]


def test_outline_of_the_first_seed_finds_its_items_and_frame():
    doc = Document(seed("000").read_text(encoding="utf-8"))
    outline = doc.outline
    assert outline.title.number == 3
    assert len(outline.items) == 44
    assert {1, 5} <= outline.frame and 245 in outline.frame
    assert outline.date_line.number == 243
    assert [line.number for line in outline.supervision] == [235]
    broken = [(h.line.number, h.broken) for h in outline.headings if h.broken]
    assert (13, "lost-numeral") in broken and (71, "lost-close") in broken


def test_outline_of_the_second_seed_counts_nineteen_items_in_nine_groups():
    doc = Document(seed("002").read_text(encoding="utf-8"))
    outline = doc.outline
    assert len(outline.items) == 19
    groups = [h for h in outline.items_section.descendants() if h.level == 3]
    assert len(groups) == 9
    assert outline.supervision == []
    assert outline.frame >= {1, 2, 3, 4, 5, 6, 174, 175}


def test_inline_runs_are_found_per_paragraph():
    doc = Document("标题关于整改情况的通报\n\n一、情况\n\n1.问题。\n\n整改情况：一是建台账。二是抓落实，统一是非标准。四是强监督。")
    run = doc.outline.runs[-1]
    assert [m.number for m in run.markers] == [1, 2, 4]


def test_fused_heading_and_run_on_numbering():
    doc = Document("关于整改情况的通报\n一、问题\n1.（1）问题甲。\n整改情况：完成。\n（二）其他\n2.问题乙。\n")
    styles = [(h.style, h.number, h.sub_number) for h in doc.outline.headings]
    assert ("n.(n)", 1, 1) in styles


def test_markdown_heading_and_bold_markers_are_skipped():
    doc = Document("# 关于整改情况的通报\n\n## 一、整改情况\n\n**（一）组织领导**\n\n- 1.问题。\n", kind="md")
    assert [(h.level, h.marker) for h in doc.outline.headings] == [(1, "一、"), (2, "（一）"), (3, "1.")]
    assert doc.outline.title.number == 1


def test_lines_split_on_newlines_alone_as_on_any_line_ending():
    # Text without \r takes a faster path; it must give the lines the general one gives.
    import random

    from rectlint.document import _split_lines

    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(["甲", "a", " ", "\n", "\n\n", "\u2028", "\x0b"]) for _ in range(rng.randrange(0, 12)))
        general = _split_lines(text.replace("\n", "\r"))  # the same breaks as \r: the pattern path
        assert [(ln.number, ln.start, ln.end, ln.text) for ln in _split_lines(text)] == \
               [(ln.number, ln.start, ln.end, ln.text) for ln in general]


def test_a_line_s_content_starts_after_what_str_isspace_skips_and_markdown():
    # One pattern replaces a loop over str.isspace followed by the Markdown pattern.
    import random

    import regex

    from rectlint.document import Line
    from rectlint.outline import _MARKUP, _strip_offset

    def by_loop(text):
        i = 0
        while i < len(text) and text[i].isspace():
            i += 1
        return regex.match(_MARKUP, text[i:]).end() + i

    pieces = [" ", "\u3000", "\u00a0", "\t", "\x1c", "\x1f", "\u2028", "\u200b", "#", "## ", "- ", "* ", "**",
              "__", "-", "一、", "1.", "甲"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 8)))
        assert _strip_offset(Line(3, 10, 10 + len(text), text)) == 10 + by_loop(text), repr(text)


def test_folding_replaces_each_full_width_form_as_translation_does():
    # fold replaces each kind of foldable character found; str.translate is the reference.
    import random

    from rectlint.text import _FOLD, fold

    from conftest import ROOT

    foldable = [chr(c) for c in _FOLD]
    rng = random.Random(11)
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "corpus").glob("*.txt")]
    for _ in range(3000):
        kinds = rng.sample(foldable, rng.randrange(0, 30))  # few kinds, and more than 16
        texts.append("".join(rng.choice(kinds + list("甲，。 a1\u3001")) for _ in range(rng.randrange(0, 40))))
    texts.append("".join(foldable) * 2)
    for text in texts:
        assert fold(text) == text.translate(_FOLD), repr(text)


def test_a_form_seen_first_opens_a_level_and_labelled_items_stand_under_grouping_headings():
    doc = Document("关于整改情况的通报\n一、整改情况\n（一）党的建设方面\n问题1：甲。\n整改情况：已完成。\n"
                   "问题2：乙。\n整改情况：已完成。\n（二）作风建设方面\n问题3：丙。\n整改情况：已完成。\n二、下一步\n")
    shape = [(h.family, h.number, h.parent.marker if h.parent.line else None) for h in doc.outline.headings]
    assert shape[:6] == [("cn", 1, None), ("(cn)", 1, "一、"), ("问题n", 1, "（一）"), ("问题n", 2, "（一）"),
                         ("(cn)", 2, "一、"), ("问题n", 3, "（二）")]
    assert [h.marker for h in doc.outline.items] == ["问题1：", "问题2：", "问题3："]
    doc = Document("关于整改情况的通报\n一、整改情况\n反馈问题一：关于甲的问题。\n1.子问题。\n整改情况：已完成。\n"
                   "反馈问题二：关于乙的问题。\n1.子问题。\n整改情况：已完成。\n二、下一步\n")
    assert [(h.family, h.number, h.parent.marker) for h in doc.outline.items] == [
        ("n", 1, "反馈问题一："), ("n", 1, "反馈问题二：")]


def test_a_list_after_a_colon_in_an_item_is_its_measures_and_run_in_siblings_count():
    doc = Document("关于整改情况的通报\n一、整改情况\n（一）台账不全。\n整改情况：正在整改。主要措施：\n1.逐户核对；\n"
                   "2.建立公示制度。\n（二）制度不严。\n二、下一步\n（1）跟踪问效。（2）健全机制。\n（3）巩固成果。\n")
    assert [h.marker for h in doc.outline.headings] == ["一、", "（一）", "（二）", "二、", "（1）", "（3）"]
    assert doc.outline.headings[4].last == 2
    assert [[m.number for m in run.markers] for run in doc.outline.runs] == [[1, 2], [2]]


def test_problems_written_as_top_level_headings_are_the_items():
    doc = Document("关于审计发现问题整改情况的报告\n\n一、经费拨付不及时\n\n整改情况：已整改。全部拨付。\n\n"
                   "二、资产出租未审批\n\n整改情况：已整改。补办手续。\n")
    assert [h.marker for h in doc.outline.items] == ["一、", "二、"]


def test_broken_markers_take_the_number_their_run_expects():
    doc = Document("关于整改情况的通报\n一、整改情况\n（一）台账不全。\n（二制度不严。\n三问题。\n二推行。\n")
    assert [(h.marker, h.number, h.broken) for h in doc.outline.headings][2] == ("（二", 2, "lost-close")


def test_page_metadata_is_frame_whatever_its_labels_and_never_the_signature():
    # A saved page cut short: metadata under the title (labels no list names), then the text.
    text = ("关于县委第二巡察组巡察反馈意见整改进展情况的通报\n发布时间：2025-10-10 来源：县林业局\n分类：巡察整改\n"
            "文号：林党〔2025〕12号\n索引号 | 11330800/2025-103 | 公开方式： | 主动公开 |\n2025-10-09\n"
            "根据县委统一部署，县委第二巡察组对县林业局党组开展了巡察。现将整改进展情况予以公布。\n"
            "一、整改工作情况\n局党组成立整改工作领导小组，逐项制定整改措施。\n")
    outline = Document(text).outline
    assert outline.title.number == 1 and {2, 3, 4, 5} <= outline.frame
    assert outline.signature == [] and outline.date_line is None
    assert [h.marker for h in outline.headings] == ["一、"]


def test_a_list_of_bare_labels_is_metadata_but_a_salutation_is_not():
    listed = ("• 信息索引号：\n  113307/2023-46395\n• 发布机构：\n  某区文旅局\n• 成文日期：\n  2023-05-04\n"
              "中共某区文旅局党组关于巡察整改情况的通报\n根据区委统一部署，区委第一巡察组开展了巡察。\n一、整改情况\n甲。\n")
    outline = Document(listed).outline
    assert outline.title.number == 7 and set(range(1, 7)) <= outline.frame
    speech = ("关于2024年度审计查出问题整改情况的报告\n——2025年10月22日在县人大常委会会议上\n县审计局局长 张某\n"
              "县人大常委会：\n受县人民政府委托，现将整改情况报告如下，请予审议。\n一、总体情况\n甲。\n")
    outline = Document(speech).outline
    assert outline.title.number == 1 and outline.frame == set()


def test_the_title_is_found_after_a_long_menu_and_a_sentence_is_never_a_title():
    menu = "\n".join(["成都", "|", "绵阳", "|", "德阳", "|"] * 4) + "\n"
    text = menu + "关于巡视整改进展情况的通报\n根据省委统一部署，省委巡视组进行了巡视，现将整改情况予以公布。\n一、整改情况\n甲。\n"
    outline = Document(text).outline
    assert outline.title.number == 25 and outline.lead[0].number == 26
    lead_only = "根据县委统一部署，县委第一巡察组对县水利局党组开展了巡察，现将整改情况\n一、整改情况\n甲。\n"
    assert Document(lead_only).outline.title is None


def test_paragraphs_numbered_di_that_carry_item_labels_are_items_and_may_run_on_across_groups():
    text = ("关于整改情况的通报\n一、整改情况\n（一）甲方面\n第一，台账不全。\n整改结果：已完成。\n"
            "第二，制度不严。整改情况：已完成。修订制度。\n（二）乙方面\n第三，学习不深。\n整改结果：已完成。\n"
            "二、下一步\n第一，巩固成果。第二，建立机制。\n")
    doc = Document(text)
    assert [h.marker for h in doc.outline.items] == ["第一，", "第二，", "第三，"]
    from conftest import lint
    assert [f for f in lint(text, "ordinal") if f.severity != "info"] == []


def test_a_line_of_another_page_s_text_above_the_breadcrumb_is_frame():
    text = ("热门推荐：某地举行马拉松比赛，数万人参加\n首頁 > 媒體中心 > 行業新聞\n"
            "某县卫健局关于巡察整改进展情况的通报\n发布时间：2023-06-24\n"
            "根据县委统一部署，县委第二巡察组对县卫健局党组开展了巡察。现将整改情况予以公布。\n一、整改情况\n甲。\n")
    outline = Document(text).outline
    assert outline.title.number == 3 and {1, 2, 4} <= outline.frame
    # Organising sections are no problems section, whatever their sub-items.
    organising = ("关于巡视整改进展情况的通报\n根据市委统一部署，市委巡视组开展了巡视，现将整改情况予以公布。\n"
                  "一、组织落实整改情况\n（一）提高政治站位，增强整改自觉。区委召开常委会议研究部署。\n"
                  "（二）压实整改责任，健全工作机制。成立领导小组。\n")
    assert Document(organising).outline.items == []


def test_a_long_document_s_lines_and_paragraphs_are_those_a_list_holds(monkeypatch):
    from rectlint import document

    text = "关于整改情况的通报\n\n一、整改情况\n\n（一）问题一。\n整改情况：已完成。\n\n\n末段第一行\n末段第二行\n"
    for kind in ("txt", "md"):
        short = Document(text, kind=kind)
        monkeypatch.setattr(document, "LAZY_LINES", 0)
        long = Document(text, kind=kind)
        monkeypatch.undo()
        assert long.long and not short.long
        assert list(long.lines) == short.lines and len(long.lines) == len(short.lines)
        assert long.lines[2] == short.lines[2] and long.lines[-1] == short.lines[-1]
        assert long.lines[1:4] == short.lines[1:4]
        assert list(long.paragraphs) == short.paragraphs and len(long.paragraphs) == len(short.paragraphs)
        assert [p.lines for p in long.paragraphs] == [p.lines for p in short.paragraphs]
        assert list(long.paragraph_starts) == short.paragraph_starts
        assert list(long.body_lines()) == short.body_lines()
        assert list(long.body_lines()[1:3]) == short.body_lines()[1:3]
        assert list(reversed(long.body_lines())) == short.body_lines()[::-1]
        assert list(long.body_paragraphs()) == short.body_paragraphs()
        assert list(long.filled_lines(5)) == short.filled_lines(5)
        assert list(long.outline.lead) == short.outline.lead
        assert list(long.outline.summary_lines) == short.outline.summary_lines


def test_a_long_document_s_line_offsets_are_the_lines_of_a_list_found_a_chunk_at_a_time(monkeypatch):
    import random

    from rectlint import document
    from rectlint.document import _line_offsets, _split_lines

    rng = random.Random(7)
    for _ in range(1500):
        text = "".join(rng.choice(["甲", "a", " ", "\n", "\n\n", "\r", "\r\n"]) for _ in range(rng.randrange(0, 40)))
        listed = [(ln.start, ln.end, ln.blank) for ln in _split_lines(text)]
        monkeypatch.setattr(document, "_CHUNK", rng.randrange(1, 6))
        starts, ends, blank = _line_offsets(text)
        assert list(zip(starts, ends, (flag == 1 for flag in blank))) == listed, repr(text)
        monkeypatch.undo()


def test_a_long_document_s_lines_are_read_from_its_offsets_and_travel_as_lines(monkeypatch):
    import pickle

    import pytest

    from rectlint import document
    from rectlint.document import HeldLine, Line

    text = "关于整改情况的通报\n\n一、整改情况\n"
    monkeypatch.setattr(document, "LAZY_LINES", 0)
    line = Document(text).lines[2]
    assert isinstance(line, HeldLine) and line == Line(3, 11, 17, "一、整改情况") and not line.blank
    assert Line(3, 11, 17, "一、整改情况") == line and line != Line(3, 11, 17, "二、整改情况")
    assert Document(text).lines[1].blank and line.detached() == line
    assert type(pickle.loads(pickle.dumps(line))) is Line
    with pytest.raises(IndexError):
        Document(text).lines[3]


def test_a_view_keeps_the_lines_its_findings_point_at_and_no_other():
    from rectlint.document import DocumentView, Line

    doc = Document("第一行\n第二行\n第三行\n")

    class F:
        line, end_line = 3, 3

    view = DocumentView.of(doc, [F(), F()])
    assert view.lines[2] == Line(3, 8, 11, "第三行") and view.lines[0] == Line(1, 0, 0, "")
    assert list(view.lines.kept) == [3] and len(view.lines) == 3
    same = DocumentView("p", "txt", None, 3, {3: Line(3, 8, 11, "第三行")})
    assert same.lines[2] == view.lines[2] and same.line_holding(8, 10) == view.lines[2]
    assert view.line_holding(0, 2) is None and view.line_holding(8, 12) is None and view.line_holding(9, 11)


def test_a_document_let_go_keeps_what_its_view_needs():
    doc = Document("关于整改情况的通报\n一、整改情况\n（一）问题一\n整改结果：已完成。\n")
    info, headings = doc.info, len(doc.outline.headings)
    doc.let_go()
    assert "outline" not in doc.__dict__ and doc.info is info and len(doc.outline.headings) == headings
