"""Dates out of order across the notice.

Every date of the notice takes part in one chronology (docs/conventions.md#dates): the
inspection period (the lead's first range), the feedback (the next whole date of the lead, in a
sentence that says 反馈), 截至 points, plans and deadlines, work stated as done, and the notice's
own date (the 成文日期, a report's subtitle date, or `--as-of YYYY-MM-DD` / the `as-of` setting,
which override it). It checks:
- the feedback is not before the inspection's end, nor after the notice's date;
- the feedback comes within a year of the inspection's end, and the notice within two years of
  the feedback (otherwise one of the years is wrong);
- nothing stated as done, and no 截至 point, is after the notice's date (dates announced as
  plans, 预计/计划/将于/力争/…前/…起 or under a 下一步 heading, are left alone);
- a 截至 point, a plan or a deadline is not before the feedback (a 截止 date that ends its
  sentence closes a period, 受理时间截止到…。, and a date right before 公告/发布/印发 is the day a
  text was published: neither is work done; a date right after 根据/按照/依据/依照/对照 names the
  plan or list the text acts on, 根据2021年…考核计划安排, and is compared with nothing);
- the web page header: 成文时间/成文日期 must equal the 成文日期 at the end, and 发布时间 cannot
  come before it.

Why: inspection precedes feedback, feedback precedes the report, and a report cannot describe
as done what happens after it was signed; a deadline set before the problems were reported, or
a header that disagrees with the signature, shows that one of the dates is wrong.

Bad:  关于巡察整改进展情况的通报
  2025年3月3日至4月30日，巡察组开展巡察。2025年4月20日，巡察组反馈了意见。
Good: 关于巡察整改进展情况的通报
  2025年3月3日至4月30日，巡察组开展巡察。2025年6月3日，巡察组反馈了意见。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.finding import Hit
from rectlint.messages import say

from rectlint.conventions.chronology import read_chronology
from rectlint.conventions.dates import mentions, to_date

DOC_ZH = """全文日期先后顺序不合理。

通报中的日期同属一条时间线（docs/conventions.md#dates）：巡视（巡察）期间（导语中第一个日期范围）、
反馈日期（导语中其后说到“反馈”的完整日期）、“截至”时点、计划和期限、已完成的工作，以及通报自身日期
（文末成文日期、报告副题中的日期，或 `--as-of` / 配置项 `as-of` 指定的日期，后两者优先）。检查：
反馈不早于巡察结束、不晚于通报日期；反馈在巡察结束后一年内、通报在反馈后两年内（否则年份有误）；
报告为已完成的工作和“截至”时点不晚于通报日期（句末的“截止到…”是一段时间的终点，紧接“公告/发布/印发”的日期是发布日，均不算已完成的工作；紧跟“根据/按照/依据/依照/对照”的日期是所依据的计划、清单的年份，不参与比较；“预计/计划/将于/力争/…前/…起”等计划性表述及“下一步”
部分除外）；“截至”时点、计划和期限不早于反馈日期；网页头部的成文时间应与文末成文日期一致，发布时间
不应早于成文日期。

依据：先巡视后反馈，先反馈后报告；报告不能把签发之后的事写成已完成；在问题反馈之前定下的整改期限，
或与落款不一致的页面头部，说明其中有日期写错了。
"""

ID = "date-chronology"
CATEGORY = "date"
SEVERITY = "warning"
READS = ("dates",)  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}
FRAME = True  # it reads the page header's 发布时间/成文时间

_HEADER = patterns.compile(r"(成文时间|成文日期|发布时间|发布日期)\s*:\s*")


def check(doc, options, context):
    chron = read_chronology(doc)
    reference = context.as_of or chron.notice
    insp, fb = chron.inspection, chron.feedback
    if insp is not None and fb is not None and insp.last and fb.first:
        if fb.first < insp.last:
            yield _hit(doc, fb, "date-chronology.feedback-before-end", feedback=fb.first, end=insp.last)
        elif (fb.first - insp.last).days > 366:
            yield _hit(doc, fb, "date-chronology.feedback-late", feedback=fb.first, end=insp.last)
    if fb is not None and fb.first and reference is not None:
        if fb.first > reference:
            yield _hit(doc, fb, "date-chronology.feedback-after-notice", feedback=fb.first, notice=reference)
        elif chron.notice is not None and (chron.notice - fb.last).days > 731 and chron.signed is not None:
            yield _hit(doc, chron.signed, "date-chronology.notice-late", notice=chron.notice, feedback=fb.last)
    for d in chron.dated:
        if d.first is None:
            continue
        written = doc.text[d.written.start:d.written.end]
        if d.role in ("done", "counted", "inspection") and reference is not None and d.first > reference:
            key = {"done": "done-after-notice", "counted": "counted-after-notice",
                   "inspection": "inspection-after-notice"}[d.role]
            if d.role != "inspection" or fb is None or fb.first is None or fb.first <= reference:
                yield _hit(doc, d, "date-chronology." + key, written=written, notice=reference)
        elif d.role in ("counted", "plan") and fb is not None and fb.first and d.last and d.last < fb.first:
            key = "counted-before-feedback" if d.role == "counted" else "plan-before-feedback"
            yield _hit(doc, d, "date-chronology." + key, written=written, feedback=fb.first)
    if chron.notice is not None:
        yield from _header(doc, doc.folded, chron.notice)


def _hit(doc, dated, key, **args):
    return Hit(dated.written.start, dated.written.end, **say(key, **args))


def _header(doc, text, own):
    for number in sorted(doc.frame):
        line = doc.lines[number - 1]
        for m in _HEADER.finditer(text, line.start, line.end):
            found = mentions(text, m.end(), min(line.end, m.end() + 12))
            if not found or found[0].start != m.end() or to_date(found[0]) is None:
                continue
            date = to_date(found[0])
            signed = m.group(1).startswith("成文")
            if (signed and date != own) or (not signed and date < own):
                label = doc.text[m.start(1):m.end(1)]
                yield Hit(found[0].start, found[0].end,
                          **say("date-chronology.page-date", label=label, date=date, own=own))
