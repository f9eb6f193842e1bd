"""Status family: the completion status of each problem item, in every form a notice gives it.

Mentions are the status words of the items of a clean notice: a labelled line's value
(整改结果：已完成整改), an inline status after a measures label (整改情况：已完成。…), a tag on the
heading (【已完成】) and a status sentence (目前，该问题已整改完成。, without its time phrase).

A proofreader reads the edited status again, in its place:
- it no longer reads as a status (已完整改, 已已完成, 已完。成整改, a label glued to it): broken;
- it reads, but says the work is both done and still planned (已完成，计划年底前完成): broken;
- it reads as done while its measures speak of unfinished or planned work: broken (the finding
  may stand on the status or on those words);
- the summary counts no longer agree with the items' statuses (已完成 → 未完成 where the lead
  says 已完成整改3个): broken (on the status or on the counts);
- it is open or partial and its own deadline has passed at the 截至 point or the 成文日期:
  style (an info finding is due: 逾期未完成);
- otherwise ok (已完成整改 → 完成整改, or 未完成整改 in a notice with no counts to contradict).

Variants re-state every status of a notice in the other forms (labelled line, inline, sentence,
tag), built from the grammar (subject x aspect x predicate) within the same class, so the counts
and measures stay true: none may draw an error or warning.
"""

from __future__ import annotations

import regex

from . import _notice as N

NAME = "status"
# Characters of the status grammar: aspects, predicates, subjects.
ALPHABET = "已未尚正在仍持续基本全部阶段性初步逐长期完成整改到位办结销号推进落实毕解决坚立行中该此项问题这工作需"
INSERTS = "已未不正在中完成整改，。、"


def mentions(text: str) -> list[tuple[int, int]]:
    n = N.notice(text)
    if not N.counts_consistent(n):
        return []
    out = []
    for it in n.items:
        s = it.status
        if s is not None and s.reading is not None and not s.reading.contradiction:
            out.append(N.status_span(s))
    return out


_DOUBLED = regex.compile(r"[，。、；：,;:][，。、；：,;:]")


def judge(new_text, span, old_text, old_span):
    old = N.notice(old_text)
    i, item = old.item_at(old_span[0])
    new = N.notice(new_text)
    if item is None or len(new.items) != len(old.items):
        return "broken"
    new_item = new.items[i]
    s = new_item.status
    old_s = item.status
    # The edited words must still be the item's status, in the same form, whole: a status that
    # now stops short of them (此项已。完成整改) or takes in a neighbour (已：完成) is garbled.
    expected = tuple(span)
    if new_text[span[1] - 1:span[1]] in ("。", ".") and new_text[:span[1] - 1] + new_text[span[1]:] == old_text:
        expected = (span[0], span[1] - 1)  # 整改状态：完成 → 完成。: a full stop closing the status
    # (目前正在整改 → 目前，正在整改 adds to the time phrase, which the mention leaves out.)
    if s is None or s.reading is None or s.form != old_s.form or not (
            s.start <= expected[0] and N.status_span(s)[1] == expected[1]
            and (s.form == "sentence" or N.status_span(s)[0] == expected[0])):
        return "broken"
    if len(_DOUBLED.findall(new_text)) > len(_DOUBLED.findall(old_text)):
        return "broken"  # 已完成。。: a doubled mark
    r = s.reading
    here = N.status_span(s)
    if r.contradiction:
        return "broken"
    if r.klass == "done" and old_s.reading.klass != "done":
        for lo, hi in new_item.measures(new_text):
            m = N.UNFINISHED.search(new_text, lo, hi)
            if m:
                return "broken", [here, m.span()]
    if not N.counts_consistent(new):
        return "broken", [here, *new.counts.spans()]
    if r.klass in ("open", "partial"):
        ref = new.reference_date()
        late = [where for day, where in N.deadlines(new_text, new_item.start, new_item.end) if day < ref] \
            if ref is not None else []
        if late:
            return "style", [here, *late]  # 逾期未完成: due on the status or on the deadline
    return "ok"


# -- variants: the same statuses, said in the other forms -----------------------------------------

# Per bucket: (label values, sentences, tags), each a list to rotate through.
_SAY = {
    "done": (["已完成整改", "已整改到位", "整改完毕", "已办结"],
             ["目前，该问题已整改完毕。", "此项整改已完成。", "这一问题已全部整改到位。", "该项已办结。"],
             ["已完成", "已整改到位", "已办结", "已销号"]),
    "基本": (["基本完成", "已基本完成整改", "基本整改到位"],
             ["此项已基本完成整改，需长期坚持。", "目前，该问题已基本整改到位。", "该项基本完成整改。"],
             ["基本完成", "基本整改到位", "已基本完成"]),
    "阶段性": (["阶段性完成", "已阶段性完成整改", "阶段性完成整改"],
               ["目前，该问题已阶段性完成整改。", "此项阶段性完成，需持续推进。", "该项整改已阶段性完成。"],
               ["阶段性完成", "已阶段性完成"]),
    "初步": (["初步完成"], ["此项已初步完成整改。"], ["初步完成"]),
    "ongoing": (["正在整改", "持续整改", "正在推进"],
                ["目前正在持续整改中。", "该问题正在整改中。", "此项整改正在推进。"],
                ["正在整改", "整改中", "持续推进"]),
    "long": (["长期坚持", "需长期坚持"], ["此项需长期坚持。", "该问题需长期坚持。"], ["长期坚持"]),
    "not": (["未完成", "尚未完成"], ["该问题尚未完成整改。"], ["未完成"]),
}
_LABELS = ["整改结果", "整改状态", "完成情况", "整改进展"]


def _remove(text, item, status):
    """The notice without the item's status (and its label, or its tag brackets, or its sentence)."""
    a, b = status.start, status.end
    if status.form == "line":
        line_lo = text.rfind("\n", 0, a) + 1
        label = regex.compile(rf"(?:\*\*)?{N.STATUS_LABEL}(?:\*\*)?[：:](?:\*\*)?").search(text, line_lo if line_lo >= item.start else item.start, a)
        lo = label.start()
        hi = b
        if hi < len(text) and text[hi] in "。":
            hi += 1
        line_hi = text.find("\n", hi)
        line_hi = len(text) if line_hi < 0 else line_hi
        if lo == line_lo and not text[hi:line_hi].strip(" *"):
            # A line of its own: drop the line (and one blank line after it, if any).
            end = line_hi + 1
            if text.startswith("\n", end) and text[lo - 2:lo] == "\n\n":
                end += 1
            return text[:lo] + text[end:]
        return text[:lo] + text[hi:]
    if status.form == "tag":
        lo, hi = a - 1, b + 1
        return text[:lo] + text[hi:]
    if status.form == "inline":
        hi = b + 1 if b < len(text) and text[b] in "。" else b
        return text[:a] + text[hi:]
    # sentence
    hi = b + 1 if b < len(text) and text[b] == "。" else b
    lo = a
    return text[:lo] + text[hi:]


def _own_line(text, item):
    """Whether the heading stands on a line of its own (the body follows on other lines)."""
    stop = regex.compile(r"[。;；]").search(text, item.start, item.line_end)
    return stop is None or not text[stop.end():item.line_end].strip(" *")


def _render(text, n, form, k, fmt):
    """The notice with every status said in `form`, picking the k-th wording of each bucket."""
    items = [it for it in n.items if it.status is not None and it.status.reading is not None]
    if not items or len(items) != len(n.items):
        return None
    out = text
    # From the last item to the first, so offsets before stay valid.
    for j, it in reversed(list(enumerate(items))):
        s = it.status
        words = _SAY[s.reading.bucket]
        cut = _remove(out, it, s)
        shift = len(out) - len(cut)
        end = it.end - shift if s.start < it.end else it.end
        head_end = it.line_end - (shift if s.start < it.line_end else 0)
        pick = (j + k)
        if form == "line":
            value = words[0][pick % len(words[0])]
            label = _LABELS[k % len(_LABELS)]
            colon = "：" if "：" in text or ":" not in text else ":"
            if _own_line(cut, _Span(it.start, head_end)):
                sep = "\n\n" if fmt == "md" or "\n\n" in text[it.start:it.end] else "\n"
                out = cut[:head_end] + f"{sep}{label}{colon}{value}" + cut[head_end:]
            else:
                stop = regex.compile(r"[。;；]").search(cut, it.start, head_end)
                at = stop.end() if stop else head_end
                out = cut[:at] + f"{label}{colon}{value}。" + cut[at:]
        elif form == "inline":
            value = words[0][pick % len(words[0])]
            label = regex.compile(rf"{N.MEASURE_LABEL}[：:]").search(cut, it.start, end)
            if label is None:
                return None
            at = label.end()
            out = cut[:at] + f"{value}。" + cut[at:]
        elif form == "sentence":
            sentence = words[1][pick % len(words[1])]
            if "，" not in text and "," in text:
                sentence = sentence.replace("，", ",")  # the notice's own comma
            body_end = end
            while body_end > it.start and cut[body_end - 1] in "\n ":
                body_end -= 1
            if cut[body_end - 1] not in "。":
                return None
            out = cut[:body_end] + sentence + cut[body_end:]
        elif form == "tag":
            if not _own_line(cut, _Span(it.start, head_end)):
                return None
            value = words[2][pick % len(words[2])]
            at = head_end
            tail = ""
            if cut[it.start:head_end].rstrip().endswith("**"):
                at = cut.rstrip().rfind("**", it.start, head_end)
            if fmt != "md" and "(" in text and "（" not in text:
                out = cut[:at] + f"({value})" + tail + cut[at:]
            else:
                out = cut[:at] + f"【{value}】" + tail + cut[at:]
    return out


class _Span:
    def __init__(self, start, line_end):
        self.start, self.line_end = start, line_end


def variants(text: str, fmt: str):
    n = N.notice(text)
    if not n.items or not N.counts_consistent(n):
        return
    for form in ("line", "inline", "sentence", "tag"):
        for k in (0, 1):
            new = _render(text, n, form, k, fmt)
            if new is not None and new != text:
                yield f"{form}/{k}", new
