"""The library: the one way to lint. The CLI, the tests, the bench and any editor integration
or server call it; none of them assembles configuration, rules and documents by hand.

    from rectlint.api import Linter, LintContext

    linter = Linter(select=["date"], context=LintContext(as_of=datetime.date(2025, 12, 31)))
    for finding in linter.lint_text("2025年2月30日召开会议。").findings:
        print(finding.line, finding.column, finding.rule, finding.message("en"))

    result = linter.lint_paths(["drafts/"])   # folders, .txt .md .docx .html, "-" for stdin
    result.findings, result.documents, result.errors

    check = linter.check(["drafts/"], CheckOptions(baseline="baseline.json", fix=True))
    check.findings, check.applied, check.status   # the whole check, as `rectlint PATH...` runs it
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .config import ActiveRule, Config, active_rules, find_config, finding_filter, load_config
from .document import Document, DocumentView
from .engine import run_rules
from .errors import InputError
from .context import LintContext
from .finding import Finding, severity_rank, sort_findings
from .pipeline import Check, CheckOptions
from .place import CONVERTED_KINDS
from .record import Record, replace

if TYPE_CHECKING:
    from pathlib import Path


def _keep_all(finding) -> bool:
    return True


class DocumentResult(Record):
    """One linted document: its text as read, its findings, and what it was linted with."""

    FIELDS = ("path", "document", "findings", "config", "rules", "context", "decoded")  # and `keep`, not shown

    def __init__(self, path: str, document: Document, findings: list, config: Config, rules: list,
                 context: LintContext, decoded: object | None = None, keep: Callable = _keep_all):
        self.path = path
        self.document = document
        self.findings = findings
        self.config = config
        self.rules = rules  # the ActiveRules that ran
        self.context = context
        self.decoded = decoded  # the Decoded file, for drafts --fix may rewrite
        self.keep = keep  # the filter its findings passed, for the findings of a fixed text

    @property
    def fail_level(self) -> int:
        return severity_rank(self.config.fail_on or "warning")

    def relint(self, text: str) -> tuple[Document, list]:
        """The findings of another text (a fixed draft) as this one was linted."""
        again = Document(text, self.path, self.document.kind, self.document.notice_kind)
        return again, [f for f in run_rules(again, self.rules, self.context) if self.keep(f)]


class Result(Record):
    """What `Linter.lint_paths` returns: every document's result, and the inputs that failed."""

    FIELDS = ("documents", "errors", "skipped")

    def __init__(self, documents: dict | None = None, errors: list | None = None, skipped: list | None = None):
        self.documents = {} if documents is None else documents  # path -> DocumentResult, in the order read
        self.errors = [] if errors is None else errors  # one line for each input that could not be read
        self.skipped = [] if skipped is None else skipped  # reader.Skipped: files a folder walk left out

    @property
    def findings(self) -> list[Finding]:
        return sort_findings([f for d in self.documents.values() for f in d.findings])

    @property
    def rules(self) -> list:
        """Every rule that ran on some document, once."""
        seen = {}
        for d in self.documents.values():
            for active in d.rules:
                seen.setdefault(active.rule.id, active.rule)
        return list(seen.values())


class Linter:
    """Lints texts and paths with one configuration (or the one found beside each path).

    `config`: a Config or the path of a configuration file used for every input; None finds
    `.rectlint.yaml` or `[tool.rectlint]` upwards from each input, as the CLI does.
    `select`/`ignore`: rule ids or categories; select replaces the configuration's, ignore adds.
    `context`: as-of date and notice kind for every input (over the configuration's).
    `against`: a corpus index (path) for corpus-overlap, over the configuration's `against:`.
    `max_mib`: the largest input read. `on_warning(message)`: what a reader has to say about an
    input it could still read (a .docx part it skipped). `stdin_filename`: the path standard
    input ("-") stands for: its configuration, format and name in findings. `force_exclude`:
    the configuration's `exclude` holds for files named explicitly (and for `stdin_filename`)
    too, not only for files found in folders, as ruff's --force-exclude.

    For many files: `keep_documents=False` keeps of each document only what reporters need
    (a DocumentView), so memory does not grow with the texts; `jobs` lints in that many
    processes (where the platform forks; results keep their order), and `jobs=0` in one per
    core when the inputs hold enough text to repay starting them; `cache_dir` reads and
    writes per-file results there. Fixes and the HTML report need whole documents, and the
    corpus index is read in one process, so those runs keep documents and run serially.
    """

    def __init__(self, config: Config | str | Path | None = None, select: Iterable[str] = (),
                 ignore: Iterable[str] = (), context: LintContext | None = None, *,
                 against: str | Path | None = None, max_mib: float | None = None,
                 follow_symlinks: bool = False, on_warning: Callable[[str], None] | None = None,
                 keep_documents: bool = True, jobs: int = 1, cache_dir: str | Path | None = None,
                 stdin_filename: str | None = None, force_exclude: bool = False):
        if isinstance(config, (str, os.PathLike)):
            config = load_config(config)
        self.config = config
        self.select, self.ignore = list(select), list(ignore)
        self.context = context or LintContext()
        self.against, self.max_mib = against, max_mib
        self.follow_symlinks = follow_symlinks
        self.on_warning = on_warning
        self.keep_documents, self.jobs = keep_documents, max(0, jobs)
        self.stdin_filename = stdin_filename
        self.force_exclude = force_exclude
        self.cache = None
        if cache_dir is not None and not keep_documents:
            from .cache import Cache
            self.cache = Cache(cache_dir)
        self._rules: dict[int, list[ActiveRule]] = {}
        self._run_keys: dict[int, str] = {}
        self._corpora: dict[str, object] = {}
        self._configs: dict[str, Config] = {}

    def config_for(self, path: str) -> Config:
        if self.config is not None:
            return self.config
        folder = "" if path in ("-", ".") else os.path.dirname(path)
        if folder not in self._configs:  # asked once per folder
            self._configs[folder] = find_config(folder or os.getcwd())
        return self._configs[folder]

    def rules_for(self, cfg: Config) -> list[ActiveRule]:
        if id(cfg) not in self._rules:
            self._rules[id(cfg)] = active_rules(cfg, self.select, self.ignore)
        return self._rules[id(cfg)]

    # -- texts ---------------------------------------------------------------
    def lint_text(self, text: str, path: str = "<text>", kind: str = "txt") -> DocumentResult:
        """Lint a text held in memory; `kind` is its format (txt or md)."""
        cfg = self.config_for(path)
        try:
            return self._lint_document(Document(text, path, kind, self._kind(cfg)), cfg)
        finally:
            self.close()

    def lint_bytes(self, data: bytes, path: str, kind: str | None = None) -> DocumentResult:
        """Lint a file's content held in memory (an upload): read as the file `path` would be,
        by its suffix unless `kind` (txt, md, docx, html) says. Raises InputError with the
        CLI's line for content that cannot be read."""
        from .reader import MAX_BYTES, Source, kind_of

        cfg = self.config_for(path)
        source = Source(path, kind or kind_of(path) or "txt", stdin=True)
        try:
            doc, _ = _read(source, data, self.on_warning, self._kind(cfg),
                           _max_bytes(self.max_mib or cfg.max_mib, MAX_BYTES))
            return self._lint_document(doc, cfg)
        finally:
            self.close()

    # -- paths ---------------------------------------------------------------
    def check(self, paths: Iterable[str], options: CheckOptions | None = None,
              on_error: Callable[[str], None] | None = None,
              progress: Callable[[int, int], None] | None = None,
              on_read: Callable[[Result], None] | None = None) -> Check:
        """The whole check of files and folders, as `rectlint PATH...` runs it: lint, then the
        baseline, the fixes, the annotated copies and the gate's verdict (pipeline.CheckOptions
        says which; the Check returned says what was done). `on_read(result)` hears of the lint
        before anything is written. Fixes and copies need whole documents: a Linter made with
        keep_documents=False keeps only views."""
        from .pipeline import check

        return check(self, paths, options or CheckOptions(), on_error, progress, on_read)

    def lint_paths(self, paths: Iterable[str], outline_only: bool = False,
                   on_error: Callable[[str], None] | None = None,
                   progress: Callable[[int, int], None] | None = None) -> Result:
        """Lint files and folders ("-" reads standard input). An input that cannot be read is
        one line in `errors` (and a call of `on_error`), and the others are still linted.
        `outline_only` reads the documents without running the rules. `progress(done, total)`
        is called as each input is done."""
        result = Result()

        def unread(message):
            result.errors.append(message)
            if on_error is not None:
                on_error(message)
        for item in self.iter_paths(paths, unread, outline_only, progress, result.skipped.append):
            result.documents[item.path] = item
        return result

    def iter_paths(self, paths: Iterable[str], on_error: Callable[[str], None],
                   outline_only: bool = False,
                   progress: Callable[[int, int], None] | None = None,
                   on_skip: Callable | None = None) -> Iterator[DocumentResult]:
        """Lint files and folders one by one, as lint_paths does; `on_skip(reader.Skipped)`
        hears of each file a folder walk leaves out."""
        from .reader import Source, collect, excluded_file, kind_of

        try:
            excluded = lambda p: self.config_for(str(p)).excludes(p)  # noqa: E731
            sources = collect(list(paths), excluded, on_error, self.follow_symlinks, on_skip, self.force_exclude)
            if self.stdin_filename:
                named = Source(self.stdin_filename, kind_of(self.stdin_filename) or "txt", stdin=True)
                if self.force_exclude and excluded_file(self.stdin_filename, excluded, on_skip):
                    named = None  # standard input stands for an excluded file: as ruff, nothing is linted
                sources = [s for s in (named if s.path == "-" else s for s in sources) if s is not None]
            workers = self._workers(sources, outline_only)
            outcomes = (self._iter_parallel(sources, workers) if workers > 1
                        else self._iter_serial(sources, outline_only))
            for done, outcome in enumerate(outcomes, 1):
                if progress is not None:
                    progress(done, len(sources))
                if isinstance(outcome, str):
                    on_error(outcome)
                else:
                    yield outcome
        finally:
            self.close()

    def _iter_serial(self, sources, outline_only):
        tried: set = set()
        for number, source in enumerate(sources):
            if source.kind in CONVERTED_KINDS and source.path not in tried:
                self._prefetch(sources[number:], tried)
            yield self._lint_source(source, outline_only)

    def _prefetch(self, sources, tried: set) -> None:
        """The legacy files next in line converted together, by one start of LibreOffice (which
        costs seconds) rather than one each; `tried` keeps the paths already sent."""
        from .convert import BATCH, prefetch
        from .reader import MAX_BYTES, read_bytes

        files = []
        for source in sources:
            if len(files) == BATCH:
                break
            if source.kind not in CONVERTED_KINDS or source.from_stdin or source.path in tried:
                continue
            tried.add(source.path)
            cfg = self.config_for(source.path)
            mib = self.max_mib or cfg.max_mib
            try:
                data = read_bytes(source, int(mib * 2**20) if mib else MAX_BYTES)
            except InputError:
                continue  # said when its turn comes
            key = self._cache_key(cfg, source, data)
            if key and self.cache.get(key, source.path) is not None:
                continue  # its findings are cached: no conversion needed
            files.append((source.path, data, source.kind))
        prefetch(files)

    def _workers(self, sources, outline_only) -> int:
        """Processes to lint the sources with; 1 is this one. Decided before multiprocessing is
        imported: a single draft, or a few, never needs it."""
        jobs = self.jobs or os.cpu_count() or 1
        if jobs <= 1 or len(sources) < 2 * jobs or self.keep_documents or outline_only:
            return 1
        if not self.jobs and not _repays_workers(sources):
            return 1
        import multiprocessing

        uses_corpus = self.context.corpus is not None or self.against is not None or any(
            self.config_for(s.path).against is not None for s in sources)
        if uses_corpus or "fork" not in multiprocessing.get_all_start_methods() or any(s.from_stdin for s in sources):
            return 1
        return jobs

    def _iter_parallel(self, sources, workers: int):
        import multiprocessing

        global _WORKER
        for source in sources:  # load the rules once, before the fork, not once per worker
            self.rules_for(self.config_for(source.path))
        tried: set = set()  # legacy files converted here, in batches, for the workers to take
        for number, source in enumerate(sources):
            if source.kind in CONVERTED_KINDS and source.path not in tried:
                self._prefetch(sources[number:], tried)
        _WORKER = self  # forked workers inherit the linter as it is: configuration, rules, callbacks
        # Each chunk is a round trip that wakes this process's pool threads, which then compete
        # with the workers for the cores: chunks of 4 drafts cost a sixth more time over 2,000
        # files than chunks of 64. Eight chunks or more per worker keep the ends balanced.
        size = max(4, min(64, len(sources) // (workers * 8)))
        chunks = [sources[i:i + size] for i in range(0, len(sources), size)]
        # concurrent.futures, not multiprocessing.Pool: a worker killed from outside (the kernel's
        # out-of-memory killer) breaks the executor, which says so, where the Pool waited forever.
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as executor:
            futures = [executor.submit(_work, chunk) for chunk in chunks]
            for chunk, future in zip(chunks, futures):
                try:
                    outcomes = future.result()
                except BrokenProcessPool:  # the run ends: what it could not lint is said, file by file
                    from .messages import said
                    from .text import printable

                    outcomes = [said("input.worker-died", name=printable(source.path)) for source in chunk]
                for outcome in outcomes:
                    if isinstance(outcome, str):
                        yield outcome
                        continue
                    path, findings, view = outcome
                    yield self._kept(path, view, findings, self.config_for(path))

    def _kept(self, path, view, findings, cfg) -> DocumentResult:
        """A result whose findings were made elsewhere: by a worker, or read from the cache."""
        return DocumentResult(path, view, findings, cfg, self.rules_for(cfg), self._context(cfg), None,
                              finding_filter(cfg, self.select, self.ignore, path))

    def _lint_source(self, source, outline_only=False):
        """A DocumentResult, or the one line saying why the source could not be linted."""
        from .reader import MAX_BYTES, read_bytes

        cfg = self.config_for(source.path)
        max_bytes = _max_bytes(self.max_mib or cfg.max_mib, MAX_BYTES)
        try:
            data = read_bytes(source, max_bytes)
            key = self._cache_key(cfg, source, data) if not outline_only else None
            cached = self.cache.get(key, source.path) if key else None
            if cached is not None:
                return self._kept(source.path, cached[1], cached[0], cfg)
            doc, decoded = _read(source, data, self.on_warning, self._kind(cfg), max_bytes)
            del data  # read: a 10 MiB draft's bytes were held through all of its rules
            item = self._lint_document(doc, cfg, decoded, outline_only)
        except InputError as exc:  # unreadable, or the corpus index it is checked against is damaged
            return exc.message
        if not self.keep_documents:
            doc.let_go()  # before its view is made: their memory, not more, holds the view's lines
            item.document, item.decoded = DocumentView.of(doc, item.findings), None
            if key:
                self.cache.put(key, item.findings, item.document)
        return item

    def _cache_key(self, cfg, source, data) -> str | None:
        if self.cache is None or source.from_stdin or self.against or cfg.against or self.context.corpus:
            return None
        from .cache import file_key, run_key

        if id(cfg) not in self._run_keys:
            self._run_keys[id(cfg)] = run_key(cfg, self.rules_for(cfg), self.select, self.ignore, self._context(cfg),
                                              self._kind(cfg))
        return file_key(self._run_keys[id(cfg)], source.path, source.kind, data)

    def close(self) -> None:
        for corpus in self._corpora.values():
            corpus.close()
        self._corpora.clear()

    # -- one document ----------------------------------------------------------
    def _kind(self, cfg: Config) -> str | None:
        chosen = self.context.kind or cfg.kind
        return chosen if chosen and chosen != "auto" else None

    def _context(self, cfg: Config, corpus=None) -> LintContext:
        # The notice kind reaches the rules once, as document.info.kind (the one chosen here, or
        # the one detected), never beside it in the context.
        return replace(self.context, as_of=self.context.as_of or cfg.as_of, kind=None, corpus=corpus)

    def _lint_document(self, doc: Document, cfg: Config, decoded=None, outline_only=False) -> DocumentResult:
        rules = self.rules_for(cfg)
        context = self._context(cfg, self._corpus_view(cfg, doc))
        keep = finding_filter(cfg, self.select, self.ignore, doc.path)
        findings = []
        if doc.text.strip() and not outline_only:
            findings = [f for f in run_rules(doc, rules, context) if keep(f)]
        return DocumentResult(doc.path, doc, findings, cfg, rules, context, decoded, keep)

    def _corpus_view(self, cfg: Config, doc: Document):
        corpus = self.context.corpus
        path = self.against or cfg.against
        if corpus is None and path is None:
            return None  # without an index, sqlite3 is never imported
        from .corpus import Corpus, CorpusView, sha_of

        if corpus is None:
            if str(path) not in self._corpora:
                self._corpora[str(path)] = Corpus(path, readonly=True)
            corpus = self._corpora[str(path)]
        return CorpusView(corpus, sha_of(doc.text)) if isinstance(corpus, Corpus) else corpus


def _max_bytes(mib: float | None, default: int) -> int:
    """The byte limit of --max-mib (or max-mib:), within what a read can be asked for."""
    return min(int(mib * 2**20), 2**62) if mib else default


def _read(source, data: bytes, warn, notice_kind, max_bytes: int):
    """A source's Document, or InputError with one line that names the file and never quotes it:
    a reader's fault of any kind (a damaged archive, a page its parser chokes on, memory) is that
    file's error, and the run goes on."""
    from .reader import parse

    try:
        return parse(source, data, warn, notice_kind, max_bytes)
    except (InputError, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 - the promise: one bad file is one error line
        from .docx_reader import why  # only on a fault: it imports zipfile, and zipfile pathlib
        from .messages import said
        from .text import printable

        raise InputError(said("input.reader-failed", name=printable(source.path), error=why(exc))) from None


# Starting worker processes (importing multiprocessing, forking a pool) costs tens of ms. On the
# project's 2-core machine two workers began to win between 69 and 133 KB of short notices (40
# and 80 files) and below 256 KB of 42 KB ones (6 files); see the README's "Benchmark". With
# `jobs=0`, inputs holding less than this are linted in one process.
WORKERS_REPAID_BYTES = 128 * 1024


def _repays_workers(sources) -> bool:
    total = 0
    for source in sources:
        try:
            total += os.path.getsize(source.path)
        except OSError:  # said when it is read
            continue
        if total >= WORKERS_REPAID_BYTES:
            return True
    return False


_WORKER: Linter | None = None


def _work(sources):
    """Sources in a worker process: plain tuples travel back, not the Linter's objects."""
    outcomes = []
    for source in sources:
        outcome = _WORKER._lint_source(source)
        outcomes.append(outcome if isinstance(outcome, str) else (outcome.path, outcome.findings, outcome.document))
    return outcomes
