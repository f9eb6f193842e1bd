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
_TOKEN = re.compile(r"[\x21-\x7e]+| +|.", re.S)  # a run of printable ASCII, a run of spaces, any one character


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
    Chinese characters. A closing mark that would start a line takes the word it closes down
    with it, and an opening mark that would end one moves down to the word it opens (推出);
    only a line that cannot give way (one long word) runs over."""
    subsequent = indent if subsequent is None else subsequent
    lines: list[str] = []
    prefix, current = indent, []  # current: (token, closes, opens) of the line being filled
    glued = False
    for token in _TOKEN.findall(text.strip()):
        if token.isspace():
            if current:
                current.append((" ", False, False))
            glued = False
            continue
        # A straight quote right after text closes it, like ”; after a space it opens, like “.
        closes = token[0] in CLOSING or (glued and token[0] in "\"'")
        opens = token[-1] in OPENING or (not glued and token in ("\"", "'"))
        glued = True
        used = display_width(prefix) + sum(display_width(t) for t, _, _ in current)
        cut = _break(current, closes) if current and used + display_width(token) > width else None
        if cut is not None:
            lines.append(prefix + "".join(t for t, _, _ in current[:cut]).rstrip())
            prefix, current = subsequent, current[cut:]
            while current and current[0][0] == " ":
                current.pop(0)
        current.append((token, closes, opens))
    if current or not lines:
        lines.append(prefix + "".join(t for t, _, _ in current).rstrip())
    return lines


def _break(tokens: list, closing: bool) -> int | None:
    """Where to end a full line before the token that does not fit: before the word a closing
    mark closes (with the marks between), and before opening marks at its end; None where no
    break is allowed on the line (the token then runs over)."""
    cut, closes = len(tokens), closing
    while closing and cut:
        while cut and tokens[cut - 1][0] != " " and tokens[cut - 1][1]:
            cut -= 1
        while cut and tokens[cut - 1][0] == " ":  # 〔 〕: the mark it closes stands a space away
            cut -= 1
        if cut:
            cut -= 1
        closing = bool(cut) and tokens[cut][1]  # a list of marks (，， 。。): back to the word before
    while cut and tokens[cut - 1][2]:
        cut -= 1
    if not any(t != " " for t, _, _ in tokens[:cut]):
        return None if closes or tokens[-1][2] else len(tokens)
    return cut


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
