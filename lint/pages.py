"""Text laid out on pages (a PDF's, an OFD's) read back as the paragraphs an editor wrote.

A fixed-layout file holds lines placed on pages, with the page's frame among them: a running
header, a footer, page numbers (－ 3 －, - 3 -, 第3页, 第 3 页 共 9 页, 3/9). The frame is
recognised and left out: a line at a page's top or bottom edge, set apart from the text by
more than a line's spacing, that is a page number or that recurs at the same height on other
pages (digits aside). The remaining lines are joined into paragraphs: a line continues the
one before it unless it is indented or set off (a first-line indent, a centred title), the line
before it stopped short of the right margin, or a wider gap or another type size lies between
them; this holds across a page break, so a paragraph cut by the break is one paragraph again.
Chinese lines are joined without a space, as they were written; a space is put back only
between two Latin words or numbers.

Each paragraph is one line of the text, as with a .docx, and `PageMap` says on which page and
on which line of that page (counting the text's lines, not the frame's) each character stood.
"""

from __future__ import annotations

import bisect
import regex

from .conventions.dates import JOINER_CHAR
from .conventions.markers import HEADINGS, MARKER_START
from .record import Record
from .text import fold


class PageLine(Record):
    """A line of text as placed on its page: extent across (x0..x1) and down (top..bottom,
    measured from the page's top edge, in the file's units), its type size, and the width of
    its first unbreakable piece: had that fitted at the end of the line before, it would stand
    there, so a line before it that left that much room ended its paragraph."""

    FIELDS = ("text", "x0", "x1", "top", "bottom", "size", "lead")

    def __init__(self, text: str, x0: float, x1: float, top: float, bottom: float, size: float,
                 lead: float = 0.0):
        self.text = text
        self.x0, self.x1 = x0, x1
        self.top, self.bottom = top, bottom
        self.size = size
        self.lead = lead  # width of what the line starts with that cannot be broken: a word, a character


class Page(Record):
    FIELDS = ("width", "height", "lines")

    def __init__(self, width: float, height: float, lines: list):
        self.width, self.height = width, height
        self.lines = lines  # PageLine, in reading order


class PageMap:
    """Where each character of the text stood: per text line (a paragraph), the offsets within
    it at which a line of a page begins, with that page and line number (both 1-based)."""

    def __init__(self):
        self.starts: list[list[int]] = []
        self.places: list[list[tuple[int, int]]] = []

    def add_paragraph(self) -> None:
        self.starts.append([])
        self.places.append([])

    def add_line(self, offset: int, page: int, line: int) -> None:
        self.starts[-1].append(offset)
        self.places[-1].append((page, line))

    def at(self, paragraph: int, offset: int) -> tuple[int, int]:
        """(page, line) of character `offset` of paragraph `paragraph` (both 0-based)."""
        starts = self.starts[paragraph]
        return self.places[paragraph][max(0, bisect.bisect_right(starts, offset) - 1)]


# The marks a page number is set between: the dashes and tildes that also join a range (spelled in
# conventions/dates.py), a full-width hyphen, a bar, dots.
_MARKS = rf"(?:[{JOINER_CHAR}--\p{{Han}}]|[－―·•])"
_PAGE_NUMBER = regex.compile(
    rf"{_MARKS}*(?:第?#页?(?:[/／]#|[,，]?共#页)?|共#页[,，]?第#页|page#(?:of#)?){_MARKS}*", regex.I | regex.V1)
_DIGITS = regex.compile(r"[0-9０-９]+")
_SPACE = regex.compile(r"\s+")
_CJK = regex.compile(r"[\p{Han}\p{InCJKSymbolsAndPunctuation}\p{InHalfwidthAndFullwidthForms}"
                     r"\p{InCJKCompatibilityForms}\p{InGeneralPunctuation}\p{InVerticalForms}]")
_WORD_END = regex.compile(r"[\p{L}\p{N}]$")
_WORD_START = regex.compile(r"^[\p{L}\p{N}]")

# Thresholds, in units of the type size or of the usual distance between lines.
INDENT = 0.6  # a line starting this much right of the margin is indented
SLACK = 0.25  # room at a line's end that does not count: spacing, rounding
GAP = 1.25  # lines further apart than this many line distances are not one paragraph
# Punctuation that may not begin a line (GB/T 15834's line-start rule): it goes with the character before.
NO_LINE_START = set("，。、；：？！）》」』】〕〗〙”’…—·%,.;:?!)]}")
_SENTENCE_END = ("。", "！", "？", "；", "：", ".", "!", "?", ";", ":", "”")
EDGE_LINES = 3  # how many lines at a page's top or bottom may be frame


def _key(text: str) -> str:
    """A line as a frame line recurs: digits (the page number) and spaces aside."""
    return _DIGITS.sub("#", _SPACE.sub("", text))


def _pitch(pages: list[Page]) -> float:
    """The distance from one line's top to the next line's within a paragraph, over every page:
    the lower quartile of the steps between lines, since the steps between paragraphs (and a
    notice has many short ones) may be wider."""
    steps = []
    for page in pages:
        tops = sorted(line.top for line in page.lines)
        steps.extend(b - a for a, b in zip(tops, tops[1:]) if b - a > 0.5 * page.lines[0].size)
    return sorted(steps)[len(steps) // 4] if steps else 0.0


def _edge_blocks(page: Page, pitch: float) -> list[list[int]]:
    """Indices of the lines at the page's top and at its bottom that are set apart from the rest
    by a gap wider than a line's spacing: where a header or a footer can stand."""
    order = sorted(range(len(page.lines)), key=lambda i: page.lines[i].top)
    blocks = []
    for seq in (order, order[::-1]):
        for k in range(min(EDGE_LINES, len(seq) - 1)):
            a, b = page.lines[seq[k]], page.lines[seq[k + 1]]
            if abs(b.top - a.top) >= GAP * pitch:
                blocks.append(seq[:k + 1])
                break
    return blocks


def frame_lines(pages: list[Page], pitch: float) -> set[tuple[int, int]]:
    """(page index, line index) of every line of the pages' frame (`pitch`: the line spacing)."""
    if not pitch:
        return set()
    candidates = []  # (page index, line index, key, top)
    for p, page in enumerate(pages):
        for block in _edge_blocks(page, pitch):
            candidates.extend((p, i, _key(page.lines[i].text), page.lines[i].top) for i in block)
    frame = set()
    for p, i, key, top in candidates:
        if not key:
            continue
        recurs = {q for q, _, k, t in candidates if q != p and k == key and abs(t - top) <= 0.5 * pitch}
        if _PAGE_NUMBER.fullmatch(key) or recurs:
            frame.add((p, i))
    return frame


def _joined(before: str, after: str) -> str:
    """Two lines of one paragraph as one: Chinese text has no space at a line break; two Latin
    words or numbers had one."""
    if before.endswith(" ") or after.startswith(" "):
        return before + after
    if _WORD_END.search(before) and _WORD_START.search(after) and not _CJK.search(before[-1] + after[0]):
        return before + " " + after
    return before + after


def lay_out(pages: list[Page]) -> tuple[str, PageMap]:
    """The pages' text, one paragraph per line, without the frame, and where each character stood."""
    pitch = _pitch(pages)
    frame = frame_lines(pages, pitch)
    body = [(p, i, line) for p, page in enumerate(pages) for i, line in enumerate(page.lines)
            if (p, i) not in frame and line.text.strip()]
    if not body:
        return "", PageMap()
    left = min(line.x0 for _, _, line in body)
    right = max(line.x1 for _, _, line in body)
    indents = _indents(body, left)
    paragraphs: list[str] = []
    where = PageMap()
    numbers: dict[int, int] = {}  # page index -> lines of text on it so far
    previous = None
    for p, i, line in body:
        numbers[p] = numbers.get(p, 0) + 1
        text = line.text.strip()
        if previous is not None and _continues(previous, line, p, left, right, pitch, indents):
            joined = (paragraphs[-1] + " " + text if _same_row(previous, line, p)
                      else _joined(paragraphs[-1], text))
            where.add_line(len(joined) - len(text), p + 1, numbers[p])
            paragraphs[-1] = joined
        else:
            paragraphs.append(text)
            where.add_paragraph()
            where.add_line(0, p + 1, numbers[p])
        previous = (p, line)
    return "\n".join(paragraphs), where


def _same_row(previous, line: PageLine, page: int) -> bool:
    """A line that stands beside the one before it (text after a wide gap or a tab)."""
    last_page, last = previous
    return last_page == page and abs(line.top - last.top) < 0.3 * (last.size or 1.0) and line.x0 > last.x1


def _indents(body: list, left: float) -> bool:
    """Whether the text sets its paragraphs off by a first-line indent (of about two characters,
    as GB/T 9704 has it): then a line at the margin continues a paragraph, whatever room the
    line before it left (a line breaker may keep a character, its punctuation and the number
    after them together)."""
    indented = sum(1 for _, _, line in body if 1.5 * line.size <= line.x0 - left <= 2.5 * line.size)
    return indented >= 2 and indented >= 0.05 * len(body)


def _continues(previous, line: PageLine, page: int, left: float, right: float, pitch: float,
               indents: bool = False) -> bool:
    """Whether `line` goes on with the paragraph of the line before it (on this page or the last)."""
    last_page, last = previous
    em = last.size or line.size or pitch or 1.0
    if _same_row(previous, line, page):
        return True
    if last_page == page and line.top - last.top < 0.5 * em:
        return False  # back up the page, or over another line: a new block (a table cell, a column)
    last_full = last.x1 + (line.lead or em) >= right - SLACK * em
    if not last_full and (not indents or line.x0 > left + INDENT * em
                          or last.text.rstrip().endswith(_SENTENCE_END)):
        return False
    if line.x0 > left + INDENT * em and not _centred_continuation(last, line, left, right, em):
        return False
    if abs(line.size - last.size) > 0.15 * em:
        return False
    if last_page == page and pitch and line.top - last.top > GAP * pitch:
        return False
    return not _opens_heading(last.text, line.text)


def _centred_continuation(last: PageLine, line: PageLine, left: float, right: float, em: float) -> bool:
    """The second line of a centred title: centred under a line that filled the measure and
    ended no sentence (a body paragraph's last line does)."""
    centred = abs((line.x0 + line.x1) / 2 - (left + right) / 2) < 0.5 * em
    return centred and not last.text.rstrip().endswith(_SENTENCE_END)


def _opens_heading(before: str, text: str) -> bool:
    """A numbered heading after a finished sentence starts a paragraph of its own, even where
    the line before it happened to fill the measure and nothing sets it off."""
    if not before.rstrip().endswith(_SENTENCE_END):
        return False
    folded = fold(text.lstrip())
    return bool(MARKER_START.match(folded)) and any(p.match(folded) for p, _, _ in HEADINGS)
