"""Half-width , : ; ( ) ? ! and straight quotes " " in Chinese running text.

Counts, for each mark, the half-width forms that touch Chinese text and the
full-width forms of the document's body:
- only half-width: the document's consistent choice (often a normalised web
  page) gets one info-level summary per mark, not hundreds of findings;
- mostly full-width (over all marks together): each stray half-width mark is
  reported, with its full-width form as the suggestion;
- mostly half-width with some full-width: one summary of the mixed use per mark.

Straight double quotes are judged apart, against the document's own “”: a pair on one
line around Chinese text ("挂号") is reported each where the document mostly quotes with
“”, summarised once where it never does, and the opening one becomes “, the closing ”.

Numbers (1,000; 12:30), e-mail addresses, web addresses, Latin text and a markup
attribute's value (alt="…") are left alone.

Why: GB/T 15834-2011 §4 gives Chinese running text the full-width forms
，：；（）？！, and §4.8 (引号) quotes Chinese with “”. Mixing widths looks careless on a
published page.

Bad:  一是建立台账，二是定期核对,三是跟踪问效。
Good: 一是建立台账，二是定期核对，三是跟踪问效，网址为https://example.cn，共1,000人。
Bad:  落实“三个聚焦”要求，对整改任务进行"挂号"管理。
Good: 落实“三个聚焦”要求，对整改任务进行“挂号”管理。
"""

from __future__ import annotations

from collections import defaultdict

import bisect

from rectlint import patterns
from rectlint.finding import Fix, Hit
from rectlint.messages import say

DOC_ZH = """中文正文中的半角 , : ; ( ) ? ! 和直引号 " "。

对每种标点，统计与中文相邻的半角形式和正文中的全角形式：全文只用半角的（常见于经过规范化的网页）
，每种标点只给一条提示级汇总，而不是几百条问题；以全角为主的，逐个报告混入的半角标点，建议改为全角；
以半角为主而夹有全角的，每种标点给一条混用汇总。直双引号单独按全文自己的“”判断：同一行内一对直引号
括住中文（"挂号"）的，全文以“”为主时逐处报告，全文从不用“”时只汇总一次；前一个改为“，后一个改为”。
数字（1,000；12:30）、电子邮件地址、网址、拉丁文字和标记属性值（alt="…"）不检查。

依据：GB/T 15834-2011 第4章规定中文正文使用全角的 ，：；（）？！，第4.8条（引号）规定中文引号用“”。全半角混用的页面显得粗疏。
"""

ID = "punctuation-width"
CATEGORY = "punctuation"
SEVERITY = "warning"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}

FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
_CJK = r"[\p{Han}“”‘’《》〈〉〔〕【】、。…—]"
_HALF = patterns.line_pattern(rf"(?<={_CJK})[,:;?!()]|[,:;?!()](?={_CJK})|(?<={_CJK}\d{{1,3}})\)|\((?=\d{{1,3}}\){_CJK})")
# An e-mail's local part is at most 64 characters (RFC 5321): the bound keeps the guard linear
# on a long run of letters with no @ in it.
_SKIP = patterns.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+|https?://\S+|www\.\S+")
_CLASS = {"(": "()", ")": "()"}


def _addresses(doc, line) -> tuple[list, list]:
    """The web and e-mail addresses of a line: their spans, apart and in order, and their starts."""
    spans = [m.span() for m in _SKIP.finditer(doc.text, line.start, line.end)]
    return spans, [a for a, _ in spans]


def _in_address(spans: list, starts: list, a: int, b: int) -> bool:
    """Whether text[a:b] reaches into one of a line's addresses (`_addresses`): of them, the last
    to start before b is the one that may."""
    k = bisect.bisect_left(starts, b) - 1
    return k >= 0 and spans[k][1] > a


def half_width_marks(doc):
    """Offsets of half-width marks in Chinese running text, by mark class."""
    found = defaultdict(list)
    halves = doc.matches(_HALF, doc.body_lines(), doc.text)
    for number, half in halves.items():
        spans, starts = _addresses(doc, doc.lines[number - 1])
        for m in half:
            if not _in_address(spans, starts, m.start(), m.end()):
                found[_CLASS.get(m.group(), m.group())].append(m.start())
    return found


# A pair of straight double quotes on one line around text that holds Chinese (GB/T 15834-2011
# §4.8: Chinese text quotes with “”): not after = (a markup attribute's value, alt="…").
_QUOTED = patterns.line_pattern(r'(?<![=A-Za-z0-9_])"(?=[^"\r\n]{0,80}\p{Han})([^"\r\n]{1,80})"')


def half_width_quotes(doc) -> list:
    """(offset, full-width form) of each straight double quote of a pair around Chinese text,
    the opening one “ and the closing one ”."""
    out = []
    for number, pairs in doc.matches(_QUOTED, doc.body_lines(), doc.text).items():
        spans, starts = _addresses(doc, doc.lines[number - 1])
        for m in pairs:
            if not _in_address(spans, starts, m.start(), m.end()):
                out += [(m.start(), "“"), (m.end() - 1, "”")]
    return out


def _full_counts(doc, lines, marks=tuple(FULL.values())) -> dict:
    """How often each of the full-width `marks` occurs in the given lines."""
    return {c: sum(doc.text.count(c, line.start, line.end) for line in lines) for c in marks}


def _judged(found: list, marks: str, wanted: str, full: int, all_full: int, all_half: int):
    """The findings on one class of half-width marks, `found` as (offset, mark, full-width form),
    `full` the class's full-width marks: judged by the document's choice over `all_full` and
    `all_half` (none full-width: one info summary; mostly full-width: each; else one summary of
    the mixed use)."""
    every = Fix(tuple((p, p + 1, form) for p, _, form in found))
    p = found[0][0]
    if all_full == 0:
        yield Hit(p, p + 1, severity="info", fix=every,
                  **say("punctuation-width.all-half", marks=marks, half=len(found), wanted=wanted))
    elif all_full >= all_half:
        for p, mark, form in found:
            yield Hit(p, p + 1, **say("punctuation-width.half", mark=mark, full=form), suggestion=form,
                      fix=Fix.replace(p, p + 1, form))
    else:
        yield Hit(p, p + 1, fix=every,
                  **say("punctuation-width.mixed", wanted=wanted, marks=marks, full=full, half=len(found)))


def _quotes(doc):
    """Straight quotes judged against the document's own “”, apart from the other marks: a
    normalised page keeps its “” (NFKC leaves them), and counted with its , : ; they would turn
    its one summary into a finding a mark."""
    found = [(p, '"', form) for p, form in half_width_quotes(doc)]
    if found:
        full = sum(_full_counts(doc, doc.body_lines(), "“”").values())
        yield from _judged(found, '"', "“”", full, full, len(found))


def check(doc, options):
    yield from _quotes(doc)
    marks = half_width_marks(doc)
    if not marks:
        return
    counts = _full_counts(doc, doc.body_lines())
    # The document's choice is judged over all marks together: a full-width draft
    # with one stray "(" has no full-width bracket yet, but its choice is clear.
    total_full = sum(counts.values())
    total_half = sum(len(p) for p in marks.values())
    for mark_class, positions in sorted(marks.items()):
        full = sum(counts[FULL[c]] for c in mark_class)
        wanted = "".join(FULL[c] for c in mark_class)
        found = [(p, doc.text[p], FULL[doc.text[p]]) for p in positions]
        yield from _judged(found, mark_class, wanted, full, total_full, total_half)
