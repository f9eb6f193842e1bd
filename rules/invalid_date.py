"""Dates that do not exist: month 13, 2月30日, 4月31日, day 0.

Catches well-formed dates (2025年4月31日, 4月31日, 2025-13-01) whose month is
outside 1–12 or whose day is outside its month. February follows the year
when one is written or carried from an earlier date in the paragraph; without
a year, 2月29日 is accepted.

Why: GB/T 7408 and the calendar. An impossible date in a published notice is a
typing error that an inspector will spot, and it hides the real date.

Bad:  2025年4月31日召开专题会议。
Good: 2025年4月30日召开专题会议。
Bad:  2025年2月29日完成整改。
Good: 2024年2月29日完成整改。
"""

from __future__ import annotations

from rectlint.finding import Hit
from rectlint.messages import say

from rectlint.conventions.dates import carry_years, mentions_in, valid

DOC_ZH = """不存在的日期：13月、2月30日、4月31日、0日。

查出格式完整但月份不在1—12之间、或日期超出当月天数的日期（2025年4月31日、4月31日、
2025-13-01）。写明年份或沿用同段前文年份时，2月按该年计算；没有年份时，2月29日视为有效。

依据：GB/T 7408 和日历。公开通报中出现不存在的日期，是巡视巡察人员一眼就能看出的笔误，
也掩盖了真实日期。
"""

ID = "invalid-date"
CATEGORY = "date"
SEVERITY = "error"
OPTIONS: dict = {}


def check(doc, options):
    for para in doc.body_paragraphs():
        for m in carry_years(mentions_in(doc, para.start, para.end)):
            if m.month is None:
                continue
            written = doc.text[m.start:m.end]
            if not 1 <= m.month <= 12:
                yield Hit(m.start, m.end, **say("invalid-date.month", written=written))
            elif m.day is not None and not valid(m.year, m.month, m.day):
                yield Hit(m.start, m.end, **say("invalid-date.day", written=written, month=m.month, day=m.day))
