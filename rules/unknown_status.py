"""A completion status that does not read, or lies outside the configured vocabulary.

Reads each item's status with the status grammar (docs/conventions.md#status): an optional
time (目前，截至目前) and subject (该问题, 此项, 该项整改, 这一问题…), a main status built from
an aspect and a predicate (已完成整改, 已整改到位, 整改完毕, 已办结, 基本完成, 阶段性完成,
正在整改, 持续推进, 整改中, 长期坚持, 未完成, 立行立改, or a plan such as 计划于…前完成), and
continuations (，需长期坚持). Anything built from these parts is read. Flagged: a status that
nearly reads but does not (已完整改, 已完, 已已完成, 整改结果：，已完成, a stop inside it as in
此项。已完成整改 or 已完成。整改, a label run into it as in 整改结果已：完成, a tag run into its
heading, a status one edit from reading before its results or remark as in 整改进展：已成（2025年9月完成）
or 此项需长期坚，已建立长效机制), and, with a project vocabulary (option `vocabulary`), a status that is neither written
as one of its terms nor read as one (已整改完毕 reads as 已完成整改). The default vocabulary holds
every term the grammar stands for. The nearest term is suggested when one is close.

Why: summary counts and readers rely on a fixed set of statuses; a variant
such as 已完整改 or 已完结 cannot be counted and is usually a typing error.

Bad:  关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。
  整改结果：已完整改。
Good: 关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。
  整改结果：已完成整改。
Bad:  关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。
  建立台账并定期核对。此项。已完成整改。
Good: 关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。
  建立台账并定期核对。这一问题已全部整改到位。
Bad:  关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。
  整改进展：已成（2025年9月完成）
Good: 关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。
  整改进展：已完成（2025年9月完成）
"""

from __future__ import annotations

from rectlint.finding import Fix, Hit
from rectlint.messages import phrase, say

from rectlint.conventions.status import (ANY_LABEL, STATUS_LABELS, VOCABULARY, in_vocabulary, label_status, read,
                                         terms)

DOC_ZH = """读不通的整改状态，或不在所配置词表中的整改状态。

用整改状态语法读每个条目的状态：可选的时间（目前、截至目前）和主语（该问题、此项、该项整改、
这一问题…），由体貌词和谓语组成的主体（已完成整改、已整改到位、整改完毕、已办结、基本完成、阶段性完成、
正在整改、持续推进、整改中、长期坚持、未完成、立行立改，或“计划于…前完成”之类的计划），以及后续部分
（，需长期坚持）。由这些成分组成的状态都能读懂。报告：几乎能读通却读不通的状态（已完整改、已完、已已完成、
整改结果：，已完成、状态中间多出句号如“此项。已完成整改”“已完成。整改”、标签与状态粘连如“整改结果已：完成”、
标注与标题粘连、成果或括注之前差一个字就能读通的状态如“整改进展：已成（2025年9月完成）”“此项需长期坚，
已建立长效机制”）；配置了项目词表（选项 `vocabulary`）时，既不是词表中的写法、也读不成词表中说法的状态
（“已整改完毕”读作“已完成整改”）。默认词表包含语法所能读出的全部说法。相近时建议最接近的说法。

依据：汇总统计和读者都依赖一组固定的状态说法；“已完整改”“已完结”之类的变体无法计数，通常是笔误。
"""

ID = "unknown-status"
CATEGORY = "status"
SEVERITY = "warning"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS = {"vocabulary": list(VOCABULARY)}


_MARKS = (",", "、", ";", "/", "。")


def _statuses(doc, h):
    """(start, end, form) of the item's status, and of every other status label in its lines: an
    item read as one may hold sub-items that each state theirs (（1）…整改状态：已完成。（2）…)."""
    status = h.status
    if status is not None:
        yield status.start, status.end, status.form
    text = doc.folded
    for line in [h.line, *h.body]:
        if text.find(":", line.start, line.end) < 0:
            continue  # every label ends in a colon: most lines have none
        for m in ANY_LABEL.finditer(text, line.start, line.end):
            if m.group(1) not in STATUS_LABELS or (status is not None and m.end() == status.start):
                continue
            found = label_status(text, m.end(), line.end)
            if found and (status is None or not status.start <= found[0] < status.end):
                yield found[0], found[1], "line"


def check(doc, options):
    vocabulary = options["vocabulary"]
    for h in doc.outline.items:
        for start, end, form in _statuses(doc, h):
            hit = _check(doc, start, end, form, vocabulary)
            if hit is not None:
                yield hit


def _check(doc, start, end, form, vocabulary):
    written = doc.folded[start:end]
    # 已完成整改， or ，已完成: a stray mark makes the whole status garbled.
    dangling = written.strip(" ")[-1:] in _MARKS or written.strip(" ")[:1] in _MARKS
    if not dangling and in_vocabulary(written, vocabulary):
        return None
    part = written
    if not dangling and not (form == "sentence" and read(written) is None):
        part = next((t for t in terms(written) if not in_vocabulary(t, vocabulary)), written)
    at = written.find(part)
    unknown = doc.text[start + at:start + at + len(part)]
    import difflib  # only here: most notices use the vocabulary

    near = difflib.get_close_matches(part, vocabulary, n=1, cutoff=0.5) if not dangling else []
    suggestion = None
    if near and form != "sentence":
        whole = doc.text[start:end]
        suggestion = whole[:at] + near[0] + whole[at + len(part):]
    hint = phrase("unknown-status.hint", near=near[0]) if near else ""
    return Hit(start, end, **say("unknown-status", unknown=unknown, hint=hint), suggestion=suggestion,
               fix=Fix.replace(start, end, suggestion, "unsafe") if suggestion else None)
