"""A 顿号 between items already marked off by 《》 or “”.

Catches 《条例》、《办法》 and “当下改”、“长久立”: items in title marks or
quotation marks side by side normally take no 顿号 between them.

Why: GB/T 15834-2011 §4.5.3.5 (顿号). Severity info: the usage is common
and readable, but not to standard.

Bad:  学习《党组工作条例》、《公文处理工作条例》。
Good: 学习《党组工作条例》《公文处理工作条例》。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.finding import Fix, Hit
from rectlint.messages import say

DOC_ZH = """书名号或引号之间多余的顿号。

查出“《条例》、《办法》”和“‘当下改’、‘长久立’”：并列的书名号或引号之间通常不用顿号。

依据：GB/T 15834-2011 第4.5.3.5条（顿号）。默认级别为提示：这种用法常见、
不影响阅读，但不合标准。
"""

ID = "dunhao-between-titles"
CATEGORY = "punctuation"
SEVERITY = "info"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}

_BETWEEN = patterns.line_pattern(r"(?<=》)、(?=《)|(?<=”)、(?=“)")


def check(doc, options):
    for found in doc.matches(_BETWEEN, doc.body_lines(), doc.text).values():
        for m in found:
            yield Hit(m.start(), m.end(), **say("dunhao-between-titles"), suggestion="",
                      fix=Fix.replace(m.start(), m.end(), ""))
