"""Visible text of a saved web page: block elements become lines, scripts and styles go.

Lines are the page's text blocks in order (a <p>, <div>, <li>, <tr>, heading or <br> ends a
line). Every character of that text remembers where it stands in the page source (an entity
such as &amp;nbsp; is one character standing for six), so a finding is reported at the line and
column of the source, where an editor, a GitHub annotation or a SARIF viewer looks.
"""

from __future__ import annotations

import html
from array import array
from html.parser import HTMLParser

import regex

from . import patterns
from .document import _split_lines, position_in

BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
          "dd", "dt", "dl", "hr", "title", "form", "figure", "figcaption", "address", "center", "td", "th"}
HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
# Start tags that end an unclosed <head> or foreign content (<svg>), as an HTML5 parser does.
BREAKOUT = BLOCKS | {"body", "b", "big", "code", "em", "i", "img", "small", "span", "strong", "sub", "sup", "u"}


class _Text(HTMLParser):
    def __init__(self, markup: str):
        super().__init__(convert_charrefs=False)
        self.markup = markup
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(markup)]  # as getpos() counts lines
        self.lines: list[list] = []  # each a list of (character, source start, source end)
        self.current: list = []
        self.hidden: list[str] = []  # the open elements whose content is not shown

    def _here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _break(self):
        # Collapse ASCII white space as a browser does; NBSP and U+3000 are visible and stay.
        kept, space = [], None
        for char, start, end in self.current:
            if char in " \t\r\n":
                if kept and space is None:
                    space = (" ", start, end)
            else:
                if space is not None:
                    kept.append(space)
                    space = None
                kept.append((char, start, end))
        if "".join(c for c, _, _ in kept).strip():
            self.lines.append(kept)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in BREAKOUT:
            # <body> or a block ends a <head> whose end tag was left out (valid HTML5), and an
            # HTML element ends foreign content such as an unclosed <svg>.
            while self.hidden and self.hidden[-1] in ("head", "svg", "title"):
                self.hidden.pop()
        if tag in HIDDEN or tag == "title":
            self.hidden.append(tag)
        elif tag in BLOCKS:
            self._break()

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS:
            self._break()

    def handle_endtag(self, tag):
        if tag in self.hidden:
            while self.hidden and self.hidden.pop() != tag:
                pass
        elif tag in BLOCKS:
            self._break()

    def handle_data(self, data):
        if not self.hidden:
            base = self._here()
            self.current.extend((char, base + i, base + i + 1) for i, char in enumerate(data))

    def _reference(self, raw_name: str):
        if self.hidden:
            return
        start = self._here()
        end = start + len(raw_name)
        if self.markup.startswith(";", end):
            end += 1
        for char in html.unescape(self.markup[start:end]):
            self.current.append((char, start, end))

    def handle_entityref(self, name):
        self._reference("&" + name)

    def handle_charref(self, name):
        self._reference("&#" + name)


_UNCLOSED_RAW = patterns.compile(r"<(script|style)\b[^>]*>(?![\s\S]*?</\1\s*>)", regex.I)
_NEXT_BLOCK = patterns.compile(r"<(?:p|div|h[1-6]|table|tr|li|ul|ol|section|article|main|body|br)\b", regex.I)


_NEWLINE = patterns.compile(r"\n")


def _close_raw_text(markup: str) -> tuple[str, list]:
    """A <script> or <style> left open would swallow the rest of the page: end it before the
    next block element, where the page's text resumes. Also returns the (offset, length) of
    each end tag added, to map offsets back to the page as written."""
    added = []
    while True:
        m = _UNCLOSED_RAW.search(markup)
        if m is None:
            return markup, added
        nxt = _NEXT_BLOCK.search(markup, m.end())
        cut = nxt.start() if nxt else len(markup)
        tag = f"</{m.group(1)}>"
        markup = markup[:cut] + tag + markup[cut:]
        added.append((cut, len(tag)))


class SourceMap:
    """Offsets of the extracted text mapped to the page source: `starts[i]`..`ends[i]` is the
    source span of text character i."""

    def __init__(self, source: str, starts: array, ends: array):
        self.source, self.starts, self.ends = source, starts, ends
        self.lines = _split_lines(source)
        self._line_starts = [line.start for line in self.lines]

    def _position(self, offset: int) -> tuple[int, int]:
        return position_in(self.lines, self._line_starts, offset)

    def location(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end line, end column) in the source of the text span start..end;
        columns count code points, the end is inclusive."""
        last = min(max(start, end - 1), len(self.starts) - 1)
        start = min(start, len(self.starts) - 1)
        line, col = self._position(self.starts[start])
        end_line, end_col = self._position(max(self.starts[start], self.ends[last] - 1))
        return line, col, end_line, end_col


def read_html(markup: str) -> tuple[str, SourceMap]:
    """The page's visible text and where each of its characters is in `markup`."""
    closed, added = _close_raw_text(markup)
    parser = _Text(closed)
    parser.feed(closed)
    parser.close()
    parser._break()
    chars, starts, ends = [], array("q"), array("q")
    for i, line in enumerate(parser.lines):
        if i:  # the blank line between blocks stands where the previous block ended
            chars.append("\n\n")
            starts.extend((ends[-1], ends[-1]))
            ends.extend((ends[-1], ends[-1]))
        for char, start, end in line:
            chars.append(char)
            starts.append(start)
            ends.append(end)
    last = ends[-1] if ends else 0
    chars.append("\n")
    starts.append(last)
    ends.append(last)
    if added:
        starts, ends = (array("q", (_unshift(o, added) for o in offsets)) for offsets in (starts, ends))
    return "".join(chars), SourceMap(markup, starts, ends)


def _unshift(offset: int, added: list) -> int:
    return offset - sum(length for at, length in added if at < offset)


def html_to_text(markup: str) -> str:
    return read_html(markup)[0]
