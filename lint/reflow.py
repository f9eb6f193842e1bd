"""Prose for a terminal or a page: documentation hard-wrapped in the source joined back into
paragraphs, and a paragraph wrapped to a width in terminal cells the way Chinese is set: a
line never starts with closing punctuation nor ends with opening punctuation (避头尾).
"""

from __future__ import annotations

import re

from .text import display_width

# Marks that belong to the character before them (never first on a line) and after them
# (never last on a line); GB/T 15834's closing and opening marks, full- and half-width.
CLOSING = frozenset("，。、；：？！）》」』】〕〉”’…%‰,.;:?!)]}·")
OPENING = frozenset("（《「『【〔〈“‘([{")
_EXAMPLE = re.compile(r"(?:Bad|Good):|(?:错误|正确)：")
_LIST_ITEM = re.compile(r"(?:[-*•] |\d+[.)] )")
_TOKEN = re.compile(r"[!-~]+| +|.", re.S)  # a run of printable ASCII, a run of spaces, any one character


def unwrap(doc: str, lang: str = "en") -> str:
    """Each paragraph and list item on one line. A blank line, a list item (`- `, `1. `) and an
    example label (`Bad:`, `Good:`, `错误：`, `正确：`) start a line, and an example's indented
    continuation lines stay as written: they are lines of the example text. In Chinese, lines
    are joined without a space unless both sides are ASCII."""
    out: list[str] = []
    example = False
    for raw in doc.splitlines():
        line = raw.strip()
        if not line:
            out.append("")
            example = False
        elif _EXAMPLE.match(line):
            out.append(line)
            example = True
        elif example and raw[:1].isspace():
            out.append(raw.rstrip())
        elif not out or not out[-1] or example or _LIST_ITEM.match(line):
            out.append(line)
            example = False
        else:
            out[-1] += _joiner(out[-1], line, lang) + line
    return "\n".join(out).strip("\n")


def _joiner(before: str, after: str, lang: str) -> str:
    if lang == "en":
        return " "
    return " " if before[-1].isascii() and after[0].isascii() else ""


def is_example_line(line: str) -> bool:
    """An example's label line, or an indented line of its text."""
    return bool(_EXAMPLE.match(line)) or line[:1].isspace()


def wrap(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """`text` (one paragraph) in lines of at most `width` terminal cells, each starting with
    `indent` (the first) or `subsequent` (the others). Breaks fall at spaces and between
    Chinese characters; closing punctuation hangs at the end of a line instead of starting the
    next, and opening punctuation moves down with the word it opens. A word longer than the
    line stands alone."""
    subsequent = indent if subsequent is None else subsequent
    tokens = _TOKEN.findall(text.strip())
    lines: list[str] = []
    current, used = indent, display_width(indent)
    start = len(indent)  # where the current line's own text begins
    glued = False  # no space before the token
    for token in tokens:
        if token.isspace():
            if len(current) > start:
                current, used = current + " ", used + 1
            glued = False
            continue
        w = display_width(token)
        # A straight quote right after text closes it, like ”.
        closing = token[0] in CLOSING or (glued and token[0] in "\"'")
        glued = True
        if used + w > width and len(current.rstrip()) > start and not closing:
            carried = ""
            while len(current.rstrip()) > start + len(carried) and current.rstrip()[-1 - len(carried)] in OPENING:
                carried = current.rstrip()[-1 - len(carried)] + carried
            head = current.rstrip()
            lines.append(head[:len(head) - len(carried)] if carried else head)
            current = subsequent + carried
            start = len(subsequent)
            used = display_width(current)
        current, used = current + token, used + w
    if len(current.rstrip()) > start or not lines:
        lines.append(current.rstrip())
    return lines


def fill(doc: str, width: int, lang: str = "en") -> str:
    """Documentation for a terminal: unwrapped, then each paragraph wrapped to `width` cells
    (a list item's continuation indented under its text); example lines as written."""
    out = []
    for line in unwrap(doc, lang).splitlines():
        if not line or is_example_line(line):
            out.append(line)
            continue
        item = _LIST_ITEM.match(line)
        out.extend(wrap(line, width, "", " " * len(item.group()) if item else ""))
    return "\n".join(out)
