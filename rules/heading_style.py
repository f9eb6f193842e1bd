"""Heading markers against GB/T 9704 and GB/T 15834: forms, bracket widths and level order.

Catches:
- markers in a non-standard form: "（一）、" and "（1）、" (nothing follows the
  bracket), "1、" (level 3 takes "1."), "一." (level 1 takes "一、"), and "1)"
  (level 4 is "（1）"). When a form is the document's consistent style at its
  level it is reported once, not at every heading;
- bracketed markers written in both widths in one document, reported once;
- a level used below a deeper one, such as （一） under 1.

Why: GB/T 9704-2012 §7.3.3 fixes the levels 一、 → （一） → 1. → （1）; the
GB/T 15834-2011 appendix puts "." after an Arabic numeral, "、" after a Chinese
one, and nothing after a bracketed number. Severity is info by default: the
text is readable, but the page is not to standard.

Bad:  关于巡察整改进展情况的通报
  一、整改情况
  （一）、组织领导
Good: 关于巡察整改进展情况的通报
  一、整改情况
  （一）组织领导
"""

from __future__ import annotations

from collections import defaultdict

from rectlint.finding import Hit
from rectlint.messages import say

from rectlint.conventions.kinds import outlined
from rectlint.conventions.markers import BETTER_FORM

DOC_ZH = """不符合 GB/T 9704 和 GB/T 15834 的标题序号：
写法、括号全半角和层级顺序。

查出：不规范的序号写法，如“（一）、”“（1）、”（括号后不加标点）、“1、”（第三级用“1.”
）、“一.”（第一级用“一、”）和“1)”（第四级用“（1）”），若某种写法是文档在该级一贯使用的，
只报告一次；同一文档中括号序号全角半角混用，报告一次；层级倒置，如 1. 之下出现（一）。

依据：GB/T 9704-2012 第7.3.3条规定层级为 一、→（一）→1.→（1）；
GB/T 15834-2011 附录规定阿拉伯数字后用“.”、汉字数字后用“、”，括号序号后不加标点。
默认级别为提示：不影响阅读，但页面不合标准。
"""

ID = "heading-style"
CATEGORY = "ordinal"
SEVERITY = "info"
OPTIONS: dict = {}



def check(doc, options):
    if not outlined(doc):
        return
    headings = [h for h in doc.outline.headings if not h.broken]
    yield from _forms(headings)
    yield from _widths(headings)
    yield from _levels(headings)


def _forms(headings):
    by_level = defaultdict(list)
    for h in headings:
        by_level[h.level].append(h)
    for _, group in sorted(by_level.items()):
        odd = [h for h in group if h.style in BETTER_FORM]
        if not odd:
            continue
        styles = {h.style for h in group}
        if len(styles) == 1:
            h = odd[0]
            yield Hit(h.marker_start, h.marker_end,
                      **say("heading-style.consistent", marker=h.marker, better=BETTER_FORM[h.style],
                            count=len(odd)))
            continue
        for h in odd:
            yield Hit(h.marker_start, h.marker_end,
                      **say("heading-style.odd", marker=h.marker, better=BETTER_FORM[h.style]))


def _widths(headings):
    full = [h for h in headings if "（" in h.marker or "）" in h.marker]
    half = [h for h in headings if "(" in h.marker or ")" in h.marker]
    if full and half:
        minority = half if len(half) <= len(full) else full
        h = minority[0]
        yield Hit(h.marker_start, h.marker_end,
                  **say("heading-style.mixed-width", full=len(full), half=len(half)))


def _levels(headings):
    for h in headings:
        parent = h.parent
        if parent is None:
            continue
        before = parent.children[:parent.children.index(h)]
        deeper = next((c for c in before if c.level > h.level), None)
        if deeper is not None and not any(c.level == h.level for c in before):
            yield Hit(h.marker_start, h.marker_end,
                      **say("heading-style.inverted", marker=h.marker, deeper=deeper.marker))
