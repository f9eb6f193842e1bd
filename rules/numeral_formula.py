"""Fixed political formulas written with Arabic numerals.

Catches “4个意识”, “2个维护”, “4个自信”, “2个确立”, “4个全面”,
“5位1体”, “1岗双责”, “3重1大”, “3会1课”, “14五”, “8项规定”,
“2学1做”, “3严3实” and “1把手”, and suggests the fixed form in Chinese
numerals.

Why: counts and amounts take Arabic numerals
(GB/T 15835-2011), but fixed political formulas keep their Chinese numerals;
“4个意识” reads as a count, not as the formula.

Bad:  增强“4个意识”，落实“1岗双责”。
Good: 增强“四个意识”，落实“一岗双责”，共4个支部参加。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.finding import Fix, Hit
from rectlint.messages import say

DOC_ZH = """用阿拉伯数字书写的固定政治表述。

查出“4个意识”“2个维护”“4个自信”“2个确立”“4个全面”“5位1体”“1岗双责”“3重1大”
“3会1课”“14五”“8项规定”“2学1做”“3严3实”“1把手”，建议改为汉字数字的固定写法。

依据：计数和数量用阿拉伯数字（GB/T 15835-2011），但固定的政治表述保留汉字数字；
“4个意识”读来像计数，而不是固定表述。
"""

ID = "numeral-formula"
CATEGORY = "number"
SEVERITY = "warning"
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
