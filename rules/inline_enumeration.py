"""Enumerations inside a paragraph (一是…二是…) that skip, repeat, start late or mix schemes.

Checks the runs of 一是/二是/三是… and 第一，/第二，… in each paragraph: a
number skipped (一是 二是 四是), the same number twice, a run that starts at
二是 or 三是 because its first marker was lost, and a run that mixes schemes
(第一，…二是…). A run restarts in every paragraph, may continue from the
paragraph before (…二是…。¶三是…), and may start afresh after a sentence
that announces a second list (提出三点意见。一是…). A lone 一是 with no sequel
is fine, markers inside 《》 or “” belong to a quoted title, and ordinals in
names are not an enumeration (第三、第五巡察组, 第四、五巡察组, 巡察一组).

Why: the convention of rectification notices. Measures are enumerated 一是…二是…三是…; a gap
tells the reader that a measure was cut, and a run starting at 二是 shows
that its first marker was lost in editing.

Bad:  整改情况：一是建立台账。二是定期通报。四是跟踪问效。
Good: 整改情况：一是建立台账。二是定期通报。三是跟踪问效。
Bad:  整改情况：超范围资金已全额上缴。二是优化筛查流程。
Good: 整改情况：一是超范围资金已全额上缴。二是优化筛查流程。
Good: 一是要坚持问题导向，统一思想认识。
Good: 市委第四、五巡察组和第三、第五巡察组分别进驻。
Good: 整改情况：一是建立台账。二是定期通报。
  三是跟踪问效。
Good: 会议听取了汇报。一是压实责任，二是加强督导。会议提出三点要求。一是提高站位，二是细化措施，三是强化问责。
"""

from __future__ import annotations

import bisect

from rectlint import patterns
from rectlint.finding import Hit
from rectlint.messages import phrase, say
from rectlint.conventions.markers import run_marker_text

DOC_ZH = """段落内的列举（一是…二是…）跳号、重复、不从一开始或混用体例。

检查每段中的“一是/二是/三是…”和“第一，/第二，…”：跳号（一是、二是、四是）、重复、
因第一个标记丢失而从“二是”或“三是”开始，以及混用体例（第一，…二是…）。列举在每段重新开始，
也可接续上一段（…二是…。¶三是…），在宣布另一组列举的句子之后可重新开始（提出三点意见。
一是…）。只有一个“一是”不算错误；书名号或引号内的标记属于引用的标题；名称中的序数不是列举（第三、
第五巡察组）。

依据：整改通报的行文惯例是以“一是…二是…三是…”列举措施；跳号说明有措施被删，从“二是”
开始说明第一个标记在编辑中丢失。
"""

ID = "inline-enumeration"
CATEGORY = "ordinal"
SEVERITY = "warning"
OPTIONS: dict = {}

_QUOTED = patterns.compile(r"《[^》]*》|“[^”]*”")
_SENTENCE_END = set("。:;!?")


def _missing(scheme: str, first: int, last: int) -> list:
    """The markers first..last, listed when few ("一是”“二是"), as a range when many."""
    if last - first < 3:
        return [run_marker_text(scheme, n) for n in range(first, last + 1)]
    return [phrase("inline-enumeration.range", first=run_marker_text(scheme, first),
                   last=run_marker_text(scheme, last))]


def _sequences(doc, markers):
    """Markers split into runs: one per scheme, and a new one where a run restarts at 一
    after a sentence that announces it (提出三点意见。一是…)."""
    runs, current = [], {}
    for m in markers:
        run = current.get(m.scheme)
        before = doc.folded[max(0, m.start - 8):m.start].rstrip()[-1:]
        if run is None or (m.number == 1 and run[-1].number >= 1 and before in _SENTENCE_END):
            run = []
            current[m.scheme] = run
            runs.append(run)
        run.append(m)
    return runs


def _heading_between(starts: list, start: int, end: int) -> bool:
    """Whether a heading line starts in [start, end); `starts` is sorted."""
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


def check(doc, options):
    heading_starts = sorted(h.line.start for h in doc.outline.headings)
    prev = None  # the last run of the previous paragraph: it may continue here (…二是。¶三是…)
    for run in doc.outline.runs:
        para = run.paragraph
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(doc.folded, para.start, para.end)]
        markers = [m for m in run.markers if m.scheme in ("shi", "di") and m.number
                   and not any(a <= m.start < b for a, b in quoted)]
        if not markers:
            continue
        sequences = _sequences(doc, markers)
        for seq in sequences:
            yield from _check_sequence(seq, markers, prev, heading_starts)
        last = max(sequences, key=lambda q: q[-1].start)
        prev = (last, para.end)


def _check_sequence(seq, markers, prev, heading_starts):
    scheme, first = seq[0].scheme, seq[0]
    if first.number > 1:
        other = [m for m in markers if m.scheme != scheme and m.start < first.start]
        continued = (prev is not None and prev[0][-1].scheme == scheme
                     and prev[0][-1].number + 1 == first.number
                     and not _heading_between(heading_starts, prev[1], first.start))
        if other and other[-1].number == first.number - 1:
            yield Hit(first.start, first.end,
                      **say("inline-enumeration.mixed", other=run_marker_text(other[-1].scheme, 1),
                            this=run_marker_text(scheme, 1)))
            return
        if not continued:
            yield Hit(first.start, first.end,
                      **say("inline-enumeration.late-start", first=run_marker_text(scheme, first.number),
                            missing=_missing(scheme, 1, first.number - 1)))
    for prev_m, cur in zip(seq, seq[1:]):
        if cur.number == prev_m.number + 1:
            continue
        before, after = run_marker_text(scheme, prev_m.number), run_marker_text(scheme, cur.number)
        if cur.number == prev_m.number:
            message = say("inline-enumeration.repeated", marker=after)
        elif cur.number > prev_m.number:
            message = say("inline-enumeration.skips", before=before, after=after,
                          missing=_missing(scheme, prev_m.number + 1, cur.number - 1))
        else:
            message = say("inline-enumeration.order", before=before, after=after)
        yield Hit(cur.start, cur.end, **message)
