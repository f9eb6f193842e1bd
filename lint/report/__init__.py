"""Reporters: each format is one module.

A format that needs the whole run at once (SARIF, HTML) offers `render(findings, run) -> str`.
A format that can print as documents are linted (text, github, json, jsonl) sets STREAMING =
True and offers a `Stream(run)` with `document(path, findings) -> str`, called once per linted
document in path order, and `end(tally) -> str`, which closes the output. Chunks are written
as they are, one after another; their concatenation is the format's whole output, so a
streamed run and `render` print the same bytes. A Stream keeps no findings: what a summary
needs is a Tally of counts. Words around the findings come from `labels`, in both languages.
"""

from __future__ import annotations

import importlib
from collections import Counter, namedtuple

from ..finding import sort_findings
from ..record import Record

FORMATS = ("text", "json", "jsonl", "sarif", "github", "html")
_MODULES = {"text": "text", "json": "json_report", "jsonl": "jsonl", "sarif": "sarif", "github": "github",
            "html": "html_report"}


class RunInfo(Record):
    """What a reporter knows of the run besides the findings."""

    FIELDS = ("documents", "rules", "lang", "color", "failed", "errors", "unsafe", "show_fixes", "linted")

    def __init__(self, documents: dict | None = None, rules: list | None = None, lang: str = "zh",
                 color: bool = False, failed: int = 0, errors: list | None = None, unsafe: bool = False,
                 show_fixes: bool = False, linted: int | None = None):
        self.documents = {} if documents is None else documents  # path -> Document (or DocumentView) linted
        self.rules = [] if rules is None else rules  # the Rules that ran
        self.lang = lang
        self.color = color
        self.failed = failed  # inputs that could not be linted
        self.errors = [] if errors is None else errors  # what was said about each of them
        self.unsafe = unsafe  # --unsafe-fixes: unsafe repairs count as fixable
        self.show_fixes = show_fixes  # print each fixable finding's repair
        self.linted = linted  # how many documents were linted, when the run has counted them


STALE = "unused-baseline-entry"  # the rule of a baseline entry that matched nothing (baseline.py)

# fix: the applicability, or None; repair: how the fix reaches the file (see `repair_route`)
Count = namedtuple("Count", "rule category severity fix repair")


def repair_route(finding) -> str | None:
    """How rectlint can apply a finding's fix: "file" (--fix rewrites a .txt or .md draft),
    "word" (--annotate --fix-as-revisions writes it as a tracked change in a copy of a Word
    draft), or None (a web page, a PDF, standard input: never rewritten)."""
    if finding.fix is None:
        return None
    if finding.place is not None:
        return "word" if "part" in finding.place else None
    if finding.path == "-" or finding.path.lower().endswith((".html", ".htm")):
        return None
    return "file"


class Tally:
    """What a run's summary needs of its findings: how many of each rule, category, severity
    and fix applicability (None without a fix). Kept in place of the findings, so a long run's
    memory stays flat."""

    def __init__(self, findings=()):
        self.counts: Counter = Counter()
        self.add(findings)

    def add(self, findings) -> None:
        self.counts.update(Count(f.rule, f.category, f.severity, f.fix.applicability if f.fix else None,
                                 repair_route(f)) for f in findings)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def by(self, *fields: str) -> Counter:
        """Counts by one field of Count (keyed by its value) or several (keyed by a tuple)."""
        out: Counter = Counter()
        for key, n in self.counts.items():
            values = tuple(getattr(key, name) for name in fields)
            out[values if len(fields) > 1 else values[0]] += n
        return out

    @property
    def stale(self) -> int:
        """Baseline entries that matched nothing: no defect of a draft, nor a crash of rectlint."""
        return sum(n for key, n in self.counts.items() if key.rule == STALE)

    def without_stale(self) -> "Tally":
        """The counts of the findings proper, for a summary that names stale entries apart."""
        kept = Tally()
        kept.counts = Counter({key: n for key, n in self.counts.items() if key.rule != STALE})
        return kept

    def severities(self) -> Counter:
        return self.by("severity")

    def categories(self) -> list[tuple[str, int]]:
        return sorted(self.by("category").items())


def reporter(fmt: str):
    """The module of a format, imported when first asked for."""
    return importlib.import_module(f"{__name__}.{_MODULES[fmt]}")


def render(fmt: str, findings, run: RunInfo) -> str:
    """A whole run's output in one string."""
    module = reporter(fmt)
    if not getattr(module, "STREAMING", False):
        out = module.render(findings, run)
        return out + "\n" if out and not out.endswith("\n") else out
    by_path: dict = {path: [] for path in run.documents}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    stream = module.Stream(run)
    chunks = [stream.document(path, sort_findings(found))
              for path, found in sorted(by_path.items())]
    return "".join([*chunks, stream.end(Tally(findings))])
