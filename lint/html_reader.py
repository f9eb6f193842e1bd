"""Visible text of a saved web page: block elements become lines, scripts and styles go.

Lines are the page's text blocks in order (a <p>, <div>, <li>, <tr>, heading or <br> ends a
line). Every character of that text remembers where it stands in the page source (an entity
such as &amp;nbsp; is one character standing for six), so a finding is reported at the line and
column of the source, where an editor, a GitHub annotation or a SARIF viewer looks.

The page is read by a tokenizer of our own, in one pass: each step finds the next `<`, `&`,
`>`, quote or end tag from where the last one stopped, so time is linear in the page whatever
it holds (a flood of `<a`, unclosed scripts, a `<![` that is no CDATA), and it never raises.
Tags, comments, declarations and character references are read as an HTML5 browser reads
them, for what the text needs: which elements are shown, and where blocks end. Where the text
came from is kept as runs (a stretch of text copied from one stretch of source, or the
characters one entity stands for), not per character, so memory follows the text.
"""

from __future__ import annotations

import bisect
import html
import re
from array import array

from .document import Line

BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
          "dd", "dt", "dl", "hr", "title", "form", "figure", "figcaption", "address", "center", "td", "th"}
HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
# Start tags that end an unclosed <head> or foreign content (<svg>), as an HTML5 parser does.
BREAKOUT = BLOCKS | {"body", "b", "big", "code", "em", "i", "img", "small", "span", "strong", "sub", "sup", "u"}
RAW = ("script", "style")  # their content is text up to their end tag, never markup

_NEXT = re.compile(r"[<&]")
# HTML's white space is ASCII only: a U+3000 inside a tag is part of a name or value.
_TAG_NAME = re.compile(r"[^\t\n\f\r />]*")
_SPACE = re.compile(r"[\t\n\f\r /]*")
_ATTR_NAME = re.compile(r"[^\t\n\f\r />][^\t\n\f\r />=]*")
_EQUALS = re.compile(r"[\t\n\f\r ]*=[\t\n\f\r ]*")
_UNQUOTED = re.compile(r"[^\t\n\f\r >]*")
# The standard library's re, not regex: regex looks for a pattern's required literal (the = of
# an attribute) through the rest of the page before it matches at a position, which made every
# step of a page without one a scan of all that follows.
# Most tags hold no quote and no stray "<": read whole by one match. Possessive, so that a tag
# that never closes fails in one scan instead of backtracking over it.
_PLAIN_TAG = re.compile(r"<(/?)([A-Za-z][^\t\n\f\r />]*+)[^\"'<>]*+>")
_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z][A-Za-z0-9]{0,40});?")
_RAW_END = {name: re.compile(rf"</{name}(?=[\t\n\f\r />]|\Z)", re.I) for name in RAW}
_NEXT_BLOCK = re.compile(r"<(?:p|div|h[1-6]|table|tr|li|ul|ol|section|article|main|body|br)\b", re.I)
_CHUNKS = re.compile(r"[ \t\r\n]+|[^ \t\r\n]+")
_WHITE = " \t\r\n"
_STEP = -1  # a run whose characters stand each for one character of source, in order


class _Text:
    """The shown text as it is read, and its runs: run k covers text from `text_at[k]`; its
    characters stand for source `src_at[k]`.. one for one (`src_end[k]` is _STEP), or each for
    the whole span `src_at[k]`..`src_end[k]` (an entity). ASCII white space is collapsed as a
    browser does (NBSP and U+3000 are visible and stay); a block that shows nothing is taken
    back. Nothing is held per character but the text itself and its runs."""

    def __init__(self, size: int):
        import io

        self.out = io.StringIO()
        self.at = 0  # characters written
        wide = "i" if size < 2**31 - 1 else "q"  # offsets into a page of `size` characters
        self.text_at, self.src_at, self.src_end = array(wide), array(wide), array(wide)
        self.lines = 0  # blocks kept
        self.last = 0  # where in the source the last kept block ended
        self._open()

    def _open(self) -> None:
        self.mark = (self.at, len(self.text_at))  # where the block being read began
        self.started = False  # it has shown something, white space aside
        self.visible = False  # something other than white space of any kind (NBSP, U+3000)
        self.space = None  # the source span of white space waiting to become one " "

    def _run(self, text: str, start: int, end: int) -> None:
        if not self.started:
            self.started = True
            if self.lines:  # the blank line between blocks stands where the previous one ended
                self._put("\n\n", self.last, self.last)
        elif self.space is not None:
            self._put(" ", *self.space)
        self.space = None
        self._put(text, start, end)
        self.visible = self.visible or not text.isspace()

    def _put(self, text: str, start: int, end: int) -> None:
        self.out.write(text)
        if not (end == _STEP and self.src_end and self.src_end[-1] == _STEP
                and self.src_at[-1] + self.at - self.text_at[-1] == start):  # else it extends the last run
            self.text_at.append(self.at)
            self.src_at.append(start)
            self.src_end.append(end)
        self.at += len(text)

    def data(self, text: str, start: int) -> None:
        """Characters that stand one for one for the source from `start`."""
        for m in _CHUNKS.finditer(text):
            at = start + m.start()
            if m.group()[0] in _WHITE:
                if self.started and self.space is None:
                    self.space = (at, _STEP)  # one space character stands for the first
            else:
                self._run(m.group(), at, _STEP)

    def reference(self, text: str, start: int, end: int) -> None:
        """The characters an entity at start..end stands for."""
        for char in text:
            if char in _WHITE:
                if self.started and self.space is None:
                    self.space = (start, end)
            else:
                self._run(char, start, end)

    def end_block(self) -> None:
        if self.visible:
            self.lines += 1
            end = self.src_end[-1]
            self.last = self.src_at[-1] + (self.at - self.text_at[-1]) if end == _STEP else end
        elif self.started:  # only white space: taken back
            at, runs = self.mark
            self.out.seek(at)
            self.out.truncate()
            self.at = at
            for column in (self.text_at, self.src_at, self.src_end):
                del column[runs:]
        self._open()

    def close(self) -> tuple[str, "SourceMap"]:
        self.end_block()
        self._put("\n", self.last, self.last)
        return self.out.getvalue(), (self.text_at, self.src_at, self.src_end)


class _Reader:
    """One pass over the page: the shown text and its runs."""

    def __init__(self, markup: str):
        self.markup = markup
        self.text = _Text(len(markup))
        self.hidden: list[str] = []  # the open elements whose content is not shown
        self.no_end = set()  # raw-text elements whose end tag is not found after some offset

    # -- what the tokens do -----------------------------------------------------------------
    def _break(self):
        self.text.end_block()

    def start_tag(self, tag: str, closed: bool) -> None:
        if closed:  # <br/>, <p/>: no content follows
            if tag in BLOCKS:
                self._break()
            return
        if tag in BREAKOUT:
            # <body> or a block ends a <head> whose end tag was left out (valid HTML5), and an
            # HTML element ends foreign content such as an unclosed <svg>.
            while self.hidden and self.hidden[-1] in ("head", "svg", "title"):
                self.hidden.pop()
        if tag in HIDDEN or tag == "title":
            self.hidden.append(tag)
        elif tag in BLOCKS:
            self._break()

    def end_tag(self, tag: str) -> None:
        if tag in self.hidden:
            while self.hidden and self.hidden.pop() != tag:
                pass
        elif tag in BLOCKS:
            self._break()

    # -- the tokenizer ----------------------------------------------------------------------
    def read(self) -> None:
        markup, pos, size = self.markup, 0, len(self.markup)
        while pos < size:
            m = _NEXT.search(markup, pos)
            at = m.start() if m else size
            if at > pos:
                self._data(pos, at)
            if m is None:
                break
            pos = self._reference(at) if markup[at] == "&" else self._markup(at)

    def _data(self, start: int, end: int) -> None:
        if not self.hidden:
            self.text.data(self.markup[start:end], start)

    def _reference(self, at: int) -> int:
        m = _REFERENCE.match(self.markup, at)
        if m is None:
            self._data(at, at + 1)
            return at + 1
        if not self.hidden:
            shown = html.unescape(m.group())
            if shown == m.group():  # not a reference after all: its characters are text
                self.text.data(shown, at)
            else:
                self.text.reference(shown, at, m.end())
        return m.end()

    def _markup(self, at: int) -> int:
        """Read what starts with the `<` at `at`; the offset after it."""
        markup = self.markup
        plain = _PLAIN_TAG.match(markup, at)
        if plain is not None:
            end, tag = plain.end(), plain.group(2).lower()
            if plain.group(1):
                self.end_tag(tag)
                return end
            closed = markup[end - 2] == "/" and end - 2 >= plain.end(2)
            self.start_tag(tag, closed)
            return self._raw_text(tag, end) if tag in RAW and not closed else end
        nxt = markup[at + 1:at + 2]
        if markup.startswith("<!--", at):
            for short in ("<!-->", "<!--->"):  # comments that HTML5 ends at once
                if markup.startswith(short, at):
                    return at + len(short)
            end = markup.find("-->", at + 4)
            return len(markup) if end < 0 else end + 3
        if nxt in ("!", "?"):  # a declaration, <![CDATA[ outside foreign content, <?…>: a bogus comment
            end = markup.find(">", at + 2)
            return len(markup) if end < 0 else end + 1
        if nxt == "/":
            if markup.startswith("</>", at):
                return at + 3
            if not markup[at + 2:at + 3].isascii() or not markup[at + 2:at + 3].isalpha():
                end = markup.find(">", at + 2)  # </ and no name: a bogus comment
                return len(markup) if end < 0 else end + 1
            name = _TAG_NAME.match(markup, at + 2)
            end = self._attributes(name.end())
            if end is not None:
                self.end_tag(name.group().lower())
            return len(markup) if end is None else end
        if nxt.isascii() and nxt.isalpha():
            name = _TAG_NAME.match(markup, at + 1)
            end = self._attributes(name.end())
            if end is None:
                return len(markup)  # a tag the page never closes: dropped, as at the end of a file
            tag = name.group().lower()
            closed = markup[end - 2] == "/" and end - 2 >= name.end()
            self.start_tag(tag, closed)
            if tag in RAW and not closed:
                return self._raw_text(tag, end)
            return end
        self._data(at, at + 1)  # a lone "<" is text
        return at + 1

    def _attributes(self, pos: int) -> int | None:
        """The offset after the tag's closing `>`, skipping its attributes (a `>` inside a
        quoted value does not close it), or None when the page ends inside the tag."""
        markup = self.markup
        while True:
            pos = _SPACE.match(markup, pos).end()
            if pos >= len(markup):
                return None
            if markup[pos] == ">":
                return pos + 1
            pos = _ATTR_NAME.match(markup, pos).end()
            equals = _EQUALS.match(markup, pos)
            if equals is None:
                continue
            pos = equals.end()
            quote = markup[pos:pos + 1]
            if quote in ('"', "'"):
                end = markup.find(quote, pos + 1)
                if end < 0:
                    return None
                pos = end + 1
            else:
                pos = _UNQUOTED.match(markup, pos).end()

    def _raw_text(self, tag: str, pos: int) -> int:
        """Skip a script's or style's content. Left open, it would swallow the rest of the page:
        it ends before the next block element instead, where the page's text resumes. An end tag
        not found from one offset is not looked for again, so many unclosed ones stay linear."""
        end = None if tag in self.no_end else _RAW_END[tag].search(self.markup, pos)
        if end is not None:
            return end.start()  # the end tag is read as markup next, and closes the element
        self.no_end.add(tag)
        block = _NEXT_BLOCK.search(self.markup, pos)
        if self.hidden and self.hidden[-1] == tag:
            self.hidden.pop()
        return block.start() if block else len(self.markup)


class SourceMap:
    """Offsets of the extracted text mapped to the page source, by runs: run k covers text from
    `text_at[k]`; its characters stand for source `src_at[k]`.. one for one (`src_end[k]` is
    _STEP), or each for the whole span `src_at[k]`..`src_end[k]` (an entity)."""

    def __init__(self, source: str, text_at: array, src_at: array, src_end: array, length: int):
        self.source = source
        self.text_at, self.src_at, self.src_end, self.length = text_at, src_at, src_end, length
        self._lines = None

    @property
    def lines(self):
        """The source's lines (a finding's line number counts them), made when first asked for."""
        if self._lines is None:
            self._lines = _SourceLines(self.source)
        return self._lines

    def _span(self, i: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.text_at, i) - 1
        start, end = self.src_at[k], self.src_end[k]
        if end == _STEP:
            start += i - self.text_at[k]
            return start, start + 1
        return start, end

    def location(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end line, end column) in the source of the text span start..end;
        columns count code points, the end is inclusive."""
        last = min(max(start, end - 1), self.length - 1)
        start = min(start, self.length - 1)
        first = self._span(start)[0]
        line, col = self.lines.position(first)
        end_line, end_col = self.lines.position(max(first, self._span(last)[1] - 1))
        return line, col, end_line, end_col


_BREAK = re.compile(r"\r\n|\r|\n")


class _SourceLines:
    """The page source's lines as a sequence of Lines, each made when asked for: only where
    each line starts and ends is held. Line endings are CRLF, LF or CR, as in a Document."""

    def __init__(self, source: str):
        self.source = source
        self.starts, self.ends = array("q", [0]), array("q")
        for m in _BREAK.finditer(source):
            self.ends.append(m.start())
            self.starts.append(m.end())
        if len(self.starts) > 1 and self.starts[-1] == len(source):
            self.starts.pop()  # a final line ending does not open an empty line
        else:
            self.ends.append(len(source))

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> Line:
        if index < 0:
            index += len(self.starts)
        start, end = self.starts[index], self.ends[index]
        return Line(index + 1, start, end, self.source[start:end])

    def __iter__(self):
        return (self[i] for i in range(len(self.starts)))

    def position(self, offset: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        start, end = self.starts[index], self.ends[index]
        return index + 1, min(offset, end) - start + 1


def read_html(markup: str) -> tuple[str, SourceMap]:
    """The page's visible text and where each of its characters is in `markup`."""
    reader = _Reader(markup)
    reader.read()
    text, runs = reader.text.close()
    return text, SourceMap(markup, *runs, len(text))


def html_to_text(markup: str) -> str:
    return read_html(markup)[0]
