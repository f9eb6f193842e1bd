"""Copies: a copy is the same words; sentences of one template, each with its own figures and
names, are not copies.

No single-character edit makes or unmakes a copy (a copy is a passage), so this family has no
mentions: it is judged by its variants, each of which must draw no error or warning. A variant
puts the same template sentence into two measure lines of a notice, each time with its own
figures and names:

- frames written here, in the genre (走访群众N户，收集意见建议M条…), filled twice;
- a measures sentence of the notice itself that counts two things or more, re-filled with other
  figures and pasted into another item.

What a template is, for this oracle: a sentence whose slots (figures, names) break it into
stretches of the same words, each shorter than 20 characters of text (letters and Han), with at
least two slots filled differently. Twenty characters written alike in a row are the same words
(a copy), whatever surrounds them; a sentence with one slot changed is the same sentence.
Pasted passages, which must be flagged, are measured by bench/quality.py ("duplicate: …").

Items are also framed alike by nature: an opener that says when the work began, which body acted
(however long its name, with its members in brackets) and how promptly or seriously, written the
same way at the head of two items that each go on to their own measures, is not a copy:

- openers written here, in the genre (收到…反馈意见后，某党组高度重视，…), each followed by a
  measure of its own, closing the first and the last measures line (the notice's own term,
  巡察 or 巡视, in the opener).
"""

from __future__ import annotations

import re

NAME = "copies"
ALPHABET = ""
INSERTS = ""

FRAME_LIMIT = 20  # characters of the same words in a row that make a copy

_MEASURE_LINE = re.compile(r"^(?:#+\s*)?(?:整改情况|整改措施|整改落实情况|主要措施|落实情况|整改举措)[:：]")
_FIGURE = re.compile(r"\d+(?=(?:个|次|人次|人|项|家|件|条|名|户|场|期|篇|本|处|笔|册|卷|所|份))")
_DATE_OR_RATE = re.compile(r"\d+(?:年|月|日|%|‰)|[率占共计其中]|完成|整改|问题|措施")
_TEXT = re.compile(r"[^\W\d_]", re.UNICODE)

# Frames in the genre, each filled twice with its own figures ({a} >= {b} >= {c}) and places ({u}).
FRAMES = (
    "深入{u}走访群众{a}户，收集意见建议{b}条，现场答复{c}条。",
    "组织干部职工集中学习{a}次，开展专题研讨{b}场，撰写心得体会{c}篇。",
    "对{u}开展实地抽查{a}次，调阅档案资料{b}卷，约谈相关负责人{c}人次。",
    "举办业务培训班{a}期，培训人员{b}人次，编印学习资料{c}册。",
)
PLACES = ("城东社区", "石桥村", "第二网格", "河口村")
# Openers in the genre: when the work began, the body that acted, how promptly or seriously.
OPENERS = (
    "收到巡察反馈意见后，区水务局党组高度重视，",
    "巡察反馈后，县委宣传部（含县融媒体中心、县文联、县社科联）迅速",
    "收到巡察组反馈的问题后，县林业和草原局党组（含县林场、县森林公安派出所）高度重视，立即召开党组会议，",
    "2025年以来，市交通运输局党委切实",
    "收到巡察反馈意见后，区审计局党组高度重视，第一时间召开党组会议，专题研究部署巡察反馈问题整改工作，",
)
# What each of the two items then says it did: different measures.
OWN = ("逐段复核巡查台账，补录缺失记录并实行月度对账。", "组织开展物资管理专题培训，建立领用登记簿。")


def _letters(s: str) -> int:
    return len(_TEXT.findall(s))


def is_template(one: str, other: str) -> bool:
    """Whether two sentences are one frame with its slots filled differently: they differ in two
    places or more, and no stretch they share in a row holds FRAME_LIMIT characters of text."""
    # Split both into the same words and the places where they differ, character by character
    # from either end of each differing stretch (the sentences here differ only in slots).
    tokens_a = re.split(r"(\d+|城东社区|石桥村|第二网格|河口村)", one)
    tokens_b = re.split(r"(\d+|城东社区|石桥村|第二网格|河口村)", other)
    if len(tokens_a) != len(tokens_b):
        return False
    differ, run = 0, 0
    for x, y in zip(tokens_a, tokens_b):
        if x == y:
            run += _letters(x)
            if run >= FRAME_LIMIT:
                return False
        else:
            differ += 1
            run = 0
    return differ >= 2


def _measure_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if _MEASURE_LINE.match(line) and line.rstrip().endswith(("。", "."))]


def _punctuate(sentence: str, text: str) -> str:
    """The sentence in the notice's own punctuation width."""
    if text.count(",") > text.count("，"):
        return sentence.replace("，", ",").replace("。", ".").replace("（", "(").replace("）", ")")
    return sentence


def _refill(sentence: str, shift: int) -> str:
    figures = iter(range(len(_FIGURE.findall(sentence))))
    return _FIGURE.sub(lambda m: str(int(m.group()) + shift + 2 * next(figures)), sentence)


def _own_sentences(text: str, lines: list[str], rows: list[int]):
    """Measures sentences of the notice that count two things or more, and no date or rate."""
    for i in rows:
        body = re.split(r"[:：]", lines[i], maxsplit=1)[1]
        for sentence in re.findall(r"[^。]+。", body):
            sentence = re.sub(r"^[一二三四五六七八九十]+是", "", sentence)
            if len(_FIGURE.findall(sentence)) >= 2 and not _DATE_OR_RATE.search(sentence):
                yield i, sentence


def _put(lines: list[str], at: int, sentence: str) -> list[str]:
    out = list(lines)
    out[at] = out[at].rstrip() + sentence
    return out


def variants(text: str, fmt: str):
    lines = text.split("\n")
    rows = _measure_lines(lines)
    if len(rows) < 2:
        return
    first, second = rows[0], rows[-1]
    for n, frame in enumerate(FRAMES):
        a, b = (frame.format(u=PLACES[k], a=30 + 7 * k + n, b=20 + 5 * k + n, c=10 + 3 * k + n)
                for k in (0, 1))
        if not is_template(a, b):
            continue
        new = _put(_put(lines, first, _punctuate(a, text)), second, _punctuate(b, text))
        yield f"frame {n + 1} in two items", "\n".join(new)
    for n, opener in enumerate(OPENERS):
        if "巡视" in text and "巡察" not in text:
            opener = opener.replace("巡察", "巡视")
        new = _put(_put(lines, first, _punctuate(opener + OWN[0], text)), second, _punctuate(opener + OWN[1], text))
        yield f"opener {n + 1} in two items", "\n".join(new)
    for k, (i, sentence) in enumerate(_own_sentences(text, lines, rows)):
        other = _refill(sentence, 3)
        target = second if i != second else first
        if sentence != other and is_template(sentence, other):
            yield f"own sentence {k + 1} re-filled", "\n".join(_put(lines, target, _punctuate(other, text)))
