"""Where a finding is, said as an editor finds it: in Word, the part, the paragraph, the heading
path (二、→（一）→3.) and a quote of the text around it (a .docx has no lines an editor sees);
on a printed page (a PDF, an OFD), the page and the line on it (第 3 页第 12 行)."""

from __future__ import annotations

from .messages import phrase
from .record import Record

# The formats read as a .docx: a .docx, or a file LibreOffice converted to one (convert.py).
CONVERTED_KINDS = {"doc", "wps", "odt", "rtf", "docm"}
WORD_KINDS = {"docx", *CONVERTED_KINDS}
QUOTE = 16  # code points of the paragraph quoted on each side of the finding


def heading_path(doc, number: int) -> list[str]:
    """Markers of the headings that line `number` stands under, outermost first (a list shared
    by the findings under one heading: Outline.marker_path)."""
    return doc.outline.marker_path(number)


def place(doc, start: int, end: int, line_number: int | None = None):
    """The place of the span start..end, for the formats that have one (else None): a dict, or
    for a .docx a Place that makes the dict when asked. `line_number`: the number of the line that
    holds `start`, when the caller has it (a long draft's line makes a new int each time it is
    asked, and a finding keeps both)."""
    pages = getattr(doc, "pages", None)
    if pages is not None:
        line = doc.line_at(start)
        page, number = pages.at(line.number - 1, start - line.start)
        return {"page": page, "line": number}
    if doc.kind not in WORD_KINDS:
        return None
    line = doc.line_at(start)
    part = doc.part_of(line.number)
    lo, hi = max(line.start, start - QUOTE), min(line.end, max(end, start + 1) + QUOTE)
    from .privacy import masked_line, masked_text  # the quote holds no personal number

    one = masked_line(doc, lo, hi)
    # The quote is cut from the masked line when asked: the line is the document's own (its
    # masked lines are kept while rules run), shared by the findings on it. A masked line is as
    # long as the line, so the … of a quote that does not reach its line's edges are known too.
    if one is not None:
        text, at, upto = one[0], one[1], one[1] + hi - lo
    else:  # made now, whole
        text = ("…" if lo > line.start else "") + masked_text(doc, lo, hi) + ("…" if hi < line.end else "")
        at, upto = 0, len(text)
    if line_number is None:
        line_number = line.number
    return Place(part.kind if part else "body", part.index if part else None,
                 line_number - part.first + 1 if part else line_number,
                 heading_path(doc, line.number) if part is None else None, text, at, upto)


def place_dict(doc, start: int, end: int) -> dict | None:
    """The place of start..end as a dict, made now (the few places a message or a related
    location names)."""
    spot = place(doc, start, end)
    return spot.as_dict() if isinstance(spot, Place) else spot


class Place(Record):
    """Where a finding in a .docx is, as its place dict says it (`as_dict`), held without a dict
    or a quote of its own: tens of thousands of findings in a long draft each had both."""

    FIELDS = ("part", "part_index", "paragraph", "headings", "line", "start", "end")
    __slots__ = FIELDS

    def __init__(self, part: str, part_index, paragraph: int, headings, line: str, start: int, end: int):
        self.part, self.part_index, self.paragraph, self.headings = part, part_index, paragraph, headings
        self.line, self.start, self.end = line, start, end  # the quote: line[start:end], … where it goes on

    def as_dict(self) -> dict:
        line, start, end = self.line, self.start, self.end
        return {
            "part": self.part,
            "part_index": self.part_index,
            "paragraph": self.paragraph,
            "headings": [] if self.headings is None else self.headings,
            "quote": ("…" if start else "") + line[start:end] + ("…" if end < len(line) else ""),
        }


def reference(doc, start: int):
    """Another place of the same document, as a message names it (a Phrase): 第 12 段（二、→（一））
    in Word, 第 3 页第 12 行 on a printed page, 第12行 in a text."""
    spot = place_dict(doc, start, start + 1)
    if spot is None:
        return phrase("place.line", line=doc.line_at(start).number)
    return spot_phrase(spot)


def spot_phrase(spot: dict):
    """A place (as `place` gives it) as a Phrase, without the 位置： of a finding's own place."""
    if "page" in spot:
        return phrase("place.page-line", page=spot["page"], line=spot["line"])
    part = "" if spot["part"] == "body" else phrase("part." + spot["part"], index=spot["part_index"])
    under = phrase("place.under", path=spot["headings"]) if spot["headings"] else ""
    return phrase("place.paragraph", part=part, paragraph=spot["paragraph"], headings=under)
