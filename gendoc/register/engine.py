"""Database engines for the register: SQLite by default, any SQLAlchemy URL (PostgreSQL) on request.

SQLite needs care to allocate numbers safely: pysqlite's own transaction handling starts
transactions lazily and as DEFERRED, so two processes could both read the same counter before
either takes the write lock. Following SQLAlchemy's pysqlite notes ("Serializable isolation /
Savepoints / Transactional DDL"), we switch pysqlite's handling off and emit `BEGIN IMMEDIATE`
ourselves, so every transaction takes the write lock up front and waits (busy timeout) for it.
PostgreSQL needs nothing special: `UPDATE … RETURNING` takes a row lock that serialises writers.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

#: Seconds a SQLite writer waits for another one to commit before giving up.
SQLITE_BUSY_TIMEOUT_S = 60.0
PG_CONNECT_TIMEOUT_S = 10


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str) -> Engine:
    """Create the engine for `url`, with immediate transactions and a busy timeout on SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # pool_pre_ping: a shared server may restart between two clerks' commands;
        # connect_timeout: an unreachable server is reported in seconds, not minutes.
        connect_args = {}
        if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT_S
        return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        parsed,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S},
        # One connection per use: a CLI run is short, and no connection outlives a fork.
        poolclass=NullPool,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI objects
        # Disable pysqlite's implicit BEGIN so that ours (below) is the only one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
        cursor.close()

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
