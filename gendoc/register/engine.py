"""A SQLAlchemy engine on a register database: what alembic migrates through (`migrate.py`).

Only migrations (and tests that inspect a register) use it; the register's statements run on
the driver (`database.py`). It sets the connection up the same way: SQLite with pysqlite's
implicit transactions switched off, `BEGIN IMMEDIATE` for every transaction (following
SQLAlchemy's pysqlite notes, "Serializable isolation / Savepoints / Transactional DDL") and the
same pragmas; PostgreSQL with a connect timeout and no ping per checkout.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from gendoc.register.database import SQLITE_BUSY_TIMEOUT_S, pg_timeout, prepare_sqlite


def make_engine(url: str) -> Engine:
    """Create the engine for `url`, with immediate transactions and WAL on SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        connect_args = pg_timeout(parsed.query) if parsed.get_backend_name() == "postgresql" else {}
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
