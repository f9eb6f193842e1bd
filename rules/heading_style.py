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

from collections import Counter, defaultdict
from functools import lru_cache

from rectlint.finding import Hit
from rectlint.messages import say

from rectlint.conventions.kinds import outlined
from rectlint.conventions.markers import BETTER_FORM, STANDARD_MARK, better_form, labelled
from rectlint.text import fold

# A heading's point mark is one of a few short strings (、 . ： ，): folded once per process, not
# three times per heading.
_fold_mark = lru_cache(maxsize=256)(fold)

DOC_ZH = """不符合 GB/T 9704 和 GB/T 15834 的标题序号：
写法、括号全半角和层级顺序。

查出：不规范的序号写法，如“（一）、”“（1）、”（括号后不加标点）、“1、”（第三级用“1.”
）、“一.”（第一级用“一、”）、“1)”（第四级用“（1）”）和“第一、”（“第一”后用逗号），若某种写法是文档
在该级一贯使用的，只报告一次；“问题一：”一类条目序号后的标点与全文其他条目不一致；同一文档中括号序号
全角半角混用，报告一次；层级倒置，如 1. 之下出现（一）。

依据：GB/T 9704-2012 第7.3.3条规定层级为 一、→（一）→1.→（1）；
GB/T 15834-2011 附录A（序次语之后的标点）规定汉字数字后用顿号、阿拉伯数字后用下脚点、“第一”“其一”
“首先”后用逗号，括号序号后不加标点。默认级别为提示：不影响阅读，但页面不合标准。
"""

ID = "heading-style"
CATEGORY = "ordinal"
SEVERITY = "info"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}


def check(doc, options):
    if not outlined(doc):
        return
    headings = [h for h in doc.outline.headings if not h.broken]
    yield from _forms(headings)
    yield from _widths(headings)
    yield from _levels(headings)


def _odd(h, usual: str) -> bool:
    """Whether a heading's form is off the standard (or, for 问题N, off the document's own)."""
    if h.style in BETTER_FORM:
        return True
    mark = _fold_mark(h.mark)
    if labelled(h.family):
        return mark != usual
    return h.family in STANDARD_MARK and h.style != "n.(n)" and mark != STANDARD_MARK[h.family] \
        and not (h.family == "n)" and mark == ")")


def _better(h, usual_marker: str | None) -> str:
    if labelled(h.family) and usual_marker:
        return usual_marker
    return BETTER_FORM.get(h.style) or better_form(h.family) or h.marker


def _forms(headings):
    by_family = defaultdict(list)
    for h in headings:
        by_family[h.family].append(h)
    for family, group in by_family.items():
        usual = Counter(_fold_mark(h.mark) for h in group).most_common(1)[0][0]
        usual_marker = next((h.marker for h in group if _fold_mark(h.mark) == usual), None)
        odd = [h for h in group if _odd(h, usual)]
        if not odd:
            continue
        if len(odd) == len(group) and len({h.style for h in group}) == 1 and len(group) > 1:
            h = odd[0]
            yield Hit(h.marker_start, h.marker_end,
                      **say("heading-style.consistent", marker=h.marker, better=_better(h, None), count=len(odd)))
            continue
        for h in odd:
            yield Hit(h.marker_start, h.marker_end,
                      **say("heading-style.odd", marker=h.marker, better=_better(h, usual_marker)))


def _widths(headings):
    full, half = [], []
    for h in headings:
        marker = h.marker  # cut from its line's text on every access: read once
        if "（" in marker or "）" in marker:
            full.append(h)
        if "(" in marker or ")" in marker:
            half.append(h)
    if full and half:
        minority = half if len(half) <= len(full) else full
        h = minority[0]
        yield Hit(h.marker_start, h.marker_end,
                  **say("heading-style.mixed-width", full=len(full), half=len(half)))


def _levels(headings):
    """A form used below a form of a deeper GB/T level (（一） under 1.), once per group."""
    seen = set()
    for h in headings:
        parent = h.parent
        if parent is None or parent.level == 0 or parent.level <= h.level or id(parent) in seen:
            continue
        if labelled(h.family) or labelled(parent.family) or "第cn" in (h.family, parent.family):
            continue  # item labels stand at any depth
        seen.add(id(parent))
        yield Hit(h.marker_start, h.marker_end,
                  **say("heading-style.inverted", marker=h.marker, deeper=parent.marker))
