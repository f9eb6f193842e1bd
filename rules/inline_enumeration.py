"""Enumerations in the text (一是…二是…, 第一，…, ①②…) with a lost, repeated, skipped or broken marker.

Covers 一是, 第一，, 其一，, 首先…其次…, ①, ⑴ and mid-line （1） 1. 一、. Reads the runs of in-text ordinals under each heading (conventions/markers.py). Catches a number
skipped (一是 二是 四是), the same number twice, a run that starts at 二是 or 三是 because its
first marker was lost (not one whose 一是 is there, glued to the word before it where the mark
was lost: 各股室（单位）一是要…二是要…, nor a run of another scheme whose first marker is glued to
a label's closing bracket: 【提纲】一、…二、…), a run that mixes schemes (第一，…二是…), and a marker broken where its
run expects it: a character lost, doubled, swapped, wrong or stray (…。二推行… for 二是推行,
…。二、推行…, 三是是…, 。，三是…), whether it stands at the start of a line or mid-line after a
full stop. A run continues across the paragraphs under one heading (…二是…。¶三是…) and
restarts at 1 under the next heading, or after a sentence that is no part of it (提出三点意见。一是…,
下一步：一是…). A lone 一是 is fine, markers inside 《》 or “” belong to a quoted title, and
ordinals in names and words are no enumeration (第三、第五巡察组, 第四、五巡察组, 巡察一组, 第一书记,
统一是非), and a bare 是 after a comma, sentences after its run's last marker, is a predicate said
again (巡察是“体检”，是…举措，是…手段), not 二是 with its numeral lost. An odd mark after a
marker (第一、 第一： 一是、 ①、) is reported as info.

Why: the convention of rectification notices: measures are enumerated 一是…二是…三是…; a gap
tells the reader that a measure was cut, and a run starting at 二是 shows that its first marker was
lost in editing. GB/T 15834-2011 (appendix A, 序次语之后的标点) puts a comma after 第一/其一/首先
and nothing after a bracketed or circled number.

Bad:  整改情况：一是建立台账。二是定期通报。四是跟踪问效。
Good: 整改情况：一是建立台账。二是定期通报。三是跟踪问效。
Bad:  整改情况：超范围资金已全额上缴。二是优化筛查流程。
Good: 整改情况：一是超范围资金已全额上缴。二是优化筛查流程。
Bad:  整改情况：一是建立台账。二推行电子定位监管。
Good: 整改情况：一是建立台账。二是推行电子定位监管。
Good: 一是要坚持问题导向，统一思想认识。
Good: 一是统一思想。召开专题会议。巡察是全面“体检”，是重要举措，是有效手段。
Good: 市委第四、五巡察组和第三、第五巡察组分别进驻。
Good: 整改情况：一是建立台账。二是定期通报。
  三是跟踪问效。
Good: 会议听取了汇报。一是压实责任，二是加强督导。会议提出三点要求。一是提高站位，二是细化措施，三是强化问责。
"""

from __future__ import annotations

from rectlint.finding import Fix, Hit
from rectlint.messages import phrase, say
from rectlint.conventions.markers import run_marker_text

DOC_ZH = """段内列举（一是…二是…、第一，…、其一，…、首先…其次…、①②、句中的（1）（2））序号丢失、重复、跳号、
倒序、残缺或混用体例。

按每个标题下的段内列举检查（conventions/markers.py）：跳号（一是、二是、四是）、重复、因第一个标记丢失
而从“二是”或“三是”开始（“一是”仍在同一段、只是前面的标点丢失而与前文相连的不算：各股室（单位）一是要…二是要…；其他体例的第一个序号紧接标签的后括号的也不算：【提纲】一、…二、…）、混用体例（第一，…二是…），以及在应出现某一序号处序号残缺：丢失、重复、
颠倒、写错或多出一个字符（“…。二推行…”应为“二是推行”，“…。二、推行…”，“三是是…”，“。，三是…”），
无论在行首还是句号之后的句中。列举可跨越同一标题下的段落继续（…二是…。¶三是…），在下一个标题下
或在不属于列举的句子之后重新从一开始（提出三点意见。一是…，下一步：一是…）。只有一个“一是”不算错误；
书名号或引号内的标记属于引用的标题；名称和词语中的序数不是列举（第三、第五巡察组，第四、五巡察组，
巡察一组，第一书记，统一是非）；逗号后单独的“是”若与该列举上一个序号隔着句子，是重复的谓语（巡察是“体检”，是…举措，是…手段），
不是丢了数字的“二是”。序号后的不当标点（第一、 第一： 一是、 ①、）作为提示报告。

依据：整改通报的行文惯例是以“一是…二是…三是…”列举措施；跳号说明有措施被删，从“二是”开始说明
第一个标记在编辑中丢失。GB/T 15834-2011 附录A（序次语之后的标点）规定“第一”“其一”“首先”之后用逗号，
带括号或带圈的序号之后不用标点。
"""

ID = "inline-enumeration"
CATEGORY = "ordinal"
SEVERITY = "warning"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}


def _missing(scheme: str, first: int, last: int) -> list:
    """The markers first..last, listed when few ("一是”“二是"), as a range when many."""
    if last - first < 3:
        return [run_marker_text(scheme, n) for n in range(first, last + 1)]
    return [phrase("inline-enumeration.range", first=run_marker_text(scheme, first),
                   last=run_marker_text(scheme, last))]


def check(doc, options):
    text = doc.text
    for run in doc.outline.runs:
        for m in run.markers:
            written = text[m.start:m.end]
            if m.slip not in (None, "odd-mark"):
                if m.want is None:
                    continue
                what = phrase("broken-heading-marker.what." + m.slip, chars=m.detail)
                yield Hit(m.start, m.end, **say("inline-enumeration.broken", what=what, marker=written, want=m.want),
                          suggestion=m.want, fix=Fix.replace(m.start, m.end, m.want, "unsafe"))
                continue
            if m.fault is not None:
                yield _fault(m)
            if m.slip == "odd-mark":
                bare = written[:len(written) - len(m.mark)]
                want = bare + ("，" if m.scheme in ("di", "qi", "order") else "")
                yield Hit(m.start, m.end, **say("inline-enumeration.odd-mark", marker=bare, mark=m.mark),
                          severity="info", suggestion=want, fix=Fix.replace(m.start, m.end, want, "unsafe"))


def _fault(m):
    scheme = m.scheme
    if m.fault == "mixed":
        return Hit(m.start, m.end, **say("inline-enumeration.mixed", other=run_marker_text(m.mixed_with, 1),
                                         this=run_marker_text(scheme, 1)))
    if m.fault == "late-start":
        return Hit(m.start, m.end, **say("inline-enumeration.late-start", first=run_marker_text(scheme, m.number),
                                         missing=_missing(scheme, 1, m.number - 1)))
    before, after = run_marker_text(scheme, m.previous.number), run_marker_text(scheme, m.number)
    if m.fault == "repeat":
        message = say("inline-enumeration.repeated", marker=after)
    elif m.fault == "skip":
        message = say("inline-enumeration.skips", before=before, after=after,
                      missing=_missing(scheme, m.previous.number + 1, m.number - 1))
    else:
        message = say("inline-enumeration.order", before=before, after=after)
    return Hit(m.start, m.end, **message)
