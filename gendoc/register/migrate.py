"""Bring any register database to the newest schema, on first use, without alembic.ini.

Why programmatic: clerks never run alembic. Every command that opens the register calls
`ensure_schema`, which creates the tables in a new database and applies newer revisions to an
old one. The applied revision lives in the table `register_schema_version` (alembic's version
table under a name of ours, so the register can share a database with other applications).

Several processes may open a new register at the same moment, so the upgrade runs inside one
transaction that first takes a lock: SQLite's `BEGIN IMMEDIATE` (see `engine.py`) or a
PostgreSQL transaction-level advisory lock. Both databases have transactional DDL, so a failed
upgrade leaves the previous schema intact.

Speed: importing alembic and SQLAlchemy costs about 0.6 s (alembic pulls in Mako and
Pygments), more than half a `gendoc issue`. A database already at `HEAD_REVISION` — every run
but the first after an upgrade — is recognised with one plain query on the register's own
connection (`database.py`), and both are imported only to migrate.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from gendoc.register.database import Database

if TYPE_CHECKING:  # alembic and SQLAlchemy are imported lazily (see the module docstring)
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
VERSION_TABLE = "register_schema_version"
#: The newest revision in migrations/versions (a test checks it against alembic's head).
HEAD_REVISION = "0003"
#: Arbitrary constant naming the PostgreSQL advisory lock held while migrating ("gendoc").
PG_MIGRATION_LOCK = 0x67656E646F63


def script_directory() -> ScriptDirectory:
    from alembic.config import Config  # lazy: see the module docstring
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(cfg)


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "no migration scripts found"
    return head


def current_revision(conn: Connection) -> str | None:
    """The revision the database is at, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext  # lazy: see the module docstring

    ctx = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
    return ctx.get_current_revision()


def ensure_schema(db: Database, target: str = "head") -> str:
    """Upgrade the database to `target` (default: newest); return the revision it is at."""
    if target in ("head", HEAD_REVISION) and _stored_revision(db) == HEAD_REVISION:
        return HEAD_REVISION
    # lazy: see the module docstring
    from sqlalchemy.exc import DBAPIError

    from gendoc.register.engine import make_engine  # SQLAlchemy: only to migrate

    engine = make_engine(db.target.url)
    try:
        return upgrade_engine(engine, target)
    except DBAPIError as exc:  # the driver's own error, which `Register` explains to the clerk
        raise exc.orig from exc  # type: ignore[misc]
    finally:
        engine.dispose()


def upgrade_engine(engine: Engine, target: str = "head") -> str:
    """Upgrade the database behind a SQLAlchemy engine to `target`; the revision it is at."""
    from alembic.operations import Operations  # lazy: see the module docstring
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import text

    script = script_directory()
    wanted = script.get_current_head() if target == "head" else target
    assert wanted is not None, "no migration scripts found"
    with engine.connect() as conn:
        if current_revision(conn) == wanted:
            return wanted
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK})

        def upgrade(rev, _context):  # noqa: ANN001, ANN202 - alembic's callback signature
            return script._upgrade_revs(wanted, rev)

        ctx = MigrationContext.configure(
            conn, opts={"version_table": VERSION_TABLE, "script": script, "fn": upgrade}
        )
        # Another process may have migrated while we waited for the lock.
        if ctx.get_current_revision() != wanted:
            with Operations.context(ctx):
                ctx.run_migrations()
        return ctx.get_current_revision() or ""


def _stored_revision(db: Database) -> str | None:
    """The version table's revision with one query; None if there is no table (or no row)."""
    db.connection()  # a database that cannot be opened is an error, not a new database
    try:
        rows = db.rows(f"SELECT version_num FROM {VERSION_TABLE}")
    except db.errors:  # no version table yet: a new database
        return None
    return str(rows[0][0]) if rows else None
