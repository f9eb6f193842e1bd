"""Dates that do not exist: month 13, 2月30日, 4月31日, day 0, the year 1025.

Catches well-formed dates (2025年4月31日, 4月31日, 2025-13-01, 二〇二五年二月三十日) whose month
is outside 1–12 or whose day is outside its month, and a year outside 1900–2100 that a month
follows or that is one keystroke from a year the document writes (1025年 beside 2025年).
February follows the year when one is written or carried from an earlier date in the
paragraph; without a year, 2月29日 is accepted.

Why: GB/T 7408 and the calendar. An impossible date in a published notice is a typing error
that an inspector will spot, and it hides the real date.

Bad:  2025年4月31日召开专题会议。
Good: 2025年4月30日召开专题会议。
Bad:  2025年2月29日完成整改。
Good: 2024年2月29日完成整改。
"""

from __future__ import annotations

import bisect

from rectlint.finding import Hit
from rectlint.messages import say

from rectlint.conventions.dates import valid

DOC_ZH = """不存在的日期：13月、2月30日、4月31日、0日、1025年。

查出格式完整但月份不在1—12之间、或日期超出当月天数的日期（2025年4月31日、4月31日、
2025-13-01、二〇二五年二月三十日），以及不在1900—2100年之间、其后有月份或与本文年份只差一键的年份
（与2025年并见的1025年）。写明年份或沿用同段前文年份时，2月按该年计算；没有年份时，2月29日视为有效。

依据：GB/T 7408 和日历。公开通报中出现不存在的日期，是巡视巡察人员一眼就能看出的笔误，
也掩盖了真实日期。
"""

ID = "invalid-date"
CATEGORY = "date"
SEVERITY = "error"
READS = ("dates",)  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}


def check(doc, options):
    written = doc.dates.written
    frame = doc.frame
    paragraph, year = None, None
    paragraphs = doc.paragraphs
    starts = doc.paragraph_starts  # in order: a date's paragraph by bisection, not a scan per date
    for w in written:
        line = doc.line_at(w.start)
        if line.number in frame:
            continue
        if paragraph is None or not paragraph[0] <= w.start < paragraph[1]:
            i = bisect.bisect_right(starts, w.start) - 1
            para = paragraphs[i] if i >= 0 and w.start < paragraphs[i].end else None
            paragraph, year = ((para.start, para.end) if para else (line.start, line.end)), None
        text = doc.text[w.start:w.end]
        bad = {id(p): what for p, what in w.invalid}
        month = None
        for p in w.pieces:
            if p.year is not None:
                year = p.year
            what = bad.get(id(p))
            if what == "year":
                yield Hit(w.start, w.end, **say("invalid-date.year", written=text, year=p.year))
                break
            if p.month is not None:
                month = p.month
            if what == "month":
                yield Hit(w.start, w.end, **say("invalid-date.month", written=text))
                break
            if p.day is not None and month is not None and 1 <= month <= 12 and not valid(year, month, p.day):
                yield Hit(w.start, w.end, **say("invalid-date.day", written=text, month=month, day=p.day))
                break
