"""Date ranges that run backwards, or whose two ends are the same.

Catches ranges joined by 至, 到, —, - or ～ whose end comes before their start, with the year
and month of the end carried over from the start when they are not repeated:
"2025年5月6日至3月24日", "6月12日至3日", "2023年至2021年", "2030—2025年"; and ranges from a day
to the same day ("2025年6月至6月").

Why: GB/T 15835-2011 and common usage write ranges start to end (the month repeated when it
changes, the year when it changes). A backwards range is a typing error or a lost year; a range
whose ends are the same lost a digit.

Bad:  2025年5月6日至3月24日开展专项检查。
Good: 2025年3月24日至5月6日开展专项检查。
Bad:  2025年6月至6月集中开展整改。
Good: 2025年12月20日至2026年1月5日开展专项检查，落实2025—2030年规划。
"""

from __future__ import annotations

from rectlint.finding import Hit
from rectlint.messages import say

from rectlint.conventions.date_grammar import ends

DOC_ZH = """起止颠倒或起止相同的日期范围。

查出用“至”“到”“—”“-”“～”连接、终点早于起点的范围；终点省略年或月时沿用起点的年月：
“2025年5月6日至3月24日”“6月12日至3日”“2023年至2021年”“2030—2025年”；以及起点与终点相同的范围
（“2025年6月至6月”）。

依据：GB/T 15835-2011 及通行用法按先起后止书写范围（跨月重写月份，跨年重写年份）。颠倒的范围是笔误
或丢了年份；起止相同的范围丢了数字。
"""

ID = "date-range-order"
CATEGORY = "date"
SEVERITY = "warning"
READS = ("dates",)  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}


def check(doc, options):
    frame = doc.frame
    for w in doc.dates.written:
        if not w.is_range or w.invalid or doc.line_at(w.start).number in frame:
            continue
        first, last = ends(w)
        if last < first:
            yield Hit(w.start, w.end, **say("date-range-order", written=doc.text[w.start:w.end]))
        elif last == first:
            yield Hit(w.start, w.end, **say("date-range-order.same", written=doc.text[w.start:w.end]))
