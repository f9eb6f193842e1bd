"""What a notice repeats by nature around its items, as against a copied passage (not a rule).

A notice frames its items alike. An item's measures open with a label (整改措施及成效：), a clause
saying when the work began (收到巡察反馈问题后， / 2025年以来，), the body that acted as the
clause's subject, however long its name and with its members in brackets
(县委宣传部（含县融媒体中心、县文联）), and how promptly or seriously it acted (高度重视，立即召开
党组会议，专题研究部署整改工作); they close with stock words (举一反三). A ledger's row
flattened into a line of fields (责任单位：…；责任领导：…；整改时限：…) repeats for every item that
shares them. A report's dateline (——2025年6月24日在…会议上) says when and where it was delivered,
and repeats where one page holds two reports. None of that says what was done; a clause that counts (召开党组会议专题研究整改工作3次) does, and is no formula. What a
passage carries beyond its frame is its substance: what was done, found or counted.
`substance` counts it, so that the duplicate-passage rule can tell a pasted measure from two
items opened with the same formula. See docs/conventions.md#copies.

Patterns are written for `Document.folded` text (，：；（） read as ASCII).
"""

from __future__ import annotations

from .. import patterns
from .numbers import UNIT

# Where a clause ends. 、 lists parts of one clause (a body's members), so it does not end one.
_CLAUSE_END = patterns.compile(r"[,;:。!?]")
LABEL_MAX = 10  # letters and digits in a label (整改措施及成效：, 主要做法：, 其中：)
WHEN_MAX = 20  # letters and digits in a clause that dates the work (收到县委第三巡察组反馈意见后：14)
# A clause that dates the start of the work: 收到…反馈意见后, 巡察反馈后, 2025年以来, 整改启动之后.
_WHEN = patterns.compile(r"(?:之?后|以来)\s*$")
# A clause that only says when, and where a text was delivered: the dateline under a report's
# title (——2025年6月24日在县第十八届人民代表大会常务委员会第九次会议上), or a date alone.
_NUM = r"(?:\d{1,4}|[〇零一二三四五六七八九十]{1,4})"
_DATELINE = patterns.compile(rf"^\s*[—\-－]*\s*{_NUM}年(?:{_NUM}月(?:{_NUM}日)?)?\s*(?:在\p{{Han}}{{1,40}}?上)?\s*$")
# How promptly or seriously a body acted, the meeting it called and what the meeting was for
# (专题研究部署整改工作): the opener's formula words. A closing formula: 举一反三.
_FORMULA = (r"高度重视|十分重视|非常重视|立即|立刻|马上|迅速|第一时间|随即|当即|及时|认真|切实|积极|主动"
            r"|(?:组织)?召开\p{Han}{0,8}?会议?|举一反三")
_AGENDA = (r"(?:专题)?(?:研究部署|研究|部署|传达学习|学习传达)\p{Han}{0,12}?"
           r"(?:整改工作|整改任务|整改事项|整改|反馈意见|工作)")
_FORMULA_WORD = patterns.compile(rf"{_FORMULA}|{_AGENDA}")
# A clause that counts (召开党组会议…3次) reports what was done: its words are not a formula.
_COUNT = patterns.compile(rf"\d+(?:\.\d+)?[万亿]?{UNIT}")
# What ends the name of a body: 局, 党组, 委员会, 中心, 县委宣传部, 市法院, 巡察组…
_BODY = (r"(?:党组|党委|党工委|党总支|总支|支部|委员会|人大常委会|政府|办公室|办|局|厅|部|委|院|所|中心|站|队"
         r"|处|科|室|巡察组|巡视组|组|公司|集团|学校|医院|银行|街道|社区|村|镇|乡|联|协会|学会|联合会)")
# The clause's subject: a body's name at the clause's start, then its members in brackets or a
# formula word (县委宣传部（含…）迅速…, 市法院党组高度重视). Read with the longest name so followed;
# a name followed by what the body did (局党组制定…) is read as part of what it did.
# A marker may come first (1., （二）, 一是).
_MARKER = r"(?:\(?[一二三四五六七八九十\d]{1,3}[)、.]|[一二三四五六七八九十]{1,3}是)?"
_SUBJECT = patterns.compile(rf"\s*{_MARKER}\p{{Han}}{{0,20}}{_BODY}(?:\([^()]{{1,80}}\))?(?=\(|{_FORMULA})")
# Members listed after a name anywhere in a clause: 区文旅局（区图书馆、区文化馆）, （含…）, （包括…）.
_MEMBERS = patterns.compile(rf"(?<={_BODY})\([^()]{{1,80}}\)|\((?:含|包括)[^()]{{1,80}}\)")


def _label(clause: str, mark: str) -> bool:
    return mark == ":" and sum(ch.isalnum() for ch in clause) <= LABEL_MAX


def _frame(clause: str, mark: str, field: bool, mask: bytearray, at: int) -> None:
    """Mark in `mask`, from `at`, the framing characters of a clause whose end mark is `mark`
    ("" at the line's end); `field` when it is the value of a label in a line of fields."""
    if (field or _label(clause, mark) or _DATELINE.match(clause)
            or (sum(ch.isalnum() for ch in clause) <= WHEN_MAX and _WHEN.search(clause))):
        mask[at:at + len(clause)] = b"\1" * len(clause)
        return
    subject = _SUBJECT.match(clause)
    if subject:
        mask[at:at + subject.end()] = b"\1" * subject.end()
    formula = () if _COUNT.search(clause) else _FORMULA_WORD.finditer(clause)
    for m in (*formula, *_MEMBERS.finditer(clause)):
        mask[at + m.start():at + m.end()] = b"\1" * (m.end() - m.start())


def substance(folded: str, line_start: int, line_end: int, start: int, end: int) -> int:
    """Letters and digits of folded[start:end] (within the line line_start..line_end) that are
    not its frame: labels, clauses dating the start of the work, the acting body named as a
    clause's subject, the members listed after a name, the opener's and closer's formula words,
    and in a line of fields (责任单位：…；责任领导：…；整改时限：…, a ledger's row flattened) each
    label's value that is a clause of its own: a name, a person, a deadline. Figures count: they
    are what was counted (a template's figures, filled otherwise, are told apart before)."""
    clauses = []  # (start, end, the mark that ends it)
    pos = line_start
    while pos < line_end:
        m = _CLAUSE_END.search(folded, pos, line_end)
        stop = m.start() if m else line_end
        clauses.append((pos, stop, m.group() if m else ""))
        pos = stop + 1
    labels = [_label(folded[a:b], mark) for a, b, mark in clauses]
    fields = sum(labels) >= 2
    mask = bytearray(line_end - line_start)
    for k, (a, b, mark) in enumerate(clauses):
        if b <= start or a >= end:
            continue  # the clauses the span touches are read whole: a span may start or end in one
        field = fields and k > 0 and labels[k - 1] and mark in ("", ";", "。")
        _frame(folded[a:b], mark, field, mask, a - line_start)
    return sum(1 for i in range(start, end) if folded[i].isalnum() and not mask[i - line_start])
