"""The corpus index in one SQLite file: what differs from PostgreSQL, and nothing else.

The file is in WAL mode with a busy timeout: one writer and many readers at once. Writers take
the write lock at the start of each transaction (BEGIN IMMEDIATE), so two writers never
interleave; readers open the file read-only and never create or change it.

Nothing but this module guards the file, so it looks for damage: a writer runs `PRAGMA
quick_check` on opening it (`damage`) and refuses a file that fails it, a reader checks the page
count in the header against the file's size (`check_header`), and a fault SQLite reports on a
file that is an SQLite database (corruption, not a busy or unreadable file) is damage. A damaged
file is rebuilt beside itself and swapped in (`scratch`, `replace_with`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .corpus_base import Engine
from .errors import InputError
from .messages import said
from .text import printable

BUSY_MS = 10_000  # a reader or a second writer waits this long for a writer's transaction
WRITE_TRIES = 6  # …and a writer asks this many times

SCHEMA = (
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE docs(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, sha TEXT NOT NULL, chars INTEGER NOT NULL, "
    "added TEXT NOT NULL, hashes BLOB NOT NULL, issuer TEXT, issued TEXT, body BLOB)",
    "CREATE TABLE fps(hash INTEGER NOT NULL, doc INTEGER NOT NULL, line INTEGER NOT NULL, col INTEGER NOT NULL, "
    "end_col INTEGER NOT NULL, PRIMARY KEY(hash, doc, line, col)) WITHOUT ROWID",
    "CREATE TABLE df(hash INTEGER PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE INDEX df_shared ON df(docs, hash) WHERE docs > 1",
)
# Statements that take an index from version N to N + 1.
MIGRATIONS = {
    2: ("ALTER TABLE docs ADD COLUMN issuer TEXT", "ALTER TABLE docs ADD COLUMN issued TEXT",
        "ALTER TABLE docs ADD COLUMN body BLOB", "CREATE INDEX df_shared ON df(docs, hash) WHERE docs > 1"),
    3: (),  # version 4 gave PostgreSQL its df_pending; one writer at a time has no need of it
}
_CHUNK = 500  # values per IN (...): well below SQLite's limit on host parameters


class SQLiteEngine(Engine):
    name = "sqlite"
    Error = sqlite3.Error
    SCHEMA = SCHEMA
    MIGRATIONS = MIGRATIONS
    FOR_UPDATE = ""  # BEGIN IMMEDIATE already holds the only write lock
    BATCH = 16  # documents of a folder per transaction: each commit writes every page it touched
    CHUNK = _CHUNK
    PAGES_GUARDED = False  # see corpus_postgres.PostgresEngine.PAGES_GUARDED

    def __init__(self, location):
        self.path = Path(location)
        self.display = printable(str(location))
        self.db = None

    def open(self, create: bool, readonly: bool, build) -> None:
        if not self.path.is_file():
            if not create:
                raise InputError(said("index.missing", path=self.display))
            self._create(build)
        if readonly:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            self.db = sqlite3.connect(uri, uri=True, timeout=BUSY_MS / 1000, isolation_level=None)
        else:
            self.db = sqlite3.connect(str(self.path), timeout=BUSY_MS / 1000, isolation_level=None)
            # In WAL mode, NORMAL syncs at checkpoints, not at every commit: a power cut may lose the
            # last documents added (adding them again is idempotent), never the index's consistency.
            self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(f"PRAGMA busy_timeout={BUSY_MS}")

    def _create(self, build) -> None:
        """A new index is built beside its place and linked into it whole, so that a file at
        the index's path is always a whole index or another program's: two writers creating
        it at once end with one index, and an empty file is never taken for a new one."""
        import os
        import tempfile

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".new", dir=self.path.parent)
        os.close(fd)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(name, 0o666 & ~umask)  # as sqlite3 would create it, not mkstemp's 0600
        try:
            self.db = sqlite3.connect(name, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.write(build)
            self.db.close()
            try:
                os.link(name, self.path)
            except FileExistsError:
                pass  # another writer made it first: theirs is used
            except OSError:  # a file system without hard links
                if not self.path.exists():
                    os.replace(name, self.path)
        finally:
            self.db = None
            for leftover in (name, f"{name}-wal", f"{name}-shm"):
                if os.path.exists(leftover):
                    os.unlink(leftover)

    def read_meta(self) -> dict:
        """The meta table, or {} for a file that is not an index."""
        try:
            return dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError:
            if self._is_sqlite() and self.db.execute(
                    "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'meta'").fetchone()[0]:
                raise  # the meta table is there but cannot be read: damage (explain)
            return {}

    def explain(self, exc) -> str:
        if isinstance(exc, sqlite3.OperationalError):
            return said("index.cannot-open", path=self.display, error=exc)
        if self._is_sqlite():
            from .corpus import damaged_message

            return damaged_message(self.display, str(exc))
        return said("index.invalid", path=self.display, error=exc)

    # -- damage ----------------------------------------------------------------------
    def _is_sqlite(self) -> bool:
        try:
            with open(self.path, "rb") as handle:
                return handle.read(16) == b"SQLite format 3\x00"
        except OSError:
            return False

    def damage(self) -> str | None:
        """What SQLite's quick check finds wrong with the file, or None."""
        try:
            rows = [row[0] for row in self.db.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError as exc:
            return str(exc)
        return None if rows == ["ok"] else "; ".join(rows)

    def check_header(self) -> None:
        """A reader's cheap check of the whole file: the page count SQLite wrote in the header
        against the file's size (a truncated or padded file). What it reads is checked as it
        reads (Corpus.matches)."""
        with open(self.path, "rb") as handle:
            header = handle.read(100)
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(header[28:32], "big")
        size = self.path.stat().st_size
        if not Path(f"{self.path}-wal").exists() and pages and page_size and size != pages * page_size:
            from .corpus import damaged_message

            raise InputError(damaged_message(self.display, f"the header counts {pages} pages of {page_size} "
                                                           f"bytes, the file holds {size} bytes"))

    def scratch(self) -> str:
        """A free name beside the index for the file a repair builds."""
        import os
        import tempfile

        fd, fresh = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".repair", dir=self.path.parent)
        os.close(fd)
        os.unlink(fresh)
        return fresh

    def replace_with(self, fresh: str) -> None:
        """Put the repaired file in this one's place, and go on with it."""
        import os

        self.db.close()
        try:
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            os.replace(fresh, self.path)
        finally:
            self.db = sqlite3.connect(str(self.path), timeout=BUSY_MS / 1000, isolation_level=None)
            self.db.execute(f"PRAGMA busy_timeout={BUSY_MS}")

    def discard(self, fresh: str) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{fresh}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()

    # -- transactions ----------------------------------------------------------------
    def write(self, work):
        """work() as one transaction: an interrupt or error rolls the whole of it back. Writers
        queue for the one write lock; SQLite's wait is not fair, so a writer that waited its
        whole busy timeout while others took turns, or whose transaction SQLite ended as busy,
        asks again, for up to a minute."""
        for attempt in range(WRITE_TRIES):
            try:
                self.db.execute("BEGIN IMMEDIATE")
                result = work()
                self.db.execute("COMMIT")
                return result
            except sqlite3.OperationalError as exc:
                self._rollback()
                if attempt == WRITE_TRIES - 1 or "locked" not in str(exc):
                    raise
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        if self.db.in_transaction:  # SQLite may have ended it already (busy, full, I/O error)
            self.db.execute("ROLLBACK")

    def read(self, work, snapshot: bool = True):
        """work() in one read transaction: in WAL mode, one snapshot of the file."""
        self.db.execute("BEGIN")
        try:
            return work()
        finally:
            self._rollback()

    def lock_schema(self) -> None:
        pass  # BEGIN IMMEDIATE is the lock

    def lock_tables(self) -> None:
        pass

    # -- statements ----------------------------------------------------------------
    def run(self, sql: str, params=()):
        return self.db.execute(sql, params)

    def stream(self, sql: str, params=(), name: str = ""):
        return self.db.execute(sql, params)

    lookup = run

    def member(self, column: str, values: list):
        """(condition, parameters) pairs that together test `column` against every value."""
        for i in range(0, len(values), _CHUNK):
            chunk = values[i:i + _CHUNK]
            yield f"{column} IN ({','.join('?' * len(chunk))})", chunk

    def relation(self, values: list):
        """(a table q with one column h holding the values, its parameters)."""
        return f"(SELECT column1 AS h FROM (VALUES {','.join(['(?)'] * len(values))})) AS q", list(values)

    def insert_doc(self, columns: str, values: tuple) -> int | None:
        """The new document's id, or None when its path is already indexed."""
        cur = self.db.execute(f"INSERT OR IGNORE INTO docs({columns}) VALUES({','.join('?' * len(values))})", values)
        return cur.lastrowid if cur.rowcount == 1 else None

    def insert_postings(self, rows) -> None:
        self.db.executemany("INSERT OR IGNORE INTO fps(hash, doc, line, col, end_col) VALUES(?,?,?,?,?)", rows)

    def delete_postings(self, doc_id: int, hashes) -> None:
        self.db.executemany("DELETE FROM fps WHERE hash = ? AND doc = ?", [(h, doc_id) for h in hashes])

    def apply_df(self, deltas) -> None:
        """Add each (hash, delta) to its document frequency, dropping those that reach 0."""
        self.db.executemany("INSERT INTO df(hash, docs) VALUES(?, ?) "
                            "ON CONFLICT(hash) DO UPDATE SET docs = df.docs + excluded.docs", deltas)
        self.db.executemany("DELETE FROM df WHERE hash = ? AND docs <= 0", [(h,) for h, n in deltas if n < 0])

    def size(self) -> int:
        return sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())
