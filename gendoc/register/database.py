"""The register's connection: the stdlib `sqlite3` or psycopg, with one SQL text for both.

Why not SQLAlchemy here: importing it costs about 0.25 s, a quarter of a `gendoc issue`, for
what is half a dozen statements. Issue 18 asks `gendoc issue` to stay within 5× `gendoc --help`.
SQLAlchemy and alembic are still what create and upgrade the schema (`migrate.py`), which
happens once per register and gendoc upgrade, and what reads a database URL typed by a clerk
(`config.py`); the workspace's default SQLite file needs neither.

SQLite needs care to allocate numbers safely: pysqlite's own transaction handling starts
transactions lazily and as DEFERRED, so two processes could both read the same counter before
either takes the write lock. Its handling is switched off (`isolation_level=None`) and every
transaction begins with `BEGIN IMMEDIATE`, which takes the write lock up front and waits for it
(busy timeout). SQLite runs in WAL mode with `synchronous = FULL`: a commit appends to the log and
fsyncs it once instead of the rollback journal's several fsyncs, and stays durable across power
loss. WAL needs shared memory between processes, so a register file must not sit on a network
share (docs/register.md). One connection is kept while the register is open: closing the last
connection to a WAL database checkpoints and deletes the log, an fsync each time.

PostgreSQL runs in autocommit — the allocation is one statement, atomic on its own — and other
writes open an explicit transaction. SQL is written with `:name` parameters, turned into
psycopg's `%(name)s` once per statement. Dates are stored on SQLite as text in the format
SQLAlchemy used for the registers it wrote, so old registers read the same.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Seconds a SQLite writer waits for another one to commit before giving up.
SQLITE_BUSY_TIMEOUT_S = 60.0
PG_CONNECT_TIMEOUT_S = 10
#: Connection setup of every SQLite connection (the raw-driver benchmark uses the same list).
#: The busy timeout comes first so the statements after it wait for a lock instead of failing.
SQLITE_PRAGMAS = (
    f"PRAGMA busy_timeout = {int(SQLITE_BUSY_TIMEOUT_S * 1000)}",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
)
# Switching a new database to WAL needs an exclusive lock, and SQLite answers "database is
# locked" at once (no busy wait) when several processes open the new file together: retry.
_WAL_TRIES = 200
_WAL_PAUSE_S = 0.05
SQLITE_PREFIX = "sqlite:///"
_PARAM_RE = re.compile(r":(\w+)")


def prepare_sqlite(dbapi_connection: Any) -> None:
    """Run SQLITE_PRAGMAS on a new sqlite3 connection (gendoc's and the raw benchmark's)."""
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            for attempt in range(_WAL_TRIES):
                try:
                    cursor.execute(pragma)
                    break
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) or attempt == _WAL_TRIES - 1:
                        raise
                    time.sleep(_WAL_PAUSE_S)
    finally:
        cursor.close()


def sqlite_url(path: Path) -> str:
    return f"{SQLITE_PREFIX}{path}"


def plain_sqlite_path(url: str) -> Path | None:
    """The file of a `sqlite:///PATH` URL without query or escapes (what gendoc writes itself);
    None for any other URL, which SQLAlchemy's parser reads (`Target.of`)."""
    if not url.startswith(SQLITE_PREFIX) or any(c in url for c in "?%#"):
        return None
    rest = url[len(SQLITE_PREFIX):]
    return Path(rest) if rest and rest != ":memory:" else None


def is_sqlite(url: str) -> bool:
    return url.split(":", 1)[0].split("+", 1)[0].lower() == "sqlite"


def display_url(url: str) -> str:
    """The URL with its password hidden, for messages."""
    if plain_sqlite_path(url) is not None:
        return url
    from sqlalchemy.engine import make_url  # a typed URL: SQLAlchemy's parser, on use

    return make_url(url).render_as_string(hide_password=True)


def pg_timeout(query: Mapping[str, Any]) -> dict[str, Any]:
    """PostgreSQL's connect timeout unless the URL sets one: an unreachable server is reported
    in seconds, not minutes (the register's connection and the migrations' engine)."""
    return {} if "connect_timeout" in query else {"connect_timeout": PG_CONNECT_TIMEOUT_S}


def env_database_url() -> str | None:
    value = os.environ.get("GENDOC_DATABASE_URL", "").strip()
    return value or None


@dataclass(frozen=True)
class Target:
    """Where a register is: a SQLite file, or PostgreSQL's connection arguments."""

    url: str
    backend: str  # "sqlite" or "postgresql"
    path: Path | None = None
    connect_args: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, url: str) -> Target:
        path = plain_sqlite_path(url)
        if path is not None:
            return cls(url, "sqlite", path)
        from sqlalchemy.engine import make_url  # a typed URL: SQLAlchemy's parser, on use

        parsed = make_url(url)
        backend = parsed.get_backend_name()
        if backend == "sqlite":
            return cls(url, backend, Path(parsed.database or ":memory:"))
        args: dict[str, Any] = parsed.translate_connect_args(username="user", database="dbname")
        args.update(parsed.query)
        args.update(pg_timeout(parsed.query))
        return cls(url, backend, None, args)


class Bound(dict[str, Any]):
    """Statement parameters already converted for one database (`Database.bind`)."""


class Database:
    """One connection to the register, opened on first use and kept until `close()`."""

    def __init__(self, target: Target):
        self.target = target
        self.backend = target.backend
        self._conn: Any = None
        self._pg_sql: dict[str, str] = {}

    @property
    def errors(self) -> tuple[type[BaseException], ...]:
        """The driver's exception classes (what `Register` turns into a clerk's message)."""
        if self.backend == "sqlite":
            return (sqlite3.Error,)
        import psycopg  # the shared register only

        return (psycopg.Error,)

    def connection(self) -> Any:
        if self._conn is None:
            self._conn = self._connect()
        return self._conn

    def _connect(self) -> Any:
        if self.backend == "sqlite":
            assert self.target.path is not None
            if str(self.target.path) != ":memory:":
                try:
                    self.target.path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:  # reported like the driver's own failure to open it
                    raise sqlite3.OperationalError(f"unable to open database file: {exc}") from exc
            conn = sqlite3.connect(self.target.path, timeout=SQLITE_BUSY_TIMEOUT_S,
                                   isolation_level=None, check_same_thread=False)
            prepare_sqlite(conn)
            return conn
        import psycopg  # the shared register only

        return psycopg.connect(autocommit=True, **self.target.connect_args)

    def rows(self, sql: str, params: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
        """Run one statement; its rows, as tuples (none for a statement that returns none)."""
        cursor = self.connection().execute(self._sql(sql), self.bind(params or {}))
        try:
            return cursor.fetchall() if cursor.description is not None else []
        finally:
            cursor.close()

    def count(self, sql: str, params: Mapping[str, Any]) -> int:
        """Run one statement; the number of rows it changed."""
        cursor = self.connection().execute(self._sql(sql), self.bind(params))
        try:
            return int(cursor.rowcount)
        finally:
            cursor.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """Statements inside run in one transaction: SQLite's takes the write lock up front."""
        conn = self.connection()
        if self.backend != "sqlite":
            with conn.transaction():
                yield self
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _sql(self, sql: str) -> str:
        """The statement in the driver's parameter style. gendoc's SQL holds no `:` but its
        `:name` parameters and no `%`, so the rewrite for psycopg needs no SQL parser."""
        if self.backend == "sqlite":
            return sql
        found = self._pg_sql.get(sql)
        if found is None:
            assert "%" not in sql and "::" not in sql, "a literal % or a cast: rewrite by hand"
            found = self._pg_sql[sql] = _PARAM_RE.sub(r"%(\1)s", sql)
        return found

    def bind(self, params: Mapping[str, Any]) -> Bound:
        """`params` converted for this database once, e.g. before taking a lock."""
        if isinstance(params, Bound):
            return params
        if self.backend != "sqlite":
            return Bound(params)
        bound = Bound(params)
        for name, value in params.items():
            if isinstance(value, dt.date):
                bound[name] = to_sqlite(value)
        return bound


def to_sqlite(value: Any) -> Any:
    """A value as SQLAlchemy stored it on SQLite: dates and times as text (`2026-03-05`,
    `2026-03-05 08:15:00.000000`: the wall time, its zone dropped — gendoc's times are UTC)."""
    if isinstance(value, dt.date):
        if isinstance(value, dt.datetime):
            return value.replace(tzinfo=None).isoformat(" ", "microseconds")
        return value.isoformat()
    return value


def as_date(value: Any) -> dt.date | None:
    """A DATE column's value: psycopg gives a date, SQLite the text `to_sqlite` stored."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    return dt.date.fromisoformat(str(value)[:10])


def as_datetime(value: Any) -> dt.datetime | None:
    """A timestamp column's value (on SQLite without its time zone, as SQLAlchemy read it)."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def sql_list(names: Sequence[str], prefix: str = "") -> str:
    """`a, b, c` (or `:a, :b, :c` with prefix ':'), for statements over a column list."""
    return ", ".join(prefix + name for name in names)
