"""Numerals in the wrong form: fixed formulas in Arabic numerals, counts in mixed forms.

Catches “4个意识”, “2个维护”, “4个自信”, “2个确立”, “4个全面”,
“5位1体”, “1岗双责”, “3重1大”, “3会1课”, “14五”, “8项规定”,
“2学1做”, “3严3实” and “1把手”, and suggests the fixed form in Chinese
numerals (a warning). As hints (info): the counts of one total and its parts
written partly in Arabic, partly in Chinese numerals (4个问题，已完成整改三个),
and 二 before a measure word where 两 is written (二个问题).

Why: counts and amounts take Arabic numerals
(GB/T 15835-2011), but fixed political formulas keep their Chinese numerals;
“4个意识” reads as a count, not as the formula. Numbers of one kind in one
place take one form (同类别同形式, GB/T 15835-2011), and a measure word
takes 两 (两个, not 二个).

Bad:  增强“4个意识”，落实“1岗双责”。
Good: 增强“四个意识”，落实“一岗双责”，共4个支部参加。
Good: 反馈的两个方面三个问题，已完成整改两个，正在整改一个，完成率66.7%。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.conventions.counts import reading
from rectlint.finding import Fix, Hit
from rectlint.messages import say

DOC_ZH = """用阿拉伯数字书写的固定政治表述。

查出“4个意识”“2个维护”“4个自信”“2个确立”“4个全面”“5位1体”“1岗双责”“3重1大”
“3会1课”“14五”“8项规定”“2学1做”“3严3实”“1把手”，建议改为汉字数字的固定写法（警告）。
作为提示（info）：同一总数及其各部分的计数混用阿拉伯数字和汉字数字（4个问题，已完成整改三个），
以及量词前用“二”而不用“两”（二个问题）。

依据：计数和数量用阿拉伯数字（GB/T 15835-2011），但固定的政治表述保留汉字数字；
“4个意识”读来像计数，而不是固定表述。同一场合的同类数字用同一种形式（同类别同形式，GB/T 15835-2011），
量词前用“两”（两个，不说二个）。
"""

ID = "numeral-formula"
CATEGORY = "number"
SEVERITY = "warning"
READS = ("counts",)  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}

FORMULAS = {
    r"4个意识": "四个意识", r"2个维护": "两个维护", r"4个自信": "四个自信", r"2个确立": "两个确立",
    r"4个全面": "四个全面", r"5位[1一]体": "五位一体", r"1岗双责": "一岗双责", r"3重1大": "三重一大",
    r"3会1课": "三会一课", r"14五(?=”|\"|规划|时期|期间|计划)": "十四五", r"15五(?=”|\"|规划|时期|期间|计划)": "十五五",
    r"(?<=中央)8项规定": "八项规定", r"2学1做": "两学一做", r"3严3实": "三严三实", r"(?<![\d])1把手": "一把手",
}
# The look-behind once before the branches, not inside each: the same matches, found about four
# times faster, since each branch then starts with a digit the search can look for.
_PATTERN = patterns.compile("(?<!\\d)(?:" + "|".join(f"(?P<f{i}>{p})" for i, p in enumerate(FORMULAS)) + ")")
_FIXED = list(FORMULAS.values())


def check(doc, options):
    for m in _PATTERN.finditer(doc.folded):
        index = int(m.lastgroup[1:])
        good = _FIXED[index]
        written = doc.text[m.start():m.end()]
        yield Hit(m.start(), m.end(), **say("numeral-formula", written=written, good=good), suggestion=good,
                  fix=Fix.replace(m.start(), m.end(), good, "unsafe"))
    text = doc.text
    for _, read in reading(doc):
        for d in read.defects:
            written = text[d.start:d.end]
            if d.kind == "mixed":
                yield Hit(d.start, d.end, severity="info", **say("numeral-formula.mixed", written=written))
            elif d.kind == "er":
                good = "两" + written[1:]
                yield Hit(d.start, d.end, severity="info", **say("numeral-formula.er", written=written, good=good),
                          suggestion=good)
