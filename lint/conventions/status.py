"""Completion statuses: the vocabulary, the labels and the forms notices use.

Forms seen in published notices:
- a labelled line: 整改结果/整改状态/整改进度/整改进展/完成情况：已完成
- inline after a measures label, also in the item's own paragraph:
  1、问题。整改情况：已完成。一是…
- a closing sentence: 目前，该问题已整改完成。 / 此项已基本完成整改，需长期坚持。
- a tag on the item heading: …不规范。【已完成】 or （已完成）
- only in the summary counts (已完成X个…), with no status on the items.
Patterns here are written for `Document.folded` text (ASCII punctuation).
See docs/conventions.md#status.
"""

from __future__ import annotations

from .. import patterns

VOCABULARY = ["已完成整改", "已完成", "完成", "已整改到位", "已办结", "已整改", "已销号", "整改完成",
              "基本完成", "基本完成整改", "阶段性完成", "正在整改", "持续整改", "持续推进", "长期坚持",
              "立行立改"]
# Statuses that claim the work is finished.
COMPLETE = ["已完成整改", "已完成", "完成", "已整改到位", "已办结", "已整改", "已销号", "整改完成", "立行立改"]
PARTIAL = ["基本完成", "基本完成整改", "阶段性完成", "正在整改", "持续整改", "持续推进", "长期坚持"]

# How a count names finished and open work: 已完成整改12个, 正在整改3个 (tried in this order).
COUNTED_DONE = ("已完成", "已整改到位", "已办结", "完成整改", "已整改", "已销号", "整改销号", "已整改销号", "整改完成")
COUNTED_OPEN = ("阶段性完成", "基本完成", "正在整改", "持续整改", "持续推进", "正在推进", "长期坚持", "未完成", "尚未完成",
                "未整改")
# 已全部完成整改: every problem of the total is done.
ALL_DONE = r"(?:已|均已)?全部(?:完成整改|整改完成|整改到位|完成|销号)"

MEASURE_LABELS = ("整改落实情况", "整改情况", "整改措施", "整改进展情况", "整改进展", "落实情况", "整改成效")
STATUS_LABELS = ("整改结果", "整改状态", "整改进度", "完成情况", "完成状态", "办结情况")


def _label_pattern(labels) -> str:
    return "|".join(sorted(labels, key=len, reverse=True))


MEASURE_LABEL = patterns.compile(rf"\s*({_label_pattern(MEASURE_LABELS)})\s*[:]")
STATUS_LABEL = patterns.compile(rf"\s*({_label_pattern(STATUS_LABELS)})\s*[:]\s*")
# Any label, searched anywhere in a line (an item's own paragraph may carry it mid-line).
ANY_LABEL = patterns.compile(rf"({_label_pattern(MEASURE_LABELS + STATUS_LABELS)})\s*[:]\s*")

# Words that open a status: 已完成, 基本完成, 阶段性完成, 正在整改, 持续整改, 长期坚持, 立行立改…
_STATUS_WORDS = r"(?:已|基本|阶段性|正在|持续|长期|立行立改|完成|未完成|尚未|整改中|推进中)[^。,;!?\s]{0,10}"
STATUS_AFTER_LABEL = patterns.compile(rf"({_STATUS_WORDS})(?=[。,;]|$)")
STATUS_TAG = patterns.compile(rf"[【(\[]({_STATUS_WORDS})[】)\]][。.]?\s*$")

# A whole sentence that states the item's status: 目前，该问题已整改完成。 The sentence must be
# the status and nothing else, so "目前，已完成检验师招聘工作" (a measure) does not count.
_PHRASE = (r"(?P<phrase>已(?:基本|全面|全部)?(?:完成整改|整改完成|整改到位|完成|整改|办结|销号)"
           r"|(?:正在|仍在)?持续(?:整改|推进)中?|正在(?:整改|推进)中?|整改中"
           r"|阶段性完成(?:整改)?|基本完成(?:整改)?|长期坚持)")
STATUS_SENTENCE = patterns.compile(
    r"(?:(?:目前|当前|现|截至目前|截止目前|截至\d{4}年\d{1,2}月(?:\d{1,2}日)?|经整改)[,]?)?"
    r"(?:该问题|此问题|该项问题|此项问题|该项|此项|本项|本问题|上述问题|该项工作|此项工作)?(?:的)?(?:整改)?"
    + _PHRASE +
    r"(?:整改)?(?:工作)?(?:[,](?:并|仍|还)?(?:需|将|要)?(?:长期坚持|持续推进|持续巩固|巩固提升|常态化推进)"
    r"(?:整改)?(?:成果|成效)?)?")
# The canonical term a status sentence's phrase stands for.
_SENTENCE_TERMS = [
    (patterns.compile(r"阶段性"), "阶段性完成"),
    (patterns.compile(r"基本"), "基本完成"),
    (patterns.compile(r"持续|正在|仍在|整改中"), "正在整改"),
    (patterns.compile(r"长期坚持"), "长期坚持"),
    (patterns.compile(r"已"), "已完成整改"),
]
_SPLIT = patterns.compile(r"[,，、/；;]+")
_SENTENCE_END = patterns.compile(r"[。;!?]")


def terms(status_text: str) -> list[str]:
    """The separate status words of a status text: "已完成整改，长期坚持" → two terms."""
    return [t.strip(" 。.") for t in _SPLIT.split(status_text) if t.strip(" 。.")]


def in_vocabulary(status_text: str, vocabulary) -> bool:
    return all(t in vocabulary for t in terms(status_text))


def is_complete(status_text: str, complete) -> bool:
    found = terms(status_text)
    return bool(found) and all(t in complete for t in found)


def sentence_term(phrase: str) -> str:
    for pattern, term in _SENTENCE_TERMS:
        if pattern.search(phrase):
            return term
    return phrase


def status_sentences(folded: str, start: int, end: int):
    """(start, end, phrase start, phrase end) of every whole sentence in folded[start:end]
    that states a status and nothing else."""
    pos = start
    while pos < end:
        m = _SENTENCE_END.search(folded, pos, end)
        stop = m.start() if m else end
        lo = pos
        while lo < stop and folded[lo] in " \t":
            lo += 1
        s = STATUS_SENTENCE.fullmatch(folded, lo, stop)
        if s is not None:
            yield lo, stop, s.start("phrase"), s.end("phrase")
        pos = stop + 1
