"""Personal data that must not be published: resident ID, bank card and mobile numbers.

Catches 18-digit resident ID numbers whose check character is right
(GB 11643-1999: ISO 7064 mod 11-2), bank card numbers of 16 to 19 digits that
pass the Luhn check, and personal mobile numbers (1[3-9] and nine digits),
as people write them: in half- or full-width digits, whole or grouped with
spaces or hyphens (an ID in any groups, such as 6-8-4; a card in fours; a
mobile as 3-4-4, with +86 or not). A number one digit off, or a landline, is
no personal number. The message masks the number. A resident ID number is reported wherever it
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
Bad:  退赔款已转入本人银行卡6217 0023 1045 6787。
Bad:  监督电话：0791-6123456；当事人身份证号码110101199003074477。
Good: 联系电话：0791-6123456。
Good: 巡察期间设专门值班电话13912345678，受理来电来访；举报电话12388。
Good: 举报电话：0553-2595762 15212242863；举报电子邮箱：jd@example.cn。
Good: 值班电话 | 13912345678（工作日8:00-20:00） | 17759012345（工作日8:00-20:00）
Good: 电子邮箱：13912345678@163.com。
"""

from __future__ import annotations

from rectlint.document import among
from rectlint.finding import Hit
from rectlint.messages import say
from rectlint.privacy import find_numbers, is_channel, mask_digits

DOC_ZH = """不得公开的个人信息：居民身份证号、银行卡号和手机号码。

查出校验位正确的18位居民身份证号码（GB 11643-1999，ISO 7064 MOD 11-2）
、通过 Luhn 校验的16至19位银行卡号，以及个人手机号码（1[3-9]开头的11位数字）
，无论用半角还是全角数字书写，连写还是以空格、连字符分组（身份证号任意分组，如6-8-4；
银行卡号四位一组；手机号3-4-4，带或不带+86）。错一位的号码或固定电话不算。提示信息中的号码作打码处理。身份证号无论出现在哪里都报告，监督渠道部分也不例外。单位有意公开的号码不是个人信息：
举报热线（12388、12345、12368）、带区号的固定电话，以及作为联系渠道给出的手机号（举报电话：
…、值班电话…、联系手机…）或监督渠道中的手机号。

依据：《中华人民共和国个人信息保护法》：公开的通报不得泄露个人的身份标识。
"""

ID = "personal-data"
CATEGORY = "privacy"
SEVERITY = "error"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}


def mask(digits: str) -> str:
    """The first three and last four digits, the rest starred: 15867453421 → 158****3421."""
    return mask_digits(digits)


def check(doc, options):
    supervision = {line.number for line in doc.outline.supervision}
    lines = doc.body_lines()
    if not lines:
        return
    for n in find_numbers(doc.folded, lines[0].start, lines[-1].end):
        number = doc.line_at(n.start).number
        if not among(lines, number):
            continue
        if n.kind == "mobile" and (number in supervision or is_channel(doc.folded, n.start, n.end)):
            continue
        digits = n.digits[-11:] if n.kind == "mobile" else n.digits  # without a +86 prefix
        yield Hit(n.start, n.end, **say(f"personal-data.{n.kind}", masked=mask(digits)))
