"""A problem item that states no completion status.

Finds each problem item (the leaf headings of the section that lists the
problems and their measures) that gives no status in any of the accepted
forms: a labelled line (整改结果/整改状态/整改进度/整改进展/完成情况：已完成), inline
after a label, also in the item's own paragraph (1、问题。整改情况：已完成。一是…),
a sentence of its own (目前，该问题已整改完成。 / 此项已基本完成整改，需长期坚持。 /
该项整改已办结。), or a tag on the heading (…不规范。【已完成】 or （已完成）). Any status
the status grammar reads counts (docs/conventions.md#status), and so does a garbled
one, which unknown-status reports where it stands. One finding per item, on its
heading line.

Only rectification notices and audit reports are checked. A notice that
gives statuses only in its summary counts (已完成X个，正在整改Y个) and on no
item follows that convention and is not flagged; on a page cut off after
its last item, that item's status may lie beyond the cut and is not asked for.
Statuses are owed by problems: when no item states one and none carries a
measures label (整改情况：), the paragraphs of a section on how the work was
organised (一、组织落实整改情况 → 1.以高度政治自觉扛起责任。…) are not asked,
unless its heading names the problems too. A section whose sub-headings (two or more) are all
the organiser's own measures, each opening with its verb and naming no problem (一、健全组织领导，
抓紧抓实问题整改 → （一）强化组织核心，有序统筹部署 （二）强化跟踪指导…), is that organising part
whatever its heading says, and holds no items (where it is the only section on a cut page,
sub-headings that carry a measures or status label are still items: problems may be titled by their measures). In an audit report (审计查出问题整改情况的报告) an
item tells its rectification as the action taken, and that action stated as done (已将…收回,
已全部拨付, 完善了…制度), or dated before the report's date (县财政2022年8月份将…调入…; not a plan,
a …前 bound or a later date), is its status; in an inspection notice it is a measure, and the item
still owes a status.

Option `required`: `always` (default) flags every item without a status;
`auto` flags only when the document gives a status for some of its items;
`never` turns the check off.

Why: the point of a rectification notice is to tell the public which problems
are fixed (《中国共产党巡视工作条例》 requires publishing the rectification). An item with
no status leaves the reader guessing.

Bad:  关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。
  整改情况：一是建立台账。二是定期核对。
Good: 关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。【已完成】
  整改情况：一是建立台账。二是定期核对。
Good: 关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。
  整改情况：已完成。一是建立台账。二是定期核对。
Good: 关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。
  一是建立台账。二是定期核对。目前，该问题已整改完成。
"""

from __future__ import annotations

import bisect

from rectlint import patterns
from rectlint.conventions.chronology import read_chronology
from rectlint.conventions.counts import DONE
from rectlint.conventions.status import ORGANISING, PROBLEMS_NAMED
from rectlint.outline import has_label
from rectlint.finding import Hit
from rectlint.messages import say


DOC_ZH = """没有写明整改状态的问题条目。

找出列举问题及措施的部分中每个问题条目（末级标题），检查是否以任一公认形式写明状态：单独的标签行（整改结果/整改状态/整改进度/整改进展/完成情况：
已完成）、标签后的行内文字（包括在条目本段中：1、问题。整改情况：已完成。一是…）、单独成句（目前，
该问题已整改完成。）或标题后的标注（…不规范。【已完成】或（已完成））。每个条目报告一次，
位置在其标题行。只检查整改通报和审计整改报告。只在汇总数字中给出状态（已完成X个，正在整改Y个）
、条目中均不写状态的通报，遵循的是另一种惯例，不报告；页面在最后一条后被截断时，不要求该条的状态。
状态是问题条目应写的：没有任何条目写状态、也没有条目带措施标签（整改情况：）时，讲整改如何组织的部分
（一、组织落实整改情况 → 1.以高度政治自觉扛起责任。…）中的段落不要求写，除非其标题同时点明问题。
若某部分的下级标题（两个以上）全都是组织者自己的措施（以动词开头、不点明问题：（一）强化组织核心，有序统筹部署；（二）强化跟踪指导…），无论其标题怎么写（一、健全组织领导，抓紧抓实问题整改），它都是讲组织的部分，其中不取问题条目（页面截断、只剩这一部分时，带措施或状态标签的下级标题仍是条目：问题也可以用措施作标题）。
审计整改报告中，条目以所采取的行动说明整改，写明已经做到的行动（已将…收回、已全部拨付、完善了…制度），
或注明的日期早于报告日期的行动（县财政2022年8月份将…调入…；计划、“…前”期限或晚于报告的日期除外），
即是其状态；在巡视巡察整改通报中，这些只是措施，条目仍须写明状态。

选项 `required`：`always`（默认）报告每个没有状态的条目；`auto` 只在文档为部分条目写了状态时报告。

依据：整改通报要逐条说明整改进展；读者和监督者据此判断每个问题是否整改到位。
"""

ID = "missing-status"
CATEGORY = "status"
SEVERITY = "warning"
READS = ("dates",)  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS = {"required": "always"}
CHOICES = {"required": ("always", "auto", "never")}


def check(doc, options):
    required = options["required"]
    items = doc.outline.items
    if not doc.info.notice or required == "never":
        return
    if not any(h.status for h in items) and (required == "auto" or _summary_only(doc) or not _lists_problems(doc)):
        return
    if not doc.info.ends_whole:
        items = items[:-1]
    dated = _dated_before_report(doc) if doc.info.kind == "audit" else None
    for h in items:
        if h.status is None and not (dated is not None and _accomplished(doc, h, dated)):
            stop = doc.folded.find("。", h.marker_end, h.line.end)
            end = h.line.end if stop < 0 else stop
            yield Hit(h.marker_start, end, **say("missing-status", marker=h.marker))


def _lists_problems(doc) -> bool:
    """Whether the items are problems whose statuses the notice owes: some item carries a measures
    or status label, or the section that lists them is not one on how the work was organised
    (一、组织落实整改情况：1.以高度政治自觉扛起责任…): those paragraphs are no problems, and a page
    cut off before its problems shows only them."""
    if any(has_label(doc, h) for h in doc.outline.items):
        return True
    section = doc.outline.items_section
    if section is None:
        return True
    lo, hi = section.line.start, section.line.end
    return PROBLEMS_NAMED.search(doc.folded, lo, hi) is not None or ORGANISING.search(doc.folded, lo, hi) is None


# An action stated as done: the aspect 已 (已将…收回, 已全部拨付; not 而已) or a verb with 了
# (完善了…制度; not 为了, 除了, 了解).
_ACCOMPLISHED = patterns.compile(r"(?<!而)已\p{Han}|(?<![为除])(?<=\p{Han})了(?!解)")


def _accomplished(doc, h, dated: list) -> bool:
    """In an audit report, the rectification of a problem is told as the action taken, and that
    action stated as done is its status (（三）针对“…”问题。县财政已将…资金收回国库。), as is one
    dated before the report (`dated`: _dated_before_report). Only the item's own words count:
    after its problem sentence, and its body."""
    text = doc.folded
    stop = text.find("。", h.marker_end, h.line.end)
    spans = [(stop + 1, h.line.end)] if stop >= 0 else []
    spans += [(line.start, line.end) for line in h.body]
    for lo, hi in spans:
        k = bisect.bisect_left(dated, lo)
        if _ACCOMPLISHED.search(text, lo, hi) or (k < len(dated) and dated[k] < hi):
            return True
    return False


def _dated_before_report(doc) -> list[int]:
    """Where each date starts (in order) that dates an action before the report's date, as the
    notice's chronology reads it (县财政2022年8月份将…结余调入…): an action told with the day it
    was taken is told as done, where a plan (计划于…), a bound (…前) or a date after the report
    is not. Found once a document, each item's by bisection."""
    chronology = read_chronology(doc)
    if chronology.notice is None:
        return []
    return [d.written.start for d in chronology.dated
            if d.role == "done" and d.first is not None and d.first <= chronology.notice]


def _summary_only(doc) -> bool:
    """The notice states its statuses only as counts in its summary."""
    return any(DONE.search(doc.folded, line.start, line.end) for line in doc.outline.summary_lines)
