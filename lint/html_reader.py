"""Visible text of a saved web page: block elements become lines, scripts and styles go.

Lines are the page's text blocks in order (a <p>, <div>, <li>, <tr>, heading or
<br> ends a line), so a finding's line is the block's line in that text.
"""

from __future__ import annotations

from html.parser import HTMLParser

BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
          "dd", "dt", "dl", "hr", "title", "form", "figure", "figcaption", "address", "center", "td", "th"}
HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden = 0

    def _break(self):
        text = "".join(self.current).replace("\t", " ").replace("\r", " ").replace("\n", " ")
        # Collapse ASCII white space as a browser does; NBSP and U+3000 are visible and stay.
        collapsed = " ".join(part for part in text.split(" ") if part)
        if collapsed.strip():
            self.lines.append(collapsed.strip(" "))
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN or tag == "title":
            self.hidden += 1
        elif tag in BLOCKS:
            self._break()

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS:
            self._break()

    def handle_endtag(self, tag):
        if tag in HIDDEN or tag == "title":
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self._break()

    def handle_data(self, data):
        if not self.hidden:
            self.current.append(data)


def html_to_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    parser._break()
    return "\n\n".join(parser.lines) + "\n"
