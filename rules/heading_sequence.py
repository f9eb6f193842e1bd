"""Heading numbers that skip, repeat, go backwards or start above one.

Checks each heading level (一、 （一） 1. （1）) in the document's own
convention: it first learns whether level numbers restart under each parent
heading or run on across sections (items 1–3 under （一）, 4–6 under （二）),
then judges by it. A gap is reported once and the count resynchronises, so
one missing number does not flag every later sibling. A skipped level
(一、 followed directly by 1.) and a fused "1.（1）" are fine.

Why: GB/T 9704-2012 §7.3.3 numbers headings in sequence at each level. A gap
tells the reader that an item was cut or lost.

Bad:  关于巡察整改进展情况的通报
  一、组织领导
  二、整改落实
  四、下一步打算
Good: 关于巡察整改进展情况的通报
  一、组织领导
  二、整改落实
  三、下一步打算
"""

from __future__ import annotations

from rectlint.finding import Hit
from rectlint.messages import say

from rectlint.conventions.kinds import outlined
from rectlint.conventions.markers import label

DOC_ZH = """标题序号跳号、重复、倒退或不从一开始。

按文档自身的惯例检查每一级标题（一、 （一） 1. （1））：先判断各级序号是在上级标题下重新编号，
还是跨部分连续编号（（一）下为1—3，（二）下为4—6），再据此判断。一处缺号只报告一次，
之后重新对齐，不会使后面的每个同级标题都报错。跳过一级（一、之后直接是1.）和“1.（1）
”连写不算错误。

依据：GB/T 9704-2012 第7.3.3条要求各级标题依次编号。缺号说明有条目被删去或丢失。
"""

ID = "heading-sequence"
CATEGORY = "ordinal"
SEVERITY = "warning"
OPTIONS: dict = {}


def _groups(root, level):
    """Sibling lists at a level, in document order."""
    groups, stack = [], [root]
    while stack:
        node = stack.pop()
        kids = [c for c in node.children if c.level == level and c.number is not None]
        if kids:
            groups.append(kids)
        stack.extend(reversed(node.children))
    groups.sort(key=lambda g: g[0].line.number)
    return groups


def _runs_on(groups) -> bool:
    votes_on = votes_restart = 0
    for prev, group in zip(groups, groups[1:]):
        first = group[0].number
        if first == prev[-1].number + 1 and first != 1:
            votes_on += 1
        elif first == 1:
            votes_restart += 1
    return votes_on > votes_restart


def check(doc, options):
    if not outlined(doc):
        return
    root = doc.outline.root
    for level in (1, 2, 3, 4):
        groups = _groups(root, level)
        if not groups:
            continue
        run_on = _runs_on(groups)
        last = 0
        for i, group in enumerate(groups):
            expected = last + 1 if run_on else 1
            if i == 0 and not doc.info.starts_whole:
                expected = group[0].number  # a text that starts part-way may open at （三）
            prev = None
            for h in group:
                n = h.number
                if n != expected:
                    yield _hit(h, n, expected, prev)
                prev = n
                expected = n + 1
            last = group[-1].number


def _hit(h, n, expected, prev):
    got, want = label(h.style, n), label(h.style, expected)
    if prev is not None and n == prev:
        message = say("heading-sequence.repeated", got=got)
    elif n > expected:
        missing = label(h.style, expected) + (f"至{label(h.style, n - 1)}" if n - expected > 1 else "")
        message = say("heading-sequence.skips", want=want, missing=missing)
    else:
        message = say("heading-sequence.order", want=want)
    return Hit(h.marker_start, h.marker_end, **message)
