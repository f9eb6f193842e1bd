"""Dates in notices: the values the date rules and other rules read (docs/conventions.md#dates).

The grammar itself is date_grammar (how a date is written, and which runs of digits hold one),
date_repair (what a near miss should have been) and chronology (which date is the inspection,
the feedback, the 截至 point, a plan). This module gives their results as plain values:

- `mentions_in(doc, lo, hi)`: each well-formed date written in doc.text[lo:hi], a range giving
  one Mention per end (the end's month carried when it writes only a day);
- `mentions_repaired(doc, lo, hi)`: the same, with each broken date whose repair is unique read as
  that repair;
- `carry_years(mentions)`, `to_date(mention)`;
- `broken_dates(doc, lines)`: the near misses on the given lines.
"""

from __future__ import annotations

import bisect
import datetime as dt

from .. import patterns
from ..document import among
from ..record import FrozenRecord
from .date_grammar import Bad, Broken, Mention, Written, month_days, parse, pieces_of, runs, tokens

__all__ = ["Broken", "Day", "Mention", "Written", "broken_dates", "carry_years", "mentions", "mentions_in",
           "mentions_repaired", "month_days", "to_date", "valid"]

# What joins the two ends of a range: 3月10日至4月25日, 2025—2030年, 9:00～17:00 (folded: ~).
JOINER = r"(?:至|到|—{1,2}|–|-|～|~)"
JOINER_CHAR = r"[至到—–~～\-]"  # one of them, as a class (lint/pages.py nests it in a set)


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


def mentions(text: str, lo: int, hi: int) -> list[Mention]:
    """Well-formed date mentions in text[lo:hi] read alone (no document around it)."""
    out = []
    for a, b in runs(text, lo, hi):
        toks = tokens(text, a, b)
        try:
            out += pieces_of(parse(toks, text))
        except Bad:
            continue
    return out


def mentions_in(doc, lo: int, hi: int) -> list[Mention]:
    """The dates written in doc.text[lo:hi], in order (read once per document: Document.dates)."""
    reading = doc.dates
    flat, starts = reading.mentions, reading.mention_starts
    return flat[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]


def broken_dates(doc, lines) -> list[Broken]:
    """The near misses (dates that do not parse) on the given lines (in document order), in order."""
    return [b for b in doc.dates.broken if among(lines, doc.line_at(b.start).number)]


def mentions_repaired(doc, lo: int, hi: int) -> list[Mention]:
    """Well-formed mentions in doc.text[lo:hi] plus the broken dates there whose repair is unique,
    read as that repair: the chronology then sees "2025324日" as 2025-03-24."""
    out = list(mentions_in(doc, lo, hi))
    for b in doc.dates.broken:
        if not lo <= b.start < hi or len(b.readings) != 1 or b.kind == "doc-number":
            continue
        parsed = mentions(b.readings[0], 0, len(b.readings[0]))
        if parsed:
            out.append(Mention(b.start, b.end, parsed[0].year, parsed[0].month, parsed[0].day))
    out.sort(key=lambda m: m.start)
    return out


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


def last_day(mention: Mention) -> dt.date | None:
    """The last day a mention covers: 2025年9月 ends on 30 September."""
    if mention.year is None:
        return None
    if mention.month is None:
        return dt.date(mention.year, 12, 31)
    if not 1 <= mention.month <= 12:
        return None
    if mention.day is None:
        return dt.date(mention.year, mention.month, month_days(mention.year, mention.month))
    return to_date(mention)


# A line that is only a date: the 成文日期 under the signature, in any written form, also with
# its marks lost (2025年1120日, 20251120) or in Chinese numerals.
DATE_LINE = patterns.compile(
    r"\s*(?:(?:19|20)\d\d|[〇零一二三四五六七八九]{4})"
    r"(?=[^\n]*[0-9一二三四五六七八九十])[0-9〇零一二三四五六七八九十年月日号.\-/ 至到—–~]{1,14}\s*$")
