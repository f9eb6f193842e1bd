"""Human output: a header line per finding, the source with a caret underline, a summary."""

from __future__ import annotations

from rectlint.privacy import masked_lines, redact
from rectlint.text import display_width, printable

from ..messages import phrase, text
from .labels import category, severity, spot, where, word

STREAMING = True

WINDOW = 24  # code points of context shown on each side of a long line's finding
_COLORS = {"error": "31", "warning": "33", "info": "34"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _snippet(line_text: str, col: int, end_col: int) -> tuple[str, str]:
    """The line (cut to a window around the span) and its caret underline."""
    text = line_text.replace("\t", " ")
    start = col - 1
    end = max(start + 1, end_col)
    lo = max(0, start - WINDOW)
    hi = min(len(text), end + WINDOW)
    while lo < start and not text[lo].strip():
        lo += 1  # leading indentation tells nothing
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    shown = prefix + text[lo:hi] + suffix
    pad = display_width(prefix + text[lo:start])
    marks = max(1, display_width(text[start:min(end, len(text))]))
    return shown, " " * pad + "^" * marks


class Stream:
    def __init__(self, run):
        self.run = run

    def document(self, path, findings) -> str:
        """One document's findings, with their source lines."""
        lang, color, doc = self.run.lang, self.run.color, self.run.documents.get(path)
        masked = masked_lines(findings)
        out = []
        for f in findings:
            sev = _paint(severity(f.severity, lang), _COLORS[f.severity], color)
            rule = _paint(f"[{f.rule}]", "2", color)
            mark = " [*]" if f.fix is not None and f.fix.applies(self.run.unsafe) else ""
            out.append(f"{printable(f.path)}:{f.line}:{f.column}: {sev} {rule}{mark} {f.message(lang)}")
            if f.place is not None:  # a .docx: the editor looks for a heading and a paragraph, not a line
                out.append("      " + where(f.place, lang))
            if doc is not None and 0 < f.line <= len(doc.shown_lines):
                line = doc.shown_lines[f.line - 1]
                end_col = f.end_column if f.end_line == f.line else len(line.text)
                shown, carets = _snippet(redact(line.text, masked.get((f.path, f.line), ())), f.column, end_col)
                gutter = "    ¶ | " if f.place is not None else f"{f.line:>5} | "
                out.append(gutter + shown)
                out.append(" " * (len(gutter) - 2) + "| " + _paint(carets, _COLORS[f.severity], color))
            if f.suggestion:
                out.append("      = " + word("suggestion", lang) + f.suggestion)
            for r in f.related:
                out.append("      = " + word("see-also", lang) + (spot(r.place, lang) if r.place is not None and r.path == f.path
                                                                   else f"{printable(r.path)}:{r.line}:{r.column}"))
            if self.run.show_fixes and mark:
                out.append("      = " + word("fix", lang) + _repair(f, doc, lang))
        return "".join(line + "\n" for line in out)

    def end(self, tally) -> str:
        """The summary line, over every finding of the run."""
        return _summary(tally, self.run.lang, self.run.failed, self.run.linted) + "\n"


def _repair(finding, doc, lang: str, shown: int = 3) -> str:
    """A finding's edits as “old”→“new”, the old text read from the lines the document kept."""
    parts = [text("report.quote", lang, text=_old_text(doc, start, end)) + "→" + text("report.quote", lang, text=new)
             for start, end, new in finding.fix.edits[:shown]]
    more = len(finding.fix.edits) - shown
    if more > 0:
        parts.append(phrase("report.more-edits", count=more))
    return text("report.edits", lang, edits=parts)


def _old_text(doc, start: int, end: int) -> str:
    line = doc.line_holding(start, end) if doc is not None else None
    return line.text[start - line.start:end - line.start] if line is not None else "…"


def _summary(tally, lang: str, failed: int = 0, linted: int | None = None) -> str:
    stale = "\n" + text("report.stale", lang, count=tally.stale) if tally.stale else ""
    return _counts(tally.without_stale(), lang, failed, linted) + stale


def _counts(tally, lang: str, failed: int, linted: int | None) -> str:
    unread = text("report.unread", lang, count=failed) if failed else ""
    total = tally.total
    if failed and linted == 0:  # nothing could be read: never a clean result
        return text("report.nothing-read", lang, count=failed)
    if not total:
        return text("report.nothing-in-what-was-read", lang) + unread if failed else text("report.nothing", lang)
    sev = tally.severities()  # a Counter: a severity with no findings counts 0
    return text("report.summary", lang, total=total, findings=phrase("report.finding" if total == 1 else "report.findings"),
                error=sev["error"], warning=sev["warning"], info=sev["info"],
                categories=[f"{category(c, lang)} {n}" for c, n in tally.categories()]) + unread
