"""A strict date grammar for notices, shared by the date rules (not a rule itself).

Works on `Document.folded`, so full-width digits and brackets need no second pattern.
Readings of a glued digit run are the splits into month and day that give a valid
date; a repair is offered only when there is exactly one (docs/conventions.md#dates).
"""

from __future__ import annotations

import bisect
import datetime as dt

from .. import patterns
from ..record import FrozenRecord, Record

YEAR = r"(?:19[5-9]\d|20\d\d)"
# What joins the two ends of a range: 3月10日至4月25日, 2025—2030年, 9:00～17:00 (folded: ~).
JOINER = r"(?:至|到|—{1,2}|–|-|～|~)"
JOINER_CHAR = r"[至到—–~～\-]"
# Words that make a date a plan or a deadline rather than something done: 预计2026年6月完成,
# and right around the date: 自2026年1月起, 到2026年底, 2026年6月前.
PLAN = patterns.compile(r"预计|计划|拟|将于|将在|力争|争取|确保|之前|以前|前完成|底前|截至|截止|下一步|届时|目标")
PLAN_BEFORE = patterns.compile(r"(?:到|至|自|从|于)$")
PLAN_AFTER = patterns.compile(r"(?:底?前|底|起|开始|以后|之后|以来)")  # matched at the date's end
# After a number, these mean a count or amount, not a date.
UNITS = ("年月日号元万亿千百人个名次件户家台套项条份篇期批届所座处种类米吨斤亩克升余多位岁天周"
         "秒版字卷页章节级间栋层辆部张本册盒瓶支只头匹株棵倍例场轮笔宗毫平立公斤％%")
_NOT_UNIT = rf"(?![{UNITS}])"
_FOLLOW = rf"(?=[\p{{Han}}“\"《(]){_NOT_UNIT}"


class Day(FrozenRecord):
    """A calendar day as read from text; year or day may be missing."""

    FIELDS = ("year", "month", "day")
    __slots__ = FIELDS

    def __init__(self, year: int | None, month: int, day: int | None = None):
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)

    def text(self, with_year: bool = True) -> str:
        out = f"{self.year}年" if with_year and self.year else ""
        out += f"{self.month}月"
        return out + (f"{self.day}日" if self.day else "")

    def key(self, default_year: int = 0) -> tuple:
        return (self.year or default_year, self.month, self.day or 0)

    def as_date(self) -> dt.date | None:
        if self.year is None or not valid(self.year, self.month, self.day or 1):
            return None
        return dt.date(self.year, self.month, self.day or 1)


def valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    return 1 <= day <= month_days(year, month)


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_days(year: int | None, month: int) -> int:
    """Days in a month; 29 in a February of no known year. calendar.monthrange's answer without
    importing calendar, which costs a cold start more than every date check of a notice."""
    if month == 2 and (not year or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))):
        return 29
    return _MONTH_DAYS[month - 1]


def month_day_readings(digits: str, year: int | None, need_day: bool) -> list[Day]:
    """All ways to read digits as month+day (or a lone month when need_day is False)."""
    out = []
    if not need_day and not digits.startswith("0") and valid(year, int(digits), None) and len(digits) <= 2:
        out.append(Day(year, int(digits)))
    for cut in (1, 2):
        m, d = digits[:cut], digits[cut:]
        if not d or len(d) > 2 or m.startswith("0") or d.startswith("0"):
            continue
        if valid(year, int(m), int(d)):
            out.append(Day(year, int(m), int(d)))
    return out


class Broken(Record):
    """A digit run that is a date with 年, 月 or 日 lost, and its possible repairs."""

    FIELDS = ("start", "end", "readings", "kind")

    def __init__(self, start: int, end: int, readings: list, kind: str):
        self.start = start
        self.end = end
        self.readings = readings  # list of str: each a full valid repair of the span
        self.kind = kind  # glued, no-year-mark, year-alone, range-end, glued-pair, doc-number, signature


# A digit run glued to letters (QB2025717, ISO 9001:2015) is a code, not a date.
# A dash counts as part of a code only after a letter or digit: "--20211228日" is a stray mark.
_NOT_CODE = r"(?<![\dA-Za-z.:/])(?<![\dA-Za-z][-—])"
_GLUED_MONTH = patterns.line_pattern(rf"{_NOT_CODE}({YEAR})(\d{{1,2}})月")
_GLUED_MONTH_RANGE = patterns.line_pattern(rf"{_NOT_CODE}({YEAR})(\d{{1,2}})({JOINER_CHAR})(\d{{1,2}})月")
_GLUED_DAY = patterns.line_pattern(rf"{_NOT_CODE}({YEAR})(\d{{2,4}})日")
# 2025年310日: the 月 lost between month and day; 2025年310召开: 月 and 日 both lost.
_LOST_MONTH_MARK = patterns.line_pattern(rf"{_NOT_CODE}({YEAR})年(\d{{2,4}})日")
_LOST_MONTH_DAY = patterns.line_pattern(rf"{_NOT_CODE}({YEAR})年(\d{{2,4}})(?![\d.]){_FOLLOW}")
# 2025年3月10召开 / …至4月25召开: the 日 lost.
_LOST_DAY = patterns.line_pattern(
    rf"(?:(?<!\d)({YEAR})年|(?<={JOINER_CHAR}))(\d{{1,2}})月(\d{{1,2}})(?![\d.])(?:{_FOLLOW}|(?=[,;:。、]))")
# 5月6日6月5日: two whole dates with the 至 or dash between them lost.
_LOST_JOINER = patterns.line_pattern(
    rf"(?<!\d)((?:{YEAR}年)?\d{{1,2}}月\d{{1,2}}日)((?:{YEAR}年)?\d{{1,2}}月\d{{1,2}}日)")
_GLUED_BARE = patterns.line_pattern(rf"{_NOT_CODE}({YEAR})(\d{{1,4}})(?![\d.]){_FOLLOW}")
# "716日" without its 月 only after a word that introduces a date, so that "累计运行112日" stays a count.
_MD_DAY = patterns.line_pattern(r"(?<=^|[于在至到自从是和及与、,;(\s])(\d{3,4})日")
# A year alone only after Chinese text or a sentence break: not in "GB/T 9704—2012" or "〔2017".
_YEAR_ALONE = patterns.line_pattern(rf"(?<=^|[\p{{Han}}\s,;。、“\"《(])({YEAR})(?![\d.]){_FOLLOW}")
_GLUED_PAIR = patterns.line_pattern(rf"{_NOT_CODE}({YEAR}\d{{1,4}})({YEAR}\d{{1,4}})(日)?"
                                    rf"(?=[\p{{Han}}“\"《,;:。，；：、]|{patterns.LINE_END}){_NOT_UNIT}")
_DOC_NUMBER = patterns.line_pattern(rf"〔({YEAR})(\d{{1,4}})号")
_RANGE_END = patterns.line_pattern(rf"(\d{{1,2}})日{JOINER_CHAR}(\d{{1,4}})(?![\d.年月日号])" + _FOLLOW)
# Each is searched once over the whole text (Document.matches), its matches kept by line.
_SCANNED = (_DOC_NUMBER, _GLUED_PAIR, _GLUED_MONTH_RANGE, _GLUED_DAY, _LOST_MONTH_MARK, _LOST_DAY, _LOST_JOINER,
            _GLUED_MONTH, _GLUED_BARE, _LOST_MONTH_DAY, _MD_DAY, _RANGE_END, _YEAR_ALONE)
_READING_MONTH = patterns.compile(r"(\d+)月\d+日$")
_SIGNATURE = patterns.compile(rf"\s*({YEAR})(\d{{3,4}})\s*$")


def broken_dates(doc, lines) -> list[Broken]:
    """Digit runs that are dates with 年, 月 or 日 lost, over the given lines."""
    scans = doc.date_scans
    if scans is None:
        scans = doc.date_scans = {p: doc.matches(p, doc.lines) for p in _SCANNED}
        date_line = doc.outline.date_line
        doc.date_scan_lines = set().union(*scans.values(), [date_line.number] if date_line is not None else [])
    read = doc.date_scan_lines
    found: list[Broken] = []
    for line in lines:
        if line.number not in read:  # no pattern matched there, and it is not the 成文日期
            continue
        if line.number not in doc.broken_dates:
            doc.broken_dates[line.number] = _broken_in_line(doc, line, scans)
        found += doc.broken_dates[line.number]
    return found


def _broken_in_line(doc, line, scans) -> list[Broken]:
    """broken_dates of one line: a repair never spans two lines, so each line is read alone."""
    found: list[Broken] = []
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping spans already reported

    def add(start, end, readings, kind):
        i = bisect.bisect_left(taken, (start, end))
        if (i > 0 and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end):
            return
        taken.insert(i, (start, end))
        found.append(Broken(start, end, readings, kind))

    def scan(pattern):
        return scans[pattern].get(line.number, ())

    text = doc.folded
    date_line = doc.outline.date_line
    lo, hi = line.start, line.end
    if date_line is not None and line.number == date_line.number:
        m = _SIGNATURE.match(text, lo, hi)
        if m:
            year = int(m.group(1))
            readings = [d.text() for d in month_day_readings(m.group(2), year, True)]
            add(m.start(1), m.end(2), readings, "signature")
        return found
    for m in scan(_DOC_NUMBER):
        add(m.start(), m.end(), [f"〔{m.group(1)}〕{m.group(2)}号"], "doc-number")
    for m in scan(_GLUED_PAIR):
        first, second = _compact(m.group(1), False), _compact(m.group(2), m.group(3) is not None)
        if first and second:
            readings = [f"{a.text()}、{b.text()}" for a in first for b in second]
            add(m.start(), m.end(), readings, "glued-pair")
    for m in scan(_GLUED_MONTH_RANGE):
        a, b = int(m.group(2)), int(m.group(4))
        ok = valid(None, a, None) and valid(None, b, None)
        add(m.start(), m.end(), [f"{m.group(1)}年{a}{m.group(3)}{b}月"] if ok else [], "glued")
    for pattern in (_GLUED_DAY, _LOST_MONTH_MARK):  # 2025310日 and 2025年310日: month and day to split
        for m in scan(pattern):
            year = int(m.group(1))
            add(m.start(), m.end(), [d.text() for d in month_day_readings(m.group(2), year, True)], "glued")
    for m in scan(_LOST_DAY):
        year = int(m.group(1)) if m.group(1) else None
        month, day = int(m.group(2)), int(m.group(3))
        if valid(year, month, day):
            add(m.start(), m.end(), [Day(year, month, day).text()], "no-day-mark")
    for m in scan(_LOST_JOINER):
        a, b = m.group(1), m.group(2)
        add(m.start(), m.end(), [f"{a}至{b}", f"{a}、{b}"], "lost-joiner")
    for m in scan(_GLUED_MONTH):
        year, digits = int(m.group(1)), m.group(2)
        ok = not digits.startswith("0") and valid(year, int(digits), None)
        add(m.start(), m.end(), [f"{year}年{int(digits)}月"] if ok else [], "glued")
    for pattern in (_GLUED_BARE, _LOST_MONTH_DAY):  # 2025310召开 and 2025年310召开
        for m in scan(pattern):
            year, digits = int(m.group(1)), m.group(2)
            readings = [d.text() for d in month_day_readings(digits, year, len(digits) > 2)]
            if readings:
                add(m.start(), m.end(), readings, "glued")
    for m in scan(_MD_DAY):
        readings = [d.text(False) for d in month_day_readings(m.group(1), None, True)]
        if readings:
            add(m.start(), m.end(), readings, "no-year-mark")
    for m in scan(_RANGE_END):
        start_day, digits = int(m.group(1)), m.group(2)
        month = _month_before(text, m.start(), lo)
        repaired = next((b for b in found if b.end == m.start(1) + len(m.group(1)) + 1
                         and len(b.readings) == 1), None)
        if repaired is not None:
            month = int(_READING_MONTH.search(repaired.readings[0]).group(1))
        readings = []
        if len(digits) <= 2 and not digits.startswith("0") and int(digits) > start_day and int(digits) <= 31:
            readings.append(f"{int(digits)}日")
        for d in month_day_readings(digits, None, True):
            if month is None or (d.month, d.day) > (month, start_day):
                readings.append(d.text(False))
        if readings:
            add(m.start(2), m.end(2), readings, "range-end")
    for m in scan(_YEAR_ALONE):
        add(m.start(), m.end(), [f"{m.group(1)}年"], "year-alone")
    return found


def _compact(run: str, has_day: bool) -> list[Day]:
    year, rest = int(run[:4]), run[4:]
    return month_day_readings(rest, year, has_day or len(rest) > 2)


_MONTH_AT_END = patterns.compile(r"(\d{1,2})月$")


def _month_before(text: str, pos: int, lo: int) -> int | None:
    """The month written just before a day that starts at pos ("3月24日至…")."""
    m = _MONTH_AT_END.search(text[max(lo, pos - 6):pos])
    return int(m.group(1)) if m else None


# -- well-formed dates ------------------------------------------------------

_FULL = patterns.line_pattern(
    rf"(?<!\d)(?:({YEAR})年)?(\d{{1,2}})月(?:(\d{{1,2}})日)?"
    rf"|(?<![\d.])({YEAR})[-./](\d{{1,2}})[-./](\d{{1,2}})(?![\d.])")
_YEAR_ONLY = patterns.line_pattern(rf"(?<!\d)({YEAR})年(?!\d{{1,2}}月)")


class Mention(Record):
    """A well-formed date mention: 2025年3月12日, 3月12日, 2025年, 2025-03-12."""

    FIELDS = ("start", "end", "year", "month", "day", "iso")

    def __init__(self, start: int, end: int, year: int | None, month: int | None, day: int | None,
                 iso: bool = False):
        self.start = start
        self.end = end
        self.year = year
        self.month = month
        self.day = day
        self.iso = iso  # written 2025-12-12 / 2025.12.12 / 2025/12/12


def mentions(text: str, lo: int, hi: int) -> list[Mention]:
    """Well-formed date mentions in a span, in order; year carried from earlier mentions."""
    out = []
    for m in _FULL.finditer(text, lo, hi):
        if m.group(4):
            out.append(Mention(m.start(), m.end(), int(m.group(4)), int(m.group(5)), int(m.group(6)), True))
        else:
            day = int(m.group(3)) if m.group(3) else None
            out.append(Mention(m.start(), m.end(), int(m.group(1)) if m.group(1) else None,
                               int(m.group(2)), day))
    for m in _YEAR_ONLY.finditer(text, lo, hi):
        out.append(Mention(m.start(), m.end(), int(m.group(1)), None, None))
    out.sort(key=lambda x: x.start)
    return out


def mentions_in(doc, lo: int, hi: int) -> list[Mention]:
    """mentions(doc.folded, lo, hi) for a span of whole lines. The text is read once however
    many rules ask: its two patterns are line patterns, so a span's mentions are those of the
    whole text that start in it."""
    found = doc.date_mentions
    if found is None:
        found = doc.date_mentions = mentions(doc.folded, 0, len(doc.folded))
        doc.date_mention_starts = [m.start for m in found]
    starts = doc.date_mention_starts
    return found[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]


def mentions_repaired(doc, lo: int, hi: int) -> list[Mention]:
    """Well-formed mentions in doc.folded[lo:hi] plus the broken dates there whose repair is
    unique, read as that repair: the chronology checks then see "2025324日" as 2025-03-24."""
    out = mentions_in(doc, lo, hi)
    first, last = doc.line_at(lo).number, doc.line_at(max(lo, hi - 1)).number
    for b in broken_dates(doc, doc.lines[first - 1:last]):
        if len(b.readings) != 1 or b.kind in ("doc-number", "glued-pair") or not lo <= b.start < hi:
            continue
        parsed = mentions(b.readings[0], 0, len(b.readings[0]))
        if not parsed:
            continue
        out = [m for m in out if not (m.start < b.end and b.start < m.end)]
        out.append(Mention(b.start, b.end, parsed[0].year, parsed[0].month, parsed[0].day))
    out.sort(key=lambda m: m.start)
    return out


# 二〇二五年十一月二十日: a date in Chinese numerals, as older 成文日期 were written.
CN_DATE = patterns.line_pattern(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def cn_date(match) -> Day | None:
    """The Day a CN_DATE match names, or None when it is no valid date."""
    from rectlint.text import cn_to_int

    year = int("".join(_CN_DIGIT[c] for c in match.group(1)))
    month, day = cn_to_int(match.group(2)), cn_to_int(match.group(3))
    if month is None or day is None or not valid(year, month, day):
        return None
    return Day(year, month, day)


def carry_years(items: list[Mention]) -> list[Mention]:
    """The mentions with a missing year taken from the one before; new Mentions, since the
    ones given may be shared (mentions_in)."""
    out, year = [], None
    for item in items:
        if item.year is None and year is not None:
            item = Mention(item.start, item.end, year, item.month, item.day, item.iso)
        out.append(item)
        year = item.year
    return out


def to_date(mention: Mention) -> dt.date | None:
    if mention.year is None or mention.month is None:
        return None
    if not valid(mention.year, mention.month, mention.day or 1):
        return None
    return dt.date(mention.year, mention.month, mention.day or 1)


RANGE_JOIN = patterns.compile(rf"\s*{JOINER}\s*")

# A line that is only a date: the 成文日期 under the signature, also written in Chinese numerals
# or with its marks lost (2025年1120日, 20251120).
DATE_LINE = patterns.compile(
    r"\s*(?:\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|"
    r"(?:19|20)\d{5,6}|\d{4}年\d{1,4}日?|\d{4}[-./]\d{1,2}[-./]\d{1,2})\s*$")
