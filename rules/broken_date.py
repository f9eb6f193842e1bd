"""Dates that nearly parse but do not: a unit lost, doubled, swapped or out of place, a stray
digit or mark, a joiner lost or left without an end.

The date grammar (docs/conventions.md#dates) reads every run of digits, units and joiners in the
text. A run that holds a date (a four-digit year before 年, a number before 月, a year of the
document glued to more digits or left alone before a word, a 成文日期 line) but does not parse
is reported, whatever its shape: "2025717召开", "2025324日至56", "20254—10月", "2025年年3月",
"2025月3年", "2025年3月244日", "20255年", "2024某医疗机构", "5月6日6月5日", "2025年七月10日",
"3月10日至，", and "〔20177号", a document number that lost its 〕. The repair is the suggestion
only when exactly one well-formed date is a small edit away (units put back, one character
deleted, swapped or replaced); otherwise the message lists the readings.

Why: GB/T 15835-2011 and GB/T 9704-2012 §7.3.5 (成文日期) write dates in running text as
2025年3月24日. Marks are lost or doubled when drafts are converted for the web, and a reader can
no longer tell when anything happened. Phone numbers, postcodes, amounts, counts with units,
times, standards and identifiers are not dates and are left alone.

Bad:  2025717召开党组会通报巡察反馈意见。
Good: 2025年7月17日召开党组会通报巡察反馈意见。
Bad:  于20254—10月发布招聘信息。
Good: 于2025年4—10月发布招聘信息，招聘3200人，投入1256.3万元。
Bad:  根据部署，2025年310日至4月25日开展巡察。
Bad:  巡察组于5月6日6月5日进驻。
Bad:  --20211228日在市人大常委会会议上
Bad:  2025年年3月起实行周调度。
Good: 2025年3月起实行周调度。
Good: 联系电话：0812-3866910，邮编：200120。
Good: 2025年3月10日至4月25日开展巡察，9时30分召开会议，GB/T 9704-2012。
"""

from __future__ import annotations

from rectlint.finding import Fix, Hit
from rectlint.messages import phrase, say

from rectlint.conventions.dates import broken_dates

DOC_ZH = """几乎是日期却不合日期写法的文字：年、月、日丢失、重复、颠倒或错位，多出数字或符号，
连接符丢失或后面没有终点。

日期语法（docs/conventions.md#dates）读取正文中每一串数字、单位和连接符。一串文字若带有日期
的迹象（“年”前的四位年份、“月”前的数字、与本文年份粘连的数字、单独出现在词前的本文年份、成文日期行）
却不合语法，无论形状如何都报告：“2025717召开”“2025324日至56”“20254—10月”“2025年年3月”
“2025月3年”“2025年3月244日”“20255年”“2024某医疗机构”“5月6日6月5日”“2025年七月10日”
“3月10日至，”，以及缺“〕”的发文字号“〔20177号”。只有一种小改动（补回单位，删去、对调或替换一个字符）
能得到有效日期时给出修改建议，否则在提示中列出各种读法。

依据：GB/T 15835-2011 和 GB/T 9704-2012 第7.3.5条（成文日期）：正文日期写作“2025年3月24日”。
文稿转为网页时常丢失或重复年月日，读者便无从知道事情发生的时间。电话、邮编、金额、带单位的数量、
时刻、标准号和编号不是日期，不予报告。
"""

ID = "broken-date"
CATEGORY = "date"
SEVERITY = "warning"
READS = ("dates",)  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}

_UNITS = "年月日"
# Near misses whose date reads well; what is wrong stands around it (a stray dash) or in its place
# (a date line that is a range).
_READABLE = ("signature-form", "stray-mark")


def check(doc, options):
    for broken in broken_dates(doc, doc.body_lines()):
        written = doc.text[broken.start:broken.end]
        what = _what(broken, written)
        shown = broken.readings[:4]
        if len(broken.readings) == 1:
            reading = broken.readings[0]
            if "、" in reading:
                yield Hit(broken.start, broken.end, **say("broken-date.readings", what=what, written=written,
                                                          readings=shown))
                continue
            yield Hit(broken.start, broken.end,
                      **say("broken-date.one-reading", what=what, written=written, reading=reading),
                      suggestion=reading, fix=Fix.replace(broken.start, broken.end, reading, "unsafe"))
        elif broken.readings:
            yield Hit(broken.start, broken.end, **say("broken-date.readings", what=what, written=written,
                                                      readings=shown))
        elif broken.kind in _READABLE:
            yield Hit(broken.start, broken.end, **say("broken-date.as-written", what=what, written=written))
        else:
            yield Hit(broken.start, broken.end, **say("broken-date.no-reading", what=what, written=written))


def _what(broken, written: str):
    """The phrase naming the defect; for lost units, the ones every reading puts back."""
    key = "broken-date.what." + broken.kind
    if broken.kind in ("lost", "range-end", "signature") and broken.readings:
        added = {_added(written, r) for r in broken.readings}
        if len(added) == 1 and "" not in added:
            return phrase(key + "-units", units=list(added.pop()))
    return phrase(key)


def _added(written: str, reading: str) -> str:
    """The units a reading has that the written text lacks (one of each, in order)."""
    have = {u: written.count(u) for u in _UNITS}
    return "".join(u for u in _UNITS if reading.count(u) > have[u])
