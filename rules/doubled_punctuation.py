"""The same punctuation mark twice in a row: ，， 。。 ；； ：： 、、 ！！ ？？.

Why: GB/T 15834-2011 uses one mark at each break; a doubled mark is a typing
or pasting slip. An ellipsis (……) and a dash (——) are single marks of two
characters and are not flagged.

Bad:  一是建立台账，，二是定期核对。。
Good: 一是建立台账，二是定期核对……三是跟踪问效——长期坚持。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.finding import Fix, Hit
from rectlint.messages import say

DOC_ZH = """同一标点连续出现两次：，， 。。 ；； ：： 、、 ！！ ？？。

省略号（……）和破折号（——）本身占两个字符，是一个标点，不报告。

依据：GB/T 15834-2011 每处停顿只用一个标点；重复的标点是录入或粘贴失误。
"""

ID = "doubled-punctuation"
CATEGORY = "punctuation"
SEVERITY = "warning"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}

_MARKS = ",;:!?、。"
_DOUBLED = patterns.line_pattern(rf"([{_MARKS}])\1+")


def check(doc, options):
    lines = doc.body_lines()
    # Most notices double no mark: seven plain searches say so faster than the pattern.
    if not lines or not any(doc.folded.find(mark * 2, lines[0].start, lines[-1].end) >= 0 for mark in _MARKS):
        return
    for found in doc.matches(_DOUBLED, lines).values():
        for m in found:
            mark = doc.text[m.start()]
            yield Hit(m.start(), m.end(), **say("doubled-punctuation", written=doc.text[m.start():m.end()]),
                      suggestion=mark,
                      fix=Fix.replace(m.start(), m.end(), mark))
