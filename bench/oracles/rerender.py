"""Whole-notice variants: each clean corpus notice re-rendered in other house styles.

Every variant says the same things as the notice it comes from, in another form that published
notices use, so it is as clean and consistent as the original: a rule that flags a variant (and
not the original) misreads a legitimate form. The forms re-rendered:

- statuses: a labelled line (整改状态：已完成), inline at the head of the measures (整改情况：已完成。),
  a closing sentence (目前，该问题已整改完成。) or a tag on the problem heading (【已完成】);
- item markers: （一） / 1. / 1、 / 问题1： / 问题一： / 第一，, keeping each item's number (so numbering
  that runs on across groups still runs on);
- punctuation width: full-width ，：；（）！？ written half-width throughout, or the reverse;
- the supervision block: labels (联系电话：…；邮政地址：…) written as sentences (来电请拨…；来信请寄…)
  or one label per line.

A notice whose statuses or items cannot all be read with certainty gives no variant of that kind:
a variant must never be a guess. Written apart from the rules: nothing here imports rectlint.
"""

from __future__ import annotations

import re

NAME = "rerender"

CN = "〇一二三四五六七八九十"


def cn_number(n: int) -> str:
    if n <= 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n - 10] if n > 10 else "")
    tens, ones = divmod(n, 10)
    return CN[tens] + "十" + (CN[ones] if ones else "")


def from_cn(s: str) -> int | None:
    if not s or any(c not in CN for c in s):
        return None
    if "十" not in s:
        return CN.index(s) if len(s) == 1 else None
    head, _, tail = s.partition("十")
    return (CN.index(head) if head else 1) * 10 + (CN.index(tail) if tail else 0)


# -- item markers ---------------------------------------------------------------------------

CNUM = "[一二三四五六七八九十]+"
STYLES = {
    "cn_paren": (re.compile(rf"^（({CNUM})）"), lambda n: f"（{cn_number(n)}）"),
    "arabic_dot": (re.compile(r"^(\d+)[.．]"), lambda n: f"{n}."),
    "arabic_dun": (re.compile(r"^(\d+)、"), lambda n: f"{n}、"),
    "problem_n": (re.compile(r"^问题(\d+)[：:]"), lambda n: f"问题{n}："),
    "problem_cn": (re.compile(rf"^问题({CNUM})[：:]"), lambda n: f"问题{cn_number(n)}："),
    "di": (re.compile(rf"^第({CNUM})，"), lambda n: f"第{cn_number(n)}，"),
}
TOP = re.compile(rf"^{CNUM}、")


def marker(line: str):
    """(style, number, marker length) of an item marker opening the line, or None."""
    for style, (rx, _) in STYLES.items():
        m = rx.match(line)
        if m:
            num = m.group(1)
            n = int(num) if num.isdigit() else from_cn(num)
            if n:
                return style, n, m.end()
    return None


# -- statuses -------------------------------------------------------------------------------

# canonical status -> (label word, closing sentence)
CANON = {
    "done": ("已完成", "目前，该问题已整改完成。"),
    "staged": ("阶段性完成", "目前，该问题已阶段性完成整改。"),
    "basic": ("基本完成", "此项已基本完成整改，需长期坚持。"),
    "ongoing": ("正在整改", "目前，该问题正在整改中。"),
    "long": ("长期坚持", "此项需长期坚持。"),
    "closed": ("已办结", "该问题已办结。"),
}
WORDS = {
    "已完成整改": "done", "已完成": "done", "已整改到位": "done", "已整改完成": "done", "完成": "done",
    "阶段性完成": "staged", "基本完成": "basic", "正在整改": "ongoing", "持续整改": "ongoing",
    "长期坚持": "long", "已办结": "closed",
}
WORD_ALT = "|".join(sorted(WORDS, key=len, reverse=True))
LABEL_LINE = re.compile(rf"^(?:整改结果|整改状态|整改进度|整改进展|完成情况|整改完成情况)[：:]\s*({WORD_ALT})[。.]?\s*$")
INLINE = re.compile(rf"(整改(?:落实)?情况[：:])({WORD_ALT})[。.]")
TAG = re.compile(rf"[【（(]({WORD_ALT})[】）)]\s*$")
SENTENCES = {
    "此项已完成整改。": "done", "该问题已完成整改。": "done", "目前，该问题已整改完成。": "done",
    "目前，该问题已整改到位。": "done", "该问题已整改到位。": "done", "该问题已整改完成。": "done",
    "目前正在持续整改中。": "ongoing", "此项已基本完成整改，需长期坚持。": "basic",
    "目前该问题正在整改。": "ongoing",
}


class Item:
    def __init__(self, head: int, end: int, style: str, number: int, mlen: int):
        self.head, self.end, self.style, self.number, self.mlen = head, end, style, number, mlen
        self.status = self.form = self.where = None   # canonical status, form, (line, span)


def read_status(lines: list[str], item: Item) -> bool:
    found = []
    for i in range(item.head, item.end):
        line = lines[i]
        m = LABEL_LINE.match(line)
        if m:
            found.append(("label", WORDS[m.group(1)], i, (0, len(line))))
        for m in INLINE.finditer(line):
            found.append(("inline", WORDS[m.group(2)], i, (m.start(2), m.end())))
        if i == item.head:
            m = TAG.search(line)
            if m:
                found.append(("tag", WORDS[m.group(1)], i, (m.start(), len(line))))
        for sent, canon in SENTENCES.items():
            if line.rstrip().endswith(sent):
                start = len(line.rstrip()) - len(sent)
                found.append(("sentence", canon, i, (start, len(line))))
    if len(found) != 1:
        return False
    item.form, item.status, line_no, span = found[0]
    item.where = (line_no, span)
    return True


def block_end(lines: list[str], head: int) -> int:
    """End of the item opened at head: the first blank line after some text of its own (a blank
    line right under the heading does not end it), a section heading or another item marker."""
    seen_text = False
    for j in range(head + 1, len(lines)):
        line = lines[j]
        if TOP.match(line) or marker(line):
            return j
        if not line.strip():
            if seen_text:
                return j
        else:
            seen_text = True
    return len(lines)


def find_items(lines: list[str]) -> list[Item] | None:
    """The problem items: the one marker style whose every block states exactly one status."""
    best = None
    for style in STYLES:
        heads = [(i, *marker(l)[1:]) for i, l in enumerate(lines) if (marker(l) or ("",))[0] == style]
        if len(heads) < 2:
            continue
        items = []
        for k, (i, n, mlen) in enumerate(heads):
            items.append(Item(i, block_end(lines, i), style, n, mlen))
        if all(read_status(lines, it) for it in items):
            if best is None or len(items) > len(best):
                best = items
    return best


def drop_status(lines: list[str], item: Item) -> list[str]:
    """The item's lines without its status (a label line removed, a tag or phrase cut out)."""
    out = list(lines)
    i, (s, e) = item.where
    if item.form == "label":
        out[i] = None
    else:
        text = out[i][:s] + out[i][e:]
        if item.form == "inline":
            text = re.sub(r"(整改(?:落实)?情况[：:])\s*$", "", text)
        text = text.rstrip()
        out[i] = text if text.strip() else None
    return out


def last_text_line(lines, item) -> int:
    for j in range(item.end - 1, item.head - 1, -1):
        if lines[j] and lines[j].strip():
            return j
    return item.head


def render(lines: list[str], items: list[Item], form: str) -> str | None:
    out = list(lines)
    inserts = {}  # line index -> lines to insert after it
    for it in items:
        out = drop_status(out, it)
    for it in items:
        word, sentence = CANON[it.status]
        head = out[it.head]
        if head is None:
            return None
        if form == "label":
            inserts.setdefault(it.head, []).append(f"整改状态：{word}")
        elif form == "tag":
            if "整改" in head[it.mlen:] or len(head) > 60:
                return None  # the heading carries the measures too: a tag would sit after them
            out[it.head] = head + f"【{word}】"
        elif form == "sentence":
            j = last_text_line(out, it)
            out[j] = out[j].rstrip() + sentence
        elif form == "inline":
            for j in range(it.head, it.end):
                if out[j] is not None and re.match(r"^整改(?:落实)?情况[：:]", out[j]):
                    out[j] = re.sub(r"^(整改(?:落实)?情况[：:])", rf"\g<1>{word}。", out[j])
                    break
            else:
                nxt = next((j for j in range(it.head + 1, it.end) if out[j] and out[j].strip()), None)
                if nxt is None or re.match(r"^(整改措施|整改情况|问题表现)[：:]", out[nxt]):
                    return None
                out[nxt] = f"整改情况：{word}。" + out[nxt]
    result = []
    for i, line in enumerate(out):
        if line is not None:
            result.append(line)
        result.extend(inserts.get(i, []))
    return "\n".join(result)


def status_variants(text: str):
    lines = text.split("\n")
    items = find_items(lines)
    if not items:
        return
    current = {it.form for it in items}
    for form in ("label", "inline", "sentence", "tag"):
        if current == {form}:
            continue
        new = render(lines, items, form)
        if new and new != text:
            yield f"status:{form}", new


def item_variants(text: str):
    lines = text.split("\n")
    items = find_items(lines)
    if not items:
        return
    style = items[0].style
    # the top-level section holding the items: another line there in the target style would clash
    first, last = items[0].head, items[-1].end
    top = max((i for i in range(first) if TOP.match(lines[i])), default=0)
    others = [l for i, l in enumerate(lines[top:last], top) if i not in {it.head for it in items}]
    for target, (rx, make) in STYLES.items():
        if target == style or any(rx.match(l) for l in others):
            continue
        out = list(lines)
        for it in items:
            out[it.head] = make(it.number) + out[it.head][it.mlen:]
        yield f"items:{target}", "\n".join(out)


# -- punctuation width ----------------------------------------------------------------------

FULL2HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"})
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”《》]")


def to_full(text: str) -> str:
    text = re.sub(r"\(([^()\n]*)\)", lambda m: f"（{m.group(1)}）" if CJK.search(m.group(1)) else m.group(0), text)
    text = re.sub(r"(?<![0-9A-Za-z/]):(?![0-9/])|(?<=[^\x00-\x7f]):(?=\d)", "：", text)
    return text.replace(",", "，").replace(";", "；").replace("!", "！").replace("?", "？")


def punctuation_variants(text: str):
    full = sum(text.count(c) for c in "，：；（）")
    half = sum(text.count(c) for c in ",:;()")
    if full > half:
        yield "punct:half", text.translate(FULL2HALF)
    elif half:
        yield "punct:full", to_full(text)


# -- the supervision block ------------------------------------------------------------------

VERBS = [
    (r"联系电话|监督电话|举报电话|电话", "来电请拨{}"),
    (r"邮政地址|通信地址|通讯地址|地址", "来信请寄{}"),
    (r"电子邮箱|电子信箱|邮箱", "电子邮件请发至{}"),
    (r"邮政编码|邮编", "邮编{}"),
    (r"来访地址|来访接待地点", "来访请到{}"),
]
LABEL = re.compile(r"(联系电话|监督电话|举报电话|邮政地址|通信地址|通讯地址|电子邮箱|电子信箱|邮政编码|来访地址|来访接待地点)[：:]")


def supervision_variants(text: str, fmt: str):
    if fmt != "txt":
        return
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = LABEL.search(line)
        if not m or "邮" not in line[m.start():]:
            continue
        prefix, rest = line[:m.start()], line[m.start():].rstrip()
        if not prefix.endswith(("。", ":", "：")) or not rest.endswith(("。", ".")):
            return
        segs = [s for s in re.split(r"[；;]", rest.rstrip("。.")) if s]
        pairs = []
        for seg in segs:
            lab, sep, val = re.split(r"([：:])", seg, maxsplit=1) if re.search(r"[：:]", seg) else (seg, "", "")
            if not sep or not LABEL.match(lab + "："):
                return
            pairs.append((lab, sep, val))
        verbs = []
        for lab, _, val in pairs:
            form = next(f for rx, f in VERBS if re.fullmatch(rx, lab))
            verbs.append(form.format(val))
        semi = "；" if "；" in rest else ";"
        yield "supervision:sentences", "\n".join(lines[:i] + [prefix + semi.join(verbs) + "。"] + lines[i + 1:])
        yield "supervision:lines", "\n".join(lines[:i] + [prefix.rstrip()] + [lab + sep + val for lab, sep, val in pairs]
                                             + lines[i + 1:])
        return


def variants(text: str, fmt: str):
    yield from status_variants(text)
    yield from item_variants(text)
    yield from punctuation_variants(text)
    yield from supervision_variants(text, fmt)
