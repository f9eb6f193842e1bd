"""Parts a notice must have, by notice type.

A 巡视/巡察 notice needs: a title; a lead giving the inspection period, the
team (第X巡察组/巡视组) and the feedback (反馈); its main sections with the
problem items; a public-supervision block with a phone number, a postal
address and an e-mail address, each in a valid format; and the signature with
the 成文日期. An 审计整改 report (often a speech to the 人大常委会) needs
only the title and its sections.

Option `type`: `auto` (default) recognises the type from the title (审计 →
audit, otherwise inspection); `inspection` or `audit` sets it; `fragment`
turns the check off, for a draft of one section.

Why: 《中国共产党巡视工作条例》 requires
the rectification to be published and open to public supervision; a notice
without its supervision block or date defeats that purpose.

Bad:  关于巡察整改进展情况的通报
  2025年3月3日至4月30日，县委第二巡察组开展巡察，6月3日反馈意见。
  一、整改情况
  1.问题。整改结果：已完成。
  中共某局党组
  2025年10月9日
Good: 关于巡察整改进展情况的通报
  2025年3月3日至4月30日，县委第二巡察组开展巡察，6月3日反馈意见。
  一、整改情况
  1.问题。整改结果：已完成。
  欢迎监督。联系电话：0791-6123456；邮政地址：某县滨河路18号；电子邮箱：jd@example.cn。
  中共某局党组
  2025年10月9日
"""

from __future__ import annotations

import regex

from rectlint.finding import Hit

ID = "required-parts"
CATEGORY = "structure"
SEVERITY = "warning"
OPTIONS = {"type": "auto"}
CHOICES = {"type": ("auto", "inspection", "audit", "fragment")}

_PERIOD = regex.compile(r"\d[^。]{0,20}?(?:至|到|—|-|~)[^。]{0,20}?\d|进驻")
_TEAM = regex.compile(r"第[一二三四五六七八九十\d]*(?:巡察|巡视)组|(?:巡察|巡视)组|审计(?:组|署|厅|局)")
_FEEDBACK = regex.compile(r"反馈")
_PHONE_LABEL = regex.compile(r"(?:联系|监督|举报|咨询)?电话\s*[:]?\s*([\d\-－—()（） ]{5,20})")
_PHONE_OK = regex.compile(r"^(?:\(?0\d{2,3}\)?[-－—]?\d{7,8}(?:[-－—]\d{1,5})?|1[3-9]\d{9}|12\d{3,4})$")
_ADDRESS = regex.compile(r"(?:邮政地址|通信地址|通讯地址|邮寄地址|来信地址|地址)\s*[:]\s*([^;；。]+)")
_EMAIL_LABEL = regex.compile(r"(?:电子邮箱|电子邮件|邮箱|E-?mail)\s*[:]?\s*([^\s;；。,，]+)", regex.I)
_EMAIL_OK = regex.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")


def notice_type(doc, option: str) -> str:
    if option != "auto":
        return option
    title = doc.outline.title
    text = doc.folded[title.start:title.end] if title is not None else ""
    return "audit" if "审计" in text else "inspection"


def check(doc, options):
    kind = notice_type(doc, options["type"])
    if kind == "fragment":
        return
    outline = doc.outline
    first = next((line for line in doc.body_lines()), None)
    if first is None:
        return
    anchor = (first.start, first.end)
    if outline.title is None:
        yield _missing(anchor, "标题", "a title")
    if not outline.root.children:
        yield _missing(anchor, "正文的“一、”“二、”等部分", "numbered main sections (一、 二、 …)")
    if kind == "audit":
        return
    yield from _lead(doc, outline, anchor)
    end_anchor = _end_anchor(doc, outline)
    if not outline.supervision:
        yield _missing(end_anchor, "公众监督渠道（联系电话、邮政地址、电子邮箱）",
                       "a public-supervision block (phone, postal address, e-mail)")
    else:
        yield from _supervision(doc, outline.supervision)
    if not outline.signature:
        yield _missing(end_anchor, "落款（发文机关署名）", "the signature (issuing body)")
    if outline.date_line is None:
        yield _missing(end_anchor, "成文日期", "the date line (成文日期)")


def _end_anchor(doc, outline):
    if outline.signature:
        line = outline.signature[0]
    else:
        body = doc.body_lines()
        line = body[-1]
    return (line.start, line.end)


def _lead(doc, outline, anchor):
    lead = outline.lead
    if not lead:
        yield _missing(anchor, "导语（巡察时间、巡察组、反馈时间）", "a lead (inspection period, team, feedback date)")
        return
    text = doc.folded[lead[0].start:lead[-1].end]
    span = (lead[0].start, lead[0].end)
    for pattern, zh, en in ((_PERIOD, "巡察（巡视）起止时间", "the inspection period"),
                            (_TEAM, "巡察（巡视）组名称", "the inspection team"),
                            (_FEEDBACK, "反馈意见的时间", "the feedback of the findings")):
        if not pattern.search(text):
            yield Hit(span[0], span[1], zh=f"导语缺少{zh}", en=f"the lead does not give {en}")


def _supervision(doc, lines):
    text = doc.folded
    lo, hi = lines[0].start, lines[-1].end
    block = text[lo:hi]
    checks = (
        (_PHONE_LABEL, _PHONE_OK, "联系电话", "a phone number"),
        (_ADDRESS, None, "邮政地址", "a postal address"),
        (_EMAIL_LABEL, _EMAIL_OK, "电子邮箱", "an e-mail address"),
    )
    for label, valid, zh, en in checks:
        m = label.search(block)
        if m is None:
            yield Hit(lo, lines[0].end, zh=f"监督渠道缺少{zh}", en=f"the supervision block lacks {en}")
            continue
        value = m.group(1).strip().rstrip(".")
        ok = valid.match(value.replace(" ", "")) if valid else len(value) >= 4
        if not ok:
            start = lo + m.start(1)
            yield Hit(start, start + len(m.group(1).rstrip()),
                      zh=f"{zh}格式有误：“{doc.text[start:start + len(value)]}”",
                      en=f"{en} looks malformed: '{value}'")


def _missing(anchor, zh, en):
    return Hit(anchor[0], anchor[1], zh=f"缺少{zh}", en=f"missing {en}")
