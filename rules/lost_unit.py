"""Numbers that lost their unit in conversion.

Catches, where the loss is certain:
- a number glued to the next enumeration marker: "共排查了251二是…",
  "督导检查8四是…" (the unit and the full stop were lost);
- an amount of money with no unit: "资金3200已全额上缴", "经费24.1用于…".

Why: such numbers are conversion artifacts; the reader
cannot tell 251 of what, or whether 3200 is 元 or 万元.

Bad:  共排查风险点251二是开展谈心谈话。
Good: 共排查风险点251个。二是开展谈心谈话。
Bad:  超范围筛查所涉资金3200已全额上缴财政。
Good: 超范围筛查所涉资金3200元已全额上缴财政，共3200人参加。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.finding import Hit
from rectlint.messages import say

DOC_ZH = """转换中丢失单位的数字。

只在确定丢失时报告：数字与下一个列举标记连在一起（“共排查了251二是…”“督导检查8四是…”
，单位和句号都丢了）；没有单位的金额（“资金3200已全额上缴”“经费24.1用于…”）。

依据：这些数字是文稿转换的产物；读者无法知道251是什么，也分不清3200是元还是万元。
"""

ID = "lost-unit"
CATEGORY = "number"
SEVERITY = "warning"
OPTIONS: dict = {}

_BEFORE_MARKER = patterns.line_pattern(r"(?<![\d.])(\d+(?:\.\d+)?)(?=[二三四五六七八九十]是)")
_MONEY = patterns.line_pattern(r"(?:资金|经费|款项|费用|金额|罚款|补贴|补助|奖金|捐款)(\d+(?:\.\d+)?)"
                                rf"(?=[已被全并于用及和、,;。]|{patterns.LINE_END})")


def check(doc, options):
    lines = doc.body_lines()
    counts, amounts = doc.matches(_BEFORE_MARKER, lines), doc.matches(_MONEY, lines)
    for line in lines:
        for m in counts.get(line.number, ()):
            yield Hit(m.start(1), m.end(1), **say("lost-unit.count", number=m.group(1)))
        for m in amounts.get(line.number, ()):
            yield Hit(m.start(1), m.end(1), **say("lost-unit.amount", number=m.group(1)))
