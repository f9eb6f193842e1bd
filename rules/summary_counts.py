"""Summary counts that do not add up, or disagree with the items listed.

Reads the totals a notice declares before its items (N个方面M个具体问题,
反馈M个问题, 已完成X个, 阶段性完成/基本完成/正在整改/持续整改Y个,
完成率Z%) and checks:
- the arithmetic: X + Y cannot exceed M, equals M when every status is
  counted, and Z ≈ X / M (category `number`);
- the declared number of problems and of aspects against the items and groups
  actually listed (category `structure`);
- the declared number completed against the items whose status says so
  (category `status`).

Why: counts that disagree with the list are the
first thing an inspector checks, and they undermine the whole report.

Bad:  关于巡察整改进展情况的通报
  一、组织情况
  反馈的3个具体问题，已完成3个，阶段性完成1个。
  二、整改落实情况
  1.问题甲。
  整改结果：已完成。
Good: 关于巡察整改进展情况的通报
  一、组织情况
  反馈的1个具体问题，已完成1个，完成率100%。
  二、整改落实情况
  1.问题甲。
  整改结果：已完成。
"""

from __future__ import annotations

import regex

from rectlint.finding import Hit

from ._status import COMPLETE, PARTIAL, is_complete, summary_scope, terms

ID = "summary-counts"
CATEGORY = "status"
SEVERITY = "warning"
OPTIONS: dict = {}

_ASPECTS = regex.compile(r"(\d+)个方面(?:的|共)?(\d+)(?:个|项|条)(?:具体)?问题")
_PROBLEMS = regex.compile(r"(?:反馈|指出|梳理|交办|查出)(?:的|了)?(?:问题)?(?:共)?(\d+)(?:个|项|条)(?:具体)?(?:问题)?")
_DONE = regex.compile(r"(?<!阶段性|基本)(?:已完成|已整改到位|已办结|完成整改)(?:整改)?(\d+)(?:个|项|条)")
_PART = regex.compile(r"(阶段性完成|基本完成|正在整改|持续整改|长期坚持)(\d+)(?:个|项|条)")
_RATE = regex.compile(r"(?:整改)?完成率(?:为|达到?)?(\d+(?:\.\d+)?)%")


def _first(pattern, doc, lines):
    for line in lines:
        m = pattern.search(doc.folded, line.start, line.end)
        if m:
            return m
    return None


def _groups(items):
    """The aspects the items are grouped in: their parents when all items sit at one
    level, else the headings at the items' shallowest level (an item there is its own group)."""
    if not items:
        return []
    if len({h.level for h in items}) == 1:
        return list(dict.fromkeys(h.parent for h in items))
    top = min(h.level for h in items)
    groups = []
    for h in items:
        g = h
        while g.parent is not None and g.level > top:
            g = g.parent
        if g not in groups:
            groups.append(g)
    return groups


def check(doc, options):
    lines = summary_scope(doc)
    if not lines:
        return
    items = doc.outline.items
    aspects = _first(_ASPECTS, doc, lines)
    problems = aspects or _first(_PROBLEMS, doc, lines)
    total = int(problems.group(aspects and 2 or 1)) if problems else None
    done = _first(_DONE, doc, lines)
    parts = [m for line in lines for m in _PART.finditer(doc.folded, line.start, line.end)]
    rate = _first(_RATE, doc, lines)
    x = int(done.group(1)) if done else None
    y = sum(int(m.group(2)) for m in parts)

    if total is not None and x is not None:
        if x + y > total:
            yield Hit(done.start(), (parts[-1].end() if parts else done.end()), category="number",
                      zh=f"已完成{x}个与其他状态{y}个之和超过问题总数{total}个",
                      en=f"{x} completed plus {y} in progress exceeds the {total} problems declared")
        elif parts and x + y != total:
            yield Hit(done.start(), parts[-1].end(), category="number",
                      zh=f"各状态数之和{x + y}个与问题总数{total}个不符",
                      en=f"status counts add up to {x + y}, not the {total} problems declared")
    if rate is not None and total and x is not None:
        expected = 100 * x / total
        if abs(float(rate.group(1)) - expected) > 1:
            yield Hit(rate.start(), rate.end(), category="number",
                      zh=f"完成率{rate.group(1)}%与{x}/{total}（约{expected:.1f}%）不符",
                      en=f"completion rate {rate.group(1)}% disagrees with {x}/{total} (about {expected:.1f}%)")
    if not items:
        return
    if total is not None and total != len(items):
        span = problems.span(aspects and 2 or 1)
        yield Hit(span[0], span[1], category="structure",
                  zh=f"声明{total}个问题，正文列出{len(items)}个",
                  en=f"{total} problems declared, {len(items)} listed")
    if aspects is not None:
        groups = _groups(items)
        declared = int(aspects.group(1))
        if declared != len(groups):
            yield Hit(aspects.start(1), aspects.end(1), category="structure",
                      zh=f"声明{declared}个方面，正文列出{len(groups)}个",
                      en=f"{declared} aspects declared, {len(groups)} listed")
    with_status = [h for h in items if h.status is not None]
    if done is not None and len(with_status) == len(items):
        listed = sum(1 for h in items if is_complete(h.status.text, COMPLETE))
        if listed != x:
            yield Hit(done.start(1), done.end(1),
                      zh=f"声明已完成{x}个，正文标为已完成的有{listed}个",
                      en=f"{x} declared completed, {listed} items marked completed")
    for m in parts if len(with_status) == len(items) else []:
        listed = sum(1 for h in items if m.group(1) in terms(h.status.text))
        if m.group(1) in PARTIAL and listed != int(m.group(2)):
            yield Hit(m.start(2), m.end(2),
                      zh=f"声明{m.group(1)}{m.group(2)}个，正文标为{m.group(1)}的有{listed}个",
                      en=f"{m.group(2)} declared {m.group(1)}, {listed} items marked so")
