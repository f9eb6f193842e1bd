"""Dates whose 年, 月 or 日 were lost, leaving a bare digit run.

Catches a year glued to its month and day ("2025324日", "2025717召开"), a
month written without 年 ("20257月以来"), a year alone before a noun
("2024某医疗机构"), glued ranges ("20254—10月", "2025952025911日"), a
range whose second half lost its 月 or 日 ("2025年3月24日至56"), a signature
date line of bare digits ("20251212") and a document number that lost its 〕
("〔20177号"). The repair is the suggestion only when exactly one split of the
digits gives a valid date; otherwise the message lists the valid readings.

Why: GB/T 15835-2011 and GB/T 9704-2012 §7.3.5 (成文日期) write dates in running text
as 2025年3月24日. The marks are lost when drafts are converted for the web,
and a reader can no longer tell when anything happened.
Phone numbers, postcodes, amounts, counts with units and identifiers are not
dates and are left alone.

Bad:  2025717召开党组会通报巡察反馈意见。
Good: 2025年7月17日召开党组会通报巡察反馈意见。
Bad:  于20254—10月发布招聘信息。
Good: 于2025年4—10月发布招聘信息，招聘3200人，投入1256.3万元。
Bad:  根据部署，2025年310日至4月25日开展巡察。
Bad:  巡察组于5月6日6月5日进驻。
Bad:  --20211228日在市人大常委会会议上
Good: 联系电话：0812-3866910，邮编：200120。
Good: 2025年3月10日至4月25日开展巡察，9时30分召开会议，GB/T 9704-2012。
"""

from __future__ import annotations

from rectlint.finding import Fix, Hit
from rectlint.messages import phrase, say

from rectlint.conventions.dates import broken_dates

DOC_ZH = """年、月、日丢失后只剩一串数字的日期。

查出年与月日粘连（“2025324日”“2025717召开”）、缺“年”的月份（“20257月以来”
）、名词前单独的年份（“2024某医疗机构”）、粘连的起止范围（“20254—10月”）、
后半段缺“月”或“日”的范围（“2025年3月24日至56”）、成文日期写成纯数字（“20251212”
）以及缺“〕”的发文字号（“〔20177号”）。只有一种拆法能得到有效日期时给出修改建议，
否则在提示中列出各种可能的读法。电话、邮编、金额、带单位的数量和编号不是日期，不予报告。

依据：GB/T 15835-2011 和 GB/T 9704-2012 第7.3.5条（成文日期）
：正文日期写作“2025年3月24日”。文稿转为网页时常丢失年月日，读者便无从知道事情发生的时间。
"""

ID = "broken-date"
CATEGORY = "date"
SEVERITY = "warning"
OPTIONS: dict = {}

def check(doc, options):
    for broken in broken_dates(doc, doc.body_lines()):
        what = phrase("broken-date.what." + broken.kind)
        written = doc.text[broken.start:broken.end]
        if broken.kind == "glued-pair":
            yield Hit(broken.start, broken.end,
                      **say("broken-date.glued-pair", what=what, written=written, readings=broken.readings))
        elif len(broken.readings) == 1:
            reading = broken.readings[0]
            yield Hit(broken.start, broken.end,
                      **say("broken-date.one-reading", what=what, written=written, reading=reading),
                      suggestion=reading, fix=Fix.replace(broken.start, broken.end, reading, "unsafe"))
        elif broken.readings:
            yield Hit(broken.start, broken.end,
                      **say("broken-date.readings", what=what, written=written, readings=broken.readings))
        else:
            yield Hit(broken.start, broken.end, **say("broken-date.no-reading", what=what, written=written))
