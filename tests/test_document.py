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
    assert (13, "lost-numeral") in broken and (71, "glued") in broken


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
