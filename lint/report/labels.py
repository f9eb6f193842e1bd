"""The words a reporter prints around the findings, read from the message catalogues."""

from __future__ import annotations

from ..messages import text


def severity(name: str, lang: str) -> str:
    return text("severity." + name, lang)


def severity_heading(name: str, lang: str) -> str:
    """A column head of a table of counts."""
    return text("severity-heading." + name, lang)


def category(name: str, lang: str) -> str:
    try:
        return text("category." + name, lang)
    except KeyError:  # a plugin's own category
        return name


def word(key: str, lang: str) -> str:
    return text("report." + key, lang)


def spot(place: dict, lang: str) -> str:
    """Another place of the same document, as a reference to it reads: 第 12 段（二、→（一））."""
    from ..place import spot_phrase

    found = spot_phrase(place)
    return text(found.id, lang, **found.args)


def where(place: dict, lang: str) -> str:
    """A finding's place as an editor looks for it: the page and line of a PDF or OFD; the
    part, paragraph and heading path of a .docx."""
    if "page" in place:
        return text("report.place-page", lang, page=place["page"], line=place["line"])
    part = "" if place["part"] == "body" else text("part." + place["part"], lang, index=place["part_index"])
    headings = text("report.place-headings", lang, path=place["headings"]) if place["headings"] else ""
    return text("report.place", lang, part=part, paragraph=place["paragraph"], headings=headings)
