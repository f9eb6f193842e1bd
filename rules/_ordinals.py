"""Helpers shared by the ordinal rules (not a rule itself)."""

from __future__ import annotations

from rectlint.text import int_to_cn


def marker_text(style: str, number: int, full_width: bool) -> str:
    """The marker a heading of this style and number should carry."""
    open_, close = ("（", "）") if full_width else ("(", ")")
    cn = int_to_cn(number)
    return {
        "cn、": f"{cn}、", "cn.": f"{cn}、", "(cn)": f"{open_}{cn}{close}", "(cn)、": f"{open_}{cn}{close}",
        "(n)": f"{open_}{number}{close}", "(n)、": f"{open_}{number}{close}",
        "n)": f"{number}{close}", "n.": f"{number}.", "n、": f"{number}.", "n.(n)": f"{number}.",
        "问题cn": f"问题{cn}：", "问题n": f"问题{number}：", "第cn": f"第{cn}，",
    }[style]


def label(style: str, number: int) -> str:
    return marker_text(style, number, True)


def uses_full_width(doc, headings) -> bool:
    """Whether the document writes its bracketed markers full-width."""
    full = sum(1 for h in headings if "（" in h.marker or "）" in h.marker)
    half = sum(1 for h in headings if "(" in h.marker or ")" in h.marker)
    return full >= half


# Kinds of text whose headings are a numbered outline worth checking; a news item's or an
# article's numbers (1.1, photo captions) follow no such convention.
OUTLINED_KINDS = ("inspection", "audit", "official")


def outlined(doc) -> bool:
    return doc.info.kind in OUTLINED_KINDS
