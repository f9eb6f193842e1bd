"""Who issued a notice and when, as the corpus index records them (not a rule).

The issuer is the signature above the 成文日期 (中共某局党组), else what the title names before
关于 (中共某局党组关于…的通报); the date is the 成文日期 line's, in any form the date
conventions read (2025年11月20日, 二〇二五年十一月二十日, or a broken form with one repair).
"""

from __future__ import annotations

import datetime as dt

from .conventions.dates import mentions_repaired, to_date

_MAX_ISSUER = 40  # characters: a longer "signature" is a sentence, not a name


def _name(text: str) -> str | None:
    """A unit's name without spaces or leading marks (a Markdown #); None unless it has words."""
    text = "".join(text.split()).lstrip("#*>-_=·")
    return text if sum(ch.isalpha() for ch in text) >= 2 else None


def issuer_of(doc) -> str | None:
    outline = doc.outline
    names = [_name(doc.folded[line.start:line.end]) for line in outline.signature]
    names = [name for name in names if name]
    if names:
        return "、".join(names)[:_MAX_ISSUER * 2]
    title = outline.title
    if title is not None:
        head = "".join(doc.folded[title.start:title.end].split())
        cut = head.find("关于")
        if 0 < cut <= _MAX_ISSUER:
            return _name(head[:cut])
    return None


def issued_of(doc) -> dt.date | None:
    """The 成文日期, where the notice has one that names a real day (a near miss read as its
    repair where that is unique)."""
    line = doc.outline.date_line
    if line is None:
        return None
    for mention in mentions_repaired(doc, line.start, line.end):
        if mention.day is not None:
            return to_date(mention)
    return None
