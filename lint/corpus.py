"""The corpus index: winnowed fingerprints of earlier notices, who issued each and when.

An index is addressed by a location. A path is an SQLite file, the embedded default for one
editor's folder; a `postgresql://` URL is a PostgreSQL database that many writers and readers
share. This module is everything the two have in common: the schema's meaning, adding and
removing documents, document frequencies, lookups, checks, copying between engines. The
engines (corpus_sqlite.py, corpus_postgres.py) hold only what must differ: connecting,
transactions, the DDL, bulk writes and how a list of hashes is passed. Statements here are
written with `?` placeholders; an engine translates them.

The CLI opens the index and hands the `corpus-overlap` rule a read-only view through
`LintContext.corpus`. Lookups go through the hash index, and a document-frequency table lets a
query drop boilerplate hashes without reading their postings, so query cost does not grow
with the corpus.

A damaged index is found and never written into. Every lookup is checked against the document
frequencies, on either engine: a hash said to be in N documents must have postings in N indexed
documents, and (on SQLite) one without a frequency must have none; otherwise the index is said
to be damaged rather than answering part of the question. The SQLite file is checked more, since nothing else
guards it: a writer runs `PRAGMA quick_check` when it opens it and refuses a file that fails it, a
reader checks the header against the file's size, and any fault SQLite reports is damage
(corpus_sqlite.py). Each names `rectlint index repair`, which rebuilds a damaged file from what can
still be read. Paths read back from the index are escaped before anyone prints them, as paths
from the command line are.
"""

from __future__ import annotations

import array
import contextlib
import functools
import datetime as dt
import hashlib
import zlib
from collections import Counter
from pathlib import Path

from .document import Document
from .errors import InputError
from .messages import said
from .text import printable

DEFAULT_INDEX = ".rectlint/corpus.sqlite"
KIND = "rectlint-corpus"
# 2: meta records kind = rectlint-corpus, so other databases are refused.
# 3: each document records its issuer, its 成文日期 and its (masked) text; df_shared indexes the
#    hashes found in more than one document, for `index copies`.
# 4: on PostgreSQL, writers' document-frequency moves wait in df_pending (corpus_postgres.py).
SCHEMA_VERSION = 4
OLDEST_READABLE = 2  # readers take a version-2 index as it is; writers migrate it first


def is_url(location) -> bool:
    """Whether an index location names a PostgreSQL database rather than a file."""
    head = str(location)[:14].lower()
    return head.startswith(("postgresql://", "postgres://"))


def engine_for(location):
    if is_url(location):
        try:
            from .corpus_postgres import PostgresEngine
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith("psycopg"):
                raise
            raise InputError(said("index.needs-postgres")) from None
        return PostgresEngine(str(location))
    from .corpus_sqlite import SQLiteEngine

    return SQLiteEngine(location)


def sha_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint_rows(doc: Document):
    from .conventions.fingerprint import document_fingerprints

    rows = set()
    for h, start, end in document_fingerprints(doc):
        line, col = doc.position(start)
        _, end_col = doc.position(end - 1)
        rows.add((h, line, col, end_col))
    return sorted(rows)


def pack_hashes(hashes) -> bytes:
    return array.array("q", hashes).tobytes()


def unpack_hashes(blob) -> list[int]:
    hashes = array.array("q")
    hashes.frombytes(bytes(blob))
    return hashes.tolist()


def pack_text(text: str) -> bytes:
    """What the index keeps of a notice's text, for quoting passages: every digit of a run of
    seven or more (ID, mobile and card numbers, however spaced) masked, then compressed."""
    masked = _long_number().sub(lambda m: "".join("*" if ch.isdigit() else ch for ch in m.group()), text)
    return zlib.compress(masked.encode("utf-8"), 6)


def unpack_text(blob) -> str | None:
    return None if blob is None else zlib.decompress(bytes(blob)).decode("utf-8")


@functools.lru_cache(maxsize=1)
def _long_number():
    from . import patterns

    return patterns.compile(r"\d(?:[ \-－‐–—]?\d){6,}")


def _iso(value) -> str | None:
    """A stored date or time as ISO text, whichever engine returned it."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).isoformat(timespec="seconds")
    return value.isoformat()


class Entry:
    """One document as the index stores it, made before any transaction starts."""

    __slots__ = ("path", "sha", "chars", "added", "hashes", "issuer", "issued", "body", "rows", "given_issuer")

    def __init__(self, path: str, doc: Document, issuer: str | None = None):
        from .provenance import issued_of, issuer_of

        self.path = path
        self.rows = fingerprint_rows(doc)
        self.sha = sha_of(doc.text)
        self.chars = len(doc.text)
        self.added = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.hashes = sorted({r[0] for r in self.rows})
        self.given_issuer = issuer
        self.issuer = issuer or issuer_of(doc)
        issued = issued_of(doc)
        self.issued = issued.isoformat() if issued else None
        self.body = pack_text(doc.text)

    def values(self) -> tuple:
        return (self.path, self.sha, self.chars, self.added, pack_hashes(self.hashes), self.issuer,
                self.issued, self.body)


_DOC_COLUMNS = "path, sha, chars, added, hashes, issuer, issued, body"


class Corpus:
    """One index, on either engine. Writers change it in transactions (one document, or a
    batch of a folder's documents, at a time); readers open it read-only, in read-only
    transactions, and never create or alter it."""

    def __init__(self, location, create: bool = False, readonly: bool = False, damaged_ok: bool = False):
        """damaged_ok: open a writer on a damaged index all the same (only to repair it)."""
        self.engine = engine_for(location)
        self.location = self.engine.display  # as printed: a URL never shows its password
        self.readonly = readonly
        with self.errors():
            self.engine.open(create=create, readonly=readonly, build=self._build)
            self.version = self._schema(create, readonly, damaged_ok)
            self.engine.schema_is(self.version)

    # -- opening -------------------------------------------------------------------
    def _schema(self, create: bool, readonly: bool, damaged_ok: bool) -> int:
        """The schema version, once this index is known to be ours and readable: a new index
        is created, an older one migrated by writers. Anything else is refused, never converted.
        A reader checks what is cheap to check; a writer refuses a damaged index, and never
        migrates one (a repair copies what it can read into a new index instead)."""
        meta = self.engine.read_meta()
        if meta is None:  # a new file, or a database with no tables at all
            if not create:
                raise InputError(said("index.missing", path=self.location))
            self._write(self._create)
            meta = self.engine.read_meta()
        if not meta or meta.get("kind") != KIND:
            raise InputError(said("index.foreign", path=self.location))
        raw = str(meta.get("version") or "")
        version = int(raw) if raw.isdigit() else 0
        if version > SCHEMA_VERSION:
            raise InputError(said("index.newer", path=self.location, version=version, expected=SCHEMA_VERSION))
        if version < OLDEST_READABLE:
            raise InputError(said("index.version", path=self.location, version=version, expected=SCHEMA_VERSION))
        if readonly:
            self.engine.check_header()
            return version
        problem = self.engine.damage()
        if problem and not damaged_ok:
            raise self.damaged(problem)
        if version < SCHEMA_VERSION and not problem:
            self._write(self._migrate)
            return SCHEMA_VERSION
        return version

    def damaged(self, problem: str) -> InputError:
        """The error of a damaged index, naming the repair."""
        return InputError(damaged_message(self.location, problem))

    def _create(self):
        self.engine.lock_schema()
        if self.engine.read_meta() is None:  # not created by another writer meanwhile
            self._build()

    def _build(self):
        """The tables of a new index, inside the engine's write transaction."""
        for statement in self.engine.SCHEMA:
            self.engine.run(statement)
        self.engine.run("INSERT INTO meta(key, value) VALUES('kind', ?)", (KIND,))
        self.engine.run("INSERT INTO meta(key, value) VALUES('version', ?)", (str(SCHEMA_VERSION),))

    def _migrate(self):
        self.engine.lock_schema()
        version = int(self.engine.read_meta()["version"])
        while version < SCHEMA_VERSION:
            for statement in self.engine.MIGRATIONS[version]:
                self.engine.run(statement)
            version += 1
        self.engine.run("UPDATE meta SET value = ? WHERE key = 'version'", (str(version),))

    @contextlib.contextmanager
    def errors(self):
        """The engine's own errors as one line naming the index (never its password)."""
        try:
            yield
        except self.engine.Error as exc:
            raise InputError(self.engine.explain(exc)) from None

    def close(self):
        try:
            if not self.readonly:
                with self.errors():
                    self.engine.finish()
        finally:
            self.engine.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _write(self, work):
        if self.readonly:
            raise InputError(said("index.read-only", path=self.location))
        done = self.engine.write(work)
        self.engine.wrote()
        return done

    def _column(self, name: str) -> str:
        """A column added in version 3, read as NULL from a version-2 index."""
        return name if self.version >= 3 else "NULL"

    # -- writing ---------------------------------------------------------------
    def add(self, path: str, doc: Document, issuer: str | None = None) -> str:
        """Add or update one document; unchanged content is left alone (idempotent)."""
        entry = Entry(path, doc, issuer)  # outside the transaction: the slow part holds no lock
        with self.errors():
            return self._write(lambda: self._store([entry]))[0]

    def add_entries(self, entries) -> list[str]:
        """Store prepared entries in one transaction (a folder's batch)."""
        with self.errors():
            return self._write(lambda: self._store(entries))

    def add_paths(self, paths, on_error, issuer: str | None = None) -> dict:
        """Add drafts and folders; an input that cannot be read is one `on_error` line.
        Returns how many were added, updated and unchanged. Documents are stored in batches
        of the engine's size, one transaction each, so an interrupt loses at most the batch in
        hand and never leaves half a document."""
        from .reader import collect, load

        counts = {"added": 0, "updated": 0, "unchanged": 0}
        batch = []

        def flush():
            for outcome in self.add_entries(batch):
                counts[outcome] += 1
            batch.clear()

        for source in collect(paths, lambda p: False, on_error):
            try:
                doc, _ = load(source)
            except InputError as exc:
                on_error(exc.message)
                continue
            batch.append(Entry(Path(source.path).as_posix(), doc, issuer))
            if len(batch) >= self.engine.BATCH:
                flush()
        if batch:
            flush()
        return counts

    def _store(self, entries) -> list[str]:
        """Inside a write transaction: each entry added, replaced or left alone; then the
        batch's postings written at once and the document frequencies moved in one statement,
        in hash order, so that concurrent writers lock rows in the same order."""
        deltas: Counter = Counter()
        postings: list = []
        outcomes = {}
        for entry in sorted(entries, key=lambda e: e.path):  # path order: writers never wait in a circle
            outcomes[id(entry)] = self._put(entry, deltas, postings)
        if postings:
            self.engine.insert_postings(postings)
        self._apply(deltas)
        return [outcomes[id(entry)] for entry in entries]

    def _put(self, entry: Entry, deltas: Counter, postings: list) -> str:
        for _ in range(3):
            doc_id = self.engine.insert_doc(_DOC_COLUMNS, entry.values())  # most documents are new
            if doc_id is not None:
                self._post(doc_id, entry, deltas, postings)
                return "added"
            row = self.engine.run("SELECT id, sha, hashes, issuer, body FROM docs WHERE path = ?"
                                  + self.engine.FOR_UPDATE, (entry.path,)).fetchone()
            if row is None:
                continue  # another writer removed it just now: insert it again
            doc_id, sha, old_hashes, issuer, body = row
            if sha == entry.sha:
                if body is not None and entry.given_issuer in (None, issuer):
                    return "unchanged"
                self.engine.run("UPDATE docs SET issuer = ?, issued = ?, body = ? WHERE id = ?",
                                (entry.issuer if entry.given_issuer else issuer or entry.issuer,
                                 entry.issued, entry.body, doc_id))
                return "updated"
            self._unpost(doc_id, unpack_hashes(old_hashes), deltas)
            self.engine.run("UPDATE docs SET sha = ?, chars = ?, added = ?, hashes = ?, issuer = ?, issued = ?, "
                            "body = ? WHERE id = ?", (*entry.values()[1:], doc_id))
            self._post(doc_id, entry, deltas, postings)
            return "updated"
        raise InputError(said("index.busy", path=self.location, name=entry.path))

    def _post(self, doc_id: int, entry: Entry, deltas: Counter, postings: list) -> None:
        postings.extend((h, doc_id, line, col, end_col) for h, line, col, end_col in entry.rows)
        for h in entry.hashes:
            deltas[h] += 1

    def _unpost(self, doc_id: int, hashes, deltas: Counter) -> None:
        self.engine.delete_postings(doc_id, hashes)
        for h in hashes:
            deltas[h] -= 1

    def _apply(self, deltas: Counter) -> None:
        moved = sorted((h, n) for h, n in deltas.items() if n)
        if moved:
            self.engine.apply_df(moved)

    def remove(self, path: str) -> bool:
        def work():
            row = self.engine.run("SELECT id, hashes FROM docs WHERE path = ?" + self.engine.FOR_UPDATE,
                                  (path,)).fetchone()
            if row is None:
                return False
            deltas: Counter = Counter()
            self._unpost(row[0], unpack_hashes(row[1]), deltas)
            self.engine.run("DELETE FROM docs WHERE id = ?", (row[0],))
            self._apply(deltas)
            return True

        with self.errors():
            return self._write(work)

    # -- consistency -------------------------------------------------------------
    _TRUE_DF = "SELECT hash, COUNT(DISTINCT doc) FROM fps GROUP BY hash"
    # Hashes whose stored frequency differs from their postings, and frequencies with no postings.
    _WRONG_DF = ("SELECT t.hash, COALESCE(d.docs, 0), t.n FROM (SELECT hash, COUNT(DISTINCT doc) AS n FROM fps "
                 "GROUP BY hash) t LEFT JOIN {df} d ON d.hash = t.hash WHERE d.docs IS NULL OR d.docs <> t.n "
                 "UNION ALL SELECT d.hash, d.docs, 0 FROM {df} d WHERE NOT EXISTS "
                 "(SELECT 1 FROM fps f WHERE f.hash = d.hash)")
    _ORPHANS = "SELECT COUNT(*) FROM fps f WHERE NOT EXISTS (SELECT 1 FROM docs d WHERE d.id = f.doc)"

    def _wrong_df(self) -> str:
        return self._WRONG_DF.format(df=self.engine.frequencies())

    def check(self) -> list:
        """What is wrong with the index (empty when nothing is): damage the engine finds (SQLite's
        quick check), then where the document-frequency table disagrees with the postings, read
        in one snapshot: a writer at work is seen before or after, never halfway."""
        with self.errors():
            problem = self.engine.damage()
        if problem:
            return [said("index.problem.damaged", problem=printable(problem)[:200])]

        def work():
            problems = [said("index.problem.df", hash=h, stored=stored, true=true)
                        for h, stored, true in self.engine.run(self._wrong_df()).fetchall()]
            orphans = self.engine.run(self._ORPHANS).fetchone()[0]
            if orphans:
                problems.append(said("index.problem.orphans", count=orphans))
            return problems

        with self.errors():
            return self.engine.read(work)

    def repair(self) -> tuple[int, list[str]]:
        """Put the index right. The document frequencies are rebuilt from the postings; a damaged
        file is first rebuilt from what can still be read. Returns the problems fixed and the
        paths of documents that could not be kept whole (to be added again)."""
        with self.errors():
            damaged = self.engine.damage()
        if damaged:
            return 1, self._salvage()
        found = len(self.check())
        with self.errors():
            self._write(self._rebuild)
        return found, []

    def _rebuild(self):
        self.engine.lock_tables()
        self.engine.run("DELETE FROM fps WHERE NOT EXISTS (SELECT 1 FROM docs d WHERE d.id = fps.doc)")
        self.engine.clear_df()
        self.engine.run(f"INSERT INTO df(hash, docs) {self._TRUE_DF}")

    def _salvage(self) -> list[str]:
        """Copy into a fresh index every document whose row and postings still read back whole
        (each posting looked up by the hashes its document row lists), then put the fresh index
        in the damaged one's place (engine.scratch, engine.replace_with: only an SQLite file is
        ever found damaged). Returns the paths of the documents left out."""
        lost: list[str] = []
        fresh = self.engine.scratch()
        try:
            with Corpus(fresh, create=True) as target:
                for row in self._readable_docs(lost):
                    doc_id, values = row[0], row[1:]
                    postings = self._postings(doc_id, unpack_hashes(values[4]))
                    if postings is None:
                        lost.append(printable(values[0]))
                        continue
                    target._write(lambda: target._copy(values, postings))
                target._write(target._rebuild)
            self.engine.replace_with(fresh)
        finally:
            self.engine.discard(fresh)
        self.version = SCHEMA_VERSION
        return lost

    def _readable_docs(self, lost: list):
        """The document rows that read back, one by one (a damaged page ends the table early:
        what stands after it is lost, and said to be)."""
        columns = "id, " + ", ".join(self._column(c) for c in _DOC_COLUMNS.split(", "))
        try:
            ids = [row[0] for row in self.engine.run("SELECT id FROM docs ORDER BY id").fetchall()]
        except self.engine.Error:
            ids = []
            lost.append("(documents whose rows could not be read)")
        for doc_id in ids:
            try:
                row = self.engine.run(f"SELECT {columns} FROM docs WHERE id = ?", (doc_id,)).fetchone()
            except self.engine.Error:
                lost.append(f"(document {doc_id})")
                continue
            if row is not None:
                yield row

    def _postings(self, doc_id: int, hashes) -> list | None:
        """Every posting of a document, or None when one of its hashes has none left."""
        rows = []
        try:
            for h in hashes:
                found = self.engine.run("SELECT line, col, end_col FROM fps WHERE hash = ? AND doc = ?",
                                        (h, doc_id)).fetchall()
                if not found:
                    return None
                rows.extend((h, line, col, end_col) for line, col, end_col in found)
        except self.engine.Error:
            return None
        return rows

    def _copy(self, values, postings) -> None:
        path, sha, chars, added, hashes, issuer, issued, body = values
        doc_id = self.engine.insert_doc(_DOC_COLUMNS, (path, sha, chars, _iso(added), bytes(hashes), issuer,
                                                       _iso(issued), None if body is None else bytes(body)))
        self.engine.insert_postings([(h, doc_id, line, col, end_col) for h, line, col, end_col in postings])

    # -- reading ---------------------------------------------------------------
    def documents(self) -> list[tuple]:
        """(path, chars, fingerprints, added, issuer, issued) of every document, by path, the
        path escaped."""
        sql = (f"SELECT path, chars, length(hashes) / 8, added, {self._column('issuer')}, "
               f"{self._column('issued')} FROM docs ORDER BY path")
        with self.errors():
            rows = self.engine.read(lambda: self.engine.run(sql).fetchall())
        return [(printable(p), c, n, _iso(a), i, _iso(d)) for p, c, n, a, i, d in rows]

    def stats(self) -> dict:
        def work():
            one = lambda sql: self.engine.run(sql).fetchone()[0]  # noqa: E731
            return {
                "documents": one("SELECT COUNT(*) FROM docs"),
                "issuers": one(f"SELECT COUNT(DISTINCT {self._column('issuer')}) FROM docs"),
                "fingerprints": one("SELECT COUNT(*) FROM fps"),
                "distinct hashes": one(f"SELECT COUNT(*) FROM {self.engine.frequencies()} AS t"),
                "bytes on disk": self.engine.size(),
            }

        with self.errors():
            return self.engine.read(work)

    def matches(self, hashes, max_docs: int, exclude_sha: str | None = None) -> dict:
        """Postings of the hashes found in fewer than max_docs documents: hash -> [(path, line, col, end_col)].
        Checked as read, each chunk in one statement (one snapshot, so a writer at work is never
        taken for damage): each hash's postings must come from as many indexed documents as its
        document frequency says, and (on SQLite) a hash without one must have no postings;
        otherwise a damaged page lost some, and the index is said to be damaged rather than
        answering part of the question."""
        out: dict = {}

        def work():
            unique = sorted(set(hashes))
            for i in range(0, len(unique), self.engine.CHUNK):
                chunk = unique[i:i + self.engine.CHUNK]
                relation, params = self.engine.frequencies_of(chunk, max_docs)
                sql = ("SELECT df.hash, df.docs, d.id, d.path, d.sha, f.line, f.col, f.end_col "
                       f"FROM ({relation}) df LEFT JOIN fps f ON f.hash = df.hash {self.engine.DOCS_OF_POSTINGS}")
                if not self.engine.PAGES_GUARDED:  # postings of hashes with no frequency at all
                    given, given_values = self.engine.relation(chunk)
                    sql += (f" UNION ALL SELECT q.h, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM {given} "
                            "WHERE NOT EXISTS (SELECT 1 FROM df WHERE df.hash = q.h) "
                            "AND EXISTS (SELECT 1 FROM fps WHERE fps.hash = q.h)")
                    params = (*params, *given_values)
                counted, seen = {}, {}
                for h, n, doc, path, sha, line, col, end_col in self.engine.lookup(sql, params):
                    if n is None:
                        raise self.damaged("fingerprints with postings are missing from the document frequencies")
                    counted[h] = n
                    if doc is not None:
                        seen.setdefault(h, set()).add(doc)
                        if sha != exclude_sha:
                            out.setdefault(h, []).append((printable(path), line, col, end_col))
                short = [h for h, n in counted.items() if len(seen.get(h, ())) != n]
                if short:
                    raise self.damaged(f"{len(short)} fingerprints have fewer postings than their document frequency")

        with self.errors():
            self.engine.read(work, snapshot=False)
        return out

    def shared(self, max_docs: int, work):
        """work(postings, docs, bodies) in one read snapshot: postings() yields (hash, doc id,
        line, col, end_col) of every hash found in 2 to max_docs - 1 documents; docs(ids) gives
        {id: (path, issuer, issued, fingerprints)} and bodies(ids) {id: text or None}."""
        def docs(ids):
            out = {}
            for member, values in self.engine.member("id", sorted(ids)):
                for i, p, s, d, n in self.engine.run(
                        f"SELECT id, path, {self._column('issuer')}, {self._column('issued')}, length(hashes) / 8 "
                        f"FROM docs WHERE {member}", values):
                    out[i] = (p, s, _iso(d), n)
            return out

        def bodies(ids):
            out = {}
            for member, values in self.engine.member("id", sorted(ids)):
                for i, b in self.engine.run(f"SELECT id, {self._column('body')} FROM docs WHERE {member}", values):
                    out[i] = unpack_text(b)
            return out

        def postings():
            # The shared hashes first (the index df_shared holds only those), then their postings
            # looked up by hash: never a pass over every posting of the province.
            shared = [h for (h,) in self.engine.run(*self.engine.shared_hashes(max_docs))]
            for member, values in self.engine.member("hash", shared):
                yield from self.engine.run(f"SELECT hash, doc, line, col, end_col FROM fps WHERE {member}", values)

        with self.errors():
            return self.engine.read(lambda: work(postings, docs, bodies))

    # -- copying ------------------------------------------------------------------
    def copy_to(self, target: "Corpus") -> dict:
        """Every document of this index, with its postings, into `target` (the other engine, or
        another index of the same), in one transaction there, which other writers wait for; the
        target's document frequencies are then rebuilt from its postings. Documents already there
        unchanged are skipped, changed ones replaced."""
        counts: dict = {}
        columns = "id, " + ", ".join(self._column(c) for c in _DOC_COLUMNS.split(", "))

        def write():
            counts.update(copied=0, replaced=0, unchanged=0)  # afresh if the engine runs this again
            target.engine.lock_tables()
            there = {path: (i, sha, hashes) for path, i, sha, hashes
                     in target.engine.run("SELECT path, id, sha, hashes FROM docs")}
            ids = {}
            for old_id, path, sha, chars, added, hashes, issuer, issued, body in self.engine.stream(
                    f"SELECT {columns} FROM docs ORDER BY id", name="docs"):
                mine = there.get(path)
                if mine is not None and mine[1] == sha:
                    counts["unchanged"] += 1
                    continue
                if mine is not None:
                    target.engine.delete_postings(mine[0], unpack_hashes(mine[2]))
                    target.engine.run("DELETE FROM docs WHERE id = ?", (mine[0],))
                counts["replaced" if mine is not None else "copied"] += 1
                ids[old_id] = target.engine.insert_doc(_DOC_COLUMNS, (
                    path, sha, chars, _iso(added), bytes(hashes), issuer, _iso(issued),
                    None if body is None else bytes(body)))
            batch = []
            for h, doc, line, col, end_col in self.engine.stream("SELECT hash, doc, line, col, end_col FROM fps",
                                                                 name="postings"):
                if doc in ids:
                    batch.append((h, ids[doc], line, col, end_col))
                    if len(batch) >= 50_000:
                        target.engine.insert_postings(batch)
                        batch = []
            if batch:
                target.engine.insert_postings(batch)
            if ids:
                target._rebuild()

        with self.errors(), target.errors():
            self.engine.read(lambda: target._write(write))
        return counts


def damaged_message(location: str, problem: str) -> str:
    return said("index.damaged", path=location, problem=printable(problem)[:200])


class CorpusView:
    """What a rule sees: lookups only, with the draft itself left out."""

    def __init__(self, corpus: Corpus, draft_sha: str):
        self._corpus = corpus
        self._sha = draft_sha

    def matches(self, hashes, max_docs: int) -> dict:
        return self._corpus.matches(hashes, max_docs, self._sha)
