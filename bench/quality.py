"""Quality of the rules on notices we did not write them for. Not a test: it prints tables.

    python bench/quality.py [--corpus tests/corpus] [--show-misses]

1. False alarms: every error or warning on the clean notices of the corpus, per rule.
2. Recall: each defect operator below injects one defect of its kind into every clean
   notice it applies to; the defect counts as found when a finding of an expected rule
   touches the injected line (or, for a part removed from the notice, anywhere). Recall
   per kind = found / injected.

The operators are ours: each takes a notice's text and returns it with one defect and the
line of the defect, or None where the notice offers no place for it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import regex

from rectlint.api import Linter
from rectlint.config import Config
from rectlint.document import Document

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import corpus_files  # noqa: E402  (the corpus notices, their header comments blanked)

CORPUS = corpus_files.CORPUS
TEXT_KINDS = ("txt", "md")


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _sub_first(pattern, repl, text, start_after=None):
    """Replace the first match (after `start_after`'s first match, if given); (text, line) or None."""
    lo = 0
    if start_after is not None:
        anchor = regex.search(start_after, text)
        if anchor is None:
            return None
        lo = anchor.end()
    m = regex.compile(pattern).search(text, lo)
    if m is None:
        return None
    new = m.expand(repl) if callable(repl) is False else repl(m)
    return text[:m.start()] + new + text[m.end():], line_of(text, m.start())


def _nth_item_block(text, n):
    """(start, end) of the n-th problem item's lines in a notice, via the outline."""
    doc = Document(text, "q.txt")
    items = doc.outline.items
    if len(items) <= n:
        return None
    h = items[n]
    end = (h.body[-1] if h.body else h.line).end
    return h.line.start, end


# -- operators: text -> (text, line) or None -------------------------------------------------

def lose_year_month(text):
    """2025年3月10日 → 2025310日: the commonest conversion loss."""
    return _sub_first(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?=[至—\-,，。对])", r"\1\2\3日", text)


def lose_month_mark(text):
    """2025年3月10日 → 2025年310日 (月 lost)."""
    return _sub_first(r"(\d{4})年(\d{1,2})月(\d{1,2})日", r"\1年\2\3日", text)


def date_line_digits(text):
    """The 成文日期 written as a bare digit run: 2025年11月20日 → 20251120."""
    m = regex.search(r"(?m)^(\d{4})年(\d{1,2})月(\d{1,2})日\s*$", text)
    if m is None:
        return None
    digits = f"{m.group(1)}{int(m.group(2))}{int(m.group(3)):02d}" if int(m.group(2)) >= 10 else None
    if digits is None:
        digits = f"{m.group(1)}{m.group(2)}{int(m.group(3)):02d}"
    return text[:m.start()] + digits + text[m.end():], line_of(text, m.start())


def impossible_day(text):
    """A day the month does not have: …年4月31日, or 2月30日."""
    return _sub_first(r"(\d{4})年(\d{1,2})月(\d{1,2})日", lambda m: f"{m.group(1)}年2月30日", text)


def range_backwards(text):
    """至 range whose end comes before its start: 3月10日至5月12日 → 5月12日至3月10日."""
    return _sub_first(r"(\d{1,2})月(\d{1,2})日至(\d{1,2})月(\d{1,2})日",
                      lambda m: f"{m.group(3)}月{m.group(4)}日至{m.group(1)}月{m.group(2)}日", text)


def feedback_before_inspection(text):
    """The feedback dated a year before the inspection started."""
    return _sub_first(r"(\d{4})(年\d{1,2}月\d{1,2}日，[^。]{0,30}?反馈)",
                      lambda m: f"{int(m.group(1)) - 1}{m.group(2)}", text)


def skip_section_number(text):
    """三、 → 四、: a level-one heading skips a number."""
    return _sub_first(r"(?m)^(?:#+\s*)?三、", lambda m: m.group(0).replace("三、", "四、"), text)


def skip_item_number(text):
    """The second item's number skipped: （二） → （三） or 2. → 3."""
    for pattern, repl in ((r"(?m)^(\**)（二）", r"\1（三）"), (r"(?m)^2\.", "3."), (r"(?m)^2、", "3、"),
                          (r"(?m)^问题二：", "问题三："), (r"(?m)^问题2：", "问题3：")):
        hit = _sub_first(pattern, repl, text, start_after=r"(?m)^(?:#+\s*)?二、")
        if hit:
            return hit
    return None


def lose_bracket(text):
    """（二） → 二）: a heading marker loses its opening bracket."""
    return _sub_first(r"(?m)^（二）", "二）", text)


def skip_enumeration(text):
    """一是…二是…三是 → 一是…二是…四是."""
    return _sub_first(r"(一是[^\n]*?二是[^\n]*?)三是", r"\1四是", text)


def late_enumeration(text):
    """The run's first marker lost: 一是…二是 → …二是."""
    return _sub_first(r"一是([^\n]*?二是)", r"\1", text)


def drop_status(text):
    """The first item's status removed, in whatever form it had."""
    block = _nth_item_block(text, 0)
    if block is None:
        return None
    lo, hi = block
    part = text[lo:hi]
    for pattern in (r"\n(?:整改结果|整改状态|整改进度|整改进展|完成情况)：[^\n]*", r"【[^】]*】",
                    r"(?:整改情况|整改落实情况)：(?:已完成|正在整改|已完成整改|阶段性完成)。",
                    r"(?:目前，)?(?:该问题|此项)[^。\n]{0,12}(?:完成|整改)[^。\n]{0,12}。", r"目前正在持续整改中。"):
        m = regex.search(pattern, part)
        if m:
            keep = "整改情况：" if m.group().startswith(("整改情况", "整改落实情况")) else ""
            new = part[:m.start()] + keep + part[m.end():]
            return text[:lo] + new + text[hi:], line_of(text, lo)
    return None


def unknown_status(text):
    """A status outside the vocabulary: 整改结果：已完结。"""
    return _sub_first(r"(整改结果|整改状态|完成情况)：[^\n。]+", r"\1：已完结", text)


def contradict_status(text):
    """A completed item whose measures say the work is still planned."""
    block = _nth_item_block(text, 0)
    if block is None:
        return None
    doc = Document(text, "q.txt")
    item = doc.outline.items[0]
    if item.status is None or not regex.match(r"已完成|完成|已整改", item.status.text):
        return None
    hi = block[1]
    return text[:hi] + "预计明年6月底前完成剩余工作。" + text[hi:], line_of(text, hi)


def done_count_up(text):
    """The summary's completed count raised by one, so the parts exceed the total."""
    return _sub_first(r"(已完成整改|已完成)(\d+)(个)", lambda m: f"{m.group(1)}{int(m.group(2)) + 1}{m.group(3)}",
                      text, start_after=r"(?m)^(?:#+\s*)?一、")


def rate_wrong(text):
    """The completion rate changed by ten points."""
    return _sub_first(r"完成率(\d+(?:\.\d+)?)%", lambda m: f"完成率{max(0.0, float(m.group(1)) - 10):g}%", text)


def copy_measures(text):
    """The first item's measures pasted into the second item."""
    doc = Document(text, "q.txt")
    items = doc.outline.items
    if len(items) < 2:
        return None
    own_status = items[0].status.line if items[0].status is not None else None
    source = next((line for line in items[0].body if line is not own_status and len(line.text) > 30), None)
    if source is None and len(items[0].line.text) > 40:
        source = items[0].line
    if source is None:
        return None
    copied = source.text.split("：", 1)[-1]
    copied = regex.sub(r"^(?:\d+、|[（(][一二三四五六七八九十\d]+[）)])", "", copied)
    target = (items[1].body[-1] if items[1].body else items[1].line)
    return text[:target.end] + copied + text[target.end:], line_of(text, target.start)


def placeholder(text):
    """A date left as X月X日."""
    return _sub_first(r"(\d{4})年(\d{1,2})月(\d{1,2})日", r"\1年X月X日", text)


def personal_id(text):
    """A resident ID number pasted into the measures."""
    block = _nth_item_block(text, 0)
    if block is None:
        return None
    hi = block[1]
    return text[:hi] + "涉及人员身份证号码110101199003074477。" + text[hi:], line_of(text, hi)


def drop_closing_mark(text):
    """A closing 》 or ” removed."""
    return _sub_first(r"(《[^》\n]{1,30})》", r"\1", text) or _sub_first(r"(“[^”\n]{1,30})”", r"\1", text)


def double_full_stop(text):
    """。 → 。。"""
    return _sub_first(r"(?<=[\p{Han}])。(?=\n)", "。。", text, start_after=r"(?m)^(?:#+\s*)?二、")


def lose_team_numeral(text):
    """第三巡察组 → 第巡察组."""
    return _sub_first(r"第[一二三四五六七八九十]+(巡察组|巡视组)", r"第\1", text)


def jiezhi(text):
    """截至目前 → 截止目前."""
    return _sub_first(r"截至目前", "截止目前", text)


def taizhang(text):
    """台账 → 台帐."""
    return _sub_first(r"台账", "台帐", text)


def drop_supervision(text):
    """The public-supervision block deleted."""
    return _sub_first(r"(?m)^欢迎[^\n]*监督[^\n]*\n", "", text)


def formula_digits(text):
    """A fixed formula written in digits: 四个意识 → 4个意识 (inserted where absent)."""
    hit = _sub_first(r"四个意识", "4个意识", text)
    if hit:
        return hit
    return _sub_first(r"(?<=\p{Han})。", "，增强4个意识。", text, start_after=r"(?m)^(?:#+\s*)?一、")


def lost_unit(text):
    """A number that lost its unit: 追回资金3200已全额上缴."""
    block = _nth_item_block(text, 0)
    if block is None:
        return None
    hi = block[1]
    return text[:hi] + "追回资金3200已全额上缴。" + text[hi:], line_of(text, hi)


def lose_day_mark(text):
    """2025年6月3日， → 2025年6月3，"""
    return _sub_first(r"(\d{4}年\d{1,2}月\d{1,2})日(?=[，,。\p{Han}])(?!至)", r"\1", text)


def lose_month_and_day_marks(text):
    """2025年6月3日反馈 → 2025年63反馈"""
    return _sub_first(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?=[\p{Han}])(?!至)", r"\1年\2\3", text)


def range_both_halves(text):
    """2025年3月10日至5月12日 → 2025年310日至512日"""
    return _sub_first(r"(\d{4})年(\d{1,2})月(\d{1,2})日至(\d{1,2})月(\d{1,2})日", r"\1年\2\3日至\4\5日", text)


def lose_range_joiner(text):
    """3月10日至5月12日 → 3月10日5月12日"""
    return _sub_first(r"(\d{1,2}月\d{1,2}日)至(\d{1,2}月\d{1,2}日)", r"\1\2", text)


def full_width_glued(text):
    """2025年3月10日 → ２０２５３１０日 (full-width digits, 年月 lost)"""
    def wide(m):
        digits = f"{m.group(1)}{m.group(2)}{m.group(3)}"
        return "".join(chr(ord(c) + 0xFEE0) for c in digits) + "日"
    return _sub_first(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?=至|，)", wide, text)


def stray_dashes(text):
    """——2025年10月24日在…会议上 → --20251024日在…"""
    return _sub_first(r"——(\d{4})年(\d{1,2})月(\d{1,2})日", r"--\1\2\3日", text)


def chinese_date_line(text):
    """The 成文日期 in Chinese numerals: 二〇二五年十一月二十日."""
    from rectlint.text import int_to_cn
    m = regex.search(r"(?m)^(\d{4})年(\d{1,2})月(\d{1,2})日\s*$", text)
    if m is None:
        return None
    year = "".join("〇一二三四五六七八九"[int(c)] for c in m.group(1))
    written = f"{year}年{int_to_cn(int(m.group(2)))}月{int_to_cn(int(m.group(3)))}日"
    return text[:m.start()] + written + text[m.end():], line_of(text, m.start())


def lose_dunhao(text):
    """二、反馈问题整改情况 → 二反馈问题整改情况"""
    return _sub_first(r"(?m)^(#+\s*)?二、(?=[\p{Han}])", r"\1二", text)


def lose_both_brackets(text):
    """（二）台账不规范 → 二台账不规范"""
    return _sub_first(r"(?m)^(\**)（二）(?=[\p{Han}])", r"\1二", text)


def lose_item_colon(text):
    """问题二：… → 问题二…"""
    return _sub_first(r"(?m)^问题(二|2)：", r"问题\1", text)


def skip_di_heading(text):
    """第二，关于… → 第三，关于…"""
    return _sub_first(r"(?m)^第二，(?=关于)", "第三，", text)


def lose_session_numerals(text):
    """第十八届人民代表大会…第二十一次会议 → 届人民代表大会…第次会议"""
    return (_sub_first(r"第[一二三四五六七八九十]+届(?=人民代表大会|人大)", "届", text)
            or _sub_first(r"第[一二三四五六七八九十]+次会议", "第次会议", text))


def counts_cn_changed(text):
    """已完成整改五个 → 已完成整改六个"""
    return _sub_first(r"(已完成整改)([一二三四五六七八九])(个)",
                      lambda m: m.group(1) + "二三四五六七八九十"["一二三四五六七八九".index(m.group(2))] + m.group(3), text)


def share_changed(text):
    """占…总数的75% → 占…总数的65%"""
    return _sub_first(r"(占[^，。]{0,20}?总数的?)(\d+(?:\.\d+)?)%",
                      lambda m: f"{m.group(1)}{float(m.group(2)) - 10:g}%", text)


def parts_fall_short(text):
    """已完成整改3个，正在整改1个 of 4 → 已完成整改2个，正在整改1个"""
    return _sub_first(r"(已完成整改|已完成)(\d+)(个)(?=[，、,][^。]{0,12}?(?:正在整改|阶段性完成|基本完成|长期坚持)\d+个)",
                      lambda m: f"{m.group(1)}{int(m.group(2)) - 1}{m.group(3)}", text)


def truncated_rate(text):
    """完成率66.7% (2/3) → 66.6%: truncated, not rounded."""
    return _sub_first(r"完成率66\.7%", "完成率66.6%", text)


def jiezhi_time(text):
    """截止2025年10月底，… at the start of the first section's paragraph."""
    m = regex.search(r"(?m)^(?:#+\s*)?一、[^\n]*\n\n", text)
    if m is None:
        return None
    return text[:m.end()] + "截止2025年10月底，" + text[m.end():], line_of(text, m.end())


def wrong_inspection_term(text):
    """巡视 in a heading of a notice whose lead names a 巡察组 (or the reverse)."""
    lead = regex.search(r"第[一二三四五六七八九十]+(巡察|巡视)组", text)
    if lead is None:
        return None
    wrong = "巡视" if lead.group(1) == "巡察" else "巡察"
    return _sub_first(r"(?m)^(#+\s*)?二、[^\n]*$", lambda m: f"{m.group(1) or ''}二、{wrong}反馈问题整改情况", text)


def copy_into_supervision(text):
    """A measure sentence pasted into the supervision paragraph."""
    doc = Document(text, "q.txt")
    sup, items = doc.outline.supervision, doc.outline.items
    if not sup or not items:
        return None
    own = items[0].status.line if items[0].status is not None else None
    source = next((line for line in items[0].body if line is not own and len(line.text) > 30), None)
    if source is None:
        return None
    body = regex.split(r"[：:]", source.text, maxsplit=1)[-1]
    sentence = max(body.split("。"), key=len) + "。"
    if len(sentence) < 25:
        return None
    at = sup[0].start + sup[0].text.index("。") + 1 if "。" in sup[0].text else sup[0].end
    return text[:at] + sentence + text[at:], line_of(text, at)


# Right forms that notices use, each with a miswriting that misused-word must find wherever the
# right form stood.
MISWRITINGS = (("部署", "布署"), ("贯彻", "惯彻"), ("彻底", "澈底"), ("涣散", "焕散"), ("举一反三", "举一返三"),
               ("实事求是", "实是求是"), ("严于律己", "严于律已"), ("覆盖", "复盖"), ("健全", "建全"), ("账目", "帐目"), ("账户", "帐户"))


def misused_word(text):
    """The first right form of MISWRITINGS that the notice's body holds, miswritten."""
    body = regex.search(r"(?m)^(?:#+\s*)?一、", text)
    lo = body.start() if body else 0
    at = min(((text.find(right, lo), right, wrong) for right, wrong in MISWRITINGS if text.find(right, lo) >= 0),
             default=None)
    if at is None:
        return None
    pos, right, wrong = at
    return text[:pos] + wrong + text[pos + len(right):], line_of(text, pos)


def _pasted(text):
    """(line, end, pasted) of copy_measures: the line of the copy, where it was put, what was put."""
    copied = copy_measures(text)
    if copied is None:
        return None
    new, line = copied
    target = Document(text, "q.txt").outline.items[1]
    end = (target.body[-1] if target.body else target.line).end
    return line, end, new[end:len(new) - (len(text) - end)]


def copy_measures_refigured(text):
    """The first item's measures pasted into the second item with one figure changed."""
    copied = _pasted(text)
    if copied is None:
        return None
    line, end, pasted = copied
    m = regex.search(r"\d+", pasted)
    if m is None or len(pasted) < 40:
        return None
    figure = str(int(m.group()) + 1)
    pasted = pasted[:m.start()] + figure + pasted[m.end():]
    return text[:end] + pasted + text[end:], line


def copy_after_opener(text):
    """The first item's measures pasted into the second item, both copies led by the same opener
    (收到…后，局党组高度重视，): the frame two items share must not hide what was pasted after it."""
    copied = _pasted(text)
    if copied is None:
        return None
    line, end, pasted = copied
    source = text.find(pasted)
    if source < 0 or source >= end:
        return None
    opener = "收到巡察反馈意见后，局党组高度重视，"
    if text.count(",") > text.count("，"):
        opener = opener.replace("，", ",")
    text = text[:source] + opener + text[source:]
    end += len(opener)
    return text[:end] + opener + pasted + text[end:], line


def id_into_supervision(text):
    """A resident ID number added to the supervision paragraph."""
    return _sub_first(r"(?m)^(欢迎[^\n]*监督[^\n]*?)。", r"\1，联系人身份证号110101199003074477。", text)


OPERATORS = [
    # (kind, operator, rules that should catch it, whether the finding must touch the line)
    ("date: 年月 lost", lose_year_month, {"broken-date"}, True),
    ("date: 月 lost", lose_month_mark, {"broken-date"}, True),
    ("date: 成文日期 as digits", date_line_digits, {"broken-date"}, True),
    ("date: impossible day", impossible_day, {"invalid-date"}, True),
    ("date: range backwards", range_backwards, {"date-range-order"}, True),
    ("date: feedback before inspection", feedback_before_inspection, {"date-chronology"}, False),
    ("heading: section skipped", skip_section_number, {"heading-sequence"}, True),
    ("heading: item skipped", skip_item_number, {"heading-sequence"}, True),
    ("heading: bracket lost", lose_bracket, {"broken-heading-marker", "heading-sequence"}, True),
    ("enumeration: skipped", skip_enumeration, {"inline-enumeration"}, True),
    ("enumeration: first lost", late_enumeration, {"inline-enumeration"}, True),
    ("status: missing", drop_status, {"missing-status"}, True),
    ("status: unknown term", unknown_status, {"unknown-status"}, True),
    ("status: done but planned", contradict_status, {"status-contradiction"}, False),
    ("counts: completed too many", done_count_up, {"summary-counts"}, False),
    ("counts: wrong rate", rate_wrong, {"summary-counts", "number-arithmetic"}, True),
    ("duplicate: measures copied", copy_measures, {"duplicate-passage"}, False),
    ("placeholder: X月X日", placeholder, {"placeholder"}, True),
    ("privacy: ID number", personal_id, {"personal-data"}, True),
    ("punctuation: pair broken", drop_closing_mark, {"paired-punctuation"}, True),
    ("punctuation: doubled", double_full_stop, {"doubled-punctuation"}, True),
    ("number: formula in digits", formula_digits, {"numeral-formula"}, True),
    ("number: unit lost", lost_unit, {"lost-unit"}, True),
    ("wording: team numeral lost", lose_team_numeral, {"team-numeral"}, True),
    ("wording: 截止目前", jiezhi, {"jiezhi-muqian"}, True),
    ("wording: 台帐", taizhang, {"taizhang"}, True),
    ("structure: supervision removed", drop_supervision, {"required-parts"}, False),
    # The families of issue 13: every way a date, a heading, a count or a wording breaks.
    ("date: 日 lost", lose_day_mark, {"broken-date"}, True),
    ("date: 月 and 日 lost", lose_month_and_day_marks, {"broken-date"}, True),
    ("date: both halves of a range", range_both_halves, {"broken-date"}, True),
    ("date: 至 lost", lose_range_joiner, {"broken-date"}, True),
    ("date: full-width digits", full_width_glued, {"broken-date"}, True),
    ("date: stray dashes", stray_dashes, {"broken-date"}, True),
    ("date: date line in Chinese numerals", chinese_date_line, {"date-style"}, True),
    ("heading: 、 lost", lose_dunhao, {"broken-heading-marker", "heading-sequence"}, True),
    ("heading: both brackets lost", lose_both_brackets, {"broken-heading-marker", "heading-sequence"}, True),
    ("heading: 问题N colon lost", lose_item_colon, {"broken-heading-marker", "heading-sequence"}, True),
    ("heading: 第N skipped", skip_di_heading, {"heading-sequence"}, True),
    ("wording: 届/次 numeral lost", lose_session_numerals, {"lost-ordinal"}, True),
    ("counts: Chinese numeral changed", counts_cn_changed, {"summary-counts"}, False),
    ("counts: 占…总数 changed", share_changed, {"summary-counts", "number-arithmetic"}, True),
    ("counts: parts fall short", parts_fall_short, {"summary-counts"}, False),
    ("counts: rate truncated", truncated_rate, {"summary-counts"}, True),
    ("wording: 截止 a time", jiezhi_time, {"jiezhi-muqian"}, True),
    ("wording: 巡视 for 巡察", wrong_inspection_term, {"inspection-term"}, True),
    ("duplicate: pasted into supervision", copy_into_supervision, {"duplicate-passage"}, False),
    ("privacy: ID in supervision", id_into_supervision, {"personal-data"}, True),
    # issue 33: misused words from the data file, and a pasted passage with a figure changed.
    ("wording: misused word", misused_word, {"misused-word"}, True),
    ("duplicate: pasted, a figure changed", copy_measures_refigured, {"duplicate-passage"}, False),
    ("duplicate: pasted after an opener", copy_after_opener, {"duplicate-passage"}, False),
]


def lint(text: str, path: str, fmt: str, linter):
    return linter.lint_text(text, path, fmt).findings


def corpus_documents(folder: Path):
    for path in corpus_files.notices(folder):
        fmt, text, _ = corpus_files.read(path)
        yield path, fmt, text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--show-misses", action="store_true", help="print every injected defect that was missed")
    args = ap.parse_args()
    linter = Linter(Config())
    docs = list(corpus_documents(args.corpus))

    alarms = Counter()
    for path, fmt, text in docs:
        for f in lint(text, str(path), fmt, linter):
            if f.severity != "info":
                alarms[f.rule] += 1
                print(f"false alarm: {path.name}:{f.line}: [{f.rule}] {f.zh}")
    print(f"\nClean notices: {len(docs)}; error/warning findings on them: {sum(alarms.values())}")
    for rule, n in sorted(alarms.items()):
        print(f"  {rule:<24} {n}")

    found, injected, misses = Counter(), Counter(), defaultdict(list)
    for path, fmt, text in docs:
        if fmt not in TEXT_KINDS:
            continue  # .docx and .html are read, not rewritten: the operators work on text
        for kind, op, expected, on_line in OPERATORS:
            hit = op(text)
            if hit is None or hit[0] == text:
                continue
            defective, line = hit
            injected[kind] += 1
            got = [f for f in lint(defective, str(path), fmt, linter)
                   if f.rule in expected and (not on_line or f.line <= line <= f.end_line)]
            if got:
                found[kind] += 1
            else:
                misses[kind].append(f"{path.name}:{line}")
    print("\nRecall per defect kind (injected into the clean corpus notices):")
    print(f"  {'defect kind':<34} {'found':>5} / {'injected':<8} recall")
    for kind, _, _, _ in OPERATORS:
        if injected[kind]:
            print(f"  {kind:<34} {found[kind]:>5} / {injected[kind]:<8} {found[kind] / injected[kind]:.2f}")
        else:
            print(f"  {kind:<34} {'-':>5} / {'0':<8} (no notice offers a place)")
    total_found, total = sum(found.values()), sum(injected.values())
    print(f"  {'all kinds':<34} {total_found:>5} / {total:<8} {total_found / max(total, 1):.2f}")
    if args.show_misses:
        for kind, where in misses.items():
            print(f"missed [{kind}]: {', '.join(where)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
