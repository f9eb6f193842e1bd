"""paired-punctuation: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint


RULE = "paired-punctuation"


def cols(text, **kw):
    return [(f.line, f.column) for f in lint(text, RULE, **kw)]


@pytest.mark.parametrize("text,expected", [
    ("组织学习《条例，提升水平。", [(1, 5)]),
    ("他说“要抓落实。", [(1, 3)]),
    ("整改到位”，群众满意。", [(1, 5)]),
    ("印发（试行办法，并执行。", [(1, 3)]),
    ("印发(试行办法，并执行。", [(1, 3)]),
    ("议事规则（攀西卫计党委〔20177号）", [(1, 12)]),
    ("【已完成", [(1, 1)]),
    ("学习《关于〈条例〉的说明", [(1, 3)]),
])
def test_unbalanced_marks_are_flagged_at_the_mark(text, expected):
    assert cols(text) == expected


@pytest.mark.parametrize("text", [
    "组织学习《中国共产党党组工作条例》《党政机关公文处理工作条例》。",
    "坚持“当下改”与“长久立”相结合（见附件）。",
    "学习《关于〈条例〉的说明》。",
    "按照（攀西卫计党委〔2017〕7号）执行。",
    "措施如下：1)建立台账；2)定期通报；3)跟踪问效。",
    "一)健全制度。",
    "（1）“第一议题”制度执行不到位。",
    "发放慢性病药品（第一版）共计516种【已完成】。",
])
def test_balanced_text_and_ordinal_markers_are_not_flagged(text):
    assert cols(text) == []


def test_pairs_do_not_span_paragraphs():
    assert cols("学习《条例\n》全文") == [(1, 3), (2, 1)]


def test_broken_heading_marker_is_left_to_the_ordinal_rules():
    text = "关于整改情况的通报\n一、组织\n（一）领导方面。内容。\n）监督方面。内容。\n"
    assert cols(text) == []


def test_max_per_paragraph_lists_that_many_and_sums_up_the_rest():
    text = "学习《条例" + "，落实“要求" * 9 + "。\n"  # ten unmatched openers in one paragraph
    found = lint(text, RULE, **{"max-per-paragraph": 4})
    assert len(found) == 5 and "6 more unmatched" in found[-1].en
    assert len(lint(text, RULE)) == 10


@pytest.mark.parametrize("text", ["英文版为 Report on the People’s Congress，附后。", "文件名为 Li’s notes.docx。"])
def test_a_right_quote_between_latin_letters_is_an_apostrophe(text):
    assert lint(text + "\n", RULE) == []


@pytest.mark.parametrize("text", ["他说‘好。", "所谓’样板’工程。", "People’ 一词。"])
def test_a_single_quote_beside_other_characters_is_still_half_a_pair(text):
    assert lint(text + "\n", RULE) != []
