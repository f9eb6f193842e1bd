"""Counting sentences: a base, the figures that refer to it, and what nearly reads as a figure.

The grammar is docs/conventions.md#counts; numbers and units are numbers.py's. In short, a
counting sentence names a base and figures that refer to it:

- a total: 反馈(的)4个问题, 问题(共)4个, 细化为5个具体问题, 细化整改措施12项, 三个方面六个问题;
  共有执业医师56人 or 共计投入1.5万元 when 其中 follows with its parts;
- a chain of nested totals (4个方面18个问题34个具体问题): each level a base, the parts checked
  against the level they match; a group counted apart (另有2个问题, 巡察移交的2个立行立改问题),
  its own total for the parts of its sentence;
- the total said again as its parts' subject: 8个问题已整改完成7个;
- parts by status: 已完成(整改)3个, 正在整改1个, 其余1个, 1个按期推进中, each taking the total
  its words name, else the total said again, else the one total in its own unit, else the
  problems;
- a rate (完成率Z%): the completed part over the total; a share (占…的Z%, 占比Z%): the part just
  before it over the base the words name (a share of another base is not checked);
- parts after 其中, and amounts with their parts (涉及金额…, 整改金额…, 其余…万元).

`reading(doc)` reads a document once (Document.counts) for every rule that asks: its groups (a base and its
figures), its figures and its defects (what nearly reads as a figure). `inconsistencies` and
`arithmetic_findings` say where a group's figures disagree with its base. Patterns are written for
`Document.folded` text.
"""

from __future__ import annotations

import bisect
from sys import intern

import regex

from .. import patterns
from ..record import Record
from .numbers import (COUNT_UNITS, MEASURE_CHARS, QUANTIFIERS, SCALE_CHARS, UNIT, UNIT_CHARS, UNIT_ENDED, UNIT_WORDS,
                      in_machine_token, system, to_int, unit_class, value, well_formed)
from .dates import JOINER_CHAR
from .status import ALL_DONE as ALL_DONE_PHRASE, COUNTED_DONE, COUNTED_OPEN, ON_THE_SPOT

__all__ = ["ALL_DONE", "PROBLEM_CATEGORIES", "DONE", "NUM", "Figure", "Group", "Defect", "reading", "read",
           "read_paragraph", "to_int", "inconsistencies", "arithmetic_findings", "rate_kind", "rate_at"]

NUM = r"(?:\d+|[一二两三四五六七八九十百千零〇]+)"
# 2,847: digits grouped by thousands are one number.
_N = r"(?:(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
# A figure: 4个, 三个, 75%, 1.5万元, 49人次; approximate: 3900余项, 1000多人次, 5~7人.
_FIG = (rf"(?P<num>{_N})(?:(?P<range>{JOINER_CHAR}){_N})?(?P<more>余|多)?"
        rf"(?P<scale>[万亿](?=[个项条件人名次元]))?(?P<unit>{UNIT})")
# Status words of counts: the vocabulary's (conventions.status), and the ones counts alone use:
# measures 已落实; open work 部分整改, 持续办理, 正在办理, 按期推进(中), 推进中, 未整改到位.
_COUNT_DONE = ("已落实",)
_COUNT_OPEN = ("部分整改", "持续办理", "正在办理", "按期推进", "推进中", "未整改到位")
_DONE_WORDS = "|".join(sorted(COUNTED_DONE + _COUNT_DONE, key=len, reverse=True))
_OPEN_WORDS = "|".join(sorted(COUNTED_OPEN + _COUNT_OPEN, key=len, reverse=True))
_ANY_STATUS = rf"(?:已|均已)?(?:全部)?(?:{_DONE_WORDS}|{_OPEN_WORDS}|{ALL_DONE_PHRASE})"
_COUNT_NOUN = r"(?:具体)?问题|(?:整改)?措施|(?:整改)?任务"
_CLAUSE_END = r"(?=[,;:、。!?]|$)"
_SUBJECT = r"(?:(?P<subject>问题|措施|任务|事项)(?:中)?)?"
_TAIL = r"(?:整改)?(?:的)?(?P<named>问题)?"
_VERB = r"(?:共|共计|总计)?(?:反馈|反映|指出|梳理|交办|查出|发现|移交|认领|涉及|提出)(?:了|出)?(?:的)?"
_MEASURE_VERB = r"(?:细化|制定|明确|形成|梳理|提出|研究制定)(?:了)?(?:具体)?"
# Kinds of matter an inspection hands over apart from its feedback: they are counted on their own
# (巡察移交的2个立行立改问题, 移交问题线索3件, 交办信访件6件).
_APART = rf"(?:{ON_THE_SPOT}|即知即改|立知立改|立查立改|边巡边改|移交|交办|信访)"
_APART_NOUN = r"(?:问题线索|问题|事项|线索|信访(?:举报)?件|件)"

# A paragraph is read from its figures (and its 已全部完成): each figure takes its role from the
# words just before it (and the noun after it), tried in the order below.
_EVENTS = patterns.compile(
    rf"(?P<num>{_N})(?:(?P<range>{JOINER_CHAR}){_N})?(?P<more>余|多)?"
    rf"(?:(?P<scale>[万亿](?=[个项条件人名次元]))?(?P<unit>{UNIT})|(?=方面))")
_ALL_DONE = patterns.compile(ALL_DONE_PHRASE)
_WINDOW = 26  # characters before a figure that may hold its words
# The words before a figure are matched backwards from it ((?r)): one try at the figure, not one
# at every character of the window.
_ROLES = [(role, patterns.compile("(?r)" + before + "$"), patterns.compile(after) if after else None)
          for role, before, after in (
    # 查出的5个方面问题中，已完成整改4个: the areas are what is counted.
    ("problems", rf"{_VERB}(?:各类|具体)?(?:问题)?(?:共|共计|总计)?", r"(?:具体)?(?:的)?问题|方面(?:的)?问题"),
    ("aspects", "", r"方面"),
    ("problems", rf"{_VERB}(?:各类|具体)?问题(?:共|共计|总计)?", None),
    ("problems", r"方面(?:的|共|共计|、)?", r"(?:具体)?问题"),
    # 18个问题34个具体问题, 12个问题、30条具体问题: a finer level of the total just before it.
    ("problems", r"问题(?:的|共|共计|、)?", r"具体问题"),
    ("problems", r"问题(?:共|共计|总计)", None),
    ("problems", r"(?:共|共计|总计|细化为|细化成|梳理出|梳理为)", r"(?:具体)?问题"),
    ("measures", rf"{_MEASURE_VERB}(?:整改)?(?:措施|任务)(?:共|共计)?", None),
    ("measures", rf"{_MEASURE_VERB}(?:整改)?", r"(?:具体)?(?:整改)?(?:措施|任务)"),
    ("measures", r"(?<=整改)(?:措施|任务)(?:共|共计|总计)", None),
    ("rest", r"其余(?:的)?", None),
    # 8个问题已整改完成7个, 5个问题已全部完成整改: the total said again, as its parts' subject.
    ("restate", "", rf"(?P<noun>{_COUNT_NOUN})(?:中)?{_ANY_STATUS}"),
    ("done", rf"{_SUBJECT}(?<!阶段性|基本|未|尚未)(?:{_DONE_WORDS}){_TAIL}", None),
    ("open", rf"{_SUBJECT}(?P<status>{_OPEN_WORDS}){_TAIL}", None),
    # 2个已整改完成，1个按期推进中: the status after its figure, closing the clause.
    ("done", "", rf"(?:问题)?(?:{_DONE_WORDS}){_CLAUSE_END}"),
    ("open", "", rf"(?:问题)?(?P<status>{_OPEN_WORDS})(?:中)?{_CLAUSE_END}"),
    # A group counted apart from the feedback's problems: introduced as more (另有3个问题), or a
    # kind the inspection hands over on its own (巡察移交的2个立行立改问题, 立行立改事项2件).
    ("separate", r"(?:另有|另外|此外|还有)", rf"{_APART}?(?:的)?{_APART_NOUN}"),
    ("separate", rf"{_APART}(?:的)?{_APART_NOUN}(?:共|共计)?", None),
    ("separate", "", rf"(?:的)?{_APART}(?:的)?{_APART_NOUN}"),
    # 涉及金额286.4万元 after a count; 整改金额261.9万元 after its part.
    ("amount", r"(?P<akind>涉及(?:问题)?(?:资金|金额)|(?:已)?整改(?:问题)?(?:资金|金额))", None),
    ("rate", r"(?:完成率|整改率|落实率|办结率|销号率)(?:为|达到|达|是)?", None),
    ("share", r"占比(?P<floor>为|达到|达|超过)?", None),
    ("share", r"占(?P<base>[^,;:。!?]{0,20}?)(?:的)?(?:比例|比重)?(?P<floor>为|达到|达|超过)?", None),
    ("whole", r"(?:共有|共计|总计|合计|累计|共)(?P<noun>[^,;:。!?\d]{0,12}?)", None),
)]
# A share's or a whole's words (占…的, 共…) may end in any character: they are looked for by their
# first. Most figures of a notice have no count word before them (每季度检查一次, 3名).
_OPEN_ENDED = ("share", "whole")
_AFTER_ROLE = patterns.compile("|".join(a.pattern for _, b, a in _ROLES if b.pattern == "(?r)$"))


def _last_chars(role, pattern):
    """The characters the words before a figure may end in, for a pattern of literal words (none
    for one open-ended or with nothing before the figure): one set lookup rules a role out."""
    if role in _OPEN_ENDED or pattern == "(?r)$":
        return None
    return frozenset(ch for ch in pattern if ord(ch) > 127)


_LAST = [_last_chars(role, before.pattern) for role, before, _ in _ROLES]
_LAST_ANY = frozenset().union(*(last for last in _LAST if last is not None))
# The roles a figure may take after a given character, in _ROLES order: a figure tries the few
# whose words can end there, not all two dozen. Any character no role's words end in ("" too)
# leaves the same roles: those open-ended or read after the figure.
_ROLES_AFTER = {ch: [(role, before, after, before.pattern == "(?r)$")
                     for (role, before, after), last in zip(_ROLES, _LAST) if last is None or ch in last]
                for ch in (*_LAST_ANY, "")}


# Words that make a sentence a counting sentence, with or without an intact figure.
CUE = patterns.compile(
    rf"{_DONE_WORDS}|{_OPEN_WORDS}|其余|完成率|整改率|办结率|占比|占[^,;:。!?]{{1,20}}?的|{ALL_DONE_PHRASE}"
    r"|(?:反馈|反映|指出|查出|发现|交办)[^,;:。!?]{0,6}?(?:问题|[\d零〇一二两三四五六七八九十百千个])"
    r"|问题(?:共|共计|总计)|(?:措施|任务)(?:共|共计)?\d|方面|[个项条件](?:具体)?问题")

ALL_DONE = patterns.line_pattern(ALL_DONE_PHRASE)
# 3个方面5类问题: problems counted by category, which a notice may list as its items.
PROBLEM_CATEGORIES = patterns.line_pattern(rf"(?P<count>{NUM})类(?:具体)?问题")
# A count of completed work, for the rules that only ask whether a notice counts its statuses.
DONE = patterns.line_pattern(
    rf"{_SUBJECT}(?<!阶段性|基本|未|尚未)(?:{_DONE_WORDS})(?:整改)?(?:的)?(?:问题)?(?P<count>{NUM})(?:个|项|条|件)")


class Figure(Record):
    """A number with its unit, and what it is in its sentence."""

    FIELDS = ("role", "start", "end", "num", "unit", "scale", "approx")
    __slots__ = (*FIELDS, "more", "status", "word", "floor", "group", "ok")  # one a count of a long draft

    def __init__(self, role: str, start: int, end: int, num: str, unit: str, scale: str = "",
                 approx: bool = False):
        self.role = role  # problems, measures, aspects, done, open, rest, rate, share, whole, part, fig
        self.start = start
        self.end = end
        self.num = num
        self.unit = unit
        self.scale = scale
        self.approx = approx
        self.more = ""  # 余 or 多 after the number
        self.status = None  # done, open or rest, for a part
        self.word = ""  # the open status word of an open part (阶段性完成…)
        self.floor = False  # a share written 达/超过 Z%: at least Z
        self.group = None
        self.ok = None  # well formed, once asked

    @property
    def value(self) -> float:
        return value(self.num, self.scale)

    @property
    def system(self) -> str:
        return system(self.num)


class Group(Record):
    """A base and the figures that refer to it."""

    FIELDS = ("kind", "total", "subset")

    def __init__(self, kind: str, total: Figure, subset: bool = False):
        self.kind = kind  # problems, measures, or the unit class of a 其中 total (人, 元…)
        self.total = total
        self.parts: list[Figure] = []  # status parts (done/open/rest), or the parts after 其中
        self.rates: list[Figure] = []
        self.shares: list[tuple[Figure, Figure]] = []  # (share, the part it measures)
        self.all_done = False
        self.aspects: Figure | None = None
        self.subset = subset
        self.restates: list[Figure] = []  # the total said again (8个问题已整改完成7个)
        self.money: Group | None = None  # 涉及金额…: the amount the counted problems involve
        self.listed = True  # the status parts are the only counts after the total: they add up to it
        self.noun = ""
        # 4个方面18个问题34个具体问题: the totals of a chain of nested levels, coarse to fine, this
        # group's own last; its parts are checked against the level whose figure they match.
        self.levels: list[Figure] = [total]
        self.separate = False  # a group counted apart (另有…, 巡察移交的2个立行立改问题)
        # The noun the total counts, the last of its phrase: 问题线索 counts 线索 (leads), not 问题.
        self.head = "问题" if kind == "problems" else "措施" if kind == "measures" else kind


class Defect(Record):
    """What nearly reads as a figure but does not."""

    FIELDS = ("kind", "start", "end")

    def __init__(self, kind: str, start: int, end: int):
        # lost-unit, lost-number, doubled-unit, numeral, mark, class, mixed, er
        self.kind = kind
        self.start = start
        self.end = end


class Reading(Record):
    FIELDS = ("groups", "figures", "defects")

    def __init__(self, groups: list, figures: list, defects: list):
        self.groups = groups
        self.figures = figures
        self.defects = defects


_CLASSES = {"problems": COUNT_UNITS, "measures": COUNT_UNITS}
_APPROX_BEFORE = "近上数几约逾超"


class _Totals:
    """A paragraph's count totals, with what a part asks of them kept as they come: a part is
    answered without a walk over every earlier total (one line repeating 反馈问题4个，已完成整改3个
    took time quadratic in its totals)."""

    def __init__(self):
        self.last = None  # the latest total
        self.latest = {}  # kind: its latest total
        self.kept_first, self.kept_last = {}, {}  # kind: its first and latest total not counted apart
        self.before = {}  # kind: its latest total not counted apart, before this sentence
        self.here_first, self.here_last = {}, {}  # kind: its first and latest total of this sentence
        self.nouns = {}  # (kind, head noun) of every total, in the order they came
        self.ids = set()
        self.sentence_start = -1

    def sentence(self, start: int):
        self.before, self.here_first, self.here_last = dict(self.kept_last), {}, {}
        self.sentence_start = start

    def add(self, group):
        self.last, self.latest[group.kind] = group, group
        kind = group.kind, group.head  # totals of one kind but two nouns (问题, 问题线索) are kept apart
        self.nouns[kind] = None
        self.ids.add(id(group))
        self.here_first.setdefault(kind, group)
        self.here_last[kind] = group
        if not group.separate:
            self.kept_first.setdefault(kind, group)
            self.kept_last[kind] = group

    def holds(self, group) -> bool:
        return id(group) in self.ids

    def usable(self) -> list:
        """The totals a part may refer to (those counted apart only in their own sentence), cut to
        what `_base` reads of them: the first and latest of each kind and head noun, in order."""
        firsts, lasts = [], []
        for kind in self.nouns:
            first = self.kept_first.get(kind)
            if first is None or first.total.start >= self.sentence_start:
                first = self.here_first.get(kind)
            last = self.here_last.get(kind) or self.before.get(kind)
            if first is not None:
                firsts.append(first)
                lasts.append(last)
        start = lambda t: t.total.start
        return sorted(firsts, key=start) + sorted(lasts, key=start)

    def usable_holds(self, group) -> bool:
        return not group.separate or group.total.start >= self.sentence_start


class _Plain:
    """The figures of a sentence that no count word names, by unit class."""

    def __init__(self):
        self.figures, self.starts = {}, {}

    def append(self, fig):
        cls = unit_class(fig.unit)
        self.figures.setdefault(cls, []).append(fig)
        self.starts.setdefault(cls, []).append(fig.start)

    def between(self, cls, lo: int, hi: int) -> bool:
        starts = self.starts.get(cls, ())
        k = bisect.bisect_left(starts, lo)
        return k < len(starts) and starts[k] < hi

    def last(self, cls):
        figures = self.figures.get(cls)
        return figures[-1] if figures else None


def _figure(m, text) -> Figure:
    num, joined, more, scale, unit = m.groups()  # by position: asking by name costs six times as much
    # Held once each (a figure of a long draft is kept by its group): 个 or 万 alone is a string of
    # 76 bytes, and a 10 MiB draft's groups held 87,000 figures.
    num, unit, scale = intern(num), intern(unit or ""), intern(scale or "")
    start = m.start()  # a figure's match starts with its number
    approx = bool(joined or more) or (start > 0 and text[start - 1] in _APPROX_BEFORE)
    fig = Figure("fig", start, m.end(), num, unit, scale, approx)
    if more:
        fig.more = more
    return fig


def _role(text: str, lo: int, fig: Figure):
    """The role of a figure and the match of the words that give it, from what stands before it
    (and the noun after it)."""
    window = max(lo, fig.start - _WINDOW)
    prev = text[fig.start - 1] if fig.start > lo else ""
    share = text.find("占", window, fig.start) >= 0
    whole = text.find("共", window, fig.start) >= 0 or text.find("计", window, fig.start) >= 0
    if not (share or whole or prev in _LAST_ANY) and _AFTER_ROLE.match(text, fig.end) is None:
        return "fig", None
    for role, before, after, after_only in _ROLES_AFTER[prev if prev in _LAST_ANY else ""]:
        if role in _OPEN_ENDED and not (share if role == "share" else whole):
            continue
        later = after.match(text, fig.end) if after is not None else None
        if after is not None and later is None:
            continue
        if after_only:
            if role == "restate" and prev == "的":
                continue  # 立行立改的12个问题已完成整改: a part qualified, not the total again
            return role, later  # the words after the figure give its role
        m = before.search(text, window, fig.start)
        if m is not None:
            return role, m
    return "fig", None


def _ok(fig: Figure) -> bool:
    if fig.ok is None:
        fig.ok = well_formed(fig.num, fig.unit, fig.scale)
    return fig.ok


def _rounded(fig: Figure) -> bool:
    """余 and 多 follow a round number: 3900余项, 十余个, 20多人; not 15余个 or 1余个."""
    return fig.num[-1] in "0十百千" if fig.num[0].isdigit() or fig.num[-1] in "十百千" else False


_OTHER_SCOPE = patterns.compile(r"全[国省市区县镇乡]|同期|上年|去年|年度|预计|计划|目标|要求|标准|规模")


def _names_base(base: str, group: Group) -> bool:
    """Whether the words of 占…的 name the group's total: 占整改问题总数 the problems, 占同类机构医师
    the doctors the sentence counts; 占全市… or 占年度预算 another base."""
    base = base.strip()
    if not base:
        return True
    if _OTHER_SCOPE.search(base):
        return False  # 占全市…, 占上年…, 占预计规模: a base the sentence does not count
    if group.kind == "problems":
        return "问题" in base
    if group.kind == "measures":
        return "措施" in base or "任务" in base
    noun = group.noun
    return any(noun[i:i + 2] in base for i in range(len(noun) - 1))


def read_paragraph(text: str, lo: int, hi: int) -> tuple[list, list]:
    """(groups, figures) of a paragraph's counting sentences."""
    groups, figures = [], []
    totals = _Totals()
    last_group = None  # the group of the latest total or part: an unnamed part or a rate refers to it
    last_part = None
    last_status = None  # the status of the latest part, which an amount after it shares
    whereof = None  # a 其中 total collecting parts until its sentence or bracket ends
    whereof_end = hi
    aspects = None
    sentence_end = -1
    subject_group = None
    events = list(_EVENTS.finditer(text, lo, hi))
    if text.find("全部", lo, hi) >= 0:  # 已全部完成整改: a count of the latest total's all
        events += _ALL_DONE.finditer(text, lo, hi)
        events.sort(key=lambda m: m.start())
    for ev in events:
        if whereof is not None and ev.start() >= whereof_end:
            whereof = None
        if ev.start() >= sentence_end:
            # The stop that ended the sentence before is where this one's is looked for from:
            # looking back to the paragraph's start each time made a long paragraph quadratic.
            since = sentence_end - 1 if sentence_end > lo else lo
            sentence_start, sentence_end = _sentence_at(text, since, hi, ev.start())
            totals.sentence(sentence_start)
            plain = _Plain()  # figures of this sentence that no count word names
            subject_group = None  # the total said again as the subject of the parts after it
        if ev.re is _ALL_DONE:
            if last_group is not None and last_group.kind == "problems":
                last_group.all_done = True
                last_status = "done"
            continue
        fig = _figure(ev, text)
        role, m = _role(text, lo, fig)
        fig.role = role
        if role == "aspects":
            aspects = fig
            figures.append(fig)
            continue
        if not fig.unit:
            continue
        figures.append(fig)
        if not _ok(fig) or fig.approx or _ORDINAL.search(text, max(lo, fig.start - 8), fig.start):
            continue  # a malformed number is the defects pass's; an approximate or ordinal one adds up to nothing
        if role == "separate" and _PARTITION.search(text, sentence_start, fig.start) is not None:
            role = fig.role = "fig"  # 反馈问题10个，其中立行立改问题3个: a part of the total
        if role in ("problems", "measures", "separate"):
            group = Group("problems" if role == "separate" else role, fig)
            group.separate = role == "separate"
            if group.separate:
                group.head = _head(text, m, fig)
            fig.group = group
            if role == "problems" and aspects is not None and fig.start - aspects.end <= 3:
                group.aspects, aspects.group = aspects, group
            coarser = totals.last
            if role == "problems" and coarser is not None and _nested(text, coarser, fig):
                group.levels = coarser.levels + [fig]
            groups.append(group)
            totals.add(group)
            last_group, last_status, subject_group = group, None, None
            aspects = None
            continue
        aspects = None
        if role == "restate":
            kind = "problems" if "问题" in m.group("noun") else "measures"
            group = totals.latest.get(kind)
            if group is None:  # said here first: the total itself
                group = Group(kind, fig)
                groups.append(group)
                totals.add(group)
            else:
                group.restates.append(fig)
            fig.group, last_group, subject_group = group, group, group
        elif role in ("done", "open", "rest") and not (role == "rest" and unit_class(fig.unit) == "元"
                                                        and last_group is not None and last_group.money is not None):
            if text.find("其中", max(sentence_start, last_part.end if last_part else lo), fig.start) >= 0 \
                    and last_part is not None and last_part.group is not None and not last_part.group.subset:
                continue  # 未整改到位10项，其中需持续推进8项: a part of a part
            if role == "rest":  # the rest of a total after the parts just counted
                group = last_part.group if last_part is not None and last_part.end >= sentence_start else None
                if group is None or group.subset or group.kind not in _CLASSES:
                    continue
            else:
                # A group counted apart takes the parts of its own sentence (巡察移交的2个立行立改问题，
                # 已完成整改2个); after it, unnamed parts speak of the feedback's totals again.
                usable = totals.usable()
                owner = last_group
                if last_group is not None and totals.holds(last_group) and not totals.usable_holds(last_group):
                    owner = usable[-1] if usable else None  # the group apart is behind us
                group = _base(m, fig, usable, subject_group, owner, plain, groups)
            if group is None:
                continue
            fig.group, fig.status = group, role
            fig.word = (m.groupdict().get("status") or "") if role == "open" else ""
            group.parts.append(fig)
            last_group, last_part, last_status = group, fig, role
        elif role in ("amount", "rest"):
            _amount(fig, m, role, last_group, last_status, groups)
        elif role == "rate":
            if last_group is not None and last_group.kind in _CLASSES:
                fig.group = last_group
                last_group.rates.append(fig)
        elif role == "share":
            fig.floor = bool(m.group("floor")) or text.startswith("以上", fig.end)
            if whereof is not None and whereof.parts:
                part, group = whereof.parts[-1], whereof
            elif last_part is not None and last_part.group is not None:
                part, group = last_part, last_part.group
            else:
                continue
            if m.groupdict().get("base") and not _names_base(m.group("base"), group):
                continue  # a share of another base than the sentence's total
            fig.group = group
            group.shares.append((fig, part))
        elif role == "whole":
            cls = unit_class(fig.unit)
            stop = _stop(text, fig.end, hi)
            k = text.find("其中", fig.end, stop)
            if cls == "%" or k < 0 or _coded(text, fig.start):
                fig.role = "fig"
                plain.append(fig)
                continue
            group = Group(cls, fig, subset=True)
            group.noun = m.group("noun") or ""
            fig.group = group
            groups.append(group)
            whereof, whereof_end, last_part = group, _stop(text, k, hi, brackets=True), None
        elif whereof is not None:
            if unit_class(fig.unit) != whereof.kind or _coded(text, fig.start):
                continue
            fig.role, fig.group = "part", whereof
            whereof.parts.append(fig)
            last_part = fig
        else:
            plain.append(fig)
            if last_group is not None and not last_group.subset and fig.unit in COUNT_UNITS \
                    and last_group.total.start >= sentence_start:
                last_group.listed = False  # a count the status words do not name: the parts may be nested
    return groups, figures


# Words that make what follows a part of a total (其中, 含, 包括, …121个事项中，): a count of
# problems done on the spot after them is a part, not a group counted apart.
_PARTITION = patterns.compile(r"其中|含|包括|之中|中[,:]")
# Between a total and the finer one after it: its noun (18个问题34个具体问题), or after a noun
# before the figure, a verb that refines it (反馈问题12个，细化为30个具体问题).
_NESTED_GAP = patterns.compile(r"(?:的)?(?:具体)?问题(?:的|共|共计|、|,)?(?:细化为|细化成|梳理为|梳理出|分解为|共)?")
_NESTED_GAP_VERB = patterns.compile(r"[,、]?(?:细化为|细化成|梳理为|梳理出|分解为)")


def _nested(text, coarser, fig) -> bool:
    """Whether the total `fig` refines the problems total just before it, with nothing but its noun
    between (18个问题34个具体问题, 反馈问题12个，细化为30个具体问题)."""
    if coarser.kind != "problems" or coarser.separate or coarser.parts or coarser.all_done:
        return False
    end = coarser.total.end
    gap = _NESTED_GAP.fullmatch(text, end, fig.start)
    return gap is not None or (text.startswith("问题", coarser.total.start - 2)
                               and _NESTED_GAP_VERB.fullmatch(text, end, fig.start) is not None)


def _amount(fig, m, role, owner, status, groups):
    """An amount of money that goes with a count: 涉及金额 right after a total is the amount its
    problems involve; 整改金额, 涉及金额 after a part, and 其余 are that amount's parts."""
    if unit_class(fig.unit) != "元" or owner is None or owner.kind not in _CLASSES:
        return
    said = m.group("akind") if role == "amount" else ""
    if said.startswith("涉及") and status is None:
        owner.money = Group("元", fig)
        fig.group = owner.money
        groups.append(owner.money)
        return
    money = owner.money
    if money is None:
        return
    fig.role = "part"
    fig.status = "rest" if role == "rest" else ("done" if not said.startswith("涉及") else status)
    fig.group = money
    money.parts.append(fig)


_HEAD = patterns.compile(r"(?r)线索|事项|件|问题")
_HEAD_AFTER = patterns.compile(r"线索|事项|件|问题")
# The part's own noun, and the heads of the totals it may count: 已整改问题 counts 问题 (or 事项,
# as notices use the two for one thing), never 问题线索's 线索 nor 信访件's 件.
_COUNTS = {"问题": ("问题", "事项"), "事项": ("问题", "事项")}


def _head(text, m, fig) -> str:
    """The head noun of a group counted apart: the last noun of its words (移交问题线索 -> 线索),
    or the first after its figure (另有3件信访件 -> 件)."""
    said = _HEAD.search(m.group()) if m is not None else None
    if said is None:
        said = _HEAD_AFTER.search(text, fig.end, fig.end + 12)
    return said.group() if said is not None else "问题"


def _base(m, fig, totals, subject_group, last_group, plain, groups):
    """The group a part by status refers to: the total its words name (整改措施已完成11项,
    已办结问题3个), or the total said again as its subject (8个问题已整改完成7个); else the one
    total counted in the part's own unit (细化整改措施53项，已完成48项); else the problems
    (反馈的3个问题，制定整改措施10条。已完成整改2个); else the latest figure before it in its own
    unit that nothing else names (线索60起，已办结27起). A total is classed by its head noun: a part
    that names its noun counts the latest total of that noun (已整改问题393个 after 问题408个 and
    问题线索220个 counts the 408); one that names none, after totals of two nouns it may count, is
    checked against neither."""
    words = m.groupdict() if m is not None else {}
    subject = words.get("subject") or words.get("named")
    if subject:
        kind = "measures" if subject in ("措施", "任务") else "problems"
        return next((t for t in reversed(totals) if t.kind == kind
                     and (kind == "measures" or t.head in _COUNTS[subject])), None)
    if subject_group is not None:
        return subject_group
    latest = {}
    for t in totals:
        latest[t.kind, t.head] = t
    fitting = [t for t in latest.values() if t.total.unit == fig.unit]
    problems = [t for t in latest.values() if t.kind == "problems"]
    found = None
    if len({t.head for t in fitting if t.kind == "problems"}) > 1:
        return None  # 问题10个，问题线索3个，已办结2个: which it counts cannot be told
    if len(fitting) == 1:
        found = fitting[0]
    elif len(fitting) > 1:
        found = last_group if last_group in fitting else fitting[-1]
    elif len(problems) == 1 and fig.unit in COUNT_UNITS:
        found = problems[0]
    if found is not None:
        # A count of the part's kind that no count word names, between that total and the part
        # (问题共计84个，分解整改任务106个，已完成整改98个), may be what the part counts: which
        # total it is cannot be told, so the part is checked against neither.
        cls = unit_class(fig.unit)
        return None if plain.between(cls, found.total.end, fig.start) else found
    if last_group is not None and fig.unit in _CLASSES.get(last_group.kind, ()):
        return last_group
    base = plain.last(unit_class(fig.unit))
    if base is not None:
        if base.group is None:
            group = Group(unit_class(base.unit), base)
            base.group = group
            groups.append(group)
        return base.group
    return last_group if last_group is not None and last_group.kind in _CLASSES else None


_SENTENCE_STOP = patterns.compile(r"[。!?]")


def _sentence_at(text, lo, hi, pos):
    """(start, end) of the sentence that holds pos."""
    start = max(text.rfind("。", lo, pos), text.rfind("!", lo, pos), text.rfind("?", lo, pos)) + 1
    m = _SENTENCE_STOP.search(text, pos, hi)
    return max(start, lo), (m.end() if m else hi)


# 第4件, 第17、18件: ordinals name items, they count nothing.
_ORDINAL = patterns.compile(r"第(?:\d+[、,和及])?$")
_STOP = patterns.compile(r"[。!?;]")
_STOP_OR_BRACKET = patterns.compile(r"[。!?;)]")


def _stop(text, pos, hi, brackets=False):
    m = (_STOP_OR_BRACKET if brackets else _STOP).search(text, pos, hi)
    return m.start() if m else hi


def _coded(text: str, start: int) -> bool:
    """A number glued to Latin letters, a dash or a slash is a code, not a count; so is one inside
    a machine token (wbdexcz@163.com, art_3.html)."""
    return start > 0 and text[start - 1].isascii() and (text[start - 1].isalnum() or text[start - 1] in "-/_") \
        or in_machine_token(text, start)


# -- what nearly reads as a figure --------------------------------------------------------------

_ARABIC = patterns.compile(r"\.?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)*\.?")
_CN_RUN = patterns.compile(r"[零〇一二两三四五六七八九十百千]+")
_UNIT_AT = patterns.compile(r"人次|个百分点|[个项条件名次元%人万亿]")
_MARKS = ",;:、。."
_ORPHAN_MARKS = ",;、。."  # a number before a colon labels what follows (问题1：)
_MARK_PAIR = patterns.compile(r"[,;:、。.]{2}")
_MARK = patterns.compile(r"[,;:、。.]")
_FIGURE_LIKE = patterns.compile(rf"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)?[万亿]?{UNIT}"
                                r"|\d+(?:\.\d+)?(?=[,;:、。.]|$)")
_COMPLETE_END = patterns.compile(rf"(?:(?:{_DONE_WORDS}|{_OPEN_WORDS})(?:整改)?(?:的)?(?:问题)?|问题|措施|任务|方面)$")
_NUMERAL_CHARS = "0123456789零〇一二两三四五六七八九十百千"
# A count's anchor, just before its figure: a mark between them parts the figure from its word.
# Matched backwards from where a figure would stand ((?r)): one try there, not a scan from the
# paragraph's start.
_ANCHOR_END = patterns.compile(
    rf"(?r)(?:(?:{_DONE_WORDS}|{_OPEN_WORDS})(?:整改)?(?:的)?(?:问题)?|其余(?:的)?|(?:完成率|整改率|落实率|办结率|占比)(?:为|达到|达|是)?"
    r"|(?:存在|包括|制定|细化|细化为|细化成|形成|提出|梳理出)(?:了)?|(?:共|共计|总计)"
    r"|(?:涉及|整改)(?:问题)?(?:资金|金额)"
    r"|(?:反馈|反映|指出|查出|发现|交办)(?:了|出)?(?:的)?(?:各类|具体)?(?:问题)?(?:共|共计|总计)?"
    r"|(?:措施|任务)(?:共|共计)?|方面(?:的|共|共计)?|的)$")


def _anchor(text: str, lo: int, end: int):
    """The count's words ending at `end` (or just before a line ending there), as
    `_ANCHOR_END.search(text, lo, end)` finds them. A reverse search that fails there goes on to
    try every position back to `lo`, which made a long line quadratic; a match tries one place."""
    m = _ANCHOR_END.match(text, lo, end)
    if m is None and end > lo and text[end - 1] == "\n":  # where `$` also matches
        m = _ANCHOR_END.match(text, lo, end - 1)
    return m


# A verb that reports what was found may take a clause after a comma or colon (发现，3个村…存在…);
# a figure whose own noun is none of the count's words is that clause's subject, not the verb's count.
_REPORTING = patterns.compile(r"(?:反馈|反映|指出|查出|发现)(?:了|出)?$")
_OWN_NOUN = patterns.compile(rf"(?![\d零〇一二两三四五六七八九十百千万亿]|{_ANY_STATUS}|(?:具体|整改)?(?:问题|方面|措施|任务|事项)"
                             r"|线索|其余|共|的)\p{Han}")
# The characters the words before a figure may end in (one lookup before the search).
_ANCHOR_CHARS = frozenset(ch for ch in _ANCHOR_END.pattern if ord(ch) > 127)
# The words a count is made of: a number just before one of them lost its unit (反馈4问题,
# 已完成整改3，), a unit inside one of them was put there (问个题).
_COUNT_WORDS = (COUNTED_DONE + COUNTED_OPEN + _COUNT_DONE + _COUNT_OPEN
                + ("问题", "方面", "措施", "任务", "事项", "具体", "其余", "占比", "共计", "全部", "金额", "资金"))
_VERB_WORDS = ("反馈", "反映", "指出", "查出", "发现", "细化", "制定", "明确", "形成", "提出", "梳理", "整改", "完成",
               "率", "的")
# The first character of a count's word, and the last of the words before a figure; a measure
# word's character (号, 位, 项…) follows numbers of its own.
_GRAMMAR_CHARS = frozenset({w[0] for w in _COUNT_WORDS} | {w[-1] for w in _COUNT_WORDS + _VERB_WORDS}) \
    - frozenset(MEASURE_CHARS)
_GRAMMAR_WORDS = frozenset(("问题", "方面", "措施", "任务", "整改", "完成", "正在", "其余", "反馈", "占比", "共计"))
# The last characters of count words; a unit right after one, before a mark, lost its number.
_ANCHOR_LAST = frozenset("改成在的馈余率比计共位结号持进题施务")
_NOUN_AFTER = ("问题", "方面", "措施", "任务", "具体问题", "整改措施", "具体整改措施")
_STATUS_AT = patterns.compile(_ANY_STATUS)
_NOUN_CUT = patterns.compile(rf"(?:具体)?(?:整改)?(?:问题|措施|任务)(?:中)?(?:[,;:、。.]|$|{_ANY_STATUS}(?!率))"
                             r"|方面(?:的)?[\d零〇一二两三四五六七八九十百千]")
# A status closing its clause: 1个，按期推进中。 parts the figure from the status that is its.
_STATUS_CUT = patterns.compile(rf"{_ANY_STATUS}(?:整改)?(?:中)?(?:[,;:、。.]|$)")


def defects(text: str, lo: int, hi: int, figures: list, para: int | None = None,
            ordinals: dict | None = None) -> list[Defect]:
    """What nearly reads as a figure in a counting sentence text[lo:hi]: a number that lost its
    unit or a unit that lost its number, a unit written twice, a numeral that is not one, a mark
    that parts a figure from its words or follows another mark, and a count in another unit
    than its base's. `figures` are the sentence's own (those starting in lo..hi), in order. What
    comes before a figure is read from para (the paragraph's start) on. `ordinals` keeps the list
    ordinals of each line read (_ordinal_run) for the sentences after."""
    found: list[Defect] = []
    ordinals = {} if ordinals is None else ordinals
    back = lo if para is None else para
    starts = {f.start: f for f in figures}
    inside = {i for f in figures for i in range(f.start, f.end)}
    for m in _ARABIC.finditer(text, lo, hi):
        _arabic(text, lo, hi, m, starts, found, ordinals)
    for m in _CN_RUN.finditer(text, lo, hi):
        _chinese(text, back, hi, m, starts, found)
    for m in _UNIT_AT.finditer(text, lo, hi):
        s = m.start()
        if s in inside:
            continue
        if _orphan_unit(text, back, hi, s, m.end(), m.group()):
            found.append(Defect("lost-number" if m.group() not in SCALE_CHARS else "numeral", s, m.end()))
    for f in figures:
        if f.start in inside and starts.get(f.start) is not f:
            continue
        _after_figure(text, back, f.end, hi, f, found)
        _wrong_class(f, found)
        if f.end < hi and text[f.end] in _MARKS and _NOUN_CUT.match(text, f.end + 1):
            found.append(Defect("mark", f.start, f.end + 1))  # 其余1个，问题正在整改: the noun cut off
        elif f.end + 1 < hi and text[f.end] in "、。." and _STATUS_CUT.match(text, f.end + 1):
            found.append(Defect("mark", f.start, f.end + 1))  # 其余0.35亿元、正在推进整改: its status parted
        elif _bare(text, back, hi, f):
            found.append(Defect("mark", f.start, f.end + 1))  # ，1个，按期推进中: a figure with no words
        elif f.role == "fig" and f.end < hi and text[f.end] in _MARKS and text.startswith(_NOUN_AFTER, f.end + 1) \
                and _counted_after(text, back, f.start):
            found.append(Defect("mark", f.start, f.end + 1))  # 反馈的4个。问题…: the noun parted from its figure
    end = min(hi + 1, len(text))  # the mark that ends the sentence, and the one after it
    for m in _MARK_PAIR.finditer(text, max(back, lo - 2), end):
        a, b = m.group()
        if a != b:
            found.append(Defect("mark", m.start(), m.end()))
    for m in _MARK.finditer(text, max(back, lo - 1), hi):
        i = m.start()
        after = text[i + 1:i + 2]
        if not after or not (after in _NUMERAL_CHARS or after in UNIT_CHARS or after in SCALE_CHARS):
            continue
        fig = _FIGURE_LIKE.match(text, i + 1)
        if fig is None:
            continue
        anchor = _anchor(text, back, i)
        if anchor is None:
            continue
        # A status, a count's noun or 的 is complete before a mark: 已完成整改2个，1个正在整改 goes on
        # with a new clause, and only a figure left bare (已完成整改，3个，) was parted from it. A
        # verb, 其余, 完成率, 占比 or 共 needs its figure: 反馈，4个问题 and 完成率，75% are broken.
        bare = fig.end() >= len(text) or text[fig.end()] in _MARKS or text[fig.end()] == "\n"
        if not bare and m.group() in ",:" and _REPORTING.search(anchor.group()) and _OWN_NOUN.match(text, fig.end()):
            continue  # 发现，3个村(社区)在…存在: the figure counts the subject of the clause the verb reports
        aspects = anchor.group().endswith("方面") and m.group() != "、"  # 三个方面，六个问题 (a list takes 、)
        if bare or aspects or not _COMPLETE_END.search(anchor.group()):
            found.append(Defect("mark", i, fig.end()))
    return found


def _bare(text, lo, hi, f) -> bool:
    """A figure alone between two marks says nothing: 已完成整改3个，1个，按期推进中. (A list of
    figures takes 、: 分别为3个、5个.)"""
    if f.start - 1 < lo or text[f.start - 1] not in ",;。" or f.end >= hi:
        return False
    after = text[f.end]
    if after in ",;。" or after == "." and not text[f.end + 1:f.end + 2].isdigit():
        return True
    return after == "、" and not _FIGURE_LIKE.match(text, f.end + 1)


_ORDINAL_DOT = patterns.compile(r"(?<![\d.])(\d{1,2})\.(?=[^\d\s.])")


def _ordinal_run(text: str, at: int, k: int, ordinals: dict) -> bool:
    """Whether the k. at `at` is one of a run of ordinals k-1., k., k+1. on its line, three or
    more or beginning at 1., each before a word: 1.文件标题…2.发文字号…3.被审计单位名称 is a list
    whose line breaks were lost (序次语, GB/T 15834-2011 4.4), not numbers with no decimals.
    A number before a unit (3.个) is no ordinal. A line's ordinals are found once and kept in
    `ordinals` (line start -> {ordinal: its first place}), and so is the place and line start of
    the last one asked about ("last"): a long line of them is read once, not once each."""
    last = ordinals.get("last")
    if last is not None and last[0] <= at and text.find("\n", last[0], at) < 0:
        lo = last[1]
    else:
        lo = text.rfind("\n", 0, at) + 1
    ordinals["last"] = (at, lo)
    seen = ordinals.get(lo)
    if seen is None:
        hi = text.find("\n", at)
        seen = ordinals[lo] = {}
        for m in _ORDINAL_DOT.finditer(text, lo, len(text) if hi < 0 else hi):
            if text[m.end()] not in UNIT_CHARS and text[m.end()] not in SCALE_CHARS:
                seen.setdefault(int(m.group(1)), m.start())
    if seen.get(k) != at:
        return False
    first = last = k
    while first - 1 in seen and seen[first - 1] < seen[first]:
        first -= 1
    while last + 1 in seen and seen[last + 1] > seen[last]:
        last += 1
    return last > first and (first == 1 or last - first >= 2)


# The nouns that label a notice's items by number at the start of a line (问题2.以人民健康为中心…).
_ITEM_LABELS = ("问题", "措施", "任务", "事项", "要点", "案例")


def _labelled(text: str, s: int) -> bool:
    """Whether the k. at s follows an item's label that opens its line (问题2.…, 整改措施3.…): the
    label's number, not a count with a decimal point and no decimals. Looked for at s only."""
    for label in _ITEM_LABELS:
        a = s - len(label)
        if a >= 0 and text.startswith(label, a):
            if a >= 2 and text.startswith("整改", a - 2):
                a -= 2
            while a > 0 and text[a - 1] in " \t\u3000":
                a -= 1
            return a == 0 or text[a - 1] == "\n"
    return False


# A numbered clause's number opening a line, its title after it: 8.3长效机制 (GB/T 1.1-2020 §7).
_SECTION = r"(?:^|(?<=\n))\d{1,2}(?:\.\d{1,2})+(?=[\u3400-\u9fff])"
_SECTION_NEXT = patterns.compile(_SECTION)
_SECTION_BEFORE = patterns.compile(_SECTION, regex.REVERSE)


def _section_number(text: str, s: int, e: int) -> bool:
    """Whether the number at s..e opens its line as a clause number (8.3 before its title) and
    another line of the text opens with one too: numbered clauses, not a count that lost its
    unit. Each search stops at the nearest other clause number, so a text of many costs one
    pass."""
    m = _SECTION_NEXT.match(text, s)
    if m is None or m.end() != e:
        return False
    return bool(_SECTION_NEXT.search(text, e) or _SECTION_BEFORE.search(text, 0, s))


def _arabic(text, lo, hi, m, starts, found, ordinals):
    s, e = m.start(), m.end()
    num = m.group()
    if _coded(text, s) or (s > lo and text[s - 1] == "第"):
        return
    if num.endswith(".") and not num.startswith(".") and num.count(".") == 1:
        if e < hi and (text[e] in UNIT_CHARS or text[e] in SCALE_CHARS
                       or s > lo and text[s - 1] not in ": \t\"'“‘(→" and not text[e].isspace()
                       and not _ordinal_run(text, s, int(num[:-1]), ordinals) and not _labelled(text, s)):
            found.append(Defect("numeral", s, e))  # 3.个, 反馈的4.问题: a decimal point with no decimals
        return  # 1.关于…: a list marker, or a full stop
    if num.startswith(".") or num.count(".") > 1:
        found.append(Defect("numeral", s, e))
        return
    fig = starts.get(s)
    if fig is not None:
        if not _ok(fig) and not fig.approx or fig.more and not _rounded(fig):
            found.append(Defect("numeral", fig.start, fig.end))
        return
    nxt = text[e] if e < hi else ""
    if nxt in SCALE_CHARS:  # 3万 with no unit after it, or with a rate's: 7万%, 7万5%
        nxt = text[e + 1] if e + 1 < hi else ""
        if nxt == "" or nxt in _MARKS or nxt in _GRAMMAR_CHARS:
            found.append(Defect("lost-unit", s, e + 1))
        elif nxt == "%" or nxt in _NUMERAL_CHARS or nxt in SCALE_CHARS:
            found.append(Defect("numeral", s, e + 2))  # 7万%, 7万5%, 286.4万万元
        return
    if len(num) >= 5 and "." not in num and not _anchor(text, lo, s):
        return  # 12366, 318000: a service number or a postcode, no count
    if e < hi and text[e] in "、." and (s == lo or text[s - 1] in "。!?: \t(“"):
        return  # 1、审计报告指出…: a list marker
    if nxt == "、" and _neighbour(text, e + 1, hi, num):
        return  # 4、5次: two neighbouring figures that share one unit tell an approximate count
    if nxt == "" or nxt in _ORPHAN_MARKS or nxt in _GRAMMAR_CHARS:
        if not _section_number(text, s, e):
            found.append(Defect("lost-unit", s, e))
    elif nxt in "零〇一二两三四五六七八九十百千" and not text.startswith("是", e + 1):
        found.append(Defect("numeral", s, e + 1))


def _neighbour(text, at, hi, num) -> bool:
    """Whether the figure at `at` is `num` plus one, followed by its unit (4、5次)."""
    j = at
    while j < hi and text[j] in "0123456789":
        j += 1
    return (j > at and all(ch in "0123456789" for ch in num) and int(text[at:j]) == int(num) + 1
            and j < hi and text[j] in UNIT_CHARS)


def _chinese(text, lo, hi, m, starts, found):
    """A Chinese numeral is a count's only where a count's words come before it: 已完成整改三，
    and 反馈四问题 lost their 个."""
    s, e = m.start(), m.end()
    fig = starts.get(s)
    if fig is not None:
        if not _ok(fig) and not fig.approx or fig.more and not _rounded(fig):
            found.append(Defect("numeral", fig.start, fig.end))
        return
    if s > lo and text[s - 1].isdigit():
        return  # told with the Arabic number before it
    if e < hi and text[e].isdigit() and not (s > lo and text[s - 1] == "第"):
        found.append(Defect("numeral", s, e + 1))  # 一5%: two kinds of numeral in one number
        return
    nxt = text[e] if e < hi else ""
    if nxt in SCALE_CHARS or nxt in _MARKS and text.startswith(_NOUN_AFTER, e + 1):
        e += 1  # 三万方面, 三，方面
        nxt = text[e] if e < hi else ""
    if not _anchor(text, lo, s):
        return
    noun = text.startswith(_NOUN_AFTER, e)
    if text[s - 1] == "的" and not noun:
        return  # after 的 a numeral is a count only with the count's noun after it
    if nxt == "" or nxt in _ORPHAN_MARKS or noun:
        found.append(Defect("lost-unit", s, e))


def _orphan_unit(text, lo, hi, s, e, unit) -> bool:
    """A unit with no number before it, where a count's figure belongs."""
    prev = text[s - 1] if s > lo else ""
    nxt = text[e] if e < hi else ""
    if prev and (prev in _NUMERAL_CHARS or prev in SCALE_CHARS):
        return False
    if prev in "余多" and s - 2 >= lo and text[s - 2] in _NUMERAL_CHARS:
        return False  # 3900余项, 十余个
    if prev.isspace() and s - 2 >= lo and text[s - 2].isdigit():
        return False  # 237054.47 万元: a space slipped in, the figure is whole
    if unit == "%":
        return True
    if unit in SCALE_CHARS:  # 万 or 亿 with no number before it, where a figure belongs
        return bool(nxt) and (nxt in _NUMERAL_CHARS or nxt in UNIT_CHARS and (
            prev in _MARKS or _anchor(text, lo, s) is not None))
    twice = nxt == unit or prev == unit  # 件件, 个个: every one of them
    if twice:
        return e + 1 >= hi or text[e + 1] in _MARKS or text.startswith(_NOUN_AFTER, e + 1) \
            or prev in _MARKS and _STATUS_AT.match(text, e + 1) is not None
    if prev in QUANTIFIERS or text.startswith(UNIT_WORDS, s):
        return False  # 各项, 项目: words, not units
    if prev + nxt in _GRAMMAR_WORDS:
        return True  # 问个题: the unit was put inside a count's word
    ended = [word for word in UNIT_ENDED if s + 1 >= len(word) and text.startswith(word, s + 1 - len(word))]
    if prev in _ANCHOR_CHARS:
        anchor = _anchor(text, lo, s)
        # A count's words before the unit, unless a word ending in the unit holds them whole
        # (交办件12件: 交办 is in the noun 交办件; 已落实名6条: 实名 holds only the 实 of 已落实).
        if anchor is not None and not any(s + 1 - len(word) <= anchor.start() for word in ended):
            return True
    if ended:
        return False  # 事项, 款项15笔, 文件, 负责人
    if nxt.isdigit():
        return True
    alone = nxt == "" or nxt in _MARKS or text.startswith(_NOUN_AFTER, e) or _STATUS_AT.match(text, e) is not None
    if prev in _MARKS:
        return alone  # ，个正在整改: the unit stands alone where a figure was
    if unit == "个":
        return alone
    return prev in _ANCHOR_LAST and (nxt == "" or nxt in _MARKS)


def _counted_after(text, lo, start) -> bool:
    """Whether a count's words (other than 的) stand right before a figure: 制定2个0项."""
    m = _anchor(text, lo, start)
    return m is not None and m.group() != "的"


def _after_figure(text, lo, e, hi, fig, found):
    """A figure followed by a second unit (3个个, 3个项, 4%个, 3个万), or a count's figure
    followed straight by a number (已完成1个1项, 完成率91%7%). Figures that no count word names
    may follow each other: 14项28个具体问题, 2件3人, 一项一项; so may a group counted apart and
    the people it involves (移交问题线索2件3人)."""
    if e >= hi:
        return
    nxt = text[e]
    if nxt in UNIT_CHARS or nxt in SCALE_CHARS:
        if text.startswith(UNIT_WORDS, e) or text.startswith("人次", e - 1):
            return
        found.append(Defect("doubled-unit", fig.start, e + 1))
    elif (nxt.isdigit() or nxt in "零〇一二两三四五六七八九十") and (
            fig.role not in ("fig", "part", "whole", "separate") or _counted_after(text, lo, fig.start)):
        found.append(Defect("numeral", fig.start, e + 1))


def _wrong_class(f, found):
    g = f.group
    if f.role == "amount" and unit_class(f.unit) != "元":
        found.append(Defect("class", f.start, f.end))  # 涉及金额286.4万个
        return
    if g is None:
        return
    if f.role in ("done", "open", "rest", "problems", "measures", "restate") and g.kind in _CLASSES:
        if f.unit not in _CLASSES[g.kind]:
            found.append(Defect("class", f.start, f.end))
    elif f.role == "aspects" and f.unit not in ("个", ""):
        found.append(Defect("class", f.start, f.end))
    elif f.role in ("rate", "share") and f.unit != "%":
        found.append(Defect("class", f.start, f.end))


def counting_sentences(text: str, lo: int, hi: int, cues: list | None = None):
    """(start, end) of the sentences of text[lo:hi] that count: two or more count words, or a
    count word or count near others (a full stop slipped into a counting sentence parts it).
    cues: where the count words of text[lo:hi] start, when known."""
    if cues is None:
        cues = [m.start() for m in CUE.finditer(text, lo, hi)]
    if not cues:
        return
    spans = list(_sentences(text, lo, hi))
    counts = []
    for s, e in spans:
        n = bisect.bisect_left(cues, e) - bisect.bisect_left(cues, s)
        if n == 1 and len(_NUMBER.findall(text, s, e)) >= 2:
            n = 2  # 审计发现问题4个，已整4改个: the second lost its word
        counts.append(n)
    for i, (s, e) in enumerate(spans):
        if counts[i] >= 2 or (counts[i] or _COUNT_FIG.search(text, s, e) or _NUMBER.search(text, s, e)) \
                and sum(counts[max(0, i - 2):i + 3]) >= 2:
            yield s, e


def _cues(text, s, e, found: list | None = None) -> int:
    """Count words in a sentence or paragraph; one count word with two numbers counts as two.
    found: a list to put where each count word starts."""
    at = [m.start() for m in CUE.finditer(text, s, e)]
    if found is not None:
        found.extend(at)
    n = len(at)
    if n == 1 and len(_NUMBER.findall(text, s, e)) >= 2:
        n = 2
    return n


_COUNT_FIG = patterns.compile(r"[\d零〇一二两三四五六七八九十百千][个项条件]")
# A number that is no date's part.
_NUMBER = patterns.compile(r"\d+(?![\d.年月日号时])")
_SENTENCE = patterns.compile(r"[^。!?\n]+[。!?]?")


def _sentences(text, lo, hi):
    for m in _SENTENCE.finditer(text, lo, hi):
        yield m.start(), m.end()


def read(text: str, lo: int, hi: int, cues: list | None = None) -> Reading:
    """The counting sentences of a paragraph: their groups, figures and defects."""
    groups, figures = read_paragraph(text, lo, hi)
    found, ordinals = [], {}
    starts = [f.start for f in figures]  # in order, as read: each sentence's are found by bisection
    for s, e in counting_sentences(text, lo, hi, cues):
        own = figures[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
        found += defects(text, s, e, own, lo, ordinals)
    found += _styles(text, groups, figures)
    return Reading(groups, figures, found)


def _styles(text, groups, figures) -> list[Defect]:
    """Counts of one base in both Arabic and Chinese numerals (同类别同形式, GB/T 15835-2011), and
    二 before a measure word where 两 is written (二个)."""
    out = []
    for g in groups:
        # Aspects are another kind of count: 三个方面7个问题 is how notices write.
        counts = [f for f in [g.total, *g.parts, *g.restates] if f.unit in COUNT_UNITS]
        systems = {f.system for f in counts}
        if len(systems) > 1:
            arabic = sum(f.system == "arabic" for f in counts)
            chinese = len(counts) - arabic
            fewer = {"arabic"} if arabic < chinese else {"chinese"} if chinese < arabic else systems
            out += [Defect("mixed", f.start, f.end) for f in counts if f.system in fewer]
    for f in figures:
        if f.num == "二" and f.unit in COUNT_UNITS and (f.start == 0 or text[f.start - 1] not in "第十"):
            out.append(Defect("er", f.start, f.end))
    return out


# -- arithmetic ----------------------------------------------------------------------------------

class Inconsistency(Record):
    """A figure that does not agree with its base: kind, the figures it rests on, and numbers."""

    FIELDS = ("kind", "figures", "numbers")

    def __init__(self, kind: str, figures: list, numbers: dict):
        # exceeds, sum, rest, rate, truncated, share, aspects, parts-exceed
        self.kind = kind
        self.figures = figures
        self.numbers = numbers


def rate_at(written: str, x: int, total: int, half_up: bool) -> str:
    """x/total as a percentage to as many places as the written rate has, rounded half up or
    cut off, written as decimal's quantize writes it (100, 91.7, 0.00). In integers: the exact
    value, with no float's error and no decimal import on every run."""
    places = len(written.split(".")[1]) if "." in written else 0
    scaled = 100 * x * 10**places  # the rate in units of its last written place, times total
    units = (2 * scaled + total) // (2 * total) if half_up else scaled // total
    if not places:
        return str(units)
    return f"{units // 10**places}.{units % 10**places:0{places}d}"


def rate_kind(written: str, x: int, total: int) -> str:
    """"rounded" when the rate is x/total rounded to the places written, "truncated" when it is
    cut off there instead, else "wrong"."""
    stated = int(written.replace(".", ""))
    if stated == int(rate_at(written, x, total, True).replace(".", "")):
        return "rounded"
    return "truncated" if stated == int(rate_at(written, x, total, False).replace(".", "")) else "wrong"


def _reachable(written: str, total: int) -> bool:
    """Whether some whole count out of total gives this rate (rounded or cut off)."""
    for x in range(total + 1):
        if rate_kind(written, x, total) != "wrong":
            return True
    return False


def inconsistencies(group: Group) -> list[Inconsistency]:
    """Where the figures of a group disagree with its base. A group at the end of a chain of nested
    totals (4个方面18个问题34个具体问题) is checked against each level: its parts may count any one of
    them, and disagree only where they match none (then as against its own, the finest)."""
    found = _inconsistencies(group, group.total)
    if found and len(group.levels) > 1:
        for level in group.levels[:-1]:
            if not _inconsistencies(group, level):
                return []
    return found


def _inconsistencies(group: Group, total: Figure) -> list[Inconsistency]:
    out = []
    t = total.value
    if group.subset:
        parts = group.parts
        summed = sum(p.value for p in parts)
        if len(parts) >= 2 and summed > t * (1 + 1e-9) + 1e-6:
            out.append(Inconsistency("parts-exceed", [total, *parts], {"summed": summed}))
    else:
        parts = [p for p in group.parts if p.unit != "%"]
        done = [p for p in parts if p.status == "done"]
        x = sum(p.value for p in done)
        s = sum(p.value for p in parts)
        rests = [i for i, p in enumerate(parts) if p.status == "rest"]
        if rests:  # 其余N个: the total less the parts before it
            i = rests[0]
            rest = t - sum(q.value for q in parts[:i])
            if abs(parts[i].value - rest) > 1e-6 * max(t, 1):
                out.append(Inconsistency("rest", [total, *parts[:i + 1]], {"rest": rest}))
        elif s > t * (1 + 1e-9) + 1e-6:
            out.append(Inconsistency("exceeds", [total, *parts], {"done": x, "others": s - x}))
        elif len(parts) >= 2 and group.listed and abs(s - t) > 1e-6 * max(t, 1):
            out.append(Inconsistency("sum", [total, *parts], {"sum": s}))
        if group.all_done and parts and abs(x - t) > 1e-9:
            out.append(Inconsistency("sum", [total, *parts], {"sum": x}))
        for again in group.restates:
            if abs(again.value - t) > 1e-9:
                out.append(Inconsistency("restate", [again, total], {}))
        known = done or group.all_done
        done_count = x if done else t
        for rate in group.rates:
            if rate.unit != "%" or not t or t != int(t):
                continue
            if known:
                kind = rate_kind(rate.num, int(done_count), int(t))
                if kind != "rounded":
                    out.append(Inconsistency("rate" if kind == "wrong" else "truncated",
                                             [rate, total, *done], {"done": done_count}))
            elif not _reachable(rate.num, int(t)):
                out.append(Inconsistency("rate", [rate, total], {"done": None}))
        for p in group.parts:
            if p.unit == "%" and t == int(t) and not _reachable(p.num, int(t)):
                out.append(Inconsistency("rate", [p, total], {"done": None}))
        if group.aspects is not None and not 1 <= group.aspects.value <= t:
            out.append(Inconsistency("aspects", [group.aspects, total], {}))
    for share, part in group.shares:
        if share.unit != "%" or not t:
            continue
        actual = 100 * part.value / t
        stated = float(share.num)
        if share.floor:
            if stated > actual + 0.5 or stated > 100:
                out.append(Inconsistency("share", [share, part, total], {"actual": actual}))
        elif group.subset or part.value != int(part.value) or t != int(t):
            if abs(stated - actual) > 0.5:
                out.append(Inconsistency("share", [share, part, total], {"actual": actual}))
        else:
            kind = rate_kind(share.num, int(part.value), int(t))
            if kind != "rounded":
                out.append(Inconsistency("share" if kind == "wrong" else "truncated", [share, part, total],
                                         {"actual": actual, "done": part.value}))
    return out


def _fmt(number) -> str:
    return str(int(number)) if number == int(number) else f"{number:g}"


def _said(number, like: Figure) -> str:
    """A number written as a figure like `like` is: 3个, 286.4万元."""
    scale = {"万": 10_000, "亿": 100_000_000}.get(like.scale, 1)
    return f"{round(number / scale, 8):g}{like.scale}{like.unit}"


def arithmetic_findings(group: Group):
    """(start, end, message kind, message arguments, hint) for each inconsistency of a group: the
    rules word them. A hint is a rate cut off instead of rounded."""
    total = group.total
    t = _fmt(total.value)
    for bad in inconsistencies(group):
        figs, numbers = bad.figures, bad.numbers
        start, end = min(f.start for f in figs), max(f.end for f in figs)
        if bad.kind == "exceeds":
            yield start, end, "exceeds", {"done": _said(numbers["done"], total),
                                          "others": _said(numbers["others"], total),
                                          "total": _said(total.value, total)}, False
        elif bad.kind == "sum":
            yield start, end, "sum", {"sum": _said(numbers["sum"], total), "total": _said(total.value, total)}, False
        elif bad.kind == "rest":
            rest = figs[-1]
            yield rest.start, rest.end, "rest", {"written": _said(rest.value, rest),
                                                 "rest": _said(numbers["rest"], rest)}, False
        elif bad.kind == "restate":
            again = figs[0]
            yield again.start, again.end, "restate", {"written": _said(again.value, again),
                                                      "total": _said(total.value, total)}, False
        elif bad.kind == "truncated":
            rate, done = figs[0], numbers["done"]
            yield rate.start, rate.end, "truncated", {
                "rate": rate.num, "done": _fmt(done), "total": t,
                "rounded": rate_at(rate.num, int(done), int(total.value), True)}, True
        elif bad.kind == "share" and figs[1].role == "done" and not group.subset:
            share, done = figs[0], figs[1].value  # 已整改销号3个，占整改问题总数的75%: a completion rate
            yield share.start, share.end, "rate", {"rate": share.num, "done": _fmt(done), "total": t,
                                                   "actual": 100 * done / total.value}, False
        elif bad.kind == "share":
            share, part = figs[0], figs[1]
            yield share.start, share.end, "share", {"share": share.num, "part": part.num + part.scale + part.unit,
                                                    "total": total.num + total.scale + total.unit,
                                                    "actual": numbers["actual"]}, False
        elif bad.kind == "rate" and numbers["done"] is None:
            rate = figs[0]
            yield rate.start, rate.end, "rate-of", {"rate": rate.num, "total": t}, False
        elif bad.kind == "rate":
            rate, done = figs[0], numbers["done"]
            yield rate.start, rate.end, "rate", {"rate": rate.num, "done": _fmt(done), "total": t,
                                                 "actual": 100 * done / total.value}, False
        elif bad.kind == "aspects":
            yield start, end, "aspects-exceed", {"aspects": _fmt(figs[0].value), "total": t}, False
        elif bad.kind == "parts-exceed":
            yield start, end, "parts-exceed", {"summed": _fmt(numbers["summed"]) + unit_class(total.unit),
                                               "total": total.num + total.scale + total.unit}, False


# -- per document --------------------------------------------------------------------------------

_NO_FIGURES: tuple = ()


def reading(doc) -> list[tuple[object, Reading]]:
    """(paragraph, Reading) for each body paragraph of a document whose counting sentences hold a
    group or a defect, with its groups and defects (not its figures); read once per document
    (Document.counts), for every rule that asks."""
    return doc.counts


def read_document(doc) -> list[tuple[object, Reading]]:
    """What `reading` gives, read now (Document.counts keeps it)."""
    text = doc.folded
    got = []
    numeral = _NUMERAL.search
    for para in doc.body_paragraphs():
        a, b = para.start, para.end
        # One search that stops at the paragraph's first number, not a match made for each
        # number of the document (a match never runs into the next paragraph: no line break).
        if numeral(text, a, b) is None:
            continue  # no number: no figure, and nothing that nearly reads as one
        cues: list = []
        if _cues(text, a, b, cues) < 2 and text.find("其中", a, b) < 0:
            continue  # a total and its part, or a part and its rate, take two count words
        counted = read(text, a, b, cues)
        # Rules ask a reading for its groups and defects only. Most paragraphs with count words
        # have neither, and a 10 MiB draft held tens of MiB of their figures for nothing; the
        # figures no group holds are let go too.
        if counted.groups or counted.defects:
            counted.figures = _NO_FIGURES
            got.append((para, counted))
    return got


# A paragraph with no number in it has no figure, and nothing that nearly reads as one.
_NUMERAL = patterns.compile(r"\d(?![\d.年月日号时分秒])|(?<!第)[零〇一二两三四五六七八九十百千](?:[个项条件人名次元%万亿,;:、。.]|方面)")
