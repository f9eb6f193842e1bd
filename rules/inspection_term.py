"""巡视 written for 巡察, or 巡察 for 巡视, against the team the lead names.

A 巡视 is made by the centre or a province (省委第六巡视组), a 巡察 by a city or
county committee (县委第二巡察组). Once the lead names the team, the notice's
own words follow it: a 巡察 notice speaks of 巡察组, 巡察反馈 and 巡察意见,
and its title and headings of 巡察整改 (running text may discuss 巡视整改 as
such). The other word with one of those nouns is flagged, unless it names
another inspection (中央巡视, 省委巡视…; 市县巡察…), stands in a combined phrase
(巡视巡察, 巡察巡视) or in a cited title (《中国共产党巡视工作条例》).

The team is held to its number too: where the title or the lead names one
numbered team (市委第五巡察组), a team of the same committee with another
number whose feedback the body answers (传达市委第一巡察组的反馈意见) is a
sentence left over from another notice.

Why: the two words name different inspections by different bodies; a notice
that mixes them misnames its own inspection, and one that names another team's
feedback was copied from another notice.

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
Bad:  关于市委第五巡察组反馈意见整改进展情况的通报
  2025年3月3日至4月30日，市委第五巡察组开展巡察，6月3日反馈意见。
  一、整改情况
  召开专题会议，传达市委第一巡察组的反馈意见。
Good: 关于市委第五巡察组反馈意见整改进展情况的通报
  2025年3月3日至4月30日，市委第五巡察组开展巡察，6月3日反馈意见。
  一、整改情况
  召开专题会议，传达市委第五巡察组的反馈意见，借鉴市委第一巡察组巡察其他单位时的做法。
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

组别的序号也一样：标题或导语写明一个带序号的组（市委第五巡察组）时，正文中同一党委的另一序号的组、
且说的是其反馈（传达市委第一巡察组的反馈意见），是从别的通报中留下的句子。

依据：两个词指不同机关开展的不同工作；混用就叫错了本次巡视（巡察）；写成别的组的反馈，是照抄了别的通报。
"""

ID = "inspection-term"
CATEGORY = "wording"
SEVERITY = "warning"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
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


# A numbered team of a named committee: 市委第五巡察组, 省委第六巡视组.
_NUMBERED = patterns.compile(r"((?:中央|[省市县区州旗盟]委))第([一二三四五六七八九十]+|\d+)(巡察|巡视)组")
# …the team's feedback, in the same clause: 市委第一巡察组的反馈意见, …反馈的问题, …巡察意见.
_ITS_FEEDBACK = patterns.compile(r"[^,;。、]{0,6}?(?:反馈|巡察意见|巡视意见)")


def check(doc, options):
    outline = doc.outline
    if not outline.lead:
        return
    lead = doc.folded[outline.lead[0].start:outline.lead[-1].end]
    yield from _other_team(doc, outline, lead)
    named = {m.group(1) for m in _TEAM.finditer(lead)}
    if len(named) != 1:
        return
    own = named.pop()
    wrong = "巡视" if own == "巡察" else "巡察"
    anywhere, in_headings = _WRONG[wrong]
    lead_lines = {line.number for line in outline.lead}
    titles = None
    for line in doc.body_lines():
        # Both patterns open with the wrong word: a line without it holds no match.
        if line.number in lead_lines or doc.folded.find(wrong, line.start, line.end) < 0:
            continue
        if titles is None:  # read for the first line that has the wrong word (most notices have none)
            titles = _titles(outline)
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


def _titles(outline) -> dict:
    """{line number: end} of the title and of the headings on lines of their own (a long heading
    line carries running text as well)."""
    titles = {h.line.number: h.line.end for h in outline.headings if len(h.line.text.strip()) <= _HEADING_CHARS}
    if outline.title is not None:
        titles[outline.title.number] = outline.title.end
    return titles


def _other_team(doc, outline, lead):
    """Another numbered team of the same committee whose feedback the body answers."""
    head = lead if outline.title is None else doc.folded[outline.title.start:outline.title.end] + "\n" + lead
    teams = {m.groups() for m in _NUMBERED.finditer(head)}
    if len(teams) != 1:
        return
    issuer, number, word = teams.pop()
    own = f"{issuer}第{number}{word}组"
    skip = {line.number for line in outline.lead}
    if outline.title is not None:
        skip.add(outline.title.number)
    for line in doc.body_lines():
        if line.number in skip or doc.folded.find(issuer + "第", line.start, line.end) < 0:
            continue
        quoted = [m.span() for m in _QUOTED.finditer(doc.folded, line.start, line.end)]
        for m in _NUMBERED.finditer(doc.folded, line.start, line.end):
            if m.group(1) != issuer or m.group(3) != word or m.group(2) == number:
                continue
            # 第三、第五巡察组: a list of teams, not this notice's.
            if doc.folded[m.start() - 1:m.start()] == "、" or any(a <= m.start() < b for a, b in quoted):
                continue
            if not _ITS_FEEDBACK.match(doc.folded, m.end(), line.end):
                continue
            yield Hit(m.start(), m.end(), suggestion=own, fix=Fix.replace(m.start(), m.end(), own, "unsafe"),
                      **say("inspection-term.team", own=own, written=doc.text[m.start():m.end()]))
