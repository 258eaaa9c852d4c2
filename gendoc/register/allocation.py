"""The allocation statements — the register's hot path — and how they are executed.

Built once with SQLAlchemy Core (one definition for both databases) and compiled once per
dialect; each allocation then binds its values and runs the compiled SQL on the DBAPI cursor.
Why not `Connection.execute`: SQLAlchemy's per-call work (cache lookup, event dispatch, result
wrapping) is about 0.3 ms of CPU per statement, and on SQLite it runs inside the database write
lock — every other clerk waits through it. With eight processes on a busy machine that alone cost
a quarter of the throughput (benchmarks/register.py). Values are converted with each column
type's own bind processor, so what is stored is exactly what SQLAlchemy would store.

- PostgreSQL: ONE statement — the counter upsert as a data-modifying CTE feeding the entry
  insert — run in autocommit: it is atomic on its own, and needs no BEGIN/COMMIT round trips.
- SQLite (no data-modifying CTEs): the upsert, then the insert, inside a `BEGIN IMMEDIATE`
  transaction — in-process, so the second statement costs no round trip. `allocate_alone` runs
  that transaction on the driver too, so the write lock is held only for the statements and the
  commit's fsync, not for SQLAlchemy's transaction bookkeeping.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Dialect, bindparam, insert, select
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement

from gendoc.register.schema import counters, entries

#: Entry columns set when a number is allocated (the rest are filled in by `mark_issued`).
ALLOCATION_FIELDS = (
    "issuer", "year", "series", "symbol", "doc_date", "kind", "type_name", "summary", "signer",
    "recipients", "archive", "copies", "workspace", "content_path", "status", "allocated_at",
    "note", "replaces_id",
)
# Bound parameters are named `p_<column>`: SQLAlchemy reserves a column's own name inside VALUES.
_PARAMS = {name: bindparam(f"p_{name}", type_=entries.c[name].type) for name in ALLOCATION_FIELDS}
_NUMBER = bindparam("p_number", type_=entries.c.number.type)


def _counter_bump(dialect_insert: Callable[..., Any]) -> Any:
    """`INSERT counter … ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last`."""
    key = [counters.c.issuer, counters.c.year, counters.c.series]
    return (
        dialect_insert(counters)
        .values(issuer=_PARAMS["issuer"], year=_PARAMS["year"], series=_PARAMS["series"], last=1)
        .on_conflict_do_update(index_elements=key, set_={"last": counters.c.last + 1})
        .returning(counters.c.last)
    )


# The statements are built on first use: importing SQLAlchemy's PostgreSQL dialect costs about
# 0.2 s, which a `gendoc issue` on the default SQLite register should not pay.
def _pg_allocate() -> Any:
    # the PostgreSQL dialect only on PostgreSQL (a SQLite register never loads it)
    from sqlalchemy.dialects import postgresql

    bump = _counter_bump(postgresql.insert).cte("bump")
    picked = select(*(param.label(name) for name, param in _PARAMS.items()), bump.c.last)
    return (
        insert(entries)
        .from_select([*ALLOCATION_FIELDS, "number"], picked)
        .returning(entries.c.id, entries.c.number)
    )


def _sqlite_bump() -> Any:
    # dialect-specific: only on SQLite
    from sqlalchemy.dialects import sqlite

    return _counter_bump(sqlite.insert)


def _sqlite_insert() -> Any:
    return (
        insert(entries)
        .values({**_PARAMS, "number": _NUMBER})
        .returning(entries.c.id, entries.c.number)
    )


_BUILDERS: dict[str, Callable[[], Any]] = {
    "pg_allocate": _pg_allocate, "sqlite_bump": _sqlite_bump, "sqlite_insert": _sqlite_insert,
}


@dataclass(frozen=True)
class Compiled:
    """A statement compiled for one dialect, with its parameters' order and converters."""

    sql: str
    names: tuple[str, ...] | None  # parameter order for positional styles (SQLite's `?`)
    processors: dict[str, Callable[[Any], Any]]
    fixed: dict[str, Any]  # the statement's own constants (`last + 1`), bound by SQLAlchemy

    @classmethod
    def of(cls, statement: ClauseElement, dialect: Dialect) -> Compiled:
        compiled = statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        types = {name: param.type for name, param in compiled.binds.items()}
        processors: dict[str, Callable[[Any], Any]] = {}
        for name, type_ in types.items():
            processor = type_.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                processors[name] = processor
        names = tuple(compiled.positiontup) if compiled.positiontup else None
        fixed = {k: p.value for k, p in compiled.binds.items() if not k.startswith("p_")}
        return cls(compiled.string, names, processors, fixed)

    def run(self, conn: Connection, params: dict[str, Any]) -> tuple[Any, ...]:
        """Execute on the connection's DBAPI cursor and return the single row it returns."""
        params = {**self.fixed, **params}
        for name, processor in self.processors.items():
            params[name] = processor(params[name])
        bound = tuple(params[n] for n in self.names) if self.names is not None else params
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(self.sql, bound)
            row = cursor.fetchone()
        finally:
            cursor.close()
        assert row is not None, "the statement returns its row"
        return tuple(row)


_compiled: dict[tuple[str, str], Compiled] = {}


def _get(name: str, dialect: Dialect) -> Compiled:
    key = (dialect.name, name)
    found = _compiled.get(key)
    if found is None:
        found = _compiled[key] = Compiled.of(_BUILDERS[name](), dialect)
    return found


def insert_allocated(conn: Connection, values: dict[str, object]) -> tuple[int, int]:
    """Take the next number of the entry's counter and insert the entry; return (id, number).

    Only the two values the database decides come back: the rest of the row is `values`.
    PostgreSQL: `conn` may be in autocommit (one statement). SQLite: `conn` must be inside a
    `BEGIN IMMEDIATE` transaction (engine.py), which serialises the two statements.
    """
    params: dict[str, Any] = {f"p_{name}": value for name, value in values.items()}
    dialect = conn.dialect
    if dialect.name == "postgresql":
        new_id, number = _get("pg_allocate", dialect).run(conn, params)
        return new_id, number
    number_params = {k: params[k] for k in ("p_issuer", "p_year", "p_series")}
    (params["p_number"],) = _get("sqlite_bump", dialect).run(conn, number_params)
    new_id, number = _get("sqlite_insert", dialect).run(conn, params)
    return new_id, number


def allocate_alone(conn: Connection, values: dict[str, object]) -> tuple[int, int]:
    """Allocate in a transaction of its own (no other statement needs to share it).

    `conn`: a pooled connection on which SQLAlchemy has not begun a transaction — PostgreSQL in
    autocommit (the one statement commits itself), SQLite with pysqlite's implicit transactions
    switched off (engine.py), so the BEGIN IMMEDIATE … COMMIT here is the only transaction.
    """
    if conn.dialect.name == "postgresql":
        return insert_allocated(conn, values)
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    cursor = dbapi.cursor()
    try:
        cursor.execute("BEGIN IMMEDIATE")
        try:
            result = insert_allocated(conn, values)
            cursor.execute("COMMIT")
        except BaseException:
            if dbapi.in_transaction:
                cursor.execute("ROLLBACK")
            raise
    finally:
        cursor.close()
    return result
