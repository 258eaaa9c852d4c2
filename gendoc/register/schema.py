"""The register's tables at the newest schema revision (SQLAlchemy Core).

The migrations in `migrations/versions/` create and change these tables; this module only
describes the result so that queries are built with SQLAlchemy rather than SQL strings.
When a migration changes a table, change the description here in the same commit.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

#: Entry statuses. `allocated`: number given and recorded, document not (yet) rendered;
#: `issued`: rendered, hashes recorded; `replaced`: superseded by a correction (`--force`).
STATUS_ALLOCATED = "allocated"
STATUS_ISSUED = "issued"
STATUS_REPLACED = "replaced"
STATUSES = (STATUS_ALLOCATED, STATUS_ISSUED, STATUS_REPLACED)

#: One row per (issuer, year, series): the last number given. Numbers restart each year
#: because the year is part of the key.
counters = Table(
    "register_counters",
    metadata,
    Column("issuer", String(64), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("series", String(64), primary_key=True),
    Column("last", Integer, nullable=False),
)

#: One row per number given: the outgoing register (sổ đăng ký văn bản đi).
entries = Table(
    "register_entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("issuer", String(64), nullable=False),
    Column("year", Integer, nullable=False),
    Column("series", String(64), nullable=False),
    Column("number", Integer, nullable=False),
    Column("symbol", String(128), nullable=False),
    Column("doc_date", Date, nullable=False),
    Column("kind", String(64), nullable=False),
    Column("type_name", String(128), nullable=False),
    Column("summary", Text, nullable=False),
    Column("signer", Text, nullable=False),
    Column("recipients", Text, nullable=False),
    Column("archive", Text, nullable=False),
    Column("copies", Integer, nullable=True),
    # Which workspace ("host:/path") a content path is relative to: a shared register serves
    # several clerks, whose workspaces may hold files of the same name.
    Column("workspace", Text, nullable=False, server_default=""),
    Column("content_path", Text, nullable=False),
    Column("output_path", Text, nullable=True),
    Column("template_path", Text, nullable=True),
    Column("content_sha256", String(64), nullable=True),
    Column("output_sha256", String(64), nullable=True),
    Column("template_sha256", String(64), nullable=True),
    Column("status", String(16), nullable=False),
    Column("allocated_at", DateTime(timezone=True), nullable=False),
    Column("issued_at", DateTime(timezone=True), nullable=True),
    # Added by revision 0002 (corrections).
    Column("note", Text, nullable=False, server_default=""),
    Column("replaces_id", Integer, ForeignKey("register_entries.id"), nullable=True),
    UniqueConstraint("issuer", "year", "series", "number", name="uq_register_entries_number"),
)
