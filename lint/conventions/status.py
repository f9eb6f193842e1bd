"""Completion statuses: a grammar of what an item's status says, the labels and the forms.

A status is composed, not listed (docs/conventions.md#status):

    status    = [time "，"] [subject] main {"，" continuation}
    main      = done | partial | ongoing | long-term | not-done | plan
    done      = aspect(已/已经/均已/已全部/已全面) predicate(完成/完成整改/整改完成/整改完毕/
                整改到位/整改销号/办结/销号/整改/解决/落实/落实到位)  |  完成… without aspect  |  立行立改
    partial   = [已] 基本/阶段性/初步 + 完成/完成整改/整改完成/整改到位/到位/办结
    ongoing   = 正在/仍在 [持续/逐步/稳步/有序/积极] + 整改/推进/落实/办理 [中]  |  持续/逐步… + the same
                |  整改中/推进中  |  按序时推进  |  常态化推进
    long-term = [需] 长期坚持
    not-done  = 未/尚未/暂未 + 完成/完成整改/整改/整改到位/办结/销号
    plan      = 计划/预计/力争/确保/争取/拟 [于] <when> [前] 完成…  |  将于 <when> [前] 完成…
    continuation = 需长期坚持 / 持续巩固 / 巩固提升… (upkeep)  |  a plan  |  ongoing  |  not-done

Subjects: 该问题, 此项, 该项整改, 这一问题, 上述问题, 该项工作… Time: 目前, 截至目前, 经整改…
A done main with a plan, 正在… or not-done continuation contradicts itself (已完成，预计年底前完成).

Forms seen in published notices:
- a labelled line: 整改结果/整改状态/整改进度/整改进展/完成情况：已完成
- inline after a measures label, also in the item's own paragraph: 1、问题。整改情况：已完成。一是…
- a closing sentence: 目前，该问题已整改完成。 / 此项已基本完成整改，需长期坚持。
- a tag on the item heading: …不规范。【已完成】 or （已完成）
- only in the summary counts (已完成X个…), with no status on the items.
A text made only of the grammar's own words that still does not read (已完整改, 此项已完成整整改)
is a garbled status, not a measure. Patterns here are written for `Document.folded` text.
"""

from __future__ import annotations

from functools import lru_cache

from .. import patterns
from ..record import FrozenRecord
from ..text import fold


def regex_escape(chars: str) -> str:
    return "".join("\\" + ch if ch in "\\]^-[" else ch for ch in chars)

# The vocabulary: every status the grammar reads stands for one of these terms, so a project's
# `vocabulary` option can name the terms it allows.
VOCABULARY = ["已完成整改", "已完成", "完成", "已整改到位", "已办结", "已整改", "已销号", "整改完成",
              "基本完成", "基本完成整改", "阶段性完成", "初步完成", "正在整改", "持续整改", "持续推进", "长期坚持",
              "立行立改", "未完成"]
# Statuses that claim the work is finished.
COMPLETE = ["已完成整改", "已完成", "完成", "已整改到位", "已办结", "已整改", "已销号", "整改完成", "立行立改"]
PARTIAL = ["基本完成", "基本完成整改", "阶段性完成", "正在整改", "持续整改", "持续推进", "长期坚持"]
# Done on the spot while the inspection was still on: a status, and a kind of matter that counts
# (lint/conventions/counts.py) keep apart from the feedback's problems.
ON_THE_SPOT = "立行立改"

# How a count names finished and open work: 已完成整改12个, 正在整改3个 (tried in this order).
COUNTED_DONE = ("已完成", "已整改到位", "已办结", "完成整改", "已整改", "已销号", "整改销号", "已整改销号", "整改完成")
COUNTED_OPEN = ("阶段性完成", "基本完成", "正在整改", "持续整改", "持续推进", "正在推进", "长期坚持", "未完成", "尚未完成",
                "未整改")
# 已全部完成整改: every problem of the total is done.
ALL_DONE = r"(?:已|均已)?全部(?:完成整改|整改完成|整改到位|完成|销号)"

# A section heading that names the problems it lists (二、反馈问题整改情况, 三、审计查出问题的整改情况),
# and one on how the work was organised (一、组织落实整改情况, 一、提高政治站位，压实整改责任).
PROBLEMS_NAMED = patterns.compile(r"问题|反馈意见")
ORGANISING = patterns.compile(r"组织|领导|主体责任|部署|政治站位|政治点位|政治任务")

MEASURE_LABELS = ("整改落实情况", "整改情况", "整改措施", "整改进展情况", "整改进展", "落实情况", "整改成效")
STATUS_LABELS = ("整改结果", "整改状态", "整改进度", "完成情况", "完成状态", "办结情况")


def _label_pattern(labels) -> str:
    return "|".join(sorted(labels, key=len, reverse=True))


MEASURE_LABEL = patterns.compile(rf"\s*({_label_pattern(MEASURE_LABELS)})\s*[:]")
# A label set in bold in Markdown (**整改状态：**已完成) closes its emphasis after the colon.
_AFTER_LABEL = r"\s*[:](?:\*\*|__)?\s*"
STATUS_LABEL = patterns.compile(rf"\s*({_label_pattern(STATUS_LABELS)}){_AFTER_LABEL}")
# Any label, searched anywhere in a line (an item's own paragraph may carry it mid-line).
ANY_LABEL = patterns.compile(rf"({_label_pattern(MEASURE_LABELS + STATUS_LABELS)}){_AFTER_LABEL}")

# -- the grammar ----------------------------------------------------------------------------------

# When a plan falls due: 2026年6月底, 2026年6月30日, 今年底, 12月底, 年内, 2026年春节.
_WHEN = (r"(?:(?:19|20)\d\d年(?:\d{1,2}月)?(?:\d{1,2}日|底|末|上旬|中旬|下旬|春节|春耕)?"
         r"|(?:今年|明年|本年|年)(?:底|内|末)|(?:今年|明年)?\d{1,2}月(?:底|末|\d{1,2}日)?)")
TIME = (r"(?:目前|当前|现阶段|现|截至目前|截止目前|截至\d{4}年\d{1,2}月(?:\d{1,2}日|底)?|经整改|通过整改|经过整改)"
        r"[,]?")
SUBJECT = (r"(?:该问题|此问题|本问题|这一问题|这个问题|该项问题|此项问题|本项问题|上述问题|相关问题|问题"
           r"|该类问题|此类问题|这类问题|该方面问题|该项|此项|本项|这项|该项整改|此项整改|该项工作|此项工作|整改工作)"
           r"(?:的)?(?:整改)?(?:工作)?")
# A category's problems counted by status: 该类问题中2个已整改完成，1个正在整改.
_COUNTED = r"(?:中|里)?(?:\d+|[一二两三四五六七八九十]+)个"
_DONE = (r"(?:已经?|均已|现已|已全部|已全面|已经全部)"
         r"(?:完成整改|整改完成|整改完毕|整改到位|整改销号|完成|办结|销号|整改|解决|落实到位|落实)(?:并销号|并办结)?"
         r"|(?:全部|全面)?(?:完成整改|整改完成|整改完毕|整改到位|完成|办结|销号)"
         r"|已?立行立改(?:到位)?")
_PARTIAL = r"(?:已)?(?P<degree>基本|阶段性|初步)(?:完成整改|整改完成|完成|整改到位|到位|办结)"
_ONGOING = (r"(?:正在|仍在)(?:持续|逐步|稳步|有序|积极|按期|按计划|按序时)?(?:整改|推进|落实|办理)(?:中)?"
            r"|正(?:持续|逐步|稳步|有序|积极|按期|按计划|按序时)(?:整改|推进|落实|办理)(?:中)?"
            r"|(?:持续|逐步|稳步|有序|积极|按期|按计划|按序时)(?:整改|推进|落实|办理)(?:中)?"
            r"|整改中|推进中|办理中|整改进行中|常态化推进")
_LONG = r"(?:需|仍需|须)?长期坚持"
_NOT = r"(?:未|尚未|暂未)(?:完成整改|整改完成|完成|整改到位|整改|办结|销号|到位)"
_PLAN = (rf"(?:(?:计划|预计|力争|确保|争取|拟)(?:于|在|到)?{_WHEN}(?:前|以前|之前)?|将于{_WHEN}(?:前)?|{_WHEN}前)"
         r"(?:全面|全部)?(?:完成整改|整改完成|完成|办结|整改到位|销号)")
# After a main status, a plan may name what it completes: 计划于2026年6月底前完成验收.
_PLAN_OBJECT = r"\p{Han}{0,8}"  # also what is planned: 首期培养计划于2026年3月底前完成
_UPKEEP = (r"(?:并|仍|还|且|同时)?(?:需|将|要|须)?(?:长期坚持|持续推进|持续巩固|巩固提升|常态化推进|持续深化)"
           r"(?:整改)?(?:成果|成效)?")

_HEAD = patterns.compile(rf"(?:{TIME})?(?P<subject>{SUBJECT})?")
_MAIN = patterns.compile(rf"(?P<done>{_DONE})|(?P<partial>{_PARTIAL})|(?P<ongoing>{_ONGOING})|(?P<long>{_LONG})"
                         rf"|(?P<not>{_NOT})|(?P<plan>{_PLAN})")
_CONTINUATION = patterns.compile(rf"(?P<upkeep>{_UPKEEP})|(?P<plan>{_PLAN_OBJECT}?{_PLAN}{_PLAN_OBJECT})"
                                 rf"|(?P<ongoing>{_ONGOING})"
                                 rf"|(?P<long>{_LONG})|(?P<not>{_NOT})")
_PARTS = patterns.compile(r"[,、/;]")
_COUNTED_ONE = patterns.compile(rf"{_COUNTED}(?P<main>{_DONE}|{_PARTIAL}|{_ONGOING}|{_LONG}|{_NOT})")
_COUNTED_PARTS = patterns.compile(rf"{_COUNTED}[^。;]*")
_STRIP = " 。."

# Every character of the grammar's own words: a text made only of these that does not read is
# a garbled status (已完整改), while a measure (已建立台账) brings words of its own.
_OWN = set("不已经均现全面部完成整改毕到位销号办结解决落实并基本阶段性初步正在仍持续逐步稳有序积极推进理中行按时计划"
           "常态化需须长期坚立未尚暂该此本这一个项问题上述相关工作的目前当截至止通过")
_CORE = set("完成整改到位销号办结解决落实推进坚持毕")
_MARKS = ",、/;。."
_NOUNS = ("整改", "问题", "整改工作", "该问题", "此项")  # the grammar's nouns alone say nothing

_TIME_ONLY = patterns.compile(rf"(?:{TIME})")
_ANY_CORE = patterns.compile("[" + "".join(sorted(_CORE)) + "]")
_ALL_OWN = patterns.compile("[" + "".join(sorted(_OWN)) + "".join("\\" + ch for ch in _MARKS) + "]+")
# What a status can open with, after its time and subject: a quick refusal of every other text.
_OPENING = patterns.compile(rf"(?:{TIME})?(?:{SUBJECT})?[已均现全完基阶初正仍持逐稳有积按整推办常需须长未尚暂计预力确争拟将立销中里\d今明本年]")


class Reading(FrozenRecord):
    """What a status says. `klass`: done, partial, ongoing, long, not; `term`: the vocabulary
    term it stands for; `phrase`: offset where the status proper starts (after time and
    subject); `plan`: (start, end) of a plan or unfinished part that contradicts a done main."""

    FIELDS = ("klass", "term", "phrase", "plan")
    __slots__ = FIELDS

    def __init__(self, klass: str, term: str, phrase: int = 0, plan: tuple[int, int] | None = None):
        object.__setattr__(self, "klass", klass)
        object.__setattr__(self, "term", term)
        object.__setattr__(self, "phrase", phrase)
        object.__setattr__(self, "plan", plan)


_DEGREE_TERM = {"基本": "基本完成", "阶段性": "阶段性完成", "初步": "初步完成"}
# The terms a summary may count a status under (正在整改3个 counts a 持续推进 item too).
_SYNONYMS = {
    "已完成整改": ("已完成整改", "已完成", "完成", "已整改到位", "已办结", "已整改", "已销号", "整改完成"),
    "正在整改": ("正在整改", "持续整改", "持续推进", "正在推进", "整改中"),
    "未完成": ("未完成", "尚未完成", "未整改"),
    "基本完成": ("基本完成", "基本完成整改"),
}


def _main(m) -> tuple[str, str]:
    if m.group("done"):
        return "done", "立行立改" if "立行立改" in m.group("done") else "已完成整改"
    if m.group("partial"):
        return "partial", _DEGREE_TERM[m.group("degree")]
    if m.group("long"):
        return "long", "长期坚持"
    if m.group("not"):
        return "not", "未完成"
    return "ongoing", "正在整改"  # ongoing, or a plan: 计划于2026年6月底前完成


@lru_cache(maxsize=512)
def read(text: str) -> Reading | None:
    """The Reading of a status text (a label's value, a tag, a whole status sentence), or None
    when it does not read as a status. Full- and half-width marks alike."""
    text = fold(text)
    lead = len(text) - len(text.lstrip(_STRIP))
    text = text.strip(_STRIP)
    if _OPENING.match(text) is None:
        return None  # most sentences: no status opens so
    head = _HEAD.match(text)
    pos = head.end()
    main = _MAIN.match(text, pos)
    # A subject may end in 整改 that is also the predicate's (该问题整改完成): try without it.
    if (main is None or main.end() != len(text) and text[main.end()] not in ",、/;") and head.group("subject"):
        for back in range(pos - 1, head.start("subject"), -1):
            alt = _MAIN.match(text, back)
            if alt is not None and (alt.end() == len(text) or text[alt.end()] in ",、/;"):
                main, pos = alt, back
                break
    if main is None:
        counted = _COUNTED_PARTS.fullmatch(text, pos)
        if counted is not None and head.group("subject"):
            # The phrase keeps its subject: the counts speak of it (该类问题中2个…).
            return _counted(text, pos, lead + head.start("subject"))
    if main is None:
        return None
    klass, term = _main(main)
    plan = None
    at = main.end()
    while at < len(text):
        if text[at] == "(":
            # 已完成（2025年9月完成）: a remark in brackets says when or how, not what.
            close = text.find(")", at)
            if close < 0:
                return None
            at = close + 1
            continue
        joined = text[at] not in ",、/;"
        at += not joined
        stop = _PARTS.search(text, at)
        end = stop.start() if stop else len(text)
        more = _CONTINUATION.fullmatch(text, at, end)
        # Only a plan runs on without a comma (已完成预计年底前完成…): anything else is garbled.
        if more is None or joined and not more.group("plan"):
            return None
        if klass == "done" and plan is None and (more.group("plan") or more.group("not")
                                                 or (more.group("ongoing") and not more.group().startswith("持续"))):
            plan = (lead + at, lead + end)
        at = end
    return Reading(klass, term, lead + pos, plan)


def _counted(text: str, pos: int, phrase: int) -> Reading | None:
    """该类问题中2个已整改完成，1个正在整改[，计划…]: done when every counted part is, else partly
    done; a plan after an open part is its own, not a contradiction."""
    klasses = []
    for part in _PARTS.split(text[pos:]):
        m = _COUNTED_ONE.fullmatch(part)
        if m is not None:
            klasses.append(_main(_MAIN.fullmatch(m.group("main")))[0])
        elif not klasses or _CONTINUATION.fullmatch(part) is None:
            return None
    if all(k == "done" for k in klasses):
        return Reading("done", "已完成整改", phrase)
    return Reading("partial", "阶段性完成", phrase)


@lru_cache(maxsize=512)
def garbled(text: str) -> bool:
    """Made of the grammar's own words (after a time phrase) but not reading as a status:
    已完整改, 已完, 该问已完成整改, 已完成，整改. It must hold a core status word (完成, 整改, 办结…)
    and be more than one of the grammar's nouns (整改, 问题), which alone say nothing."""
    text = fold(text).strip(_STRIP)
    t = _TIME_ONLY.match(text)
    core = text[t.end():] if t else text
    if len(core) < 2 or len(core) > 24 or core in _NOUNS or _ALL_OWN.fullmatch(core) is None:
        return False
    return any(ch in _CORE for ch in core) and read(text) is None


_NEAR_ALPHABET = "".join(sorted(_OWN))


@lru_cache(maxsize=512)
def nearly(text: str) -> bool:
    """A garbled status one edit away from one that reads: 已成 (已完成), 正整改 (正在整改),
    此项需长期坚 (此项需长期坚持), 按推进中 (按期推进中). Where words of a measure may stand (after a
    measures label, a sentence said of the item), only such a near miss is a garbled status:
    按时完成 is a way of working, as far from any status as a measure is. A word put in front
    does not count: 全面整改 would read as 已全面整改, yet it is a measure's verb, not a status that
    lost its aspect."""
    text = fold(text).strip(_STRIP)
    if len(text) > 16 or not garbled(text):
        return False
    reads = read.__wrapped__  # thousands of one-off texts: keep them out of read's cache
    n = len(text)
    for i in range(n):
        if reads(text[:i] + text[i + 1:]) is not None:
            return True
        if i + 1 < n and reads(text[:i] + text[i + 1] + text[i] + text[i + 2:]) is not None:
            return True
    for i in range(1, n + 1):
        for ch in _NEAR_ALPHABET:
            if reads(text[:i] + ch + text[i:]) is not None or i < n and reads(text[:i] + ch + text[i + 1:]):
                return True
    return any(reads(ch + text[1:]) is not None for ch in _NEAR_ALPHABET)  # the first word mistyped


@lru_cache(maxsize=512)
def _parts(status_text: str) -> tuple[str, ...]:
    return tuple(t.strip(_STRIP) for t in _PARTS.split(fold(status_text)) if t.strip(_STRIP))


def terms(status_text: str) -> list[str]:
    """The status words of a text, each followed by the vocabulary terms it stands for:
    "持续推进" → 持续推进, 正在整改, 持续整改…; "已完成整改，长期坚持" → both parts."""
    out = []
    reading = read(status_text)
    for part in _parts(status_text):
        out.append(part)
        if reading is not None:
            r = read(part) or _read_continuation(part)
            if r is not None:
                out.extend(t for t in _SYNONYMS.get(r.term, (r.term,)) if t not in out)
    return out


_COUNT_PREFIX = patterns.compile(_COUNTED)


def _read_continuation(part: str) -> Reading | None:
    """A part after the first: a continuation, or a counted part of a category (1个正在整改)."""
    m = _CONTINUATION.fullmatch(part)
    if m is None:
        count = _COUNT_PREFIX.match(part)
        return read(part[count.end():]) if count else None
    if m.group("long") or m.group("upkeep"):
        return Reading("long", "长期坚持")
    if m.group("not"):
        return Reading("not", "未完成")
    return Reading("ongoing", "正在整改")


def in_vocabulary(status_text: str, vocabulary) -> bool:
    """Each part is written as a term of the vocabulary, or the grammar reads the whole text
    and each part stands for one."""
    return _in_vocabulary(status_text, tuple(vocabulary))


@lru_cache(maxsize=512)
def _in_vocabulary(status_text: str, vocabulary: tuple) -> bool:
    reading = read(status_text)
    for part in _parts(status_text):
        if part in vocabulary:
            continue
        r = (read(part) or _read_continuation(part)) if reading is not None else None
        if r is None or r.term not in vocabulary:
            return False
    return bool(_parts(status_text))


def is_complete(status_text: str, complete) -> bool:
    """The status claims the work is finished: its main part is done (written as a term of
    `complete`, or read as one), whatever upkeep follows (已完成整改，长期坚持)."""
    return _is_complete(status_text, tuple(complete))


@lru_cache(maxsize=512)
def _is_complete(status_text: str, complete: tuple) -> bool:
    found = _parts(status_text)
    if found and all(t in complete for t in found):
        return True
    reading = read(status_text)
    return reading is not None and reading.klass == "done" and (
        reading.term in complete or found[0] in complete)


def sentence_term(phrase: str) -> str:
    """The vocabulary term a status phrase stands for (the phrase itself when it does not read)."""
    reading = read(phrase)
    return reading.term if reading is not None else phrase


# A deadline: a date followed by 前/底前 and a completion (2025年6月底前完成, 9月30日前办结), or
# after a deadline label (整改时限：2025年9月30日). Matched at the date's end / before its start.
DEADLINE_AFTER = patterns.compile(r"(?P<tail>底|末)?(?:前|以前|之前)(?:全面|全部)?"
                                  r"(?:完成|办结|整改到位|整改完毕|完工|建成|销号|到位|上线|投用)")
DEADLINE_LABEL = patterns.compile(r"(?:整改时限|完成时限|整改期限|办结时限)[:]\s*$")


# -- where a status stands ------------------------------------------------------------------------

_WORDS_START = r"(?:已|均已|现已|基本|阶段性|初步|正在|仍在|持续|逐步|长期|需长期|立行立改|完成|全部|未|尚未|暂未|整改中|推进中|计划|预计|力争|确保|将于)"
# Words that open a status after a label, up to its sentence's end (inline_status reads them
# with the grammar; this coarse form is kept for callers that only look for one).
STATUS_AFTER_LABEL = patterns.compile(rf"({_WORDS_START}[^。;!?\r\n]{{0,30}}?)(?=[。;!?]|$)")
_OWN_CLASS = "[" + "".join(sorted(_OWN)) + "]"
# A tag closing a heading: 【已完成】, (已完成); a status word glued outside its brackets
# (…松散。已【完成】, 【已完】成) makes the whole a garbled tag.
STATUS_TAG = patterns.compile(rf"(?:(?<=[。.])(?P<before>{_OWN_CLASS}{{1,2}}))?[【(\[](?P<words>[^【】()\[\]\r\n]{{1,20}})"
                              rf"[】)\]](?P<after>{_OWN_CLASS}{{1,2}})?[。.]?\s*(?:\*\*|__)?\s*$")
# A label with status words glued before its colon: 整改结果正：在整改.
GLUED_LABEL = patterns.compile(rf"(?:{_label_pattern(MEASURE_LABELS + STATUS_LABELS)})(?P<glued>{_OWN_CLASS}{{1,3}})[:]")
_SENTENCE_END = patterns.compile(r"[。;!?]")


def tag_status(tag_text: str) -> bool:
    """A bracket at the end of a heading holds a status (【已完成】) or a garbled one (【已完整改】),
    not a note such as （试行） or （2025年）."""
    return read(tag_text) is not None or garbled(tag_text)


_LONGEST = 40  # characters: no status is longer
_SENTENCE_LONGEST = 2 * _LONGEST  # a status sentence: time, subject, status and a continuation
# A character outside the grammar's words and marks: a result or a remark brings such words.
_WORD = patterns.compile("[^" + "".join(sorted(_OWN)) + regex_escape(_MARKS) + " ]")
_WORD_BACK = patterns.compile("(?r)[^" + "".join(sorted(_OWN)) + regex_escape(_MARKS) + " ]")
_COMMA = patterns.compile("[,;]")


def _result(text: str) -> bool:
    """A clause that brings words of its own (盘活闲置低效用地326亩, 并建立…制度): a result or a
    remark beside a status, not a piece of one."""
    return _WORD.search(text) is not None


def status_within(folded: str, lo: int, hi: int, lead_only: bool = False, broken=None) -> tuple[int, int] | None:
    """The status inside a label's value or a sentence that says more than its status:
    leading clauses that read, followed by results (已办结，并建立…制度; 此项需长期坚持，已建立
    长效机制); the status before a remark in brackets (已完成（2025年9月完成）); or, unless
    `lead_only`, a closing clause after results (已建立常态化检查机制，持续推进). With `broken`
    (garbled, or nearly), a leading clause it accepts stands for a garbled status before its results
    (已成（2025年9月完成）; 此项需长期坚，已建立长效机制)."""
    text = folded[lo:hi]

    def lead(words: str) -> bool:
        return read(words) is not None or (broken is not None and broken(words))

    if text.endswith(")") and "(" in text:
        cut = text.rfind("(")
        if lead(text[:cut]) and _result(text[cut:]):
            return lo, lo + cut
    # A status is short: only its first and last clauses are tried, so a long text costs one pass.
    first = _WORD.search(text)
    if first is None:
        return None  # nothing but status words: garbled or whole, not a status beside results
    last = _WORD_BACK.search(text).start()
    cuts = [m.start() for m in _COMMA.finditer(text, 0, _LONGEST + 1)]
    for i in reversed(cuts):
        if last > i and read(text[:i]) is not None:
            return lo, lo + i
    if broken is not None and cuts and last > cuts[0] and broken(text[:cuts[0]]):
        return lo, lo + cuts[0]
    if not lead_only:
        for m in _COMMA.finditer(text, max(0, len(text) - _LONGEST - 1)):
            if first.start() < m.start() and read(text[m.start() + 1:]) is not None:
                return lo + m.start() + 1, hi
    return None


def label_status(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the status after a status label (整改结果：已整改到位。补齐…): its sentence,
    with a stray mark right after the label (整改结果：。已完成) and a fragment cut off by a stray
    stop (已完成。整改) taken in, since they belong to it."""
    lead = 1 if folded[start:start + 1] in ("。", ";") else 0
    stop = _SENTENCE_END.search(folded, start + lead, end)
    hi = stop.start() if stop else end
    while hi > start + lead and folded[hi - 1] in "。. *":
        hi -= 1
    if hi <= start + lead:
        return None
    if not lead and read(folded[start:hi]) is None and not garbled(folded[start:hi]):
        within = status_within(folded, start, hi, broken=garbled)
        if within is not None:
            return within
    return start, split_tail(folded, hi, end)


def inline_status(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the status right after a label (整改情况：已完成。一是…): the longest run of
    its sentence's clauses that reads, or its first clause when that is a garbled status."""
    if start < end and folded[start] in "。,、;":
        # 整改情况：，已完成 / 。已完成: a stray mark before the status is part of a garbled one.
        after = inline_status(folded, start + 1, end)
        return (start, after[1]) if after else None
    stop = _SENTENCE_END.search(folded, start, end)
    hi = stop.start() if stop else end
    while hi > start and folded[hi - 1] in " ":
        hi -= 1
    if hi <= start:
        return None
    if read(folded[start:hi]) is not None or garbled(folded[start:hi]):
        return start, split_tail(folded, hi, end)
    if stop is not None and _fragment(folded[start:hi]):
        # 已。完成: a stray stop inside the status; the pieces together are a garbled status.
        nxt = _SENTENCE_END.search(folded, stop.end(), end)
        far = nxt.start() if nxt else end
        piece = folded[stop.end():far]
        if piece and (read(piece) is not None or garbled(piece) or _fragment(piece)):
            return start, far
    # 正在整改，一是…; 已完成（2025年9月完成）: the status, then measures or a remark.
    return status_within(folded, start, hi, lead_only=True, broken=nearly)


def _fragment(text: str) -> bool:
    """A piece of a status cut off by a stray stop (此项。已完成整改, 已。完成, 目前，。该问题…):
    a time phrase, or a few of the grammar's own characters that do not read."""
    text = fold(text).strip(" ")
    t = _TIME_ONLY.match(text)
    rest = text[t.end():] if t else text
    if not rest:
        return bool(text)
    return len(rest) <= 6 and all(ch in _OWN for ch in rest) and read(text) is None


def split_tail(folded: str, hi: int, end: int) -> int:
    """Where a status that ends at `hi` really ends: past a stray stop and the fragment of status
    words after it (已完成。整改, 已整改。到位), which make the whole a garbled status."""
    if hi < end and folded[hi] in "。;":
        nxt = _SENTENCE_END.search(folded, hi + 1, end)
        far = nxt.start() if nxt else end
        while far > hi + 1 and folded[far - 1] in " *":
            far -= 1
        piece = folded[hi + 1:far]
        if far > hi + 1 and _TIME_ONLY.match(piece) is None and (
                _fragment(piece) or (len(piece) <= 2 and all(ch in _OWN for ch in piece))):
            return far
    return hi


_CLOSING = patterns.compile(r"(?:已|均已|现已|已基本|基本)")


def _status_clause(folded: str, lo: int, hi: int):
    """A status that is part of a sentence: its subject and status before results (此项需长期坚持，
    已建立长效机制), or a closing clause of what has been reached (…，建立月通报制度，已整改到位)."""
    # Said of the item (此项…, 该问题…, 目前…): only a sentence that opens so is tried.
    within = status_within(folded, lo, hi, lead_only=True, broken=nearly) \
        if _HEAD.match(folded, lo, hi).end() > lo else None
    if within is not None:
        reading = read(folded[within[0]:within[1]])
        if reading is None:
            # 此项需长期坚，已建立长效机制: a garbled status said of the item, from after its time.
            t = _TIME_ONLY.match(folded, lo, within[1])
            return lo, within[1], t.end() if t else lo, within[1]
        if reading.phrase:
            return lo, within[1], lo + reading.phrase, within[1]
    comma = folded.rfind(",", max(lo, hi - _LONGEST - 1), hi)
    if comma > lo and _CLOSING.match(folded, comma + 1) and _result(folded[lo:comma]):
        reading = read(folded[comma + 1:hi])
        if reading is not None and reading.klass in ("done", "partial"):
            return comma + 1, hi, comma + 1, hi
    return None


_OWN_RUN = "[" + "".join(sorted(_OWN)) + "".join("\\" + ch for ch in _MARKS) + "]"
_MAYBE = patterns.compile(rf"{_OPENING.pattern}|(?:{TIME})?{_OWN_RUN}*$")
_CLOSING_TAIL = patterns.compile(r",(?:已|均已|现已|已基本|基本)[^,]*$")


def status_sentences(folded: str, start: int, end: int):
    """(start, end, phrase start, phrase end) of every whole sentence in folded[start:end] that
    states a status and nothing else; a garbled one has its phrase from after its time phrase.
    A fragment of status words before a stop joins the sentence after it (此项。已完成整改)."""
    if _ANY_CORE.search(folded, start, end) is None:
        return  # no status word at all
    pos, fragment = start, None
    if start >= 2 and folded[start - 1] == "\n" and folded[start - 2] in "该此这" \
            and folded.startswith(("问题", "项"), start):
        fragment = start - 2  # 该⏎问题已完成整改: a determiner cut from its noun by a break
    while pos < end:
        m = _SENTENCE_END.search(folded, pos, end)
        stop = m.start() if m else end
        lo = pos
        while lo < stop and folded[lo] in " \t":
            lo += 1
        hi = stop
        while hi > lo and folded[hi - 1] in " \t*":
            hi -= 1
        if hi == lo and m is not None and lo == start:
            fragment = lo  # 。该问题已完成整改: a stray stop opening the line
        if hi > lo and _MAYBE.match(folded, lo, hi) is None and _CLOSING_TAIL.search(
                folded, max(lo, hi - _LONGEST - 1), hi) is None:
            # Neither opens as a status nor is made of status words, nor closes with a status
            # clause: a measure (most sentences), passed over at the cost of two searches.
            fragment = None
            if folded[hi - 1] in "该此这" and folded.startswith(("问题", "项"), stop + 1):
                fragment = hi - 1
        elif hi > lo:
            sentence = folded[lo:hi]
            short = hi - lo <= _SENTENCE_LONGEST  # a longer sentence holds a status only in a clause
            reading = read(sentence) if short else None
            tail = split_tail(folded, hi, end) if reading is not None else hi
            if fragment is not None and (reading is not None or garbled(sentence) or _fragment(sentence)):
                yield fragment, tail, fragment, tail
            elif tail > hi:
                yield lo, tail, lo, tail  # 该问题已整改。完成: one status cut in two
            elif reading is not None:
                yield lo, hi, lo + reading.phrase, hi
            elif short and garbled(sentence):
                t = _TIME_ONLY.match(sentence)
                yield lo, hi, lo + (t.end() if t else 0), hi
            else:
                found = _status_clause(folded, lo, hi)
                if found is not None:
                    yield found
            if tail > hi:
                stop = tail
            fragment = lo if short and (_fragment(sentence) or garbled(sentence)) and tail == hi else None
            if fragment is None and sentence[-1] in "该此这" and folded.startswith(("问题", "项"), stop + 1):
                fragment = hi - 1  # …制度该。问题已完成整改: a determiner cut from its noun
        pos = stop + 1
