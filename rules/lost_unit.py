"""Numbers that lost or doubled their unit, and figures that nearly read as counts but do not.

In a counting sentence (one with two or more count words: 反馈…问题, 已完成, 正在整改, 其余,
完成率, 占比…), every number is a figure, a number and one unit. It catches:
- a number that lost its unit: 已完成整改3，正在整改1个 / 反馈4问题 / 完成率75。;
- a unit that lost its number: 已完成整改个， / 反馈的个问题;
- a unit written twice or two units: 3个个, 3个项, 75%%, 4个万;
- a numeral that is none: 六六个, 百个, 02项, 3.个, 1二个;
- a count in another unit than its base's: 4个问题，已完成整改3人 / 完成率75个;
- a mark that parts a figure from its words or follows another mark: 已完成整改，3个 /
  4个，问题 / 3个、，. After a verb that reports a finding (发现, 指出, 反映) a comma or colon may
  open a clause whose subject a figure counts in its own noun (发现，3个村在…还存在问题): that
  figure is not the verb's count; one of the count's nouns after it is (反馈，4个问题);
and, in any sentence, where the loss is certain:
- a number glued to the next enumeration marker: "共排查了251二是…", "督导检查8四是…"
  (the unit and the full stop were lost), or standing right after a marker with a noun after
  it: "四是33关键岗位人员";
- an amount of money with no unit: "资金3200已全额上缴", "经费24.1用于…". An amount is read
  whole: a comma that groups thousands (金额24,978.12 万元) parts no figure from its unit.
Ordinals of a list whose line breaks were lost (1.标题…2.发文字号…3.…, a run of three or more or
one beginning at 1.), the number of an item's label opening its line (问题2.…, 整改措施3.…),
clause numbers opening their lines (8.3长效机制, where other lines open with one too:
GB/T 1.1-2020 §7), approximate figures (3900余项, 近百个, 1000多人次), ranges (5~7人, and neighbouring figures sharing one unit: 4、5次), dates, codes, telephone
numbers, the digits of machine tokens (e-mail addresses, URLs, file names: xcb@163.com, v2.1.xlsx),
counts in names (十四五, 三重一大) and words that end in a unit's character (事项, 文件, 负责人,
信访件3719件, 交办件12件) are figures, words or not counts, and stay quiet.

Why: such numbers are conversion or typing slips; the reader
cannot tell 251 of what, or whether 3200 is 元 or 万元.

Bad:  共排查风险点251二是开展谈心谈话。
Good: 共排查风险点251个。二是开展谈心谈话。
Bad:  超范围筛查所涉资金3200已全额上缴财政。
Good: 超范围筛查所涉资金3200元已全额上缴财政，共3200人参加。
Bad:  巡察反馈的4个问题，已完成整改3，正在整改1个。
Bad:  巡察反馈的4个问题，已完成整改3个个，正在整改1个。
Good: 巡察反馈的4个问题，已完成整改3个，正在整改1个，完成率75%。
Good: 共排查3900余项，近百个单位参与，服务1000多人次，每组5~7人，已召开会议4、5次。
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.conventions.counts import reading
from rectlint.conventions.numbers import MEASURE_CHARS
from rectlint.finding import Hit
from rectlint.messages import say

DOC_ZH = """丢失或重复了单位的数字，以及近似计数却读不通的数字。

在计数句中（含两个以上计数用语：反馈…问题、已完成、正在整改、其余、完成率、占比…），每个数字都应是一个带一个单位的数。
查出：丢了单位的数字（已完成整改3，正在整改1个；反馈4问题；完成率75。）；丢了数字的单位（已完成整改个，；反馈的个问题）；
重复的单位或两个单位（3个个、3个项、75%%、4个万）；写错的数字（六六个、百个、02项、3.个、1二个）；
与基数单位不同的计数（4个问题，已完成整改3人；完成率75个）；把数字与其用语隔开或紧跟另一标点的标点
（已完成整改，3个；4个，问题；3个、，）；但“发现、指出、反映”等动词后的逗号或冒号可以引出一个以数字计数的名词为主语的分句（发现，3个村在…还存在问题），此数字不是动词的计数，而后接计数名词的数字仍是（反馈，4个问题）。在任何句子中，只在确定丢失时报告：数字与下一个列举标记连在一起
（“共排查了251二是…”“督导检查8四是…”，单位和句号都丢了），或紧跟列举标记、后接名词（“四是33关键岗位人员”）；
没有单位的金额（“资金3200已全额上缴”“经费24.1用于…”）；金额按整体读，千位分隔的逗号（金额24,978.12 万元）不把数字与单位隔开。
丢了换行的列表序号（1.标题…2.发文字号…3.…，三个以上连续或从1.开始）、行首条目标签的序号（问题2.…、整改措施3.…）、行首的条款编号（8.3长效机制，且另有行首条款编号，GB/T 1.1-2020 第7章）、约数（3900余项、近百个、1000多人次）、范围（5~7人，以及共用一个单位的相邻数字：4、5次）、日期、代码、电话号码、机器字串（电子邮箱、网址、文件名：xcb@163.com、v2.1.xlsx）中的数字、名称中的数字（十四五、三重一大）和以单位字结尾的词（事项、文件、负责人、信访件3719件、交办件12件）不报告。

依据：这些数字是转换或录入失误；读者无法知道251是什么，也分不清3200是元还是万元。
"""

ID = "lost-unit"
CATEGORY = "number"
SEVERITY = "warning"
READS = ("counts",)  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}

_BEFORE_MARKER = patterns.line_pattern(r"(?<![\d.])(\d+(?:\.\d+)?)(?=[二三四五六七八九十]是)")
# 四是33关键岗位人员: a number of one to three digits right after a marker, then a noun.
_AFTER_MARKER = patterns.line_pattern(
    rf"(?<![一二三四五六七八九十])[一二三四五六七八九十]是(\d{{1,3}})(?![\d.{MEASURE_CHARS}])(?=\p{{Han}})")
# Both readings above stand before or after an in-text marker (二是): a text without one has
# neither, and this search costs a twentieth of theirs.
_MARKER = patterns.compile(r"[一二三四五六七八九十]是")
# The amount is read whole, thousands separators and all (24,978.12 万元: a comma that groups three
# digits parts no figure from its unit), and never cut back to a shorter number.
_MONEY = patterns.line_pattern(r"(?:资金|经费|款项|费用|金额|罚款|补贴|补助|奖金|捐款)"
                                r"((?>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
                                rf"(?![\d.])(?=[已被全并于用及和、,;。]|{patterns.LINE_END})")
_MESSAGES = {"lost-unit": "lost-unit.figure", "lost-number": "lost-unit.number", "doubled-unit": "lost-unit.doubled",
             "numeral": "lost-unit.numeral", "class": "lost-unit.class", "mark": "lost-unit.mark"}


def check(doc, options):
    lines = doc.body_lines()
    amounts = doc.matches(_MONEY, lines)
    counts = after = {}
    if lines and _MARKER.search(doc.folded, lines[0].start, lines[-1].end):
        counts, after = doc.matches(_BEFORE_MARKER, lines), doc.matches(_AFTER_MARKER, lines)
    seen = set()
    for line in lines:
        for m in counts.get(line.number, ()):
            seen.add(m.start(1))
            yield Hit(m.start(1), m.end(1), **say("lost-unit.count", number=m.group(1)))
        for m in after.get(line.number, ()):
            seen.add(m.start(1))
            yield Hit(m.start(1), m.end(1), **say("lost-unit.count", number=m.group(1)))
        for m in amounts.get(line.number, ()):
            seen.add(m.start(1))
            yield Hit(m.start(1), m.end(1), **say("lost-unit.amount", number=m.group(1)))
    text = doc.text
    for _, read in reading(doc):
        # One finding for one slip: 3,.83万元 is a mark and a numeral, once. In order of start (and
        # each start reported once), a defect overlaps one reported when it starts before the
        # furthest end reported: asking every one reported made a long line quadratic.
        reach = -1
        for d in sorted(read.defects, key=lambda d: (d.start, d.end)):
            key = _MESSAGES.get(d.kind)
            if key is None or d.start in seen or d.start < reach:
                continue
            seen.add(d.start)
            reach = max(reach, d.end)
            yield Hit(d.start, d.end, **say(key, written=text[d.start:d.end]))
