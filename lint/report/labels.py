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
