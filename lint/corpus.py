"""The corpus index: winnowed fingerprints of earlier notices in one SQLite file.

This is the I/O side of the `corpus-overlap` rule: the CLI opens the index and
hands the rule a read-only view through `Document.settings["corpus"]`.
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

DEFAULT_INDEX = ".rectlint/corpus.sqlite"
SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS docs(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, sha TEXT NOT NULL,
                                chars INTEGER NOT NULL, added TEXT NOT NULL, hashes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS fps(hash INTEGER NOT NULL, doc INTEGER NOT NULL, line INTEGER NOT NULL,
                               col INTEGER NOT NULL, end_col INTEGER NOT NULL,
                               PRIMARY KEY(hash, doc, line, col)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS df(hash INTEGER PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
"""


def sha_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint_rows(doc: Document):
    from rectlint.rules._fingerprint import document_fingerprints

    rows = set()
    for h, start, end in document_fingerprints(doc):
        line, col = doc.position(start)
        _, end_col = doc.position(end - 1)
        rows.add((h, line, col, end_col))
    return sorted(rows)


class Corpus:
    def __init__(self, path, create: bool = False):
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise InputError(f"{path}: no such index; build it with 'rectlint index add --index {path} PATH...'")
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(str(self.path))
            self.db.executescript(_SCHEMA)
            version = self.db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
            if version is None:
                self.db.execute("INSERT INTO meta VALUES('version', ?)", (SCHEMA_VERSION,))
            elif version[0] != SCHEMA_VERSION:
                raise InputError(f"{path}: index version {version[0]}, expected {SCHEMA_VERSION}; rebuild it")
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{path}: not a rectlint index ({exc})") from None

    def close(self):
        self.db.commit()
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- writing ---------------------------------------------------------------
    def add(self, path: str, doc: Document) -> str:
        """Add or update one document; unchanged content is left alone (idempotent)."""
        sha = sha_of(doc.text)
        row = self.db.execute("SELECT sha FROM docs WHERE path=?", (path,)).fetchone()
        if row is not None and row[0] == sha:
            return "unchanged"
        if row is not None:
            self.remove(path)
        rows = fingerprint_rows(doc)
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
