"""Helpers shared by the status rules; the vocabulary itself lives in rectlint.conventions.status."""

from __future__ import annotations

from rectlint.conventions.status import (  # noqa: F401 - the rules' one import of the vocabulary
    COMPLETE, PARTIAL, VOCABULARY, in_vocabulary, is_complete, terms)


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
