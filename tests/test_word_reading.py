"""A .docx is read as Word shows it, and a web page's findings point into its source."""

from __future__ import annotations

import json

import pytest

docx = pytest.importorskip("docx")

import wordgen  # noqa: E402 - after the skip
from conftest import run_cli  # noqa: E402

from rectlint.api import Linter  # noqa: E402
from rectlint.docx_numbering import Numbering  # noqa: E402
from rectlint.docx_reader import read_docx  # noqa: E402
from rectlint.html_reader import read_html  # noqa: E402


def _linted(path):
    return Linter().lint_paths([str(path)]).documents[str(path)]


def _key(f):
    return (f.line, f.column, f.end_line, f.end_column, f.rule, f.zh)


def test_a_word_draft_lints_exactly_as_its_accepted_visible_text(tmp_path):
    # Tracked changes, Word's list numbering, a header with a page field, a footnote, a text box
    # and a table: the findings are those of the text Word shows once the changes are accepted.
    path = tmp_path / "draft.docx"
    wordgen.build(path)
    read = read_docx(path.read_bytes(), str(path))
    assert read.text == wordgen.visible()
    plain = tmp_path / "draft.txt"
    plain.write_text(wordgen.visible(), encoding="utf-8")
    from_word = [_key(f) for f in _linted(path).findings]
    from_text = [_key(f) for f in _linted(plain).findings]
    assert from_word == from_text
    rules = {(k[0], k[4]) for k in from_word}
    assert (6, "invalid-date") in rules  # 4月31日 in a numbered item
    assert (16, "invalid-date") in rules  # 2026年13月 in a table cell
    assert (22, "invalid-date") in rules  # 2月30日 in the footnote
    assert not any("6月31日" in k[5] for k in from_word)  # a tracked deletion is not text


def test_the_inserted_ordinal_and_the_numbered_headings_are_seen(tmp_path):
    path = tmp_path / "draft.docx"
    wordgen.build(path)
    result = _linted(path)
    doc = result.document
    assert "三是完善审批流程" in doc.text
    assert [h.marker for h in doc.outline.headings] == ["一、", "（一）", "1.", "2.", "二、"]
    assert not any(f.rule in ("lost-ordinal", "inline-enumeration", "heading-sequence") for f in result.findings)


def test_parts_after_the_body_are_marked_and_out_of_the_outline(tmp_path):
    path = tmp_path / "draft.docx"
    wordgen.build(path)
    doc = _linted(path).document
    assert [(p.kind, p.first) for p in doc.parts] == [("textbox", 20), ("header", 21), ("footnote", 22)]
    outlined = {line.number for h in doc.outline.headings for line in [h.line, *h.body]}
    assert not outlined & {20, 21, 22}


def test_docx_findings_carry_part_paragraph_heading_path_and_quote(tmp_path):
    path = tmp_path / "draft.docx"
    wordgen.build(path)
    out = json.loads(run_cli("--format", "json", "--no-cache", str(path)).stdout.decode())
    item = next(f for f in out if f["rule"] == "invalid-date" and f["line"] == 6)
    assert item["place"] == {"part": "body", "part_index": None, "paragraph": 6,
                             "headings": ["一、", "（一）", "1."], "quote": "…查，三是完善审批流程。整改时限为2026年4月31日。"}
    note = next(f for f in out if f["line"] == 22)
    assert note["place"]["part"] == "footnote" and note["place"]["paragraph"] == 1
    assert note["place"]["headings"] == []
    text = run_cli("--no-cache", str(path)).stdout.decode()
    assert "位置：第 6 段，一、→（一）→1." in text
    assert "位置：脚注 1 第 1 段" in text
    english = run_cli("--no-cache", "--lang", "en", str(path)).stdout.decode()
    assert "at: paragraph 6, under 一、 → （一） → 1." in english


def test_sarif_gives_a_docx_finding_its_place(tmp_path):
    path = tmp_path / "draft.docx"
    wordgen.build(path)
    sarif = json.loads(run_cli("--format", "sarif", "--no-cache", str(path)).stdout.decode())
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "invalid-date"
                  and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 6)
    assert result["properties"]["place"]["headings"] == ["一、", "（一）", "1."]
    assert result["message"]["text"].endswith("位置：第 6 段，一、→（一）→1.")


def test_a_txt_finding_has_no_place(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("整改时限为2026年4月31日。\n", encoding="utf-8")
    out = json.loads(run_cli("--format", "json", "--no-cache", str(path)).stdout.decode())
    assert out and all("place" not in f for f in out)


def _numbered(levels: list[tuple[str, int]], abstract: str, nums: str = "", style: str = "") -> list[str]:
    ns = wordgen.NS
    numbering = Numbering.parse(f"<w:numbering {ns}>{abstract}{nums}</w:numbering>".encode(),
                                f"<w:styles {ns}>{style}</w:styles>".encode())
    from lxml import etree
    out = []
    for num_id, ilvl in levels:
        ppr = (f'<w:pPr><w:pStyle w:val="{num_id[1:]}"/></w:pPr>' if num_id.startswith("@") else
               f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>')
        out.append(numbering.marker(etree.fromstring(f"<w:p {ns}>{ppr}</w:p>")))
    return out


def _abstract(*levels) -> str:
    body = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>' for i, (fmt, text, start, extra) in enumerate(levels))
    return f'<w:abstractNum w:abstractNumId="1">{body}</w:abstractNum>'


def test_numbering_levels_reset_the_deeper_ones_and_render_their_formats():
    abstract = _abstract(("chineseCounting", "%1、", 1, ""), ("chineseCounting", "（%2）", 1, ""),
                         ("decimal", "%3.", 1, ""), ("decimalEnclosedParen", "%4", 1, ""))
    nums = '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
    got = _numbered([("5", 0), ("5", 1), ("5", 2), ("5", 2), ("5", 3), ("5", 1), ("5", 2), ("5", 0), ("5", 1)],
                    abstract, nums)
    assert got == ["一、", "（一）", "1.", "2.", "⑴", "（二）", "1.", "二、", "（一）"]


@pytest.mark.parametrize("fmt,text,values", [
    ("ideographTraditional", "%1、", ["甲、", "乙、", "丙、"]),
    ("chineseLegalSimplified", "%1", ["壹", "贰", "叁"]),
    ("upperRoman", "%1.", ["I.", "II.", "III."]),
    ("lowerLetter", "(%1)", ["(a)", "(b)", "(c)"]),
    ("decimalEnclosedCircle", "%1", ["①", "②", "③"]),
    ("decimalFullWidth", "%1．", ["１．", "２．", "３．"]),
    ("bullet", "•", ["•", "•", "•"]),
    ("none", "", ["", "", ""]),
])
def test_number_formats(fmt, text, values):
    nums = '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
    assert _numbered([("5", 0)] * 3, _abstract((fmt, text, 1, "")), nums) == values


def test_a_restarted_instance_starts_again_and_shared_instances_continue():
    abstract = _abstract(("decimal", "%1.", 1, ""))
    nums = ('<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="7"><w:abstractNumId w:val="1"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    assert _numbered([("5", 0), ("5", 0), ("6", 0), ("7", 0), ("7", 0), ("0", 0)], abstract, nums) == \
        ["1.", "2.", "3.", "1.", "2.", ""]


def test_legal_numbering_and_a_start_value_and_a_style_that_numbers():
    abstract = _abstract(("chineseCounting", "第%1章", 3, ""), ("decimal", "%1.%2", 1, "<w:isLgl/>"))
    nums = '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
    style = ('<w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
             '<w:style w:styleId="H1x"><w:basedOn w:val="H1"/></w:style>')
    assert _numbered([("@H1x", 0), ("5", 1), ("5", 1)], abstract, nums, style) == ["第三章", "3.1", "3.2"]


def _paragraph_docx(tmp_path, inner: str):
    document = docx.Document()
    document.add_paragraph("前文")
    document.element.body[-1].addprevious(docx.oxml.parse_xml(f"<w:p {wordgen.NS}>{inner}</w:p>"))
    path = tmp_path / "p.docx"
    document.save(str(path))
    return read_docx(path.read_bytes(), "p.docx").text.split("\n")


def test_hidden_text_field_codes_and_moved_away_text_are_not_shown(tmp_path):
    inner = ('<w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'
             '<w:moveFrom w:id="1" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom>'
             '<w:moveTo w:id="2" w:author="a"><w:r><w:t>移入</w:t></w:r></w:moveTo>'
             '<w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>'
             '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>代码</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>结果</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    assert _paragraph_docx(tmp_path, inner) == ["前文", "可见移入7结果"]


# -- web pages --------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>通报</title>
<style>p { margin: 0 }</style></head>
<body>
<div class="nav">首页 &gt; 通知公告</div>
<h1>关于巡察整改进展情况的通报</h1>
<p>根据部署，巡察组于2026年3月对我局开展巡察，
   并于2026年4月31日反馈意见。</p>
<p>整改&nbsp;时限：<b>2026年13月</b>。</p>
</body></html>
"""


def _source_span(page: str, f) -> str:
    lines = page.split("\n")
    assert f.line == f.end_line
    return lines[f.line - 1][f.column - 1:f.end_column]


def test_web_page_findings_point_at_the_page_source(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    dates = [f for f in _linted(path).findings if f.rule == "invalid-date"]
    assert [(f.line, f.column) for f in dates] == [(8, 6), (9, 18)]
    assert [_source_span(PAGE, f) for f in dates] == ["2026年4月31日", "2026年13月"]


def test_an_entity_is_one_character_of_text_spanning_its_source():
    text, source = read_html("<p>甲&nbsp;乙&#x4E19;</p>")
    assert text == "甲\xa0乙丙\n"
    assert source.location(1, 2) == (1, 5, 1, 10)  # &nbsp;
    assert source.location(3, 4) == (1, 12, 1, 19)  # &#x4E19;


def test_an_unclosed_script_does_not_shift_the_source_columns():
    page = "<p>前</p><script>var a = 1;\n<p>2026年13月</p>"
    text, source = read_html(page)
    start = text.index("2026")
    assert source.location(start, start + 8) == (2, 4, 2, 11)


def test_page_text_is_unchanged_by_the_source_map():
    from rectlint.html_reader import html_to_text
    assert html_to_text("<p> 甲  乙 </p><div>\n丙\t丁</div><p>\u3000</p>") == "甲 乙\n\n丙 丁\n"
