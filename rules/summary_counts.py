"""Summary counts that do not add up, or disagree with the items listed.

Reads the totals a notice declares before its items (N个方面M个具体问题,
反馈M个问题, 整改措施K项, 已完成X个, 阶段性完成/基本完成/正在整改/持续整改/未完成Y个,
完成率Z% or 占…总数的Z%), in Arabic or Chinese numerals, and ties each count of
completed or open work to the total just before it: 细化整改措施53项，已完成48项
speaks of measures, not problems. A chain of nested totals (4个方面18个问题34个具体问题)
makes each level a base, and the parts are checked against the level they match; a
group counted apart (另有2个问题, 巡察移交的2个立行立改问题) is its own total for the
parts of its sentence and is not compared with the items. Then it checks:
- the arithmetic: X + Y cannot exceed the total, equals it when every status is
  counted, and Z is X / total rounded to the places written (category `number`;
  a rate truncated instead of rounded is only a hint);
- the declared number of problems and of aspects against the items and groups
  actually listed, in a notice that is whole (category `structure`);
- the declared number completed against the items whose status says so
  (category `status`).
Only rectification notices and audit reports are checked.

Why: counts that disagree with the list are the
first thing an inspector checks, and they undermine the whole report.

Bad:  关于巡察整改进展情况的通报
  一、组织情况
  反馈的3个具体问题，已完成3个，阶段性完成1个。
  二、整改落实情况
  1.问题甲。
  整改结果：已完成。
Bad:  关于巡察整改进展情况的通报
  一、组织情况
  反馈三个方面九个问题，已完成整改七个，正在整改一个。
Good: 关于巡察整改进展情况的通报
  一、组织情况
  反馈的1个具体问题，已完成1个，完成率100%。
  二、整改落实情况
  1.问题甲。
  整改结果：已完成。
Good: 关于巡察整改进展情况的通报
  一、组织情况
  反馈问题12个，细化整改措施53项，已完成48项，完成率90.6%。
Good: 关于巡察整改进展情况的通报
  一、组织情况
  反馈3个方面9个问题20个具体问题，已完成整改20个；巡察移交的2个立行立改问题，已完成整改2个。
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from rectlint import patterns
from rectlint.conventions.counts import PROBLEM_CATEGORIES, arithmetic_findings, reading, to_int
from rectlint.finding import Hit
from rectlint.messages import say

from rectlint.conventions.status import (COMPLETE, PARTIAL, STATUS_LABELS, VOCABULARY, in_vocabulary, is_complete,
                                         terms)

# A status label where conventions.status.STATUS_LABEL finds one, as a line pattern (whose \s reads
# no line break): the labels of many lines counted in one search, not one search a line.
_LABEL = patterns.line_pattern(rf"(?:{'|'.join(sorted(STATUS_LABELS, key=len, reverse=True))})[^\S\r\n]*[:]")

DOC_ZH = """对不上的汇总数字，或与所列条目不符的汇总数字。

读取通报在条目之前给出的总数（N个方面M个具体问题、反馈M个问题、整改措施K项、已完成X个、
阶段性完成/基本完成/正在整改/持续整改/未完成Y个、其余Y个、完成率Z%或占…总数的Z%），阿拉伯数字和汉字数字均可，
并把每个完成数或未完成数与它所指的总数对应（细化整改措施53项，整改措施已完成48项，说的是措施而不是问题；
未点明的，对应紧邻其前的总数）。层层细分的总数（4个方面18个问题34个具体问题）每一层都是基数，完成数与能对上的那一层核对；
另行列出的一组（另有2个问题、巡察移交的2个立行立改问题）在本句内自成总数，也不与所列条目比对。然后检查：算术，即各状态数之和不能超过总数，列出两种以上状态时应等于总数，
“其余”应为总数减去前面各数，Z 应为 X/总数按所写位数四舍五入（类别为数字；截断而非四舍五入的完成率只作提示），
方面数不能多于问题数；在完整的通报中，声明的问题数和方面数与实际列出的条目和分组是否一致（类别为结构）；
声明的已完成数与状态为已完成的条目数是否一致（类别为整改状态）。只检查整改通报和审计整改报告。

依据：汇总数字是读者最先看、最常引用的内容；数字对不上，整篇通报的可信度都会受影响。
"""

ID = "summary-counts"
CATEGORY = "status"
CATEGORIES = ("status", "number", "structure")
SEVERITY = "warning"
READS = ("counts",)  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}
# The message of each kind of inconsistency the count grammar finds.
_SAID = {
    "exceeds": "summary-counts.exceeds",
    "sum": "summary-counts.sum",
    "rest": "summary-counts.rest",
    "restate": "summary-counts.restate",
    "truncated": "summary-counts.truncated",
    "share": "summary-counts.share",
    "rate-of": "summary-counts.rate-of",
    "rate": "summary-counts.rate",
    "aspects-exceed": "summary-counts.aspects-exceed",
    "parts-exceed": "summary-counts.parts-exceed",
}


def _groups(doc):
    """The counting groups of the lines before the items."""
    summary = {line.number for line in doc.outline.summary_lines}
    return [g for para, read in reading(doc) if para.number in summary for g in read.groups]


def arithmetic(group):
    """Hits for where a group's figures disagree with its base."""
    for start, end, kind, args, hint in arithmetic_findings(group):
        yield Hit(start, end, category="number", severity="info" if hint else None, **say(_SAID[kind], **args))


def _levels(items, section) -> list[list]:
    """The items, their parents and grandparents: a declared count may name any of them (but not
    the section that holds them all)."""
    levels, current = [], list(items)
    for _ in range(3):
        if not current:
            break
        levels.append(current)
        current = list(dict.fromkeys(h.parent for h in current if h.parent is not None and h.parent.level > 0
                                     and h.parent is not section))
    return levels


def check(doc, options):
    if not doc.info.notice:
        return
    groups = _groups(doc)
    for group in groups:
        yield from arithmetic(group)
    items = doc.outline.items
    # A group counted apart (另有…, 巡察移交的2个立行立改问题) is no count of the items listed, unless
    # it is the only count of problems the notice gives.
    totals = [g for g in groups if g.kind == "problems" and not g.separate] or [
        g for g in groups if g.kind == "problems"]
    problems = totals[0] if totals else None
    if not items or problems is None:
        return
    if doc.info.completeness == "complete" and not _categories_listed(doc, len(items)):
        # 反馈2个方面的问题，细化为5个具体问题: the finer count is the one the items bear out.
        sizes = [len(level) for level in _levels(items, doc.outline.items_section)]
        if not any(int(g.total.value) in sizes for g in totals[:-1]):
            yield from _structure(doc, totals[-1] if len(totals) > 1 else problems, items)
    # Statuses are compared only where every item states one in the vocabulary: an item whose
    # status could not be read tells nothing about the count.
    problems = next((g for g in reversed(totals) if g.parts or g.all_done), problems)
    declared = int(problems.total.value)
    if declared != len(items) or not all(h.status is not None and in_vocabulary(h.status.text, VOCABULARY)
                                         for h in items):
        return
    done = next((p for p in problems.parts if p.status == "done"), None)
    if done is not None or problems.all_done:
        x = int(done.value) if done is not None else declared
        listed = sum(1 for h in items if is_complete(h.status.text, COMPLETE))
        if listed != x:
            where = done if done is not None else problems.total
            yield Hit(where.start, where.end, **say("summary-counts.completed", declared=x, listed=listed))
    for part in problems.parts:
        status = part.word
        if part.status != "open" or status not in PARTIAL:
            continue
        listed = sum(1 for h in items if status in terms(h.status.text))
        if listed != int(part.value):
            yield Hit(part.start, part.end,
                      **say("summary-counts.partial", status=status, declared=int(part.value), listed=listed))


def _categories_listed(doc, listed: int) -> bool:
    """Whether the notice counts its problems by category (5类问题) and lists the categories."""
    found = doc.matches(PROBLEM_CATEGORIES, doc.outline.summary_lines)
    return any(to_int(m.group("count")) == listed for ms in found.values() for m in ms)


def _status_lines(doc, items) -> int:
    """How many status labels (整改状态：…) stand from the first item on: where the outline reads
    fewer items than the notice gives statuses (第一，… run into text, three levels deep), the
    statuses count the items too."""
    first = items[0].line.number
    lines = doc.body_lines()
    lines = lines[bisect_left(lines, first, key=attrgetter("number")):]
    return sum(len(found) for found in doc.matches(_LABEL, lines).values())


def _structure(doc, problems, items):
    """The declared numbers of problems and aspects against the items and groups listed."""
    declared = int(problems.total.value)
    sizes = [len(level) for level in _levels(items, doc.outline.items_section)]
    listed_groups = _item_groups(items)
    grouped = not (len(listed_groups) == 1 and listed_groups[0] in (doc.outline.items_section, doc.outline.root))
    aspects = problems.aspects
    said = int(aspects.value) if aspects is not None else None
    # A notice may head its aspects and tell the problems in prose (（一）…方面, then 针对…的问题):
    # the items listed are then its aspects.
    items_are_aspects = said == len(items) and declared not in sizes
    aspects_ok = said is None or items_are_aspects or (said in sizes[1:] + [len(listed_groups)] if grouped else True)
    if declared not in sizes and not items_are_aspects and declared != _status_lines(doc, items):
        yield Hit(problems.total.start, problems.total.end, category="structure",
                  **say("summary-counts.problems", declared=declared, listed=len(items)))
        # Items nearer the aspects than the problems may be the aspects' headings (3 headings over
        # 4个方面8个问题): then the aspects disagree with them too.
        if said is not None and not grouped and abs(said - len(items)) < abs(declared - len(items)):
            yield Hit(aspects.start, aspects.end, category="structure",
                      **say("summary-counts.aspects", declared=said, listed=len(items)))
            return
    if not aspects_ok and grouped:
        yield Hit(aspects.start, aspects.end, category="structure",
                  **say("summary-counts.aspects", declared=said, listed=len(listed_groups)))


def _item_groups(items):
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
