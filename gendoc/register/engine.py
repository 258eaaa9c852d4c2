"""Database engines for the register: SQLite by default, any SQLAlchemy URL (PostgreSQL) on request.

SQLite needs care to allocate numbers safely: pysqlite's own transaction handling starts
transactions lazily and as DEFERRED, so two processes could both read the same counter before
either takes the write lock. Following SQLAlchemy's pysqlite notes ("Serializable isolation /
Savepoints / Transactional DDL"), we switch pysqlite's handling off and emit `BEGIN IMMEDIATE`
ourselves, so every transaction takes the write lock up front and waits (busy timeout) for it.

Speed (issue 18): SQLite runs in WAL mode with `synchronous = FULL` — a commit appends to the
write-ahead log and fsyncs it once, instead of the rollback journal's several fsyncs, and stays
durable across power loss. WAL needs shared memory between processes, so a register file must
not sit on a network share (it never was safe there; docs/register.md says so). Connections are
pooled (one per process in practice) rather than opened per transaction: closing the last
connection to a WAL database checkpoints and deletes the log, which would cost an fsync each.
PostgreSQL needs no locking care (`INSERT … ON CONFLICT DO UPDATE … RETURNING` takes the counter
row lock); connections are not pinged on checkout — a dropped connection is reported by the
statement itself and a CLI command is short-lived.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

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


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str) -> Engine:
    """Create the engine for `url`, with immediate transactions and WAL on SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # connect_timeout: an unreachable server is reported in seconds, not minutes.
        connect_args = {}
        if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT_S
        return create_engine(parsed, pool_pre_ping=False, connect_args=connect_args)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI objects
        # Disable pysqlite's implicit BEGIN so that ours (below) is the only one.
        dbapi_connection.isolation_level = None
        prepare_sqlite(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001 - SQLAlchemy Connection
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def display_url(url: str) -> str:
    """The URL with its password hidden, for messages."""
    return make_url(url).render_as_string(hide_password=True)


def env_database_url() -> str | None:
    value = os.environ.get("GENDOC_DATABASE_URL", "").strip()
    return value or None
