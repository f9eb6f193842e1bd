"""The outline of a notice: frame, title, headings, items, runs, closing parts.

Everything here reads `Document.folded`, so full- and half-width forms are
one pattern, and every offset found is an offset in the original text.
The vocabulary (status words, labels) lives in `rectlint.conventions`.
"""

from __future__ import annotations

import bisect
from functools import cached_property

from . import patterns
from .record import Record
from .conventions.frame import CONTACT as _CONTACT, FRAME_ANY as _FRAME_ANY, FRAME_KEYS as _FRAME_KEYS
from .conventions.frame import SUPERVISION as _SUPERVISION
from .conventions.status import (ANY_LABEL, MEASURE_LABEL, STATUS_AFTER_LABEL, STATUS_LABEL, STATUS_TAG,
                                  sentence_term, status_sentences)
from .conventions.dates import DATE_LINE
from .conventions.markers import BROKEN, HEADINGS, MARKER_START, RUN_MARKER, RUN_ORDER
from .text import cn_to_int

# A heading is short and has no comma (a status tag or Markdown emphasis may close it); a
# paragraph that happens to start with a numeral is not.
_HEADING_LIKE = patterns.compile(r"[^,;。]{2,30}。?\s*(?:【[^】]*】|\([^)]*\))?\s*(?:\*\*|__)?\s*$")

_MARKUP = r"(?:#{1,6}\s+|[-*]\s+)?(?:\*\*|__)?"  # Markdown before a heading's marker
# What str.isspace skips (\s and the four information separators), then the Markdown.
_CONTENT = patterns.compile(r"[\s\x1c-\x1f]*" + _MARKUP)
_SENTENCE_STOP = patterns.compile(r"[。;]")
_TITLE_WORDS = patterns.compile(r"整改|通报|报告|情况")
_PROBLEMS_SECTION = patterns.compile(r"问题|反馈意见|整改落实|整改情况")


class Heading(Record):
    """A numbered heading (一、（一）1.) with its body lines and sub-headings."""

    # Compared and hashed by identity; shown without parent and children, which would recurse.
    FIELDS = ("line", "level", "number", "style", "marker_start", "marker_end", "broken", "sub_number", "status")
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def __init__(self, line, level: int, number: int | None, style: str, marker_start: int, marker_end: int,
                 broken: str | None = None, sub_number: int | None = None, parent: Heading | None = None):
        self.line = line
        self.level = level
        self.number = number
        self.style = style
        self.marker_start = marker_start
        self.marker_end = marker_end
        self.broken = broken  # None, lost-open, lost-close, lost-numeral, glued
        self.sub_number = sub_number
        self.parent = parent
        self.children: list = []
        self.body: list = []  # non-blank lines until the next heading
        self.status: Status | None = None  # set on problem items

    def measure_spans(self) -> list[tuple[int, int]]:
        """(start, end) of the text that reports what was done: the body lines, and on the
        heading's own line or the status line only what follows the status (the problem
        statement before it may well say 尚未)."""
        status = self.status
        spans = []
        if status is not None and status.line is self.line:
            spans.append((status.end, self.line.end))
        for line in self.body:
            if status is not None and line is status.line:
                spans.append((status.end, line.end))
            else:
                spans.append((line.start, line.end))
        return spans

    @property
    def marker(self) -> str:
        return self.line.text[self.marker_start - self.line.start:self.marker_end - self.line.start]

    def descendants(self):
        for child in self.children:
            yield child
            yield from child.descendants()


class Status(Record):
    """Where an item states how far its rectification got."""

    FIELDS = ("text", "start", "end", "form", "line")

    def __init__(self, text: str, start: int, end: int, form: str, line):
        self.text = text  # the status words as written, e.g. 已完成整改
        self.start = start
        self.end = end
        # "line" (整改结果：…), "inline" (整改情况：已完成。…), "tag" (…【已完成】), or "sentence"
        # (目前，该问题已整改完成。), whose text is then the vocabulary term it stands for.
        self.form = form
        self.line = line


class RunMarker(Record):
    """An in-paragraph ordinal: 一是, 第一，, 首先."""

    FIELDS = ("number", "scheme", "start", "end")

    def __init__(self, number: int | None, scheme: str, start: int, end: int):
        self.number = number
        self.scheme = scheme  # "shi" (一是), "di" (第一，), "order" (首先/其次/最后)
        self.start = start
        self.end = end


class Run(Record):
    """A paragraph's in-paragraph ordinals, in order."""

    FIELDS = ("paragraph", "markers")

    def __init__(self, paragraph, markers: list):
        self.paragraph = paragraph
        self.markers = markers


class Outline(Record):
    """A notice's parts: frame, title, lead, numbered headings, signature and date."""

    FIELDS = ("frame", "title", "lead", "root", "items_section", "items", "supervision", "signature",
              "date_line", "runs", "page")

    def __init__(self, frame: set, title, lead: list, root: Heading, items_section: Heading | None, items: list,
                 supervision: list, signature: list, date_line, runs: list, page: bool = False):
        self.frame = frame
        self.title = title  # Line, or None
        self.lead = lead  # Lines between the title and the first heading
        self.root = root
        self.items_section = items_section
        self.items = items  # Heading leaves that carry a problem
        self.supervision = supervision  # Lines
        self.signature = signature  # Lines naming the issuing body
        self.date_line = date_line  # Line holding the 成文日期, or None
        self.runs = runs
        self.page = page  # a web page (or a text copy of one that shows the page's frame), not a draft

    @cached_property
    def headings(self) -> list:
        """Every heading in document order; the tree is complete once the Outline exists."""
        return list(self.root.descendants())

    @cached_property
    def _heading_lines(self) -> list[int]:
        return [h.line.number for h in self.headings]

    def heading_at(self, number: int) -> "Heading | None":
        """The last heading on or before line `number`: the one that line stands under."""
        i = bisect.bisect_right(self._heading_lines, number) - 1
        return self.headings[i] if i >= 0 else None

    @cached_property
    def summary_lines(self) -> list:
        """Lines before the problem items, in order: the lead and the organising section,
        where a notice states its totals (反馈M个问题，已完成X个)."""
        first_item = self.items[0].line.number if self.items else None
        lines = list(self.lead)
        for h in self.headings:
            if first_item is not None and h.line.number >= first_item:
                break
            if self.items_section is not None and h is self.items_section:
                break
            lines.append(h.line)
            lines.extend(h.body)
        return sorted(lines, key=lambda line: line.number)


def _strip_offset(line) -> int:
    """Offset where the line's content starts: after spaces and Markdown '#', '-', '**'."""
    return line.start + _CONTENT.match(line.text).end()


def _is_frame_line(doc, line) -> bool:
    text = doc.folded[line.start:line.end]
    return bool(_FRAME_KEYS.match(text) or _FRAME_ANY.search(text))


def _find_title(doc, lines):
    for line in lines[:12]:
        text = doc.folded[line.start:line.end].strip()
        if not text or _is_frame_line(doc, line) or _match_heading(doc, line):
            continue
        if _TITLE_WORDS.search(text) and len(text) <= 120 and not text.endswith(("。", ",", ";")):
            return line
        if text.endswith("。"):
            return None
    return None


def _match_heading(doc, line):
    start = _strip_offset(line)
    text = doc.folded[start:line.end]
    if not MARKER_START.match(text):
        return None
    for pattern, level, style in HEADINGS:
        m = pattern.match(text)
        if not m:
            continue
        number = cn_to_int(m.group(1)) if "cn" in style else int(m.group(1))
        sub = int(m.group(2)) if style == "n.(n)" else None
        if style in ("(cn)", "(n)") and m.group(2):
            style += "、"
        return level, number, style, start, start + m.end(), sub
    return None


class _Builder:
    def __init__(self, doc):
        self.doc = doc
        self.root = Heading(None, 0, None, "", 0, 0)
        self.stack = [self.root]
        self.levels_seen: dict[int, set] = {}
        self.last_number: dict[int, int] = {}  # across the whole document, per level

    def parent_for(self, level):
        while self.stack[-1].level >= level:
            self.stack.pop()
        return self.stack[-1]

    def expected(self, level) -> set:
        """Numbers that may come next at a level: after the local sibling, or running on."""
        parent = self.stack[-1]
        for h in reversed(self.stack):
            if h.level < level:
                parent = h
                break
        siblings = [c for c in parent.children if c.level == level]
        local = siblings[-1].number + 1 if siblings and siblings[-1].number else 1
        return {local, self.last_number.get(level, 0) + 1}

    def add(self, line, level, number, style, mstart, mend, broken=None, sub=None):
        parent = self.parent_for(level)
        h = Heading(line, level, number, style, mstart, mend, broken, sub, parent)
        parent.children.append(h)
        self.stack.append(h)
        self.levels_seen.setdefault(level, set()).add(style)
        if number is not None:
            self.last_number[level] = number
        return h

    def try_broken(self, line):
        doc = self.doc
        start = _strip_offset(line)
        text = doc.folded[start:line.end]
        if not MARKER_START.match(text) or MEASURE_LABEL.match(text) or STATUS_LABEL.match(text):
            return None
        for pattern, level, style, kind in BROKEN:
            m = pattern.match(text)
            if not m:
                continue
            if kind == "lost-numeral":
                prior = self._last_bracketed()
                if prior is None:
                    return None
                level, style = prior.level, prior.style.rstrip("、")
                number = min(self.expected(level))
            elif kind == "lost-mark":
                if not _HEADING_LIKE.match(text, m.end()):
                    return None
                number = cn_to_int(m.group(1)) if "cn" in (style or "cn") else int(m.group(1))
                candidates = [(level, style)] if style else [(2, "(cn)"), (1, "cn、")]
                level, style = next(((lv, st) for lv, st in candidates if st in self.levels_seen.get(lv, ())
                                     and number in self.expected(lv)), (None, None))
                if level is None:
                    return None
            elif kind == "glued":
                number = int(m.group(1))
                level = next((lv for lv in (4, 3) if self.levels_seen.get(lv)
                              and number in self.expected(lv)), None)
                if level is None:
                    return None
                style = sorted(self.levels_seen[level])[0]
            else:
                number = cn_to_int(m.group(1)) if "cn" in style else int(m.group(1))
                if number not in self.expected(level):
                    return None
            return self.add(line, level, number, style, start, start + m.end(), kind)
        return None

    def _last_bracketed(self):
        for h in reversed(self.stack[1:]):
            if h.style.startswith("(") or h.style.endswith(")"):
                return h
        return None


def _bare_label(doc, line) -> bool:
    """A measures label with nothing after it: "整改情况：" on a line of its own."""
    m = MEASURE_LABEL.match(doc.folded, line.start, line.end)
    return m is not None and not doc.folded[m.end():line.end].strip()


def has_label(doc, heading) -> bool:
    """Whether an item's heading line or body carries a measures or status label."""
    text = doc.folded
    if ANY_LABEL.search(text, heading.marker_end, heading.line.end):
        return True
    return any(MEASURE_LABEL.match(text, line.start, line.end) or STATUS_LABEL.match(text, line.start, line.end)
               for line in heading.body)


def _items_section(root, doc):
    """The 一、 section that lists the problems.

    It is the one whose subtree holds the most measures labels and statuses; failing
    those, the one whose heading names the problems. Without either, no section is
    taken: an overview, a procedure or a contact list is never read as problems.
    """
    best, best_score = None, 0
    for section in root.children:
        score = sum(h.status is not None or has_label(doc, h) for h in [section, *section.descendants()])
        if score > best_score:
            best, best_score = section, score
    if best is not None or not root.children:
        return best
    named = [s for s in root.children if _PROBLEMS_SECTION.search(doc.folded, s.line.start, s.line.end)]
    return named[0] if named else None


def _items(doc, scope) -> list:
    """The problem items of a section: its leaves at the level its labelled items use.

    An overview heading such as （一）总体情况 beside items numbered 1. 2. is not an item.
    """
    leaves = [h for h in scope.descendants() if not h.children]
    marked = [h for h in leaves if h.status is not None or has_label(doc, h)]
    if not marked:
        return leaves
    levels = {h.level for h in marked}
    return [h for h in leaves if h.level in levels or h in marked]


def _status(doc, heading) -> Status | None:
    from .conventions.status import GLUED_LABEL, inline_status, label_status, read, tag_status

    text = doc.folded
    for line in heading.body:
        m = STATUS_LABEL.match(text, line.start, line.end)
        found = label_status(text, m.end(), line.end) if m else None
        if found:
            # 整改结果：已整改到位。补齐…: the status ends with its sentence; measures may follow.
            return Status(doc.text[found[0]:found[1]], found[0], found[1], "line", line)
    tag = STATUS_TAG.search(text, heading.line.start, heading.line.end)
    if tag and (tag_status(tag.group("words")) or tag.group("before") or tag.group("after")):
        a, b = tag.span("words")
        a, b = tag.start("before") if tag.group("before") else a, tag.end("after") if tag.group("after") else b
        return Status(doc.text[a:b], a, b, "tag", heading.line)
    own = [(heading.line, heading.marker_end), *((line, line.start) for line in heading.body)]
    for line, start in own:
        for m in ANY_LABEL.finditer(text, start, line.end):
            # A status label mid-line (1.问题。整改结果：已完成。…): its sentence is the status.
            labelled = STATUS_LABEL.match(text, m.start(), m.end())
            found = (label_status if labelled else inline_status)(text, m.end(), line.end)
            if found:
                a, b = found
                return Status(doc.text[a:b], a, b, "inline", line)
        glued = GLUED_LABEL.search(text, start, line.end)
        if glued:
            # 整改结果已：完成: a label and its status run together.
            stop = _SENTENCE_STOP.search(text, glued.end(), line.end)
            a, b = glued.start("glued"), stop.start() if stop else line.end
            return Status(doc.text[a:b], a, b, "inline", line)
    for line, start in reversed(own):
        found = list(status_sentences(text, start, line.end))
        if found:
            _, _, a, b = found[-1]
            # A sentence that reads stands for its vocabulary term; a garbled one is quoted.
            return Status(sentence_term(text[a:b]) if read(text[a:b]) else doc.text[a:b], a, b, "sentence", line)
    return None


# 一是/二是…, 第一，/第二，…, 首先/其次/最后. The look-behind keeps words such as 统一是 and 唯一是 out.
# 第三、第五巡察组 and 第四、五巡察组 list ordinals of a name; they are not an enumeration.
def _runs(doc, paragraphs, headings):
    """The enumeration markers of each paragraph, other than a heading's own (第一，关于…问题)."""
    taken = {h.marker_start for h in headings}
    runs = []
    for para in paragraphs:
        markers = []
        for m in RUN_MARKER.finditer(doc.folded, para.start, para.end):
            if m.start() in taken:
                continue
            if m.group(1):
                markers.append(RunMarker(cn_to_int(m.group(1)), "shi", m.start(), m.end()))
            elif m.group(2):
                markers.append(RunMarker(cn_to_int(m.group(2)), "di", m.start(), m.end()))
            else:
                markers.append(RunMarker(RUN_ORDER[m.group(3)], "order", m.start(), m.end()))
        if markers:
            runs.append(Run(para, markers))
    return runs


def build_outline(doc) -> Outline:
    lines = [line for line in doc.lines if not line.blank and line.number < doc.body_end]
    frame = {line.number for line in lines if _is_frame_line(doc, line)}
    title = _find_title(doc, lines)
    if title is not None:
        frame.update(line.number for line in lines if line.number < title.number)

    # On a web page (a saved .html, or a text copy that shows the page's frame) the 成文日期
    # closes the notice and what follows is the footer; in a draft, 附件/注/抄送 follow it.
    page = doc.kind == "html" or bool(frame)
    date_line, signature = None, []
    body = [line for line in lines if line.number not in frame]
    for i in range(len(body) - 1, max(-1, len(body) - 6), -1):
        if DATE_LINE.match(doc.folded[body[i].start:body[i].end]):
            date_line = body[i]
            for prev in reversed(body[max(0, i - 2):i]):
                text = doc.folded[prev.start:prev.end].strip()
                if len(text) > 40 or text.endswith(("。", ";", ":")) or _SUPERVISION.search(text):
                    break
                signature.insert(0, prev)
            if page:
                frame.update(line.number for line in lines if line.number > date_line.number)
            break
    body = [line for line in lines if line.number not in frame and line is not title]

    closing = {line.number for line in signature}
    if date_line is not None:
        closing.add(date_line.number)
    supervision = []
    # The supervision block stands just before the signature; in a draft, 附件/注/抄送 may follow.
    last = min(closing) if closing else None
    for line in reversed([line for line in body if line.number not in closing
                          and (last is None or line.number < last)]):
        text = doc.folded[line.start:line.end]
        if not (_SUPERVISION.search(text) or _CONTACT.search(text)) or len(supervision) >= 6:
            break
        supervision.insert(0, line)
    closing.update(line.number for line in supervision)

    builder = _Builder(doc)
    lead, current = [], None
    list_style, list_next = None, None  # a numbered list inside measures, after a bare "整改情况："
    for line in body:
        if line.number in closing:
            continue
        found = _match_heading(doc, line)
        if found and current is not None:
            style, number = found[2], found[1]
            if (list_next is not None and style == list_style and number == list_next) or (
                    number == 1 and current.body and _bare_label(doc, current.body[-1])):
                list_style, list_next = style, number + 1
                current.body.append(line)
                continue
        list_style = list_next = None
        if found:
            level, number, style, mstart, mend, sub = found
            current = builder.add(line, level, number, style, mstart, mend, None, sub)
            continue
        broken = builder.try_broken(line) if current is not None else None
        if broken is not None:
            current = broken
        elif current is None:
            lead.append(line)
        else:
            current.body.append(line)

    for heading in builder.root.descendants():
        heading.status = _status(doc, heading)
    section = _items_section(builder.root, doc)
    scope = section
    if scope is None and any(h.status is not None or has_label(doc, h) for h in builder.root.descendants()):
        scope = builder.root  # items without 一、 sections
    items = _items(doc, scope) if scope is not None else []
    return Outline(
        frame=frame, title=title, lead=lead, root=builder.root, items_section=section,
        items=items, supervision=supervision, signature=signature, date_line=date_line,
        runs=_runs(doc, [p for p in doc.paragraphs if p.lines[0].number not in frame
                         and p.lines[0].number < doc.body_end],
                   list(builder.root.descendants())),
        page=page,
    )
