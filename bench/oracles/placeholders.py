"""Placeholder family: a value left as X, x, ×, Ｘ, ○ or □ where the notice must state it.

Mentions are the values of a clean notice that a template leaves open and a drafter must fill:
the year, month and day of each date written in digits, the numeral of a team's ordinal
(第四巡察组), and the problem counts of the summary (反馈的4个问题，已完成整改3个…). Names are
not mentions: a single-character change of a name that occurs once (an address) cannot be told
from another real name, and one that recurs is a consistency question, not a placeholder one.

A proofreader reads each edited notice:
- any X, x, ×, Ｘ, ○ or □ now standing in (or next to) a value is a leftover placeholder: broken
  (202X年, 3月X日, 第X巡察组, X个问题, 第四○巡察组);
- an edit without one changes the value: broken when it no longer reads (月 without its number,
  a month 13, a day 0, a year of three digits, a lost ordinal, a count of nothing), when the
  dates no longer follow one another (the inspection ends before it starts, a date that has
  happened falls after the 成文日期), when a year strays far from the notice's own, or when the
  counts no longer add up (total, completed and open parts, the rate, the items listed); a
  zero-padded month or day (2025年03月) is style; any other edit gives another valid, consistent
  value: ok. A day or month whose number is gone (2025年3月日) no longer reads; a count in Chinese
  numerals must be one numeral (三三个 is none). The chronology of dates is the dates family's
  proofreader's (bench/oracles/dates.py), which names both ends of a broken link.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import regex

from . import _notice as N
from . import dates as D

NAME = "placeholders"
PLACEHOLDERS = "Xx×Ｘ○□"
ALPHABET = PLACEHOLDERS
INSERTS = PLACEHOLDERS

_DATE = regex.compile(r"(?<![\d.])(?:(?P<y>(?:19|20)\d\d)年)?(?<!\d)(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日(?!\d)|(?![\d日号]))")
_RANGE_DAY = regex.compile(r"(?<=\d日(?:至|—|－|-|到))(?P<d>\d{1,2})日")
_ORDINAL = regex.compile(r"第(?P<n>[一二三四五六七八九])(?=巡察组|巡视组)")
_JOIN = regex.compile(r"\s*(?:至|到|—{1,2}|－|-|～)\s*")
# (到/至 after a date join a range; before one they name a deadline: 到2026年6月.)
_PLAN_BEFORE = regex.compile(r"(?:计划|预计|力争|确保|争取|拟|将于|将在|将|(?<![日月\d])(?:到|至))$")
_PLAN_AFTER = regex.compile(r"(?:底|末|前|起|以前|之前|开始|后)")


@lru_cache(maxsize=64)
def _value_spans(text):
    """(start, end, kind) of each value a placeholder could stand for."""
    out = []
    for m in _DATE.finditer(text):
        if m.group("y") is None and m.group("d") is None:
            continue  # a bare month (3月份): too loose to be sure it is a date
        for g in ("y", "m", "d"):
            if m.group(g):
                out.append((*m.span(g), "date"))
    for m in _RANGE_DAY.finditer(text):
        out.append((*m.span("d"), "date"))
    for m in _ORDINAL.finditer(text):
        out.append((*m.span("n"), "ordinal"))
    n = N.notice(text)
    if _counts_ok(n, text) and n.counts.total is not None:
        c = n.counts
        for value in [c.total, c.done, *[(v, s) for _, v, s in c.parts]]:
            if value:
                out.append((*value[1], "count"))
    return tuple(sorted(set(out)))


def mentions(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b, _ in _value_spans(text)]


# -- dates ------------------------------------------------------------------------------------------

def _dates(text):
    """(date or None, start, end, is_plan) of every date with a month in the text, years carried."""
    out, year = [], None
    for m in _DATE.finditer(text):
        if m.group("y") is None and m.group("d") is None:
            continue
        y = int(m.group("y")) if m.group("y") else year
        if m.group("y"):
            year = y
        mo, d = int(m.group("m")), int(m.group("d")) if m.group("d") else 1
        try:
            day = dt.date(y, mo, d) if y else None
        except ValueError:
            day = None
        before = text[max(0, m.start() - 4):m.start()]
        after = text[m.end():m.end() + 3]
        plan = bool(_PLAN_BEFORE.search(before) or _PLAN_AFTER.match(after))
        out.append((day, m.start(), m.end(), plan, m))
    return out


def _date_verdict(new_text, span):
    """The verdict on an edited date: None when it stays valid and in order."""
    found = _dates(new_text)
    here = [x for x in found if x[1] <= span[0] and span[1] <= x[2] + 1]
    if not here:
        return "broken"  # the date no longer reads as one (年月 without a number, 2025年3X月…)
    day, a, b, plan, m = here[0]
    if day is None:
        return "broken"
    written = m.group()
    if regex.search(r"(?<!\d)0\d", written.split("年")[-1]):
        return "style"  # 2025年03月: zero padding in running text (GB/T 15835)
    n = N.notice(new_text)
    signed = n.signed
    years = [x[0].year for x in found if x[0] is not None and x is not here[0]]
    if years and min(abs(day.year - y) for y in years) > 2:
        return "broken"  # 2052年 in a notice of 2025
    # Ranges read forward; what has happened comes before the 成文日期.
    dated = [x for x in found if x[0] is not None]
    for (d1, _, e1, _, _), (d2, s2, _, _, _) in zip(dated, dated[1:]):
        if _JOIN.fullmatch(new_text, e1, s2) and d2 < d1:
            return "broken"
    lead_end = n.items[0].start if n.items else len(new_text)
    lead = [x for x in dated if x[2] <= lead_end and not x[3]]
    # The lead's inspection period and feedback: in the order written.
    for (d1, *_), (d2, *_) in zip(lead[:3], lead[1:3]):
        if d2 < d1:
            return "broken"
    if signed is not None:
        last_line = new_text.rstrip().rfind("\n")
        for d, s, _, plan_, _ in dated:
            if s < last_line and not plan_ and d > signed:
                return "broken"
    return None


# -- counts -----------------------------------------------------------------------------------------

def _rate_ok(written: str, done: int, total: int) -> bool:
    places = len(written.split(".")[1]) if "." in written else 0
    value = round(100 * done / total + 1e-9, places) if total else 0
    return abs(float(written) - value) < 10 ** -places / 2 + 1e-9


def _counts_ok(n, text) -> bool:
    c = n.counts
    if c.total is None:
        return True
    total = c.total[0]
    if total is None or total == 0:
        return False
    if n.items and len(n.items) != total:
        return False
    done = total if c.all_done else (c.done[0] if c.done else None)
    parts = [v for _, v, _ in c.parts]
    if done is not None:
        if None in parts or done + sum(parts) > total or (parts and done + sum(parts) != total):
            return False
        for r, _ in c.rates:
            if not _rate_ok(r, done, total):
                return False
    return N.counts_consistent(n)


def _count_verdict(new_text, old_text, span):
    old, new = N.notice(old_text), N.notice(new_text)
    # The edited count must still be read where it stood, as a number.
    old_n = len(old.counts.spans())
    if len(new.counts.spans()) != old_n or new.counts.total is None or (old.counts.done and not new.counts.done):
        return "broken"
    # The edited count must be read where it stood (反馈的4个问题 → 反馈的个问题 reads another count).
    if not any(a <= span[1] and span[0] <= b for a, b in new.counts.spans()[:old_n]):
        return "broken"
    if not _counts_ok(new, new_text):
        return "broken", [tuple(span), *new.counts.spans()]
    return None


# -- the verdict ------------------------------------------------------------------------------------

def judge(new_text, span, old_text, old_span):
    if sum(new_text.count(ch) for ch in PLACEHOLDERS) > sum(old_text.count(ch) for ch in PLACEHOLDERS):
        return "broken"
    kind = next(k for a, b, k in _value_spans(old_text) if (a, b) == tuple(old_span))
    if kind == "ordinal":
        return "broken"  # 第巡察组, 第四四巡察组, 四第巡察组: a team's ordinal never survives an edit
    if kind == "date":
        # The notice's chronology, as the dates family's proofreader reads it, names both ends
        # of a broken link (a 成文日期 moved before the feedback is flagged on the feedback).
        whole = next(((m.start, m.end) for m in D.read(old_text).mentions
                      if m.start <= old_span[0] and old_span[1] <= m.end), None)
        if whole is not None:
            verdict = D.judge(new_text, span, old_text, whole)
            if verdict != "ok":
                return verdict
        verdict = _date_verdict(new_text, span)
        if verdict is not None:
            return verdict
        return "ok"
    verdict = _count_verdict(new_text, old_text, span)
    return verdict or "ok"
