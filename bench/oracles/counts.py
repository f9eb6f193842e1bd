"""Reference oracle for the counts family: counting sentences and their figures.

Written from the grammar as a proofreader reads a counting sentence, apart from the rules (it
imports nothing from rectlint).

A figure is a number and its unit: 4个, 三个, 11项, 75%, 66.7%, 1.5万元, 49人次. A counting
sentence names a base and figures that refer to it:

- a total: 反馈(的)4个问题, 问题4个, 细化整改措施12项, 三个方面, 共有执业医师56人, 共计投入1.5万元;
- its parts by status: 已完成(整改)3个, 正在整改1个, 阶段性完成1个, 其余1个…; when two or more
  status parts are listed they account for the whole total, one part alone may leave the rest
  unsaid;
- a rate of completion (完成率/整改率Z%): the completed part over the total, to the places
  written (rounded; cut off instead is a style slip, not an error: a notice may keep 99.9% to avoid
  claiming 100%); it cannot exceed 100%;
- a share (占…的Z%, 占比Z%): the part just before it over the base it names; after 达/超过/以上
  the share is a floor;
- parts after 其中 (共N…，其中a…、b…): a subset, never more than the total, in the total's unit
  (元 with 万元 and 亿元 converted; 人 with 名);
- the count of 方面 is at most the count of problems, and where the notice lists its items,
  the declared problems, aspects and completed problems agree with the items listed.

Counts of different things are kept apart: 方面, problems (个/项/条/件), measures (项/条/个/件),
people (人/名), 人次, money (元/万元/亿元), rates (%).

A number is well formed when it has no leading zero, is an integer where things are counted, has
at most two decimals in 元 (four in 万元, eight in 亿元), and, in Chinese numerals, is a numeral
as written (十二, 二十, 两个; not 百个 or 六六). A figure must keep exactly one unit.
"""

from __future__ import annotations

import regex as re

NAME = "counts"
ALPHABET = "0123456789一二两三四五六七八九十百个项条件人名次元万亿%.、，。"
INSERTS = "个项条件人次元万亿%.、，。"

# One character for one, so every offset found in the folded text is an offset in the text.
_FOLD = str.maketrans({"，": ",", "。": "。", "；": ";", "：": ":", "（": "(", "）": ")", "％": "%", "．": "."})

CN = "零〇一二两三四五六七八九十百千"
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9}
UNITS = ("万元", "亿元", "人次", "个", "项", "条", "件", "人", "名", "次", "元", "%")
_UNIT_RE = "万元|亿元|人次|[个项条件人名次元%]"
NUM_RE = rf"(?:\d+(?:\.\d+)?|[{CN}]+)"
FIG = rf"(?P<fig>(?P<num>{NUM_RE})(?P<scale>[万亿](?=[个项条件人名次元]))?(?P<unit>{_UNIT_RE}))"

# What each kind of base is counted in.
CLASSES = {
    "problems": {"个", "项", "条", "件"},
    "measures": {"项", "条", "个", "件"},
    "aspects": {"个"},
    "people": {"人", "名"},
    "visits": {"人次"},
    "times": {"次"},
    "money": {"元", "万元", "亿元"},
    "rate": {"%"},
}
_SCALE = {"万元": 10_000, "亿元": 100_000_000}
_PLACES = {"元": 2, "万元": 6, "亿元": 10, "%": 3}

# Status words a count uses (a proofreader's list, from notices read: 已销号, 已办结, 已落实 for
# measures, 部分整改, 持续办理, 按期推进中…).
_DONE = (r"(?:已整改销号|整改销号|已完成整改|已整改到位|整改到位|完成整改|已整改完成|已完成|已整改|已办结|已销号"
         r"|整改完成|已落实)")
_OPEN = (r"(?:阶段性完成(?:整改)?|基本完成(?:整改)?|正在整改(?:中)?|持续整改|持续推进|需长期坚持|长期坚持|尚未完成"
         r"|未完成(?:整改)?|未整改到位|部分整改|持续办理|正在办理|正在推进|按期推进(?:中)?|推进中)")
_ALL = r"(?:已|均已)?全部(?:完成整改|整改完成|整改到位|完成|销号)"
_SUBJECT = r"(?:(?P<subj>(?:反馈|巡察|巡视|审计)?问题|(?:整改)?措施|(?:整改)?任务)(?:中)?)?"
_TAIL = r"(?:整改)?(?:的)?(?P<named>问题)?"
_VERB = r"(?:反馈|反映|指出|梳理|交办|查出|发现|提出|涉及)(?:了|出)?(?:的)?"
_NOUN = r"(?P<noun>(?:具体)?问题|(?:整改)?措施|(?:整改)?任务)"

PATTERNS = [
    # 查出的5个方面问题中: the areas are what is counted.
    ("problems", rf"{_VERB}{FIG}方面(?:的)?问题"),
    ("aspects", rf"{FIG}(?=方面)"),
    ("aspects", rf"(?P<fig>(?P<num>\d+|[{CN}]+)(?P<scale>)(?P<unit>))(?=方面)"),  # 6方面, 三方面
    ("problems", rf"{_VERB}(?:各类|具体)?(?:问题)?(?:共|共计|总计)?{FIG}(?:具体)?(?:的)?问题"),
    ("problems", rf"{_VERB}(?:各类|具体)?问题(?:共|共计|总计)?{FIG}"),
    ("problems", rf"(?<=方面(?:的|共|共计)?){FIG}(?:具体)?问题"),
    ("problems", rf"(?:共|共计|总计)(?:反馈|发现|查出)?问题{FIG}"),
    ("problems", rf"(?:共|共计|总计|细化为|细化成|梳理出|梳理为){FIG}(?:具体)?问题"),
    ("measures", rf"(?:细化|制定|明确|形成|梳理|提出)(?:了)?(?:具体)?(?:整改)?(?:措施|任务)(?:共|共计)?{FIG}"),
    ("measures", rf"(?:细化|制定|明确|形成|提出)(?:了)?(?:具体)?(?:整改)?{FIG}(?:具体)?(?:整改)?(?:措施|任务)"),
    ("rest", rf"其余(?:的)?{FIG}"),
    # 8个问题已整改完成7个 / 5个问题已全部完成整改: the total said again, as the parts' subject.
    # (立行立改的12个问题已完成整改 is a part qualified by 的, not the total again.)
    ("restate", rf"(?<!的){FIG}{_NOUN}(?:中)?(?=(?:已|均已)?(?:全部)?{_DONE}|{_OPEN}|{_ALL})"),
    ("done", rf"{_SUBJECT}(?<!阶段性|基本|未|尚未){_DONE}{_TAIL}{FIG}"),
    ("open", rf"{_SUBJECT}{_OPEN}{_TAIL}{FIG}"),
    # 2个已整改完成，1个按期推进中: the status after its figure, closing the clause.
    ("post-done", rf"{FIG}(?:问题)?(?={_DONE}(?:[,;。、]|$))"),
    ("post-open", rf"{FIG}(?:问题)?(?={_OPEN}(?:[,;。、]|$))"),
    ("amount", rf"(?P<akind>涉及(?:问题)?(?:资金|金额)|(?:已)?整改(?:问题)?(?:资金|金额)){FIG}"),
    ("rate", rf"(?:整改)?(?:完成率|整改率|落实率|办结率|销号率)(?:为|达到|达|是)?{FIG}"),
    ("share", rf"占(?P<base>[^,;。]{{0,20}}?)(?:的)?(?:比例|比重)?(?:为|达到|达|超过)?{FIG}"),
    ("share", rf"占比(?:为|达到|达|超过)?{FIG}"),
    ("all", _ALL),
    ("whole", rf"(?:共有|共计|总计|合计|累计|共)(?P<noun>[^,;。\d{CN}]{{0,12}}?){FIG}"),
    ("part", rf"{FIG}"),
]
_COMPILED = [(role, re.compile(p)) for role, p in PATTERNS]
_SENT = re.compile(r"[^。!?\n]+[。!?]?")


def fold(text: str) -> str:
    return text.translate(_FOLD)


# -- numbers ------------------------------------------------------------------------------------

def cn_value(s: str):
    """A Chinese numeral as written in counts, or None when it is not one: 三, 十二, 二十, 一百零五,
    两 (only as the leading digit before a unit or measure word)."""
    if not s or any(c not in CN for c in s) or "万" in s or "千" in s:
        return None
    total, digit, last_unit = 0, None, 1000
    i = 0
    while i < len(s):
        c = s[i]
        if c in _CN_DIGIT:
            if digit is not None:
                return None  # 六六, 三二
            if c in "零〇":
                if i == 0 or i == len(s) - 1 or s[i + 1] in "十百零〇":
                    return None
                digit = None
                i += 1
                continue
            if c == "两" and i != 0:
                return None
            digit = _CN_DIGIT[c]
        else:
            unit = 10 if c == "十" else 100
            if unit >= last_unit:
                return None
            if digit is None:
                if not (c == "十" and i == 0):
                    return None  # 百个, 三百十
                digit = 1
            if c == "十" and s[0] == "两" and i == 1:
                return None  # 两十
            total += digit * unit
            last_unit, digit = unit, None
        i += 1
    if digit is not None:
        if last_unit == 100 and "零" not in s and total:
            return None  # 一百五 is a shortened 一百五十, not 105: not written in counts
        total += digit
    return total


def parse_figure(text: str):
    """(value, unit, system) of a figure written alone, or None when it is not well formed."""
    m = re.fullmatch(FIG, text)
    if not m:
        return None
    num, unit = m.group("num"), m.group("unit")
    scale = {"万": 10_000, "亿": 100_000_000}.get(m.group("scale") or "", 1)
    if unit in ("万元", "亿元") and scale != 1:
        return None
    if num[0].isdigit():
        if "." in num:
            whole, frac = num.split(".")
            places = _PLACES.get(unit)
            if places is not None and scale > 1:
                places += len(str(scale)) - 1  # 3.226亿元: 亿 carries eight more places
            elif scale > 1:
                places = 8
            if places is None or len(frac) > places:
                return None
        else:
            whole = num
        if len(whole) > 1 and whole[0] == "0":
            return None
        value, system = float(num), "arabic"
    else:
        if unit in ("%", "元", "万元", "亿元"):
            return None  # rates and amounts are written in Arabic numerals
        v = cn_value(num)
        if v is None:
            return None
        value, system = float(v), "chinese"
    return value * scale * _SCALE.get(unit, 1), unit, system


def unit_class(unit: str) -> str:
    return "people" if unit in ("人", "名") else "money" if unit in ("元", "万元", "亿元") else unit


# -- the model of a notice's counting sentences --------------------------------------------------

class Fig:
    def __init__(self, role, start, end, num, unit, scale=""):
        self.role, self.start, self.end, self.num, self.unit, self.scale = role, start, end, num, unit, scale
        self.group, self.floor, self.status = None, False, None

    def __repr__(self):
        return f"Fig({self.role} {self.num}{self.scale}{self.unit} @{self.start})"


class Group:
    """A base and the figures that refer to it."""

    def __init__(self, kind, total, subset=False):
        self.kind, self.total, self.subset = kind, total, subset
        self.parts: list[Fig] = []  # done/open/rest (status parts) or 其中 parts
        self.rates: list[Fig] = []
        self.shares: list[tuple[Fig, Fig]] = []  # (share, part it measures)
        self.restates: list[Fig] = []  # the total said again (8个问题已整改完成7个)
        self.all_done = False
        self.aspects: Fig | None = None
        self.money: Group | None = None  # 涉及金额…: the amount the counted problems involve


def _tokens(f: str, lo: int, hi: int):
    """Role tokens of a paragraph, longest first at each position, none overlapping."""
    found = []
    for order, (role, rx) in enumerate(_COMPILED):
        for m in rx.finditer(f, lo, hi):
            found.append((m.start("fig") if "fig" in m.groupdict() and m.group("fig") else m.start(), order, role, m))
    found.sort(key=lambda t: (t[0], t[1]))
    taken, out = [], []
    for _, order, role, m in found:
        if "fig" in m.groupdict() and m.group("fig"):
            key = (m.start("fig"), m.end("fig"))
        else:
            key = (m.start(), m.end())
        if any(a < key[1] and key[0] < b for a, b in taken):
            continue
        taken.append(key)
        out.append((key[0], role, m))
    out.sort(key=lambda t: t[0])
    return out


def _fig(role, m):
    return Fig(role, m.start("fig"), m.end("fig"), m.group("num"), m.group("unit"), m.group("scale") or "")


def figure_value(num, scale, unit):
    """The value of a figure as written, or None; an aspect count may go without its 个 (6方面)."""
    if not unit:
        v = int(num) if num.isdigit() and (num == "0" or num[0] != "0") else cn_value(num)
        return None if v is None else float(v)
    p = parse_figure(num + scale + unit)
    return None if p is None else p[0]


def _value(fig: Fig):
    return figure_value(fig.num, fig.scale, fig.unit)


def paragraphs(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def _in_date_or_code(f: str, fig_start: int) -> bool:
    """A number glued to letters, a dash or a slash is a code, not a count."""
    return fig_start > 0 and (f[fig_start - 1].isascii() and (f[fig_start - 1].isalnum() or f[fig_start - 1] in "-/_"))


def model(text: str):
    """(groups, figures) of the counting sentences of a notice."""
    f = fold(text)
    groups, figs = [], []
    for lo, hi in paragraphs(f):
        if hi - lo < 4:
            continue
        totals = []  # this paragraph's count totals, in order
        last_group = None  # the group of the latest total or part
        last_part = None
        last_status = None  # the status part an amount after it belongs to
        whereof, whereof_end = None, hi
        pending_aspects = None
        subject_group, subject_at = None, -1  # a total said again as its parts' subject
        for pos, role, m in _tokens(f, lo, hi):
            if whereof is not None and pos > whereof_end:
                whereof = None
            if role == "all":
                if last_group is not None and last_group.kind == "problems":
                    last_group.all_done = True
                    last_status = "done"
                continue
            fig = _fig(role, m)
            if _value(fig) is None or _in_date_or_code(f, fig.start) or f[max(lo, fig.start - 1):fig.start] == "第":
                continue
            if role == "aspects":
                pending_aspects = fig
                continue
            if role in ("problems", "measures"):
                g = Group(role, fig)
                if role == "problems" and pending_aspects is not None and pending_aspects.end >= fig.start - 4:
                    g.aspects = pending_aspects
                    pending_aspects.group = g
                    figs.append(pending_aspects)
                pending_aspects = None
                fig.group = g
                groups.append(g)
                figs.append(fig)
                totals.append(g)
                last_group, last_status, subject_group = g, None, None
                continue
            pending_aspects = None
            if role == "restate":
                kind = "problems" if "问题" in m.group("noun") else "measures"
                g = next((t for t in reversed(totals) if t.kind == kind), None)
                if g is None:  # said here for the first time: the total itself
                    g = Group(kind, fig)
                    groups.append(g)
                    totals.append(g)
                else:
                    g.restates.append(fig)
                fig.group = g
                figs.append(fig)
                last_group, subject_group, subject_at = g, g, fig.start
                continue
            if role in ("done", "open", "rest", "post-done", "post-open") and not (
                    role == "rest" and unit_class(fig.unit) == "money"):
                status = role.replace("post-", "")
                if status == "rest":  # the rest of a total after the parts just counted
                    g = last_part.group if last_part is not None and last_part.status and \
                        f.rfind("。", lo, fig.start) < last_part.start else None
                else:
                    g = _base(m.groupdict().get("subj") or m.groupdict().get("named"), fig, totals,
                              subject_group if f.rfind("。", lo, fig.start) < subject_at else None, last_group)
                if g is None:
                    continue
                fig.role, fig.group, fig.status = status, g, status
                g.parts.append(fig)
                figs.append(fig)
                last_group, last_part, last_status = g, fig, status
                continue
            if role in ("amount", "rest"):
                if unit_class(fig.unit) != "money" or last_group is None:
                    continue
                owner = last_group
                if role == "amount" and m.group("akind").startswith("涉及") and last_status is None:
                    owner.money = Group("money", fig)  # the amount the counted problems involve
                    fig.group = owner.money
                    groups.append(owner.money)
                    figs.append(fig)
                    continue
                if owner.money is None:
                    continue
                status = "rest" if role == "rest" else ("done" if not m.group("akind").startswith("涉及")
                                                        else last_status)
                fig.role, fig.group, fig.status = "money-" + status, owner.money, status
                owner.money.parts.append(fig)
                figs.append(fig)
                continue
            if role == "rate":
                g = last_group
                if g is None or g.kind not in ("problems", "measures"):
                    continue
                fig.group = g
                g.rates.append(fig)
                figs.append(fig)
                continue
            if role == "share":
                fig.floor = bool(re.search(r"(?:达|超过)$", f[m.start():m.start("fig")]) or
                                 f.startswith("以上", fig.end))
                base = m.groupdict().get("base")
                if whereof is not None and whereof.parts:
                    part, g = whereof.parts[-1], whereof
                elif last_part is not None and last_part.group is not None:
                    part, g = last_part, last_part.group
                else:
                    continue
                if base and not _names_base(base, g):
                    continue  # a share of another base than the sentence's total: nothing to check
                fig.group = g
                g.shares.append((fig, part))
                figs.append(fig)
                continue
            if role == "whole":
                cls = unit_class(fig.unit)
                if cls == "%":
                    continue
                end = _sentence_end(f, fig.end, hi)
                k = f.find("其中", fig.end, end)
                if k < 0:
                    continue
                g = Group(cls, fig, subset=True)
                fig.group = g
                groups.append(g)
                figs.append(fig)
                whereof, whereof_end = g, _sentence_end(f, k, hi, brackets=True)
                last_part = None
                continue
            if role == "part" and whereof is not None:
                if unit_class(fig.unit) != whereof.kind:
                    continue
                if f.rfind("其中", lo, fig.start) < whereof.total.end:
                    continue
                fig.group = whereof
                whereof.parts.append(fig)
                figs.append(fig)
                last_part = fig
    # Only groups with something to check are counting sentences.
    keep = [g for g in groups if g.parts or g.rates or g.shares or g.all_done or g.aspects or g.restates
            or (g.money is not None and g.money.parts)]
    keep += [g.money for g in keep if g.money is not None and g.money.parts]
    kept = {id(g) for g in keep}
    figs = [x for x in figs if x.group is not None and id(x.group) in kept]
    return [g for g in groups if id(g) in kept], figs


def _base(subject, fig, totals, subject_group, last_group):
    """The total a part by status counts from: the one its words name, or the total said again
    as its subject (8个问题已整改完成7个); else the one total counted in the part's own unit
    (细化整改措施53项，已完成48项); else the problems (反馈的3个问题，制定整改措施10条。已完成
    整改2个: a status is a problem's); else the latest."""
    if subject:
        kind = "measures" if ("措施" in subject or "任务" in subject) else "problems"
        return next((t for t in reversed(totals) if t.kind == kind), None)
    if subject_group is not None:
        return subject_group
    latest = {}
    for t in totals:
        latest[t.kind] = t
    fitting = [t for t in latest.values() if t.total.unit == fig.unit]
    if len(fitting) == 1:
        return fitting[0]
    if len(fitting) > 1:
        return last_group if last_group in fitting else fitting[-1]
    if "problems" in latest:
        return latest["problems"]
    if last_group is not None and last_group.kind in ("problems", "measures"):
        return last_group
    return None


def _sentence_end(f, pos, hi, brackets=False):
    m = re.compile(r"[。!?;)]" if brackets else r"[。!?;]").search(f, pos, hi)
    return m.start() if m else hi


def _names_base(base: str, g: Group) -> bool:
    """Whether the words of 占…的 name the group's total: 占整改问题总数 names the problems,
    占同类机构医师 the doctors counted; 占全省 or 占年度预算 another base."""
    base = base.strip()
    if g.kind == "problems":
        return "问题" in base
    if g.kind == "measures":
        return "措施" in base or "任务" in base
    if not base:
        return True
    return False


# -- the items a notice lists -------------------------------------------------------------------

_L1 = re.compile(r"^(?:#+\s*)?(?:\*\*)?[一二三四五六七八九十]+、")
_MARKS = [
    ("(cn)", re.compile(r"^(?:#+\s*)?(?:\*\*)?\([一二三四五六七八九十]+\)")),
    ("n.", re.compile(r"^(?:#+\s*)?(?:\*\*)?\d+[.、](?!\d)")),
    ("(n)", re.compile(r"^(?:#+\s*)?(?:\*\*)?\(\d+\)")),
    ("qn", re.compile(r"^(?:#+\s*)?(?:\*\*)?问题[一二三四五六七八九十\d]+:")),
    ("di", re.compile(r"^(?:#+\s*)?(?:\*\*)?第[一二三四五六七八九十]+,")),
    # 针对“…”的问题，…: a problem told in a paragraph of its own under a group heading.
    ("zhendui", re.compile(r"^针对“[^”]+”(?:的)?问题")),
]
_STATUS_DONE = re.compile(r"^(?:已完成|完成|已整改|已办结|已销号|整改完成|立行立改)")
_STATUS_OPEN = re.compile(r"^(?:阶段性|基本完成|正在|持续|长期坚持|未完成|尚未)")
_STATUS_AT = re.compile(r"(?:整改结果|整改状态|整改进度|整改进展|完成情况|整改情况|整改落实情况):\s*([^。,;\n]*)"
                        r"|【([^】]*)】")


def items(text: str):
    """(items, groups, statuses) the notice lists in its problems section, or None when it lists
    none that a reader can count. statuses: "done", "open" or None per item."""
    f = fold(text)
    lines = f.split("\n")
    heads = [i for i, line in enumerate(lines) if _L1.match(line)]
    best = None
    for n, h in enumerate(heads):
        if not re.search(r"问题|反馈意见|整改|措施", lines[h]):
            continue
        end = heads[n + 1] if n + 1 < len(heads) else len(lines)
        marked = []
        for i in range(h + 1, end):
            for style, rx in _MARKS:
                if rx.match(lines[i]):
                    marked.append((i, style))
                    break
        if marked and (best is None or len(marked) > len(best[1])):
            best = (end, marked)
    if best is None:
        return None
    end, marked = best
    styles = list(dict.fromkeys(s for _, s in marked))
    if len(styles) > 2:
        return None
    leaf_style = styles[-1]
    leaves = [i for i, s in marked if s == leaf_style]
    group_count = len([i for i, s in marked if s == styles[0]]) if len(styles) == 2 else None
    statuses = []
    for n, i in enumerate(leaves):
        nxt = next((j for j, _ in marked if j > i), end)
        block = "\n".join(lines[i:nxt])
        st = None
        for m in _STATUS_AT.finditer(block):
            words = (m.group(1) or m.group(2) or "").strip()
            if _STATUS_DONE.match(words):
                st = "done"
            elif _STATUS_OPEN.match(words):
                st = "open"
            if st:
                break
        statuses.append(st)
    return len(leaves), group_count, statuses


# -- the oracle's interface ----------------------------------------------------------------------

_CACHE: dict = {}


def _cached(text: str):
    key = hash(text)
    got = _CACHE.get(key)
    if got is None or got[0] != text:
        if len(_CACHE) > 8:
            _CACHE.clear()
        got = (text, model(text), _listed(text))
        _CACHE[key] = got
    return got[1], got[2]


def _listed(text: str):
    """The items a notice lists, and which declared counts they bear out in the clean notice."""
    found = items(text)
    if found is None:
        return None
    groups, _ = model(text)
    problems = [g for g in groups if g.kind == "problems"]
    if not problems:
        return None
    g, (n_items, n_groups, statuses) = problems[0], found
    holds = set()
    if _value(g.total) == n_items:
        holds.add("items")
        done = [p for p in g.parts if p.status == "done"]
        if all(statuses) and done and _value(done[0]) == statuses.count("done"):
            holds.add("done")
    if g.aspects is not None and n_groups is not None and _value(g.aspects) == n_groups:
        holds.add("groups")
    return n_items, n_groups, statuses, holds


def mentions(text: str) -> list[tuple[int, int]]:
    (groups, figs), _ = _cached(text)
    return sorted({(x.start, x.end) for x in figs})


def _rate_ok(written: str, part: float, total: float):
    """"ok" when written is part/total rounded to its places, "style" when cut off there, else
    "broken"."""
    if total <= 0:
        return "broken"
    places = len(written.split(".")[1]) if "." in written else 0
    exact = 100 * part / total
    stated = float(written)
    if stated > 100:
        return "broken"
    scale = 10 ** places
    rounded = int(exact * scale + 0.5 + 1e-9) / scale
    cut = int(exact * scale + 1e-9) / scale
    if abs(stated - rounded) < 1e-9:
        return "ok"
    if abs(stated - cut) < 1e-9:
        return "style"
    return "broken"


def _check(groups, listed, value_of):
    """Verdicts ("ok"/"style"/"broken") with the figures each rests on. listed: the items the
    notice lists, with which of its declared counts they bear out (a notice that lists its 5
    categories of problems does not list the 10 具体问题 it also declares)."""
    out = []
    for g in groups:
        total = value_of(g.total)
        parts = [(p, value_of(p)) for p in g.parts]
        if g.subset:
            if sum(v for _, v in parts) > total * (1 + 1e-9) + 1e-6:
                out.append(("broken", [g.total] + [p for p, _ in parts]))
        else:
            done = sum(v for p, v in parts if p.status == "done")
            status_parts = [(p, v) for p, v in parts if p.status in ("done", "open", "rest")]
            s = sum(v for _, v in status_parts)
            for r in g.restates:
                if abs(value_of(r) - total) > 1e-9:
                    out.append(("broken", [r, g.total]))
            if s > total + 1e-9:
                out.append(("broken", [g.total] + [p for p, _ in status_parts]))
            elif len(status_parts) >= 2 and abs(s - total) > 1e-9:
                out.append(("broken", [g.total] + [p for p, _ in status_parts]))
            for p, v in status_parts:
                if p.status == "rest":
                    before = sum(w for q, w in status_parts if q.start < p.start)
                    if abs(v - (total - before)) > 1e-9:
                        out.append(("broken", [g.total, p] + [q for q, _ in status_parts if q.start < p.start]))
            if g.all_done and status_parts and abs(done - total) > 1e-9:
                out.append(("broken", [g.total] + [p for p, _ in status_parts]))
            for r in g.rates:
                if not any(p.status == "done" for p, _ in parts) and not g.all_done:
                    continue
                d = total if g.all_done and not any(p.status == "done" for p, _ in parts) else done
                verdict = _rate_ok(_rate_text(r, value_of), d, total)
                if verdict != "ok":
                    out.append((verdict, [r, g.total] + [p for p, _ in parts if p.status == "done"]))
            if g.aspects is not None:
                a = value_of(g.aspects)
                if a > total or a < 1:
                    out.append(("broken", [g.aspects, g.total]))
        for share, part in g.shares:
            pv = value_of(part)
            written = _rate_text(share, value_of)
            if share.floor:
                if float(written) > 100 * pv / total + 0.5 or float(written) > 100:
                    out.append(("broken", [share, part, g.total]))
            else:
                verdict = _rate_ok(written, pv, total)
                if verdict != "ok":
                    out.append((verdict, [share, part, g.total]))
    if listed is not None:
        n_items, n_groups, statuses, holds = listed
        problems = [g for g in groups if g.kind == "problems"]
        if problems:
            g = problems[0]
            if "items" in holds and abs(value_of(g.total) - n_items) > 1e-9:
                out.append(("broken", [g.total]))
            if "groups" in holds and abs(value_of(g.aspects) - n_groups) > 1e-9:
                out.append(("broken", [g.aspects]))
            done = [p for p in g.parts if p.status == "done"]
            if "done" in holds and abs(value_of(done[0]) - statuses.count("done")) > 1e-9:
                out.append(("broken", [done[0]]))
    return out


def _rate_text(fig, value_of):
    return value_of.text(fig)


class _Values:
    """Values of the figures, one of them replaced by the edited figure."""

    def __init__(self, edited=None, new=None):
        self.edited, self.new = edited, new

    def __call__(self, fig):
        if fig is self.edited:
            return self.new[0]
        return _value(fig)

    def text(self, fig):
        if fig is self.edited:
            return self.new[3]
        return fig.num


def judge(new_text, span, old_text, old_span):
    (groups, figs), listed = _cached(old_text)
    start, end = old_span
    fig = next(x for x in figs if (x.start, x.end) == (start, end))
    g = fig.group
    delta = len(new_text) - len(old_text)

    def where(spans):
        out = []
        for x in spans:
            s, e = x.start, x.end
            if x is fig:
                out.append(tuple(span))
                continue
            if s >= end:
                s, e = s + delta, e + delta
            out.append((s, e))
        return out

    prefix, suffix = old_text[:start], old_text[end:]
    if not (new_text.startswith(prefix) and new_text.endswith(suffix)) or len(new_text) - len(suffix) < start:
        return "broken"  # the figure traded a character with its neighbour
    written = new_text[start:len(new_text) - len(suffix)]
    if written == "、" + old_text[start:end] and fig.role == "problems" and g.aspects is not None \
            and prefix.endswith("方面"):
        written = written[1:]  # 三个方面、六个问题: a list of the aspects and the problems
    elif written == old_text[start:end] + "，" and re.match(rf"{_DONE}|{_OPEN}", fold(suffix)) \
            and fold(prefix)[-1:] not in ",;。、:":
        written = written[:-1]  # 其余0.35亿元，正在推进整改: a pause before the status, the figure has its words
    parsed = parse_figure(written)
    if parsed is None and fig.role == "aspects" and suffix.startswith("方面"):
        v = figure_value(written, "", "")  # 三方面, 6方面: an aspect count may go without 个
        parsed = None if v is None else (v, "", "arabic" if written[:1].isdigit() else "chinese")
    if parsed is None:
        return "broken"
    value, unit, system = parsed
    g = fig.group
    kind = "rate" if fig.role in ("rate", "share") else ("aspects" if fig.role == "aspects" else g.kind)
    if kind == "aspects" and unit == "":
        unit = "个"
    allowed = CLASSES.get(kind)
    if allowed is None:  # people, money, visits, times: the unit class of the total
        if unit_class(unit) != unit_class(fig.unit):
            return "broken"
    elif unit not in allowed:
        return "broken"
    m = re.fullmatch(FIG, written)
    values = _Values(fig, (value, unit, system, m.group("num") if m else written))
    verdicts = _check(groups, listed, values)
    broken = [spans for v, spans in verdicts if v == "broken"]
    if broken:
        return "broken", where([x for spans in broken for x in spans])
    style = [spans for v, spans in verdicts if v == "style"]
    if style:
        return "style", where([x for spans in style for x in spans])
    old_system = "arabic" if fig.num[0].isdigit() else "chinese"
    if system != old_system and unit != "%" and fig.role != "aspects":
        # 同类别同形式 (GB/T 15835-2011): the counts of one total and its parts in one kind of
        # numeral. A lone count in Chinese numerals beside a rate in Arabic is how notices write,
        # and so are aspects in Chinese beside problems in Arabic (三个方面7个问题): another kind.
        others = [x for x in [g.total, *g.parts, *g.restates] if x is not fig and x.unit != "%"]
        if any(("arabic" if x.num[0].isdigit() else "chinese") != system for x in others):
            return "style", [tuple(span)]
    if system == "chinese" and m is not None and m.group("num") == "二" and unit in ("个", "项", "条", "件", "人", "名"):
        return "style", [tuple(span)]  # 两个, not 二个
    return "ok"


def variants(text: str, fmt: str):
    """The notice with its problem counts written in the other kind of numeral, and with the
    problems counted in 项 instead of 个: both are well formed and must draw no warning."""
    (groups, figs), _ = _cached(text)
    if not figs:
        return
    counts = [x for x in figs if x.unit in ("个", "项", "条", "件") and x.group.kind in ("problems", "measures")
              and x.role != "aspects"]
    if counts and all(x.num.isdigit() and 0 < int(x.num) < 100 for x in counts):
        out = text
        for x in sorted(counts, key=lambda x: -x.start):
            out = out[:x.start] + _to_cn(int(x.num)) + out[x.end - len(x.unit):]
        yield "counts in Chinese numerals", out
    problem_figs = [x for x in figs if x.unit == "个" and x.group.kind == "problems" and x.role != "aspects"]
    if problem_figs:
        out = text
        for x in problem_figs:
            out = out[:x.end - 1] + "项" + out[x.end:]
        yield "problems counted in 项", out


def _to_cn(n: int) -> str:
    d = "零一二三四五六七八九"
    if n < 10:
        return "两" if n == 2 else d[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else d[tens]) + "十" + (d[ones] if ones else "")
