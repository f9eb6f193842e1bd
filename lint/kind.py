"""What a text is (kind) and whether it is whole (completeness), read from its outline.

Structure rules run only where these support them: a news item gets no
finding about missing statuses, and a page cut off before its closing parts
gets no finding about parts outside the text.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice

from .conventions import kinds as cues
from .messages import phrase, said
from .outline import has_label
from .record import Record


class DocInfo(Record):
    """kind and completeness, plus `outlined`: whether the outline is firm enough to judge
    the text's parts by (a title, or numbered sections, or items)."""

    FIELDS = ("kind", "completeness", "detected", "reasons", "outlined")

    def __init__(self, kind: str, completeness: str, detected: bool = True, reasons: list | None = None,
                 outlined: bool = True):
        self.kind = kind  # one of conventions.kinds.KINDS
        self.completeness = completeness  # one of conventions.kinds.COMPLETENESS
        self.detected = detected  # False when the kind was set by configuration
        self.reasons = [] if reasons is None else reasons
        self.outlined = outlined

    @property
    def notice(self) -> bool:
        """A rectification notice or audit report: the texts that have items and parts."""
        return self.kind in cues.NOTICE_KINDS

    @property
    def starts_whole(self) -> bool:
        return self.completeness in ("complete", "ends-early")

    @property
    def ends_whole(self) -> bool:
        return self.completeness in ("complete", "starts-late")

    def as_dict(self) -> dict:
        return {"kind": self.kind, "completeness": self.completeness, "detected": self.detected}


def _text(doc, lines) -> str:
    return "\n".join(doc.folded[line.start:line.end] for line in lines)


def _heading_line(doc, body) -> str:
    """A first line short enough to be a title the outline did not take (巡察工作规程)."""
    if not body:
        return ""
    text = doc.folded[body[0].start:body[0].end].strip()
    return text if len(text) <= 40 and not text.endswith(("。", ",", ";", ":")) else ""


_HEAD_CHARS = 1500  # where a page's title and lead stand, below its menus and metadata
_HEAD_LINES = 120


def _head_lines(lines) -> list:
    """The opening lines of the text, up to _HEAD_CHARS characters."""
    out, size = [], 0
    for line in lines[:_HEAD_LINES]:
        out.append(line)
        size += line.end - line.start
        if size >= _HEAD_CHARS:
            break
    return out


def _head(doc, lines) -> str:
    return _text(doc, _head_lines(lines))


def _document_title(doc, outline, body) -> tuple[str, bool]:
    """(the title, whether it names a rectification report as a document does). The outline's
    title, or a line near the top of a page whose menus kept the outline from taking it."""
    if outline.title is not None:
        title = _text(doc, [outline.title])
    else:
        title = next((text for text in (doc.folded[line.start:line.end].strip() for line in _head_lines(body))
                      if cues.RECTIFICATION_TITLE.search(text) and cues.DOCUMENT_TITLE.search(text)
                      and len(text) <= 120), "") or _heading_line(doc, body)
    return title, bool(title and cues.RECTIFICATION_TITLE.search(title) and cues.DOCUMENT_TITLE.search(title))


def notice_parts(doc, outline, body=None, title=None, head=None) -> list[str]:
    """The parts of a rectification notice the text has: its title (a document's name for a
    rectification report), the lead's formula, items with statuses or measures, a supervision
    block. A text that only speaks of rectification, as news of a notice does, has none.
    `body`, `title` (as _document_title gives it) and `head`: what the caller has read already."""
    body = doc.body_lines() if body is None else body
    _, titled = _document_title(doc, outline, body) if title is None else title
    head = _head(doc, body) if head is None else head
    parts = ["title"] if titled else []
    if (cues.NOTICE_FORMULA.search(head) or cues.AUDIT_REPORT.search(head)
            or (cues.SUBJECT.search(head) and (cues.GENERIC_FORMULA.search(head) or cues.AUDIT_SESSION.search(head)))):
        parts.append("lead")
    if sum(1 for h in outline.items if h.status is not None or has_label(doc, h)) >= 2:
        parts.append("items")
    if outline.supervision:
        parts.append("closing")
    return parts


@lru_cache(maxsize=256)
def _reason(message_id: str, parts: tuple = (), count: int | None = None):
    """A reason, worded once per process: most documents give the same few (a Said is immutable)."""
    if parts:
        return said(message_id, parts=[phrase("notice-part." + p) for p in parts])
    return said(message_id) if count is None else said(message_id, count=count)


def detect_kind(doc, outline) -> tuple[str, list]:
    """What the text is, from the parts it has. A notice has two of a notice's parts, or one
    (not the closing alone) with little in it that reads as news; news has a headline that
    reports an event, a dateline, an opening or reported speech, and no notice around them."""
    body = doc.body_lines()
    found = _document_title(doc, outline, body)
    title = found[0]
    head = _text(doc, outline.lead[:6] or body[:6])
    page_head = _head(doc, body)
    parts = notice_parts(doc, outline, body, found, page_head)
    reasons = [_reason("reason.parts", tuple(parts))] if parts else []
    news = len(doc.matches(cues.NEWS_CUE, body))  # lines with a cue
    opening = islice((line for line in body if outline.title is None or line.number != outline.title.number), 2)
    if any(cues.NEWS_OPENING.match(doc.folded, line.start, line.end) for line in opening):
        news += 1
    if title and cues.NEWS_TITLE.search(title):
        news += 3
        reasons.append(_reason("reason.event-title"))
    if news:
        reasons.append(_reason("reason.news", count=news))
    # A supervision block alone is no notice: announcements of an inspection list hotlines too.
    if len(parts) >= 2 or (parts and parts != ["closing"] and news < 3):
        audit = not cues.INSPECTION_CUE.search(title) and (
            cues.AUDIT_CUE.search(title) or cues.audit_subject(title) or cues.AUDIT_REPORT_CUE.search(head)
            or cues.AUDIT_REPORT_CUE.search(page_head))
        return ("audit" if audit else "inspection"), reasons
    if news:
        return "news", reasons
    if (title and cues.OFFICIAL_TITLE.search(title)) or any(
            cues.SPEECH_OPENING.match(doc.folded, line.start, line.end) for line in body[:8]):
        return "official", reasons
    return "other", reasons


def detect_completeness(doc, outline, kind: str) -> str:
    body = doc.body_lines()
    if len(body) < 2:
        return "complete"  # a snippet is judged whole: only a longer text shows where it was cut
    first = doc.folded[body[0].start:body[0].end].lstrip()
    closed = outline.date_line is not None or bool(outline.signature)
    # A notice without a title that starts with its lead and ends with its 成文日期 is whole (its
    # title is missing); any other title-less start of a notice may be where a saved page was cut.
    starts_late = first[:1] in cues.CONTINUATION or (
        kind in cues.NOTICE_KINDS and outline.title is None and not (closed and cues.LEAD_OPENING.match(first)))
    ends_early = not closed and not outline.supervision and (
        doc.folded[body[-1].start:body[-1].end].rstrip()[-1:] not in cues.SENTENCE_END
        # A page whose notice stops inside its problems section, with nothing after it, was cut off.
        or (outline.page and kind in cues.NOTICE_KINDS and outline.items_section is not None
            and outline.root.children[-1] is outline.items_section))
    if starts_late and ends_early:
        return "fragment"
    if starts_late:
        return "starts-late"
    return "ends-early" if ends_early else "complete"


def document_info(doc, outline, override: str | None = None) -> DocInfo:
    if override:
        kind, reasons, detected = override, [said("reason.set")], False
    else:
        (kind, reasons), detected = detect_kind(doc, outline), True
    outlined = outline.title is not None or bool(outline.root.children) or bool(outline.items)
    return DocInfo(kind, detect_completeness(doc, outline, kind), detected, reasons, outlined)
