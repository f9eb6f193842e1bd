"""Status vocabulary shared by the status rules (shared/domain.md §3)."""

from __future__ import annotations

import regex

VOCABULARY = ["已完成整改", "已完成", "完成", "已整改到位", "已办结", "基本完成", "阶段性完成",
              "正在整改", "持续整改", "长期坚持", "立行立改"]
# Statuses that claim the work is finished.
COMPLETE = ["已完成整改", "已完成", "完成", "已整改到位", "已办结", "立行立改"]
PARTIAL = ["基本完成", "阶段性完成", "正在整改", "持续整改", "长期坚持"]

_SPLIT = regex.compile(r"[,，、/；;]+")


def terms(status_text: str) -> list[str]:
    """The separate status words of a status text: "已完成整改，长期坚持" → two terms."""
    return [t.strip(" 。.") for t in _SPLIT.split(status_text) if t.strip(" 。.")]


def in_vocabulary(status_text: str, vocabulary) -> bool:
    return all(t in vocabulary for t in terms(status_text))


def is_complete(status_text: str, complete) -> bool:
    found = terms(status_text)
    return bool(found) and all(t in complete for t in found)


def summary_scope(doc):
    """Lines before the problem items: the lead and the organising section."""
    outline = doc.outline
    first_item = outline.items[0].line.number if outline.items else None
    lines = list(outline.lead)
    for h in outline.headings:
        if first_item is not None and h.line.number >= first_item:
            break
        if outline.items_section is not None and h is outline.items_section:
            break
        lines.append(h.line)
        lines.extend(h.body)
    return sorted(lines, key=lambda line: line.number)
