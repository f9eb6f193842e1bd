"""Number parsing shared by the number rules (not a rule itself).

See docs/conventions.md#counts.
"""

from __future__ import annotations

from rectlint import patterns
from rectlint.conventions.counts import to_int

# Arabic, or Chinese numerals as counts are also written (三个问题，其中两个…).
NUM = r"(?:\d+(?:\.\d+)?|(?<![一二两三四五六七八九十百千])[一二两三四五六七八九十百千]+)"
# Units counted together: 人 and 名 both count people.
_UNIT_CLASS = {"名": "人", "位": "人", "人次": "人次", "个": "个", "项": "项", "起": "起", "件": "件",
               "次": "次", "家": "家", "种": "种", "户": "户", "条": "条", "份": "份", "期": "期",
               "台": "台", "所": "所", "元": "元", "万元": "元", "亿元": "元", "人": "人"}
UNIT = r"(?:万元|亿元|人次|[人名位个项起件次家种户条份期台所元])"
_SCALE = {"万元": 10_000, "亿元": 100_000_000}


def number(text: str) -> float:
    """12, 3.5 or 十二 as a number."""
    if text[:1].isdigit():
        return float(text)
    return float(to_int(text) or 0)


def value(text: str, unit: str) -> float:
    return number(text) * _SCALE.get(unit, 1)


def unit_class(unit: str) -> str:
    return _UNIT_CLASS.get(unit, unit)


SENTENCE = patterns.compile(r"[^。！？!?\n]+[。！？!?]?")
_WHEREOF = patterns.compile(r"\s*其中")


def sentences(text: str, lo: int, hi: int):
    """(start, end) of each sentence in a span; "。其中：" stays with the sentence before it."""
    spans = [(m.start(), m.end()) for m in SENTENCE.finditer(text, lo, hi)]
    merged = []
    for start, end in spans:
        if merged and _WHEREOF.match(text, start, end):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
