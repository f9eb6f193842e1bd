"""Heading numbers that skip, repeat, go backwards or start above one.

Checks each heading level (一、 （一） 1. （1）) in the document's own
convention: it first learns whether level numbers restart under each parent
heading or run on across sections (items 1–3 under （一）, 4–6 under （二）),
then judges by it. A gap is reported once and the count resynchronises, so
one missing number does not flag every later sibling. A skipped level
(一、 followed directly by 1.) and a fused "1.（1）" are fine. A number that is
missing only because its heading lost the line break before it (…工作方案一、背景分析:
the marker glued to the text of the line before, a title after it to the end of that
line) is not a skipped number: the heading is there, and its lost line break is
reported instead (at info).

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
from rectlint.conventions.markers import group_faults, write

DOC_ZH = """标题序号跳号、重复、倒退或不从一开始。

按文档自身的惯例检查每一种标题序号（一、 （一） 1. （1） 问题一： 第一，）：先判断序号是在上级标题下
重新编号，还是跨部分连续编号（（一）下为1—3，（二）下为4—6），或在每个一级标题内连续、换一级标题
时重新编号，再据此判断。一处缺号只报告一次，之后重新对齐，不会使后面的每个同级标题都报错。
跳过一级（一、之后直接是1.）和“1.（1）”连写不算错误。标题只是丢了前面的换行（…工作方案一、背景分析：
序号粘在上一行文字后面，其后到行末是标题文字）时，该序号并未缺失，不报跳号，改为提示丢了换行（提示级）。

依据：GB/T 9704-2012 第7.3.3条要求各级标题依次编号。缺号说明有条目被删去或丢失。
"""

ID = "heading-sequence"
CATEGORY = "ordinal"
SEVERITY = "warning"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}


def _groups(root) -> dict:
    """{family: its sibling lists in document order}."""
    groups: dict = {}
    stack = [root]
    while stack:
        node = stack.pop()
        kids = [c for c in node.children if c.number is not None]
        for family in dict.fromkeys(c.family for c in kids):
            groups.setdefault(family, []).append([c for c in kids if c.family == family])
        stack.extend(reversed(node.children))
    for family_groups in groups.values():
        family_groups.sort(key=lambda g: g[0].line.number)
    return groups


def _top(group):
    h = group[0]
    while h.parent is not None and h.parent.level > 0:
        h = h.parent
    return h


def check(doc, options):
    if not outlined(doc):
        return
    found, lost = [], []
    for family, groups in _groups(doc.outline.root).items():
        before = None  # heading -> the heading of its family before it, made at the first skip
        for h, want, kind in group_faults(groups, _top):
            if h is groups[0][0] and not doc.info.starts_whole:
                continue  # a text that starts part-way may open at （三）
            if kind == "skips" and before is None:
                order = sorted((g for group in groups for g in group), key=lambda g: g.line.number)
                before = {id(g): prev for prev, g in zip([None, *order], order)}
            glued = _glued(doc.text, before[id(h)], h, want) if kind == "skips" else None
            if glued:
                lost.extend(glued)
                continue
            found.append((h, want, kind))
    for h, want, kind in sorted(found, key=lambda f: f[0].marker_start):
        yield _hit(h, want, kind)
    for start, end, marker in lost:
        yield Hit(start, end, severity="info", **say("heading-sequence.glued", marker=marker))


_SENTENCE_MARKS = frozenset("。；;，,！!？?")  # a title has none of them
_TITLE_CHARS = 40


def _glued(text: str, prev, h, want: int) -> list | None:
    """(start, end, marker) of every number from `want` to h's, if each is written, in order,
    between `prev` (the heading of h's family before h, or None) and h, as a marker glued to the
    end of a line's text with a title after it (工作方案一、背景分析): headings whose line breaks
    were lost, not numbers skipped."""
    spans = []
    at = prev.line.end if prev is not None else 0
    for number in range(want, h.number):
        marker = write(h.family, number, h.template)
        while True:
            at = text.find(marker, at, h.line.start)
            if at < 0:
                return None
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            before = text[at - 1] if at else "\n"
            title = text[at + len(marker):end]
            if (not before.isspace() and before not in _SENTENCE_MARKS and 0 < len(title) <= _TITLE_CHARS
                    and not _SENTENCE_MARKS.intersection(title)):
                spans.append((at, at + len(marker), marker))
                at = end
                break
            at += len(marker)
    return spans


def _hit(h, want, kind):
    """The finding, with markers written as the document writes this form (its template)."""
    n = h.number

    def marker(number):
        return write(h.family, number, h.template)

    if kind == "repeated":
        message = say("heading-sequence.repeated", got=marker(n))
    elif kind == "skips":
        missing = marker(want) + (f"至{marker(n - 1)}" if n - want > 1 else "")
        message = say("heading-sequence.skips", want=marker(want), missing=missing)
    else:
        message = say("heading-sequence.order", want=marker(want))
    return Hit(h.marker_start, h.marker_end, **message)
