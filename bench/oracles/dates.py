"""The dates family's reference oracle for bench/closure.py: what a proofreader says about a date.

Written apart from the rules (it imports nothing of rectlint). It reads a notice the way a careful
proofreader of official documents does, from the conventions rather than from any rule's code:

A date is written with Arabic numerals and its units, largest first, each once: 2025年3月24日,
2025年3月, 2025年, and (its year taken from the text before) 3月24日 or 3月. The year has four
digits and lies in 1900-2100; a month is 1-12 and a day exists in its month (GB/T 15835-2011;
GB/T 9704-2012 §7.3.5 for the 成文日期, which gives year, month and day in full). A range joins two
dates with 至, 到, a one-em dash, or a wave dash; its end leaves out what it shares with its start
(3月10日至5月12日, 3月10日至12日, 2025年3月至5月), or the two share the last unit
(2025年4—10月, 3月10—12日, 2025—2030年). Both ends have the same precision, and the end comes
after the start (a range from a day to the same day is a slip). Written shapes that are well formed but against the style of official
running text: a zero-padded month or day (03月), dotted, slashed and hyphenated forms (2025.3.24,
2025-03-24), a date in Chinese numerals (二〇二五年三月五日), 号 for 日, a space between a number
and its unit (7 月 12 日), a doubled dash (the
破折号) as a range joiner (GB/T 15834-2011 §4.13). A hyphen joining a range is taken as published
notices write it (6月12日-13日), not as a slip.

Anything else that sits where a date was is broken: a unit lost, doubled, swapped or out of place,
a stray digit, a mark inside the date, a value that does not exist, digits mixed with Chinese
numerals, a joiner with nothing after it, two dates with no joiner.

The notice's dates also keep one chronology: the inspection period's start <= its end <= the
feedback <= the 成文日期; anything stated as done or counted (截至…) is not after the 成文日期; the
截至 point and every plan or deadline is not before the feedback (a date that only bounds something,
2026年6月前 or 至2023年4月, may be a plan's or a past fact's, and is checked against neither). Two judgements of plausibility
a proofreader of this genre makes: the feedback comes within a year of the inspection's end, and
the notice within two years of the feedback (otherwise one of the years is wrong). Done work has
no lower bound: a measure's date cannot be told from the background facts a notice recounts.
A deadline that has passed at the 截至 point (or the 成文日期) on work still open is no broken date
but a fact the proofreader notes (逾期未完成): an edit that makes one is "style", to be noted there.
"""

from __future__ import annotations

import datetime as dt
import re

from . import _notice as N

NAME = "dates"
ALPHABET = "0123456789年月日至到—～-./〇一二三四五六七八九十"
INSERTS = "年月日至到—～-./〇"

_WIDE = str.maketrans("０１２３４５６７８９．／－～", "0123456789./-~")
DIGITS = "0123456789"
CN_DIGITS = "〇零一二三四五六七八九"
CN_CHARS = CN_DIGITS + "十"
UNITS = "年月日号"
JOINERS = "至到—–~-"
SEPARATORS = "./"
RUN_CHARS = set(DIGITS + CN_CHARS + UNITS + JOINERS + SEPARATORS)
# Words after a number that make it a count, not part of a date (2025年12项制度).
CLASSIFIERS = set("个项条家人名次件户台套份篇期批届所座处种类位岁天周元万亿千百余多笔宗起例场轮%％")
_CLAUSE_END = "，,；;。！？!?\n"
_SENTENCE_END = "。；;！？!?\n"


def fold(text: str) -> str:
    return text.translate(_WIDE)


# -- tokens -----------------------------------------------------------------------------------

class Tok:
    __slots__ = ("kind", "text", "start", "end")

    def __init__(self, kind, text, start, end):
        self.kind, self.text, self.start, self.end = kind, text, start, end

    def __repr__(self):
        return f"{self.kind}:{self.text}"


def tokens(folded: str, start: int, end: int) -> list[Tok]:
    out = []
    i = start
    while i < end:
        ch = folded[i]
        j = i + 1
        if ch in DIGITS:
            while j < end and folded[j] in DIGITS:
                j += 1
            kind = "N"
        elif ch in CN_CHARS:
            while j < end and folded[j] in CN_CHARS:
                j += 1
            kind = "C"
        elif ch in UNITS:
            kind = "U"
        elif ch == "—":
            while j < end and folded[j] == "—":
                j += 1
            kind = "J"
        elif ch == " ":
            i = j
            continue
        elif ch in JOINERS:
            kind = "J"
        else:
            kind = "S"
        out.append(Tok(kind, folded[i:j], i, j))
        i = j
    return out


def cn_value(text: str) -> int | None:
    """A Chinese numeral of a month or day: 三, 十, 十二, 二十九, 三十一."""
    values = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    if "十" not in text:
        return values.get(text) if len(text) == 1 and text not in "〇零" else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or (tens and tens not in "二三") or units in ("〇", "零"):
        return None
    return (values[tens] if tens else 1) * 10 + (values[units] if units else 0)


def cn_year(text: str) -> int | None:
    if len(text) != 4 or "十" in text:
        return None
    return int("".join(str("〇一二三四五六七八九".index("〇" if c == "零" else c)) for c in text))


# -- the grammar of one date and of a range ---------------------------------------------------

class Date:
    """One written date: its fields (None where not written), numeral system and style notes."""

    def __init__(self):
        self.year = self.month = self.day = None
        self.start = self.end = 0
        self.cn = False
        self.notes: set[str] = set()
        self.units = ""  # the units written, in order: 年月日
        self.bare = None  # a number with no unit of its own, before a joiner (2025年4—10月)

    @property
    def precision(self):
        return self.units[-1] if self.units else None


def days_in(year, month):
    if month == 2:
        if year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
            return 29
        return 28
    return 30 if month in (4, 6, 9, 11) else 31


class Broken(Exception):
    pass


def _number(tok: Tok, unit: str, d: Date) -> int:
    if tok.kind == "C":
        d.cn = True
        value = cn_year(tok.text) if unit == "年" else cn_value(tok.text)
        if value is None:
            raise Broken("Chinese numeral")
        return value
    text = tok.text
    if unit == "年":
        if len(text) == 2:
            d.notes.add("short-year")  # a warning, GB/T 15835: years are written in full
            raise Broken("two-digit year")
        if len(text) != 4 or not 1900 <= int(text) <= 2100:
            raise Broken("no year")
        return int(text)
    if len(text) > 2 or int(text) == 0:
        raise Broken("no month or day")
    if len(text) == 2 and text[0] == "0":
        d.notes.add("padded")
    return int(text)


def parse_date(toks: list[Tok], i: int) -> tuple[Date, int]:
    """The date written from toks[i]: unit form (number+unit pairs, largest unit first, each
    once) or numeric form (2025.3.24, 2025/3/24, 2025-03-24)."""
    d = Date()
    n = len(toks)
    if i >= n or toks[i].kind not in "NC":
        raise Broken("no number")
    d.start = toks[i].start
    # numeric form
    if (toks[i].kind == "N" and i + 4 < n and toks[i + 1].text in ("-", ".", "/")
            and toks[i + 2].kind == "N" and toks[i + 3].text == toks[i + 1].text and toks[i + 4].kind == "N"
            and len(toks[i].text) == 4):
        d.year = _number(toks[i], "年", d)
        d.month = _number(toks[i + 2], "月", d)
        d.day = _number(toks[i + 4], "日", d)
        d.units = "年月日"
        d.notes.add("numeric")
        d.end = toks[i + 4].end
        _check_values(d)
        return d, i + 5
    kinds = set()
    while i < n and toks[i].kind in "NC":
        if i + 1 < n and toks[i + 1].kind == "U":
            unit = toks[i + 1].text
            if unit == "号":
                d.notes.add("hao")
                unit = "日"
            order = "年月日"
            if d.units and order.index(unit) != order.index(d.units[-1]) + 1:
                raise Broken("units out of order")
            kinds.add(toks[i].kind)
            value = _number(toks[i], unit, d)
            setattr(d, {"年": "year", "月": "month", "日": "day"}[unit], value)
            d.units += unit
            d.end = toks[i + 1].end
            i += 2
        else:
            # a number with no unit: the shared-unit start of a range (2025年4—10月), or broken
            if i + 1 < n and toks[i + 1].kind == "J" and toks[i].kind not in kinds - {toks[i].kind}:
                d.bare = toks[i]
                d.end = toks[i].end
                i += 1
            break
    if len(kinds) > 1:
        raise Broken("digits mixed with Chinese numerals")
    if not d.units and d.bare is None:
        raise Broken("no unit")
    if d.units == "日" and d.bare is None:
        d.notes.add("day-only")
    if d.units and d.units[0] == "年" and "月" not in d.units and d.day is not None:
        raise Broken("units")
    if d.units == "" and d.bare is not None:
        d.notes.add("bare-only")
    _check_values(d)
    return d, i


def _check_values(d: Date):
    if d.month is not None and not 1 <= d.month <= 12:
        raise Broken("month")
    if d.day is not None and not 1 <= d.day <= days_in(d.year, d.month or 1):
        raise Broken("day")


class Mention:
    """A well-formed single date or range, with what a proofreader would note about its style."""

    def __init__(self, start, end, first: Date, last: Date | None, joiner: str | None):
        self.start, self.end = start, end
        self.first, self.last, self.joiner = first, last, joiner
        self.notes = set(first.notes) | (set(last.notes) if last else set())
        if joiner is not None and joiner.startswith("——"):
            self.notes.add("joiner")  # the 破折号 joins no range; a hyphen is common enough (6月12日-13日)
        if first.cn or (last is not None and last.cn):
            self.notes.add("chinese")
        self.notes.discard("day-only")
        self.notes.discard("bare-only")
        self.role = "done"

    def bounds(self, year=None, month=None):
        """(earliest day, latest day) the mention covers, the missing fields carried."""
        a = _span_of(self.first, year, month)
        if self.last is None:
            return a
        b = _span_of(self.last, self.first.year or year, self.first.month or month)
        if a is None or b is None:
            return None
        return a[0], b[1]


def _span_of(d: Date, year, month):
    y = d.year if d.year is not None else year
    if y is None:
        return None
    if d.month is None and d.precision == "年":
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    m = d.month if d.month is not None else month
    if m is None:
        return None
    if d.day is None:
        return dt.date(y, m, 1), dt.date(y, m, days_in(y, m))
    if d.day > days_in(y, m):
        return None
    return dt.date(y, m, d.day), dt.date(y, m, d.day)


def _range(first: Date, joiner: Tok, last: Date) -> Mention:
    """Two dates joined into a range: the end writes only what changes, with the start's
    precision; or the start lends its unit to the end (2025年4—10月, 2025—2030年)."""
    if first.bare is not None:
        # the shared last unit: 2025年4—10月, 3月10—12日, 2025—2030年
        unit = last.units[:1]
        have = first.units
        want = {"年": "月", "月": "日"}.get(have[-1:], unit if not have else None)  # 1至9月, 2025—2030年
        if unit != want or len(last.units) != 1 or (first.bare.kind == "C") != last.cn:
            raise Broken("shared unit")
        value = _number(first.bare, unit, first)
        setattr(first, {"年": "year", "月": "month", "日": "day"}[unit], value)
        first.units += unit
        _check_values(first)
    else:
        if not last.units or "年" in last.units and "年" not in first.units:
            raise Broken("range end")
        if first.precision != last.precision or len(last.units) > len(first.units):
            raise Broken("range precision")
        if first.cn != last.cn:
            raise Broken("numerals")
    if last.bare is not None:
        raise Broken("bare end")
    # the end takes what it leaves out from the start
    year = last.year if last.year is not None else first.year
    month = last.month if last.month is not None else first.month
    if last.day is not None and month is not None and last.day > days_in(year, month):
        raise Broken("day")
    key_a = (first.year or 0, first.month or 0, first.day or 0)
    key_b = (year or 0, month or 0, last.day or 0) if first.month is not None or last.month is not None \
        else (year or 0, 0, 0)
    if key_b <= key_a:
        raise Broken("backwards" if key_b < key_a else "a range whose ends are the same")
    m = Mention(first.start, last.end, first, last, joiner.text)
    return m


# -- clusters: a run of digits, numerals, units, joiners and separators ----------------------

_PREP_BEFORE_JOINER = set("于在从自由")  # 于至2025年: two prepositions


# Time words whose last character is a date's unit: 今年8月 is the month 8月 of this year.
TIME_WORDS = ("今年", "去年", "明年", "当年", "同年", "次年", "前年", "每年", "上年", "本年", "全年", "当月", "本月",
              "上月", "下月", "每月", "次月", "同月", "当日", "次日", "同日", "每日", "本日")


def parse_cluster(text: str, folded: str, toks: list[Tok], line_start: bool) -> Mention:
    """The one mention a run of date characters holds, or Broken. Context at the ends: a
    preposition 至/到 before the date (截至, 至2025年底), the report line's leading ——, 至今 after,
    and a count after a year or month (2025年12项)."""
    n = len(toks)
    i = 0
    if toks and toks[0].kind == "U" and text[max(0, toks[0].start - 1):toks[0].end] in TIME_WORDS:
        i = 1
    if toks and toks[0].kind == "J":
        first = toks[0]
        if first.text in ("至", "到"):
            before = text[first.start - 1] if first.start > 0 else "\n"
            if before in _PREP_BEFORE_JOINER:
                raise Broken("two prepositions")
            i = 1
        elif first.text == "——":
            i = 1  # a 破折号 before a date (the report line ——2025年10月24日在…, or mid-line)
        else:
            raise Broken("stray mark before the date")
    d1, i = parse_date(toks, i)
    mention = None
    if i < n and toks[i].kind == "J" and i + 1 < n and toks[i + 1].kind in "NC":
        joiner = toks[i]
        d2, i = parse_date(toks, i + 1)
        mention = _range(d1, joiner, d2)
        if toks[0].text in ("至", "到"):
            raise Broken("a preposition before a range")
    elif d1.bare is not None or "day-only" in d1.notes:
        raise Broken("a part with no unit")
    else:
        mention = Mention(d1.start, d1.end, d1, None, None)
    if " " in text[mention.start:mention.end]:
        mention.notes.add("spaced")
    if i < n:
        rest = toks[i:]
        after = text[toks[-1].end] if toks[-1].end < len(text) else "\n"
        if len(rest) == 1 and rest[0].text in ("至", "到") and after in "今此":
            pass  # 2025年至今
        elif len(rest) == 1 and rest[0].kind == "N" and after in CLASSIFIERS and mention.last is None \
                and mention.first.precision in ("年", "月"):
            pass  # 2025年12项制度
        else:
            raise Broken("more after the date")
    return mention


def runs(folded: str):
    """(start, end) of each maximal run of date characters, with Chinese numerals kept only
    where a unit follows them (一季度 and 三是 are words, not dates)."""
    out = []
    i, n = 0, len(folded)
    while i < n:
        if folded[i] not in RUN_CHARS:
            i += 1
            continue
        j = i
        while j < n and (folded[j] in RUN_CHARS or (
                folded[j] == " " and j + 1 < n and folded[j + 1] in DIGITS + UNITS and folded[j - 1] in DIGITS + UNITS)):
            j += 1  # a single space between a number and its unit is a slip of style (7 月 12 日)
        a, b = i, j
        # Chinese numerals at the end that no unit follows, before a word: 2025年一季度, 日三是
        k = b
        while k > a and folded[k - 1] in CN_CHARS:
            k -= 1
        if k < b and k > a and folded[k - 1] in UNITS and "〇" not in folded[k:b] \
                and b < n and _is_word(folded[b]):
            b = k
        # Chinese numerals at the start that are no date's: 十四五, 一是 (a unit or digit follows a date's)
        k = a
        while k < b and folded[k] in CN_CHARS:
            k += 1
        if k > a and (k == b or folded[k] in JOINERS + SEPARATORS) and "〇" not in folded[a:k]:
            a = k
        if a < b:
            out.append((a, b))
        i = j
    return out


def _is_word(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" and ch not in RUN_CHARS


def has_date_evidence(toks: list[Tok], folded: str) -> bool:
    """Does a run in clean text hold a date at all? A four-digit or Chinese-numeral year with 年,
    a number with 月, or 日 after a month; a count of years or days (3年, 三年, 112日) is none."""
    for k in range(len(toks) - 1):
        a, u = toks[k], toks[k + 1]
        if u.kind != "U" or a.kind not in "NC":
            continue
        if u.text == "月":
            return True
        if u.text == "年":
            if a.kind == "N" and (len(a.text) >= 4 or (len(a.text) == 2 and k + 3 < len(toks)
                                                         and toks[k + 3].text == "月")):
                return True
            if a.kind == "C" and (len(a.text) == 4 and "十" not in a.text):
                return True
    return False


# -- the whole notice -------------------------------------------------------------------------

class Reading:
    def __init__(self, text: str):
        self.text = text
        self.folded = fold(text)
        self.mentions: list[Mention] = []
        self.broken: list[tuple[int, int]] = []
        self.date_line: Mention | None = None
        self.notice: dt.date | None = None
        for a, b in runs(self.folded):
            toks = tokens(self.folded, a, b)
            if not has_date_evidence(toks, self.folded):
                continue
            line_start = a == 0 or self.text[a - 1] == "\n"
            try:
                self.mentions.append(parse_cluster(self.text, self.folded, toks, line_start))
            except Broken:
                self.broken.append((a, b))
        self._roles()

    def _line(self, pos):
        a = self.text.rfind("\n", 0, pos) + 1
        b = self.text.find("\n", pos)
        return a, (len(self.text) if b < 0 else b)

    def _roles(self):
        text = self.text
        # the 成文日期: a line that is one full date, among the last lines of the notice
        for m in reversed(self.mentions):
            a, b = self._line(m.start)
            if text[a:b].strip() == text[m.start:m.end] and m.last is None:
                tail = [ln for ln in text[b:].split("\n") if ln.strip()]
                if len(tail) <= 4:
                    self.date_line = m
                    m.role = "signed"
                break
        # a report's subtitle: ——2025年10月24日在…会议上
        subtitle = next((m for m in self.mentions if m.start >= 2 and text[m.start - 2:m.start] == "——"
                         and text[m.end:m.end + 1] == "在"), None)
        self.subtitle = subtitle
        signed = self.date_line if self.date_line is not None else subtitle
        if signed is not None:
            if subtitle is not None:
                subtitle.role = "signed"
            f = signed.first
            if signed.last is None and f.day is not None and f.units == "年月日":
                self.notice = dt.date(f.year, f.month, f.day)
        # the lead: before the first heading 一、
        heading = re.search(r"(?m)^\s*(?:#+\s*)?[一二三四五六七八九十]+、", text)
        lead_end = heading.start() if heading else len(text)
        self.inspection = next((m for m in self.mentions if m.start < lead_end and m.last is not None
                                and m.role == "done"), None)
        self.feedback = None
        if self.inspection is not None:
            self.inspection.role = "inspection"
            for m in self.mentions:
                if m.start <= self.inspection.end or m.start >= lead_end or m.last is not None \
                        or m.first.day is None:
                    continue
                sentence = self._around(m, _SENTENCE_END)
                if "反馈" in sentence or "出具" in sentence:
                    self.feedback = m
                    m.role = "feedback"
                break
        plans_from = re.search(r"(?m)^\s*(?:#+\s*)?[一二三四五六七八九十]+、[^\n]*(?:下一步|打算|计划)", text)
        for m in self.mentions:
            if m.role != "done":
                continue
            clause = self._around(m, _CLAUSE_END)
            before = text[max(0, m.start - 2):m.start]
            after = text[m.end:m.end + 3]
            if re.match(r"\s*(?:公告|公布|发布|印发)", text[m.end:m.end + 3]):
                m.role = "published"  # （2025年12月30日公告）: published after it was signed
            elif before.endswith("截至") or before.endswith("截止"):
                m.role = "counted"
            elif "已" in clause:
                m.role = "done"
            elif (plans_from and m.start > plans_from.start()) or re.search(
                    r"预计|计划|将于|将在|拟|力争|争取|确保|目标|下一步|明年|以后|之后|安排在|安排于", clause):
                m.role = "plan"
            elif re.match(r"底?前|起|以前|之前", after) or before.endswith(("自", "至", "到")):
                m.role = "bound"  # 2026年6月前, 至2023年4月才提交: a plan's or a past fact's bound

    def _around(self, m, ends):
        text = self.text
        a = max(text.rfind(c, 0, m.start) for c in ends) + 1
        found = [i for i in (text.find(c, m.end) for c in ends) if i >= 0]
        b = min(found) if found else len(text)
        return text[a:b]

    def chronology(self) -> list[tuple[str, list[Mention]]]:
        """The broken links of the notice's chronology, each with the mentions it joins."""
        out = []
        year = None
        bounds = {}
        for m in self.mentions:
            bounds[id(m)] = m.bounds(year)
            if m.first.year is not None:
                year = (m.last or m.first).year or m.first.year
        notice = self.notice
        insp, fb = self.inspection, self.feedback
        bi = bounds.get(id(insp)) if insp else None
        bf = bounds.get(id(fb)) if fb else None
        if bi and bf and bf[0] < bi[1]:
            out.append(("feedback before the inspection ends", [insp, fb]))
        # Judgement: feedback follows an inspection within weeks; a year later, a year is wrong.
        if bi and bf and (bf[0] - bi[1]).days > 366:
            out.append(("feedback a year after the inspection", [insp, fb]))
        signed = self.date_line or self.subtitle
        if notice is not None:
            if bf and bf[0] > notice:
                out.append(("feedback after the notice", [fb, signed]))
            # Judgement: a progress notice comes within two years of the feedback.
            if bf and (notice - bf[1]).days > 731:
                out.append(("notice two years after the feedback", [fb, signed]))
            if bi and bi[1] > notice:
                out.append(("inspection after the notice", [insp, signed]))
        for m in self.mentions:
            b = bounds.get(id(m))
            if b is None or m.role in ("signed", "inspection", "feedback"):
                continue
            if m.role in ("done", "counted") and notice is not None and b[0] > notice:
                out.append((f"{m.role} after the notice", [m, signed]))
            if m.role in ("counted", "plan") and bf is not None and b[1] < bf[0]:
                out.append((f"{m.role} before the feedback", [m, fb]))
        return out


_CACHE: dict[str, Reading] = {}


def read(text: str) -> Reading:
    got = _CACHE.get(text)
    if got is None:
        if len(_CACHE) > 64:
            _CACHE.clear()
        got = _CACHE[text] = Reading(text)
    return got


# -- the closure interface --------------------------------------------------------------------

def mentions(text: str) -> list[tuple[int, int]]:
    r = read(text)
    return [(m.start, m.end) for m in r.mentions]


def _overlaps(a, b, s, e):
    return a < e and s < b


def judge(new_text, span, old_text, old_span):
    old = read(old_text)
    s, e = span
    folded = fold(new_text)
    # every run of date characters the edit touches must still be well formed
    touched = [(a, b) for a, b in runs(folded) if a <= e and s <= b]
    if not touched:
        return "broken"  # the date is gone (its characters all replaced by something else)
    mentions_new = []
    for a, b in touched:
        toks = tokens(folded, a, b)
        line_start = a == 0 or new_text[a - 1] == "\n"
        try:
            mentions_new.append(parse_cluster(new_text, folded, toks, line_start))
        except Broken:
            return ("broken", touched + [tuple(span)])
    # the edited mention must still span what the old one did (a run split in two is broken)
    old_m = next((m for m in old.mentions if (m.start, m.end) == tuple(old_span)), None)
    if len(mentions_new) != 1 or old_m is None:
        return ("broken", touched)
    got = mentions_new[0]
    if old_m is old.date_line:
        a = new_text.rfind("\n", 0, got.start) + 1
        b = new_text.find("\n", got.end)
        line = new_text[a:len(new_text) if b < 0 else b]
        if got.first.units != "年月日" or got.last is not None or line.strip() != new_text[got.start:got.end]:
            return ("broken", touched)
    new = Reading(new_text)
    if new.broken:
        return ("broken", new.broken)
    old_links = {what for what, _ in old.chronology()}
    broken = [(what, ms) for what, ms in new.chronology() if what not in old_links]
    if broken:
        spans = [tuple(span)]
        for _, ms in broken:
            spans += [(m.start, m.end) for m in ms if m is not None]
        return ("broken", spans)
    late = _overdue(new_text) - _overdue(old_text)
    if late:
        return ("style", [tuple(span), *late])  # 逾期未完成: a deadline now passed on open work
    if got.notes - old_m.notes:
        return ("style", [(got.start, got.end)])
    return "ok"


def _overdue(text):
    """Spans of deadlines passed at the notice's reference date (截至, else the 成文日期) on work
    still open: a fact a proofreader notes (逾期未完成), not a broken date. The work is the block
    under the nearest heading (an item 1. or （一）, or a problem written as a section 五、)."""
    n = N.notice(text)
    ref = n.reference_date()
    if ref is None:
        return set()
    heads = [a for a, b in N._lines(text) if N.SECTION.match(text, a, b) or N._MARKER.match(text, a, b)]
    out = set()
    for day, where in N.deadlines(text, 0, len(text)):
        if day >= ref:
            continue
        lo = max((h for h in heads if h <= where[0]), default=None)
        if lo is None:
            continue
        hi = min((h for h in heads if h > lo), default=len(text))
        status = N._status_of(text, N.Item(lo, text.find("\n", lo) % (len(text) + 1), hi))
        if status is None:
            continue
        # 按期推进中，第一批…已改造完成: the status is its first clause, what follows a detail
        r = status.reading or N.read_status(re.split(r"[，,]", status.words)[0])
        if r is not None and r.klass in ("open", "partial"):
            out.add(where)
    return out


# -- whole-notice variants: the same dates written in other well-formed shapes ---------------

_CN_YEAR_DIGITS = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    tens, units = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _CN_YEAR_DIGITS[tens] + "十")) + (
        _CN_YEAR_DIGITS[units] if units else "")


def variants(text: str, fmt: str):
    """The notice with its dates re-rendered as other house styles write them; none of these
    may draw an error or a warning."""
    r = read(text)
    ranges = [m for m in r.mentions if m.last is not None and m.joiner == "至"]

    def rewrite(items, how):
        out, pos = [], 0
        for m in items:
            new = how(m)
            if new is None:
                continue
            out.append(text[pos:m.start])
            out.append(new)
            pos = m.end
        return "".join(out) + text[pos:]

    for joiner in ("—", "～", "到"):
        if ranges:
            yield f"ranges joined by {joiner}", rewrite(ranges, lambda m: text[m.start:m.end].replace("至", joiner, 1))
    if ranges:
        def repeat(m):
            if m.last.year is not None or m.first.year is None:
                return None
            written = text[m.start:m.end]
            a, _, b = written.partition("至")
            shared = a[-1].isdigit()  # 2025年1至9月: the start takes the end's unit
            return f"{a}至{m.first.year}年{b}" if b[0].isdigit() and "月" in b and not shared else None
        yield "range ends with their year", rewrite(ranges, repeat)
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    yield "full-width digits in dates", rewrite(r.mentions, lambda m: text[m.start:m.end].translate(wide))
    line = r.date_line
    if line is not None and not line.first.cn:
        f = line.first
        cn = "".join(_CN_YEAR_DIGITS[int(c)] for c in str(f.year)) + f"年{_cn_number(f.month)}月{_cn_number(f.day)}日"
        yield "date line in Chinese numerals", text[:line.start] + cn + text[line.end:]
