"""Leftover placeholders: X月X日, 20XX年, 第X轮, XX同志, 共X个, ○○局, □□□, （待补充）, TODO.

Catches template text that was never filled in. A placeholder is any run of X, x, ×, Ｘ, ○, 〇, □
(and the like: ╳, ✕) standing where a value belongs: a number or count (共X个, X项, 1X人), an
ordinal (第X轮, 第X巡察组), a date part (X月X日, 20XX年, 2025年X月), or a name (XX同志, ○○局,
XX县委第X巡察组, 《××条例》: a notice cites real documents, so a title in 《》 is a name too). One
letter is enough when it stands in such a place. Also bracketed notes to the drafter (（待补充）,
（待定）, 【此处补充…】, 【请填写…】) and TODO/TBD/FIXME.

Not placeholders:
- 某 and 某某 (唐某, 胡某某, 某医疗机构) and × after a surname (张××): deliberate anonymisation;
- an ellipsis, bare or in brackets (〔...〕, 【……】, （……）), where a name or figure was: the mark of
  an omission (GB/T 15834-2011 4.11), which a publisher uses to mask what the notice said; a
  template's blank is a run of marks or a note to the drafter;
- a letter in a word, code or address (PM2.5, XL型, ABX-XX1, xxwj@example.cn, iPhone X);
- established terms: X光, X射线, X线, X刀;
- × between numbers (3×4, 10米×20米): a multiplication or a size;
- ○ or 〇 inside a Chinese numeral (二○二五年, 一○一室): a variant of the zero 〇, a question of
  date style, not a placeholder;
- a □ or ○ opening a line or an option (□是 □否): a bullet or a check box;
- a quoted sample after a word that gives an example or a form (如“关于XX单位的通知”, 格式为
  “XX〔2025〕X号”): a text that describes how a notice is written mentions the blank, it does
  not leave one. The quotation must follow the word directly (a colon between them aside), and
  samples listed after it (如“XX局”、“XX办”) are samples too.

Why: a leftover "XX" on a government site is
embarrassing and hides a missing fact.

Bad:  已完成资产清查，XX项资产正在办理权属登记。
Good: 已完成资产清查，12项资产正在办理权属登记，当事人胡某某已退赔。
Bad:  于20XX年X月X日召开专题会议（待补充）。
Good: 于2025年7月17日召开专题会议，XL型号设备已送检，“〔...〕”指标完成率达92%。
Bad:  市委第X轮巡察反馈问题共X个。
Good: 采购X光机2台，PM2.5浓度下降，成文日期为二○二五年十月十六日。
Bad:  印发了“关于XX单位整改的通知”。
Good: 文件标题写明事项，如“关于XX单位整改的通知”。
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import chain

from rectlint import patterns
from rectlint.conventions.frame import FRAME_ANY, FRAME_KEYS
from rectlint.finding import Hit
from rectlint.messages import say

DOC_ZH = """未填写的占位符：X月X日、20XX年、第X轮、XX同志、共X个、○○局、□□□、（待补充）、TODO。

查出从未填写的模板文字。占位符是站在应当写出数值的位置上的一串 X、x、×、Ｘ、○、〇、□
（及╳、✕等）：数字或数量（共X个、X项、1X人）、序数（第X轮、第X巡察组）、日期的一部分（X月X日、
20XX年、2025年X月）或名称（XX同志、○○局、《××条例》：通报引用的都是真实文件，书名号里也是名称）。
站在这种位置上，一个字母也算。还查给起草人的括注（（待补充）、（待定）、【此处补充…】、【请填写…】）
以及 TODO/TBD/FIXME。

以下不是占位符：“某”“某某”（唐某、胡某某、某医疗机构）和姓氏后的“×”（张××），这是有意的匿名处理；
原有名称或数字处的省略号，无论是否加括号（〔...〕、【……】、（……）），是标示省略的符号（GB/T 15834-2011 4.11），
发布者用它隐去原文内容，模板留空则是一串占位符号或给起草人的括注；
单词、编号和地址中的字母（PM2.5、XL型、ABX-XX1、xxwj@example.cn）；X光、X射线、X线、X刀等固定说法；
数字之间的“×”（3×4，乘号或尺寸）；汉字数字中的○或〇（二○二五年、一○一室，是零的异体写法，属于日期
格式问题）；行首或选项前的□、○（□是 □否，项目符号或复选框）；举例或说明格式的词后面引号里的样例
（如“关于XX单位的通知”、格式为“XX〔2025〕X号”）：讲通报怎么写的文字是在提到空位，不是留下空位。
引号须紧跟在这个词后面（中间可有冒号），其后并列的样例（如“XX局”、“XX办”）也算样例。

依据：政府网站上残留的“XX”有损形象，也说明缺了一项事实。
"""

ID = "placeholder"
CATEGORY = "placeholder"
SEVERITY = "error"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}
FRAME = True  # it reads a draft's lines before its title; _lines leaves a web page's frame out

_MARK = "Xx×○〇□╳✕"  # Ｘ is X in the folded text
# A placeholder mark; the token around it (letters, digits and marks run together: 20XX,
# ABX-XX1) is taken in by hand, since marks are rare and one plain search finds them all.
_MARK_CHAR = patterns.line_pattern(rf"[{_MARK}]")
_TOKEN_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz@_-" + _MARK)
_NOTES = patterns.line_pattern(
    r"[(【\[][^()【】\[\]\r\n]{0,6}?(?:待补充|待完善|待核实|待定|待填|请填写|请补充|此处)"
    r"[^()【】\[\]\r\n]{0,30}[)】\]]"
    r"|(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])")
_CN_DIGITS = "〇○零一二三四五六七八九"
_TERMS = ("光", "射线", "线", "刀")  # X光, X射线, X线片, X刀
# Common single-character surnames: × after one masks a name on purpose (张××).
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
                "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
_DATE_UNITS = "年月日号"
_OPTIONS = ("是", "否", "有", "无", "同意", "不同意")
# Words that introduce a sample or a form: a quotation right after one quotes a template.
_EXAMPLE = ("如", "例如", "比如", "譬如", "诸如", "格式为", "格式如", "一般为", "样式为", "写作", "写为", "写成")
_OPENING = "“‘「『"
_QUOTE = patterns.compile(r'[“”‘’「」『』"]')


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _placeholder(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the placeholder in the token text[start:end], if it is one, judged by what it
    is made of and what stands around it."""
    while text[start] in "@_-":
        start += 1  # xx日-xx月: a dash before the token joins a range, not a code
    while text[end - 1] in "@_-":
        end -= 1
    token = text[start:end]
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if any(c.isascii() and c.isalpha() and c not in "Xx" for c in token) or any(c in "@_-" for c in token):
        return None  # a word, a code, an address
    if before.isascii() and before.isalpha() or after.isascii() and after.isalpha():
        return None
    if before == " " and start >= 2 and text[start - 2].isascii() and text[start - 2].isalpha():
        return None  # iPhone X
    marks = [c for c in token if c in _MARK]
    date_part = after != "" and after in _DATE_UNITS
    if not date_part and set(marks) <= set("×x") and (
            token[0].isdigit() and token[-1].isdigit() or len(token) == 1 and (before.isdigit() or after.isdigit())):
        return None  # 3×4, 2x2: a product or a size (2×25年 is a year left open)
    if set(token) <= set("○〇"):
        # Inside a Chinese numeral (二○二五年, 一○一): a zero, not a placeholder.
        lo, hi = start, end
        while lo > 0 and text[lo - 1] in _CN_DIGITS:
            lo -= 1
        while hi < len(text) and text[hi] in _CN_DIGITS:
            hi += 1
        run = text[lo:hi]
        if any(c not in "○〇" for c in run) and (len(run) >= 3 or text[hi:hi + 1] == "年"):
            return None
    if token[0] in "X" and len(marks) == 1 and text.startswith(_TERMS, end):
        return None
    if set(token) <= set("×") and len(token) <= 2 and before in _SURNAMES and (
            start < 2 or not _is_cjk(text[start - 2]) or text[start - 2] in "长任记员"):
        return None  # 张××, 局长王×: masked on purpose
    if len(token) == 1 and token in "□○" and (before in ("", "\n", " ", "\t") or after == " ") and (
            after == " " or text.startswith(_OPTIONS, end) or before in ("", "\n")):
        return None  # □是 □否, a bullet
    # Where it stands: a value's place (a unit, an ordinal, a date, a name around it), or a run.
    if len(marks) >= 2 or _is_cjk(before) or _is_cjk(after) or date_part or any(c.isdigit() for c in token):
        return start, end
    return None


def _quotes(text: str, lo: int, hi: int) -> tuple[list, list]:
    """The places of the quotation marks of text[lo:hi], in order, and for each whether it
    opens a quotation ('"' opens when an even number of them stand before it)."""
    places, opens, plain = [], [], 0
    for m in _QUOTE.finditer(text, lo, hi):
        c = m.group()
        places.append(m.start())
        if c == '"':
            opens.append(plain % 2 == 0)
            plain += 1
        else:
            opens.append(c in _OPENING)
    return places, opens


def _sample(text: str, start: int, lo: int, quotes: tuple[list, list], known: dict) -> bool:
    """Whether text[start] stands inside a quotation, on the line beginning at `lo` whose
    quotation marks are `quotes` (_quotes), that follows a word introducing a sample (如“…”), or
    a list of them (如“…”、“…”). Each look is a search among the marks, never a walk along the
    line, and each quotation is judged once (`known`: its opening mark's index -> the answer):
    a line of ten thousand XX, or of samples listed, is read in one pass."""
    places, opens = quotes
    k = bisect_left(places, start) - 1
    if k < 0 or not opens[k]:
        return False  # not inside a quotation
    chain = []
    answer = False
    while True:
        if k in known:
            answer = known[k]
            break
        chain.append(k)
        at = places[k]  # the quotation's opening mark
        while at > lo and text[at - 1] == ":":
            at -= 1
        if any(text.endswith(word, lo, at) for word in _EXAMPLE):
            answer = True
            break
        # Another sample before this one: “…”、“…” or “…”或“…”: its closing mark, then the
        # nearest opening mark before it.
        if at - 2 < lo or text[at - 1] not in "、,或和" or k < 1 or places[k - 1] != at - 2 or opens[k - 1]:
            break
        k -= 2
        while k >= 0 and not opens[k]:
            k -= 1
        if k < 0:
            break
    for k in chain:
        known[k] = answer
    return answer


def _lines(doc):
    """The lines to read. A draft's lines before its title (公告2025年第2号, the date of issue) are
    its own; only a web page's frame (menus, 发布时间, a close button ×) is not the notice's text."""
    outline, folded = doc.outline, doc.folded
    title = outline.title
    if doc.kind == "html" or title is None:
        return doc.body_lines()
    before = [line for line in doc.lines[:title.number - 1] if not line.blank]
    if any(n > title.number for n in outline.frame) or any(
            FRAME_KEYS.match(folded, line.start, line.end) or FRAME_ANY.search(folded, line.start, line.end)
            for line in before):
        return doc.body_lines()  # a page, or a text copy of one
    return doc.line_list(chain(before, doc.body_lines()))  # of a long draft, no list of its every line


def check(doc, options):
    text = doc.folded
    lines = _lines(doc)
    for number, found in doc.matches(_MARK_CHAR, lines).items():
        tokens = []
        for m in found:
            if tokens and m.start() < tokens[-1][1]:
                continue  # inside the token before
            a, b = m.start(), m.end()
            while a > 0 and text[a - 1] in _TOKEN_CHARS:
                a -= 1
            while b < len(text) and text[b] in _TOKEN_CHARS:
                b += 1
            tokens.append((a, b))
        spans = [span for span in (_placeholder(text, a, b) for a, b in tokens) if span]
        if spans:
            line = doc.lines[number - 1]
            quotes, known = _quotes(text, line.start, line.end), {}
            spans = [span for span in spans if not _sample(text, span[0], line.start, quotes, known)]
        # X月X日, 20XX年: a date's placeholders and their units are one finding.
        merged = []
        for a, b in spans:
            if b < len(text) and text[b] in _DATE_UNITS:
                b += 1
            if merged and merged[-1][1] == a and text[a - 1] in _DATE_UNITS:
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        for a, b in merged:
            yield Hit(a, b, **say("placeholder", written=doc.text[a:b]))
    for found in doc.matches(_NOTES, lines).values():
        for m in found:
            yield Hit(m.start(), m.end(), **say("placeholder", written=doc.text[m.start():m.end()]))
