"""Counts, parts and percentages within a sentence that do not add up.

Checks, sentence by sentence (a "。其中：" sentence joins the one before):
- "A人，其中B人，占比C%": C must be within half a percentage point of B/A
  (after 达/超过/以上, C is a floor: only a C above B/A is wrong);
- "共N…，其中a…、b…、c…": the parts may list only some of the total, but
  they cannot add up to more than N. Units agree (人 with 名; 元 with 万元
  and 亿元, converted);
- "N个…完成X个…完成率Z%": Z must match X/N. The summary counts before the
  items are checked by summary-counts instead.

Why: arithmetic that does not add up invites questions
about every other figure in the notice.

Bad:  共有执业医师56人，其中中医师8人，占比20%。
Good: 共有执业医师56人，其中中医师8人，占比14.29%。
Bad:  共接到投诉19起，其中服务态度5起，操作不规范8起，沟通敷衍9起。
Good: 共接到投诉19起，其中服务态度5起，操作不规范8起。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.finding import Hit
from rectlint.messages import say

from rectlint.conventions.numbers import NUM, UNIT, number, sentences, unit_class, value

DOC_ZH = """同一句中对不上的数量、部分与百分比。

逐句检查（“。其中：”开头的句子并入前一句）：“A人，其中B人，占比C%”中 C 应在 B/A 的正负0.5个百分点以内（“达/超过/以上”
之后 C 为下限，只有高于 B/A 才算错）；“共N…，其中a…、b…、c…”中各部分可以只列一部分，
但合计不能超过 N，单位须一致（人与名；元与万元、亿元换算）；“N个…完成X个…完成率Z%”
中 Z 应等于 X/N。列举条目之前的汇总数字由 summary-counts 检查。

依据：对不上的算术会让读者怀疑通报中的每一个数字。
"""

ID = "number-arithmetic"
CATEGORY = "number"
SEVERITY = "warning"
OPTIONS: dict = {}

_QTY = patterns.compile(rf"(?<![\d.])({NUM})({UNIT})")
_SHARE = patterns.compile(r"(?:占比|比例|占)[^,，;；。]{0,12}?(达到?|超过|以上)?\s*(\d+(?:\.\d+)?)%")
_DONE = patterns.compile(rf"完成(?:整改)?({NUM})(?:个|项|件|条)")
_RATE = patterns.compile(r"完成率(?:为|达到?)?\s*(\d+(?:\.\d+)?)%")


def check(doc, options):
    # Counts before the items are summary-counts' to check.
    summary_lines = {line.number for line in doc.outline.summary_lines}
    text = doc.folded
    for para in doc.body_paragraphs():
        if text.find("其中", para.start, para.end) < 0 and text.find("完成率", para.start, para.end) < 0:
            continue  # the parts need a 其中 and the rate its 完成率: nothing to read here
        for lo, hi in sentences(text, para.start, para.end):
            split = text.find("其中", lo, hi)
            if split >= 0:
                yield from _parts(text, lo, hi, split)
            if doc.line_at(lo).number not in summary_lines:
                yield from _rate(text, lo, hi)


def _parts(text, lo, hi, split):
    before = list(_QTY.finditer(text, lo, split))
    if not before:
        return
    total = before[-1]
    t_unit = unit_class(total.group(2))
    after = [m for m in _QTY.finditer(text, split, hi) if unit_class(m.group(2)) == t_unit]
    share = _SHARE.search(text, split, hi)
    if share and after:
        part = after[0]
        if part.start() < share.start():
            actual = 100 * value(part.group(1), part.group(2)) / max(value(total.group(1), total.group(2)), 1e-9)
            stated = float(share.group(2))
            floor = share.group(1) is not None
            if (stated > actual + 0.5) if floor else abs(stated - actual) > 0.5:
                yield Hit(share.start(2), share.end(), **say("number-arithmetic.share", share=share.group(2),
                                                             part=part.group(0), total=total.group(0), actual=actual))
        return
    if len(after) < 2:
        return
    whole = value(total.group(1), total.group(2))
    summed = sum(value(m.group(1), m.group(2)) for m in after)
    if summed > whole * (1 + 1e-9) + 1e-6:
        yield Hit(after[0].start(), after[-1].end(),
                  **say("number-arithmetic.parts-exceed", summed=_fmt(summed, t_unit), total=total.group(0)))


def _rate(text, lo, hi):
    rate = _RATE.search(text, lo, hi)
    if not rate:
        return
    counts = [m for m in _QTY.finditer(text, lo, rate.start()) if unit_class(m.group(2)) in ("个", "项", "件", "条")]
    done = _DONE.search(text, lo, rate.start())
    if len(counts) < 2 or not done:
        return
    total = number(counts[0].group(1))
    actual = 100 * number(done.group(1)) / max(total, 1e-9)
    if abs(float(rate.group(1)) - actual) > 1:
        yield Hit(rate.start(), rate.end(), **say("number-arithmetic.rate", rate=rate.group(1), done=done.group(1),
                                                  total=counts[0].group(1), actual=actual))


def _fmt(number: float, unit: str) -> str:
    return (f"{number:g}" if number != int(number) else str(int(number))) + unit
