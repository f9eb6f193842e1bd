"""The whole check, as `rectlint PATH...` runs it: lint, then the baseline (written, or its
accepted findings taken away), the fixes (written back, or only shown as a diff), the annotated
.docx copies, and the gate's verdict. `Linter.check(paths, CheckOptions(...))` runs it; the
command line parses its arguments into CheckOptions and prints the Check it gets back.

    check = linter.check(["drafts/"], CheckOptions(baseline="baseline.json", fix=True))
    check.findings, check.applied, check.errors, check.status   # 0 clean, 1 findings, 2 errors
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .errors import RectlintError, UsageError, os_error
from .finding import severity_rank, sort_findings
from .messages import said
from .record import Record

if TYPE_CHECKING:
    from .api import Linter, Result


class CheckOptions(Record):
    """What a check does beyond linting.

    `baseline`: a baseline file whose findings are accepted (not reported); `write_baseline`:
    write every finding into this file instead, and report nothing. `fix`: write the certain
    repairs back (`unsafe_fixes`: the ones that need review too); `diff`: only say what they
    would change. `annotate`: write each .docx's findings into a copy beside it as comments
    (`annotate_to`: into this file, for a single .docx), with its repairs as tracked changes
    when `fix_as_revisions`; the comments are in `lang`. `fail_on`: the least severity that
    fails the gate, over each document's configuration; `exit_zero`: findings never fail it.
    `outline_only`: read the documents' outlines, run no rule.
    """

    FIELDS = ("baseline", "write_baseline", "fix", "unsafe_fixes", "diff", "annotate", "annotate_to",
              "fix_as_revisions", "lang", "fail_on", "exit_zero", "outline_only")

    def __init__(self, baseline: str | None = None, write_baseline: str | None = None, fix: bool = False,
                 unsafe_fixes: bool = False, diff: bool = False, annotate: bool = False,
                 annotate_to: str | None = None, fix_as_revisions: bool = False, lang: str = "zh",
                 fail_on: str | None = None, exit_zero: bool = False, outline_only: bool = False):
        self.baseline = baseline
        self.write_baseline = write_baseline
        self.fix = fix
        self.unsafe_fixes = unsafe_fixes
        self.diff = diff
        self.annotate = annotate
        self.annotate_to = annotate_to
        self.fix_as_revisions = fix_as_revisions
        self.lang = lang
        self.fail_on = fail_on
        self.exit_zero = exit_zero
        self.outline_only = outline_only

    @property
    def annotating(self) -> bool:
        return bool(self.annotate or self.annotate_to or self.fix_as_revisions)

    @property
    def whole(self) -> bool:
        """Whether the check needs whole documents (fixes, diffs, outlines, copies), not views."""
        return bool(self.fix or self.diff or self.outline_only or self.annotating)

    def fail_level(self, item) -> int:
        """The least severity rank that fails the gate for a linted document: fail_on over the
        document's configured fail-on."""
        return severity_rank(self.fail_on) if self.fail_on else item.fail_level

    def fails(self, item, findings) -> bool:
        """Whether these findings of a linted document fail the gate (exit_zero aside)."""
        level = self.fail_level(item)
        return any(severity_rank(f.severity) >= level for f in findings)


class Annotation(Record):
    """One .docx's annotated copy: where it went, and what was written (docx_annotate.Annotated),
    or the line saying why it could not be."""

    FIELDS = ("path", "target", "written", "error")

    def __init__(self, path: str, target: str, written=None, error=None):
        self.path, self.target, self.written, self.error = path, target, written, error


class Check(Record):
    """What a check did. `result`: the lint (Result: documents, the inputs that could not be
    read, the files left out). `findings`: what is reported, sorted: the baseline's accepted ones
    taken away, and for a fixed draft the findings of its fixed text. `fixed`: path -> (old text,
    new text) of each draft the fixes changed (written back unless `diff`); `applied`: the edits
    made; `not_fixable`: drafts with repairs in a format never rewritten (.docx, web pages);
    `fix_errors`: a line for each draft that could not be written; `notes`: what a reader must
    know of a write (hard links that keep the old text). `annotations`: each .docx's copy.
    `baseline_written`: how many findings `write_baseline` recorded. `status`: the gate's verdict
    as an exit code: 2 when an input could not be read or written, else 1 when findings fail it
    (for a diff: when a draft would change), else 0."""

    FIELDS = ("result", "findings", "fixed", "applied", "not_fixable", "fix_errors", "notes", "annotations",
              "baseline_written", "status")

    def __init__(self, result: Result, findings: list | None = None, fixed: dict | None = None, applied: int = 0,
                 not_fixable: list | None = None, fix_errors: list | None = None, notes: list | None = None,
                 annotations: list | None = None, baseline_written: int | None = None, status: int = 0):
        self.result = result
        self.findings = [] if findings is None else findings
        self.fixed = {} if fixed is None else fixed
        self.applied = applied
        self.not_fixable = [] if not_fixable is None else not_fixable
        self.fix_errors = [] if fix_errors is None else fix_errors
        self.notes = [] if notes is None else notes
        self.annotations = [] if annotations is None else annotations
        self.baseline_written = baseline_written
        self.status = status

    @property
    def errors(self) -> list:
        """Every line of an input that could not be read, a draft not written, a copy not made."""
        return [*self.result.errors, *self.fix_errors, *(a.error for a in self.annotations if a.error is not None)]


def check(linter: Linter, paths, options: CheckOptions, on_error: Callable | None = None,
          progress: Callable | None = None, on_read: Callable | None = None) -> Check:
    """Linter.check: the whole check of files and folders (see the module's docstring)."""
    result = linter.lint_paths(paths, outline_only=options.outline_only, on_error=on_error, progress=progress)
    if on_read is not None:
        on_read(result)
    done = Check(result)
    if options.annotate_to and not (options.outline_only or options.write_baseline or options.diff):
        _one_docx(result)  # before any fix is written
    if options.outline_only:
        return _verdict(done, options)
    findings = result.findings
    if options.write_baseline:
        from pathlib import Path

        from .baseline import write_baseline
        done.baseline_written = write_baseline(Path(options.write_baseline), findings)
        return _verdict(done, options)
    accepted = None
    if options.baseline:
        from pathlib import Path

        from .baseline import apply_baseline
        findings = apply_baseline(Path(options.baseline), findings, list(result.documents))
        accepted = lambda found: apply_baseline(Path(options.baseline), found, [])  # noqa: E731
    if options.fix or options.diff:
        from .fixes import fix_result

        outcome = fix_result(result, findings, options.unsafe_fixes, write=not options.diff, accepted=accepted)
        done.fixed, done.applied, done.not_fixable = outcome.fixed, outcome.applied, outcome.not_fixable
        done.fix_errors, done.notes = outcome.errors, outcome.notes
        if options.diff:
            done.findings = findings
            return _verdict(done, options)
        findings = outcome.findings
    sort_findings(findings)
    done.findings = findings
    if options.annotating:
        done.annotations = _annotate(result, findings, options)
    return _verdict(done, options)


def _annotate(result: Result, findings: list, options: CheckOptions) -> list[Annotation]:
    """Each .docx's findings written into a copy as comments (and repairs as tracked changes)."""
    from .docx_annotate import annotated_name, write_annotated
    from .place import WORD_KINDS

    docs = [item for item in result.documents.values() if item.document.kind in WORD_KINDS]
    done = []
    for item in docs:
        target = options.annotate_to or annotated_name(item.path)
        mine = [f for f in findings if f.path == item.path]
        try:
            written = write_annotated(item.path, target, item.document, mine, options.lang,
                                      options.fix_as_revisions, options.unsafe_fixes)
        except RectlintError as exc:
            done.append(Annotation(item.path, target, error=exc.message))
        except OSError as exc:
            done.append(Annotation(item.path, target, error=os_error(exc, options.lang, target)))
        else:
            done.append(Annotation(item.path, target, written))
    return done


def _one_docx(result: Result) -> None:
    """A copy written to one named file is the copy of one .docx, linted alone."""
    from .place import WORD_KINDS

    if len(result.documents) != 1 or any(i.document.kind not in WORD_KINDS for i in result.documents.values()):
        raise UsageError(said("annotate.needs-one-file"))


def _verdict(done: Check, options: CheckOptions) -> Check:
    if done.errors:
        done.status = 2
    elif options.outline_only or options.write_baseline:
        done.status = 0
    elif options.diff:
        done.status = 1 if done.fixed else 0
    else:
        items = done.result.documents
        failing = any(options.fails(items[f.path], [f]) for f in done.findings if f.path in items)
        done.status = 1 if failing and not options.exit_zero else 0
    return done


__all__ = ["Annotation", "Check", "CheckOptions", "check"]
