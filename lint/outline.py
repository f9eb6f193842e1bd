"""The outline of a notice: frame, title, headings, items, runs, closing parts.

Everything here reads `Document.folded`, so full- and half-width forms are
one pattern, and every offset found is an offset in the original text.
The vocabulary (status words, labels) lives in `rectlint.conventions`.
"""

from __future__ import annotations

import bisect
import re
from array import array
from functools import cached_property
from sys import intern

from . import patterns
from .document import Picked
from .record import Record
from .conventions.frame import CONTACT as _CONTACT, FRAME_ANY as _FRAME_ANY, FRAME_KEYS as _FRAME_KEYS
from .conventions.frame import SUPERVISION as _SUPERVISION
from .conventions.supervision import LINE as _CHANNEL_LINE
from .conventions.status import (ANY_LABEL, GLUED_LABEL, MEASURE_LABEL, STATUS_AFTER_LABEL, STATUS_LABEL, STATUS_TAG,
                                  inline_status, label_status, read as read_status, sentence_term, status_sentences,
                                  tag_status)
from .conventions.dates import DATE_LINE
from .conventions.kinds import LEAD_OPENING
from .conventions import markers
from .conventions.markers import HEADING_LIKE, Flow, Run, RunMarker, level_of  # noqa: F401 - Run, RunMarker: part of the outline's API

_MARKUP = r"(?:#{1,6}\s+|[-*]\s+)?(?:\*\*|__)?"  # Markdown before a heading's marker
# What str.isspace skips (\s and the four information separators), then the Markdown.
_CONTENT = patterns.compile(r"[\s\x1c-\x1f]*" + _MARKUP)
_SENTENCE_STOP = patterns.compile(r"[。;]")
_TITLE_WORDS = patterns.compile(r"整改|通报|报告|情况")
# A section named for the problems or the feedback, not for how the rectification was organised
# (一、组织落实整改情况, 一、党委及主要负责人组织落实整改情况).
_PROBLEMS_SECTION = patterns.compile(r"(?!.*组织).*(?:问题|意见|整改落实|整改情况)")
# A sub-heading that is the organiser's own measure opens with its verb (（一）强化组织核心，有序统筹部署；
# 2.压实整改责任); a problem's title names a problem or a shortfall (关于…的问题, …不到位, …不严).
_MEASURE_TITLE = patterns.compile(
    r"\s*(?:强化|健全|压实|加强|完善|坚持|提高|提升|突出|狠抓|严格|深化|推进|注重|建立|构建|夯实|筑牢|坚决|从严|高位"
    r"|严肃|精心|周密|细化|扛牢|扛起|抓实|抓紧|抓好|统筹|凝聚|着力|切实|层层|多措|举一反三|标本兼治|以上率下)")
_PROBLEM_TITLE = patterns.compile(r"问题|不到位|不够|不严|不力|不足|不强|不实|不规范|不及时|不深入|不彻底|不全面|不健全"
                                  r"|不完善|不高|不明显|缺失|缺位|薄弱|欠缺|滞后|偏差|差距|未|没有|存在|违规|违反")


class Heading(Record):
    """A numbered heading (一、（一）1.) with its body lines and sub-headings."""

    # Compared and hashed by identity; shown without parent and children, which would recurse.
    FIELDS = ("line", "level", "number", "style", "marker_start", "marker_end", "broken", "sub_number", "family",
              "detail", "status")
    __slots__ = (*FIELDS, "want", "mark", "template", "last", "parent", "children", "body")  # no dict each
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def __init__(self, line, level: int, number: int | None, style: str, marker_start: int, marker_end: int,
                 broken: str | None = None, sub_number: int | None = None, parent: Heading | None = None,
                 family: str = "", detail: str = ""):
        self.line = line
        self.level = level  # the nominal GB/T 9704 level of its form (1 for 一、 … 4 for （1）)
        self.number = number
        self.style = style
        self.marker_start = marker_start
        self.marker_end = marker_end
        self.broken = broken  # None, or the slip that broke its marker (markers.SLIPS)
        self.detail = detail  # the characters the slip concerns
        self.family = family  # the run it belongs to (markers.py): "cn", "(cn)", "n", "问题n", …
        self.want: str | None = None  # for a broken marker, what should stand in its place
        self.mark = ""  # the point mark written after the numeral or bracket (、 . ： ，), if any
        self.template: str | None = None  # how its run writes a marker, the numeral a slot: （{}）
        self.sub_number = sub_number
        self.last = number  # its number, or that of the last sibling run into its text (（1）…。（2）…)
        self.parent = parent
        # Most headings of a long draft are leaves, many without body lines: they share one empty
        # tuple until `adopt` or `add_line` gives them a list (two lists a heading were 12 MiB of a
        # 10 MiB .docx's headings).
        self.children: list | tuple = ()
        self.body: list | tuple = ()  # non-blank lines until the next heading
        self.status: Status | None = None  # set on problem items

    def adopt(self, child: Heading) -> None:
        if self.children:
            self.children.append(child)
        else:
            self.children = [child]

    def add_line(self, line, gather=list) -> None:
        """Add a body line; `gather()` makes the list the first is put in (Document.line_list)."""
        if not self.body:
            self.body = gather()
        self.body.append(line)

    def measure_spans(self) -> list[tuple[int, int]]:
        """(start, end) of the text that reports what was done: the body lines, and on the
        heading's own line or the status line only what follows the status (the problem
        statement before it may well say 尚未)."""
        status = self.status
        spans = []
        if status is not None and status.line.number == self.line.number:
            spans.append((status.end, self.line.end))
        for line in self.body:
            if status is not None and line.number == status.line.number:
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
    __slots__ = FIELDS  # one an item of a long draft: no dict each

    def __init__(self, text: str, start: int, end: int, form: str, line):
        # The status words as written, e.g. 已完成整改: a few wordings recur item after item, each
        # held once (sys.intern), not once an item.
        self.text = intern(text)
        self.start = start
        self.end = end
        # "line" (整改结果：…), "inline" (整改情况：已完成。…), "tag" (…【已完成】), or "sentence"
        # (目前，该问题已整改完成。), whose text is then the vocabulary term it stands for.
        self.form = form
        self.line = line


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
    def _heading_lines(self) -> array:
        return array("q", (h.line.number for h in self.headings))  # no int object a heading

    def marker_path(self, number: int) -> list[str]:
        """Markers of the headings that line `number` stands under, outermost first. One list a
        heading, shared by every finding placed under it (a 10 MiB .docx has ~90,000 findings):
        read it, never change it."""
        heading = self.heading_at(number)
        if heading is None:
            return []
        paths = self.__dict__.setdefault("_marker_paths", {})
        path = paths.get(heading.line.number)
        if path is None:
            path, h = [], heading
            while h is not None and h.line is not None:
                path.append(h.marker.strip())
                h = h.parent
            path = paths[heading.line.number] = path[::-1]
        return path

    def heading_at(self, number: int) -> "Heading | None":
        """The last heading on or before line `number`: the one that line stands under."""
        i = bisect.bisect_right(self._heading_lines, number) - 1
        return self.headings[i] if i >= 0 else None

    @cached_property
    def summary_lines(self) -> list:
        """Lines before the problem items, in order: the lead and the organising section,
        where a notice states its totals (反馈M个问题，已完成X个)."""
        first_item = self.items[0].line.number if self.items else None
        lines = self.lead.copy()  # a list, or a long document's Picked
        for h in self.headings:
            if first_item is not None and h.line.number >= first_item:
                break
            if self.items_section is not None and h is self.items_section:
                break
            lines.append(h.line)
            lines.extend(h.body)
        return lines.sorted() if isinstance(lines, Picked) else sorted(lines, key=lambda line: line.number)


def _strip_offset(line) -> int:
    """Offset where the line's content starts: after spaces and Markdown '#', '-', '**'."""
    if line.text[:1].isalnum():
        return line.start  # most lines open with a character (一、, 根据…): nothing to skip
    return line.start + _CONTENT.match(line.text).end()


# A breadcrumb, whatever its words: three or more places joined by > (首頁 > 媒體中心 > 行業新聞).
_BREADCRUMB = patterns.compile(r"[^>\r\n]{1,30}(?:>{1,2}[^>\r\n]{1,60}){2,}$")


def _is_frame_line(doc, line) -> bool:
    text = doc.folded[line.start:line.end]
    # A key is a label: without a colon, the line has none.
    return bool((":" in text and _FRAME_KEYS.match(text)) or _FRAME_ANY.search(text)
                or (">" in text and _BREADCRUMB.match(text)))


# A page's metadata, whatever its labels: a line of "label：value" pairs and nothing else (发布时间：…
# 来源：… 索引号：… 分类：… 文号：…), a label alone whose value stands on the next line (• 成文日期：),
# a row of a metadata table (索引号 | … | 成文日期： | … |), or a time stamp (2021-02-23 12:42:06来源：…).
_VALUE = r"(?:[^:|。,;!?]|(?<=\d):(?=\d))"
_METADATA = patterns.compile(
    rf"\s*[•·*-]?\s*(?:(?:\p{{Han}}{{2,8}}|[A-Za-z][\w-]{{1,8}})\s*[:|]\s*{_VALUE}{{0,80}}?\s*)+\|?\s*$"
    r"|\s*\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?\s*\d{1,2}:\d{2}|\s*\p{Han}{2,8}:?\s*\|[^|\r\n]*(?:\|[^|\r\n]*)+$")
# The text proper begins with a sentence (the lead) or a numbered heading.
_PROSE = patterns.compile(r"[^\r\n]{12,}[,。;]|[^\r\n]*。\s*$")
_CLAUSE_MARK = patterns.compile(r"[,。;]")


_BARE_LABEL = patterns.compile(r"\s*[•·*-]?\s*[^:|]{1,10}:\s*$")


def _is_metadata(doc, line) -> bool:
    return bool(_METADATA.match(doc.folded, line.start, line.end))


def _title_like(doc, line) -> bool:
    """A title's length, without a clause mark, naming a report or a rectification (after any
    label: 文件名称：关于…的通报)."""
    text = doc.folded[line.start:line.end].strip()
    named = text[text.find(":") + 1:] if ":" in text[:10] else text
    return 8 <= len(named.strip()) and len(text) <= 120 and bool(_TITLE_WORDS.search(named)) \
        and not _CLAUSE_MARK.search(text)


def _layout_top(doc, lines, frame):
    """(title, metadata, text start): the notice's title, the page's metadata lines around it,
    and the line where the text begins.

    A notice reads: whatever a page shows first (menus, breadcrumbs, metadata, a line of another
    page's text), the title, perhaps a subtitle, a speaker or a salutation, then the text, which
    begins with a sentence, the way a lead opens (根据…, 2025年3月…) or a numbered heading. The
    title is the first title-like line (short, without a clause mark, naming a report or a
    rectification) before the text. Metadata lines before the text, whatever their labels, and
    the value under a bare label, belong to the page. `frame`: the numbers of the frame lines."""
    top = lines[:80]
    metadata, title, text_start = set(), None, None
    for i, line in enumerate(top):
        if line.number in frame:
            continue
        if _is_metadata(doc, line) and not _title_like(doc, line):
            if not _BARE_LABEL.match(doc.folded, line.start, line.end):
                metadata.add(line.number)
                continue
            # A label alone: metadata in a list of them (• 成文日期：¶2023-05-04¶• 公开方式：…), not
            # a salutation (同志们：, 省人大常委会：) or a speaker's cue.
            value = top[i + 1] if i + 1 < len(top) else None
            listed = doc.folded[line.start:line.end].lstrip().startswith(("•", "·", "*", "-")) or any(
                _is_metadata(doc, later) for later in top[i + 1:i + 3])
            if listed:
                metadata.add(line.number)
                if value is not None and not _title_like(doc, value) \
                        and not _PROSE.match(doc.folded, value.start, value.end):
                    metadata.add(value.number)  # the value under it
                continue
        if line.number in metadata:
            continue
        if _match_heading(doc, line) or _PROSE.match(doc.folded, line.start, line.end) \
                or LEAD_OPENING.match(doc.folded, line.start, line.end):
            if title is None and any(_BREADCRUMB.match(doc.folded, later.start, later.end) for later in top[i + 1:i + 9]):
                continue  # a line of another page's text: the page's navigation comes after it
            text_start = line
            break
        if title is None and _title_like(doc, line):
            title = line
    return title, metadata, text_start


def _match_heading(doc, line):
    """The whole heading marker that starts a line, as a markers.Read, or None."""
    start = _strip_offset(line)
    folded = doc.folded
    if start >= line.end or not _MARKER_START.match(folded, start):
        return None
    read = markers.read_heading(folded, start, line.end)
    return read if read is not None and read.what is None else None


_MARKER_START = markers.MARKER_START


class _Builder:
    """Reads the numbered headings line by line. A form seen for the first time opens a level
    below the current heading; a form seen before returns to its level. Each form's markers are
    a run (conventions/markers.py): where a run expects a marker and the line starts with a slip
    of it, the line is that heading, broken."""

    def __init__(self, doc, lines, whole: bool = True):
        self.doc = doc
        # Whether the text ends with its 成文日期: only in a whole notice is a form used once
        # suspect (a saved page cut short shows the first of many).
        self.whole = whole
        self.root = Heading(None, 0, None, "", 0, 0)
        self.stack = [self.root]
        self.last: dict[str, int] = {}  # per family, its last number anywhere
        self.count: dict[str, int] = {}  # per family, how many whole markers the document has
        self.templates: dict[str, dict] = {}  # per family, its markers as written: {template: count}
        self.styles: dict[str, dict] = {}
        self.wholes: list = []  # (line number, family, number) of every whole heading marker
        self.reads: dict = {}  # line number -> the heading marker read at its start (whole or not)
        # Line number -> where its content starts (after spaces and Markdown); of a long document,
        # an array, not a dict, which held an entry and two ints a line.
        self.content = array("q", bytes(8 * (len(doc.lines) + 1))) if doc.long else {}
        self.marked: set = set()  # numbers of the lines whose content starts like a marker
        folded = doc.folded
        for i, line in enumerate(lines):
            start = self.content[line.number] = _strip_offset(line)
            if start >= line.end or not markers.starts_like_marker(folded, start):
                continue
            self.marked.add(line.number)
            read = self.reads[line.number] = markers.read_heading(folded, start, line.end) or \
                _labelled_di(doc, line, start, lines[i + 1] if i + 1 < len(lines) else None)
            if read is None or read.what is not None:
                continue
            family = read.family
            self.wholes.append((line.number, family, read.number))
            self.count[family] = self.count.get(family, 0) + 1
            if read.sub is None:
                written = doc.text[read.start:read.end]
                template = markers.template_of(written, markers.numeral_of(family, read.number))
                counts = self.templates.setdefault(family, {})
                counts[template] = counts.get(template, 0) + 1
            styles = self.styles.setdefault(family, {})
            styles[read.style] = styles.get(read.style, 0) + 1
        self.whole_lines = [at for at, _, _ in self.wholes]  # in line order: next_whole bisects it
        # Each form's usual marker as written (its template) and its usual style.
        self.template = {family: max(counts, key=counts.get) for family, counts in self.templates.items()}
        self.style = {family: max(counts, key=counts.get) for family, counts in self.styles.items()}

    def next_whole(self, line_number: int, family: str) -> int | None:
        """The number of the next whole heading marker of `family` after line `line_number`, in
        the same run: before a whole marker of a form now open above it ends the group."""
        above = set()
        for h in self.stack[1:]:
            if h.family == family:
                break
            above.add(h.family)
        wholes = self.wholes
        for k in range(bisect.bisect_right(self.whole_lines, line_number), len(wholes)):
            _, f, n = wholes[k]
            if f == family:
                return n
            if f in above:
                return None
        return None

    def _template(self, family):
        return self.template.get(family)

    def wanted(self):
        """(family, number) of the headings that may come next, nearest first: the next sibling of
        each open level, then the first (or the run-on) number of each other form."""
        out = [(h.family, h.last + 1) for h in reversed(self.stack[1:]) if h.number is not None]
        open_ = {h.family for h in self.stack[1:]}
        for family in self.count:
            if family not in open_:
                out.append((family, 1))
                if self.last.get(family, 0) > 0:
                    out.append((family, self.last[family] + 1))
        return out

    def in_sequence(self, read) -> bool:
        for h in reversed(self.stack[1:]):
            if h.family == read.family:
                return read.number == (h.last or 0) + 1
        return read.number in (1, self.last.get(read.family, 0) + 1)

    def slip(self, line, start, skip=None):
        """The heading a run expects here, written with one slip, as a Read; else None."""
        folded = self.doc.folded
        if MEASURE_LABEL.match(folded, start, line.end) or STATUS_LABEL.match(folded, start, line.end):
            return None
        open_ = {h.family for h in self.stack[1:]}
        for family, number in self.wanted():
            # Instead of a whole marker, only the next of an open run or of a run the document
            # has established elsewhere.
            if family == skip or (skip is not None and family not in open_ and self.count.get(family, 0) < 2):
                continue
            if self.next_whole(line.number, family) == number:
                continue  # the next marker of that run stands whole further on: this line is not it
            written = markers.write(family, number, self._template(family))
            want = markers.want_of(written, markers.numeral_of(family, number))
            # A numeral left alone is a heading on a short line, or where its siblings run into
            # their text (（一）加强组织领导。成立…，…).
            sibling = next((h for h in reversed(self.stack) if h.family == family), None)
            short = sibling is None or bool(HEADING_LIKE.match(folded, sibling.marker_end, sibling.line.end))
            read = markers.near_miss(folded, start, line.end, want, short)
            if read is not None:
                read.family, read.number = family, number
                read.style = self.style.get(family, family)
                return read
        return None

    def read(self, line, in_text=None):
        """The heading marker that starts the line, whole or broken, or None. `in_text()` says
        whether the line starts with an in-text marker in sequence (三是 after 二是), which is
        never read as a slip of a heading."""
        if line.number not in self.marked:
            return None
        doc = self.doc
        folded = doc.folded
        start = self.content[line.number]
        read = self.reads.get(line.number)
        if read is not None and read.what is None:
            if (self.in_sequence(read) and self.count.get(read.family, 0) > 1) or \
                    read.family in {h.family for h in self.stack[1:]}:
                return _widths(doc, read)  # in sequence, or a wrong number of an open run
            # A whole marker that breaks its run, or a form used once: a slip of an expected one?
            if not self.whole and self.in_sequence(read):
                return _widths(doc, read)
            if self.count.get(read.family, 0) < 2 and in_text and in_text(True):
                return None  # a slip of the in-text marker its run expects (三是 → ①是)
            return self.slip(line, start, skip=read.family) or _widths(doc, read)
        if read is not None:
            return read  # a whole marker with a stray mark after it
        stray = markers.read_stray_before(folded, start, line.end, heading=True)
        if stray is not None or (in_text and in_text(False)):
            return stray
        return self.slip(line, start)

    def add(self, line, read):
        family = read.family
        stack = self.stack
        if any(h.family == family for h in stack):
            while stack[-1].family != family:
                stack.pop()
            stack.pop()
        parent = self.stack[-1]
        h = Heading(line, level_of(family), read.number, read.style, read.start, read.end, read.what, read.sub,
                    parent, family, read.detail)
        h.mark = read.mark
        h.template = self._template(family)
        parent.adopt(h)
        self.stack.append(h)
        if read.number is not None:
            self.last[family] = read.number
        if read.what is not None:
            written = markers.write(family, read.number, self._template(family))
            h.want = markers.repair(self.doc.text, read, written)
        return h


def _labelled_di(doc, line, start, following):
    """第一，… as an item heading: a paragraph so numbered that carries an item's labels, on its
    own line (第一，…。整改情况：已完成。) or on the next (整改结果：…)."""
    read = markers.read_inline(doc.folded, start, line.end, start)
    if read is None or read.family != "di" or read.what is not None:
        return None
    folded = doc.folded
    if not (ANY_LABEL.search(folded, read.end, line.end) or (following is not None and (
            MEASURE_LABEL.match(folded, following.start, following.end)
            or STATUS_LABEL.match(folded, following.start, following.end)))):
        return None
    return markers.Read("第cn", read.number, read.start, read.end, read.mark, "第cn")


def _widths(doc, read):
    """A bracketed marker whose brackets are of two widths is broken."""
    if read.family in ("(cn)", "(n)") and markers.widths_differ(doc.text, doc.folded, read.start, read.end):
        read.what = "wrong-width"
    return read


def _opens_list(doc, heading, found) -> bool:
    """Whether a numbered line starting at 1 is a list inside an item's measures: after a bare
    measures label ("整改情况：" alone), or after any line ending in a colon (主要措施：) in an
    item that already states its status or measures, in a form other than the item's own."""
    last = heading.body[-1]
    if _bare_label(doc, last):
        return True
    return (found.family != heading.family and doc.folded[last.start:last.end].rstrip().endswith(":")
            and (heading.status is not None or has_label(doc, heading)))


def _bare_label(doc, line) -> bool:
    """A measures label with nothing after it: "整改情况：" on a line of its own."""
    m = MEASURE_LABEL.match(doc.folded, line.start, line.end)
    return m is not None and not doc.folded[m.end():line.end].strip()


def has_label(doc, heading) -> bool:
    """Whether an item's heading line or body carries a measures or status label."""
    text = doc.folded
    # Every label ends in a colon: a heading line without one holds none.
    if text.find(":", heading.marker_end, heading.line.end) >= 0 \
            and ANY_LABEL.search(text, heading.marker_end, heading.line.end):
        return True
    return any(MEASURE_LABEL.match(text, line.start, line.end) or STATUS_LABEL.match(text, line.start, line.end)
               for line in heading.body)


def _measure_title(doc, h) -> bool:
    """Whether a heading is the organiser's own measure: it opens with an action verb and names no
    problem up to its first full stop."""
    text = doc.folded
    stop = text.find("。", h.marker_end, h.line.end)
    end = h.line.end if stop < 0 else stop
    return _MEASURE_TITLE.match(text, h.marker_end, end) is not None and _PROBLEM_TITLE.search(text, h.marker_end, end) is None


def _organising(doc, root) -> set:
    """The sections on how the work was organised (一、健全组织领导，抓紧抓实问题整改 →（一）强化组织核心…
    （二）强化跟踪指导…): every sub-heading, two or more, is the organiser's own measure, whatever words
    the section's heading uses. They hold no problem items. Where no other section may hold them (a page
    cut after its first section), sub-headings that carry a measures or status label are still items:
    problems may be titled by their measures (（一）强化理论武装…。整改情况：…)."""
    candidates = []
    for section in root.children:
        leaves = [h for h in section.descendants() if not h.children]
        if len(leaves) >= 2 and all(_measure_title(doc, h) for h in leaves):
            candidates.append((section, leaves))
    taken = {section for section, _ in candidates}
    others = any(s not in taken and (s.children or _PROBLEMS_SECTION.match(doc.folded, s.line.start, s.line.end))
                 for s in root.children)
    return {section for section, leaves in candidates if others or not any(has_label(doc, h) for h in leaves)}


def _items_section(root, doc, organising=frozenset()):
    """The 一、 section that lists the problems.

    It is the one whose subtree holds the most measures labels and statuses; failing
    those, the one whose heading names the problems or the feedback (not the organising of
    the work). Without either, no section is taken: an overview, a procedure, a contact
    list or the section on how the rectification was organised is never read as problems.
    """
    best, best_score = None, 0
    for section in root.children:
        if section in organising:
            continue
        score = sum(h.status is not None or has_label(doc, h) for h in [section, *section.descendants()])
        if score > best_score:
            best, best_score = section, score
    if best is not None and not best.children and sum(
            not s.children and (s.status is not None or has_label(doc, s)) for s in root.children) > 1:
        return None  # the problems are the top-level headings themselves (一、问题。整改情况：…)
    if best is not None or not root.children:
        return best
    named = [s for s in root.children if s not in organising
             and _PROBLEMS_SECTION.match(doc.folded, s.line.start, s.line.end)]
    return named[0] if named else None


def _marked(doc, h) -> bool:
    return h.status is not None or has_label(doc, h)


def _problem_sections(root, doc, best, organising=frozenset()) -> list:
    """The sections that list the problems: the best one, and each sibling that lists its own the
    same way. A notice without 一、 sections may group its problems by aspect at the top
    (（一）在…方面 → 1.关于…问题 → （1）…整改状态：…), and one with them may list two kinds of problems
    (二、巡察反馈问题…, 三、上轮巡察问题…): a sibling whose leaves are mostly marked, at the levels
    the best section's marked items use, holds problems too. An organising or closing section
    with a stray label among its paragraphs does not."""
    if best is None or not best.children:
        return [best] if best is not None else []
    levels = {h.level for h in best.descendants() if not h.children and _marked(doc, h)}
    found = []
    for section in root.children:
        if section in organising:
            continue
        leaves = [h for h in section.descendants() if not h.children]
        marked = [h for h in leaves if _marked(doc, h)]
        if section is best or (marked and 2 * len(marked) >= len(leaves) and {h.level for h in marked} <= levels):
            found.append(section)
    return found


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
    text = doc.folded
    for line in heading.body:
        m = STATUS_LABEL.match(text, line.start, line.end)
        found = label_status(text, m.end(), line.end) if m else None
        if found:
            # 整改结果：已整改到位。补齐…: the status ends with its sentence; measures may follow.
            return Status(doc.text[found[0]:found[1]], found[0], found[1], "line", line)
    tag = STATUS_TAG.search(text, heading.line.start, heading.line.end)
    if tag:
        before, words, after = (tag.group(part) or "" for part in ("before", "words", "after"))
        # A status word glued outside its brackets (已【完成】, 【已完】成) is a garbled tag only when,
        # put back, the words read as a status: 问(wèn)题, a reading gloss, is not one.
        if tag_status(words) or ((before or after) and tag_status(before + words + after)):
            a = tag.start("before") if before else tag.start("words")
            b = tag.end("after") if after else tag.end("words")
            return Status(doc.text[a:b], a, b, "tag", heading.line)
    own = [(heading.line, heading.marker_end), *((line, line.start) for line in heading.body)]
    for line, start in own:
        if text.find(":", start, line.end) < 0:
            continue  # every label, glued or not, ends in a colon: most lines have none
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
            return Status(sentence_term(text[a:b]) if read_status(text[a:b]) else doc.text[a:b], a, b, "sentence", line)
    return None


# Where an in-text marker may start: after a mark that ends a clause (or a space, or 、 before ②).
# The standard library's re: it scans a character class a few times faster than regex, and the
# whole body is searched once.
_STARTS = frozenset(markers.SLIP | set("其首最再问"))
_INLINE_AT = re.compile(r"[。;:,!?、 \t]([" + re.escape("".join(sorted(_STARTS))) + "])|([二三四五六七八九])是")


def _in_text(doc, flow, line, content, slips: bool) -> bool:
    """Whether the line starts with an in-text marker its run accepts: one that goes on with an
    open run (三是 after 二是); with `slips` (the line starts with a whole heading marker that
    breaks its run or is its form's only one), a slip of the marker an open run expects instead,
    else a new 一是, 第一，, 其一，, 首先."""
    read = markers.read_inline(doc.folded, content, line.end, content)
    if read is not None and read.what is None and flow.judge(read.family, read.number, content) is None \
            and (read.family in flow.current or (not slips and read.family in ("shi", "di", "qi", "order"))):
        return True
    return slips and any(markers.near_miss(doc.folded, content, line.end, flow.want(scheme, number), False)
                         for scheme, number in flow.wanted())


def _scan(doc, flow, line, start, content, at) -> None:
    """Adds the in-text markers of a line, from `start`, to the flow's runs. `at`: the places in
    the text where a marker may start (after a clause boundary), in order."""
    folded = doc.folded
    end = line.end
    if start >= end:
        return
    done = start
    if start == content and folded[start] in _STARTS:
        marker = _inline_at(doc, flow, start, end, content)
        done = marker.end if marker is not None else start + 1
    i = bisect.bisect_left(at, done)
    stop = bisect.bisect_left(at, end, i)
    if i == stop:
        return
    quoted = opened = None
    if "《" in line.text or "“" in line.text:
        quoted = _quoted(folded, line.start, end)
        opened = [a for a, _ in quoted]
    for pos in at[i:stop]:
        if pos < done or (quoted and _within(quoted, opened, pos)):
            continue
        marker = _inline_at(doc, flow, pos, end, content)
        if marker is not None:
            done = marker.end


# Quoted titles and words, where no in-text marker is read.
_OPENER = re.compile("[《“]")
_CLOSER = {"《": "》", "“": "”"}


def _quoted(text: str, lo: int, hi: int) -> list:
    """The spans 《…》 and “…” of text[lo:hi], each opener to the first closer after it, in linear
    time: an opener with no closer after it (many “ and no ”) is skipped without scanning on."""
    last = {opener: text.rfind(closer, lo, hi) for opener, closer in _CLOSER.items()}
    spans, i = [], lo
    while True:
        m = _OPENER.search(text, i, hi)
        if m is None:
            return spans
        p = m.start()
        opener = text[p]
        if last[opener] <= p:
            i = p + 1
            continue
        q = text.find(_CLOSER[opener], p + 1, hi)
        spans.append((p, q + 1))
        i = q + 1


def _within(spans: list, starts: list, pos: int) -> bool:
    """Whether pos lies in one of `spans`, which are apart and in order (`_quoted`'s)."""
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and pos < spans[k][1]


def _inline_at(doc, flow, pos, end, content):
    """The in-text marker at `pos`, whole or a slip of one its run expects, added to the flow."""
    folded = doc.folded
    read = markers.read_inline(folded, pos, end, content)
    if read is not None:
        fault = flow.judge(read.family, read.number, pos)
        if fault == "ignore":
            return None
        if fault is not None or read.family not in flow.current:
            # A whole marker that breaks its run or opens one: a slip of what an open run
            # expects instead (…二是…。①是… for 三是)?
            slip = _inline_slip(doc, flow, pos, end, skip=read.family)
            if slip is not None:
                return slip
        if read.family in ("(cn)", "(n)") and markers.widths_differ(doc.text, folded, pos, read.end):
            read.what = "wrong-width"
        if read.family not in flow.templates and read.number is not None \
                and read.what not in ("stray", "wrong-width", "doubled"):
            optional = read.family in ("shi", "order", "①", "⑴", "(n)", "(cn)")  # a mark after them is no part
            written = doc.text[read.start:read.end - (len(read.mark) if optional else 0)]
            flow.templates[read.family] = markers.template_of(written, markers.numeral_of(read.family, read.number))
        return _add(doc, flow, read, fault)
    read = markers.read_stray_before(folded, pos, end, heading=False)
    if read is not None:
        return _add(doc, flow, read, flow.judge(read.family, read.number, pos + 1))
    return _inline_slip(doc, flow, pos, end)


def _inline_slip(doc, flow, pos, end, skip=None):
    for scheme, number in flow.wanted():
        if scheme == skip:
            continue
        read = markers.near_miss(doc.folded, pos, end, flow.want(scheme, number), short=False)
        if read is not None and read.what == "lost-number" and _copula(doc.folded, flow, scheme, pos):
            continue
        if read is not None:
            read.family, read.number = scheme, number
            return _add(doc, flow, read, None)
    return None


def _copula(folded: str, flow, scheme: str, pos: int) -> bool:
    """Whether a marker without its numeral (是 for 二是) after a comma is a predicate said again
    instead (巡察是“政治体检”，是…举措，是…手段): a numeral lost mid-sentence stands in the
    sentence its run's last marker opened, not sentences later."""
    if folded[pos - 1:pos] not in (",", "、"):
        return False
    run = flow.current.get(scheme)
    return run is not None and markers.fresh(folded, run.markers[-1].end, pos)


def _add(doc, flow, read, fault):
    marker = RunMarker(read.number, read.family, read.start, read.end, None, read.what, read.detail)
    marker.mark = read.mark
    if read.what not in (None, "odd-mark"):
        written = markers.write(read.family, read.number or 0, flow.templates.get(read.family))
        marker.want = markers.repair(doc.text, read, written)
    flow.step(marker, fault)
    return marker


def build_outline(doc) -> Outline:
    lines = doc.filled_lines(doc.body_end)
    frame = {line.number for line in lines if _is_frame_line(doc, line)}
    title, metadata, text_start = _layout_top(doc, lines, frame)
    frame |= metadata
    if title is not None:
        frame.update(line.number for line in lines if line.number < title.number)
    # The signature and the 成文日期 close the text: they stand after its first line, never among
    # the page's metadata above it (a cut page may show little more than its metadata).
    text_from = text_start.number if text_start is not None else 0

    # On a web page (a saved .html, or a text copy that shows the page's frame) the 成文日期
    # closes the notice and what follows is the footer; in a draft, 附件/注/抄送 follow it.
    page = doc.kind == "html" or bool(frame)
    date_line, signature = None, []
    body = doc.lines_without(lines, frame)
    for i in range(len(body) - 1, max(-1, len(body) - 6), -1):
        if body[i].number > text_from and DATE_LINE.match(doc.folded[body[i].start:body[i].end]):
            date_line = body[i]
            for prev in reversed(body[max(0, i - 2):i]):
                text = doc.folded[prev.start:prev.end].strip()
                if len(text) > 40 or text.endswith(("。", ";", ":")) or _SUPERVISION.search(text) \
                        or _CHANNEL_LINE.search(text) \
                        or prev.number <= text_from:
                    break
                signature.insert(0, prev)
            if page:
                frame.update(line.number for line in lines if line.number > date_line.number)
            break
    body = doc.lines_without(lines, frame if title is None else frame | {title.number})

    closing = {line.number for line in signature}
    if date_line is not None:
        closing.add(date_line.number)
    supervision = []
    # The supervision block stands just before the signature; in a draft, 附件/注/抄送 may follow.
    last = min(closing) if closing else None
    for line in reversed(body):
        if line.number in closing or (last is not None and line.number >= last):
            continue
        text = doc.folded[line.start:line.end]
        if not (_SUPERVISION.search(text) or _CONTACT.search(text) or _CHANNEL_LINE.search(text)) \
                or len(supervision) >= 6:
            break
        supervision.insert(0, line)
    closing.update(line.number for line in supervision)

    body = doc.lines_without(body, closing)
    # Whole: it ends with its 成文日期, or at the end of a sentence (a saved page cut short ends
    # mid-sentence).
    ends = doc.folded[body[-1].start:body[-1].end].rstrip() if body else ""
    builder = _Builder(doc, body, whole=date_line is not None or ends.endswith(("。", "!", "?", "”")))
    lead, current = doc.line_list(), None
    flow = Flow(doc.folded)
    runs = flow.runs
    at = [m.start(1) if m.group(1) else m.start(2) for m in _INLINE_AT.finditer(doc.folded)]
    list_family, list_next = None, None  # a numbered list inside measures, after a bare "整改情况："
    for line in body:
        content = builder.content[line.number]
        found = builder.reads.get(line.number)
        if found is not None and found.what is None and current is not None:
            if (list_next is not None and found.family == list_family and found.number == list_next) or (
                    found.number == 1 and current.body and _opens_list(doc, current, found)):
                list_family, list_next = found.family, found.number + 1
                current.add_line(line, doc.line_list)
                _scan(doc, flow, line, content, content, at)
                continue
        list_family = list_next = None
        read = builder.read(line, lambda slips: _in_text(doc, flow, line, content, slips))
        if read is not None:
            current = builder.add(line, read)
            flow = Flow(doc.folded, current)
            flow.runs = runs
            _scan(doc, flow, line, current.marker_end, content, at)
            if current.last is not None:
                builder.last[current.family] = current.last
            continue
        if current is None:
            lead.append(line)
        else:
            current.add_line(line, doc.line_list)
        _scan(doc, flow, line, content, content, at)
        if current is not None and current.last is not None:
            builder.last[current.family] = current.last

    for heading in builder.root.descendants():
        heading.status = _status(doc, heading)
    organising = _organising(doc, builder.root)
    sections = _problem_sections(builder.root, doc, _items_section(builder.root, doc, organising), organising)
    section = sections[0] if len(sections) == 1 else None  # the problems may span several sections
    if sections:
        items = [h for scope in sections for h in _items(doc, scope)]
    elif not organising and any(_marked(doc, h) for h in builder.root.descendants()):
        items = _items(doc, builder.root)  # items without 一、 sections
    else:
        items = []
    return Outline(
        frame=frame, title=title, lead=lead, root=builder.root, items_section=section,
        items=items, supervision=supervision, signature=signature, date_line=date_line,
        runs=runs,
        page=page,
    )
