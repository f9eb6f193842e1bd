"""A Word draft as editors leave them: tracked changes, Word's own list numbering, a header with
a page field, a footnote, a text box and a table. Built with python-docx and plain OOXML.

`visible` is what Word shows once every change is accepted, in rectlint's reading order (body,
then text box, header, footnote), so a test can lint it as plain text beside the .docx.
"""

from __future__ import annotations

from copy import deepcopy

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STAMP = 'w:author="审核人" w:date="2026-11-20T09:00:00Z"'

NUMBERING = f"""<w:abstractNum {NS} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def _run(text: str, deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'


def paragraph_xml(*pieces, level: int | None = None) -> str:
    """A paragraph of pieces: "text", ("ins", "text"), ("del", "text") or ("field", "CODE", "result").
    With `level`, the paragraph is numbered by Word's list 90 at that level."""
    body, rid = [], 0
    for piece in pieces:
        rid += 1
        if isinstance(piece, str):
            body.append(_run(piece))
        elif piece[0] == "ins":
            body.append(f'<w:ins w:id="{700 + rid}" {_STAMP}>{_run(piece[1])}</w:ins>')
        elif piece[0] == "del":
            body.append(f'<w:del w:id="{700 + rid}" {_STAMP}>{_run(piece[1], deleted=True)}</w:del>')
        elif piece[0] == "field":
            body.append('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                        f'<w:r><w:instrText xml:space="preserve"> {piece[1]} </w:instrText></w:r>'
                        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                        f'{_run(piece[2])}<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    numbered = (f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr></w:pPr>'
                if level is not None else "")
    return f"<w:p {NS}>{numbered}{''.join(body)}</w:p>"


def _text_box(text: str) -> str:
    """A VML text box (the form WPS and older Word write) in a run of its own."""
    return (f'<w:r {NS} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:200pt;height:40pt">'
            f'<v:textbox><w:txbxContent><w:p>{_run(text)}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>')


FOOTNOTES = f"""<w:footnotes {NS}>
  <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
  <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>{{note}}</w:p></w:footnote>
</w:footnotes>"""

# (pieces, level, visible text)
BODY = [
    (["关于县委第二巡察组反馈意见整改进展情况的通报"], None),
    (["根据县委统一部署，县委第二巡察组于2026年3月至5月对县农业农村局开展了常规巡察，并于",
      ("ins", "2026年6月12日"), ("del", "2026年6月31日"), "反馈了巡察意见。现将整改进展情况通报如下。"], None),
    (["整改工作开展情况"], 0),
    (["加强组织领导"], 1),
    (["项目资金监管不严问题。"], 2),
    (["整改情况：一是建立资金台账，二是开展专项检查，", ("ins", "三是"), "完善审批流程。整改时限为2026年4月31日。"], None),
    (["整改结果：已完成。"], None),
    (["干部作风不实问题。"], 2),
    (["整改情况：已于", ("field", "DATE \\@ \"yyyy年M月d日\"", "2026年9月3日"), "召开专题会议。"], None),
    (["整改结果：已完成。"], None),
    (["下一步工作打算"], 0),
    (["持续巩固整改成果。"], None),
]
TABLE = [["问题", "完成时限"], ["台账更新", "2026年13月"]]
CLOSING = ["欢迎广大干部群众对整改落实情况进行监督。联系电话：0000-1234567。",
           "中共某县农业农村局党组", "2026年11月20日"]
HEADER, PAGE = "某县农业农村局", "1"
BOX = "整改进度表见附件"
NOTE = "数据截至2026年2月30日。"


def visible() -> str:
    """The accepted, visible text in rectlint's reading order."""
    lines, counters = [], [0, 0, 0]
    markers = [lambda n: "一二三四五六七八九十"[n - 1] + "、", lambda n: "（" + "一二三四五六七八九十"[n - 1] + "）",
               lambda n: f"{n}."]
    for pieces, level in BODY:
        text = "".join(p if isinstance(p, str) else p[1] if p[0] == "ins" else p[2] if p[0] == "field" else ""
                       for p in pieces)
        if level is not None:
            counters[level] += 1
            counters[level + 1:] = [0] * (2 - level)
            text = markers[level](counters[level]) + text
        lines.append(text)
    lines += [cell for row in TABLE for cell in row]
    lines += CLOSING
    lines += [BOX, HEADER + PAGE, NOTE]
    return "\n".join(lines)


def build(path) -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(NUM))
    body = document.element.body
    sect = body[-1]
    for pieces, level in BODY:
        sect.addprevious(parse_xml(paragraph_xml(*pieces, level=level)))
    table = document.add_table(rows=len(TABLE), cols=2)
    for r, row in enumerate(TABLE):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    for text in CLOSING:
        document.add_paragraph(text)
    document.paragraphs[len(BODY) - 1]._p.append(parse_xml(_text_box(BOX)))
    header = document.sections[0].header
    header.paragraphs[0].text = HEADER
    for run in parse_xml(paragraph_xml(("field", "PAGE", PAGE))):
        header.paragraphs[0]._p.append(deepcopy(run))
    _footnote(document, NOTE)
    document.save(str(path))


def _footnote(document, note: str) -> None:
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                FOOTNOTES.replace("{note}", _run(note)).encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    last = document.paragraphs[4]._p  # the reference mark sits in the first item
    last.append(parse_xml(f'<w:r {NS}><w:footnoteReference w:id="1"/></w:r>'))
