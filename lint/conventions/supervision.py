"""The public-supervision block: the channels through which readers may reach the issuer.

A channel is a value and what introduces it. The value is a phone number, a postal address (a
street address, a 邮政信箱, or the address of a visits office), an e-mail address, the place of an
on-site 意见箱, or a web platform. What introduces it may be:

- a label: 联系电话：…, 邮政地址：…, 意见信箱：…, 电子邮箱：… (one per line or several in a line);
- a verb phrase: 来电请拨…, 来信请寄至…, 信件请寄往…, 电子邮件请发送至…, 来访请到…;
- a channel word before its value in brackets: 欢迎通过电话（…）、来信（…）、电子邮件（…）反映;
- a table cell: | 联系电话 | … |;
- a word for a way in (联系方式：…, 举报途径：…): its value is read by its shape, a number by the
  phone grammar, an e-mail address as one, a street address or a 信箱 as a place.

A phone number is well formed by the numbering plan (lint/conventions/phones.py); a local number
without its area code (7673067) is one where a cue gives it as a channel. Some values
name themselves whatever introduces them: an e-mail address, a phone number with
its area code or a mobile number, a numbered 邮政信箱. A cue followed by no value at all
(联系电话：；) announces a channel the block then fails to give.
Patterns are written for `Document.folded` text (ASCII :;() and full-width both accepted).
See docs/conventions.md#kinds-and-parts.
"""

from __future__ import annotations

import regex

from .. import patterns
from ..record import FrozenRecord
from . import phones

# between a cue and its value: 为/是, a colon, a table bar or an opening bracket
_SEP = r"[ \t]*(?:为|是)?[ \t]*(?:[:：|][ \t]*)?(?:[(（][ \t]*)?"
_SEP_BARE = r"[ \t]*(?:[:：|][ \t]*)"  # a bare noun (地址, 信箱) needs a colon or a table bar

_PHONE_CUE = (r"(?:(?:联系|监督|举报|咨询|值班|受理|服务|投诉|信访|专门|办公)?(?:电话|热线)(?:号码)?"
              r"|手机(?:号码)?|来电请?(?:拨打?|致电)?|(?:请|可)?拨打|致电)")
_POST_CUE = (r"(?:(?:来信|信件|信函)请?(?:邮寄至|寄送至|寄至|寄往|寄到|邮寄|寄送|寄)|(?:请|可)?邮寄至|寄至"
             r"|(?:来信|信件|邮寄)(?=[(（]))")
_POST_LABEL = (r"(?:(?:邮政|通信|通讯|邮寄|来信|收信|联系)地址|地址|(?:意见|邮政|举报|专用|联系|监督)?(?<!电子)信箱"
               r"|邮政专用信箱)")
_VISIT_CUE = r"(?:来访请?到|来访(?:接待)?(?:地址|地点)|接待(?:地址|地点)|信访接待室)"
_EMAIL_CUE = (r"(?:(?:电子邮箱|电子信箱|电子邮件|电邮|邮箱|E-?mail)(?:地址)?(?:请?(?:发送至|发至|寄至|发送到|发到|寄到))?"
              r"|(?:请|可)?发送?(?:电子)?(?:邮件至|邮件到))")
_BOX_CUE = r"(?:意见箱|举报箱|意见收集箱)"
_WEB_CUE = r"(?:网址|网站|网络(?:监督)?举报平台|举报平台|网上信访)"
# a word for a way in, whatever its kind (联系方式：7673067, 举报途径：…): the value tells the channel
_WAY_CUE = r"(?:联系|举报|监督|反映|来访|信访)(?:方式|途径|渠道)"

_NUMBER = r"((?:[(（]0\d{2,3}[)）])?\d[\d\-－— ]{3,19}\d)"
PHONE = patterns.compile(rf"{_PHONE_CUE}{_SEP}{_NUMBER}?")
WAY_NUMBER = patterns.compile(rf"{_WAY_CUE}{_SEP}{_NUMBER}")
# 联系方式：某县河东路7号县委办公室: a place one writes to or visits
WAY_PLACE = patterns.compile(rf"{_WAY_CUE}[ \t]*[:：][ \t]*([^;；。|()（）\n\d@][^;；。|()（）\n@]{{3,}}?"
                             r"(?:路|街|道|巷|号|楼|室|院|大厦|信箱)[^;；。|()（）\n@]*)")
POST = patterns.compile(rf"(?:{_POST_CUE}{_SEP}|{_POST_LABEL}{_SEP_BARE}(?:[(（][ \t]*)?|{_VISIT_CUE}{_SEP})"
                        r"([^;；。|()（）\n]{4,})?")
EMAIL = patterns.compile(rf"{_EMAIL_CUE}{_SEP}([^\s;；。,，、|()（）]+)?", regex.I)
BOX = patterns.compile(rf"{_BOX_CUE}")
WEB = patterns.compile(rf"{_WEB_CUE}{_SEP}\S")

EMAIL_OK = patterns.compile(r"^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
# values that name their channel wherever they stand
EMAIL_ANY = patterns.compile(r"(?<![A-Za-z0-9._+-])[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PHONE_ANY = patterns.compile(r"(?<![\d.])(?:[(（]0\d{2,3}[)）]|0\d{2,3}[-－—])\d{7,8}(?![\d.])|(?<!\d)1[3-9]\d{9}(?!\d)")
POST_ANY = patterns.compile(r"\d+号?(?:邮政)?(?:专用)?信箱|邮政(?:专用)?信箱\d+号?")

# a line that belongs to the block: a channel cue with something after it, or the 欢迎…监督 call
LINE = patterns.compile(
    r"欢迎.{0,30}监督|联系电话|监督电话|举报电话|邮政地址|通信地址|通讯地址|电子邮箱|电子信箱|电子邮件"
    rf"|来电请?拨|来信请?寄|信件请?寄|{_VISIT_CUE}|{_BOX_CUE}|(?<!电子)信箱\s*[:：]|邮政编码\s*[:：]|{_WAY_CUE}\s*[:：]")


class Channel(FrozenRecord):
    """One channel of the block (a FrozenRecord, not a dataclass: importing dataclasses and
    compiling one costs a cold start a millisecond)."""

    FIELDS = ("part", "start", "end", "value", "ok")
    __slots__ = FIELDS

    def __init__(self, part: str, start: int, end: int, value: str, ok: bool):
        object.__setattr__(self, "part", part)  # phone, post (a postal or a visits address), email, box, web
        object.__setattr__(self, "start", start)  # the value's span (the cue's end when no value follows)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "ok", ok)


def channels(block: str) -> list[Channel]:
    """Every channel the block gives or announces, in the order found per part."""
    out = []
    for m in PHONE.finditer(block):
        value = m.group(1) or ""
        if not value:
            if _announces(m, block):
                out.append(Channel("phone", m.end(), m.end(), "", False))
            continue
        out.append(Channel("phone", m.start(1), m.start(1) + len(value), value, phones.field_well_formed(value)))
    for m in WAY_NUMBER.finditer(block):
        value = m.group(1)
        out.append(Channel("phone", m.start(1), m.end(1), value, phones.field_well_formed(value)))
    for m in PHONE_ANY.finditer(block):
        if not any(c.part == "phone" and c.start <= m.start() < max(c.end, c.start + 1) for c in out):
            out.append(Channel("phone", m.start(), m.end(), m.group(), True))
    for m in EMAIL.finditer(block):
        value = (m.group(1) or "").rstrip(".")
        if not value:
            if _announces(m, block):
                out.append(Channel("email", m.end(), m.end(), "", False))
            continue
        if "@" not in value and not regex.match(r"[A-Za-z0-9]", value) or not value.isascii():
            continue  # 邮箱 as a word in a sentence (意见邮箱设在…) or a postal box (邮箱：某市12号信箱)
        out.append(Channel("email", m.start(1), m.start(1) + len(value), value, bool(EMAIL_OK.match(value))))
    for m in EMAIL_ANY.finditer(block) if "@" in block else ():  # an address without its @ is none
        if not any(c.part == "email" and c.start <= m.start() < c.end for c in out):
            out.append(Channel("email", m.start(), m.end(), m.group(), True))
    for m in POST.finditer(block):
        value = (m.group(1) or "").strip()
        if value:
            out.append(Channel("post", m.start(1), m.end(1), value, True))
    for m in WAY_PLACE.finditer(block):
        out.append(Channel("post", m.start(1), m.end(1), m.group(1).strip(), True))
    for m in POST_ANY.finditer(block) if "信箱" in block else ():
        out.append(Channel("post", m.start(), m.end(), m.group(), True))
    out.extend(Channel("box", m.start(), m.end(), m.group(), True) for m in BOX.finditer(block))
    out.extend(Channel("web", m.start(), m.end(), m.group(), True) for m in WEB.finditer(block))
    return out


def _announces(m, block: str) -> bool:
    """A label with its colon and nothing after it (联系电话：；): the value was left out."""
    return bool(regex.search(r"[:：|][ \t]*$", m.group())) and (m.end() == len(block)
                                                               or block[m.end()] in ";；。,，|\n")
