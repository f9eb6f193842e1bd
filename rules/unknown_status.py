"""A completion status outside the configured vocabulary.

Checks each item's status text against the vocabulary (option `vocabulary`,
default: the terms used in published notices, 已完成整改, 已完成, 完成, 已整改到位,
已办结, 基本完成, 阶段性完成, 正在整改, 持续整改, 长期坚持, 立行立改) and
suggests the nearest term when one is close.

Why: summary counts and readers rely on a fixed set of statuses; a variant
such as 已完整改 or 完毕 cannot be counted and may be a typing error.

Bad:  关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。
  整改结果：已完整改。
Good: 关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。
  整改结果：已完成整改。
"""

from __future__ import annotations

from rectlint.finding import Fix, Hit
from rectlint.messages import phrase, say

from rectlint.conventions.status import VOCABULARY, in_vocabulary, read, terms

DOC_ZH = """不在所配置词表中的整改状态。

把每个条目的状态与词表（选项 `vocabulary`，默认为已发布通报中使用的说法：已完成整改、
已完成、完成、已整改到位、已办结、基本完成、阶段性完成、正在整改、持续整改、长期坚持、立行立改）
比对，相近时建议最接近的说法。

依据：汇总统计和读者都依赖一组固定的状态说法；“已完整改”“完毕”之类的变体无法计数，也可能是笔误。
"""

ID = "unknown-status"
CATEGORY = "status"
SEVERITY = "warning"
OPTIONS = {"vocabulary": list(VOCABULARY)}


def check(doc, options):
    vocabulary = options["vocabulary"]
    for h in doc.outline.items:
        status = h.status
        if status is None:
            continue
        written = doc.folded[status.start:status.end]
        marks = (",", "、", ";", "/", "。")
        dangling = written.strip(" ")[-1:] in marks or written.strip(" ")[:1] in marks
        if not dangling and in_vocabulary(written, vocabulary):
            continue
        unknown = next((t for t in terms(written) if not in_vocabulary(t, vocabulary)), written)
        if dangling or (status.form == "sentence" and read(written) is None):
            unknown = doc.text[status.start:status.end]  # a garbled sentence is quoted whole
        import difflib  # only here: most notices use the vocabulary

        near = difflib.get_close_matches(unknown, vocabulary, n=1, cutoff=0.5) if not dangling else []
        suggestion = status.text.replace(unknown, near[0]) if near and status.form != "sentence" else None
        hint = phrase("unknown-status.hint", near=near[0]) if near else ""
        yield Hit(status.start, status.end, **say("unknown-status", unknown=unknown, hint=hint),
                  suggestion=suggestion,
                  fix=Fix.replace(status.start, status.end, suggestion, "unsafe") if suggestion else None)
