"""GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from rectlint.finding import SEVERITIES

from ..messages import text
from .labels import category, severity, word

_WORST_FIRST = tuple(reversed(SEVERITIES))

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


STREAMING = True


class Stream:
    def __init__(self, run):
        self.run = run

    def document(self, path, findings) -> str:
        lang = self.run.lang
        out = []
        for f in findings:
            message = f.message(lang)
            if f.suggestion:
                message = text("report.with-suggestion", lang, message=message, suggestion=f.suggestion)
            props = (f"file={_escape_property(f.path)},line={f.line},col={f.column},"
                     f"endLine={f.end_line},endColumn={f.end_column},"
                     f"title={_escape_property('rectlint ' + f.rule)}")
            out.append(f"::{_LEVEL[f.severity]} {props}::{_escape_data(message)}\n")
        return "".join(out)

    def end(self, tally) -> str:
        return ""


def step_summary(tally, lang: str) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: GitHub shows only some annotations per step."""
    stale, tally = tally.stale, tally.without_stale()
    counts = tally.by("category", "severity")
    cats = sorted({c for c, _ in counts})
    head = "| " + " | ".join([word("category", lang), *(severity(s, lang) for s in _WORST_FIRST)]) + " |"
    rows = [f"| {category(c, lang)} | " + " | ".join(str(counts.get((c, s), 0)) for s in _WORST_FIRST) + " |"
            for c in cats]
    total = tally.total
    title = text("report.github-title", lang, total=total)
    tail = [text("report.stale", lang, count=stale), ""] if stale else []
    return "\n".join([title, "", head, "| --- | --- | --- | --- |", *rows, "", *tail]) + "\n"
