"""The corpus index: winnowed fingerprints of earlier notices in one SQLite file.

This is the I/O side of the `corpus-overlap` rule: the CLI opens the index and
hands the rule a read-only view through `LintContext.corpus`.
Lookups go through the hash index, and a document-frequency table lets a
query drop boilerplate hashes without reading their postings, so query cost
does not grow with the corpus.
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

    def __init__(self, path, create: bool = False, readonly: bool = False):
        self.path = Path(path)
        exists = self.path.is_file()
        if not exists and not create:
            raise InputError(said("index.missing", path=path))
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
            else:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.executescript("BEGIN;" + _SCHEMA + "INSERT INTO meta VALUES('kind', 'rectlint-corpus');"
                                      f"INSERT INTO meta VALUES('version', '{SCHEMA_VERSION}'); COMMIT;")
        except sqlite3.OperationalError as exc:
            raise InputError(said("index.cannot-open", path=path, error=exc)) from None
        except sqlite3.DatabaseError as exc:
            raise InputError(said("index.invalid", path=path, error=exc)) from None

    def _check_schema(self):
        """A file that is not a rectlint index is refused, never converted into one."""
        try:
            rows = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError:
            rows = {}
        if rows.get("kind") != "rectlint-corpus":
            raise InputError(said("index.foreign", path=self.path))
        if rows.get("version") != SCHEMA_VERSION:
            raise InputError(said("index.version", path=self.path, version=rows.get("version"),
                                  expected=SCHEMA_VERSION))

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
        """Where the document-frequency table disagrees with the postings (empty when consistent)."""
        stored = dict(self.db.execute("SELECT hash, docs FROM df"))
        true = dict(self.db.execute(self._TRUE_DF))
        problems = [f"hash {h}: df says {stored.get(h, 0)}, postings say {n}" for h, n in true.items()
                    if stored.get(h) != n]
        problems += [f"hash {h}: df says {n}, no postings" for h, n in stored.items() if h not in true]
        orphans = self.db.execute("SELECT COUNT(*) FROM fps WHERE doc NOT IN (SELECT id FROM docs)").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} postings of documents no longer indexed")
        return problems

    def repair(self) -> int:
        """Rebuild the document-frequency table from the postings; returns the problems it fixed."""
        found = len(self.check())
        self._transaction(self._rebuild)
        return found

    def _rebuild(self):
        self.db.execute("DELETE FROM fps WHERE doc NOT IN (SELECT id FROM docs)")
        self.db.execute("DELETE FROM df")
        self.db.execute(f"INSERT INTO df {self._TRUE_DF}")

    # -- reading ---------------------------------------------------------------
    def documents(self):
        return self.db.execute(
            "SELECT path, chars, length(hashes) / 8, added FROM docs ORDER BY path").fetchall()

    def stats(self) -> dict:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT COUNT(*) FROM docs"),
            "fingerprints": one("SELECT COUNT(*) FROM fps"),
            "distinct hashes": one("SELECT COUNT(*) FROM df"),
            "bytes on disk": self.path.stat().st_size if self.path.exists() else 0,
        }

    def matches(self, hashes, max_docs: int, exclude_sha: str | None = None) -> dict:
        """Postings of the hashes found in fewer than max_docs documents: hash -> [(path, line, col, end_col)]."""
        out: dict = {}
        unique = sorted(set(hashes))
        for i in range(0, len(unique), 500):
            chunk = unique[i:i + 500]
            marks = ",".join("?" * len(chunk))
            rare = [h for h, n in self.db.execute(
                f"SELECT hash, docs FROM df WHERE hash IN ({marks})", chunk) if n < max_docs]
            if not rare:
                continue
            marks = ",".join("?" * len(rare))
            for h, path, sha, line, col, end_col in self.db.execute(
                    f"SELECT f.hash, d.path, d.sha, f.line, f.col, f.end_col FROM fps f "
                    f"JOIN docs d ON d.id = f.doc WHERE f.hash IN ({marks})", rare):
                if sha != exclude_sha:
                    out.setdefault(h, []).append((path, line, col, end_col))
        return out


class CorpusView:
    """What a rule sees: lookups only, with the draft itself left out."""

    def __init__(self, corpus: Corpus, draft_sha: str):
        self._corpus = corpus
        self._sha = draft_sha

    def matches(self, hashes, max_docs: int) -> dict:
        return self._corpus.matches(hashes, max_docs, self._sha)
