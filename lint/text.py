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


def fold(text: str) -> str:
    """Map full-width ASCII forms and odd spaces to ASCII, one code point for one.

    The result has the same length as the input, so offsets found in it are
    offsets in the original: patterns can be written once, in ASCII.
    """
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
