"""Ordinal markers and the runs they form: headings (一、 （一） 1. （1） ① 问题一： 第一，) and
enumerations inside the text (一是, 第一，, 其一，, 首先/其次/再次/最后, ①, mid-line （1）).

One model serves the outline and the ordinal rules:

- A marker is a numeral in a form (family): 一、 and 一. are the family "cn", （一） is "(cn)",
  1. and 1、 are "n", 1) is "n)", （1） is "(n)", ① and ⑴ their own, 问题一：/问题1：, 第一，
  and the in-text 一是 ("shi"), 第一，("di"), 其一，("qi"), 首先… ("order").
- A run is one family's markers counting 1, 2, 3 …: heading runs restart under each parent or run
  on across sections (the document shows which); in-text runs count within the text under one
  heading and restart at 1 only after text that is no part of the run (a sentence announcing
  the next list, a label such as 下一步：).
- Where a run expects a marker, text within one slip of it (a character lost, doubled, swapped,
  wrong or stray; a bracket of the other width; the marks lost around the numeral) is that
  marker, broken. Where a text reads both as a valid marker that breaks its run and as a slip of
  the marker its run expects, the reading that keeps the runs well formed wins.
- A marker needs a clause boundary before it (the start of a line, 。；：，！？), so ordinals in
  names (第三、第五巡察组, 巡察一组, 第一书记) and words (统一是, 一岗双责) are none; and a
  numeral followed by a measure word or a unit (三个, 三年, 3家) is a quantity.

Patterns are written for `Document.folded` (ASCII brackets and punctuation); the original text
is consulted only for the widths of brackets. See docs/conventions.md#ordinals-and-headings.
"""

from __future__ import annotations

import functools
from sys import intern

from .. import patterns
from ..record import Record
from ..text import cn_to_int, fold, int_to_cn

CN_CHARS = "一二三四五六七八九十"
DIGITS = "0123456789"
CN = f"[{CN_CHARS}]{{1,3}}"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PAREN_NUMBERS = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"

# Nominal GB/T 9704-2012 §7.3.3 level of each heading family: 一、 → （一） → 1. → （1）.
LEVEL = {"cn": 1, "(cn)": 2, "n": 3, "问题cn": 3, "问题n": 3, "第cn": 3, "n)": 4, "(n)": 4, "①": 5, "⑴": 5}


def labelled(family: str) -> bool:
    """Whether a family is an item label with its number: 问题一：, 问题1：, 反馈问题二：."""
    return family.endswith(("问题cn", "问题n"))


def level_of(family: str) -> int:
    return LEVEL.get(family, 3)
# The mark GB/T 15834-2011 (appendix A, 序次语之后的标点) puts after each family's numeral:
# 顿号 after a bare Chinese numeral, the full stop after a bare Arabic one, a comma after 第/其/首先,
# nothing after a bracketed or circled number. 问题一： takes the genre's colon.
STANDARD_MARK = {"cn": "、", "n": ".", "n)": "", "(cn)": "", "(n)": "", "①": "", "⑴": "",
                 "问题cn": ":", "问题n": ":", "第cn": ",", "di": ",", "qi": ",", "order": ",", "shi": ""}

# Line-start (heading) markers. A Chinese numeral must be a valid one (二二 is none).
_HEAD = patterns.compile(
    r"(?P<fused>(?P<f1>\d{1,2})\.\((?P<f2>\d{1,2})\))"
    rf"|\((?P<br>{CN}|\d{{1,2}})\)(?P<brm>[、,.:]?)"
    rf"|(?P<circ>[{CIRCLED}{PAREN_NUMBERS}])(?P<circm>[、,.:]?)"
    rf"|(?P<wl>\p{{Han}}{{0,4}}?问题)(?P<wt>{CN}|\d{{1,3}})(?:\*\*|__)?\s*(?P<wtm>[:.、,])"
    rf"|第(?P<di>{CN})(?P<dim>[,、:])\s*(?=关于|.{{0,30}}问题)"
    rf"|(?P<cn>{CN})(?P<cnm>[、.])(?!\d)"
    r"|(?P<np>\d{1,2})\)(?!\d)"
    r"|(?P<n>\d{1,2})(?P<nm>[.、])(?!\d)")

# (pattern, level, style) triples, as lint/pages.py reads them: the one pattern of every heading form.
HEADINGS = [(_HEAD, None, None)]

# Markers inside the text; each needs a clause boundary before it (BOUNDARY).
_INLINE_FORMS = (
    rf"(?P<shi>{CN})是(?![非否])"
    rf"|(?P<diw>[第其])(?P<di>{CN})(?P<dim>[,、:])(?![第{CN_CHARS}\d])"
    r"|(?P<order>首先|其次|再次|最后)"
    rf"|(?P<circ>[{CIRCLED}{PAREN_NUMBERS}])"
    rf"|\((?P<br>{CN}|\d{{1,2}})\)(?=[\p{{Han}}“\"《])"
    r"|(?P<n>\d{1,2})(?P<nm>[.、])(?=[\p{Han}“\"《])"
    rf"|(?P<cn>{CN})、(?=[\p{{Han}}“\"《])(?![{CN_CHARS}])")
_INLINE = patterns.compile(_INLINE_FORMS)
# What may stand before an in-text marker, by family: the marks that end a clause.
_CLAUSE = "。;:,!? \t"
BOUNDARY = {"shi": _CLAUSE, "di": _CLAUSE, "qi": _CLAUSE, "order": _CLAUSE, "①": _CLAUSE + "、",
            "⑴": _CLAUSE + "、", "(n)": "。;:,", "(cn)": "。;:,", "n": "。;:", "cn": "。;:"}
ORDER_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": None}
# Characters that make a numeral before 是 part of a longer numeral or a word: 十二是, 第二是, 独一无二是.
NUMERAL_WORDS = set(CN_CHARS + "零〇两百千万亿第其无不之")
# What ends a label before a marker glued to it (【提纲】一、…), and what a marker's text starts with.
_CLOSERS = frozenset("】])」』》”\"'")
_MARKER_TEXT_AFTER = patterns.compile(r"[\p{Han}“\"《]")
# Characters that make a word with 一是 (统一是非, 唯一是, 同一是, 逐一是, 划一是, 单一是): no marker.
_ONE_WORDS = NUMERAL_WORDS | set("统唯同逐划单专每")

# Characters a slip may bring into a marker (a numeral, a digit, a bracket, a mark, the words of
# 一是 and 第一), and the point marks and closing brackets that may stray after a whole one.
SLIP = set(CN_CHARS + "0123456789()、.:,;是第" + CIRCLED + PAREN_NUMBERS)
STRAY_AFTER = set("、.:,;)")
# Every form in _HEAD and every slip of one starts with one of these: a cheap test first.
MARKER_START = patterns.compile(rf"[\d{CN_CHARS}()、.:,;问题第其是{CIRCLED}{PAREN_NUMBERS}]|\p{{Han}}{{1,4}}问题")
_FIRST = frozenset("0123456789" + CN_CHARS + "()、.:,;问题第其是" + CIRCLED + PAREN_NUMBERS)


def starts_like_marker(folded: str, pos: int) -> bool:
    """MARKER_START.match(folded, pos), at the cost of a set lookup for most lines."""
    return folded[pos] in _FIRST or "问题" in folded[pos + 1:pos + 6] and bool(MARKER_START.match(folded, pos))

# After a bare numeral, what makes it a quantity or a fixed formula rather than a marker that
# lost its mark: a measure word or unit (三个, 3家, 三年), a numeral going on (三四个, 12), a
# decimal or a percentage, or a formula (三会一课, 一岗双责, 四风, 一把手). Counts of people and
# units are written in digits (GB/T 15835-2011), so 二家庭…, 二人民… are a numeral and a word.
_QUANTITY_CN = patterns.compile(
    rf"[{CN_CHARS}零〇百千万亿]|[个项条种类次年月日天周批轮级届期件]|方面|季度|大[攻任体类]"
    r"|重一大|会一课|学一做|严三实|岗双责|把手|公开|风|务公开|线")
# After 一 alone, the words it starts: 一体, 一起, 一定, 一律 …
_YI_WORDS = patterns.compile(r"[体起并同致律定直些切旦般贯道味线]")
_QUANTITY_N = patterns.compile(r"[\d.%]|[年月日号个人次名项件家元万亿千百岁期批台户余多份场篇条类级届轮周天时分秒所座处]")
# After 第N, what makes it part of a name or a count: 第三批, 第二巡察组, 第一书记, 第一时间.
_NAME_AFTER_DI = patterns.compile(r"[批次届轮期季个名位组章节条款部阶年天周号]|书记|时间|责任|人民|中学|小学|巡")
# A heading is short and one sentence at most (一、提高站位，压实责任; a status tag or Markdown
# emphasis may close it).
HEADING_LIKE = patterns.compile(r"[^;。]{2,40}。?\s*(?:【[^】]*】|\([^)]*\))?\s*(?:\*\*|__)?\s*$")


class Read:
    """A marker read at a position of the folded text."""

    __slots__ = ("family", "number", "start", "end", "mark", "style", "sub", "what", "detail", "before")

    def __init__(self, family: str, number: int | None, start: int, end: int, mark: str = "", style: str = "",
                 sub: int | None = None, what: str | None = None, detail: str = ""):
        # A long draft's markers write a handful of forms: each held once (sys.intern), not once a
        # heading that keeps it.
        self.family = intern(family)
        self.number = number  # None for 最后, which closes an order run whatever its length
        self.start = start
        self.end = end
        self.mark = intern(mark)  # the point mark written after the numeral or bracket, "" for none
        self.style = intern(style)  # the form as written: "cn、", "(cn)", "n.", "问题n", …
        self.sub = sub  # the second number of a fused 1.（1）
        self.what = what  # None for a whole marker; else the slip that broke it (SLIPS)
        self.detail = detail  # the characters the slip concerns: the lost, wrong or stray ones
        self.before = False  # a stray mark stands before the marker rather than after it

    def __repr__(self):
        return f"Read({self.family!r}, {self.number}, {self.start}, {self.end}, {self.what!r}, {self.detail!r})"


def _numeral(text: str) -> int | None:
    if text.isdigit():
        return None if text.startswith("0") else int(text)
    return cn_to_int(text)


def read_heading(folded: str, pos: int, end: int) -> Read | None:
    """The heading marker at `pos` (the start of a line's content), or None. A whole marker
    followed by a stray mark (一、，  1..  （一））) is read with `what` "stray"."""
    m = _HEAD.match(folded, pos, end)
    if m is None:
        return None
    group = m.group  # one group at a time, the branch named by lastgroup: groupdict costs more
    last = m.lastgroup
    if last == "fused":
        read = Read("n", int(group("f1")), pos, m.end(), ".", "n.(n)", int(group("f2")))
    elif last == "circm":
        c, mark = group("circ"), group("circm")
        family, number = ("①", CIRCLED.index(c) + 1) if c in CIRCLED else ("⑴", PAREN_NUMBERS.index(c) + 1)
        read = Read(family, number, pos, m.end(), mark, family + mark)
    else:
        key = _HEAD_BRANCH[last]
        value = group(key)
        number = _numeral(value)
        if number is None:
            return None
        if key == "np":
            family = style = "n)"
            mark = ")"
        else:
            mark = group(last)
            if key == "br":
                family = "(n)" if value.isdigit() else "(cn)"
                style = family + mark
            elif key == "wt":
                family = style = group("wl") + ("n" if value.isdigit() else "cn")
            elif key == "di":
                family = style = "第cn"
            else:
                family = key
                style = key + mark
        read = Read(family, number, pos, m.end(), mark, style)
    return _stray_after(folded, read, end)


# The last group of each branch of _HEAD, and the group holding its numeral.
_HEAD_BRANCH = {"brm": "br", "wtm": "wt", "dim": "di", "cnm": "cn", "np": "np", "nm": "n"}


def _stray_after(folded: str, read: Read, end: int) -> Read:
    at = read.end + 2 if folded.startswith(("**", "__"), read.end) else read.end  # 问题1、**：
    if at < end and folded[at] in STRAY_AFTER:
        read.what, read.detail = "stray", folded[at]
        read.end = at + 1
    return read


def read_inline(folded: str, pos: int, end: int, line_start: int) -> Read | None:
    """The in-text marker at `pos`, with a clause boundary before it (or `pos` == `line_start`),
    or None. 一是， and 一是： are whole; 一是、 第一、 第一： ①、 are read with `what`
    "odd-mark"; a point mark or bracket that cannot follow (一是.  二是)) with "stray"."""
    m = _INLINE.match(folded, pos, end)
    if m is None:
        return None
    group = m.group
    mark = ""
    kind = m.lastgroup
    if kind == "shi":
        family, number = "shi", cn_to_int(group("shi"))
    elif kind in ("dim", "di", "diw"):
        family, number, mark = ("di" if group("diw") == "第" else "qi"), cn_to_int(group("di")), group("dim")
    elif kind == "order":
        family, number = "order", ORDER_WORDS[group("order")]
    elif kind == "circ":
        c = group("circ")
        family, number = ("①", CIRCLED.index(c) + 1) if c in CIRCLED else ("⑴", PAREN_NUMBERS.index(c) + 1)
    elif kind == "br":
        family, number = ("(n)" if group("br").isdigit() else "(cn)"), _numeral(group("br"))
    elif kind in ("n", "nm"):
        family, number, mark = "n", _numeral(group("n")), group("nm")
    else:
        family, number, mark = "cn", cn_to_int(group("cn")), "、"
    if number is None and family != "order":
        return None
    before = folded[pos - 1] if pos > line_start else ""
    if before and (before not in BOUNDARY[family] or (before in ":," and folded[pos - 2:pos - 1].isdigit())) \
            and not (family == "shi" and number > 1 and before not in NUMERAL_WORDS):
        # A colon or comma after a digit is no clause boundary (11:30、, 1,200). 二是…九是 stay
        # markers where the mark before them was lost (…意识二是…, 251二是…): unlike 一 (统一是,
        # 之一是), those numerals make no word with what precedes them.
        return None
    read = Read(family, number, pos, m.end(), mark, family)
    if family in ("di", "qi") and mark != ",":
        read.what, read.detail = "odd-mark", mark
    after = folded[read.end] if read.end < end else ""
    if family == "shi" and after == "是":
        read.what, read.detail = "doubled", after  # 二是是
        read.end += 1
    elif after and after in STRAY_AFTER:
        if not mark and family in ("shi", "order") and after in ",:":
            read.mark = after  # 一是， 首先：
            read.end += 1
        elif not mark and (after == "、" or (after in ",.:" and family in ("①", "⑴", "(n)", "(cn)"))):
            read.mark, read.what, read.detail = after, "odd-mark", after  # 一是、 ①、 （1），
            read.end += 1
        else:
            read.what = None
            _stray_after(folded, read, end)
    return read


def read_stray_before(folded: str, pos: int, end: int, heading: bool) -> Read | None:
    """A whole marker after a stray mark or bracket at `pos` (、一、  ：（一）  。，一是), read as
    that marker with `what` "stray"."""
    if pos + 1 >= end or folded[pos] not in STRAY_BEFORE:
        return None
    read = read_heading(folded, pos + 1, end) if heading else read_inline(folded, pos + 1, end, pos + 1)
    if read is None or read.what is not None:
        return None
    read.start, read.what, read.detail = pos, "stray", folded[pos]
    read.before = True
    return read


# -- slips ------------------------------------------------------------------------------------

# The slips a marker suffers, named for messages: lost characters (a bracket, the numeral with
# its bracket, every mark around the numeral, another mark or word), a character wrong, doubled,
# swapped with its neighbour or stray, an odd mark after a whole marker, brackets of two widths.
SLIPS = ("lost-open", "lost-close", "lost-numeral", "lost-number", "glued", "lost-mark", "wrong", "doubled",
         "swapped", "stray", "odd-mark", "wrong-width")
STRAY_BEFORE = set("、.:,;()")


def near_miss(folded: str, pos: int, end: int, want: tuple[str, str, str], short: bool) -> Read | None:
    """The marker a run expects at `pos`, written with one slip; None where the text is not that.

    `want` = (before, numeral, after) of the expected marker, folded: ("(", "二", ")"), ("", "二",
    "、"), ("问题", "3", ":"), ("", "三", "是"). `short`: a Chinese numeral left alone is taken only
    on a short line, the way a heading reads (not where the run's headings run into their text)."""
    before, numeral, after = want
    w = before + numeral + after
    k = len(w)
    p = folded[pos:min(end, pos + k + 1)]
    if p.startswith(w):
        return None  # whole: not a slip (the caller found it out of sequence)
    # Readings whose end the text confirms (the marker's last character stands where it should)
    # come first: a character too many, one wrong inside, two swapped.
    if len(p) == k + 1:
        for i in range(k):
            if p[:i] + p[i + 1:] == w:
                doubled = (i > 0 and p[i - 1] == p[i]) or p[i + 1] == p[i]
                if doubled or p[i] in SLIP:
                    return _guarded(folded, pos, pos + k + 1, end, "doubled" if doubled else "stray", p[i], short)
    diff = [i for i in range(k) if p[i] != w[i]] if len(p) >= k else []
    if len(diff) == 1 and diff[0] < k - 1 and p[diff[0]] in SLIP:
        return _guarded(folded, pos, pos + k, end, "wrong", p[diff[0]], short)
    if len(diff) == 2 and diff[1] == diff[0] + 1 and p[diff[0]] == w[diff[1]] and p[diff[1]] == w[diff[0]]:
        return _guarded(folded, pos, pos + k, end, "swapped", w[diff[0]:diff[1] + 1], short)
    if diff == [k - 1] and k > 1 and len(p) > k and p[k] == w[k - 1]:
        return _guarded(folded, pos, pos + k + 1, end, "swapped", w[k - 1], short)
    # Characters lost, the commonest slip of a converted draft: one anywhere, every mark around
    # the numeral (（二） → 二), or the numeral with what stands before it (（二） → ）).
    for kept, what, lost in _losses(before, numeral, after):
        if folded.startswith(kept, pos):
            read = _guarded(folded, pos, pos + len(kept), end, what, lost, short)
            if read is not None:
                return read
    # Last, the marker's last character wrong (三、 → 三一): nothing after it confirms the reading.
    if diff == [k - 1] and p[k - 1] in SLIP:
        return _guarded(folded, pos, pos + k, end, "wrong", p[k - 1], short)
    return None


@functools.lru_cache(maxsize=256)
def _losses(before: str, numeral: str, after: str) -> list:
    w = before + numeral + after
    lo, hi = len(before), len(before) + len(numeral)
    out, seen = [], set()
    for i in range(len(w)):
        kept = w[:i] + w[i + 1:]
        if not kept or kept in seen:
            continue
        seen.add(kept)
        if lo <= i < hi:
            what = "lost-number"
        else:
            what = {"(": "lost-open", ")": "lost-close"}.get(w[i], "lost-mark")
        out.append((kept, what, w[i]))
    if (before or after) and not (set(before) & set("问题第其")) and numeral not in seen:
        out.append((numeral, "glued", before + after))
    if before and after and after not in seen:
        out.append((after, "lost-numeral" if before == "(" else "lost-mark", before + numeral))
    out.sort(key=lambda entry: -len(entry[0]))  # keep as much of the marker as the text holds
    return out


def _guarded(folded: str, pos: int, stop: int, end: int, what: str, detail: str, short: bool) -> Read | None:
    """The slip read at pos..stop, unless what follows makes it a quantity, a name or prose."""
    if stop > end or stop >= end or folded[stop] in "\r\n":
        return None  # nothing after it: no heading and no enumeration
    text = folded[pos:stop]
    if folded[stop] in STRAY_AFTER:
        return None  # marker material goes on: the text is some other marker, or none
    tail = text[-1]
    run = text[len(text.rstrip(DIGITS + CN_CHARS)):]
    mixed = any(ch in DIGITS for ch in run) and any(ch in CN_CHARS for ch in run)
    if tail in DIGITS and not mixed and _QUANTITY_N.match(folded, stop, end):
        return None
    if tail in CN_CHARS and not mixed:
        if _QUANTITY_CN.match(folded, stop, end) or folded[stop] == "是" or (
                run == "一" and _YI_WORDS.match(folded, stop, end)):
            return None
        if short and all(ch in CN_CHARS for ch in text) and not HEADING_LIKE.match(folded, stop, end):
            return None
    if text.startswith(("第", "其")) and _NAME_AFTER_DI.match(folded, stop, end):
        return None
    if tail == "是" and folded[stop] in "否非":
        return None
    return Read("", None, pos, stop, what=what, detail=detail)


# -- writing markers ---------------------------------------------------------------------------

@functools.lru_cache(maxsize=512)
def numeral_of(family: str, number: int) -> str:
    """The numeral as a family writes it: 三 or 3 (or ③)."""
    if family == "①":
        return CIRCLED[number - 1] if 0 < number <= len(CIRCLED) else str(number)
    if family == "⑴":
        return PAREN_NUMBERS[number - 1] if 0 < number <= len(PAREN_NUMBERS) else str(number)
    if family in ("n", "n)", "(n)") or family.endswith("问题n"):
        return str(number)
    return int_to_cn(number)


@functools.lru_cache(maxsize=512)
def template_of(text: str, numeral: str) -> str:
    """A marker as written, with its numeral made a slot: （三） → （{}）, 问题3： → 问题{}："""
    i = text.find(numeral)
    return text[:i] + "{}" + text[i + len(numeral):] if i >= 0 else text


# The standard template of each family, where a document shows none of its own.
DEFAULT_TEMPLATE = {"cn": "{}、", "(cn)": "（{}）", "n": "{}.", "n)": "{}）", "(n)": "（{}）", "①": "{}", "⑴": "{}",
                    "问题cn": "问题{}：", "问题n": "问题{}：", "第cn": "第{}，", "shi": "{}是", "di": "第{}，",
                    "qi": "其{}，", "order": "{}"}


@functools.lru_cache(maxsize=1024)
def write(family: str, number: int, template: str | None = None) -> str:
    """The marker of `family` numbered `number`, in the document's template (else the standard)."""
    if family == "order":
        return {1: "首先", 2: "其次", 3: "再次"}.get(number, "最后")
    if template is None:
        template = DEFAULT_TEMPLATE.get(family) or family[:-2 if family.endswith("cn") else -1] + "{}："
    return template.format(numeral_of(family, number))


@functools.lru_cache(maxsize=1024)
def want_of(marker: str, numeral: str) -> tuple[str, str, str]:
    """A marker text split around its numeral, folded: the `want` of near_miss."""
    folded = fold(marker)
    i = folded.find(numeral)
    return folded[:i], numeral, folded[i + len(numeral):]


# -- for the rules' messages -------------------------------------------------------------------

def run_marker_text(scheme: str, number: int | None) -> str:
    """How an enumeration marker is written: 三是, 第三, 其三, 其次, ③, （3）, 3."""
    if scheme == "shi":
        return f"{int_to_cn(number)}是"
    if scheme == "di":
        return f"第{int_to_cn(number)}"
    if scheme == "qi":
        return f"其{int_to_cn(number)}"
    if scheme == "order":
        return write("order", number or 0)
    return write(scheme, number).rstrip("，、.")


# The nearest GB/T 9704 form for a heading style outside the standard's four levels.
BETTER_FORM = {"(cn)、": "（一）", "(n)、": "（1）", "n、": "1.", "cn.": "一、", "n)": "（1）"}


def better_form(family: str) -> str | None:
    """The standard form (for messages) of a heading family, written with the number one."""
    return {"cn": "一、", "(cn)": "（一）", "n": "1.", "(n)": "（1）", "n)": "（1）", "①": "①", "⑴": "⑴",
            "第cn": "第一，", "问题cn": "问题一：", "问题n": "问题1："}.get(family)


def widths_differ(text: str, folded: str, start: int, end: int) -> bool:
    """Whether a bracketed marker's two brackets are of two widths: （一) or (1）."""
    close = folded.find(")", start, end)
    if folded[start] != "(" or close < 0:
        return False
    return (text[start] == "（") != (text[close] == "）")


# -- the run model ----------------------------------------------------------------------------

class RunMarker(Record):
    """An in-text ordinal: 一是, 第一，, 首先, ①, mid-line （1）; `fault` says how it breaks its run."""

    FIELDS = ("number", "scheme", "start", "end", "fault", "slip", "detail")

    def __init__(self, number: int | None, scheme: str, start: int, end: int, fault: str | None = None,
                 slip: str | None = None, detail: str = ""):
        self.number = number
        self.scheme = scheme  # the family: "shi" (一是), "di" (第一，), "qi", "order", "①", "(n)", …
        self.start = start
        self.end = end
        # None, or how the run breaks here: "late-start", "skip", "repeat", "order", "mixed"
        self.fault = fault
        self.slip = slip  # None, or how the marker itself is broken (SLIPS)
        self.detail = detail
        self.expected: int | None = None  # the number the run expected here, where it differs
        self.previous: RunMarker | None = None  # the marker before it in its run
        self.mixed_with: str | None = None  # for a "mixed" fault, the scheme whose run it goes on from
        self.want: str | None = None  # for a broken marker, what should stand in its place
        self.mark = ""  # the point mark written after it


class Run(Record):
    """One family's in-text markers under one heading, from a 1 (or a late start) on."""

    FIELDS = ("scheme", "markers")

    def __init__(self, scheme: str, markers: list):
        self.scheme = scheme
        self.markers = markers
        self.heading = None  # the Heading whose text holds it, None in the lead
        self.closed = False  # an order run closed by 最后


_SENTENCE_END = set("。;!?\n")


def _line_start(folded: str, pos: int) -> bool:
    """Whether only spaces or Markdown stand between the start of the line and `pos`."""
    return not folded[folded.rfind("\n", 0, pos) + 1:pos].strip(" \t#*->_\u3000")


def fresh(folded: str, after: int, before: int) -> bool:
    """Whether text that is no part of a run stands between its last marker (ending at `after`)
    and a new 一 at `before`: a sentence after the one holding that marker, or a label."""
    stop = after
    while stop < before and folded[stop] not in _SENTENCE_END:
        stop += 1
    return any(ch.isalnum() for ch in folded[stop:before])


class Flow:
    """The text under one heading (or the lead), where in-text runs count 1, 2, 3 …

    A run continues across the flow's paragraphs; it restarts at 1 only after fresh text (see
    `fresh`); a run that starts above 1 lost its first markers, unless another family's run
    stops just short of it (第一，…二是: the schemes are mixed)."""

    def __init__(self, folded: str, heading=None):
        self.folded = folded
        self.heading = heading
        self.current: dict[str, Run] = {}
        self.runs: list[Run] = []
        self.templates: dict[str, str] = {}

    def judge(self, scheme: str, number: int | None, start: int) -> str | None:
        """The fault a marker would bring to its run here; "ignore" for 其次/最后 with no 首先."""
        run = self.current.get(scheme)
        last = run.markers[-1] if run else None
        if scheme == "order":
            if run is None or run.closed:
                return None if number == 1 else "ignore"
            if number is None or number == last.number + 1 or (number == 3 and last.number == 3):
                return None
            if number == 1 and fresh(self.folded, last.end, start):
                return None
            return "order"
        if run is None:
            if number == 1 or self._runs_in(scheme, number) or self._runs_on(scheme, number, start) is not None:
                return None
            if any(r.markers[-1].number == number - 1 for s, r in self.current.items() if s != scheme):
                return "mixed"
            if self._glued_before(scheme, number, start):
                return None
            return "late-start"
        if number == last.number + 1:
            return None
        if number == 1 and fresh(self.folded, last.end, start):
            return None
        if number == last.number:
            return "repeat"
        return "skip" if number > last.number else "order"

    def _glued_before(self, scheme: str, number: int | None, start: int) -> bool:
        """Whether the marker before this one stands earlier in the paragraph, glued to what is
        before it where its mark was lost (各股室（单位）一是要…。二是要…, 【提纲】一、…。二、…): the
        run is whole. A …是 marker may be glued to any word but the few it makes one with
        (统一是, 唯一是, 之一是); a marker of another scheme only to a closing bracket or quote,
        which ends a label as a mark would, since its forms are words after a word (第一书记, 其一,
        统一、规范)."""
        if number is None or number < 2:
            return False
        want = run_marker_text(scheme, number - 1)
        folded = self.folded
        lo = folded.rfind("\n", 0, start) + 1
        at = folded.rfind(want, lo, start)
        if at <= lo:
            return False
        if scheme == "shi":
            return folded[at - 1] not in _ONE_WORDS
        while at > lo:  # the numeral may stand in words after the marker too (一、统一思想…二、)
            after = at + len(want)
            if after < start and folded[after] in "、.,":  # the point of 一、 and 1.
                after += 1
            if folded[at - 1] in _CLOSERS and after < start and _MARKER_TEXT_AFTER.match(folded, after):
                return True
            at = folded.rfind(want, lo, at)
        return False

    def _runs_on(self, scheme: str, number: int | None, start: int):
        """The run of the heading before this one's (a sibling) that this marker continues, where
        paragraphs headed 第一，第二，… are numbered across groups (（一）第一，第二，（二）第三，…)."""
        if scheme not in ("di", "qi") or number is None or self.heading is None or not _line_start(self.folded, start):
            return None
        prev = next((r for r in reversed(self.runs) if r.scheme == scheme), None)
        if prev is None or prev.heading is None or prev.heading is self.heading \
                or prev.heading.family != self.heading.family:
            return None
        last = prev.markers[-1]
        return prev if last.number == number - 1 and _line_start(self.folded, last.start) else None

    def _runs_in(self, scheme: str, number: int | None) -> bool:
        """Whether the marker goes on with the run of the heading the flow stands under, in the
        heading's own line or text (（1）…。（2）…): the heading's sibling, run in."""
        h = self.heading
        return h is not None and h.family == scheme and number is not None and h.last == number - 1

    def step(self, marker: RunMarker, fault: str | None) -> None:
        if fault == "ignore":
            return
        if fault is None and self.current.get(marker.scheme) is None and marker.number != 1:
            run = self._runs_on(marker.scheme, marker.number, marker.start)
            if run is not None:
                marker.previous = run.markers[-1]
                run.markers.append(marker)
                self.current[marker.scheme] = run
                return
        if fault is None and self.current.get(marker.scheme) is None and self._runs_in(marker.scheme, marker.number):
            self.heading.last = marker.number
            run = Run(marker.scheme, [marker])
            run.heading = self.heading
            self.current[marker.scheme] = run
            self.runs.append(run)
            return
        marker.fault = fault
        run = self.current.get(marker.scheme)
        if fault == "mixed":
            marker.mixed_with = next(s for s, r in self.current.items()
                                     if s != marker.scheme and r.markers[-1].number == marker.number - 1)
        if run is None or run.closed or (fault is None and marker.number == 1 and run.markers):
            run = Run(marker.scheme, [])
            run.heading = self.heading
            self.current[marker.scheme] = run
            self.runs.append(run)
            if fault in ("late-start", "mixed"):
                marker.expected = 1
        else:
            marker.previous = run.markers[-1]
            if marker.number is None:
                marker.number = (marker.previous.number or 0) + 1
                run.closed = True
            elif marker.number != marker.previous.number + 1 and fault is not None:
                marker.expected = marker.previous.number + 1
        run.markers.append(marker)

    def wanted(self) -> list[tuple[str, int | None]]:
        """(scheme, number) of the markers the open runs expect next."""
        out = []
        for scheme, run in self.current.items():
            if run.closed or run.markers[-1].number is None:
                continue
            n = run.markers[-1].number
            if scheme == "order":
                out += [("order", n + 1)] if n < 3 else []
                out.append(("order", None))
            else:
                out.append((scheme, n + 1))
        return out

    def want(self, scheme: str, number: int | None) -> tuple[str, str, str]:
        if scheme == "order":
            return "", write("order", number or 0), ""
        numeral = numeral_of(scheme, number)
        return want_of(write(scheme, number, self.templates.get(scheme)), numeral)


def group_faults(groups: list, top_of) -> list:
    """Faults of a heading family's runs: `groups` are its sibling lists in document order, each
    counting on by one. Each group after the first restarts at 1 or runs on from the one before;
    the document keeps one convention: every group restarts, every group runs on, or groups run
    on within a top-level section (`top_of(group)`) and restart in the next. Returns (heading,
    expected number, kind) for each heading that breaks its run. A heading's `last` is its own
    number, or that of the last sibling run into its text (（1）…。（2）…)."""
    faults = []
    trans = []  # (group, restarts?, in the same top-level section as the group before?)
    prev = None
    for group in groups:
        for a, b in zip(group, group[1:]):
            if b.number != a.last + 1:
                faults.append((b, a.last + 1, "repeated" if b.number == a.last else
                               ("skips" if b.number > a.last else "order")))
        first = group[0].number
        if prev is None:
            if first != 1:
                faults.append((group[0], 1, "skips"))
        elif first == 1 or first == prev[-1].last + 1:
            trans.append((group, first == 1, top_of(group) is top_of(prev)))
        else:
            want = prev[-1].last + 1 if first > prev[-1].last + 1 else 1
            faults.append((group[0], want, "skips" if first > want else "order"))
        prev = group
    if trans:
        conventions = [
            [(g, 1) for g, restart, _ in trans if not restart],  # each group restarts
            [(g, None) for g, restart, _ in trans if restart],  # the numbers run on
            [(g, None if restart else 1) for g, restart, same in trans if restart == same],  # per section
        ]
        for group, want in min(conventions, key=len):
            if want is None:
                i = groups.index(group)
                want = groups[i - 1][-1].last + 1
            faults.append((group[0], want, "skips" if group[0].number > want else "order"))
    return faults


def repair(text: str, read: Read, written: str) -> str:
    """What should stand in place of text[read.start:read.end]: the marker `written` whole, with
    any character of the text that a swap pulled into the span put back after it."""
    if read.what == "swapped" and read.end - read.start == len(fold(written)) + 1:
        return written + text[read.end - 2]
    if read.what == "stray":
        inner = text[read.start:read.end]
        return inner[1:] if read.before else inner[:-1]
    return written
