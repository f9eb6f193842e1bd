"""The one chronology of a notice: which date is which, read from where it stands and the words
around it (docs/conventions.md#dates).

- the notice's own date: the 成文日期 line, or a report's subtitle (——2025年10月24日在…会议上);
- the inspection period: the first range in the lead; the feedback: the first whole date after it
  in the lead, in a sentence that says 反馈 (or 出具, for an audit report);
- a 截至 point: a date right after 截至/截止 (截至2025年10月31日，已完成…);
- a plan or deadline: a date in a clause that plans (预计, 计划, 力争, 将于, …, unless it says 已),
  or anywhere under a 下一步 heading;
- a bound: a date right before 前/起 or after 自/至 (2026年6月前, 至2023年4月才提交), which a plan
  and a past fact alike may set, or a 截止 date that ends its sentence (受理时间截止到2023年11月10日。):
  neither work done nor a counting point;
- issued: the day a text was published ((2019年12月30日公告), 2025年3月印发), which may follow the
  meeting a report was given at;
- named: a date right after a word that cites a source (根据2021年全市督查考核计划安排, 对照2021年…
  清单): the year of the plan, list or document the text acts on, neither a plan of its own nor
  work done, so compared with nothing;
- everything else is stated as done.

Done work and 截至 points are not after the notice's date; the feedback is not before the
inspection's end nor after the notice; a 截至 point and every plan are not before the feedback.
"""

from __future__ import annotations

import bisect
import datetime as dt

import regex

from .. import patterns
from ..record import Record
from .date_grammar import Bad, Written, parse, tokens
from .dates import Mention, last_day, mentions, pieces_of, to_date

PLAN = patterns.compile(r"预计|计划|拟|将于|将在|将会|力争|争取|确保|目标|下一步|届时|明年|后续|安排在|安排于")
DONE = patterns.compile(r"已")
# Right after the date: a deadline or a start (2026年6月前, 2026年3月起); right before it: 自, 从.
PLAN_AFTER = patterns.compile(r"底?前|起|以前|之前|以后|之后|开始")
PLAN_BEFORE = patterns.compile(r"(?:自|从|到|至)$")
COUNTED_BEFORE = patterns.compile(r"(?:截至|截止)(?:到)?$")
# Right before the date: a word that cites a source the date belongs to (根据2021年…计划).
CITED_BEFORE = patterns.compile(r"(?:根据|按照|依据|依照|对照)$")
# Right after the date: the day a text was published ((2019年12月30日公告), 2025年3月印发).
ISSUED_AFTER = patterns.compile(r"(?:公告|公布|发布|印发)")
PLAN_HEADING = patterns.compile(r"下一步|打算|工作计划|工作安排|今后")
_CLAUSE_END = (patterns.compile(r"[，,；;。！？!?\n]"), patterns.compile(r"[，,；;。！？!?\n]", regex.REVERSE))
_SENTENCE_END = (patterns.compile(r"[。；;！？!?\n]"), patterns.compile(r"[。；;！？!?\n]", regex.REVERSE))
_WINDOW = 200  # a clause or sentence is read at most this far each way


class Dated(Record):
    """A mention with the role it plays in the chronology and the days it covers."""

    FIELDS = ("written", "role", "first", "last")
    __slots__ = FIELDS  # one a date of a long draft: no dict each

    def __init__(self, written: Written, role: str, first: dt.date | None, last: dt.date | None):
        self.written = written
        self.role = role  # signed, inspection, feedback, counted, plan, bound, issued, named, done
        self.first = first
        self.last = last


class Chronology(Record):
    FIELDS = ("notice", "signed", "inspection", "feedback", "dated")

    def __init__(self, notice, signed, inspection, feedback, dated):
        self.notice = notice  # dt.date of the 成文日期 (or the report's subtitle), or None
        self.signed = signed  # the Dated that gives it
        self.inspection = inspection
        self.feedback = feedback
        self.dated = dated  # every Dated, in order


def _around(text: str, start: int, end: int, ends: tuple) -> str:
    """The clause or sentence (as `ends` marks them) that holds text[start:end]."""
    forward, backward = ends
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    before = backward.search(text, lo, start)
    after = forward.search(text, end, hi)
    return text[before.end() if before else lo:after.start() if after else hi]


def _bounds(w: Written, year: int | None) -> tuple:
    ms = pieces_of(w)
    first = ms[0] if ms[0].year is not None or year is None else Mention(
        ms[0].start, ms[0].end, year, ms[0].month, ms[0].day)
    last = ms[-1]
    if last.year is None:
        last = Mention(last.start, last.end, first.year, last.month, last.day)
    if first.month is None and first.year is not None and w.pieces[0].units == "年":
        lo = dt.date(first.year, 1, 1) if 1900 <= first.year <= 2100 else None
    else:
        lo = to_date(first)
    return lo, last_day(last)


def read_chronology(doc) -> Chronology:
    """Roles and days of every well-formed date in the body (and of the broken ones whose
    repair is unique, read as that repair)."""
    got = doc.dates.chronology
    if got is not None:
        return got
    text = doc.folded
    outline = doc.outline
    frame = doc.frame
    body = [w for w in doc.dates.written if doc.line_at(w.start).number not in frame and not w.invalid
            and "short-year" not in w.notes]  # 98年3月 names no century
    body = sorted(body + _repaired(doc), key=lambda w: w.start)
    lead = outline.lead
    lead_lo, lead_hi = (lead[0].start, lead[-1].end) if lead else (0, -1)
    plan_zone = _Zones((h.line.start, _subtree_end(h)) for h in outline.headings
                       if PLAN_HEADING.search(text, h.line.start, h.line.end))
    date_line = outline.date_line
    dated, year, paragraph = [], None, None
    signed = inspection = feedback = None
    starts = doc.paragraph_starts
    for w in body:
        para = bisect.bisect_right(starts, w.start)
        if para != paragraph:
            paragraph, year = para, None  # a year is carried within its paragraph only
        first, last = _bounds(w, year)
        if w.pieces[0].year is not None:
            year = (w.pieces[-1].year or w.pieces[0].year)
        role = "done"
        if date_line is not None and date_line.start <= w.start < date_line.end and not w.is_range:
            role = "signed"
        elif signed is None and text[max(0, w.start - 2):w.start] == "——" and text[w.end:w.end + 1] == "在":
            role = "signed"
        elif lead_lo <= w.start < lead_hi and w.is_range and inspection is None:
            role = "inspection"
        elif (lead_lo <= w.start < lead_hi and inspection is not None and feedback is None and not w.is_range
              and w.pieces[0].day is not None):
            sentence = _around(text, w.start, w.end, _SENTENCE_END)
            if "反馈" in sentence or "出具" in sentence:
                role = "feedback"
        if role == "done":
            role = _stated(doc, text, w, plan_zone)
        d = Dated(w, role, first, last)
        if role == "signed":
            signed = d  # the date line, which comes last, over a report's subtitle
        elif role == "inspection":
            inspection = d
        elif role == "feedback":
            feedback = d
        dated.append(d)
    notice = signed.first if signed is not None and signed.written.pieces[0].day is not None else None
    got = Chronology(notice, signed, inspection, feedback, dated)
    doc.dates.chronology = got
    return got


class _Zones:
    """The union of spans start..end (end exclusive), asked whether it holds an offset by
    bisection: asking each span in turn made a long draft with a plan heading in every copy
    quadratic (one date asked every plan section of the text)."""

    def __init__(self, spans):
        merged: list = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            elif a < b:
                merged.append([a, b])
        self.starts, self.ends = [a for a, _ in merged], [b for _, b in merged]

    def __contains__(self, offset: int) -> bool:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ends[k]


def _subtree_end(h) -> int:
    end = (h.body[-1] if h.body else h.line).end
    for child in h.descendants():
        end = max(end, (child.body[-1] if child.body else child.line).end)
    return end


def _stated(doc, text: str, w: Written, plan_zone) -> str:
    """done, counted or plan: how the text around a date states it."""
    line = doc.line_at(w.start)
    if ISSUED_AFTER.match(text, w.end, min(line.end, w.end + 3)):
        return "issued"
    if COUNTED_BEFORE.search(text, max(line.start, w.start - 3), w.start):
        # 截至X，已完成…: the point things are counted at; 受理时间截止到X。: where a period
        # ends, with nothing counted at it (an announcement's deadline)
        return "bound" if _SENTENCE_END[0].match(text, w.end) or w.end >= line.end else "counted"
    clause = _around(text, w.start, w.end, _CLAUSE_END)
    if DONE.search(clause):
        return "done"
    if CITED_BEFORE.search(text, max(line.start, w.start - 2), w.start):
        return "named"  # 根据2021年…计划安排: the plan's year, not a deadline the text sets
    if PLAN.search(clause) or w.start in plan_zone:
        return "plan"
    if PLAN_AFTER.match(text, w.end, min(line.end, w.end + 3)) or PLAN_BEFORE.search(
            text, max(line.start, w.start - 1), w.start):
        # 2026年6月前, 自2026年1月起: a bound, which a plan or a past fact may set (20237月前未实行,
        # 至20234月才提交): not work done, and no deadline either
        return "bound"
    return "done"


def _repaired(doc) -> list:
    """Broken runs with one reading, read as that reading, at their own place in the text."""
    out, seen = [], set()
    for b in doc.dates.broken:
        whole = b.whole
        if whole is None or b.run in seen:
            continue
        seen.add(b.run)
        try:
            w = parse(tokens(whole, 0, len(whole)), whole)
        except Bad:
            continue
        if not w.invalid:
            out.append(Written(b.run[0], b.run[1], w.pieces, w.joiner, w.notes, w.invalid))
    return out
