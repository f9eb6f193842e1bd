"""Reporters: each turns findings into one string for stdout."""

from __future__ import annotations

from collections import Counter

FORMATS = ("text", "json", "sarif", "github", "html")


def render(fmt: str, findings, docs, lang: str, rules, color: bool = False, failed: int = 0) -> str:
    if fmt == "json":
        from .json_report import render_json
        return render_json(findings, lang, docs)
    if fmt == "sarif":
        from .sarif import render_sarif
        return render_sarif(findings, lang, rules, docs)
    if fmt == "html":
        from .html_report import render_html
        return render_html(findings, docs, lang)
    if fmt == "github":
        from .github import render_github
        return render_github(findings, lang)
    from .text import render_text
    return render_text(findings, docs, lang, color, failed)


def category_counts(findings) -> list[tuple[str, int]]:
    return sorted(Counter(f.category for f in findings).items())
