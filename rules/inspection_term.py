"""巡视 written for 巡察, or 巡察 for 巡视, against the team the lead names.

A 巡视 is made by the centre or a province (省委第六巡视组), a 巡察 by a city or
county committee (县委第二巡察组). Once the lead names the team, the notice's
own words follow it: a 巡察 notice speaks of 巡察组, 巡察反馈 and 巡察意见,
and its title and headings of 巡察整改 (running text may discuss 巡视整改 as
such). The other word with one of those nouns is flagged, unless it names
another inspection (中央巡视, 省委巡视…; 市县巡察…), stands in a combined phrase
(巡视巡察, 巡察巡视) or in a cited title (《中国共产党巡视工作条例》).

Why: the two words name different inspections by different bodies; a notice
that mixes them misnames its own inspection.

Bad:  关于巡察整改进展情况的通报
  2025年3月3日至4月30日，县委第二巡察组开展巡察，6月3日反馈意见。
  一、巡视反馈问题整改情况
Good: 关于巡察整改进展情况的通报
  2025年3月3日至4月30日，县委第二巡察组开展巡察，6月3日反馈意见。
  一、巡察反馈问题整改情况
  推动省委巡视反馈问题和巡视巡察上下联动整改，落实《中国共产党巡视工作条例》。
  深化对巡视整改政治意义的认识。
Good: 关于巡视整改进展情况的通报
  2025年3月3日至4月30日，省委第六巡视组开展巡视，6月3日反馈意见。
  一、巡视整改情况
  指导市县巡察整改，推动巡视巡察上下联动。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.finding import Fix, Hit
from rectlint.messages import say

DOC_ZH = """把“巡察”写成“巡视”，或把“巡视”写成“巡察”，与导语所说的巡视（巡察）
组不符。

巡视由中央或省级开展（省委第六巡视组），巡察由市、县党委开展（县委第二巡察组）。导语一旦写明组别，
通报自己的用语就应与之一致：巡察通报说巡察组、巡察反馈、巡察意见，标题和各级标题说巡察整改（正文可以讨论巡视整改本身）
。上述名词前用了另一个词即报告，但指称另一项巡视巡察（中央巡视、省委巡视…；市县巡察…）、
“巡视巡察”并称或在引用的标题中（《中国共产党巡视工作条例》）的除外。

依据：两个词指不同机关开展的不同工作；混用就叫错了本次巡视（巡察）。
"""

ID = "inspection-term"
CATEGORY = "wording"
SEVERITY = "warning"
OPTIONS: dict = {}

_TEAM = patterns.compile(r"(巡察|巡视)组")
# 巡察组/巡察反馈/巡察意见 name this inspection anywhere; 巡察整改 does only in the title and
# headings, since running text may speak of 巡视整改 as such (关于巡视工作的重要论述).
_OWN_NOUNS = r"(?=组|反馈|意见|工作领导小组)"
_HEADING_NOUNS = r"(?=组|反馈|意见|工作领导小组|整改)"
# Qualifiers that make the word name another inspection than the notice's own.
_OTHER = {
    "巡视": patterns.compile(r"(?:中央|党中央|省委|省|自治区党委|区党委|市委|巡察|上级)$"),
    "巡察": patterns.compile(r"(?:市县|县|市|区|州|旗|县级|市级|巡视|下级)$"),
}
# The wrong word's patterns, by the word: anywhere, and in titles and headings.
_WRONG = {w: (patterns.compile(w + _OWN_NOUNS), patterns.compile(w + _HEADING_NOUNS)) for w in ("巡视", "巡察")}
_QUOTED = patterns.compile(r"《[^》]*》")
_HEADING_CHARS = 40


def check(doc, options):
    outline = doc.outline
    if not outline.lead:
        return
    lead = doc.folded[outline.lead[0].start:outline.lead[-1].end]
    named = {m.group(1) for m in _TEAM.finditer(lead)}
    if len(named) != 1:
        return
    own = named.pop()
    wrong = "巡视" if own == "巡察" else "巡察"
    anywhere, in_headings = _WRONG[wrong]
    lead_lines = {line.number for line in outline.lead}
    # Headings on lines of their own; a long heading line carries running text as well.
    titles = {h.line.number: h.line.end for h in outline.headings if len(h.line.text.strip()) <= _HEADING_CHARS}
    if outline.title is not None:
        titles[outline.title.number] = outline.title.end
    for line in doc.body_lines():
        # Both patterns open with the wrong word: a line without it holds no match.
        if line.number in lead_lines or doc.folded.find(wrong, line.start, line.end) < 0:
            continue
        quoted = [m.span() for m in _QUOTED.finditer(doc.folded, line.start, line.end)]
        title_end = titles.get(line.number, line.start)
        found = [*in_headings.finditer(doc.folded, line.start, title_end),
                 *anywhere.finditer(doc.folded, title_end, line.end)]
        for m in found:
            before = doc.folded[max(line.start, m.start() - 5):m.start()]
            after = doc.folded[m.end():m.end() + 2]
            if _OTHER[wrong].search(before) or after.startswith(own) or any(a <= m.start() < b for a, b in quoted):
                continue
            yield Hit(m.start(), m.end(), suggestion=own, fix=Fix.replace(m.start(), m.end(), own, "unsafe"),
                      **say("inspection-term", own=own, wrong=wrong))
