"""What rules yield (Hit) and what reporters print (Finding)."""

from __future__ import annotations

from operator import attrgetter

from .record import FrozenRecord, Record

SEVERITIES = ("info", "warning", "error")
CATEGORIES = (
    "date", "ordinal", "status", "structure", "duplicate", "number",
    "punctuation", "placeholder", "privacy", "wording", "internal",
)


# How a fix may be applied, as in ruff: safe ones with --fix, unsafe ones (certain, but they
# carry meaning) only with --unsafe-fixes, display-only ones never; they are shown.
APPLICABILITIES = ("safe", "unsafe", "display-only")


# The order of findings: by file, line, column, then rule (Finding.sort_key, sort_findings).
SORT_FIELDS = ("path", "line", "column", "rule")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


class Fix(FrozenRecord):
    """The edits that repair one finding, each (start, end, replacement) in Document.text,
    and how safely they may be applied. Decided per hit: one rule may offer both kinds."""

    FIELDS = ("edits", "applicability")
    # One a finding: no dict each. Most fixes make one edit, held without a tuple around it.
    __slots__ = ("_edits", "applicability")

    def __init__(self, edits: tuple, applicability: str = "safe"):
        if applicability not in APPLICABILITIES:
            raise ValueError(f"applicability must be one of {', '.join(APPLICABILITIES)}")
        edits = tuple(tuple(edit) for edit in edits)
        object.__setattr__(self, "_edits", edits[0] if len(edits) == 1 else edits)
        object.__setattr__(self, "applicability", applicability)

    @property
    def edits(self) -> tuple:
        edits = self._edits
        return (edits,) if edits and type(edits[0]) is int else edits

    @classmethod
    def replace(cls, start: int, end: int, text: str, applicability: str = "safe") -> "Fix":
        return cls(((start, end, text),), applicability)

    def applies(self, unsafe: bool = False) -> bool:
        return self.applicability == "safe" or (unsafe and self.applicability == "unsafe")


class Hit(Record):
    """A problem as a rule sees it: a span of the document's text.

    `start` and `end` are offsets into Document.text, end exclusive.
    Messages come in both languages so the choice of --lang stays in the CLI.
    `related` holds (start, end) spans of the same document. `suggestion` is what the reader is
    told to write; `fix` is what --fix may do, and is independent of it.
    `key` is a stable identity for a finding about the document as a whole (a baseline keys on it
    instead of the text around the span, which edits elsewhere would change).
    """

    FIELDS = ("start", "end", "zh", "en", "suggestion", "related", "severity", "category", "fix", "key")
    __slots__ = (*FIELDS, "__weakref__")  # thousands a rule: no dict each (a test watches them go)

    def __init__(self, start: int, end: int, zh: str, en: str, suggestion: str | None = None,
                 related: list | None = None, severity: str | None = None, category: str | None = None,
                 fix: Fix | None = None, key: str | None = None):
        self.start = start
        self.end = end
        self.zh = zh
        self.en = en
        self.suggestion = suggestion
        self.related = () if related is None else related
        self.severity = severity
        self.category = category
        self.fix = fix
        self.key = key


class Location(Record):
    """A place in a file, as reported: 1-based, end column inclusive."""

    FIELDS = ("path", "line", "column", "end_line", "end_column", "place")
    __slots__ = FIELDS  # one a finding: no dict each

    def __init__(self, path: str, line: int, column: int, end_line: int, end_column: int,
                 place: dict | None = None):
        self.path = path
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.place = place  # where an editor finds it in Word or on a page (see place.py); not in the JSON

    def as_dict(self) -> dict:
        return {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
        }


class Finding(Record):
    """A located problem. Columns are 1-based code points, end inclusive."""

    FIELDS = ("path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "zh", "en",
              "suggestion", "related", "context", "fix", "place", "settled")
    # One a finding: no dict each. The context and the place may be held compactly (the engine's
    # Cut, place.Place) and are made when read.
    __slots__ = tuple("_" + name if name in ("context", "place") else name for name in FIELDS)

    def __init__(self, path: str, line: int, column: int, end_line: int, end_column: int, rule: str,
                 category: str, severity: str, zh: str, en: str, suggestion: str | None = None,
                 related: list[Location] | None = None, context: str = "", fix: Fix | None = None,
                 place: dict | None = None, settled: str | None = None):
        self.path = path
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.rule = rule
        self.category = category
        self.severity = severity
        self.zh = zh
        self.en = en
        self.suggestion = suggestion
        self.related = () if not related else related  # most have none: one empty tuple for all
        # Text of the flagged span and its surroundings: used by baselines, never printed.
        self.context = context
        self.fix = fix
        # Where an editor finds it in a .docx (see rectlint.place): part, paragraph, headings, quote.
        self.place = place
        # The context as it reads once rectlint's own certain repairs on its lines are made (None:
        # the same), so that a baseline entry survives them (engine.settle).
        self.settled = settled

    @property
    def context(self) -> str:
        context = self._context
        return context if isinstance(context, str) else context.text()

    @context.setter
    def context(self, value) -> None:
        self._context = value

    @property
    def place(self) -> dict | None:
        place = self._place
        return place if place is None or isinstance(place, dict) else place.as_dict()

    @place.setter
    def place(self, value) -> None:
        self._place = value

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def sort_key(self):
        return tuple(getattr(self, name) for name in SORT_FIELDS)

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
            **({"place": self.place} if self.place is not None else {}),
        }


def sort_findings(findings: list) -> list:
    """Sort findings in place as Finding.sort_key orders them, and return them. One field at a
    time, from the last (a stable sort keeps the order of the fields after it): a key tuple a
    finding was 8 MiB at the end of a long draft's run, where each field is held already."""
    for field in reversed(SORT_FIELDS):
        findings.sort(key=attrgetter(field))
    return findings
