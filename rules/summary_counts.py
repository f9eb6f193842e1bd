"""Summary counts that do not add up, or disagree with the items listed.

Reads the totals a notice declares before its items (N个方面M个具体问题,
反馈M个问题, 整改措施K项, 已完成X个, 阶段性完成/基本完成/正在整改/持续整改/未完成Y个,
完成率Z% or 占…总数的Z%), in Arabic or Chinese numerals, and ties each count of
completed or open work to the total just before it: 细化整改措施53项，已完成48项
speaks of measures, not problems. Then it checks:
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
"""

from __future__ import annotations

from rectlint.conventions.counts import ALL_DONE, ASPECTS, DONE, MEASURES, PART, PROBLEMS, RATE, to_int
from rectlint.finding import Hit
from rectlint.messages import say

from rectlint.conventions.status import COMPLETE, PARTIAL, is_complete, terms

DOC_ZH = """对不上的汇总数字，或与所列条目不符的汇总数字。

读取通报在条目之前给出的总数（N个方面M个具体问题、反馈M个问题、整改措施K项、已完成X个、
阶段性完成/基本完成/正在整改/持续整改/未完成Y个、完成率Z%或占…总数的Z%），阿拉伯数字和汉字数字均可，
并把每个完成数或未完成数与紧邻其前的总数对应（细化整改措施53项，已完成48项，说的是措施而不是问题）
。然后检查：算术，即 X+Y 不能超过总数，各种状态都列出时应等于总数，Z 应为 X/总数按所写位数四舍五入（类别为数字；
截断而非四舍五入的完成率只作提示）；在完整的通报中，声明的问题数和方面数与实际列出的条目和分组是否一致（类别为结构）
；声明的已完成数与状态为已完成的条目数是否一致（类别为整改状态）。只检查整改通报和审计整改报告。

依据：汇总数字是读者最先看、最常引用的内容；数字对不上，整篇通报的可信度都会受影响。
"""

ID = "summary-counts"
CATEGORY = "status"
CATEGORIES = ("status", "number", "structure")
SEVERITY = "warning"
OPTIONS: dict = {}


class _Group:
    """A declared total and the counts that speak of it."""

    def __init__(self, match, kind, total, aspects=None):
        self.match, self.kind, self.total, self.aspects = match, kind, total, aspects
        self.done = None  # the first 已完成X match
        self.done_count = None  # X, or the total when 已全部完成
        self.parts = []  # (match, status, count)
        self.rates = []


def _groups_in(doc, lines) -> list[_Group]:
    tokens = []
    for kind, pattern in (("aspects", ASPECTS), ("problems", PROBLEMS), ("measures", MEASURES),
                          ("done", DONE), ("all", ALL_DONE), ("part", PART), ("rate", RATE)):
        for found in doc.matches(pattern, lines).values():
            tokens += [(m.start(), -m.end(), kind, m) for m in found]
    tokens.sort(key=lambda t: (t[0], t[1]))
    groups, current, covered = [], None, -1
    for start, neg_end, kind, m in tokens:
        if start < covered:
            continue  # inside a longer count already read (个方面…个问题 holds a problem count)
        covered = -neg_end
        if kind in ("aspects", "problems", "measures"):
            total = to_int(m.group("total"))
            aspects = to_int(m.group("aspects")) if kind == "aspects" else None
            if total is None:
                continue
            current = _Group(m, "measures" if kind == "measures" else "problems", total, aspects)
            groups.append(current)
            continue
        group = _named(groups, m) or current
        if group is None:
            continue
        if kind == "done" and group.done is None:
            group.done, group.done_count = m, to_int(m.group("count"))
        elif kind == "all" and group.done is None:
            group.done, group.done_count = m, group.total
        elif kind == "part":
            group.parts.append((m, m.group("status"), to_int(m.group("count")) or 0))
        elif kind == "rate":
            group.rates.append(m)
    return groups


def _named(groups, m):
    """The latest group of the kind a count names (问题… or 措施…), if it names one."""
    subject = m.groupdict().get("subject")
    if not subject:
        return None
    kind = "problems" if subject == "问题" else "measures"
    return next((g for g in reversed(groups) if g.kind == kind), None)


def _rate_at(written: str, x: int, total: int, half_up: bool) -> str:
    """x/total as a percentage to as many places as the written rate has, rounded half up or
    cut off, written as decimal's quantize writes it (100, 91.7, 0.00). In integers: the exact
    value, with no float's error and no decimal import on every run."""
    places = len(written.split(".")[1]) if "." in written else 0
    scaled = 100 * x * 10**places  # the rate in units of its last written place, times total
    units = (2 * scaled + total) // (2 * total) if half_up else scaled // total
    if not places:
        return str(units)
    return f"{units // 10**places}.{units % 10**places:0{places}d}"


def _rate_kind(written: str, x: int, total: int) -> str:
    """"rounded" when the rate is x/total rounded to the places written, "truncated" when it is
    cut off there instead, else "wrong"."""
    stated = int(written.replace(".", ""))
    if stated == int(_rate_at(written, x, total, True).replace(".", "")):
        return "rounded"
    return "truncated" if stated == int(_rate_at(written, x, total, False).replace(".", "")) else "wrong"


def _arithmetic(group):
    x = group.done_count
    y = sum(c for _, _, c in group.parts)
    total, done, parts = group.total, group.done, group.parts
    if x is not None and total:
        if x + y > total:
            yield Hit(done.start(), (parts[-1][0].end() if parts else done.end()), category="number",
                      **say("summary-counts.exceeds", done=x, others=y, total=total))
        elif parts and x + y != total:
            yield Hit(done.start(), parts[-1][0].end(), category="number",
                      **say("summary-counts.sum", sum=x + y, total=total))
        for rate in group.rates:
            kind = _rate_kind(rate.group("rate"), x, total)
            if kind == "truncated":
                yield Hit(rate.start(), rate.end(), category="number", severity="info",
                          **say("summary-counts.truncated", rate=rate.group("rate"), done=x, total=total,
                                rounded=_rate_at(rate.group("rate"), x, total, True)))
            elif kind == "wrong":
                yield Hit(rate.start(), rate.end(), category="number",
                          **say("summary-counts.rate", rate=rate.group("rate"), done=x, total=total,
                                actual=100 * x / total))


def _levels(items) -> list[list]:
    """The items, their parents and grandparents: a declared count may name any of them."""
    levels, current = [], list(items)
    for _ in range(3):
        if not current:
            break
        levels.append(current)
        current = list(dict.fromkeys(h.parent for h in current if h.parent is not None and h.parent.level > 0))
    return levels


def check(doc, options):
    if not doc.info.notice:
        return
    lines = doc.outline.summary_lines
    if not lines:
        return
    groups = _groups_in(doc, lines)
    for group in groups:
        yield from _arithmetic(group)
    items = doc.outline.items
    problems = next((g for g in groups if g.kind == "problems"), None)
    if not items or problems is None:
        return
    if doc.info.completeness == "complete":
        sizes = [len(level) for level in _levels(items)]
        if problems.total not in sizes:
            span = problems.match.span("total")
            yield Hit(span[0], span[1], category="structure",
                      **say("summary-counts.problems", declared=problems.total, listed=len(items)))
        groups = _groups(items)
        grouped = not (len(groups) == 1 and groups[0] in (doc.outline.items_section, doc.outline.root))
        # Items listed straight under the problems section are not grouped into aspects at all.
        if problems.aspects is not None and grouped and problems.aspects not in sizes[1:] + [len(groups)]:
            span = problems.match.span("aspects")
            yield Hit(span[0], span[1], category="structure",
                      **say("summary-counts.aspects", declared=problems.aspects, listed=len(groups)))
    with_status = [h for h in items if h.status is not None]
    if len(with_status) != len(items) or problems.total != len(items):
        return
    done = problems.done
    if done is not None:
        x = problems.done_count
        listed = sum(1 for h in items if is_complete(h.status.text, COMPLETE))
        if listed != x:
            span = done.span("count") if "count" in done.re.groupindex else done.span()
            yield Hit(span[0], span[1],
                      **say("summary-counts.completed", declared=x, listed=listed))
    for m, status, count in problems.parts:
        listed = sum(1 for h in items if status in terms(h.status.text))
        if status in PARTIAL and listed != count:
            yield Hit(m.start("count"), m.end("count"),
                      **say("summary-counts.partial", status=status, declared=count, listed=listed))


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
