"""How summary counts are written: totals of problems, measures and aspects, and the
numbers completed, still in progress and the completion rate.

Problems, measures (措施/条/项), 方面 and sub-items are different counts: 4个方面12个问题，
细化整改措施53项，已完成48项 says 48 of the 53 measures, not of the 12 problems. Counts may
be written in Chinese numerals (三个方面九个问题，已完成整改七个), and a rate as 完成率Z%
or 占…总数的Z%. Patterns are written for `Document.folded` text.
See docs/conventions.md#counts.
"""

from __future__ import annotations

from .. import patterns
from .status import ALL_DONE as ALL_DONE_PHRASE, COUNTED_DONE, COUNTED_OPEN

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}

NUM = r"(?:\d+|[一二两三四五六七八九十百千零〇]+)"
_UNIT = r"(?:个|项|条|件)"
# What follows a count that makes it a count of something else than problems.
_NOT_PROBLEMS = r"(?!方面|大类|类|领域|批|轮|家|单位|部门|村|乡|镇|巡察组|方向)"

ASPECTS = patterns.line_pattern(rf"(?P<aspects>{NUM})个方面(?:的|共|共计)?(?P<total>{NUM}){_UNIT}(?:具体)?问题")
PROBLEMS = patterns.line_pattern(
    rf"(?:反馈|反映|指出|梳理|交办|查出|发现|移交|认领|涉及|提出)(?:的|了|出)?(?:各类|具体)?(?:问题)?(?:共|共计|总计)?"
    rf"(?P<total>{NUM}){_UNIT}{_NOT_PROBLEMS}(?:具体)?(?:问题)?"
    rf"|(?:问题|具体问题)(?:共|共计|总计)(?P<total>{NUM}){_UNIT}"
    # 查出的5个方面问题中，已完成整改4个: the areas are what is counted.
    rf"|(?:反馈|反映|指出|查出|发现)(?:的|了|出)?(?P<total>{NUM})个方面(?:的)?问题")
MEASURES = patterns.line_pattern(
    rf"(?:(?:整改|具体)?措施|(?:整改)?任务|整改事项)(?:共|共计|总计)?(?P<total>{NUM}){_UNIT}"
    rf"|(?P<total>{NUM}){_UNIT}(?:具体)?(?:整改)?(?:措施|任务)")
# A count may name what it counts: 反馈问题已完成整改2个, 整改措施已完成11项.
_DONE_WORDS, _OPEN_WORDS = "|".join(COUNTED_DONE), "|".join(COUNTED_OPEN)
_SUBJECT = r"(?:(?P<subject>问题|措施|任务|事项)(?:中)?)?"
DONE = patterns.line_pattern(
    rf"{_SUBJECT}(?<!阶段性|基本|未|尚未)(?:{_DONE_WORDS})"
    rf"(?:整改)?(?:的)?(?:问题)?(?P<count>{NUM}){_UNIT}")
ALL_DONE = patterns.line_pattern(ALL_DONE_PHRASE)
PART = patterns.line_pattern(
    rf"{_SUBJECT}(?P<status>{_OPEN_WORDS})"
    rf"(?:整改)?(?:的)?(?:问题)?"
    rf"(?P<count>{NUM}){_UNIT}")
RATE = patterns.line_pattern(
    r"(?:整改)?完成率(?:为|达到?|是)?(?P<rate>\d+(?:\.\d+)?)%"
    r"|占[^。;,\r\n]{0,20}?总数的?(?P<rate>\d+(?:\.\d+)?)%")


def to_int(text: str) -> int | None:
    """A count in Arabic or Chinese numerals: 12, 十二, 一百零五, 两."""
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)
