"""Personal data that must not be published: resident ID, bank card and mobile numbers.

Catches 18-digit resident ID numbers whose check character is right
(GB 11643-1999: ISO 7064 mod 11-2), bank card numbers of 16 to 19 digits that
pass the Luhn check, and personal mobile numbers (1[3-9] and nine digits).
The message masks the number. A resident ID number is reported wherever it
stands, the supervision block included. Numbers an office publishes on
purpose are not personal data, wherever they stand: hotlines (12388, 12345,
12368), landlines with an area code (0576-88213650), and a mobile number
given as a contact channel (举报电话：…, 值班电话…, 联系手机…), as 巡察 teams do,
or in the notice's supervision block.

Why: the Personal Information Protection Law (个人信息保护法): a
published notice must not expose a person's identifiers.

Bad:  当事人身份证号码为110101199003074477，已退赔。
Good: 当事人胡某某已退赔，涉及资金4.4万元。
Bad:  经核实，该户户主胡某某（手机13912345678）已退回补贴。
Bad:  监督电话：0791-6123456；当事人身份证号码110101199003074477。
Good: 联系电话：0791-6123456。
Good: 巡察期间设专门值班电话13912345678，受理来电来访；举报电话12388。
Good: 举报电话：0553-2595762 15212242863；举报电子邮箱：jd@example.cn。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.finding import Hit
from rectlint.messages import say
from rectlint.privacy import mask_digits

DOC_ZH = """不得公开的个人信息：居民身份证号、银行卡号和手机号码。

查出校验位正确的18位居民身份证号码（GB 11643-1999，ISO 7064 MOD 11-2）
、通过 Luhn 校验的16至19位银行卡号，以及个人手机号码（1[3-9]开头的11位数字）
。提示信息中的号码作打码处理。身份证号无论出现在哪里都报告，监督渠道部分也不例外。单位有意公开的号码不是个人信息：
举报热线（12388、12345、12368）、带区号的固定电话，以及作为联系渠道给出的手机号（举报电话：
…、值班电话…、联系手机…）或监督渠道中的手机号。

依据：《中华人民共和国个人信息保护法》：公开的通报不得泄露个人的身份标识。
"""

ID = "personal-data"
CATEGORY = "privacy"
SEVERITY = "error"
OPTIONS: dict = {}

_ID = patterns.line_pattern(r"(?<![\dA-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])")
_CARD = patterns.line_pattern(r"(?<![\dA-Za-z])(?:\d{4}[ -]?){3}\d{4}(?:\d{1,3})?(?![\dA-Za-z])")
_NON_DIGIT = patterns.compile(r"\D")
_MOBILE = patterns.line_pattern(r"(?<![\dA-Za-z])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![\dA-Za-z])")
_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_checksum_ok(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS))
    return "10X98765432"[total % 11] == number[17].upper()


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def mask(number: str) -> str:
    """The first three and last four digits, the rest starred, counted on the digits alone:
    158-6745-3421 → 158****3421."""
    return mask_digits(_NON_DIGIT.sub("", number))


# A number given as a way to reach an office: 举报电话：…, 设专门值班电话…, 联系手机…
# A label may give several numbers: 举报电话：0553-2595762 15212242863.
_CHANNEL = patterns.compile(
    r"(?:(?:举报|值班|监督|联系|咨询|受理|专用|专门|服务|投诉|信访|办公)(?:电话|手机|号码|专线)|热线)[^。;,\d]{0,6}"
    r"(?:[\d()-]{5,20}\s*(?:[、/或和及]|\s)\s*)*$")


def _channel(doc, start: int) -> bool:
    return bool(_CHANNEL.search(doc.folded, max(0, start - 48), start))


def check(doc, options):
    supervision = {line.number for line in doc.outline.supervision}
    lines = doc.body_lines()
    ids, cards, mobiles = (doc.matches(p, lines, doc.text) for p in (_ID, _CARD, _MOBILE))
    for line in lines:
        taken = []
        for m in ids.get(line.number, ()):
            if id_checksum_ok(m.group()):
                taken.append(m.span())
                yield Hit(m.start(), m.end(), **say("personal-data.id", masked=mask(m.group())))
        for m in cards.get(line.number, ()):
            digits = m.group().replace(" ", "").replace("-", "")
            if any(a < m.end() and m.start() < b for a, b in taken) or not luhn_ok(digits):
                continue
            taken.append(m.span())
            yield Hit(m.start(), m.end(), **say("personal-data.card", masked=mask(digits)))
        for m in mobiles.get(line.number, ()):
            if (any(a < m.end() and m.start() < b for a, b in taken) or line.number in supervision
                    or _channel(doc, m.start())):
                continue
            mobile = _NON_DIGIT.sub("", m.group())[-11:]  # without a +86 prefix
            yield Hit(m.start(), m.end(), **say("personal-data.mobile", masked=mask(mobile)))
