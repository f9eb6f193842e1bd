"""Unbalanced paired punctuation within a paragraph.

Catches an opening mark with no closing partner, or a closing mark with no
opening one, for “” ‘’ （） 《》 〈〉 〔〕 【】, in full and half width. The
finding points at the unmatched mark itself.

Why: GB/T 15834-2011 §4.8 (引号), §4.9 (括号) and §4.15 (书名号) use
these marks in pairs, and a pair never spans paragraphs. A lost half usually
means text was cut or pasted badly, for example a document name whose closing
》 went missing, or a quotation that never ends.

A paragraph with more unmatched marks than `max-per-paragraph` (20) lists
that many and sums up the rest in one finding: past that, the paragraph is
one problem, not hundreds. In a text that starts or ends part-way (a page cut off), the first
paragraph's closers and the last paragraph's openers may have their partner
outside the text and are not reported. Ordinal markers such as `1)` or `一）`
are not unpaired brackets, and a heading
whose marker lost its opening half (`）主要负责人…`) is reported by the
ordinal rules instead.

Bad:  组织学习《中国共产党党组工作条例，提升规范化水平。
Good: 组织学习《中国共产党党组工作条例》，提升规范化水平。
Good: 设专门电话(接听时间为工作日上午9:00至下午5:00)，受理来电。
Good: 英文版标题为 Report on the People’s Congress，附后。
"""

from __future__ import annotations

import regex

from rectlint import patterns
from rectlint.finding import Hit
from rectlint.messages import say

DOC_ZH = """段落内不成对的标点。

查出 “” ‘’ （） 《》 〈〉 〔〕 【】（全角和半角）中只有前一半或只有后一半的标点，
位置指向落单的那个标点。不成对标点多于 `max-per-paragraph`（20）个的段落，
只列出这么多，其余合并为一条：到这个程度，整段是一个问题，而不是几百个问题。文本从中间开始或在中间结束（页面被截断）
时，第一段的后一半和最后一段的前一半可能在文本之外，不报告。“1)”“一）”这样的序号不算落单的括号。

依据：GB/T 15834-2011 第4.8条（引号）、第4.9条（括号）和第4.15条（书名号）
规定这些标点成对使用，且不跨段。缺了一半通常说明文字被截断或粘贴有误，例如文件名缺了后书名号，
或引文没有结束。
"""

ID = "paired-punctuation"
CATEGORY = "punctuation"
SEVERITY = "warning"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS = {"max-per-paragraph": 20}

# Folded text: （） are already ( ).
_PAIRS = {"“": "”", "‘": "’", "(": ")", "《": "》", "〈": "〉", "〔": "〕", "【": "】"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
# ’ between two Latin letters is an apostrophe (People’s: Unicode's preferred apostrophe), not
# half of a quotation.
_MARK = patterns.line_pattern("[" + regex.escape("".join(_PAIRS) + "".join(_CLOSERS).replace("’", "")) + "]"
                              "|(?<![A-Za-z])’|’(?![A-Za-z])")
# "1)" "a)" "一)" after a boundary: an enumeration marker, not half a pair.
_ORDINAL = patterns.line_pattern(r"(?:^|(?<=[\s,;:.。、，；：!?！？]))(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})\)")


_BATCH = 2000  # paragraphs whose marks are held at once


def check(doc, options):
    headings = {h.line.number: h for h in doc.outline.headings}
    paras = doc.body_paragraphs()
    # Where a saved page was cut, the other half of a pair lies outside the text.
    # By where they start, not by identity: a long document's paragraphs are made when asked for.
    cut_start = paras[0].start if paras and not doc.info.starts_whole else None
    cut_end = paras[-1].start if paras and not doc.info.ends_whole else None
    limit = options["max-per-paragraph"]
    # The marks are found a batch of paragraphs at a time: a match object for every bracket of a
    # 10 MiB draft at once took 150 MiB.
    for at in range(0, len(paras), _BATCH):
        batch = paras[at:at + _BATCH]
        lines = doc.paragraph_lines(batch)
        marks, ordinals = doc.matches(_MARK, lines), doc.matches(_ORDINAL, lines)
        for para in batch:
            if para.count == 1:  # a paragraph of a plain-text draft is one line
                found = marks.get(para.number)
            else:
                found = [m for line in para.lines for m in marks.get(line.number, ())]
            if not found:
                continue
            skip = {m.end() - 1 for line in para.lines for m in ordinals.get(line.number, ())}
            first = headings.get(para.number)
            if first is not None:
                skip.update(range(first.marker_start, first.marker_end))
            if _balanced(found, skip):
                continue
            hits = sorted(_unmatched(doc, found, skip, para.start != cut_start, para.start != cut_end),
                          key=lambda h: h.start)
            yield from hits[:limit]
            if len(hits) > limit:
                rest = hits[limit]
                yield Hit(rest.start, rest.end,
                          **say("paired-punctuation.more", more=len(hits) - limit, limit=limit))


def _balanced(marks, skip) -> bool:
    """Whether every mark of a paragraph closes the one opened last, as in most paragraphs: then
    _unmatched finds nothing, and is not asked. Marks at `skip` are passed over as _unmatched
    passes them (an opener always; a closer when no mark of its kind is open)."""
    stack = []
    for m in marks:
        ch = m.group()
        if ch in _PAIRS:
            if m.start() not in skip:
                stack.append(ch)
            continue
        opener = _CLOSERS[ch]
        if m.start() in skip and opener not in stack:
            continue
        if not stack or stack[-1] != opener:
            return False
        stack.pop()
    return not stack


def _unmatched(doc, marks, skip, closers: bool, openers: bool):
    """Unmatched marks among one paragraph's `marks` (matches of _MARK). Each kind of opener
    keeps the stack positions of its open marks, so finding a closer's partner costs no scan of
    the stack."""
    stack: list[tuple[str, int]] = []
    open_at: dict[str, list[int]] = {ch: [] for ch in _PAIRS}
    for m in marks:
        pos, ch = m.start(), m.group()
        # A marker such as "1)" is skipped unless it closes an open bracket: "(下午5:00)".
        if pos in skip and not (ch in _CLOSERS and open_at[_CLOSERS[ch]]):
            continue
        if ch in _PAIRS:
            open_at[ch].append(len(stack))
            stack.append((ch, pos))
        elif ch in _CLOSERS:
            opener = _CLOSERS[ch]
            if not open_at[opener]:
                if closers:
                    yield _unmatched_closer(doc, pos)
                continue
            depth = open_at[opener][-1]
            for inner, open_pos in stack[depth + 1:]:
                open_at[inner].pop()
                yield _unmatched_opener(doc, open_pos)
            open_at[opener].pop()
            del stack[depth:]
    if openers:
        for _, open_pos in stack:
            yield _unmatched_opener(doc, open_pos)


def _unmatched_opener(doc, pos):
    mark = doc.text[pos]
    close = _PAIRS.get(doc.folded[pos], "")
    if mark != doc.folded[pos]:
        close = {")": "）"}.get(close, close)
    return Hit(pos, pos + 1,
               **say("paired-punctuation.unclosed", mark=mark, close=close))


def _unmatched_closer(doc, pos):
    mark = doc.text[pos]
    opener = _CLOSERS[doc.folded[pos]]
    if mark != doc.folded[pos]:
        opener = {"(": "（"}.get(opener, opener)
    return Hit(pos, pos + 1,
               **say("paired-punctuation.unopened", mark=mark, opener=opener))
