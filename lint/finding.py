"""What rules yield (Hit) and what reporters print (Finding)."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")
CATEGORIES = (
    "date", "ordinal", "status", "structure", "duplicate", "number",
    "punctuation", "placeholder", "privacy", "wording", "internal",
)


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass
class Hit:
    """A problem as a rule sees it: a span of the document's text.

    `start` and `end` are offsets into Document.text, end exclusive.
    Messages come in both languages so the choice of --lang stays in the CLI.
    `related` holds (start, end) spans of the same document.
    """

    start: int
    end: int
    zh: str
    en: str
    suggestion: str | None = None
    related: list = field(default_factory=list)
    severity: str | None = None
    category: str | None = None
    # Edits that repair the problem, as (start, end, replacement). When None, a
    # rule that declares FIX gets the suggestion applied to the span.
    fix: list | None = None
    # A stable identity for a finding about the document as a whole (a baseline keys on it
    # instead of the text around the span, which edits elsewhere would change).
    key: str | None = None


@dataclass
class Location:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    def as_dict(self) -> dict:
        return {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
        }


@dataclass
class Finding:
    """A located problem. Columns are 1-based code points, end inclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: str
    zh: str
    en: str
    suggestion: str | None = None
    related: list[Location] = field(default_factory=list)
    # Text of the flagged span and its surroundings: used by baselines, never printed.
    context: str = ""
    edits: list = field(default_factory=list)  # (start, end, replacement) offsets in the text
    fix_safe: bool = True

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def sort_key(self):
        return (self.path, self.line, self.column, self.rule)

    def as_dict(self, lang: str = "zh") -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message(lang),
            "suggestion": self.suggestion,
            "related": [r.as_dict() for r in self.related],
        }
