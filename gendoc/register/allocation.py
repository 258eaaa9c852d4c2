"""The allocation statements — the register's hot path — one SQL text per database.

- PostgreSQL: ONE statement — the counter upsert as a data-modifying CTE feeding the entry
  insert — run in autocommit: it is atomic on its own, and needs no BEGIN/COMMIT round trips,
  and the counter's row lock is held for a single round trip.
- SQLite (no data-modifying CTEs): the upsert, then the insert, inside a `BEGIN IMMEDIATE`
  transaction — in-process, so the second statement costs no round trip, and the write lock is
  held only for the two statements and the commit's fsync.

`INSERT … ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last` also creates the counter at 1.
"""

from __future__ import annotations

from gendoc.register.database import Bound, Database, sql_list
from gendoc.register.schema import COUNTERS, ENTRIES

#: Entry columns set when a number is allocated (the rest are filled in by `mark_issued`).
ALLOCATION_FIELDS = (
    "issuer", "year", "series", "symbol", "doc_date", "kind", "type_name", "summary", "signer",
    "recipients", "archive", "copies", "workspace", "content_path", "status", "allocated_at",
    "note", "replaces_id",
)

_BUMP = (
    f"INSERT INTO {COUNTERS} (issuer, year, series, last) VALUES (:issuer, :year, :series, 1) "
    f"ON CONFLICT (issuer, year, series) DO UPDATE SET last = {COUNTERS}.last + 1 "
    "RETURNING last"
)
SQLITE_BUMP = _BUMP
SQLITE_INSERT = (
    f"INSERT INTO {ENTRIES} ({sql_list(ALLOCATION_FIELDS)}, number) "
    f"VALUES ({sql_list(ALLOCATION_FIELDS, ':')}, :number) RETURNING id, number"
)
PG_ALLOCATE = (
    f"WITH bump AS ({_BUMP}) "
    f"INSERT INTO {ENTRIES} ({sql_list(ALLOCATION_FIELDS)}, number) "
    f"SELECT {sql_list(ALLOCATION_FIELDS, ':')}, bump.last FROM bump RETURNING id, number"
)


def insert_allocated(db: Database, values: dict[str, object]) -> tuple[int, int]:
    """Take the next number of the entry's counter and insert the entry; return (id, number).

    Only the two values the database decides come back: the rest of the row is `values`.
    PostgreSQL: one statement, in a transaction or not. SQLite: must run inside
    `Database.transaction()` (BEGIN IMMEDIATE), which serialises the two statements.
    """
    bound = db.bind(values)
    if db.backend == "postgresql":
        ((new_id, number),) = db.rows(PG_ALLOCATE, bound)
        return new_id, number
    ((last,),) = db.rows(SQLITE_BUMP, bound)
    ((new_id, number),) = db.rows(SQLITE_INSERT, Bound(bound, number=last))
    return new_id, number


def allocate_alone(db: Database, values: dict[str, object]) -> tuple[int, int]:
    """Allocate in a transaction of its own (no other statement needs to share it).

    Values are converted before SQLite's write lock is taken: with eight processes waiting
    for it, every microsecond it is held counts (benchmarks/register.py).
    """
    bound = db.bind(values)
    if db.backend == "postgresql":
        return insert_allocated(db, bound)  # autocommit: the one statement commits itself
    db.connection()  # connected before the lock too
    with db.transaction():
        return insert_allocated(db, bound)
