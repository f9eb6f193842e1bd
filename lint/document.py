"""The Document: text, line index, paragraphs and (lazily) the notice outline."""

from __future__ import annotations

import bisect
from array import array
from functools import cached_property
from itertools import repeat
from operator import attrgetter

from . import patterns
from .record import Record
from .text import fold


class Line(Record):
    """One line of a Document's text. A Document's lines hold no text of their own: each line's
    text is cut from the document's when asked (`Line.cut`), so a draft's text is held once and
    not again line by line (a 10 MiB draft of short lines held 1.5 million small strings). A
    line made with its text (a page source's, a report's) keeps it."""

    FIELDS = ("number", "start", "end", "text")
    __slots__ = ("number", "start", "end", "blank", "_text", "_cut")

    def __init__(self, number: int, start: int, end: int, text: str):
        self.number = number  # 1-based
        self.start = start  # offset of the first character
        self.end = end  # offset just past the last character, line ending excluded
        self._text, self._cut = text, False
        self.blank = not text.strip()  # asked of every line by most rules

    @classmethod
    def cut(cls, number: int, start: int, end: int, whole: str, blank: bool) -> "Line":
        """Line `number` of the text `whole`, at start..end, its text cut from `whole` when asked."""
        line = cls.__new__(cls)
        line.number, line.start, line.end, line._text, line._cut, line.blank = number, start, end, whole, True, blank
        return line

    @property
    def text(self) -> str:
        return self._text[self.start:self.end] if self._cut else self._text

    def detached(self) -> "Line":
        """The same line holding its own text: one that outlives its document, or travels."""
        return Line(self.number, self.start, self.end, self.text) if self._cut else self

    def __reduce__(self):  # pickled with its own text, never with its whole document's
        return Line, (self.number, self.start, self.end, self.text)

    def __eq__(self, other):  # a line is the same line whether held as a Line or a HeldLine
        if not isinstance(other, (Line, HeldLine)):
            return NotImplemented
        return (self.number, self.start, self.end, self.text) == (other.number, other.start, other.end, other.text)

    __hash__ = None


class HeldLine(Record):
    """A long document's line (`Lines`): its lines' offsets and its index among them, each field
    read from those when asked. A Line held its number and offsets as ints of its own, 176 bytes
    where this is 80, and a 10 MiB .docx's outline kept 130,000 lines."""

    FIELDS = Line.FIELDS
    __slots__ = ("_lines", "_i")

    def __init__(self, lines: "Lines", i: int):
        self._lines, self._i = lines, i

    @property
    def number(self) -> int:
        return self._i + 1

    @property
    def start(self) -> int:
        return self._lines._starts[self._i]

    @property
    def end(self) -> int:
        return self._lines._ends[self._i]

    @property
    def blank(self) -> bool:
        return self._lines._blank[self._i] == 1

    @property
    def text(self) -> str:
        lines, i = self._lines, self._i
        return lines._text[lines._starts[i]:lines._ends[i]]

    def detached(self) -> Line:
        return Line(self.number, self.start, self.end, self.text)

    __reduce__ = Line.__reduce__
    __eq__ = Line.__eq__
    __hash__ = None


class Paragraph(Record):
    """Consecutive lines read as one paragraph: `count` lines of `all_lines` from line `number` on."""

    FIELDS = ("start", "end", "lines")
    # One a line of a long draft: no dict each, and no list of its lines, which rules seldom ask
    # for (a list a paragraph was a third of what the paragraphs of a 10 MiB .docx held). Its
    # first line is found when asked: most rules read only where a paragraph starts and ends.
    __slots__ = ("start", "end", "number", "count", "_all")

    def __init__(self, start: int, end: int, number: int, all_lines, count: int = 1):
        self.start = start
        self.end = end
        self.number = number  # its first line's
        self.count = count
        self._all = all_lines  # its document's lines, in which line n stands at n - 1

    @property
    def first(self) -> Line:
        return self._all[self.number - 1]

    @property
    def lines(self) -> list[Line]:
        at = self.number - 1
        return self._all[at:at + self.count]


# The readings of a whole text that rules share (Document.dates, Document.counts) and that a run
# lets go once the last rule asking for them has run (a rule says which it asks for: READS).
READINGS = ("dates", "counts")
_BREAK = patterns.compile(r"\r\n|\r|\n")
_NUMBER = attrgetter("number")
# From this many lines on, a Document holds its lines as offsets and makes each Line when asked
# (`Lines`): a 10 MiB text of short lines was 1.5 million Lines, a Paragraph each and their
# numbers, over 400 MiB. Below it, a list of Lines: rules read each line many times, and a Line
# made at every reading cost a 10 MiB text of 177,000 lines a tenth more time. Lists cost about
# 370 bytes a line at the peak, so below this they hold under 90 MiB.
LAZY_LINES = 250_000
_CHUNK = 1 << 16  # characters split at a time: no list of every line's text at once


def _line_offsets(text: str) -> tuple[array, array, bytearray]:
    """(starts, ends, blank flags) of the lines of `text`."""
    starts, ends, blank = array("q"), array("q"), bytearray()
    if "\r" not in text:  # most text: str.split finds the lines faster than a pattern
        pos, size = 0, len(text)
        while pos < size:
            cut = text.find("\n", pos + _CHUNK)
            cut = size if cut < 0 else cut + 1
            parts = text[pos:cut].split("\n")
            if text[cut - 1] == "\n":
                parts.pop()  # a line ending closes its line and does not open an empty one
            for part in parts:
                starts.append(pos)
                pos += len(part)
                ends.append(pos)
                blank.append(not part.strip())
                pos += 1
        if not starts:
            starts.append(0), ends.append(0), blank.append(True)
        return starts, ends, blank
    pos = 0
    for m in _BREAK.finditer(text):
        starts.append(pos), ends.append(m.start()), blank.append(not text[pos:m.start()].strip())
        pos = m.end()
    if pos < len(text) or not starts:  # a final line ending does not open an empty line
        starts.append(pos), ends.append(len(text)), blank.append(not text[pos:].strip())
    return starts, ends, blank


class Lines:
    """A long document's lines as a sequence: held as offsets and blank flags, each line (a
    HeldLine) made when it is asked for (a new one each time: compare lines by number, never by
    identity)."""

    __slots__ = ("_text", "_starts", "_ends", "_blank")

    def __init__(self, text: str, starts: array, ends: array, blank: bytearray):
        self._text, self._starts, self._ends, self._blank = text, starts, ends, blank

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, index):
        if isinstance(index, slice):  # a list, as a list's slice is
            return list(self.picked(range(*index.indices(len(self._starts)))))
        if index < 0:
            index += len(self._starts)
        if not 0 <= index < len(self._starts):
            raise IndexError("line index out of range")
        return HeldLine(self, index)

    def one(self, i: int) -> HeldLine:
        """Line i + 1 (i never negative): what Picked asks for, without a slice's or a negative
        index's checks."""
        return HeldLine(self, i)

    def __iter__(self):
        return self.picked(range(len(self._starts)))

    def picked(self, indexes):
        """The lines at `indexes`, made one at a time."""
        return map(HeldLine, repeat(self), indexes)


class Picked:
    """Some items of a sequence (a long document's lines or paragraphs), in order, held as their
    indexes: a list of them would hold an object each."""

    # No bound `items.one` kept: one a heading's body, it was 64 bytes of each.
    __slots__ = ("_all", "_at")

    def __init__(self, items, at: array | None = None):
        self._all = items
        self._at = array("q") if at is None else at

    def __len__(self) -> int:
        return len(self._at)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Picked(self._all, self._at[index])
        return self._all.one(self._at[index])

    def __iter__(self):
        return self._all.picked(self._at)

    def __reversed__(self):
        return map(self._all.one, reversed(self._at))

    def holds(self, number: int) -> bool:
        """Whether line `number` is one of these lines (of a document's Lines, in order)."""
        at = self._at
        i = bisect.bisect_left(at, number - 1)
        return i < len(at) and at[i] == number - 1

    def without(self, numbers) -> "Picked":
        """The same lines but those whose numbers are in `numbers`."""
        return Picked(self._all, array("q", (i for i in self._at if i + 1 not in numbers)))

    def append(self, line: Line) -> None:
        """Add a line (of a document's Lines, which stands at its number - 1)."""
        self._at.append(line.number - 1)

    def extend(self, lines) -> None:
        for line in lines:
            self.append(line)

    def copy(self) -> "Picked":
        return Picked(self._all, array("q", self._at))

    def sorted(self) -> "Picked":
        """The same lines in document order."""
        at = self._at
        if any(a >= b for a, b in zip(at, at[1:])):
            at = array("q", sorted(at))
        return Picked(self._all, at)


class Paragraphs:
    """A long document's paragraphs as a sequence, each made when asked for from the line it
    starts at and how many lines it joins."""

    __slots__ = ("_lines", "_first", "_count")

    def __init__(self, lines: Lines, first: array, count: array | None):
        self._lines, self._first, self._count = lines, first, count

    def __len__(self) -> int:
        return len(self._first)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(self.picked(range(*index.indices(len(self._first)))))
        return self.one(index + len(self._first) if index < 0 else index)

    def one(self, k: int) -> Paragraph:
        first = self._first[k]
        count = 1 if self._count is None else self._count[k]
        lines = self._lines
        return Paragraph(lines._starts[first], lines._ends[first + count - 1], first + 1, lines, count)

    def __iter__(self):
        return self.picked(range(len(self._first)))

    def picked(self, indexes):
        """The paragraphs at `indexes`, made one at a time."""
        lines, all_first, counts = self._lines, self._first, self._count
        starts, ends = lines._starts, lines._ends
        for k in indexes:
            first = all_first[k]
            count = 1 if counts is None else counts[k]
            yield Paragraph(starts[first], ends[first + count - 1], first + 1, lines, count)

    @property
    def starts(self) -> array:
        starts = self._lines._starts
        return array("q", (starts[i] for i in self._first))


def _split_lines(text: str) -> list[Line]:
    """The lines of `text` as a list of Lines, in one pass (the lines `_line_offsets` finds)."""
    if "\r" not in text:  # most text: str.split finds the lines faster than a pattern
        parts = text.split("\n")
        if len(parts) > 1 and not parts[-1]:
            parts.pop()  # a final line ending does not open an empty line
        lines, pos, cut = [], 0, Line.cut
        for number, part in enumerate(parts, 1):
            end = pos + len(part)
            lines.append(cut(number, pos, end, text, not part.strip()))
            pos = end + 1
        return lines
    lines, pos, number = [], 0, 1
    for m in _BREAK.finditer(text):
        lines.append(Line.cut(number, pos, m.start(), text, not text[pos:m.start()].strip()))
        pos = m.end()
        number += 1
    if pos < len(text) or not lines:  # a final line ending does not open an empty line
        lines.append(Line.cut(number, pos, len(text), text, not text[pos:].strip()))
    return lines


def among(lines, number: int) -> bool:
    """Whether line `number` is one of `lines` (in document order): a search, not a set of the
    numbers of them all (a set of a long draft's 1.5 million line numbers was 80 MiB)."""
    if isinstance(lines, Picked):  # a long document's: its indexes are searched, no Line made
        return lines.holds(number)
    i = bisect.bisect_left(lines, number, key=_NUMBER)
    return i < len(lines) and lines[i].number == number


def position_in(lines: list[Line], starts: list[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of an offset among `lines` (whose start offsets are `starts`)."""
    line = lines[max(0, bisect.bisect_right(starts, offset) - 1)]
    return line.number, min(offset, line.end) - line.start + 1


class Document:
    """One draft. Offsets index `text`; `folded` is the same text width-folded."""

    def __init__(self, text: str, path: str = "<stdin>", kind: str = "txt", notice_kind: str | None = None,
                 parts=None, source=None):
        self.path = path
        self.text = text
        self.kind = kind  # the format read: txt, md, docx or html
        self.notice_kind = notice_kind  # what the text is, when configuration says so (else detected)
        self.folded = fold(text)
        # Long by its line breaks (\r\n counted once), known before any line is made.
        self.long = (text.count("\n") or text.count("\r")) >= LAZY_LINES
        if self.long:
            starts, ends, blank = _line_offsets(text)
            self.lines = Lines(text, starts, ends, blank)
            self._starts = starts
        else:
            self.lines = _split_lines(text)
            self._starts = [line.start for line in self.lines]
        # Lines read from parts other than the body (a .docx's headers, footnotes, text boxes):
        # checked as text, but no part of the notice's outline.
        self.parts = parts or []
        self.body_end = self.parts[0].first if self.parts else len(self.lines) + 1
        # A web page's SourceMap: findings are located in the page source, not in this text.
        self.source = source
        # Each line's text with its personal numbers masked, as findings quote it (privacy.masked_text):
        # made when first asked for, by line number.
        self.masked_lines: dict[int, str] = {}

    @property
    def shown_lines(self) -> list[Line]:
        """The lines a finding's line number counts: the page source's for a web page."""
        return self.source.lines if self.source is not None else self.lines

    def location(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end line, end column) of the span start..end as reported; the end
        column is inclusive."""
        if self.source is not None:
            return self.source.location(start, end)
        line, col = self.position(start)
        end_line, end_col = self.position(max(start, end - 1))
        return line, col, end_line, end_col

    def part_of(self, number: int):
        """The Part that line `number` was read from, or None for the body."""
        return next((p for p in self.parts if p.first <= number <= p.last), None)

    # -- positions -----------------------------------------------------------
    def line_at(self, offset: int) -> Line:
        return self.lines[max(0, bisect.bisect_right(self._starts, offset) - 1)]

    def line_holding(self, start: int, end: int) -> Line | None:
        """The line that holds the span start..end whole, if any."""
        if self.source is not None:
            return None
        line = self.line_at(start)
        return line if line.start <= start and end <= line.end else None

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; columns count code points."""
        return position_in(self.lines, self._starts, offset)

    def matches(self, pattern, lines, text: str | None = None) -> dict[int, list]:
        """{line number: matches} of a line pattern (patterns.line_pattern) in the given lines,
        which are in document order; `text` is `folded` unless given. The same matches as
        pattern.finditer(text, line.start, line.end) line by line, found in one search: most
        patterns match nowhere in a notice, and a search per line costs more than its scan."""
        if pattern not in patterns.LINE_PATTERNS:
            raise ValueError(f"not a line pattern: {pattern.pattern!r}")
        found: dict[int, list] = {}
        if not lines:
            return found
        starts = self._starts
        for m in pattern.finditer(self.folded if text is None else text, lines[0].start, lines[-1].end):
            number = bisect.bisect_right(starts, m.start())  # the line holding the match
            if among(lines, number):
                found.setdefault(number, []).append(m)
        return found

    # -- structure -----------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Non-blank lines; in Markdown, runs of non-blank lines."""
        if self.long:
            return self._long_paragraphs()
        paras: list[Paragraph] = []
        joined = self.kind == "md"
        open_para = False
        for line in self.lines:
            if line.blank:
                open_para = False
            elif joined and open_para:
                paras[-1].end = line.end
                paras[-1].count += 1
            else:
                paras.append(Paragraph(line.start, line.end, line.number, self.lines))
                open_para = True
        return paras

    def _long_paragraphs(self) -> Paragraphs:
        first, count = array("q"), array("q") if self.kind == "md" else None
        open_para = False
        for i, blank in enumerate(self.lines._blank):
            if blank:
                open_para = False
            elif count is not None and open_para:
                count[-1] += 1
            else:
                first.append(i)
                if count is not None:
                    count.append(1)
                open_para = True
        return Paragraphs(self.lines, first, count)

    @property
    def paragraph_starts(self):
        """The start offset of each paragraph, in order (a sequence to bisect; made at each call,
        not kept)."""
        paras = self.paragraphs
        return paras.starts if self.long else [p.start for p in paras]

    def filled_lines(self, before: int | None = None):
        """The non-blank lines, those before line `before` when given."""
        if not self.long:
            return [line for line in self.lines if not line.blank and (before is None or line.number < before)]
        blank = self.lines._blank if before is None else self.lines._blank[:max(0, before - 1)]
        return Picked(self.lines, array("q", (i for i, flag in enumerate(blank) if not flag)))

    def lines_without(self, lines, numbers):
        """`lines` but those whose numbers are in `numbers` (of a long document, made no Line)."""
        if isinstance(lines, Picked):
            return lines.without(numbers)
        return [line for line in lines if line.number not in numbers]

    def paragraph_lines(self, paras):
        """The lines of the given paragraphs, in order."""
        if self.long:
            at = (i for p in paras for i in range(p.number - 1, p.number - 1 + p.count))
            return Picked(self.lines, array("q", at))
        return [line for para in paras for line in para.lines]

    def line_list(self, lines=()):
        """A list to gather some of this document's lines in (a Picked for a long document)."""
        if not self.long:
            return list(lines)
        picked = Picked(self.lines)
        picked.extend(lines)
        return picked

    @cached_property
    def outline(self):
        from .outline import build_outline
        return build_outline(self)

    @cached_property
    def dates(self):
        """Every date written in the text, read once for all rules (conventions/date_grammar.py)."""
        from .conventions.date_grammar import read_dates
        return read_dates(self)

    @cached_property
    def counts(self):
        """The groups and defects of the counting sentences, read once for all rules
        (conventions/counts.py `reading`)."""
        from .conventions.counts import read_document
        return read_document(self)

    @cached_property
    def info(self):
        """What the text is (kind) and whether it is whole (completeness)."""
        from .kind import document_info
        return document_info(self, self.outline, self.notice_kind)

    def drop(self, names) -> None:
        """Drop what was read of the text under these names (of READINGS), read again if asked for."""
        for name in names:
            self.__dict__.pop(name, None)

    def let_go(self) -> None:
        """Drop every reading made for the rules, the outline and the paragraphs too: once the
        rules have run, a view needs only the lines and what the text is (`info`)."""
        self.info  # noqa: B018 - kept, made now if it never was
        self.drop((*READINGS, "outline", "paragraphs", "_body_lines", "_body_paragraphs"))
        from .heap import release

        release(len(self.text), collect=True)

    @property
    def frame(self) -> set[int]:
        """Line numbers of a web page's frame (navigation, metadata, footer)."""
        return self.outline.frame

    def body_lines(self) -> list[Line]:
        """Non-blank lines that belong to the notice itself (a new list each call; of a long
        document, a sequence not to be changed)."""
        return self._body_lines if self.long else list(self._body_lines)

    def body_paragraphs(self) -> list[Paragraph]:
        return self._body_paragraphs if self.long else list(self._body_paragraphs)

    @cached_property
    def _body_lines(self) -> list[Line]:
        frame = self.frame
        if self.long:
            return Picked(self.lines, array("q", (i for i, blank in enumerate(self.lines._blank)
                                                  if not blank and i + 1 not in frame)))
        return [line for line in self.lines if not line.blank and line.number not in frame]

    @cached_property
    def _body_paragraphs(self) -> list[Paragraph]:
        frame = self.frame
        if self.long:
            first = self.paragraphs._first
            return Picked(self.paragraphs, array("q", (k for k, i in enumerate(first) if i + 1 not in frame)))
        return [p for p in self.paragraphs if p.number not in frame]


class DocumentView:
    """What reporters need of a linted document once its text is let go: its path, format,
    kind and completeness, and the lines its findings point at. A run over many files keeps
    these instead of whole Documents, so memory does not grow with the texts."""

    def __init__(self, path: str, kind: str, info, line_count: int, lines, mapped: bool = False):
        self.path, self.kind, self.info = path, kind, info
        # lines: {number: Line}, or the _SparseLines already made of them
        if not isinstance(lines, _SparseLines):
            lines = _SparseLines(line_count, (lines[n] for n in sorted(lines)))
        self.lines = lines
        self.mapped = mapped  # the lines are a web page's source lines, not those of its text

    @classmethod
    def of(cls, doc: "Document", findings) -> "DocumentView":
        shown = doc.shown_lines
        wanted = sorted({n for f in findings for n in (f.line, f.end_line) if 0 < n <= len(shown)})
        # Copied out of the document's text, which the view outlives.
        lines = _SparseLines(len(shown), (shown[n - 1] for n in wanted))
        return cls(doc.path, doc.kind, doc.info, len(shown), lines, doc.source is not None)

    @property
    def shown_lines(self):
        return self.lines

    def line_holding(self, start: int, end: int) -> Line | None:
        """The kept line that holds the span start..end whole, if any (text offsets: none on a
        page whose lines are those of its source)."""
        if self.mapped:
            return None
        return self.lines.holding(start, end)


class _SparseLines:
    """A document's lines as a sequence, holding only the ones kept: their numbers and offsets in
    arrays and their texts in one string, each Line made when asked. A Line each with its own
    text was 17 MiB of a 10 MiB .docx's view, made while the document was still held."""

    def __init__(self, count: int, kept):
        self._count = count
        self._numbers, self._starts, self._ends, self._cuts = array("q"), array("q"), array("q"), array("q", [0])
        chunks, texts = [], []  # joined 1,024 at a time: a list of every text was as big as they
        for line in kept:  # in order of their numbers
            text = line.text
            self._numbers.append(line.number), self._starts.append(line.start), self._ends.append(line.end)
            self._cuts.append(self._cuts[-1] + len(text))
            texts.append(text)
            if len(texts) == 1024:
                chunks.append("".join(texts))
                texts.clear()
        self._text = "".join([*chunks, *texts])

    def __len__(self) -> int:
        return self._count

    def _line(self, k: int) -> Line:
        return Line(self._numbers[k], self._starts[k], self._ends[k], self._text[self._cuts[k]:self._cuts[k + 1]])

    def __getitem__(self, index: int) -> Line:
        k = bisect.bisect_left(self._numbers, index + 1)
        if k < len(self._numbers) and self._numbers[k] == index + 1:
            return self._line(k)
        return Line(index + 1, 0, 0, "")

    def holding(self, start: int, end: int) -> Line | None:
        """The kept line that holds the text offsets start..end whole, if any: a search, where a
        scan of the kept lines for each of a long draft's fixes made its report quadratic."""
        k = bisect.bisect_right(self._starts, start) - 1
        if k >= 0 and end <= self._ends[k]:
            return self._line(k)
        return None

    @property
    def kept(self) -> dict:
        """{number: Line} of the lines kept."""
        return {self._numbers[k]: self._line(k) for k in range(len(self._numbers))}
