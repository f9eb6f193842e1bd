"""A document number whose year is in [ ] or ( ) instead of 〔 〕.

Catches 某政发[2025]27号, 某政发（2025）27号 and 某政发【2025】27号, and
suggests 〔2025〕.

Why: GB/T 9704-2012 §7.2.4: the year of a 发文字号 is enclosed in the
hexagonal brackets 〔〕, not [] or ().

Bad:  依据某政发[2025]27号文件执行。
Good: 依据某政发〔2025〕27号文件执行。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.finding import Fix, Hit
from rectlint.messages import say

DOC_ZH = """发文字号中的年份用了 [ ] 或 ( )，而不是六角括号〔 〕。

查出“某政发[2025]27号”“某政发（2025）27号”“某政发【2025】27号”，
建议改为〔2025〕。

依据：GB/T 9704-2012 第7.2.4条：发文字号中的年份用六角括号〔〕括入，不用方括号或圆括号。
"""

ID = "document-number-brackets"
CATEGORY = "punctuation"
SEVERITY = "warning"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}

_WRONG = patterns.line_pattern(r"(?<=\p{Han})[\[(【]((?:19|20)\d{2})[\])】](?=\d{1,4}号)")


def check(doc, options):
    for found in doc.matches(_WRONG, doc.body_lines()).values():
        for m in found:
            good = f"〔{m.group(1)}〕"
            written = doc.text[m.start():m.end()]
            yield Hit(m.start(), m.end(), **say("document-number-brackets", written=written, good=good),
                      suggestion=good,
                      fix=Fix.replace(m.start(), m.end(), good))
