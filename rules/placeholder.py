"""Leftover placeholders: XX, ××, X月X日, 20XX年, （待补充）, 【此处…】, TODO.

Catches template text that was never filled in: runs of X or × standing for a
name or number, X月X日 and 20XX年, bracketed notes to the drafter
(（待补充）, （待定）, 【此处补充…】, 【请填写…】) and TODO/TBD/FIXME.

Not placeholders: 某 and 某某 after a surname (唐某, 胡某某) or before a noun
(某医疗机构), which anonymise on purpose; X in Latin words, codes and e-mail
addresses.

Why: a leftover "XX" on a government site is
embarrassing and hides a missing fact.

Bad:  已完成资产清查，XX项资产正在办理权属登记。
Good: 已完成资产清查，12项资产正在办理权属登记，当事人胡某某已退赔。
Bad:  于20XX年X月X日召开专题会议（待补充）。
Good: 于2025年7月17日召开专题会议，XL型号设备已送检。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.finding import Hit
from rectlint.messages import say

DOC_ZH = """未填写的占位符：XX、××、X月X日、20XX年、（待补充）、【此处…】、
TODO。

查出从未填写的模板文字：代替名称或数字的连串 X 或 ×、X月X日和20XX年、给起草人的括注（（待补充）
、（待定）、【此处补充…】、【请填写…】）以及 TODO/TBD/FIXME。以下不是占位符：
姓氏后的“某”“某某”（唐某、胡某某）或名词前的“某”（某医疗机构），这是有意的匿名处理；
拉丁字母单词、编号和电子邮件地址中的 X。

依据：政府网站上残留的“XX”有损形象，也说明缺了一项事实。
"""

ID = "placeholder"
CATEGORY = "placeholder"
SEVERITY = "error"
OPTIONS: dict = {}

_PATTERNS = patterns.line_pattern(
    r"(?<![A-Za-z0-9@._-])(?:[Xx]{2,}|[×]{2,}|[Ｘ]{2,})(?![A-Za-z0-9@._-])"
    r"|(?:19|20)[Xx×]{2}年|(?<![A-Za-z])[Xx×]{1,2}月(?:[Xx×]{1,2}日)?|(?<=月)[Xx×]{1,2}日"
    r"|[(（【\[][^()（）【】\[\]\r\n]{0,6}?(?:待补充|待完善|待核实|待定|待填|请填写|请补充|此处)"
    r"[^()（）【】\[\]\r\n]{0,30}[)）】\]]"
    r"|\b(?:TODO|TBD|FIXME)\b")


def check(doc, options):
    for found in doc.matches(_PATTERNS, doc.body_lines(), doc.text).values():
        for m in found:
            written = doc.text[m.start():m.end()]
            yield Hit(m.start(), m.end(), **say("placeholder", written=written))
