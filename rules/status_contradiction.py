"""An item marked finished whose measures, or whose status itself, speak of unfinished work.

Flags an item whose status claims completion (已完成整改, 已完成, 已整改到位, 已办结, 整改完毕…)
while its measures say 预计…完成, 正在推进, 尚未…, 计划…前完成, 下一步将…, 仍在…, 后续将…,
完成过半, 剩余…按计划…; and a status that says both in one breath (已完成，计划于2026年6月底前完成
验收; 已完成整改，正在推进), which is a contradiction, not an unknown status. The same words are
normal under 阶段性完成, 基本完成, 正在整改, 持续整改 and 长期坚持, and are not flagged there;
upkeep after a done status (已完成整改，需长期坚持) is not a plan.

Why: inspectors read exactly these contradictions as a
false report of completion; the status should say 阶段性完成 or 正在整改
until the work is done.

Bad:  关于巡察整改进展情况的通报
  二、整改落实情况
  1.人员短缺。
  整改结果：已完成整改。
  整改情况：已发布招聘公告，预计12月底前完成招聘。
Good: 关于巡察整改进展情况的通报
  二、整改落实情况
  1.人员短缺。
  整改结果：阶段性完成。
  整改情况：已发布招聘公告，预计12月底前完成招聘。
Bad:  关于巡察整改进展情况的通报
  二、整改落实情况
  1.人员短缺。
  整改结果：已完成，计划于2026年3月底前完成招聘。
Good: 关于巡察整改进展情况的通报
  二、整改落实情况
  1.人员短缺。
  整改结果：阶段性完成，计划于2026年3月底前完成招聘。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.finding import Hit
from rectlint.messages import say

from rectlint.conventions.status import COMPLETE, is_complete, read, status_sentences

DOC_ZH = """标为已完成、但措施中或状态本身写着未来或未完成工作的条目。

条目状态称已完成（已完成整改、已完成、已整改到位、已办结、整改完毕…），而措施中却写着“预计…完成”
“正在推进”“尚未…”“计划…前完成”“下一步将…”“仍在…”“后续将…”“完成过半”“剩余…按计划…”时报告；
状态本身同时说两件事（已完成，计划于2026年6月底前完成验收；已完成整改，正在推进）也报告，这是矛盾，
不是不规范用语。在“阶段性完成”“基本完成”“正在整改”“持续整改”“长期坚持”之下，这些说法是正常的，
不报告；已完成之后的巩固要求（已完成整改，需长期坚持）不是计划。

依据：巡视巡察人员恰恰把这种矛盾视为虚报完成；工作完成之前，状态应写“阶段性完成”或“正在整改”。
"""

ID = "status-contradiction"
CATEGORY = "status"
SEVERITY = "warning"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS = {"complete": list(COMPLETE)}

_UNFINISHED = patterns.compile(
    r"预计[^。;]{0,20}?(?:完成|到位|办结|建成|投用|上线)|正在(?:推进|办理|实施|进行|整改|开展)|"
    r"尚未(?:完成|到位|办结|建立|出台|整改)?|计划[^。;]{0,20}?前完成|下一步将|仍在(?:推进|办理|整改)|"
    r"待[^。;]{1,12}?后(?:完成|办理|整改)|还未|未能完成|后续将|完成过半|剩余[^。;]{0,10}?(?:计划|将于|按计划|正在)")


def check(doc, options):
    for h in doc.outline.items:
        status = h.status
        if status is None:
            continue
        reading = read(doc.folded[status.start:status.end])
        if reading is not None and reading.plan is not None:
            # 已完成，计划于2026年6月底前完成验收: done and planned in one status.
            a, b = status.start + reading.plan[0], status.start + reading.plan[1]
            yield Hit(a, b, **say("status-contradiction.plan", phrase=doc.text[a:b]),
                      related=[(status.start, a)])
            continue
        if not is_complete(status.text, options["complete"]):
            continue
        m = next((m for lo, hi in _measures(doc, h) for m in _UNFINISHED.finditer(doc.folded, lo, hi)
                  if not _own_statement(doc.folded, lo, hi, m.start())), None)
        if m:
            phrase = doc.text[m.start():m.end()]
            yield Hit(m.start(), m.end(), **say("status-contradiction", status=status.text, phrase=phrase),
                      related=[(status.start, status.end)])


def _measures(doc, h) -> list[tuple[int, int]]:
    """The item's measures. A closing status sentence (…核对。该问题已整改完成。) follows its
    measures on the same line, so the body is read around it, not only after it."""
    status = h.status
    if status.form != "sentence":
        return h.measure_spans()
    spans = []
    if status.line.number == h.line.number:
        # 1.问题。整改情况：…。目前，该问题已整改到位。: the heading's paragraph, after its problem.
        stop = doc.folded.find("。", h.marker_end, status.start)
        spans += [(stop + 1 if stop >= 0 else status.start, status.start), (status.end, h.line.end)]
    for line in h.body:
        if line.number == status.line.number:
            spans += [(line.start, status.start), (status.end, line.end)]
        else:
            spans.append((line.start, line.end))
    return spans


def _own_statement(folded, lo, hi, at) -> bool:
    """Whether the words at `at` belong to a status sentence of their own that says of a problem
    that it is still open (目前该问题正持续推进，首期计划于…前完成): that sentence is not a measure of
    the item's status, but the status of another problem its paragraph states."""
    for a, b, p, _ in status_sentences(folded, lo, hi):
        if a <= at < b:
            reading = read(folded[a:b])
            return reading is not None and reading.phrase > 0 and reading.klass != "done"
    return False
