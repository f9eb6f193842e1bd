"""Enumerations inside a paragraph (一是…二是…) that skip, repeat, start late or mix schemes.

Checks the runs of 一是/二是/三是… and 第一，/第二，… in each paragraph: a
number skipped (一是 二是 四是), the same number twice, a run that starts at
二是 or 三是 because its first marker was lost, and a run that mixes schemes
(第一，…二是…). A run restarts in every paragraph; a lone 一是 with no
sequel is fine, and markers inside 《》 or “” belong to a quoted title.

Why: the convention of rectification notices. Measures are enumerated 一是…二是…三是…; a gap
tells the reader that a measure was cut, and a run starting at 二是 shows
that its first marker was lost in editing.

Bad:  整改情况：一是建立台账。二是定期通报。四是跟踪问效。
Good: 整改情况：一是建立台账。二是定期通报。三是跟踪问效。
Bad:  整改情况：超范围资金已全额上缴。二是优化筛查流程。
Good: 整改情况：一是超范围资金已全额上缴。二是优化筛查流程。
Good: 一是要坚持问题导向，统一思想认识。
"""

from __future__ import annotations

import regex

from rectlint.finding import Hit
from rectlint.text import int_to_cn

ID = "inline-enumeration"
CATEGORY = "ordinal"
SEVERITY = "warning"
OPTIONS: dict = {}

_QUOTED = regex.compile(r"《[^》]*》|“[^”]*”")


def _name(scheme: str, n: int) -> str:
    return f"第{int_to_cn(n)}" if scheme == "di" else f"{int_to_cn(n)}是"


def _missing(scheme: str, first: int, last: int) -> tuple[str, str]:
    """The markers first..last, listed when few ("一是”“二是"), as a range when many."""
    if last - first < 3:
        names = [_name(scheme, n) for n in range(first, last + 1)]
        return "”“".join(names), ", ".join(names)
    return f"{_name(scheme, first)}至{_name(scheme, last)}", f"{_name(scheme, first)} to {_name(scheme, last)}"


def check(doc, options):
    for run in doc.outline.runs:
        para = run.paragraph
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(doc.folded, para.start, para.end)]
        markers = [m for m in run.markers if m.scheme in ("shi", "di") and m.number
                   and not any(a <= m.start < b for a, b in quoted)]
        if not markers:
            continue
        schemes = {m.scheme for m in markers}
        if len(schemes) > 1:
            main = max(schemes, key=lambda s: sum(1 for m in markers if m.scheme == s))
            odd = next(m for m in markers if m.scheme != main)
            yield Hit(odd.start, odd.end,
                      zh=f"段内序号混用“{_name(main, 1)}”与“{_name(odd.scheme, 1)}”两种写法",
                      en=f"enumeration mixes {_name(main, 1)} and {_name(odd.scheme, 1)} styles")
            continue
        scheme = markers[0].scheme
        first = markers[0]
        if first.number > 1:
            zh_missing, en_missing = _missing(scheme, 1, first.number - 1)
            yield Hit(first.start, first.end,
                      zh=f"段内序号从“{_name(scheme, first.number)}”开始，缺少“{zh_missing}”",
                      en=f"enumeration starts at {_name(scheme, first.number)}; {en_missing} missing")
        for prev, cur in zip(markers, markers[1:]):
            if cur.number == prev.number + 1:
                continue
            if cur.number == prev.number:
                zh = f"段内序号“{_name(scheme, cur.number)}”重复"
                en = f"enumeration repeats {_name(scheme, cur.number)}"
            elif cur.number > prev.number:
                zh_gap, en_gap = _missing(scheme, prev.number + 1, cur.number - 1)
                zh = f"段内序号跳号：“{_name(scheme, prev.number)}”之后是“{_name(scheme, cur.number)}”，缺少“{zh_gap}”"
                en = f"enumeration skips from {_name(scheme, prev.number)} to {_name(scheme, cur.number)}; {en_gap} missing"
            else:
                zh = f"段内序号顺序错乱：“{_name(scheme, prev.number)}”之后是“{_name(scheme, cur.number)}”"
                en = f"enumeration goes back from {_name(scheme, prev.number)} to {_name(scheme, cur.number)}"
            yield Hit(cur.start, cur.end, zh=zh, en=en)
