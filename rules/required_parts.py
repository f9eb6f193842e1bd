"""Parts a notice must have, by notice type, as one finding that lists what is missing.

A 巡视/巡察 notice needs: a title; a lead giving the inspection period, the
team (第X巡察组/巡视组, or 巡察X组) and the feedback (反馈); its main sections with the
problem items (numbered, or a table); a public-supervision block that gives at
least one way to reach the office (a phone number, a postal address, an e-mail
address, a 信箱 or 意见箱, a web platform), each value in a valid format, however
it is introduced (labels, 联系方式：…, 来电请拨…/来信请寄至…, a table; see
`rectlint.conventions.supervision`); and the signature with the 成文日期. An
审计整改 report (often a speech to the 人大常委会) needs only the title and its
sections.

The block's numbers are read with the grammar of lint/conventions/phones.py, after the numbering
plan of the telecommunications network (工业和信息化部《电信网编号计划》) and GB/T 15834-2011
4.13.3.2 (the hyphen in a telephone number): a landline is an area code (010, 02X, or 0 and
three digits from 3 to 9) and a local number of 7 or 8 digits opening with 2 to 8, joined by a
hyphen or with the code in brackets; a mobile is 1[3-9] and nine digits; service numbers are the
123xx hotlines, 95xxx/96xxx, 400/800 numbers; a postcode has six digits. Every number of every
phone field that nearly parses but does not is one finding, with the repair where it is unique
(079186218000 → 0791-86218000). A digit moved into its label or across the colon (电1话2388,
电话0：791-86218000, 邮政编3码30000) is one malformed number, where putting it back makes a
well-formed number the written digits are not; a field's own index (电话1：…；电话2：…) is no
number. A local number without its area code (7673067) is a phone where
a cue gives it as a channel. A number given as a channel in running text (公开预约电话12368)
is read the same way, where a channel label opens it and it closes a clause.

Only rectification notices and audit reports with a firm outline (a title,
numbered sections or items) are checked (see `rectlint --explain-outline`). A text that starts part-way (a page whose title was cut
off) is not asked for its title and lead, and one that ends part-way is not
asked for its closing parts. The missing parts are reported together, once,
where the first of them belongs (the start of the text, or after its last
line). The supervision block is whole when it gives any one channel (a phone
alone, a 信箱 and an e-mail): published blocks differ in which they give. It
lacks a channel only where its own label announces one with nothing after it
(联系电话：；), or when it gives none at all.

Option `kind`: `auto` (default) takes the detected notice kind;
`inspection` or `audit` sets it; `fragment` turns the check off, for a draft
of one section. (`type`, its former name, is still read.)

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
Good: 某区召开巡察整改推进会
  近日，区委巡察办召开整改推进会，听取5家单位整改情况汇报。会议强调，要确保问题整改到位。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.conventions import phones
from rectlint.conventions.dates import JOINER
from rectlint.conventions.supervision import channels
from rectlint.finding import Hit
from rectlint.messages import phrase, say, text

DOC_ZH = """按通报类型应有而缺少的组成部分，合为一条列出。

巡视巡察整改通报应有：标题；写明巡视（巡察）时间、巡视（巡察）组（第X巡察组/巡视组，或巡察X组）和反馈的导语；
列有问题条目（编号或表格）的主体部分；至少给出一种联系方式（电话、通信地址、电子邮箱、信箱或意见箱、网络平台）且格式有效的公众监督渠道
（标签、“联系方式：”、“来电请拨”“来信请寄至”等句子或表格均可）；以及发文机关署名和成文日期。
监督渠道中每个电话号码按《电信网编号计划》和 GB/T 15834-2011 4.13.3.2 读取：固定电话为区号（010、02X，
或 0 加首位为 3–9 的三位数字）加 7 或 8 位、首位为 2–8 的本地号码，用连接号或括号连接；手机为 1[3-9] 加 9 位；
服务号码为 123xx、95xxx/96xxx、400/800；邮政编码为 6 位。标签或“联系方式”等给出的不带区号的本地号码（7673067）也是电话。
接近而不合规的号码逐一报告，修正唯一时给出建议。号码的一位数字窜入标签或冒号前后（电1话2388、电话0：791-86218000、
邮政编3码30000），放回后成为合规号码而原样不合规的，作为一个格式有误的号码报告；字段自身的序号（电话1：…；电话2：…）不是号码。
审计整改报告（常为向人大常委会所作的报告）只需标题和各部分。只检查结构明确（有标题、编号的部分或条目）
的整改通报和审计整改报告（见 `rectlint --explain-outline`）。
从中间开始的文本（标题被截掉的页面）不要求标题和导语，在中间结束的不要求结尾部分。缺少的部分合为一条，
在第一个缺少部分应在的位置报告。监督渠道给出任何一种联系方式即为完整（各地通报给出的渠道不同，只给电话、或只给信箱和电子邮箱都常见）；
只有标签写了而没有内容（联系电话：；），或一种联系方式也没有，才算缺少。

依据：巡视巡察工作条例及各地关于公开整改进展情况的要求；缺少监督渠道或落款的通报不完整。
"""

ID = "required-parts"
CATEGORY = "structure"
SEVERITY = "warning"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS = {"kind": "auto"}
CHOICES = {"kind": ("auto", "inspection", "audit", "fragment")}
ALIASES = {"type": "kind"}  # the option's former name

_PERIOD = patterns.compile(rf"\d[^。]{{0,20}}?{JOINER}[^。]{{0,20}}?\d|进驻")
# A team: 第三巡察组, 巡察组, and the number after 巡察 (巡察二组, 联动巡察三组) as many offices write it.
_TEAM = patterns.compile(r"(?:第[一二三四五六七八九十\d]*)?(?:巡察|巡视)[一二三四五六七八九十\d]*组|审计(?:组|署|厅|局)")
_FEEDBACK = patterns.compile(r"反馈")
_ROW = patterns.compile(r"^[^|\n]*(?:\|[^|\n]*){3,}$")


def notice_type(doc, option: str) -> str | None:
    """inspection, audit, or None when the parts are not checked."""
    if option == "fragment":
        return None
    if option != "auto":
        return option
    return doc.info.kind if doc.info.notice else None


def check(doc, options):
    kind = notice_type(doc, options["kind"])
    body = doc.body_lines()
    if kind is None or not body or not doc.info.outlined:
        return
    outline, info = doc.outline, doc.info
    head, tail = [], []
    if info.starts_whole:
        if outline.title is None:
            head.append("title")
        if kind == "inspection" and not outline.lead:
            head.append("lead")
    if info.ends_whole and not outline.root.children and not outline.items and not _table(doc, body):
        tail.append("sections")
    if kind == "inspection" and info.ends_whole:
        if not outline.supervision:
            tail.append("supervision")
        if not outline.signature:
            tail.append("signature")
        if outline.date_line is None:
            tail.append("date")
    missing = head + tail
    if missing:
        line = body[0] if head else _last_line(outline, body)
        yield Hit(line.start, line.end, key="missing:" + ",".join(missing),
                  **say("required-parts.missing", parts=_parts(missing)))
    if kind == "inspection" and outline.lead and "lead" not in (m[0] for m in head) and info.starts_whole:
        yield from _lead(doc, outline)
    if kind == "inspection" and outline.supervision:
        yield from _supervision(doc, outline.supervision)
    if kind == "inspection":
        yield from _channels(doc, outline.supervision, body)


def _table(doc, body) -> bool:
    """The problems listed as a table (a header and at least two rows of cells split by |): a
    community's 公示 often has no numbered sections, the table is its body."""
    return sum(1 for line in body if _ROW.match(doc.folded[line.start:line.end])) >= 3


def _last_line(outline, body):
    """The line after which the closing parts belong: the last one before them."""
    closing = {line.number for line in (*outline.supervision, *outline.signature)}
    if outline.date_line is not None:
        closing.add(outline.date_line.number)
    # From the end: a list of every line before them was a long draft's peak.
    return next((line for line in reversed(body) if line.number not in closing), body[-1])


def _lead(doc, outline):
    lead = outline.lead
    folded = doc.folded[lead[0].start:lead[-1].end]
    lacks = [part for pattern, part in ((_PERIOD, "period"), (_TEAM, "team"), (_FEEDBACK, "feedback"))
             if not pattern.search(folded)]
    if lacks:
        yield Hit(lead[0].start, lead[0].end, key="lead:" + _key(lacks),
                  **say("required-parts.lead", parts=_parts(lacks)))


def _supervision(doc, lines):
    lo, hi = lines[0].start, lines[-1].end
    found = channels(doc.folded[lo:hi])
    bad_numbers = {(bad.start, bad.end): bad for bad in phones.malformed(doc.folded, lo, hi)}
    for c in found:  # numbers after a verb phrase or in a table cell (来电请拨…, | 电话 | …) too
        if c.part == "phone" and c.value:
            bad_numbers.update({(bad.start, bad.end): bad for bad in phones.phone_field(doc.folded, lo + c.start, hi)})
    for _, bad in sorted(bad_numbers.items()):
        yield _malformed(doc, bad)
    given = {c.part for c in found if c.ok}
    for part, name in (("post", "address"), ("email", "email")):
        bad = next((c for c in found if c.part == part and c.value), None)
        if part not in given and bad is not None:  # each number of each phone field is read above
            start = lo + bad.start
            yield Hit(start, lo + bad.end, **say("required-parts.malformed", what=_parts([name])[0],
                                                 written=doc.text[start:lo + bad.end]))
    # The convention asks for a way to reach the office, not for a fixed set: a block that gives a
    # phone alone, a 信箱 and an e-mail, or a phone and an on-site 意见箱 is whole. What it lacks is
    # a channel its own label announces with nothing after it (联系电话：；), or any channel at all.
    names = {"phone": "phone", "post": "address", "email": "email"}
    lacks = [names[part] for part in names if part not in given and any(c.part == part and not c.value
                                                                         for c in found)]
    if not given and not lacks and not any(c.value for c in found):
        lacks = ["channel"]
    if lacks:
        yield Hit(lo, lines[0].end, key="supervision:" + _key(lacks),
                  **say("required-parts.supervision", parts=_parts(lacks)))


def _channels(doc, supervision, body):
    """A channel given in running text (公开预约电话12368) is read as the block's numbers are."""
    block = {line.number for line in supervision}
    for line in body:
        if line.number in block or not ("电" in line.text or "热线" in line.text):
            continue
        for bad in phones.channels(doc.folded, line.start, line.end):
            yield _malformed(doc, bad)


def _malformed(doc, bad):
    return Hit(bad.start, bad.end, suggestion=bad.repair,
               **say("required-parts.malformed", what=_parts([bad.what])[0], written=doc.text[bad.start:bad.end]))


def _parts(names) -> list:
    return [phrase("required-parts.part." + name) for name in names]


def _key(names) -> str:
    """Baselines written before the message catalogue keyed these findings on the English words."""
    return ",".join(text("required-parts.part." + name, "en") for name in names)
