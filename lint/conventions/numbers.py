"""Numbers and their units, as counts and amounts are written (not a rule itself).

A figure is a number and one unit: 12个, 三个, 11项, 49人次, 1.5万元, 75%. Arabic numerals carry
counts, amounts and rates (GB/T 15835-2011); counts may also be written in Chinese numerals
(三个方面九个问题), never amounts or rates. A number is well formed when it has no leading zero,
is whole where things are counted (a decimal only in 元 and amounts with 万/亿, in % and before
个百分点), and, in Chinese numerals, is a numeral as written: 三, 十二, 二十, 一百零五, 两 first.
万 and 亿 scale the unit after them (3万人, 1.5万元). Approximate figures (3900余项, 1000多人次,
近百个, 数十个, 5~7人) are counts too, but no arithmetic holds for them.

See docs/conventions.md#counts.
"""

from __future__ import annotations

from rectlint import patterns

CN_NUMERAL = "零〇一二两三四五六七八九十百千"
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}

# The units of counts, amounts and rates. 人次 before 人; 万/亿 scale what follows them.
UNIT = r"(?:个百分点|人次|户次|[个项条件人名位次元%起家种户份期台所处批场篇])"
# The units of the counts a notice sums up, whose loss or doubling the count grammar reads.
UNIT_CHARS = "个项条件人名次元%"
SCALE_CHARS = "万亿"
_SCALE = {"万": 10_000, "亿": 100_000_000}
# Decimals a figure may have: 元 to the 分, a rate to a thousandth of a percent.
_PLACES = {"元": 2, "%": 3, "个百分点": 3}
# Units counted together: people in 人 or 名; money in 元, 万元 and 亿元.
_CLASS = {"名": "人", "位": "人"}
COUNT_UNITS = "个项条件"
# What may follow a number that is a figure, a date or a time: units and measure words (an open
# class; these are the ones notices use).
MEASURE_CHARS = ("个项条件人名位次元%起家种户份期台所处批场篇年月日号时分秒岁倍股支队组类宗笔张本册部间栋幢"
                 "层床例只头匹棵株块枚届版章节点级档周季度万亿千百余多米吨亩克升斤里公平立瓦座辆艘架套箱盒瓶袋剂门课轮遍趟番")
# Words that begin with a unit's character after a figure: 3个项目 is three projects, not a unit
# written twice; 5个人员 five staff.
UNIT_WORDS = ("项目", "条件", "条例", "条款", "条目", "人员", "人民", "人才", "人数", "人口", "人事", "人社", "人大",
              "名单", "名额", "名称", "名录", "次数", "次要", "件数", "元素", "元旦", "个别", "个人", "个体", "个性",
              "个案")
# Words that end with a unit's character: 事项, 文件, 案件, 负责人… (no number belongs before it).
UNIT_ENDED = ("事项", "款项", "专项", "立项", "单项", "选项", "强项", "弱项", "缺项", "分项", "子项", "文件", "案件",
              "事件", "条件", "信件", "邮件", "附件", "证件", "软件", "硬件", "部件", "配件", "稿件", "要件", "批件",
              "函件", "来件", "访件", "办件", "交办件", "转办件", "督办件", "诉件", "本人", "他人", "个人", "人次", "班次", "批次", "层次", "依次", "再次", "首次", "档次",
              "频次", "名次", "单元", "公元", "多元", "美元", "姓名", "排名", "报名", "签名", "署名", "实名",
              # a person by role: 约谈相关负责人15人次 counts the talks, not the 负责人
              "法人", "负责人", "责任人", "联系人", "当事人", "举报人", "申请人", "经办人", "承办人", "代理人",
              "带头人", "领导人", "监护人", "发起人", "管理人", "委托人")
# Words that end with a unit's character without a number before it: 个别, 事项, 文件, 人次…
# (a quantifier or demonstrative before the unit: 每个, 各项, 这件, 逐条, 此次).
QUANTIFIERS = "每各这那哪某几整该此本逐多单首其另上下诸"


def cn_value(text: str) -> int | None:
    """A Chinese numeral as counts write it, or None: 三, 十二, 二十, 一百零五, 两 (only first).
    六六, 百 alone, 两十 and 三百十 are not numerals."""
    if not text or any(ch not in CN_NUMERAL for ch in text):
        return None
    total, digit, last = 0, None, 10_000
    for i, ch in enumerate(text):
        if ch in "零〇":
            if i == 0 or i == len(text) - 1 or digit is not None or text[i + 1] in "十百千零〇":
                return None
            continue
        if ch in _CN_DIGITS:
            if digit is not None or (ch == "两" and i):
                return None
            digit = _CN_DIGITS[ch]
            continue
        unit = _CN_UNITS[ch]
        if unit >= last:
            return None
        if digit is None:
            if not (ch == "十" and i == 0):
                return None
            digit = 1
        elif ch == "十" and text[i - 1] == "两":
            return None
        total += digit * unit
        last, digit = unit, None
    if digit is not None:
        if last > 10 and last < 10_000 and "零" not in text and "〇" not in text:
            return None  # 一百五 is 150 spoken short: counts write 一百五十
        total += digit
    return total


def to_int(text: str) -> int | None:
    """A count in Arabic or Chinese numerals: 12, 十二, 一百零五, 两."""
    if text.isdigit():
        return int(text)
    return cn_value(text)


def well_formed(num: str, unit: str, scale: str = "") -> bool:
    """Whether a number is written as a figure in this unit may be: no leading zero, whole
    where things are counted, Chinese numerals only for counts."""
    if not num[0].isdigit():
        return unit not in ("%", "元", "个百分点") and cn_value(num) is not None
    whole, _, frac = num.replace(",", "").partition(".")
    if len(whole) > 1 and whole[0] == "0":
        return False
    if frac:
        places = _PLACES.get(unit)
        if scale and unit == "元":
            places += 4 if scale == "万" else 8
        elif scale:
            places = 8  # 1.2万人
        return places is not None and len(frac) <= places
    return True


def value(num: str, scale: str = "") -> float:
    """12, 3.5 or 十二 (with 万 or 亿 after it) as a number."""
    base = float(num.replace(",", "")) if num[0].isdigit() else float(cn_value(num) or 0)
    return base * _SCALE.get(scale, 1)


def unit_class(unit: str) -> str:
    """What a unit counts: 人 and 名 both people, 元 money."""
    return _CLASS.get(unit, unit)


def system(num: str) -> str:
    return "arabic" if num[:1].isdigit() else "chinese"


# A machine token: ASCII letters and digits joined by . @ / - _ (or :// and a port's :), holding
# an ASCII letter: an e-mail address, a URL, a domain or file name, a version string. The digits
# in it name something (wbdexcz@163.com, art_3.html, v2.1); they count nothing.
_TOKEN = patterns.compile(r"[A-Za-z0-9]+(?:(?:[.@/_\-]|://|:(?=\d))+[A-Za-z0-9]+)*")
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.@/:-_")
_LETTER = patterns.compile(r"[A-Za-z]")
_JOINERS = ".@/:-_"
_TOKEN_BACK = patterns.compile(r"(?r)[A-Za-z0-9.@/:_\-]*")  # from a place back to where its token may start
_REACH = 128  # how far back a token's start is looked for
_AHEAD = 32  # and how far after the number its letters (163.com)


def in_machine_token(text: str, start: int) -> bool:
    """Whether the number at `start` is part of a machine token, which no number rule reads. Only
    a number touching ASCII letters or joiners is looked at, and only so far (_REACH back, _AHEAD on):
    a long line of figures costs no more than a short one."""
    end = start
    stop = min(len(text), start + _AHEAD)
    while end < stop and text[end].isdigit():
        end += 1
    before = text[start - 1] if start > 0 else ""
    after = text[end:end + 2]
    if not (before and before in _TOKEN_CHARS or after[:1].isascii() and after[:1].isalpha()
            or after[:1] in _JOINERS and after[1:].isascii() and after[1:].isalnum()):
        return False
    if _LETTER.search(text, max(0, start - _REACH), min(len(text), end + _AHEAD)) is None:
        return False  # no letter within reach: figures and marks (1.2.3), no token
    a = _TOKEN_BACK.match(text, max(0, start - _REACH), start).start()
    while a < start and not text[a].isalnum():
        a += 1  # a mark that only ends the text before the token (邮箱:abc@163.com)
    for m in _TOKEN.finditer(text, a, min(len(text), end + _AHEAD)):
        if m.start() > start:
            break
        if m.end() > start:
            return _LETTER.search(m.group()) is not None and m.end() - m.start() > 1
    return False


SENTENCE = patterns.compile(r"[^。！？!?\n]+[。！？!?]?")
_WHEREOF = patterns.compile(r"\s*其中")


def sentences(text: str, lo: int, hi: int):
    """(start, end) of each sentence in a span; "。其中：" stays with the sentence before it."""
    spans = [(m.start(), m.end()) for m in SENTENCE.finditer(text, lo, hi)]
    merged = []
    for start, end in spans:
        if merged and _WHEREOF.match(text, start, end):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
