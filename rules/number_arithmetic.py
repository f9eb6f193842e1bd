"""Counts, parts, rates and shares within the body that do not add up.

Reads each counting sentence of the body (the summary counts before the items are
summary-counts' to check) with one grammar: a total, its parts by status or after 其中, a rate
of completion and a share of a total, in Arabic or Chinese numerals, and checks each figure
against the base its sentence names, not against the nearest number:
- "A人，其中B人，占比C%": C must be B/A (within half a percentage point; after 达/超过/以上 C
  is a floor: only a C above B/A is wrong). A share of another base (占全市…的, 占年度预算的)
  is not checked against this sentence's total;
- "共N…，其中a…、b…、c…": the parts may list only some of the total, but they cannot add up to
  more than N, in the total's unit (人 with 名; 元 with 万元 and 亿元, converted);
- "N个…，已完成X个，正在整改Y个，完成率Z%": the parts by status add up to N, and Z is X/N.
  Where another count of the parts' kind that no status word names stands between N and the
  parts (问题N个，分解为整改任务M个，已完成X个), the parts may count either: they are checked
  against neither.
  A total is classed by its head noun, the last of its phrase (问题线索 counts leads, 信访件 letters):
  a part that names its noun (已整改问题393个) counts the latest total of that noun, and one that
  names none, after totals of two nouns in its unit, is checked against neither.
A rate of growth (同比增长12%), a ratio to a requirement (低于25%要求), ranges (5~7人) and
approximate figures (3900余项, 1000多人次) are not shares of a total and are left alone.

Why: arithmetic that does not add up invites questions
about every other figure in the notice.

Bad:  共有执业医师56人，其中中医师8人，占比20%。
Good: 共有执业医师56人，其中中医师8人，占比14.29%，低于25%的要求。
Bad:  共接到投诉19起，其中服务态度5起，操作不规范8起，沟通敷衍9起。
Good: 共接到投诉19起，其中服务态度5起，操作不规范8起。
"""

from __future__ import annotations

from rectlint.conventions.counts import arithmetic_findings, reading
from rectlint.finding import Hit
from rectlint.messages import say

DOC_ZH = """正文中对不上的数量、部分、完成率与占比。

用同一套语法读取正文中的每个计数句（条目之前的汇总数字由 summary-counts 检查）：总数、按状态或“其中”列出的部分、
完成率和占比，阿拉伯数字和汉字数字均可；每个数字都与句子所指的基数相比，而不是与最近的数字相比：
“A人，其中B人，占比C%”中 C 应为 B/A（相差不超过0.5个百分点；“达/超过/以上”之后 C 为下限，只有高于 B/A 才算错），
占其他基数的比例（占全市…的、占年度预算的）不与本句总数相比；
“共N…，其中a…、b…、c…”中各部分可以只列一部分，但合计不能超过 N，单位须一致（人与名；元与万元、亿元换算）；
“N个…，已完成X个，正在整改Y个，完成率Z%”中各状态数之和应为 N，Z 应为 X/N；
若 N 与这些部分之间还有一个同类、且没有状态词说明的数（问题N个，分解为整改任务M个，已完成X个），部分可能指其中任一个，两个都不比。
总数按其中心名词归类（“问题线索”计的是线索，“信访件”计的是件）：写明名词的部分（已整改问题393个）与最近的同名词总数相比；未写名词、而前面有两种名词的同单位总数时，两个都不比。
同比增长率、与要求相比的比例（低于25%要求）、范围（5~7人）和约数（3900余项、1000多人次）不是占比，不检查。

依据：对不上的算术会让读者怀疑通报中的每一个数字。
"""

ID = "number-arithmetic"
CATEGORY = "number"
SEVERITY = "warning"
READS = ("counts",)  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}
# The message of each kind of inconsistency the count grammar finds.
_SAID = {
    "exceeds": "number-arithmetic.exceeds",
    "sum": "number-arithmetic.sum",
    "rest": "number-arithmetic.rest",
    "restate": "number-arithmetic.restate",
    "truncated": "number-arithmetic.truncated",
    "share": "number-arithmetic.share",
    "rate-of": "number-arithmetic.rate-of",
    "rate": "number-arithmetic.rate",
    "aspects-exceed": "number-arithmetic.aspects-exceed",
    "parts-exceed": "number-arithmetic.parts-exceed",
}


def check(doc, options):
    # Counts before the items are summary-counts' to check (in a notice it reads).
    summary = {line.number for line in doc.outline.summary_lines} if doc.info.notice else set()
    for para, read in reading(doc):
        if para.number in summary:
            continue
        for group in read.groups:
            for start, end, kind, args, hint in arithmetic_findings(group):
                yield Hit(start, end, severity="info" if hint else None, **say(_SAID[kind], **args))
