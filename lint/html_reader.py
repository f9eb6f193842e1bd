"""Visible text of a saved web page: block elements become lines, scripts and styles go.

Lines are the page's text blocks in order (a <p>, <div>, <li>, <tr>, heading or
<br> ends a line), so a finding's line is the block's line in that text.
"""

from __future__ import annotations

from html.parser import HTMLParser

import regex

BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
          "dd", "dt", "dl", "hr", "title", "form", "figure", "figcaption", "address", "center", "td", "th"}
HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
# Start tags that end an unclosed <head> or foreign content (<svg>), as an HTML5 parser does.
BREAKOUT = BLOCKS | {"body", "b", "big", "code", "em", "i", "img", "small", "span", "strong", "sub", "sup", "u"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden: list[str] = []  # the open elements whose content is not shown

    def _break(self):
        text = "".join(self.current).replace("\t", " ").replace("\r", " ").replace("\n", " ")
        # Collapse ASCII white space as a browser does; NBSP and U+3000 are visible and stay.
        collapsed = " ".join(part for part in text.split(" ") if part)
        if collapsed.strip():
            self.lines.append(collapsed.strip(" "))
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
            self.current.append(data)


_UNCLOSED_RAW = regex.compile(r"<(script|style)\b[^>]*>(?![\s\S]*?</\1\s*>)", regex.I)
_NEXT_BLOCK = regex.compile(r"<(?:p|div|h[1-6]|table|tr|li|ul|ol|section|article|main|body|br)\b", regex.I)


def _close_raw_text(markup: str) -> str:
    """A <script> or <style> left open would swallow the rest of the page: end it before the
    next block element, where the page's text resumes."""
    while True:
        m = _UNCLOSED_RAW.search(markup)
        if m is None:
            return markup
        nxt = _NEXT_BLOCK.search(markup, m.end())
        cut = nxt.start() if nxt else len(markup)
        markup = markup[:cut] + f"</{m.group(1)}>" + markup[cut:]


def html_to_text(markup: str) -> str:
    parser = _Text()
    parser.feed(_close_raw_text(markup))
    parser.close()
    parser._break()
    return "\n\n".join(parser.lines) + "\n"
