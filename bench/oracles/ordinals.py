"""Reference oracle for runs of ordinals: heading markers and in-paragraph enumerations.

Written from the grammar a proofreader applies, apart from the rules (it imports nothing of
rectlint). A notice's ordinals are read as a stream of markers in document order:

- Heading markers stand at the start of a line (after Markdown): 一、 （一） 1. 1) （1） ① ⑴
  问题一： 问题1： (also with a short label before 问题: 反馈问题二：) 第一，. A form seen for the first time opens a level below the current one;
  a form seen before returns to its level (so levels may be skipped, and the document's own
  order of forms is its hierarchy). The siblings under one parent are a group; a group counts
  1, 2, 3 …, and each group after the first either restarts at 1 or runs on from the previous
  group of its form. The document's convention is one of: every group restarts; every group
  runs on; groups run on within a top-level section and restart in the next.
- Enumerations inside the text (一是, 第一，, 其一，, 首先/其次/再次/最后, ① ⑴, and mid-line
  （1） （一） 1. 一、 after a full stop, a semicolon or a colon) stand at a clause boundary. They
  count 1, 2, 3 … within the text under one heading (the flow), across its paragraphs. A run
  restarts at 1 only after text that is no part of the previous run (a sentence that
  announces the new list, a label such as 下一步：), or under a new heading.
- A mid-line marker that continues its own line's heading (（1）…。（2）…) is that heading's
  sibling; a line-start marker that continues an open in-text run (…第二，…¶第三，…) belongs to
  that run.
- Ordinals in names and words are no markers: a marker needs a clause boundary before it, and
  第三、第五巡察组, 第四、五巡察组, 巡察一组, 第一书记, 一岗双责, 三重一大 have none, or are
  followed by another ordinal, or carry no mark after the ordinal.

Punctuation after a marker (GB/T 15834-2011, appendix A, 序次语之后的标点): 一、 takes 顿号,
1. a full stop below, a bracketed or circled number nothing, 第一/其一/首先 a comma. 一是 takes
nothing, a comma or a colon. Any other point mark where one of those is expected is a style
departure when the marker is otherwise whole (（一）、 1、 一. 第一、); a marker without its mark,
with a stray bracket or mark, with brackets of two widths, or with a wrong numeral is broken.

Verdicts for an edited notice (see bench/closure.py): "broken" when a run is no longer well
formed (a lost, repeated, skipped, out-of-order or mis-bracketed marker, or stray characters
left where the marker was); "style" when the marker is whole and in sequence but its mark is not
the standard one; "ok" when the runs are well formed and the text is clean (a comma after 一是,
or a run that is still valid by the run: a last group that now runs on from the one before).
"""

from __future__ import annotations

import re

NAME = "ordinals"
ALPHABET = "一二三四五六七八九十0123456789（）()、.：，是第①②③⑴⑵"
INSERTS = "（）()、.：，"

CN = "一二三四五六七八九十"
_CNUM = f"[{CN}]{{1,3}}"
_NUM = rf"(?:{_CNUM}|\d{{1,3}})"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PAREN_NUM = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
OPEN, CLOSE = "（(", "）)"
HAN = "\u4e00-\u9fff"

# Markdown (or list markup) before a line's content.
_LEAD = re.compile(r"[ \t\u3000]*(?:#{1,6}[ \t]+|[-*+][ \t]+|>[ \t]*)?(?:\*\*|__)?")
_HEAD = [
    ("bracket", re.compile(rf"([（(])({_NUM})([）)])([、，,.．：:]?)")),
    ("circled", re.compile(rf"([{CIRCLED}{PAREN_NUM}])([、，,.．：:]?)")),
    ("wenti", re.compile(rf"([{HAN}]{{0,4}}?问题)({_NUM})(?:\*\*|__)?([：:、，,.．])")),
    ("di", re.compile(rf"([第其])({_CNUM})([，,、：:])(?![第{CN}\d])")),
    ("cn", re.compile(rf"({_CNUM})([、.．])(?![\d{CN}])")),
    ("n", re.compile(r"(\d{1,2})([.．、)）])(?![\d.．])")),
]
_INLINE = re.compile(
    rf"(?P<shi>(?P<shi_n>{_CNUM})是(?![非否])(?P<shi_p>[，,：:、]?))"
    rf"|(?P<di>(?P<di_w>[第其])(?P<di_n>{_CNUM})(?P<di_p>[，,、：:])(?![第{CN}\d]))"
    rf"|(?P<order>(?P<order_w>首先|其次|再次|最后)(?P<order_p>[，,：:、]?))"
    rf"|(?P<circ>(?P<circ_c>[{CIRCLED}{PAREN_NUM}])(?P<circ_p>[、，,.．：:]?))"
    rf"|(?P<br>(?P<br_o>[（(])(?P<br_n>{_NUM})(?P<br_c>[）)])(?P<br_p>[、，,.．：:]?)(?=[{HAN}“《]))"
    rf"|(?P<dot>(?P<dot_n>\d{{1,2}})(?P<dot_p>[.．、])(?=[{HAN}“《]))"
    rf"|(?P<cnd>(?P<cnd_n>{_CNUM})、(?=[{HAN}“《])(?![{CN}]))")
# What may stand just before an in-text marker: the start of the line's content or a clause mark.
_BOUNDARY = {"shi": "。；;：:，,！!？?", "di": "。；;：:，,！!？?", "order": "。；;：:，,！!？?",
             "circ": "。；;：:，,、 ", "br": "。；;：:，,", "dot": "。；;：:", "cnd": "。；;：:"}
_QUOTED = re.compile(r"《[^》\n]*》|“[^”\n]*”")
_SENTENCE_END = "。；;！!？?\n"
_ORDER = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}

# Marks after a marker, per form: the standard ones, and the ones a proofreader calls a style slip.
_MARKS = {
    "cn": ({"、"}, {".", "．"}),
    "n.": ({"."}, {"、", "．"}),
    "n)": ({")", "）"}, set()),
    "bracket": ({""}, {"、", "，", ",", ".", "．", "：", ":"}),
    "circled": ({""}, {"、", "，", ",", ".", "．", "：", ":"}),
    "wenti": ({"：", ":"}, {"、", "，", ",", ".", "．"}),
    "di": ({"，", ","}, {"、", "：", ":"}),
    "shi": ({"", "，", ",", "：", ":"}, {"、"}),
    "order": ({"", "，", ","}, {"、", "：", ":"}),
}


def cn_value(s: str) -> int | None:
    """The value of a Chinese numeral 一…九十九, or None where it is not one (二二, 十十)."""
    m = re.fullmatch(f"([二三四五六七八九])?(十)?([{CN[:9]}])?", s)
    if not m or not s:
        return None
    tens, ten, ones = m.groups()
    if tens and not ten:
        return None if ones or len(s) > 1 else CN.index(tens) + 1
    if ten:
        return (CN.index(tens) + 1 if tens else 1) * 10 + (CN.index(ones) + 1 if ones else 0)
    return CN.index(ones) + 1


def num_value(s: str) -> int | None:
    if s.isdigit():
        return None if s.startswith("0") else int(s)
    return cn_value(s)


class Marker:
    __slots__ = ("start", "end", "family", "number", "mark", "kind", "mismatch", "text")

    def __init__(self, start, end, family, number, mark, kind, mismatch=False, text=""):
        self.start, self.end = start, end
        self.family = family  # the run a marker belongs to: "(cn)", "n.", "shi", "di:第", …
        self.number = number  # None for 最后 (the closing member of an order run)
        self.mark = mark  # the point mark after the marker ("" for none)
        self.kind = kind  # "head" (starts a line) or "inline"
        self.mismatch = mismatch  # brackets of two widths
        self.text = text

    @property
    def form(self) -> str:
        f = self.family.split(":")[0]
        if f in ("(cn)", "(n)"):
            return "bracket"
        if f in ("①", "⑴"):
            return "circled"
        if f.endswith(("问题cn", "问题n")):
            return "wenti"
        return f

    def identity(self):
        return (self.family, self.number, self.kind)


def _head_marker(text: str, pos: int, end: int) -> Marker | None:
    for name, pattern in _HEAD:
        m = pattern.match(text, pos, end)
        if not m:
            continue
        if name == "bracket":
            o, n, c, mark = m.groups()
            value = num_value(n)
            if value is None:
                return None
            fam = "(n)" if n.isdigit() else "(cn)"
            return Marker(m.start(), m.end(), fam, value, mark, "head", OPEN.index(o) != CLOSE.index(c), m.group())
        if name == "circled":
            ch, mark = m.groups()
            fam, value = ("①", CIRCLED.index(ch) + 1) if ch in CIRCLED else ("⑴", PAREN_NUM.index(ch) + 1)
            return Marker(m.start(), m.end(), fam, value, mark, "head", text=m.group())
        if name == "wenti":
            label, n, mark = m.groups()
            value = num_value(n)
            if value is None:
                return None
            return Marker(m.start(), m.end(), label + ("n" if n.isdigit() else "cn"), value, mark, "head",
                          text=m.group())
        if name == "di":
            w, n, mark = m.groups()
            value = cn_value(n)
            return None if value is None else Marker(m.start(), m.end(), "di:" + w, value, mark, "head",
                                                     text=m.group())
        if name == "cn":
            n, mark = m.groups()
            value = cn_value(n)
            if value is None:
                return None
            return Marker(m.start(), m.end(), "cn", value, mark, "head", text=m.group())
        n, mark = m.groups()
        value = num_value(n)
        if value is None:
            return None
        return Marker(m.start(), m.end(), "n)" if mark in ")）" else "n.", value, mark, "head", text=m.group())
    return None


def _inline_markers(text: str, start: int, end: int, content: int) -> list[Marker]:
    quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text, start, end)]
    out = []
    for m in _INLINE.finditer(text, start, end):
        kind = m.lastgroup
        s = m.start()
        if any(a <= s < b for a, b in quoted):
            continue
        if s != content and text[s - 1] not in _BOUNDARY[kind]:
            continue
        g = m.groupdict()
        if kind == "shi":
            value = cn_value(g["shi_n"])
            if value is not None:
                out.append(Marker(s, m.end(), "shi", value, g["shi_p"], "inline", text=m.group()))
        elif kind == "di":
            value = cn_value(g["di_n"])
            if value is not None:
                out.append(Marker(s, m.end(), "di:" + g["di_w"], value, g["di_p"], "inline", text=m.group()))
        elif kind == "order":
            out.append(Marker(s, m.end(), "order", _ORDER[g["order_w"]] or None, g["order_p"], "inline",
                              text=m.group()))
        elif kind == "circ":
            ch = g["circ_c"]
            fam, value = ("①", CIRCLED.index(ch) + 1) if ch in CIRCLED else ("⑴", PAREN_NUM.index(ch) + 1)
            out.append(Marker(s, m.end(), fam, value, g["circ_p"], "inline", text=m.group()))
        elif kind == "br":
            value = num_value(g["br_n"])
            if value is not None:
                fam = "(n)" if g["br_n"].isdigit() else "(cn)"
                out.append(Marker(s, m.end(), fam, value, g["br_p"], "inline",
                                  OPEN.index(g["br_o"]) != CLOSE.index(g["br_c"]), m.group()))
        elif kind == "dot":
            value = num_value(g["dot_n"])
            if value is not None:
                out.append(Marker(s, m.end(), "n.", value, g["dot_p"], "inline", text=m.group()))
        else:
            value = cn_value(g["cnd_n"])
            if value is not None:
                out.append(Marker(s, m.end(), "cn", value, "、", "inline", text=m.group()))
    return out


def markers(text: str) -> list[Marker]:
    """Every marker of the text, in order."""
    out = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        content = _LEAD.match(text, pos, end).end()
        head = _head_marker(text, content, end)
        scan = content
        if head is not None:
            out.append(head)
            scan = head.end
        for m in _inline_markers(text, scan, end, content):
            out.append(m)
        if nl < 0:
            break
        pos = nl + 1
    return out


# -- runs ---------------------------------------------------------------------------------------

_HEADING_FAMILIES = ("cn", "(cn)", "n.", "n)", "(n)", "①", "⑴", "di:第", "di:其")


def _heading_family(family: str) -> bool:
    return family in _HEADING_FAMILIES or family.endswith(("问题cn", "问题n"))


class Parse:
    """Markers of a text with their runs judged: `bad` maps a marker's start to why it is wrong."""

    def __init__(self, text: str):
        self.text = text
        self.markers = markers(text)
        self.bad: dict[int, str] = {}
        self._runs()

    def _runs(self):
        stack: list[tuple[str, list]] = []  # (family, current group) per open level
        groups: dict[str, list] = {}  # family -> [(group, its top-level ancestor)]
        flow: dict[str, dict] = {}  # in-text runs under the current heading: family -> state
        owner: Marker | None = None
        for m in self.markers:
            open_run = flow.get(m.family)
            if m.kind == "head":
                as_heading = _heading_family(m.family) and not (
                    open_run and m.number is not None and m.number != 1 and m.number == open_run["last"] + 1)
            else:
                as_heading = (_heading_family(m.family) and owner is not None and not open_run
                              and owner.family == m.family and m.number == owner.number + 1)
            if not as_heading:
                self._flow_step(flow, m)
                continue
            if m.family in [f for f, _ in stack]:
                while stack[-1][0] != m.family:
                    stack.pop()
                stack[-1][1].append(m)
            else:
                top = stack[0][1][-1].start if stack else None
                group = [m]
                stack.append((m.family, group))
                groups.setdefault(m.family, []).append((group, top))
            owner = m
            flow = {}
        for gs in groups.values():
            self._judge_groups(gs)
        for m in self.markers:
            if m.mismatch:
                self.bad.setdefault(m.start, "mis-bracketed")

    def _flow_step(self, flow: dict, m: Marker):
        state = flow.get(m.family)
        text = self.text
        if m.family == "order":
            if state is None:
                if m.number == 1:
                    flow["order"] = {"last": 1, "end": m.end, "closed": False}
                # 其次/最后 with no 首先 before them are ordinary words
                return
            if state["closed"]:
                if m.number == 1:
                    flow["order"] = {"last": 1, "end": m.end, "closed": False}
                return
            if m.number is None:
                if state["last"] >= 1:
                    state.update(closed=True, end=m.end)
                    return
            elif m.number == state["last"] + 1 or (m.number == 3 and state["last"] == 3):
                state.update(last=m.number, end=m.end)
                return
            elif m.number == 1 and _fresh(text, state["end"], m.start):
                flow["order"] = {"last": 1, "end": m.end, "closed": False}
                return
            self.bad[m.start] = "order"
            state.update(end=m.end)
            return
        if state is None:
            if m.number != 1:
                self.bad[m.start] = "late-start"
            flow[m.family] = {"last": m.number, "end": m.end}
            return
        if m.number == state["last"] + 1:
            state.update(last=m.number, end=m.end)
        elif m.number == 1 and _fresh(text, state["end"], m.start):
            state.update(last=1, end=m.end)
        else:
            self.bad[m.start] = "skip" if m.number > state["last"] + 1 else "repeat"
            state.update(last=m.number, end=m.end)

    def _judge_groups(self, gs):
        """Each group counts on by one; the groups follow one convention of the document."""
        trans = []  # (group, restart?, same top-level section as the previous group?)
        prev_last = None
        prev_top = None
        for i, (group, top) in enumerate(gs):
            for a, b in zip(group, group[1:]):
                if b.number != a.number + 1:
                    self.bad[b.start] = "skip" if b.number > a.number + 1 else "repeat"
            first = group[0].number
            if i == 0:
                if first != 1:
                    self.bad[group[0].start] = "late-start"
            else:
                if first == 1:
                    trans.append((group, True, top == prev_top))
                elif first == prev_last + 1:
                    trans.append((group, False, top == prev_top))
                else:
                    self.bad[group[0].start] = "group-start"
            prev_last, prev_top = group[-1].number, top
        if not trans:
            return
        conventions = [
            [g for g, restart, _ in trans if not restart],  # restarts under each parent
            [g for g, restart, _ in trans if restart],  # runs on through the document
            [g for g, restart, same in trans if restart == same],  # runs on within a section
        ]
        wrong = min(conventions, key=len)
        for g in wrong:
            self.bad.setdefault(g[0].start, "convention")


def _fresh(text: str, after: int, before: int) -> bool:
    """Whether text that is no part of the previous run stands between: a sentence after the
    one that holds the previous marker, before the new 一."""
    stop = after
    while stop < before and text[stop] not in _SENTENCE_END:
        stop += 1
    between = text[stop:before]
    return any(ch.isalnum() for ch in between)


# -- the closure interface ----------------------------------------------------------------------

_cache: dict[str, Parse] = {}


def _parse(text: str) -> Parse:
    p = _cache.get(text)
    if p is None:
        if len(_cache) > 64:
            _cache.clear()
        p = _cache[text] = Parse(text)
    return p


def mentions(text: str) -> list[tuple[int, int]]:
    p = _parse(text)
    return [(m.start, m.end) for m in p.markers if m.start not in p.bad]


def _doc_marks(p: Parse, family: str, exclude: int) -> set:
    return {m.mark for m in p.markers if m.family == family and m.start != exclude}


def judge(new_text, span, old_text, old_span):
    old = _parse(old_text)
    o = next(m for m in old.markers if m.start == old_span[0])
    new = Parse(new_text)
    pos, delta = _delta(old_text, new_text)

    def moved(start):
        return start + delta if start >= pos + max(0, -delta) and start >= pos else start

    old_bad = {moved(s) for s in old.bad}
    fresh_bad = [s for s in new.bad if s not in old_bad]
    if fresh_bad:
        by_start = {m.start: m for m in new.markers}
        spans = [span] + [(by_start[s].start, by_start[s].end) for s in sorted(fresh_bad)]
        return "broken", spans
    prefix_ok = pos >= o.start
    t = next((m for m in new.markers if m.start == o.start), None) if prefix_ok else None
    if t is not None and new_text[t.end:] != old_text[o.end:]:
        t = None  # the edit left something outside the marker: a stray mark or bracket
    if t is None:
        # Deleting a one-character marker (①) leaves clean text; the runs were judged above.
        if len(o.text) == 1 and len(new_text) == len(old_text) - 1 and o.start <= pos < o.end:
            return "ok"
        return "broken"
    if t.family != o.family:
        # Another form that the runs happen to accept (the last 三、 made 1、, a lone new level):
        # the run it left is a member short and the new one dangles.
        return "broken"
    if t.number != o.number:
        return "ok"  # another number that is still a valid run: a last group now running on
    if t.text[:len(t.text) - len(t.mark)] != o.text[:len(o.text) - len(o.mark)]:
        return "broken"
    standard, slips = _MARKS[o.form if o.family != "n)" else "n)"]
    if t.mark in standard:
        used = _doc_marks(old, o.family, o.start)
        if o.form in ("shi", "order") or not used or t.mark in used:
            return "ok"
        # Standard, but not the document's own mark for this form: the two forms disagree, and
        # the finding may stand on either side.
        return "style", [span] + [(moved(m.start), moved(m.end)) for m in old.markers
                                  if m.family == o.family and m.start != o.start]
    if t.mark in slips:
        return "style"
    return "broken"


def _delta(old: str, new: str) -> tuple[int, int]:
    i = 0
    n = min(len(old), len(new))
    while i < n and old[i] == new[i]:
        i += 1
    return i, len(new) - len(old)
