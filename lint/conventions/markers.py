"""Heading and enumeration markers: the forms, the levels they stand for, and how to write one.

Patterns are written for `Document.folded` (ASCII brackets and punctuation).
See docs/conventions.md#heading-markers.
"""

from __future__ import annotations

from .. import patterns
from ..text import int_to_cn

CN = "[一二三四五六七八九十]{1,3}"

# Nominal GB/T 9704 §7.3.3 levels: 一、 → （一） → 1. → （1）.
HEADINGS = [
    # (pattern, level, style); group 1 is the number
    (patterns.compile(r"(\d{1,2})\.\((\d{1,2})\)"), 3, "n.(n)"),
    (patterns.compile(rf"({CN})、"), 1, "cn、"),
    (patterns.compile(rf"({CN})\.(?![\d])"), 1, "cn."),
    (patterns.compile(rf"\(({CN})\)(、)?"), 2, "(cn)"),
    (patterns.compile(r"\((\d{1,2})\)(、)?"), 4, "(n)"),
    (patterns.compile(r"(\d{1,2})\)(?!\d)"), 4, "n)"),
    (patterns.compile(r"(\d{1,2})\.(?![\d])"), 3, "n."),
    (patterns.compile(r"(\d{1,2})、"), 3, "n、"),
    # Items headed 问题一：/问题1：, and 第一，关于…问题 used as a level.
    (patterns.compile(rf"问题({CN})\s*[:.、]"), 3, "问题cn"),
    (patterns.compile(r"问题(\d{1,3})\s*[:.、]"), 3, "问题n"),
    (patterns.compile(rf"第({CN})[,、:]\s*(?=关于|.{{0,30}}问题)"), 3, "第cn"),
]

# Markers that lost characters (docs/conventions.md#heading-markers). Accepted only where the sequence fits.
BROKEN = [
    (patterns.compile(rf"({CN})\)"), 2, "(cn)", "lost-open"),
    (patterns.compile(rf"\(({CN})(?=[\p{{Han}}“\"《])(?!是)"), 2, "(cn)", "lost-close"),
    (patterns.compile(r"\((\d{1,2})(?=[\p{Han}“\"《])"), 4, "(n)", "lost-close"),
    (patterns.compile(r"\)(?=[\p{Han}“\"《])"), None, None, "lost-numeral"),
    # A numeral glued to its text: "2三救能力不强". Units after a number mean a count.
    (patterns.compile(r"(\d{1,2})(?=[\p{Han}“\"《])(?![年月日号个人次名项件家元万亿千百岁期批台户余多份场篇条类级届轮])"),
     None, None, "glued"),
    # 问题二台账不规范: the item marker lost its colon.
    (patterns.compile(rf"问题({CN})(?=[\p{{Han}}“\"《])"), 3, "问题cn", "lost-mark"),
    (patterns.compile(r"问题(\d{1,3})(?=[\p{Han}“\"《])"), 3, "问题n", "lost-mark"),
    # 二巡察反馈问题整改情况: 一、 or （一） lost its mark. A measure word or a formula after the
    # numeral (三个, 三会一课, 一岗双责) makes it a quantity, not an ordinal.
    (patterns.compile(rf"({CN})(?=[\p{{Han}}“\"《])(?![个项条种类次年月日批轮级届是])"
                   r"(?!重一大|会一课|学一做|严三实|岗双责|把手|公开|风|务公开|线)"),
     None, None, "lost-mark"),
]

# Every form in HEADINGS and BROKEN starts with one of these: a cheap test before trying them all.
MARKER_START = patterns.compile(r"[\d一二三四五六七八九十()问第]")

# Markers of an enumeration inside a paragraph: 一是…二是…, 第一，…第二，…, 首先…其次…最后.
RUN_MARKER = patterns.compile(
    rf"(?<![统唯同之万单划逐专归均初如合不再第周星礼其])({CN})是(?![非否])"
    rf"|第({CN})(?=[,、:]|是)(?![、,]第?[一二三四五六七八九十])|(首先|其次|最后)(?=[,、:])")
RUN_ORDER = {"首先": 1, "其次": 2, "最后": None}


def marker_text(style: str, number: int, full_width: bool) -> str:
    """The marker a heading of this style and number should carry."""
    open_, close = ("（", "）") if full_width else ("(", ")")
    cn = int_to_cn(number)
    return {
        "cn、": f"{cn}、", "cn.": f"{cn}、", "(cn)": f"{open_}{cn}{close}", "(cn)、": f"{open_}{cn}{close}",
        "(n)": f"{open_}{number}{close}", "(n)、": f"{open_}{number}{close}",
        "n)": f"{number}{close}", "n.": f"{number}.", "n、": f"{number}.", "n.(n)": f"{number}.",
        "问题cn": f"问题{cn}：", "问题n": f"问题{number}：", "第cn": f"第{cn}，",
    }[style]


def label(style: str, number: int) -> str:
    return marker_text(style, number, True)


def uses_full_width(doc, headings) -> bool:
    """Whether the document writes its bracketed markers full-width."""
    full = sum(1 for h in headings if "（" in h.marker or "）" in h.marker)
    half = sum(1 for h in headings if "(" in h.marker or ")" in h.marker)
    return full >= half


def run_marker_text(scheme: str, number: int) -> str:
    """How an enumeration marker is written: 第三 (scheme di) or 三是 (scheme shi)."""
    return f"第{int_to_cn(number)}" if scheme == "di" else f"{int_to_cn(number)}是"


# The nearest GB/T 9704 form for a heading style outside the standard's four levels.
BETTER_FORM = {"(cn)、": "（一）", "(n)、": "（1）", "n、": "1.", "cn.": "一、", "n)": "（1）"}
