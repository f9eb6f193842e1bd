"""One grammar of written dates (docs/conventions.md#dates), read once per document.

A date is a year, month and day written largest first, each number followed by its unit, each
unit once: 2025年3月24日, 2025年3月, 2025年, 3月24日, 3月 (and 24日 as the end of a range). The
numbers are Arabic digits (full-width ones are folded) or, as older 成文日期 were written, Chinese
numerals (二〇二五年三月五日). A range joins two dates with 至, 到, a dash or a wave dash; its end
writes only what changes (3月10日至5月12日, 3月10日至12日, 2025年3月至5月), or the two ends share
the last unit (2025年4—10月, 3月10—12日, 2025—2030年). The numeric forms 2025.3.24, 2025/3/24 and
2025-03-24 are dates too.

The text is read as runs: stretches of digits, numerals, units, joiners and dots with a digit in
them. A run is a well-formed date (a `Written`), a near miss (a `Broken`: it holds a date by the
evidence below, but does not parse), or not a date at all (a phone number, a count, a code). What
a near miss should have been is found by `date_repair`, the same grammar asked of small edits.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

from .. import patterns
from ..record import Record
from ..text import cn_to_int
from .numbers import in_machine_token

# -- the characters of a date ------------------------------------------------------------------

CN_DIGITS = "〇零一二三四五六七八九"
CN_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
UNITS = "年月日号"
_FIELD = {"年": 0, "月": 1, "日": 2, "号": 2}
_OTHER = "零一二三四五六七八九十年月日号至到—–~\\-./ "  # the characters of a run besides its anchors
_OTHER_SET = frozenset(_OTHER.replace("\\", ""))
_EDGES = frozenset(" /〇零一二三四五六七八九十")  # what _trim may take off a run's end
# From a run's first digit to its end; what stands before that digit is taken by hand (runs): a
# lookbehind and a possessive prefix made the scan three times slower.
# These two are the standard library's re: it runs them three times faster than regex does.
_RUN_TAIL = re.compile(rf"[0-9〇][0-9〇{_OTHER}]*")
_YEARISH = patterns.compile(r"(?:19|20)\d\d")
# The commonest well-formed shapes, read without the parser (a test checks that both agree):
# 2025年3月24日, 2025年3月, 2025年, 3月24日, and ranges that repeat only what changes.
_FAST = re.compile(
    r"(?:(\d{4})年)?(?:([1-9]|1[0-2])月)?(?:([1-9]|[12]\d|3[01])日)?"
    r"(?:(至|到|—|~|-)(?:(\d{4})年)?(?:([1-9]|1[0-2])月)?(?:([1-9]|[12]\d|3[01])日)?)?")
_TOKEN = patterns.compile(r"(\d+)|([〇零一二三四五六七八九十]+)|([年月日号])|(—+|[至到–~\-])|([./])|( +)")
N, C, U, J, S, W = range(1, 7)
PREPOSITIONS = ("至", "到")  # 截至2025年底, 到2026年: a joiner's character before a lone date
RANGE_JOINER = "至"  # what a repair or a restyled range is joined with
# After a number that follows a date, these make it a count or a time, not a broken date:
# 2025年12项制度, 2025年3月10日9时.
COUNT_WORDS = frozenset("个项条家人名次件户台套份篇期批届所座处种类位岁天周元万亿千百余多笔宗例场轮%时点"
                        "米吨斤克升亩平立公里倍角版")
# After a run, these say the digits before them number something that is no date (1960邮箱).
_NUMBERED = patterns.compile(r"邮箱|信箱|号|室|栋|楼|路|街|弄|房|层")
# Labels of the numbers that are never dates: 邮编：200120, 电话：…, 索引号：….
CODE_LABEL = patterns.compile(
    r"(?:电话|热线|传真|手机|邮编|邮政编码|编码|编号|文号|字号|代码|账号|帐号|卡号|邮箱|信箱|证号|识别码|标识码|备案号|"
    r"索引号|序号|工号|批号|型号|版本|版本号|案号|登记号|许可证|QQ|qq)[:：]?\s*$")


_NO_NOTES: frozenset = frozenset()


class Piece:
    """One date of a mention as written: its fields, where they stand, and how they were written."""

    __slots__ = ("year", "month", "day", "units", "start", "end", "cn", "notes", "bare", "_digits")

    def __init__(self, start: int):
        self.year = self.month = self.day = None
        self.units = ""  # the units written, in order: "年月日", "月日", …
        self.start = self.end = start
        self.cn = False
        self.notes: frozenset[str] = _NO_NOTES  # most pieces have none: one shared empty set, not one each
        self.bare = None  # a number with no unit before a joiner, which takes the end's unit
        self._digits: dict[str, tuple] | None = None  # made by the parser's first field (_set)

    @property
    def last(self) -> str:
        return self.units[-1:] if self.units else ""

    def note(self, name: str) -> None:
        self.notes = self.notes | {name}

    @property
    def digits(self) -> dict[str, tuple]:
        """field -> (the number as written, where it starts). A date the parser read keeps them as
        written; one read in the commonest shape (_fast: a four-digit year, no padding, each number
        right before its unit) is read back from its fields when asked: a dict and its tuples for
        each date of a long draft were a fifth of what its dates held."""
        if self._digits is not None:
            return self._digits
        out, at = {}, self.start
        for field in ("year", "month", "day"):
            value = getattr(self, field)
            if value is not None:
                written = f"{value:04d}" if field == "year" else str(value)
                out[field] = (written, at)
                at += len(written) + 1
        return out


class Written(Record):
    """A well-formed date mention: one date or a range, with the notes of its style and the values
    that do not exist. Offsets index the document's text."""

    FIELDS = ("start", "end", "pieces", "joiner", "notes", "invalid")
    __slots__ = FIELDS  # one a date of a long draft: no dict each

    def __init__(self, start: int, end: int, pieces: list, joiner: str | None, notes: set, invalid: list):
        self.start = start
        self.end = end
        self.pieces = pieces
        self.joiner = joiner
        self.notes = notes  # padded, numeric, chinese, hao, spaced, joiner-double, short-year
        self.invalid = invalid  # (piece, field) pairs whose value does not exist: 13月, 2月30日

    @property
    def is_range(self) -> bool:
        return len(self.pieces) == 2


class Bad(Exception):
    """A run that does not parse; `kind` says what the grammar stopped at."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def tokens(text: str, start: int, end: int) -> list:
    """(kind, text, start, end) of each token of a run."""
    return [(m.lastindex, m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _value(tok, unit: str, piece: Piece) -> int:
    kind, text = tok[0], tok[1]
    if kind == C:
        piece.cn = True
        if unit == "年":
            if len(text) != 4 or "十" in text:
                raise Bad("year-digits")
            return int("".join(str(CN_VALUE[c]) for c in text))
        value = cn_to_int(text)
        if value is None or "〇" in text or "零" in text:
            raise Bad("numeral")
        return value
    if unit == "年":
        if len(text) == 2:
            piece.note("short-year")
            return 2000 + int(text)
        if len(text) != 4:
            raise Bad("year-digits")
        return int(text)
    if len(text) > 2:
        raise Bad("stray-digit")
    if len(text) == 2 and text[0] == "0":
        piece.note("padded")
    return int(text)


def _piece(toks: list, i: int) -> tuple[Piece, int]:
    """The date written from toks[i]: numbers each with its unit, largest unit first, or the
    numeric form 2025.3.24."""
    n = len(toks)
    if i >= n or toks[i][0] not in (N, C):
        raise Bad("stray-mark")
    p = Piece(toks[i][2])
    t = toks[i]
    # 2025.3.24, 2025/3/24, 2025-03-24: one separator twice, the year in four digits
    if (t[0] == N and len(t[1]) == 4 and i + 4 < n and toks[i + 1][1] in ("-", ".", "/")
            and toks[i + 2][0] == N and toks[i + 3][1] == toks[i + 1][1] and toks[i + 4][0] == N):
        for unit, tok in zip("年月日", (toks[i], toks[i + 2], toks[i + 4])):
            _set(p, unit, _value(tok, unit, p), tok)
        p.note("numeric")
        p.end = toks[i + 4][3]
        return p, i + 5
    kinds = set()
    while i < n and toks[i][0] in (N, C):
        tok = toks[i]
        k = i + 1
        if k < n and toks[k][0] == W:
            k += 1
        if k < n and toks[k][0] == U:
            unit = toks[k][1]
            if unit == "号" and p.last != "月":
                raise Bad("lost-unit")  # 5号, 〔2025〕7号: a number, a house or a document, no day
            if p.units and _FIELD[unit] != _FIELD[p.last if p.last != "号" else "日"] + 1:
                raise Bad("doubled" if _FIELD[unit] == _FIELD[p.last] else "order")
            if unit == "号":
                p.note("hao")
            if k > i + 1:
                p.note("spaced")
            kinds.add(tok[0])
            _set(p, unit, _value(tok, unit, p), tok)
            p.end = toks[k][3]
            i = k + 1
            if i < n and toks[i][0] == W and i + 1 < n and toks[i + 1][0] in (N, C):
                p.note("spaced")
                i += 1
            continue
        if k < n and toks[k][0] == J and p.last != "日":
            p.bare = tok  # 2025年4—10月: the start lends nothing and borrows the end's unit
            kinds.add(tok[0])
            p.end = tok[3]
            i += 1
        break
    if len(kinds) > 1:
        raise Bad("mixed-numerals")
    if not p.units and p.bare is None:
        raise Bad("lost-unit")
    if p.units.startswith("年") and "日" in p.units.replace("号", "日") and "月" not in p.units:
        raise Bad("order")
    return p, i


def _set(p: Piece, unit: str, value: int, tok) -> None:
    field = ("year", "month", "day")[_FIELD[unit]]
    setattr(p, field, value)
    p.units += "日" if unit == "号" else unit
    if p._digits is None:
        p._digits = {}
    p._digits[field] = (tok[1], tok[2])


def _skip_space(toks, i):
    return i + 1 if i < len(toks) and toks[i][0] == W else i


def parse(toks: list, text: str) -> Written:
    """The mention a run's tokens hold, or Bad. What may stand around a date inside a run: a
    preposition 至/到 before a lone date (截至2025年10月底), a 破折号 ——, 至今 or 至 and a place after
    it, a count or a time after it (2025年12项, 3月10日9时)."""
    n = len(toks)
    i = 0
    first = toks[0] if toks else None
    if first is not None and first[0] == U:
        later = n > 2 and toks[1][0] == N and toks[2][0] == U and _FIELD[toks[2][1]] > _FIELD[first[1]]
        # ——年11月27日在…: the year's digits were lost; 于年2025年: a unit stands stray
        raise Bad("lost-year" if later else "stray-unit")
    if first is not None and first[0] == J:
        if first[1] in PREPOSITIONS or first[1] == "——":
            i = 1
        else:
            raise Bad("stray-mark")
    elif first is not None and first[0] == S:
        raise Bad("stray-mark")
    a, i = _piece(toks, i)
    pieces, joiner = [a], None
    k = _skip_space(toks, i)
    if k < n and toks[k][0] == J and _skip_space(toks, k + 1) < n and toks[_skip_space(toks, k + 1)][0] in (N, C):
        joiner = toks[k][1]
        b, i = _piece(toks, _skip_space(toks, k + 1))
        _join(a, b)
        pieces.append(b)
        if i < n and toks[i][0] == J:
            raise Bad("dangling-joiner")
    elif a.bare is not None:
        raise Bad("lost-unit")
    elif "short-year" in a.notes and a.units == "年":
        raise Bad("count")  # 25年, 90年代: a count of years or a decade; 25年3月 is a short year
    elif a.units == "日" and a.day > 31:
        raise Bad("count")  # 45日内: a count of days, unless a date lost its 月 (lost_month_after_word)
    if first is not None and first[0] == J and first[1] in PREPOSITIONS and joiner is not None:
        raise Bad("stray-mark")  # 至2025年3月至5月: a preposition before a range
    if i < n:
        rest = toks[i:]
        after = _after(text, rest[-1][3])
        if rest[0][0] == W:
            rest = rest[1:]
        if len(rest) == 1 and rest[0][0] == J and rest[0][1] in PREPOSITIONS and _is_word(after):
            pass  # 至今, 至此, 至县档案馆
        elif len(rest) == 1 and rest[0][0] == N and (after in COUNT_WORDS or after in ":："):
            pass  # 2025年12项, 3月10日9时, 5月21日17:00
        elif not rest:
            pass
        else:
            raise Bad("dangling-joiner" if rest[0][0] == J else "more")
    notes = set(a.notes) | (set(pieces[1].notes) if joiner else set())
    if a.cn or pieces[-1].cn:
        notes.add("chinese")
    if joiner is not None and len(joiner) > 1:
        notes.add("joiner-double")  # 3月10日——5月12日: the 破折号 joins no range
    start = a.start
    end = pieces[-1].end
    return Written(start, end, pieces, joiner, notes or _NO_NOTES, _invalid(pieces))


def _after(text: str, end: int) -> str:
    """The character after a run, over spaces: 2021年4月21日 04 版."""
    while end < len(text) and text[end] == " ":
        end += 1
    return text[end] if end < len(text) else "\n"


def _is_word(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _join(a: Piece, b: Piece) -> None:
    """Check the end of a range against its start, and give a bare start its unit."""
    if a.bare is not None:
        unit = b.units[:1]
        want = {"年": "月", "月": "日"}.get(a.last) if a.units else unit  # 2025年4—10月; 1至9月, 2025—2030年
        if not unit or b.units != unit or unit != want or (a.bare[0] == C) != b.cn:
            raise Bad("range-end-form")
        _set(a, unit, _value(a.bare, unit, a), a.bare)
        a.bare = None
        return
    if b.bare is not None:
        raise Bad("lost-unit")
    if not b.units or (b.units[0] == "年" and a.units[0] != "年") or len(b.units) > len(a.units) \
            or a.last != b.last:
        raise Bad("range-end-form")
    if a.cn != b.cn:
        raise Bad("mixed-numerals")
    if "numeric" in a.notes and "numeric" not in b.notes:
        raise Bad("range-end-form")


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_days(year: int | None, month: int) -> int:
    """Days in a month; 29 in a February of no known year. calendar.monthrange's answer without
    importing calendar, which costs a cold start more than every date check of a notice."""
    if month == 2 and (not year or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))):
        return 29
    return _MONTH_DAYS[month - 1]


_NONE_INVALID: tuple = ()  # what nearly every date holds: one shared empty tuple, not a list each


def _invalid(pieces: list) -> list | tuple:
    out = []
    year = None
    month = None
    for p in pieces:
        year = p.year if p.year is not None else year
        if p.year is not None and not 1900 <= p.year <= 2100 and "short-year" not in p.notes:
            out.append((p, "year"))
        if p.month is not None:
            month = p.month
            if not 1 <= p.month <= 12:
                out.append((p, "month"))
                continue
        if p.day is not None and month is not None and 1 <= month <= 12 \
                and not 1 <= p.day <= month_days(year, month):
            out.append((p, "day"))
    return out or _NONE_INVALID


def canonical(w: Written, joiner: str | None = None) -> str:
    """A well-formed mention as running text writes it: Arabic numerals, no padding, 年月日, the
    fields it writes (2025.3.24 → 2025年3月24日, 二〇二五年三月五日 → 2025年3月5日)."""
    out = []
    for p in w.pieces:
        text = ""
        for field, unit in (("year", "年"), ("month", "月"), ("day", "日")):
            if field in p.digits:
                text += f"{getattr(p, field)}{unit}"
        out.append(text)
    return (joiner or w.joiner or "").join(out)


def ends(w: Written) -> tuple[tuple, tuple]:
    """(year, month, day) of a mention's first and last day, the end's missing fields taken from
    its start (3月10日至12日); 0 where the text says nothing."""
    a = w.pieces[0]
    ka = (a.year or 0, a.month or 0, a.day or 0)
    if not w.is_range:
        return ka, ka
    b = w.pieces[1]
    year = b.year if b.year is not None else a.year
    month = b.month if b.month is not None else (a.month if b.day is not None else None)
    return ka, (year or 0, month or 0, b.day or 0)


class Mention(Record):
    """One date as written: 2025年3月12日, 3月12日, 2025年, 2025-03-12, or one end of a range."""

    FIELDS = ("start", "end", "year", "month", "day", "iso")
    __slots__ = FIELDS

    def __init__(self, start: int, end: int, year: int | None, month: int | None, day: int | None,
                 iso: bool = False):
        self.start = start
        self.end = end
        self.year = year
        self.month = month
        self.day = day
        self.iso = iso  # written 2025-12-12 / 2025.12.12 / 2025/12/12


def pieces_of(w: Written) -> list[Mention]:
    """The Mentions of a well-formed mention: one, or one per end of a range (an end that writes
    only a day takes its start's month)."""
    iso = "numeric" in w.notes
    out = []
    month = None
    for p in w.pieces:
        m = p.month if p.month is not None else (month if p.day is not None else None)
        out.append(Mention(p.start, p.end, p.year, m, p.day, iso))
        month = m
    return out


# -- is a run that does not parse a date at all? ------------------------------------------------

class Broken(Record):
    """A run that holds a date by the evidence but does not parse, and the readings that repair it."""

    FIELDS = ("start", "end", "readings", "kind")
    __slots__ = (*FIELDS, "run", "whole")

    def __init__(self, start: int, end: int, readings: list, kind: str):
        self.start = start
        self.end = end
        self.readings = readings  # list of str: each a whole well-formed repair of the span
        self.kind = kind
        self.run = None  # (start, end) of the whole run, when its one repair is `whole`
        self.whole = None


def _plain_number(toks) -> bool:
    return len(toks) == 1 and toks[0][0] == N


def _next(toks: list, k: int):
    """The token after toks[k], over a space."""
    k += 1
    if k < len(toks) and toks[k][0] == W:
        k += 1
    return toks[k] if k < len(toks) else None


def evidence(toks: list, text: str, start: int, end: int, years: "YearWindow", whole_line: bool,
             raw: str | None = None) -> bool:
    """Whether a run that does not parse still holds a date: a unit after a number that only a
    date gives it (a year before 年, a number before 月, a day after a month), a year of the
    document glued to more digits or standing alone before a word, a year in Chinese numerals.
    A count (3年, 三年, 112日), a code, or a number after its label (邮编：…) holds none."""
    before = text[start - 1] if start > 0 else "\n"
    after = _after(text, end)
    if (before.isascii() and before.isalnum()) or (after.isascii() and after.isalpha()) or (
            before in ":/-._" and (raw or text)[start - 1] == before and start >= 2
            and text[start - 2].isascii() and text[start - 2].isalnum()):
        return False  # QB2025717, ISO 9001:2015, 11440100007XXX/2025-01234 (a full-width ： is a label's)
    if before == "〔" or CODE_LABEL.search(text, max(0, start - 8), start):
        return False  # 〔2025〕7号 is a document number (see _DOC_NUMBER), 邮编：200120 a code
    last = len(toks) - 1
    if len(toks) >= 3 and toks[0][1] == "年" and toks[1][0] == N and toks[2][1] == "月":
        return True  # ——年11月27日: a date whose year lost its digits
    if any(t[0] == U and t[1] != "号" for t in toks) and after not in COUNT_WORDS and toks[0][0] == N:
        digits = "".join(t[1] for t in toks if t[0] == N)
        if len(digits) >= 4 and years.starts_year(digits):
            return True  # 20年25年, 202日5年: a year of the document cut by a unit or a mark
        if years.one_char_off(text[start:start + 4]) and text[start + 4:start + 5] == "年":
            return True  # 2年25年, 2〇25年: a year of the document with one digit replaced
    for k, tok in enumerate(toks):
        nxt = _next(toks, k)
        unit = nxt[1] if nxt is not None and nxt[0] == U else None
        if tok[0] == C:
            if unit == "年" and len(tok[1]) == 4 and "十" not in tok[1]:
                return True
            continue
        if tok[0] != N:
            continue
        digits = tok[1]
        if unit == "月" or (unit == "年" and (years.starts_year(digits) or years.one_digit_off(digits))):
            return True
        if unit in ("日", "号") and any(t[1] == "月" for t in toks[:k]):
            return True
        if 5 <= len(digits) <= 8 and years.starts_year(digits) and (
                unit is not None or (nxt is not None and nxt[0] == J)
                or (nxt is None and (whole_line or (_is_word(after) and after not in COUNT_WORDS)))):
            return True
        if 9 <= len(digits) <= 16 and years.starts_year(digits) and any(
                years.starts_year(digits[i:]) for i in range(5, min(9, len(digits) - 4) + 1)) and (
                unit is not None or nxt is None and (_is_word(after) and after not in COUNT_WORDS or whole_line)):
            return True  # 2025952025911日: two dates glued, their marks and the joiner lost
        if len(digits) == 4 and years.near(int(digits)):
            if k == 0 and last > 0 and all(t[0] in (J, S, C) for t in toks[1:]) and (
                    _is_word(after) or after in "“\"《(，,。") and after not in COUNT_WORDS:
                return True  # 2025—已完成, 2025一已完成: the year's 年 replaced by a mark
            if last == 0 and (_is_word(after) or after in "“\"《(") and after not in COUNT_WORDS and after not in UNITS \
                    and not _NUMBERED.match(text, end) and (before in "\n ,;:。、“\"《(" or _is_word(before)):
                return True  # 2024某医疗机构: the year lost its 年
            if nxt is not None and nxt[0] in (J, S) and any(t[0] == U for t in toks):
                return True  # 2025-3月, 2025.年
    return False


def lost_month_after_word(toks: list, text: str, start: int) -> bool:
    """716日 with its 月 lost reads as a count of days (累计运行112日) unless a word that brings in a
    date stands before it: 于716日, 至716日, a full stop."""
    if len(toks) == 3 and toks[0][1] in PREPOSITIONS:
        toks, start = toks[1:], toks[1][2]  # 截至1031日
    if len(toks) != 2 or toks[0][0] != N or toks[1][1] != "日" or len(toks[0][1]) not in (2, 3, 4) \
            or int(toks[0][1]) <= 31:
        return False
    before = text[start - 1] if start > 0 else "\n"
    if before in "、和及与":
        return "月" in text[max(0, start - 8):start - 1]  # 7月14日、84日: in a list of dates
    # 于716日; two digits (于45日内) are a count of days unless a list of dates says otherwise
    return len(toks[0][1]) > 2 and before in "于在至到自从是,;(。\n 日"


class YearWindow:
    """The years a document writes in full. A year glued to more digits, or left without its 年,
    is read as a date only near them; a repair keeps to them."""

    def __init__(self, years):
        self.years = sorted(set(years))
        self.low = (self.years[0] - 5) if self.years else 1990
        self.high = (self.years[-1] + 5) if self.years else 2039

    @cached_property
    def window(self) -> set[str]:
        return {str(y) for y in range(self.low, self.high + 1)}

    def near(self, year: int) -> bool:
        return self.low <= year <= self.high

    def starts_year(self, digits: str) -> bool:
        return len(digits) >= 4 and 1950 <= int(digits[:4]) <= 2099 and self.near(int(digits[:4]))

    def one_digit_off(self, digits: str) -> bool:
        """Three or five digits one digit short of a year near the document's, or one too many
        (202年 or 20225年 for 2025年); not a round count of years (200年)."""
        if len(digits) == 3 and not digits.endswith("0"):
            return any(y[:i] + y[i + 1:] == digits for y in self.window for i in range(4))
        if len(digits) == 5:
            return any(digits[:i] + digits[i + 1:] in self.window for i in range(5))
        return False

    def one_char_off(self, chars: str) -> bool:
        """Four characters that are a year near the document's with one digit replaced by
        something else than a digit or a decimal point (2年25, 20至5, 2〇25)."""
        if len(chars) != 4 or sum(not c.isdigit() for c in chars) != 1 or "." in chars or not chars[0].isdigit():
            return False
        return any(all(a == b or not a.isdigit() for a, b in zip(chars, y)) for y in self.window)

    def one_slip(self, year: int) -> bool:
        """A four-digit year one keystroke from a year near the document's: 1025 or 2205 for 2025."""
        w = f"{year:04d}"
        for y in self.window:
            if sum(a != b for a, b in zip(w, y)) == 1 or any(
                    y[:i] + y[i + 1] + y[i] + y[i + 2:] == w for i in range(3)):
                return True
        return False

    def likely(self, year: int) -> bool:
        """A repair's year: one of the document's own, or next to one."""
        if not self.years:
            return 1950 <= year <= 2099
        return any(abs(year - y) <= 1 for y in self.years)


# -- the reading of a whole document ----------------------------------------------------------

class DateReading:
    """Every run of a document read once (Document.dates): the well-formed mentions and the near
    misses, each in order of position."""

    def __init__(self, written: list, broken: list, years: YearWindow):
        self.written = written
        self.broken = broken
        self.years = years
        self.starts = [w.start for w in written]
        self.chronology = None  # conventions.chronology.read_chronology's, once asked for

    @cached_property
    def mentions(self) -> list:
        """Each date written, one Mention per end of a range (conventions.dates.mentions_in)."""
        return [m for w in self.written for m in pieces_of(w)]

    @cached_property
    def mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    def written_in(self, lo: int, hi: int) -> list:
        return self.written[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]


_DOC_NUMBER = patterns.compile(r"〔((?:19|20)\d\d)(\d{1,4})号")
_ASCII_JOINED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz@/_")
_LOOSE_PREPOSITION = "于在从自由"  # 于至2025年: two prepositions (——至2025年: a dash and one)


def runs(text: str, lo: int = 0, hi: int | None = None):
    """(start, end) of each run of date characters with a digit (or 〇) in it, trimmed (_trim)."""
    hi = len(text) if hi is None else hi
    other = _OTHER_SET
    for m in _RUN_TAIL.finditer(text, lo, hi):
        a, b = m.span()
        if (text[a - 1:a] in _ASCII_JOINED or text[b:b + 1] in _ASCII_JOINED) and in_machine_token(text, a):
            continue  # art/2025/7/16/art_3.html: a name's digits, no date
        if a > lo and text[a - 1] in other:
            while a > lo and text[a - 1] in other:
                a -= 1
        elif text[b - 1] not in _EDGES:
            yield a, b  # a run from a digit to a digit or a unit: nothing to trim
            continue
        a, b = _trim(text, a, b)
        if a < b:
            yield a, b


def _fast(text: str, a: int, b: int) -> Written | None:
    """The Written of a run in one of the commonest shapes, or None to ask the parser."""
    m = _FAST.fullmatch(text, a, b)
    if m is None or m.end() == m.start():
        return None
    start = _fast_piece(m, 1, a)
    if start is None:
        return None
    pieces = [start]
    joiner = m.group(4)
    if joiner is not None:
        end = _fast_piece(m, 5, m.end(4))
        if end is None or end.last != start.last or len(end.units) > len(start.units) \
                or (end.units[0] == "年" and start.units[0] != "年"):
            return None
        pieces.append(end)
    return Written(start.start, pieces[-1].end, pieces, joiner, _NO_NOTES, _invalid(pieces))


_UNITS_WRITTEN: dict = {}  # the units a date writes ("年月日", "月日", …): few, each held once


def _fast_piece(m, first: int, at: int) -> Piece | None:
    p = Piece(at)
    units = ""
    for field, unit, g in (("year", "年", first), ("month", "月", first + 1), ("day", "日", first + 2)):
        value = m.group(g)
        if value is not None:
            setattr(p, field, int(value))
            units += unit
            start = m.start(g)
            if len(units) == 1:
                p.start = start
            p.end = start + len(value) + 1
    if not units or units == "年日":
        return None
    p.units = _UNITS_WRITTEN.setdefault(units, units)
    return p


def _maybe_date(run: str) -> bool:
    """Whether a run can hold a date at all: a unit, a year-like number, a numeral 〇."""
    return "年" in run or "月" in run or "日" in run or "〇" in run or _YEARISH.search(run) is not None


_BAD: dict = {}  # kind -> the one Bad that stands for every run of that kind


def _parsed_runs(text: str) -> list:
    """(start, end, tokens, Written or Bad) of each run that may hold a date (tokens None for a
    run read in one of the commonest shapes)."""
    found = []
    for a, b in runs(text):
        run = text[a:b]
        if run.isdigit():
            if not 4 <= b - a <= 16:
                continue  # 12, 100: a count; 18 digits: an identifier
            toks = [(N, run, a, b)]
        elif not _maybe_date(run):
            continue  # 1., 0791-6123456, 18号, 3.5
        else:
            got = _fast(text, a, b)
            if got is not None:
                found.append((a, b, None, got))
                continue
            toks = tokens(text, a, b)
        try:
            got = parse(toks, text)
        except Bad as why:
            # Only its kind is kept, in one Bad per kind: the exception itself held its traceback,
            # whose frames hold `found`, which held it (a cycle per run, 250 MiB of a 10 MiB .docx),
            # and one exception a run was most of what reading the dates held for a moment.
            got = _BAD.get(why.kind) or _BAD.setdefault(why.kind, Bad(why.kind))
        found.append((a, b, toks, got))
    return found


def read_dates(doc) -> DateReading:
    """The well-formed mentions and the near misses of a document (Document.dates)."""
    from .date_repair import repair

    text, raw = doc.folded, doc.text
    found = _parsed_runs(text)
    years = YearWindow(p.year for *_, got in found if isinstance(got, Written) for p in got.pieces
                       if p.year is not None and 1900 <= p.year <= 2100 and "short-year" not in p.notes)
    date_line = doc.outline.date_line
    written, broken = [], []
    for a, b, toks, got in found:
        whole_line = (a == 0 or raw[a - 1] in "\r\n") and (b == len(raw) or raw[b] in "\r\n")
        if isinstance(got, Written) and _stray_dashes(text, a):
            dash = a
            while dash > 0 and text[dash - 1] in "—–~-":
                dash -= 1
            broken.append(Broken(dash, b, [], "stray-mark"))
            written.append(got)
            continue
        on_date_line = date_line is not None and date_line.start <= a < date_line.end
        if isinstance(got, Written) and on_date_line and (got.is_range or got.pieces[0].units != "年月日"):
            broken.append(Broken(a, b, [], "signature-form"))  # 成文日期 is one whole date
            written.append(got)
            continue
        if isinstance(got, Written):
            lead = toks[0][1] if toks is not None and toks[0][0] == J else None
            if lead in PREPOSITIONS and (whole_line or (a and text[a - 1] in _LOOSE_PREPOSITION + "—–~-")):
                got = Bad("stray-mark")  # 于至2025年, a date line 至2025年11月19日
            elif got.invalid and got.invalid[0][1] == "year" and got.pieces[0].month is None \
                    and not years.one_slip(got.pieces[0].year):
                continue  # 1000年: a count of years
            else:
                written.append(got)
                continue
        if on_date_line or (got.kind in ("stray-digit", "count") and lost_month_after_word(toks, text, a)) \
                or evidence(toks, text, a, b, years, whole_line, raw):
            if toks[0][1] in PREPOSITIONS and len(toks) > 1 and got.kind != "stray-mark":
                a, toks = toks[1][2], toks[1:]  # 截至1031日: the preposition is no part of the date
            if toks[-1][1] in PREPOSITIONS and len(toks) > 1 and _is_word(_after(text, b)):
                b, toks = toks[-1][2], toks[:-1]  # 202411月至巡察进驻时: nor is 至 before a word
            if got.kind == "lost-year":
                near = [Broken(a, b, [], "lost-year")]  # no edit brings a year's digits back
            else:
                near = repair(text, a, b, years, got.kind)
            if on_date_line:
                for x in near:
                    x.kind = "signature" if x.kind == "lost" else x.kind
            broken += near
    for m in _DOC_NUMBER.finditer(text):
        broken.append(Broken(m.start(), m.end(), [f"〔{m.group(1)}〕{m.group(2)}号"], "doc-number"))
    broken.sort(key=lambda x: x.start)
    return DateReading(written, broken, years)


def _later_unit(text: str, a: int, b: int) -> bool:
    """Whether the first unit after text[a]'s number is a smaller one than text[a] (今年7月),
    so that text[a] ends the word before the date rather than sitting stray in it (于年2025年)."""
    k = a + 1
    while k < b and text[k].isdigit():
        k += 1
    return k > a + 1 and k < b and text[k] in UNITS and _FIELD[text[k]] > _FIELD[text[a]]


def _stray_dashes(text: str, a: int) -> bool:
    """Dashes right before a date, other than the 破折号 ——: a range that lost its start, or a
    stray mark (-2025年, --2021年12月28日在…会议上)."""
    k = a
    while k > 0 and text[k - 1] in "—–~-":
        k -= 1
    dashes = text[k:a]
    if not dashes or dashes == "——":
        return False
    before = text[k - 1] if k > 0 else "\n"
    return not (before.isascii() and before.isalnum())


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """The run without its edge spaces, the dashes before it (a 破折号, or a stray mark that
    _stray_dashes reports) and the Chinese numerals that belong to the words around it: 一季度
    and 三是 after a date, 十四五 before a dash."""
    while a < b and text[a] in " —–~-":
        a += 1
    while b > a and text[b - 1] == " ":
        b -= 1
    if b - a > 2 and text[a] == "/" and text[b - 1] == "/":
        a, b = a + 1, b - 1  # a path's segment: 公报/2024年/第一号
    if a + 2 < b and text[a] in UNITS and a > 0 and _is_word(text[a - 1]) and _later_unit(text, a, b):
        a += 1  # 今年7月, 每月5日: the unit belongs to the word before the run
    k = b
    while k > a and text[k - 1] in "〇零一二三四五六七八九十":
        k -= 1
    if a < k < b and text[k - 1] in UNITS + "至到" and "〇" not in text[k:b] and b < len(text) \
            and _is_word(text[b]) and text[b] not in UNITS:
        b = k
    k = a
    while k < b and text[k] in "〇零一二三四五六七八九十":
        k += 1
    if k > a and (k == b or (text[k] not in UNITS and not text[k].isdigit())) and "〇" not in text[a:k]:
        a = k
        while a < b and text[a] in " —–~-":
            a += 1
    return a, b
