"""Telephone numbers and postcodes as a notice publishes them in its supervision block.

The grammar follows the numbering plan of the telecommunications network (工业和信息化部
《电信网编号计划》, 2017 edition), and the hyphen that joins the parts of a telephone number
(GB/T 15834-2011 《标点符号用法》 4.13.3.2):

- landline: an area code and a local number. Area codes are 010 and 02X (three digits, local
  numbers of eight digits) or 0 and three digits whose first is 3 to 9 (local numbers of seven or
  eight digits). A local number opens with 2 to 8 (0 is the trunk prefix, 1 and 9 open service
  numbers). The two are joined by a hyphen (also full-width, or a dash), a space, or the area
  code stands in brackets: 0791-86218000, （0791）86218000. An extension may follow (转8012,
  -8012). A local number alone (86218000) is a landline of the notice's own area.
- mobile: 1, then 3 to 9, then nine digits, whole or as 3-4-4.
- service numbers: the 123xx public hotlines (12345, 12388, 12368), 95xxx and 96xxx (also six
  digits), 400 and 800 numbers, and the three-digit emergency numbers (110, 119, 120, 122).
- postcode: six digits.

A number given as a channel that nearly parses but does not is malformed. Its repair is offered
only where it is certain: the digits of a landline whose hyphen was lost or doubled
(079186218000, 0791--86218000) split one way only, since a three-digit area code opens with 01
or 02 and a four-digit one with 03 to 09.

Patterns are written for `Document.folded` (ASCII digits, brackets and punctuation).
"""

from __future__ import annotations

import regex

from .. import patterns
from ..record import Record

_JOIN = r"(?:\s?[-\u2010-\u2015\u2212]\s?|\s)"
_EXT = r"(?:(?:转|-)\d{1,5}|\(转\d{1,5}\))?"
_LANDLINE = (rf"(?:\((?:010|02\d)\)\s?|(?:010|02\d){_JOIN})[2-8]\d{{7}}{_EXT}"
             rf"|(?:\(0[3-9]\d\d\)\s?|0[3-9]\d\d{_JOIN})[2-8]\d{{6,7}}{_EXT}")
_WELL_FORMED = patterns.compile(
    rf"(?:{_LANDLINE}"
    r"|1[3-9]\d(?:\d{8}|([-\s])\d{4}\1\d{4})"  # a mobile
    r"|123\d\d|9[56]\d{3,4}|[48]00(?:\d{7}|([-\s])\d{3}\2\d{4}|-\d{4}-\d{3})|1(?:1[0-9]|2[0-2])"  # services
    rf"|[2-8]\d{{6,7}}{_EXT})"  # a local number alone
    r"(?![\d\-转])")
# A phone label, then its field: numbers joined by list marks. Digits followed by a date or time
# unit, a house number or a measure word (2025年, 8:30, 12号, 3个) are no number of a field.
# A word for a way in (联系方式：7673067) gives its number as a channel too.
PHONE_LABEL = patterns.compile(r"(?:(?:电话|热线|手机|专线|传真)(?:号码)?|(?:联系|举报|监督|反映|来访|信访)(?:方式|途径|渠道))"
                               r"\s*:?\s*(?=[\d(])")
POSTCODE_LABEL = patterns.compile(r"(?:邮编|邮政编码)\s*:?\s*(?=\d)")
_NUMBER = patterns.compile(r"(?:\(\d[\d\s]*\)\s?)?\d(?:[\d\-\u2010-\u2015\u2212转]|\s(?=\d)|\(转\d+\))*+"
                           r"(?![年月日时点号个部条名次件台位]|:[0-5]\d(?!\d))")
# Numbers in a field are joined by ; 、 / 或 or a space; a comma may open another clause
# (，3个工作日内答复), so it ends the field.
_LIST = patterns.compile(r"\s*[;、/|或]\s*(?=[\d(])|\s+(?=[\d(])")
_POSTCODE = patterns.compile(r"\d+")


class Malformed(Record):
    """A number as written (start, end: offsets, end exclusive) that is not well formed, what it
    was given as ("phone" or "postcode"), and its certain repair or None."""

    FIELDS = ("start", "end", "what", "repair")

    def __init__(self, start: int, end: int, what: str, repair: str | None):
        self.start, self.end, self.what, self.repair = start, end, what, repair


def well_formed(number: str) -> bool:
    """Whether a folded number (0791-86218000, 12388, 13912345678) is one the plan allows."""
    return _WELL_FORMED.fullmatch(number) is not None


def field_well_formed(field: str) -> bool:
    """Whether a field of numbers (0791-6123456 13912345678, 7673067;12388) opens with a well-formed
    number and holds no malformed one."""
    return _WELL_FORMED.match(field) is not None and not phone_field(field, 0, len(field))


def repair(number: str) -> str | None:
    """The one well-formed landline a malformed number's digits make, written with its hyphen."""
    digits = "".join(ch for ch in number if ch.isdigit())
    readings = [f"{digits[:n]}-{digits[n:]}" for n in (3, 4) if well_formed(f"{digits[:n]}-{digits[n:]}")]
    return readings[0] if len(readings) == 1 else None


def phone_field(folded: str, at: int, end: int) -> list[Malformed]:
    """The malformed numbers of the phone field starting at `at` (after its label): well-formed
    numbers are taken whole, the longest first, and what is left up to a list mark is one
    malformed number."""
    out = []
    pos = at
    while pos < end:
        m = _WELL_FORMED.match(folded, pos, end)
        if m is None:
            n = _NUMBER.match(folded, pos, end)
            if n is None:
                break
            # a well-formed number followed by more: the whole written run is the malformed one
            out.append(Malformed(pos, n.end(), "phone", repair(n.group())))
            pos = n.end()
        else:
            pos = m.end()
            if pos < end and folded[pos].isdigit():
                continue
        sep = _LIST.match(folded, pos, end)
        if sep is None:
            break
        pos = sep.end()
    return out


def postcode(folded: str, at: int) -> Malformed | None:
    """A postcode after its label that is not six digits."""
    m = _POSTCODE.match(folded, at)
    return None if m is None or len(m.group()) == 6 else Malformed(m.start(), m.end(), "postcode", None)


# In running text a number is read only after a label that gives it as a channel (公开预约电话12368,
# 举报电话：…), and only where it ends a clause: 电话回访300户 counts calls.
CHANNEL_LABEL = patterns.compile(r"(?:举报|监督|咨询|服务|预约|投诉|值班|联系|受理|信访|办公|专用|专门)"
                                 r"(?:电话|热线)(?:号码)?\s*:?\s*(?=[\d(])")
_CLAUSE_END = patterns.compile(r"\s*(?:[。;,、)]|$)", regex.M)


def channels(folded: str, start: int, end: int) -> list[Malformed]:
    """The malformed numbers given as channels in running text folded[start:end], and labels
    with a digit of their number moved into them (预约电1话2368)."""
    shifted = [bad for bad in moved(folded, start, end) if _CLAUSE_END.match(folded, bad.end, end)]
    out = [bad for label in CHANNEL_LABEL.finditer(folded, start, end)
           for bad in phone_field(folded, label.end(), end) if _CLAUSE_END.match(folded, bad.end, end)]
    return shifted + _apart(out, shifted)


# A label and its number with one character moved between them (电1话2368, 电话0:20-83651234,
# 邮政编3码25000): a digit stands inside the label, or between it and its colon. Right after the
# label with no colon (电话12388) the digit is the number's own.
_LABEL_WORDS = ("电话", "热线", "手机", "传真", "邮编", "邮政编码")
_MOVED = patterns.compile("|".join(f"{word[:k]}\\d{word[k:]}{':' if k == len(word) else ':?'}"
                                   for word in _LABEL_WORDS for k in range(1, len(word) + 1)))


_INDEX = patterns.compile(r"\d{1,2}\s*:\s*")  # a field's own index before its number (电话1：…；电话2：…)


def moved(folded: str, start: int, end: int) -> list[Malformed]:
    """Labels whose number lost a digit into them, where putting the digit back makes a
    well-formed number of a number that is not one as written: the repair is that reading."""
    out = []
    for m in _MOVED.finditer(folded, start, end):
        number = _NUMBER.match(folded, m.end(), end)
        if number is None:
            continue
        label, written = m.group(), number.group()
        digit = next(ch for ch in label if ch.isdigit())
        word = label.replace(digit, "", 1).rstrip(":")
        whole = digit + written
        is_postcode = word in ("邮编", "邮政编码")
        if is_postcode:
            ok = len(whole) == 6 and whole.isdigit() and len(written) != 6
        else:
            ok = well_formed(whole) and not well_formed(written)
        if ok:
            # With a colon the repair would have to know its width as written: none is offered.
            repaired = None if label.endswith(":") else word + whole
            out.append(Malformed(m.start(), number.end(), "postcode" if is_postcode else "phone", repaired))
    return out


def _apart(found: list[Malformed], shifted: list[Malformed]) -> list[Malformed]:
    """`found` without what lies inside a moved digit's span: one defect, said once."""
    return [bad for bad in found if not any(m.start < bad.end and bad.start < m.end for m in shifted)]


def malformed(folded: str, start: int, end: int) -> list[Malformed]:
    """Every malformed phone number or postcode given after a label in folded[start:end], and
    every label and number with a digit moved between them."""
    shifted = moved(folded, start, end)
    out = []
    for label in PHONE_LABEL.finditer(folded, start, end):
        at = label.end()
        index = _INDEX.match(folded, at, end)
        if index and _WELL_FORMED.match(folded, index.end(), end):
            at = index.end()  # 电话1：0791-86218000；电话2：…: the field's number, then its number
        out.extend(phone_field(folded, at, end))
    for label in POSTCODE_LABEL.finditer(folded, start, end):
        bad = postcode(folded, label.end())
        if bad is not None:
            out.append(bad)
    return shifted + _apart(out, shifted)
