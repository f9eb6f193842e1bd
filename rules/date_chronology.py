"""Dates out of order across the notice.

Checks, against the notice's own date (the 成文日期 on its last lines, or
`--as-of YYYY-MM-DD` / the `as-of` setting, which override it):
- the lead's order: inspection end before the feedback date, feedback no
  later than the notice's date;
- a measure reported as done, in the problem items, dated after the notice's
  date (dates announced as plans, 预计/计划/将/力争…前, are left alone);
- the web page header: 成文时间/成文日期 must equal the 成文日期 at the end,
  and 发布时间 cannot come before it.

Why: inspection precedes feedback, feedback
precedes the report, and a report cannot describe as done what happens after
it was signed; a header that disagrees with the signature shows that one of
them is wrong.

Bad:  关于巡察整改进展情况的通报
  2025年3月3日至4月30日，巡察组开展巡察。2025年4月20日，巡察组反馈了意见。
Good: 关于巡察整改进展情况的通报
  2025年3月3日至4月30日，巡察组开展巡察。2025年6月3日，巡察组反馈了意见。
"""

from __future__ import annotations

import datetime as dt

from rectlint import patterns
from rectlint.finding import Hit
from rectlint.messages import say

from rectlint.conventions.dates import (CN_DATE, PLAN, PLAN_AFTER, PLAN_BEFORE, RANGE_JOIN, broken_dates, carry_years,
                                        cn_date, mentions, mentions_in, mentions_repaired, to_date)

DOC_ZH = """全文日期先后顺序不合理。

以通报自身日期（文末成文日期，或 `--as-of` / 配置项 `as-of` 指定的日期）
为准，检查：导语中巡视（巡察）结束在反馈之前、反馈不晚于成文日期；问题条目中报告为已完成的措施，
日期不应晚于成文日期（“预计/计划/将/力争…前”等计划性表述除外）；网页头部的成文时间应与文末成文日期一致，
发布时间不应早于成文日期。

依据：先巡视后反馈，先反馈后报告；报告不能把签发之后的事写成已完成；页面头部与落款不一致，
说明其中之一有误。
"""

ID = "date-chronology"
CATEGORY = "date"
SEVERITY = "warning"
OPTIONS: dict = {}
FRAME = True  # it reads the page header's 发布时间/成文时间

_HEADER = patterns.compile(r"(成文时间|成文日期|发布时间|发布日期)\s*:\s*")
_SENTENCE_END = "。；;!?！？\n"


def notice_date(doc) -> tuple[dt.date | None, object]:
    line = doc.outline.date_line
    if line is None:
        return None, None
    found = [to_date(m) for m in mentions_in(doc, line.start, line.end)]
    if found and found[0] is not None:
        return found[0], line
    written = CN_DATE.search(doc.folded, line.start, line.end)
    day = cn_date(written) if written else None
    if day is not None:
        return day.as_date(), line
    for broken in broken_dates(doc, [line]):
        if len(broken.readings) == 1:
            m = mentions(broken.readings[0], 0, len(broken.readings[0]))
            return (to_date(m[0]) if m else None), line
    return None, line


_WINDOW = 200  # a sentence is read at most this far each way: a line with no full stop stays linear


def _sentence(text: str, start: int, end: int, lo: int, hi: int) -> str:
    floor, ceiling = max(lo, start - _WINDOW), min(hi, end + _WINDOW)
    a = max([floor, *(text.rfind(c, floor, start) + 1 for c in _SENTENCE_END)])
    b = min([ceiling, *(i for i in (text.find(c, end, ceiling) for c in _SENTENCE_END) if i >= 0)])
    return text[a:b]


def check(doc, options, context):
    own, own_line = notice_date(doc)
    reference = context.as_of or own
    text = doc.folded
    yield from _lead(doc, text, reference)
    if reference is not None:
        yield from _measures(doc, text, reference)
    if own is not None:
        yield from _header(doc, text, own)


def _lead(doc, text, reference):
    lead = doc.outline.lead
    if not lead:
        return
    lo, hi = lead[0].start, lead[-1].end
    found = carry_years(mentions_repaired(doc, lo, hi))
    end = next((b for a, b in zip(found, found[1:])
                if a.month and RANGE_JOIN.fullmatch(text, a.end, b.start)), None)
    feedback = next((m for m in found if m.day and "反馈" in _sentence(text, m.start, m.end, lo, hi)
                     and (end is None or m.start > end.end)), None)
    end_date, fb_date = (to_date(end) if end else None), (to_date(feedback) if feedback else None)
    if end_date and fb_date and fb_date <= end_date:
        yield Hit(feedback.start, feedback.end,
                  **say("date-chronology.feedback-before-end", feedback=fb_date, end=end_date))
    if fb_date and reference and fb_date > reference:
        yield Hit(feedback.start, feedback.end,
                  **say("date-chronology.feedback-after-notice", feedback=fb_date, notice=reference))


def _measures(doc, text, reference):
    section = doc.outline.items_section
    if section is None:
        return
    for heading in section.descendants():
        for line in heading.body:
            for m in carry_years(mentions_repaired(doc, line.start, line.end)):
                date = to_date(m)
                if date is None or m.month is None or date <= reference:
                    continue
                if m.day is None and (date.year, date.month) == (reference.year, reference.month):
                    continue
                if (PLAN.search(_sentence(text, m.start, m.end, line.start, line.end))
                        or PLAN_BEFORE.search(text, max(line.start, m.start - 1), m.start)
                        or PLAN_AFTER.match(text, m.end, min(line.end, m.end + 3))):
                    continue
                yield Hit(m.start, m.end,
                          **say("date-chronology.done-after-notice", written=doc.text[m.start:m.end],
                                notice=reference))


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
