"""A proofreader's reading of a rectification notice, for the status and placeholder oracles.

Written apart from rectlint (nothing here imports it): the items and their statuses, the summary
counts of problems, and the dated events, read the way an editor checks a notice by hand. The
status grammar is compositional: a status is [time,] [subject] aspect+predicate [, a continuation],
or a plan (计划于…前完成), and its class decides how it is counted and what its measures may say.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import regex

# -- the status grammar ------------------------------------------------------------------------

CN = "〇零一二两三四五六七八九十百"
NUM = rf"(?:\d+|[{CN}]+)"
# Dates a plan may name: 2026年6月底, 2026年6月30日, 今年底, 12月底, 年底.
WHEN = (r"(?:(?:19|20)\d\d年(?:\d{1,2}月)?(?:\d{1,2}日|底|末|上旬|中旬|下旬|春节|春耕)?"
        r"|(?:今年|明年|本年|年)(?:底|内|末)|(?:今年|明年)?\d{1,2}月(?:底|末|\d{1,2}日)?)")

TIME = (r"(?:目前|当前|现阶段|现|截至目前|截至\d{4}年\d{1,2}月(?:\d{1,2}日|底)?|经整改|通过整改|经过整改)"
        r"[,，]?")
SUBJECT = (r"(?:该问题|此问题|本问题|这一问题|这个问题|该项问题|此项问题|本项问题|上述问题|相关问题|问题"
           r"|该项|此项|本项|这项|该项整改|此项整改|该项工作|此项工作|整改工作)(?:的)?(?:整改)?(?:工作)?")

_DONE_ASPECT = r"(?:已经?|均已|现已|已全部|已全面|已经全部)"
_DONE_PRED = (r"(?:完成整改|整改完成|整改完毕|整改到位|整改销号|完成|办结|销号|整改|解决|落实到位|落实)"
              r"(?:并销号|并办结)?")
DONE = (rf"(?:{_DONE_ASPECT}{_DONE_PRED}|(?:全部|全面)?(?:完成整改|整改完成|整改完毕|整改到位|完成|办结|销号)"
        rf"|已?立行立改(?:到位)?)")
PARTIAL = r"(?:已)?(?P<degree>基本|阶段性|初步)(?:完成整改|整改完成|完成|整改到位|到位|办结)"
# (正持续推进, 按期推进中: forms of real notices, c40 and c44.)
ONGOING = (r"(?:(?:正在|仍在)(?:持续|逐步|稳步|有序|积极|按期)?(?:整改|推进|落实|办理)(?:中)?"
           r"|正(?:持续|逐步|稳步|有序|积极|按期)(?:整改|推进|落实|办理)(?:中)?"
           r"|(?:持续|逐步|稳步|有序|积极|按期)(?:整改|推进|落实|办理)(?:中)?"
           r"|整改中|推进中|整改进行中|(?:正在)?按(?:序时|计划)推进(?:中)?|常态化推进)")
LONG = r"(?:需|仍需|须)?长期坚持"
NOT = r"(?:未|尚未|暂未)(?:完成整改|整改完成|完成|整改到位|整改|办结|销号|到位)"
PLAN = (rf"(?:(?:计划|预计|力争|确保|争取|拟)(?:于|在|到)?{WHEN}(?:前|以前|之前)?|将于{WHEN}(?:前)?|{WHEN}前)"
        r"(?:全面|全部)?(?:完成整改|整改完成|完成|办结|整改到位|销号)")
MAINTAIN = (r"(?:并|仍|还|且|同时)?(?:需|将|要|须)?(?:长期坚持|持续推进|持续巩固|巩固提升|常态化推进|持续深化)"
            r"(?:整改)?(?:成果|成效)?")

_STATUS = regex.compile(
    rf"(?:{TIME})?(?:{SUBJECT})?"
    rf"(?:(?P<done>{DONE})|(?P<partial>{PARTIAL})|(?P<ongoing>{ONGOING})|(?P<long>{LONG})|(?P<not>{NOT})|(?P<plan>{PLAN}))"
    rf"(?P<cont>(?:[,，;；](?:{MAINTAIN}|{PLAN}|{ONGOING}|{LONG}))*)")
_CONT_PLAN = regex.compile(rf"[,，;；](?:{PLAN}|正在)")


class Reading:
    """What a status says: its class, the bucket a summary counts it in, and whether it
    contradicts itself (done, yet planned)."""

    def __init__(self, klass: str, bucket: str, contradiction: bool = False):
        self.klass = klass
        self.bucket = bucket
        self.contradiction = contradiction

    def __repr__(self):
        return f"Reading({self.klass}, {self.bucket}, {self.contradiction})"


# The characters the grammar above is written with. A clause after a status that brings two
# characters of its own (并建立季度评价制度, 已建立长效机制, 计划于…前将负债率降至70%以下) is a result
# or a remark beside the status, as an editor reads it, not a piece of a garbled one (已完成，整改).
_GRAMMAR_CHARS = frozenset(regex.findall(r"\p{Han}", TIME + SUBJECT + DONE + PARTIAL + ONGOING + LONG + NOT
                                         + PLAN + MAINTAIN))
# A remark in brackets closing a status says when or how (已完成（2025年9月完成）).
_REMARK = regex.compile(r"[（(][^（）()]+[）)]$")
_CLAUSE = regex.compile(r"[,，;；]([^,，;；。]*)")
# A remark that speaks of work still to come: beside a done status it contradicts it.
_REMARK_UNFINISHED = regex.compile(r"(?:并|且|同时)?(?:计划|预计|力争|争取|拟|将于|正在|仍在|尚未|还未|暂未|待)")


def _own_words(clause: str) -> bool:
    return sum(1 for ch in clause if "\u4e00" <= ch <= "\u9fff" and ch not in _GRAMMAR_CHARS) >= 2


@lru_cache(maxsize=None)
def read_lead(words: str) -> tuple[Reading | None, int]:
    """The status at the start of a label's value or a sentence, and its length: the whole text,
    or the status before a result clause that brings words of its own (已办结，并建立…制度).
    (None, 0) when no status reads so."""
    stripped = words.strip()
    lead = len(words) - len(words.lstrip())
    whole = read_status(stripped)
    if whole is not None:
        return whole, lead + len(stripped)
    remark = _REMARK.search(stripped)
    if remark is not None and read_status(stripped[:remark.start()]) is not None:
        return read_status(stripped[:remark.start()]), lead + remark.start()  # 已完成（2025年9月完成）
    cuts = [m.start() for m in regex.finditer(r"[,，;；]", stripped)]
    for cut in reversed(cuts):
        clause = _CLAUSE.match(stripped, cut)
        r = read_status(stripped[:cut])
        if r is None or not _own_words(clause.group(1)):
            continue
        if r.klass == "done" and any(_REMARK_UNFINISHED.match(c) for c in _CLAUSE.findall(stripped, cut)):
            r = Reading(r.klass, r.bucket, True)  # 已办结，计划于…前将…: done, yet planned
        return r, lead + cut
    return None, 0


@lru_cache(maxsize=None)
def read_status(words: str) -> Reading | None:
    """Read status words: a label's value, a tag's text or a whole status sentence."""
    m = _STATUS.fullmatch(words.strip())
    return _reading(m) if m else None


def _reading(m) -> Reading:
    if m.group("done"):
        return Reading("done", "done", bool(_CONT_PLAN.search(m.group("cont"))))
    if m.group("partial"):
        return Reading("partial", m.group("degree"))
    if m.group("long"):
        return Reading("long", "long")
    if m.group("not"):
        return Reading("open", "not")
    return Reading("open", "ongoing")  # ongoing, or a plan (计划于…前完成)


# -- the notice --------------------------------------------------------------------------------

SECTION = regex.compile(r"(?m)^(?:#+\s*)?(?:\*\*)?[一二三四五六七八九十]+[、.．]")
_MARKER = regex.compile(
    r"(?:#+\s*)?(?:\*\*)?(?:[（(][一二三四五六七八九十]+[）)]|[（(]\d+[）)]|\d+[.．、]|问题[一二三四五六七八九十\d]+[：:]"
    r"|第[一二三四五六七八九十]+[，,])")
_GROUP = regex.compile(r"(?:#+\s*)?(?:\*\*)?\p{Han}{0,6}(?:问题|方面)[一二三四五六七八九十\d]+[：:]")
STATUS_LABEL = r"(?:整改结果|整改状态|整改进度|整改进展|完成情况|完成状态|办结情况)"
MEASURE_LABEL = r"(?:整改落实情况|整改进展情况|整改情况|整改措施|落实情况|整改成效)"
_LABEL_LINE = regex.compile(rf"(?:\*\*)?{STATUS_LABEL}(?:\*\*)?[：:](?:\*\*)?")
_ANY_LABEL = regex.compile(rf"(?:{STATUS_LABEL}|{MEASURE_LABEL})[：:]")
_TAG = regex.compile(r"[【(（\[]([^【】()（）\[\]]{1,16})[】)）\]][。.]?\s*(?:\*\*)?\s*$")
_STOP = regex.compile(r"[。;；]")
UNFINISHED = regex.compile(
    rf"预计|计划(?:于|在|到)?{WHEN}|力争|争取|将于|正在|仍在|尚未|还未|暂未|未能|待[^。；;]{{1,12}}后|下一步将|后续将"
    rf"|后续工作|完成过半|剩余|逐步推进|有序推进|{WHEN}前完成")


class Status:
    def __init__(self, start, end, form, words, reading):
        self.start, self.end, self.form, self.words, self.reading = start, end, form, words, reading

    def __repr__(self):
        return f"Status({self.form}, {self.words!r}, {self.reading})"


class Item:
    def __init__(self, start, line_end, end):
        self.start, self.line_end, self.end = start, line_end, end  # heading line, block end
        self.status: Status | None = None

    def measures(self, text):
        """(start, end) spans of the item's measures: its block without the problem statement
        (the heading sentence) and without the status itself."""
        head_stop = _STOP.search(text, self.start, self.line_end)
        lo = head_stop.end() if head_stop else self.line_end
        spans = []
        s = self.status
        if s is not None and lo < s.start < self.end:
            spans = [(lo, s.start), (s.end, self.end)]
        else:
            spans = [(lo, self.end)]
        return [(a, b) for a, b in spans if b > a]


def _lines(text):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def _find_items(text):
    lines = list(_lines(text))
    sections = [i for i, (a, b) in enumerate(lines) if SECTION.match(text, a, b)]
    markers = [i for i, (a, b) in enumerate(lines) if _MARKER.match(text, a, b)]
    # A labelled group (反馈问题二：关于“…”的问题。) whose numbered items follow ends the block
    # before it: it heads the next items, it is not a measure of the last one.
    groups = [i for i, (a, b) in enumerate(lines) if i not in markers and _GROUP.match(text, a, b)
              and next((j for j in range(i + 1, len(lines)) if text[lines[j][0]:lines[j][1]].strip()), None)
              in markers]
    # Blocks: a marker line and the lines up to the next marker, group or section heading.
    stops = sorted(set(sections) | set(markers) | set(groups))
    items = []
    for i in markers:
        nxt = next((j for j in stops if j > i), len(lines))
        a, b = lines[i]
        end = lines[nxt - 1][1] if nxt - 1 >= i else b
        body = text[b:end].strip()
        own = text[a:b]
        has_own_text = _ANY_LABEL.search(own) or _TAG.search(own) or _STOP.search(own.rstrip("。 ")) is not None
        if not body and not has_own_text:
            continue  # a group heading: the items follow
        items.append(Item(a, b, end))
    return items


def _status_of(text, item) -> Status | None:
    # A labelled line, or a status label on the heading line.
    for a, b in _lines_in(text, item.start, item.end):
        m = _LABEL_LINE.search(text, a, b) if a == item.start else _LABEL_LINE.match(text, a, b)
        if m:
            stop = _STOP.search(text, m.end(), b)
            e = stop.start() if stop else b
            while e > m.end() and text[e - 1] in " *":
                e -= 1
            words = text[m.end():e]
            r, n = read_lead(words)
            if r is not None:
                return Status(m.end(), m.end() + n, "line", words[:n], r)
            return Status(m.end(), e, "line", words, None)
    tag = _TAG.search(text, item.start, item.line_end)
    if tag and read_status(tag.group(1)) is not None:
        return Status(tag.start(1), tag.end(1), "tag", tag.group(1), read_status(tag.group(1)))
    for m in regex.finditer(rf"{MEASURE_LABEL}[：:]", text[:item.end], pos=item.start):
        stop = _STOP.search(text, m.end(), item.end)
        e = stop.start() if stop else item.end
        words = text[m.end():e]
        r, n = read_lead(words)
        if r is not None:
            return Status(m.end(), m.end() + n, "inline", words[:n], r)
    found = None
    for a, b in _sentences(text, item.start, item.end):
        r, n = read_lead(text[a:b])
        if r is not None:
            found = Status(a, a + n, "sentence", text[a:a + n], r)
    return found


def _lines_in(text, lo, hi):
    a = lo
    while a < hi:
        b = text.find("\n", a, hi)
        b = hi if b < 0 else b
        yield a, b
        a = b + 1


def _sentences(text, lo, hi):
    a = lo
    while a < hi:
        m = regex.compile(r"[。\n]").search(text, a, hi)
        b = m.start() if m else hi
        s = a
        while s < b and text[s] in " \t　":
            s += 1
        if b > s:
            yield s, b
        a = b + 1


def status_span(status: Status) -> tuple[int, int]:
    """The mention: the status words; in a sentence, without its leading time phrase."""
    if status.form != "sentence":
        return status.start, status.end
    t = regex.compile(TIME).match(status.words)
    return status.start + (t.end() if t else 0), status.end


# -- summary counts ----------------------------------------------------------------------------

CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


# A Chinese numeral as counts write it: 三, 十二, 二十, 一百零五, 两 (六六, 百, 十十 are none).
_CN_NUMERAL = regex.compile(r"(?:(?P<h>[一二两三四五六七八九])百)?"
                            r"(?:(?P<z>零)|(?P<t>[一二三四五六七八九])?(?P<ten>十))?(?P<u>[一二三四五六七八九])?")


def to_int(s: str):
    if s.isdigit():
        return int(s)
    if s in ("两", "〇", "零"):
        return CN_DIGIT[s]
    m = _CN_NUMERAL.fullmatch(s)
    if not s or m is None or (m["z"] and not (m["h"] and m["u"])):
        return None
    value = {k: CN_DIGIT[m[k]] if m[k] else 0 for k in ("h", "t", "u")}
    tens = (value["t"] or 1) if m["ten"] else 0
    return value["h"] * 100 + tens * 10 + value["u"]


_TOTAL = regex.compile(
    rf"(?:(?P<aspects>{NUM})个方面(?:的)?(?P<t1>{NUM})个(?:具体)?问题"
    rf"|(?<![{CN}\d])(?P<t2>{NUM})个(?:具体)?问题|问题(?:共|共计)?(?P<t3>{NUM})个)")
_DONE_COUNT = regex.compile(
    rf"(?<!阶段性|基本|初步|未|尚未|正在|持续)(?:问题)?(?:已|均已)?(?:完成整改|整改完成|完成|整改销号|整改到位|办结|销号|整改)"
    rf"(?:的)?(?:问题)?"
    rf"(?P<n>{NUM})个")
_ALL_DONE = regex.compile(r"(?:已|均已)全部(?:完成整改|整改完成|整改到位|完成|销号)")
_PART_COUNT = regex.compile(
    rf"(?P<word>阶段性完成|基本完成|初步完成|正在整改|持续整改|正在推进|持续推进|整改中|长期坚持|未完成|尚未完成)"
    rf"(?:整改)?(?:的)?(?:问题)?(?P<n>{NUM})个|其余(?P<n2>{NUM})个问题(?P<word2>正在整改|持续整改)")
_RATE = regex.compile(r"(?:完成率|整改率)(?:为|达)?(?P<r>\d+(?:\.\d+)?)%|占[^。,，]{0,16}?总数的?(?P<r2>\d+(?:\.\d+)?)%")
_WORD_BUCKET = {"阶段性完成": "阶段性", "基本完成": "基本", "初步完成": "初步", "正在整改": "ongoing",
                "持续整改": "ongoing", "正在推进": "ongoing", "持续推进": "ongoing", "整改中": "ongoing",
                "长期坚持": "long", "未完成": "not", "尚未完成": "not"}


class Counts:
    """The problem counts a notice's summary gives: total, done, and parts by bucket."""

    def __init__(self):
        self.total = None  # (value, span)
        self.aspects = None
        self.done = None  # (value, span); value None with all_done
        self.all_done = None  # span
        self.parts = []  # (bucket, value, span)
        self.rates = []  # (value text, span)

    def spans(self):
        out = []
        for x in (self.total, self.done):
            if x:
                out.append(x[1])
        if self.all_done:
            out.append(self.all_done)
        out += [p[2] for p in self.parts] + [r[1] for r in self.rates]
        return out


def _counts(text, lo, hi) -> Counts:
    c = Counts()
    for para_lo, para_hi in _lines_in(text, lo, hi):
        m = _TOTAL.search(text, para_lo, para_hi)
        if not m:
            continue
        g = "t1" if m.group("t1") else "t2" if m.group("t2") else "t3"
        c.total = (to_int(m.group(g)), m.span(g))
        if m.group("aspects"):
            c.aspects = (to_int(m.group("aspects")), m.span("aspects"))
        # The counts of that sentence and the next clauses, until measures are counted.
        stop = para_hi
        pos = m.end()
        d = _DONE_COUNT.search(text, pos, stop)
        if d:
            c.done = (to_int(d.group("n")), d.span("n"))
        a = _ALL_DONE.search(text, pos, stop)
        if a and c.done is None:
            c.all_done = a.span()
        for p in _PART_COUNT.finditer(text, pos, stop):
            word = p.group("word") or p.group("word2")
            n = p.group("n") or p.group("n2")
            span = p.span("n") if p.group("n") else p.span("n2")
            c.parts.append((_WORD_BUCKET[word], to_int(n), span))
        for r in _RATE.finditer(text, pos, stop):
            # 整改措施已完成11项，完成率91.7%: a rate after a count of measures is theirs.
            last = list(regex.finditer(rf"{NUM}(个|项)", text[pos:r.start()]))
            if last and last[-1].group(1) == "项":
                continue
            g = "r" if r.group("r") else "r2"
            c.rates.append((r.group(g), r.span(g)))
        break
    return c


# -- dates -------------------------------------------------------------------------------------

DATE_LINE = regex.compile(r"\s*((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日\s*")


def _date(y, m, d):
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _problems_section(text, items):
    """The items of the 一、 section that lists the problems: the one whose items give the most
    statuses (an organising section's （一）…（二） are not problems), else the one named so."""
    starts = [m.start() for m in SECTION.finditer(text)] + [len(text)]
    best, best_score = None, 0
    for lo, hi in zip([0, *starts], starts):
        inside = [it for it in items if lo <= it.start < hi]
        score = sum(it.status is not None for it in inside)
        if score > best_score:
            best, best_score = inside, score
    if best is not None:
        return best
    for lo, hi in zip(starts, starts[1:]):
        heading = text[lo:text.find("\n", lo)]
        if "问题" in heading:
            return [it for it in items if lo <= it.start < hi]
    return items


class Notice:
    def __init__(self, text: str):
        self.text = text
        self.items = _find_items(text)
        for it in self.items:
            it.status = _status_of(text, it)
        self.items = _problems_section(text, self.items)
        first = self.items[0].start if self.items else len(text)
        sec = [m.start() for m in SECTION.finditer(text) if m.start() < first]
        self.summary_end = sec[-1] if sec else first
        self.counts = _counts(text, 0, self.summary_end)
        self.signed = None
        self.as_of = None
        lines = [(a, b) for a, b in _lines(text) if text[a:b].strip()]
        for a, b in reversed(lines[-4:]):
            m = DATE_LINE.fullmatch(text, a, b)
            if m:
                self.signed = _date(*m.groups())
                break
        cut = regex.search(r"截至((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日", text[:self.summary_end])
        if cut:
            self.as_of = _date(*cut.groups())

    def item_at(self, pos):
        for i, it in enumerate(self.items):
            if it.start <= pos < max(it.end, it.start + 1):
                return i, it
        return None, None

    def reference_date(self):
        return self.as_of or self.signed


@lru_cache(maxsize=64)
def notice(text: str) -> Notice:
    return Notice(text)


def buckets(n: Notice):
    out = {}
    for it in n.items:
        if it.status is not None and it.status.reading is not None:
            b = it.status.reading.bucket
            out[b] = out.get(b, 0) + 1
    return out


def counts_consistent(n: Notice) -> bool:
    """Do the summary's problem counts agree with the items' statuses?"""
    c = n.counts
    if c.total is None:
        return True
    if any(it.status is None or it.status.reading is None for it in n.items):
        return True  # statuses given only in the counts: nothing to compare
    b = buckets(n)
    done = b.get("done", 0)
    if c.all_done and done != c.total[0]:
        return False
    if c.done is not None and c.done[0] != done:
        return False
    for bucket, value, _ in c.parts:
        if b.get(bucket, 0) != value:
            return False
    return True


def deadlines(text, lo, hi):
    """Dates before which the work is planned to be done, with their span: 计划于2025年6月底前完成,
    or after a deadline label (整改时限：2025年10月底前, as real notices write it)."""
    out = []
    for m in regex.finditer(r"(?:整改时限|完成时限|整改期限|办结时限)[：:]\s*((?:19|20)\d\d)年(\d{1,2})月(?:(\d{1,2})日)?",
                            text[:hi], pos=lo):
        y, mo, d = m.groups()
        try:
            day = dt.date(int(y), int(mo), int(d)) if d else (
                dt.date(int(y) + (int(mo) == 12), int(mo) % 12 + 1, 1) - dt.timedelta(days=1))
        except ValueError:
            continue
        out.append((day, m.span()))
    for m in regex.finditer(
            r"(?:计划|预计|力争|确保|争取|拟|将)?(?:于|在|到)?((?:19|20)\d\d)年(\d{1,2})月(?:(\d{1,2})日|底|末)?"
            r"(?:前|以前|之前)(?:全面|全部)?(?:完成|办结|整改到位|完工|建成|销号)", text[:hi], pos=lo):
        y, mo, d = m.group(1), m.group(2), m.group(3)
        if d:
            day = _date(y, mo, d)
        else:
            nxt = dt.date(int(y) + (int(mo) == 12), int(mo) % 12 + 1, 1) if 1 <= int(mo) <= 12 else None
            day = nxt - dt.timedelta(days=1) if nxt else None
        if day:
            out.append((day, m.span()))
    return out
