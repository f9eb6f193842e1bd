"""Heading markers that lost characters.

Catches a heading whose marker lost its numeral or a bracket, recognised from
its siblings and the sequence: ")主要负责人…" where its siblings are
（一）（三）, "（二" without its closing bracket, "二）" without its opening
one, a numeral glued to its text ("2三救能力不强") where its siblings are
"1)" or "（1）", a level-one or level-two numeral that lost its 、 or both
brackets ("二巡察反馈问题整改情况" after 一、), and an item marker that lost its
colon ("问题二台账不规范。" after 问题一：). A short line without a comma is
needed for the last two, and a measure word or formula after the numeral
(三个…, 三会一课…) marks a quantity, not an ordinal. The expected marker is
the suggestion.

Why: GB/T 9704-2012 §7.3.3 gives each level a complete marker (一、 （一）
1. （1）). Markers lose characters when drafts are converted for the web, and
the published page then shows a stray bracket or a number run into the text.

Bad:  关于巡察整改进展情况的通报
  一、组织情况
  （一）组织领导方面。成立领导小组。
  ）监督检查方面。定期听取汇报。
Good: 关于巡察整改进展情况的通报
  一、组织情况
  （一）组织领导方面。成立领导小组。
  （二）监督检查方面。定期听取汇报。
Good: 关于巡察整改进展情况的通报
  一、整改情况
  1.问题。
  3家单位已完成整改，2025年起实行新制度。
Bad:  关于巡察整改进展情况的通报
  一、组织情况
  成立领导小组。
  二巡察反馈问题整改情况
  问题一：台账不规范。整改结果：已完成。
Good: 关于巡察整改进展情况的通报
  一、组织情况
  成立领导小组。
  二、巡察反馈问题整改情况
  三会一课制度执行到位
  问题一：台账不规范。整改结果：已完成。
"""

from __future__ import annotations

from rectlint.finding import Fix, Hit
from rectlint.messages import phrase, say

from rectlint.conventions.kinds import outlined

DOC_ZH = """丢失字符的标题序号。

根据同级标题和序号顺序，识别丢失数字或括号的序号：同级为（一）（三）时的“）主要负责人…”
、缺右括号的“（二”、缺左括号的“二）”、同级为“1)”或“（1）”时数字与正文粘连的“2三救能力不强”
、丢失顿号或括号的一、二级序号（一、之后的“二巡察反馈问题整改情况”），以及丢失冒号的条目序号（问题一：
之后的“问题二台账不规范。”）。数字后接量词或固定说法（三个…、三会一课…）时是数量而不是序号。
建议中给出应有的序号。

依据：GB/T 9704-2012 第7.3.3条规定各层级序号的完整形式（一、 （一） 1. （1）
）。文稿转为网页时序号常丢失字符，页面上便出现孤立的括号或与正文连在一起的数字。
"""

ID = "broken-heading-marker"
CATEGORY = "ordinal"
SEVERITY = "warning"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}

def check(doc, options):
    if not outlined(doc):
        return
    for h in doc.outline.headings:
        if not h.broken or h.want is None:
            continue
        what = phrase("broken-heading-marker.what." + h.broken, chars=h.detail)
        yield Hit(h.marker_start, h.marker_end,
                  **say("broken-heading-marker", what=what, marker=h.marker, want=h.want),
                  suggestion=h.want, fix=Fix.replace(h.marker_start, h.marker_end, h.want, "unsafe"))
