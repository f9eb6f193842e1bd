"""A throwaway PostgreSQL cluster for the index tests, and the fixture that runs a test on both
engines.

One cluster per test session: initdb in a temporary folder, on a free port, started with
pg_ctl and stopped at the end; a fresh database per test. Where the tests run as root (as CI
does), initdb and pg_ctl run as an unprivileged user, which owns the folder. Without
PostgreSQL or psycopg the PostgreSQL half of each test is skipped, saying why, unless
RECTLINT_REQUIRE_POSTGRES is set (CI sets it): then it fails, so CI never skips.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import pytest

PASSWORD_ROLE = "secretive"  # the one role that must log in with a password (scram-sha-256)


def _bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return None  # on PATH
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[-3]))
    return Path(versions[-1]).parent if versions else False


def _unavailable(reason: str):
    if os.environ.get("RECTLINT_REQUIRE_POSTGRES"):
        pytest.fail(f"PostgreSQL is required here (RECTLINT_REQUIRE_POSTGRES) but {reason}")
    pytest.skip(f"PostgreSQL: {reason}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _service_user() -> str | None:
    """Who runs the server when we are root: postgres (Debian's package makes it), else nobody."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    return None


class Cluster:
    """`durable=False` (the tests): no fsync, since a killed client is under test, not a crashed
    server. The bench starts one with the server's durable defaults and `settings` of its own."""

    def __init__(self, durable: bool = False, settings: str = ""):
        try:
            import psycopg  # noqa: F401
        except ImportError:
            _unavailable("psycopg is not installed (pip install 'rectlint[postgres]')")
        bin_dir = _bin_dir()
        if bin_dir is False:
            _unavailable("initdb and pg_ctl not found (apt-get install postgresql)")
        self.initdb = str(bin_dir / "initdb") if bin_dir else "initdb"
        self.pg_ctl = str(bin_dir / "pg_ctl") if bin_dir else "pg_ctl"
        self.user = _service_user()
        self.folder = Path(tempfile.mkdtemp(prefix="rectlint-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._names = itertools.count(1)
        if self.user:
            os.chmod(self.folder, 0o755)
            shutil.chown(self.folder, self.user)
        self._as_user(self.initdb, "-D", str(self.data), "-U", "rectlint", "-A", "trust", "-E", "UTF8",
                      "--locale=C", "--no-sync")
        hba = (f"local all all trust\nhost all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n"
               "host all all 127.0.0.1/32 trust\n")
        (self.data / "pg_hba.conf").write_text(hba, encoding="utf-8")
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=200 {settings}"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._as_user(self.pg_ctl, "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-t", "60",
                      "-o", options, "start")
        self.password = "s3cr3t-Pw_7781"
        self.admin(f"CREATE ROLE {PASSWORD_ROLE} LOGIN SUPERUSER PASSWORD '{self.password}'")

    def _as_user(self, *command):
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        done = subprocess.run([*prefix, *command], capture_output=True, text=True, cwd=self.folder)
        if done.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {done.stdout}{done.stderr}")

    def url(self, database: str = "postgres", user: str = "rectlint", password: str | None = None) -> str:
        auth = f"{user}:{password}" if password is not None else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str, database: str = "postgres"):
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as db:
            cur = db.execute(sql)
            return cur.fetchall() if cur.description else None

    def new_database(self) -> str:
        name = f"t{next(self._names)}"
        self.admin(f"CREATE DATABASE {name}")
        return name

    def stop(self):
        try:
            self._as_user(self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres():
    """The session's cluster, started at first use and stopped at the end (a skip is kept for
    the session, so an absent PostgreSQL is looked for once)."""
    cluster = Cluster()
    yield cluster
    cluster.stop()


ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(params=ENGINES)
def engine(request):
    return request.param


@pytest.fixture
def index_at(engine, tmp_path, request):
    """A fresh index location of the test's engine: a file path, or the URL of a new database."""
    if engine == "sqlite":
        return str(tmp_path / "corpus.sqlite")
    cluster = request.getfixturevalue("postgres")
    return cluster.url(cluster.new_database())


def raw(location: str, sql: str, params=()):
    """Run SQL on an index behind rectlint's back (to damage it, or to look inside)."""
    if location.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(location, autocommit=True) as db:
            cur = db.execute(sql.replace("?", "%s"), params)
            return cur.fetchall() if cur.description else None
    with sqlite3.connect(location, isolation_level=None) as db:
        return db.execute(sql, params).fetchall()
