"""Date ranges that run backwards.

Catches ranges joined by 至, 到, —, - or ～ whose end comes before their start,
with the year and month of the end carried over from the start when they are
not repeated: "2025年5月6日至3月24日", "6月12日至3日", "2023年至2021年",
"2030—2025年".

Why: GB/T 15835-2011 and common usage write ranges start to end (the month repeated
when it changes). A backwards range is a typing error or a lost year.

Bad:  2025年5月6日至3月24日开展专项检查。
Good: 2025年3月24日至5月6日开展专项检查。
Good: 2025年12月20日至2026年1月5日开展专项检查，落实2025—2030年规划。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.finding import Hit
from rectlint.messages import say

from rectlint.conventions.dates import JOINER, RANGE_JOIN, YEAR, carry_years, mentions_in

DOC_ZH = """起止颠倒的日期范围。

查出用“至”“到”“—”“-”“～”连接、终点早于起点的范围；终点省略年或月时沿用起点的年月：
“2025年5月6日至3月24日”“6月12日至3日”“2023年至2021年”“2030—2025年”
。

依据：GB/T 15835-2011 及通行用法按先起后止书写范围（跨月时重写月份）。颠倒的范围是笔误或丢了年份。
"""

ID = "date-range-order"
CATEGORY = "date"
SEVERITY = "warning"
OPTIONS: dict = {}

_DAY_END = patterns.compile(rf"{JOINER}\s*(\d{{1,2}})日")
_YEAR_RANGE = patterns.line_pattern(rf"(?<!\d)({YEAR})(?:年)?{JOINER}({YEAR})年")


def _key(m):
    return (m.year or 0, m.month or 0, m.day or 0)


def check(doc, options):
    text = doc.folded
    paras = doc.body_paragraphs()
    year_ranges = doc.matches(_YEAR_RANGE, [line for para in paras for line in para.lines])
    for para in paras:
        found = carry_years(mentions_in(doc, para.start, para.end))
        for a, b in zip(found, found[1:]):
            if a.month is None or not RANGE_JOIN.fullmatch(text, a.end, b.start):
                continue
            if b.year is None or (b.year == a.year and "年" not in text[b.start:b.end]):
                b_key = (a.year or 0, b.month or 0, b.day or 0)
            else:
                b_key = _key(b)
            if b_key < _key(a):
                yield _hit(doc, a.start, b.end)
        for a in found:
            if a.day is None:
                continue
            m = _DAY_END.match(text, a.end)
            if m and int(m.group(1)) < a.day:
                yield _hit(doc, a.start, m.end())
        for line in para.lines:
            for m in year_ranges.get(line.number, ()):
                if int(m.group(2)) < int(m.group(1)):
                    yield _hit(doc, m.start(), m.end())


def _hit(doc, start, end):
    written = doc.text[start:end]
    return Hit(start, end, **say("date-range-order", written=written))
