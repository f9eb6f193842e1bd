"""Word's automatic numbering (numbering.xml), rendered as the marker Word shows: 一、 （一） 1. （1）.

A numbered paragraph names a list instance (numId) and a level (ilvl), directly or through
its paragraph style. An instance points at an abstract list, whose levels give the start
value, the number format and the marker text ("%1、", "（%2）"). Counters belong to the
abstract list, so instances that share one continue each other, as in Word, unless an
instance restarts a level (startOverride). Numbering a level resets every deeper level.
The space, tab or nothing Word puts after a marker is layout, not text: it is left out.

A marker is bounded whatever the file says: values stop at Word's own largest (32767), a
marker's text template and the marker itself at MAX_MARKER characters, so a list that starts
at 10^10 in letters cannot make each marker millions of characters long. A style's numbering
is resolved once per style, so a long chain of basedOn styles costs its length once, not once
per paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .text import int_to_cn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

MAX_VALUE = 32767  # the largest start value Word accepts; counters stop there too
MAX_MARKER = 32  # characters of a marker's template and of the marker shown

_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, n = divmod(n, value)
        out += digits * count
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: 27 is "aa", 28 "bb".
    return chr(ord("a") + (n - 1) % 26) * min((n - 1) // 26 + 1, MAX_MARKER) if n > 0 else ""


def _enclosed(first: int, last: int):
    return lambda n: chr(first + n - 1) if 1 <= n <= last else str(n)


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02}",
    "decimalFullWidth": lambda n: str(n).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)}),
    "decimalFullWidth2": lambda n: str(n).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)}),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "chineseCounting": int_to_cn,
    "chineseCountingThousand": int_to_cn,
    "japaneseCounting": int_to_cn,
    "taiwaneseCounting": int_to_cn,
    "ideographDigital": lambda n: "".join("〇一二三四五六七八九"[int(d)] for d in str(n)),
    "chineseLegalSimplified": lambda n: int_to_cn(n).translate(_LEGAL),
    "ideographTraditional": lambda n: _STEMS[(n - 1) % 10],
    "ideographZodiac": lambda n: _BRANCHES[(n - 1) % 12],
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerLetter": _letters,
    "upperRoman": lambda n: _roman(n).upper(),
    "lowerRoman": _roman,
    "none": lambda n: "",
}


def _val(element, path: str, default=None):
    found = element.find(path) if element is not None else None
    return found.get(W + "val", default) if found is not None else default


def _number(value, default: int = 0) -> int:
    """A count as the file writes it, within 0..MAX_VALUE; anything else is the default."""
    value = (value or "").strip()
    if not value.isdigit() or not value.isascii():
        return default
    return min(int(value.lstrip("0")[:6] or "0"), MAX_VALUE)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False


@dataclass
class Numbering:
    """Numbering definitions and the running counters of one document."""

    abstract: dict = field(default_factory=dict)  # abstractNumId -> {ilvl: Level}
    nums: dict = field(default_factory=dict)  # numId -> (abstractNumId, {ilvl: start override})
    styles: dict = field(default_factory=dict)  # styleId -> (numId, ilvl, basedOn)
    counters: dict = field(default_factory=dict)  # abstractNumId -> {ilvl: current value}
    restarted: set = field(default_factory=set)  # (numId, ilvl) whose override has been applied
    resolved: dict = field(default_factory=dict)  # styleId -> (numId, ilvl) through its basedOn chain

    @classmethod
    def parse(cls, numbering_xml, styles_xml) -> "Numbering":
        """From the numbering and styles parts, each bytes, a binary stream or None. Both are
        streamed: each definition is read, then freed."""
        out = cls()
        for _, element in _definitions(numbering_xml, (W + "abstractNum", W + "num")):
            if element.tag == W + "abstractNum":
                out.abstract[element.get(W + "abstractNumId")] = {
                    _number(lvl.get(W + "ilvl")): _level(lvl) for lvl in element.iterfind(W + "lvl")}
            else:
                overrides = {}
                for over in element.iterfind(W + "lvlOverride"):
                    start = _val(over, W + "startOverride")
                    if start is not None:
                        overrides[_number(over.get(W + "ilvl"))] = _number(start)
                out.nums[element.get(W + "numId")] = (_val(element, W + "abstractNumId"), overrides)
        for _, style in _definitions(styles_xml, (W + "style",)):
            ppr = style.find(W + "pPr")
            num_pr = ppr.find(W + "numPr") if ppr is not None else None
            out.styles[style.get(W + "styleId")] = (
                _val(num_pr, W + "numId"), _val(num_pr, W + "ilvl"), _val(style, W + "basedOn"))
        return out

    def _from_style(self, style_id):
        """The (numId, ilvl) a paragraph style gives, itself or through the styles it is based
        on; each style is resolved once, however long the chain (a loop gives none)."""
        if style_id in self.resolved:
            return self.resolved[style_id]
        chain, found = {}, (None, None)  # a dict: in order, and asked in constant time
        while style_id and style_id in self.styles and style_id not in chain:
            if style_id in self.resolved:
                found = self.resolved[style_id]
                break
            chain[style_id] = None
            num_id, ilvl, based_on = self.styles[style_id]
            if num_id is not None:
                found = num_id, ilvl
                break
            style_id = based_on
        for name in chain:
            self.resolved[name] = found
        return found

    def marker(self, p) -> str:
        """The marker Word shows before paragraph `p` (a w:p element), counting it; "" if none."""
        ppr = p.find(W + "pPr")
        if ppr is None:
            return ""
        num_pr = ppr.find(W + "numPr")
        num_id, ilvl = _val(num_pr, W + "numId"), _val(num_pr, W + "ilvl")
        if num_id is None:
            style_num, style_lvl = self._from_style(_val(ppr, W + "pStyle"))
            num_id, ilvl = style_num, ilvl if ilvl is not None else style_lvl
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id)
        level_no = _number(ilvl)
        if not levels or level_no not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if level_no in overrides and (num_id, level_no) not in self.restarted:
            self.restarted.add((num_id, level_no))
            counters.pop(level_no, None)
            levels = {**levels, level_no: Level(overrides[level_no], levels[level_no].fmt, levels[level_no].text,
                                                levels[level_no].legal)}
        counters[level_no] = min(counters[level_no] + 1, MAX_VALUE) if level_no in counters else levels[level_no].start
        for deeper in [k for k in counters if k > level_no]:
            del counters[deeper]
        level = levels[level_no]
        out = level.text
        for n in range(9):
            token = f"%{n + 1}"
            if token in out:
                shown = levels.get(n, Level())
                value = counters.get(n, shown.start)
                fmt = "decimal" if level.legal and n != level_no else shown.fmt
                out = out.replace(token, FORMATS.get(fmt, str)(value)[:MAX_MARKER])
        return out[:MAX_MARKER]


def _definitions(xml, tags):
    """(event, element) for each top-level definition of the given tags, freed once read."""
    if not xml:
        return
    from io import BytesIO

    from lxml import etree

    stream = BytesIO(xml) if isinstance(xml, bytes) else xml
    for event, element in etree.iterparse(stream, events=("end",), tag=tags, resolve_entities=False,
                                          no_network=True, huge_tree=False):
        parent = element.getparent()
        if parent is not None and parent.getparent() is None:  # a child of the part's root
            yield event, element
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del parent[0]


def _level(lvl) -> Level:
    return Level(start=_number(_val(lvl, W + "start"), 1), fmt=_val(lvl, W + "numFmt", "decimal"),
                 text=_val(lvl, W + "lvlText", "")[:MAX_MARKER], legal=lvl.find(W + "isLgl") is not None)
