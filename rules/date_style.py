"""Dates written in a style that official running text does not use.

Catches zero-padded months or days (2025年03月05日), two-digit years
(25年3月), dots, slashes or hyphens instead of 年月日 in running text
(2025.3.24, 2025/3/24, 2025-03-24), and dates in Chinese numerals
(二〇二五年十一月二十日, the 成文日期 form before GB/T 9704-2012). The metadata lines of a web page
(发布时间：2025-12-12) are part of its frame and are not checked.

Why: GB/T 9704-2012 §7.3.5 (成文日期) and GB/T 15835-2011 write dates in running text
as 2025年3月24日: Arabic numerals, the full year, no zero padding.

Fixes: dropping a padding zero is safe; rewriting 2025.3.24 or a Chinese-numeral date is
unsafe (a dotted number may be something else, and the form may be deliberate).

Bad:  2025.3.24召开推进会。
Good: 2025年3月24日召开推进会。
Bad:  二〇二五年十一月二十日
Bad:  2025年03月05日完成整改。
Good: 2025年3月5日完成整改，版本号为1.2.3。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.finding import Fix, Hit
from rectlint.messages import say

from rectlint.conventions.dates import CN_DATE, YEAR, cn_date

DOC_ZH = """正式行文不用的日期写法。

查出月、日前补零（2025年03月05日）、两位数年份（25年3月）、正文中用点、斜线或连字符代替年月日（2025.3.24、
2025/3/24、2025-03-24），以及用汉字数字书写的日期（二〇二五年十一月二十日，
GB/T 9704-2012 之前的成文日期写法）。网页的元数据行（发布时间：2025-12-12）
属于页面框架，不检查。去掉补位的0是安全修复；改写 2025.3.24 或汉字日期属于不安全修复（带点的数字可能另有含义，
写法也可能是有意为之）。

依据：GB/T 9704-2012 第7.3.5条（成文日期）和 GB/T 15835-2011：
正文日期写作“2025年3月24日”，用阿拉伯数字、写全年份、不补零。
"""

ID = "date-style"
CATEGORY = "date"
SEVERITY = "info"
OPTIONS: dict = {}

_PADDED = patterns.line_pattern(rf"(?<!\d)(?:({YEAR})年)?0([1-9])月(?:0?(\d{{1,2}})日)?|(?<=月)0([1-9])日")
_SHORT_YEAR = patterns.line_pattern(r"(?<![\d.])(\d{2})年(\d{1,2})月(?:(\d{1,2})日)?")
_NUMERIC = patterns.line_pattern(rf"(?<![\dA-Za-z./-])({YEAR})([./-])(\d{{1,2}})\2(\d{{1,2}})(?![\dA-Za-z./-])")


def check(doc, options):
    lines = doc.body_lines()
    numeric, padded, chinese, short = (doc.matches(p, lines) for p in (_NUMERIC, _PADDED, CN_DATE, _SHORT_YEAR))
    for line in lines:
        for m in numeric.get(line.number, ()):
            good = f"{m.group(1)}年{int(m.group(3))}月{int(m.group(4))}日"
            yield Hit(m.start(), m.end(), **say("date-style.numeric", good=good), suggestion=good,
                      fix=Fix.replace(m.start(), m.end(), good, "unsafe"))
        for m in padded.get(line.number, ()):
            written = doc.text[m.start():m.end()]
            good = written.replace("年0", "年").replace("月0", "月")
            if good.startswith("0"):
                good = good[1:]
            yield Hit(m.start(), m.end(), **say("date-style.padded", written=written, good=good), suggestion=good,
                      # Dropping a zero changes no date: safe, unlike rewriting a date's form.
                      fix=Fix.replace(m.start(), m.end(), good))
        for m in chinese.get(line.number, ()):
            day = cn_date(m)
            if day is not None:
                good = day.text()
                yield Hit(m.start(), m.end(),
                          **say("date-style.chinese-numerals", written=doc.text[m.start():m.end()], good=good),
                          suggestion=good,
                          fix=Fix.replace(m.start(), m.end(), good, "unsafe"))
        for m in short.get(line.number, ()):
            written = doc.text[m.start():m.end()]
            yield Hit(m.start(), m.end(), **say("date-style.short-year", written=written))
