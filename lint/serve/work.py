"""What a lint process of `rectlint serve` does with one request: read the draft from memory,
lint it through the library, and answer with plain data (dicts, str, bytes) for the pipe back.

It never logs and never writes a file: the draft lives in this process's memory for the
length of one job. The rules are imported when this module is (the fork server preloads it),
so a new lint process starts with its regular expressions already compiled.
"""

from __future__ import annotations

from collections import Counter, OrderedDict

from rectlint.api import Linter
from rectlint.config import Config
from rectlint.context import LintContext
from rectlint.errors import InputError, RectlintError
from rectlint.finding import SEVERITIES
from rectlint.messages import in_language, said
from rectlint.pipeline import CheckOptions
from rectlint.registry import all_rules
from rectlint.report import RunInfo, render
from rectlint.report.json_report import VERSION, entry

from .jobs import Failure, Job

all_rules()  # the registry (plugins included) is read once, before any fork

MAX_LINTERS = 32  # distinct select/ignore/kind/as-of combinations kept ready
_GATE = CheckOptions()  # each draft's configured fail-on decides, as in a plain `rectlint` run


class Worker:
    """The state of one lint process: the server's configuration and a few ready Linters."""

    def __init__(self, config, against):
        self.config, self.against = config, against
        self.linters: OrderedDict = OrderedDict()
        self.warnings: list = []

    def linter(self, job: Job) -> Linter:
        key = (job.select, job.ignore, job.kind, job.as_of)
        if key not in self.linters:
            # "auto" (the request's default) leaves the kind to the configuration, then to detection
            context = LintContext(as_of=job.as_of, kind=job.kind if job.kind != "auto" else None)
            self.linters[key] = Linter(self.config, job.select, job.ignore, context, against=self.against,
                                       on_warning=self.warnings.append)
            if len(self.linters) > MAX_LINTERS:
                self.linters.popitem(last=False)
        self.linters.move_to_end(key)
        return self.linters[key]

    def run(self, job: Job):
        """The answer to a job: a dict (check), str (report), bytes and counts (annotate), or a
        Failure. Nothing of the draft survives the call."""
        self.warnings.clear()
        try:
            linter = self.linter(job)
            result = linter.lint_bytes(job.data, job.name, job.fmt)
            if job.action == "annotate":
                return self._annotate(job, result)
            if job.action == "fix":
                return self._fix(job, result)
            if job.action == "report":
                run = RunInfo(documents={result.path: result.document}, rules=[a.rule for a in result.rules],
                              lang=job.lang)
                return render("html", result.findings, run)
            return self._check(job, result)
        except InputError as exc:  # the CLI's one line: binary, undecodable, damaged .docx
            return Failure(422, exc.message)
        except RectlintError as exc:  # the configuration's rules cannot be built (the server checked select/ignore)
            return Failure(400, exc.message)
        except Exception as exc:  # noqa: BLE001  (a bug: its type only, never its text, which may quote the draft)
            return Failure(500, said("serve.internal", error=type(exc).__name__))
        finally:
            self.warnings.clear()

    def _check(self, job: Job, result) -> dict:
        doc, findings = result.document, result.findings
        run = RunInfo(documents={result.path: doc}, lang=job.lang)
        severities = Counter(f.severity for f in findings)
        return {
            "version": VERSION,
            "document": {
                "path": result.path, "format": doc.kind, **doc.info.as_dict(),
                "characters": len(doc.text), "lines": len(doc.lines),
                "findings": len(findings), "severities": {s: severities[s] for s in SEVERITIES},
                "failed": _GATE.fails(result, findings),  # the gate's verdict, as the command line's
            },
            "findings": [entry(f, run) for f in findings],
            "warnings": [in_language(w, job.lang) for w in self.warnings],
        }

    def _annotate(self, job: Job, result):
        from rectlint.docx_annotate import annotate
        from rectlint.place import WORD_KINDS

        doc = result.document
        if doc.kind not in WORD_KINDS:
            return Failure(415, said("serve.needs-docx", name=job.name))
        converted = getattr(doc, "converted", None)  # a .doc, .wps, .odt, .rtf: its .docx conversion
        out = annotate(converted.docx if converted else job.data, doc, result.findings, job.lang,
                       job.revisions, job.unsafe)
        return out.data, {"findings": len(result.findings), "comments": out.comments,
                          "revisions": out.revisions, "skipped": len(out.skipped)}


    def _fix(self, job: Job, result):
        """The draft's text with its certain repairs made (the unsafe ones too when asked), as
        --fix would write it, and how many were made and how many findings are left."""
        from rectlint.fixes import converge

        if result.document.kind not in ("txt", "md"):
            return Failure(415, said("serve.needs-text", name=job.name))
        text, applied, _, left = converge(result, result.findings, job.unsafe)
        return text, {"fixes": applied, "findings": len(left)}


_WORKER: Worker | None = None


def serve(conn, config, against) -> None:
    """The loop of one lint process: a Job in, its answer out, until the pipe closes."""
    global _WORKER
    _WORKER = Worker(config, against)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_WORKER.run(job))


# A short draft of our own, linted once at import: what the rules build on first use (the
# wording pack, lazily compiled patterns) is then built in the fork server, not per request.
_WARM_UP = ("关于某县委巡察整改进展情况的通报\n一、整改工作的组织领导\n"
            "（一）关于制度执行不严的问题。整改情况：已完成。2025年3月1日印发制度。\n"
            "联系电话：0000-0000000。\n中共某县委\n2025年4月30日\n")
Worker(Config(), None).run(Job("check", "warm-up.txt", _WARM_UP.encode("utf-8")))
