"""The corpus index: winnowed fingerprints of earlier notices in one SQLite file.

This is the I/O side of the `corpus-overlap` rule: the CLI opens the index and
hands the rule a read-only view through `LintContext.corpus`.
Lookups go through the hash index, and a document-frequency table lets a
query drop boilerplate hashes without reading their postings, so query cost
does not grow with the corpus.

A damaged file is found and never written into. A writer runs SQLite's
`PRAGMA quick_check` when it opens the index and refuses a file that fails it.
A reader checks cheaply what it reads: the file's header against its size, and
every lookup against the document frequencies (a hash said to be in N documents
must have postings in N indexed documents); any fault of SQLite's is damage
too. Each names `rectlint index repair`, which rebuilds the file from what can
still be read. Paths read back from the index are escaped before anyone prints
them, as paths from the command line are.
"""

from __future__ import annotations

import array
import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

from .document import Document
from .errors import InputError
from .messages import said
from .text import printable

DEFAULT_INDEX = ".rectlint/corpus.sqlite"
SCHEMA_VERSION = "2"  # 2: meta records kind = rectlint-corpus, so other databases are refused
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE docs(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, sha TEXT NOT NULL,
                                chars INTEGER NOT NULL, added TEXT NOT NULL, hashes BLOB NOT NULL);
CREATE TABLE fps(hash INTEGER NOT NULL, doc INTEGER NOT NULL, line INTEGER NOT NULL,
                               col INTEGER NOT NULL, end_col INTEGER NOT NULL,
                               PRIMARY KEY(hash, doc, line, col)) WITHOUT ROWID;
CREATE TABLE df(hash INTEGER PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
"""


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


BUSY_MS = 10_000  # a reader or a second writer waits this long for a writer's transaction


class Corpus:
    """One index file. Writers change it one document per transaction; readers open it
    read-only and never create or alter it."""

    def __init__(self, path, create: bool = False, readonly: bool = False, damaged_ok: bool = False):
        self.path = Path(path)
        self.shown = printable(str(path))
        exists = self.path.is_file()
        if not exists and not create:
            raise InputError(said("index.missing", path=self.shown))
        try:
            if readonly:
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, timeout=BUSY_MS / 1000, isolation_level=None)
            else:
                if not exists:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(str(self.path), timeout=BUSY_MS / 1000, isolation_level=None)
            self.db.execute(f"PRAGMA busy_timeout={BUSY_MS}")
            if exists:
                self._check_schema()
                if readonly:
                    self._check_header()
                elif not damaged_ok:  # a writer never writes into a damaged file
                    problem = self.damage()
                    if problem:
                        raise self.damaged(problem)
            else:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.executescript("BEGIN;" + _SCHEMA + "INSERT INTO meta VALUES('kind', 'rectlint-corpus');"
                                      f"INSERT INTO meta VALUES('version', '{SCHEMA_VERSION}'); COMMIT;")
        except sqlite3.OperationalError as exc:
            raise InputError(said("index.cannot-open", path=self.shown, error=exc)) from None
        except sqlite3.DatabaseError as exc:
            if exists and self._is_sqlite():
                raise self.damaged(str(exc)) from None
            raise InputError(said("index.invalid", path=self.shown, error=exc)) from None

    def _is_sqlite(self) -> bool:
        try:
            with open(self.path, "rb") as handle:
                return handle.read(16) == b"SQLite format 3\x00"
        except OSError:
            return False

    def damaged(self, problem: str) -> InputError:
        """The error of a damaged index, naming the repair."""
        return InputError(said("index.damaged", path=self.shown, problem=printable(problem)[:200]))

    def _check_schema(self):
        """A file that is not a rectlint index is refused, never converted into one."""
        try:
            rows = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError:
            if self._is_sqlite() and self.db.execute(
                    "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'meta'").fetchone()[0]:
                raise  # the meta table is there but cannot be read: damage, said by the caller
            rows = {}
        if rows.get("kind") != "rectlint-corpus":
            raise InputError(said("index.foreign", path=self.shown))
        if rows.get("version") != SCHEMA_VERSION:
            raise InputError(said("index.version", path=self.shown, version=rows.get("version"),
                                  expected=SCHEMA_VERSION))

    def _check_header(self):
        """A reader's cheap check of the whole file: the page count SQLite wrote in the header
        against the file's size (a truncated or padded file). What it reads is checked as it
        reads (`matches`)."""
        with open(self.path, "rb") as handle:
            header = handle.read(100)
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(header[28:32], "big")
        wal = Path(f"{self.path}-wal")
        if not wal.exists() and pages and page_size and self.path.stat().st_size != pages * page_size:
            raise self.damaged(f"the header counts {pages} pages of {page_size} bytes, the file holds "
                               f"{self.path.stat().st_size} bytes")

    def damage(self) -> str | None:
        """What SQLite's quick check finds wrong with the file, or None."""
        try:
            rows = [row[0] for row in self.db.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:
            return str(exc)
        return None if rows == ["ok"] else "; ".join(rows)

    def close(self):
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- writing ---------------------------------------------------------------
    def _transaction(self, work):
        """Run work() as one transaction: an interrupt or error rolls the whole of it back."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            result = work()
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
        return result

    def add(self, path: str, doc: Document) -> str:
        """Add or update one document; unchanged content is left alone (idempotent)."""
        rows = fingerprint_rows(doc)  # outside the transaction: the slow part holds no lock
        return self._transaction(lambda: self._add(path, doc, rows))

    def add_paths(self, paths, on_error) -> dict:
        """Add drafts and folders; an input that cannot be read is one `on_error` line.
        Returns how many were added, updated and unchanged."""
        from .reader import collect, load

        counts = {"added": 0, "updated": 0, "unchanged": 0}
        for source in collect(paths, lambda p: False, on_error):
            try:
                doc, _ = load(source)
            except InputError as exc:
                on_error(exc.message)
                continue
            counts[self.add(Path(source.path).as_posix(), doc)] += 1
        return counts

    def _add(self, path: str, doc: Document, rows) -> str:
        sha = sha_of(doc.text)
        row = self.db.execute("SELECT sha FROM docs WHERE path=?", (path,)).fetchone()
        if row is not None and row[0] == sha:
            return "unchanged"
        if row is not None:
            self._remove(path)
        hashes = sorted({r[0] for r in rows})
        cur = self.db.execute(
            "INSERT INTO docs(path, sha, chars, added, hashes) VALUES(?,?,?,?,?)",
            (path, sha, len(doc.text), dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
             array.array("q", hashes).tobytes()))
        doc_id = cur.lastrowid
        self.db.executemany("INSERT OR IGNORE INTO fps VALUES(?,?,?,?,?)",
                            [(h, doc_id, line, col, end_col) for h, line, col, end_col in rows])
        self.db.executemany("INSERT INTO df VALUES(?, 1) ON CONFLICT(hash) DO UPDATE SET docs = docs + 1",
                            [(h,) for h in hashes])
        return "updated" if row is not None else "added"

    def remove(self, path: str) -> bool:
        return self._transaction(lambda: self._remove(path))

    def _remove(self, path: str) -> bool:
        row = self.db.execute("SELECT id, hashes FROM docs WHERE path=?", (path,)).fetchone()
        if row is None:
            return False
        doc_id, blob = row
        hashes = array.array("q")
        hashes.frombytes(blob)
        self.db.executemany("DELETE FROM fps WHERE hash=? AND doc=?", [(h, doc_id) for h in hashes])
        self.db.executemany("UPDATE df SET docs = docs - 1 WHERE hash=?", [(h,) for h in hashes])
        self.db.execute("DELETE FROM df WHERE docs <= 0")
        self.db.execute("DELETE FROM docs WHERE id=?", (doc_id,))
        return True

    # -- consistency -------------------------------------------------------------
    _TRUE_DF = "SELECT hash, COUNT(DISTINCT doc) FROM fps GROUP BY hash"

    def check(self) -> list[str]:
        """What is wrong with the index (empty when nothing is): damage SQLite's quick check
        finds, then document frequencies that disagree with the postings."""
        problem = self.damage()
        if problem:
            return [f"damaged: {problem}"]
        stored = dict(self.db.execute("SELECT hash, docs FROM df"))
        true = dict(self.db.execute(self._TRUE_DF))
        problems = [f"hash {h}: df says {stored.get(h, 0)}, postings say {n}" for h, n in true.items()
                    if stored.get(h) != n]
        problems += [f"hash {h}: df says {n}, no postings" for h, n in stored.items() if h not in true]
        orphans = self.db.execute("SELECT COUNT(*) FROM fps WHERE doc NOT IN (SELECT id FROM docs)").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} postings of documents no longer indexed")
        return problems

    def repair(self) -> tuple[int, list[str]]:
        """Put the index right. The document frequencies are rebuilt from the postings; a damaged
        file is first rebuilt from what can still be read. Returns the problems fixed and the
        paths of documents that could not be kept whole (to be added again)."""
        if self.damage():
            return 1, self._salvage()
        found = len(self.check())
        self._transaction(self._rebuild)
        return found, []

    def _rebuild(self):
        self.db.execute("DELETE FROM fps WHERE doc NOT IN (SELECT id FROM docs)")
        self.db.execute("DELETE FROM df")
        self.db.execute(f"INSERT INTO df {self._TRUE_DF}")

    def _salvage(self) -> list[str]:
        """Copy into a fresh file every document whose row and postings still read back whole
        (each posting looked up by the hashes its document row lists), then put the fresh file
        in the damaged one's place. Returns the paths of the documents left out."""
        import os
        import tempfile

        fd, fresh = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".repair", dir=self.path.parent)
        os.close(fd)
        os.unlink(fresh)
        lost: list[str] = []
        try:
            with Corpus(fresh, create=True) as target:
                for row in self._readable_docs(lost):
                    doc_id, path, sha, chars, added, blob = row
                    hashes = array.array("q")
                    hashes.frombytes(blob)
                    rows = self._postings(doc_id, hashes)
                    if rows is None:
                        lost.append(printable(path))
                        continue
                    target._transaction(lambda: target._copy(path, sha, chars, added, blob, rows))
                target._transaction(target._rebuild)
            self.db.close()
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            os.replace(fresh, self.path)
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{fresh}{suffix}").unlink(missing_ok=True)
            self.db = sqlite3.connect(str(self.path), timeout=BUSY_MS / 1000, isolation_level=None)
        return lost

    def _readable_docs(self, lost: list):
        """The document rows that read back, one by one (a damaged page ends the table early:
        what stands after it is lost, and said to be)."""
        try:
            ids = [row[0] for row in self.db.execute("SELECT id FROM docs ORDER BY id")]
        except sqlite3.DatabaseError:
            ids = []
            lost.append("(documents whose rows could not be read)")
        for doc_id in ids:
            try:
                row = self.db.execute("SELECT id, path, sha, chars, added, hashes FROM docs WHERE id = ?",
                                      (doc_id,)).fetchone()
            except sqlite3.DatabaseError:
                lost.append(f"(document {doc_id})")
                continue
            if row is not None:
                yield row

    def _postings(self, doc_id: int, hashes) -> list | None:
        """Every posting of a document, or None when one of its hashes has none left."""
        rows = []
        try:
            for h in hashes:
                found = self.db.execute("SELECT line, col, end_col FROM fps WHERE hash = ? AND doc = ?",
                                        (h, doc_id)).fetchall()
                if not found:
                    return None
                rows.extend((h, line, col, end_col) for line, col, end_col in found)
        except sqlite3.DatabaseError:
            return None
        return rows

    def _copy(self, path, sha, chars, added, blob, rows):
        cur = self.db.execute("INSERT INTO docs(path, sha, chars, added, hashes) VALUES(?,?,?,?,?)",
                              (path, sha, chars, added, blob))
        self.db.executemany("INSERT OR IGNORE INTO fps VALUES(?,?,?,?,?)",
                            [(h, cur.lastrowid, line, col, end_col) for h, line, col, end_col in rows])

    # -- reading ---------------------------------------------------------------
    def documents(self):
        """(path, characters, fingerprints, added) of each document, the path escaped."""
        return [(printable(path), *rest) for path, *rest in self._read(
            "SELECT path, chars, length(hashes) / 8, added FROM docs ORDER BY path")]

    def _read(self, sql: str, args=()) -> list:
        """Rows of a query; a fault of SQLite's while reading is damage, said as such."""
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise self.damaged(str(exc)) from None

    def stats(self) -> dict:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT COUNT(*) FROM docs"),
            "fingerprints": one("SELECT COUNT(*) FROM fps"),
            "distinct hashes": one("SELECT COUNT(*) FROM df"),
            "bytes on disk": self.path.stat().st_size if self.path.exists() else 0,
        }

    def matches(self, hashes, max_docs: int, exclude_sha: str | None = None) -> dict:
        """Postings of the hashes found in fewer than max_docs documents: hash -> [(path, line, col, end_col)].
        Each hash's postings must come from as many indexed documents as its document frequency
        says, and a hash without one must have no postings: otherwise a damaged page lost some,
        and the index is said to be damaged rather than answering part of the question."""
        out: dict = {}
        unique = sorted(set(hashes))
        for i in range(0, len(unique), 500):
            chunk = unique[i:i + 500]
            marks = ",".join("?" * len(chunk))
            counted = dict(self._read(f"SELECT hash, docs FROM df WHERE hash IN ({marks})", chunk))
            missing = [h for h in chunk if h not in counted]
            if missing and self._read(f"SELECT hash FROM fps WHERE hash IN ({','.join('?' * len(missing))}) "
                                      "LIMIT 1", missing):
                raise self.damaged("fingerprints with postings are missing from the document frequencies")
            rare = {h: n for h, n in counted.items() if n < max_docs}
            if not rare:
                continue
            marks = ",".join("?" * len(rare))
            seen: dict = {}
            for h, doc, path, sha, line, col, end_col in self._read(
                    f"SELECT f.hash, d.id, d.path, d.sha, f.line, f.col, f.end_col FROM fps f "
                    f"JOIN docs d ON d.id = f.doc WHERE f.hash IN ({marks})", list(rare)):
                seen.setdefault(h, set()).add(doc)
                if sha != exclude_sha:
                    out.setdefault(h, []).append((printable(path), line, col, end_col))
            short = [h for h, n in rare.items() if len(seen.get(h, ())) != n]
            if short:
                raise self.damaged(f"{len(short)} fingerprints have fewer postings than their document frequency")
        return out


class CorpusView:
    """What a rule sees: lookups only, with the draft itself left out."""

    def __init__(self, corpus: Corpus, draft_sha: str):
        self._corpus = corpus
        self._sha = draft_sha

    def matches(self, hashes, max_docs: int) -> dict:
        return self._corpus.matches(hashes, max_docs, self._sha)
