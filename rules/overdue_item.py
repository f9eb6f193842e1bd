"""An item still open whose own deadline had already passed when the notice speaks (逾期未完成).

Reads each problem item whose status is not finished (阶段性完成, 基本完成, 正在整改, 持续推进,
未完成, a plan such as 计划于2025年6月底前完成) and the deadlines its status and measures give:
a date followed by …前/底前 and a completion (2025年6月底前完成, 9月30日前办结) or a deadline label
(整改时限：2025年9月30日). When such a deadline lies before the point the notice reports at (the
截至 date of its summary, else `--as-of`, else its 成文日期), the item is overdue: the notice
should say why, or give a new deadline. One finding per item, on the deadline, at info level:
an overdue item is a fact to report, not a defect of the text.

Why: inspectors check rectification against the deadlines of the rectification
plan (《中国共产党巡视工作条例》: rectification is supervised to the end); an open item past its
own deadline is what a reader of the notice looks for first.

Bad:  关于巡察整改进展情况的通报
  截至2025年10月31日，巡察反馈的1个问题正在整改。
  二、整改落实情况
  1.人员短缺。
  整改结果：正在整改。
  整改情况：已发布招聘公告，计划于2025年9月底前完成招聘。
  中共某局党组
  2025年11月5日
Good: 关于巡察整改进展情况的通报
  截至2025年10月31日，巡察反馈的1个问题正在整改。
  二、整改落实情况
  1.人员短缺。
  整改结果：正在整改。
  整改情况：已发布招聘公告，计划于2025年12月底前完成招聘。
  中共某局党组
  2025年11月5日
"""

from __future__ import annotations

import datetime as dt

from rectlint import patterns
from rectlint.finding import Hit
from rectlint.messages import say

from rectlint.conventions.dates import carry_years, mentions_in, to_date
from rectlint.conventions.status import DEADLINE_AFTER, DEADLINE_LABEL, read

DOC_ZH = """仍未完成、而自身整改时限在通报所述时点已过的条目（逾期未完成）。

读取状态不是已完成的每个问题条目（阶段性完成、基本完成、正在整改、持续推进、未完成，或“计划于2025年
6月底前完成”之类的计划），以及其状态和措施中给出的时限：日期后接“…前/底前”和完成一类的动词
（2025年6月底前完成、9月30日前办结），或时限标签（整改时限：2025年9月30日）。若时限早于通报所述时点
（汇总中的“截至”日期；没有时用 `--as-of`；再没有时用成文日期），该条目即逾期：通报应说明原因或给出
新的时限。每个条目报告一次，位置在该时限上，级别为提示：逾期是需要报告的事实，不是文字错误。

依据：巡视巡察机构按整改方案的时限检查整改（《中国共产党巡视工作条例》要求整改督促到底）；
超过自身时限仍未完成的条目，正是读者最先要看的。
"""

ID = "overdue-item"
CATEGORY = "status"
SEVERITY = "info"
READS = ("dates",)  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}

_CUT = patterns.compile(r"截至\s*$")
_HINT = patterns.compile(r"前|时限|期限")  # a deadline says one of these


def _reference(doc, context) -> dt.date | None:
    """The point the notice reports at: 截至 a date in its summary, else --as-of, else its date."""
    for line in doc.outline.summary_lines:
        for m in mentions_in(doc, line.start, line.end):
            if m.day is not None and _CUT.search(doc.folded, max(line.start, m.start - 4), m.start):
                return to_date(m)
    if context is not None and getattr(context, "as_of", None):
        return context.as_of
    line = doc.outline.date_line
    if line is None:
        return None
    found = [to_date(m) for m in mentions_in(doc, line.start, line.end)]
    return found[0] if found else None


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _deadlines(doc, dated, lo: int, hi: int):
    """(due date, start, end) of each deadline in folded[lo:hi]: 2025年6月底前完成, 整改时限：…"""
    text = doc.folded
    for m in dated:
        if not lo <= m.start < hi or m.year is None:
            continue
        after = DEADLINE_AFTER.match(text, m.end, hi)
        labelled = DEADLINE_LABEL.search(text, max(lo, m.start - 8), m.start)
        if not after and not labelled:
            continue
        tail = (after.group("tail") or "") if after else ""  # the group may not take part
        if m.day is not None:
            due = to_date(m)
        elif m.month is not None:
            # 6月底前 is the month's last day; 6月前 its first.
            due = _last_day(m.year, m.month) if "底" in tail or "末" in tail or labelled else dt.date(m.year, m.month, 1)
        else:
            due = dt.date(m.year, 12, 31) if "底" in tail or "末" in tail or labelled else dt.date(m.year, 1, 1)
        if due is not None:
            yield due, m.start, after.end() if after else m.end


def check(doc, options, context=None):
    if not doc.info.notice or not doc.outline.items:
        return
    ref = dated = None
    for h in doc.outline.items:
        status = h.status
        reading = read(doc.folded[status.start:status.end]) if status is not None else None
        if reading is None or reading.klass in ("done", "long"):
            continue
        spans = [(status.start, status.end), *h.measure_spans()]
        if not any(_HINT.search(doc.folded, lo, hi) for lo, hi in spans):
            continue  # no deadline written: most items
        if dated is None:
            ref = _reference(doc, context)
            dated = carry_years(mentions_in(doc, 0, len(doc.folded)))
        if ref is None:
            return
        due = next(((d, a, b) for lo, hi in spans for d, a, b in _deadlines(doc, dated, lo, hi) if d < ref), None)
        if due is not None:
            d, a, b = due
            yield Hit(a, b, **say("overdue-item", deadline=doc.text[a:b], ref=ref.isoformat(), status=status.text),
                      related=[(status.start, status.end)])
