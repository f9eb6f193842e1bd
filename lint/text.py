"""Character helpers shared by the document model, rules and reporters."""

from __future__ import annotations

import re
import unicodedata

from . import patterns

_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})
_FOLDED = {chr(k): chr(v) for k, v in _FOLD.items()}
# The standard library's re, not regex: it scans this one class about three times faster. (No
# character of the class is special inside [...].)
_FOLDABLE = re.compile("[" + "".join(_FOLDED) + "]")


# Traditional characters the grammars read (kinds, sections, statuses, counts, channels) and their
# simplified forms, so that a notice published in traditional characters (審計…整改…報告, a
# mirror of a mainland page) is read as the same notice. Only characters that simplified text does
# not use are listed, one for one (so offsets hold); a reading, never written back: findings quote
# the text as it stands.
_TRADITIONAL_PAIRS = (
    "審审計计報报問问題题關关於于現现將将況况組组視视饋馈項项進进屆届輪轮黨党縣县區区會会實实對对開开時时號号"
    "務务辦办處处員员條条個个級级導导電电話话郵邮聯联監监動动點点總总體体發发說说議议決决據据還还這这從从與与"
    "為为爲为們们來来東东書书長长門门見见規规範范責责稱称類类歸归檢检機机構构統统籌筹單单確确認认識识設设覺觉"
    "專专調调階阶續续銷销賬账臺台結结億亿萬万標标準准紀纪風风貫贯徹彻習习幹干營营業业護护療疗衛卫傳传達达學学"
    "參参負负領领舉举證证訴诉復复環环細细節节劃划採采購购產产資资額额財财費费預预廳厅廣广壯壮國国歷历遺遗線线"
    "訪访維维權权際际極极強强過过後后幾几兩两餘余啓启啟启屬属應应當当選选嚴严肅肃質质績绩織织態态讓让邊边鄉乡"
    "鎮镇執执罰罚錯错誤误違违險险隱隐彙汇匯汇盤盘檔档錄录濟济經经補补釋释寫写記记載载圖图館馆舊旧觀观轉转遞递"
    "聽听講讲談谈論论讀读願愿廠厂礎础響响獎奖懲惩擬拟頒颁佈布駐驻紮扎勢势種种爭争戰战氣气層层漢汉齊齐醫医藥药"
    "農农莊庄辭辞")
_TRADITIONAL = str.maketrans(_TRADITIONAL_PAIRS[0::2], _TRADITIONAL_PAIRS[1::2])
_TRADITIONAL_ANY = re.compile("[" + _TRADITIONAL_PAIRS[0::2] + "]")


def fold(text: str) -> str:
    """Map full-width ASCII forms and odd spaces to ASCII, and the traditional characters the
    grammars read to simplified ones, one code point for one.

    The result has the same length as the input, so offsets found in it are
    offsets in the original: patterns can be written once, in ASCII and simplified characters.
    """
    if _TRADITIONAL_ANY.search(text) is not None:
        text = text.translate(_TRADITIONAL)
    # str.translate looks every character up in a dict, about 70 ns a character of Chinese text.
    # A notice holds few kinds of full-width forms (，：；（）！？), and replacing each kind
    # takes about a sixth of that; text with many kinds is translated as before.
    kinds = set(_FOLDABLE.findall(text))
    if len(kinds) > 16:
        return text.translate(_FOLD)
    for kind in kinds:
        text = text.replace(kind, _FOLDED[kind])
    return text


CN_NUMERALS = "零〇一二两三四五六七八九十"
_CN_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_to_int(s: str) -> int | None:
    """Chinese numeral below 100 to int: 三 → 3, 十二 → 12, 二十一 → 21."""
    if not s or any(c not in CN_NUMERALS for c in s):
        return None
    if "十" not in s:
        return _CN_VALUE[s] if len(s) == 1 else None
    tens, _, units = s.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    t = _CN_VALUE.get(tens, 0) if tens else 1
    u = _CN_VALUE.get(units, 0) if units else 0
    return t * 10 + u


def int_to_cn(n: int) -> str:
    """An ordinal's Chinese numeral: 3 → 三, 12 → 十二, 105 → 一百零五, 1100 → 一千一百.

    Numbers past 9999 are no heading or enumeration number; they keep their digits.
    """
    digits = "零一二三四五六七八九"
    if n < 0 or n > 9999:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out += ("零" if zero and out else "") + digits[d] + unit
            zero = False
        elif out:
            zero = True
    return out


def display_width(text: str) -> int:
    """Terminal cells: East Asian wide and full-width characters take two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


_UNPRINTABLE = patterns.compile(r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]")


def printable(text: str) -> str:
    """A path or name as it may be printed: control and format characters (a newline, an
    escape sequence, a bidi override) escaped, so that it can neither start a new output line
    (a forged finding or a GitHub workflow command) nor rewrite the terminal."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
