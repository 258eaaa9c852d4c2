"""The register's tables at the newest schema revision: names and columns, for the SQL text.

The migrations in `migrations/versions/` create and change these tables (SQLAlchemy and
alembic, `migrate.py`); this module only names the result for the statements in `store.py` and
`allocation.py`. When a migration changes a table, change the lists here in the same commit: a
test compares them with the columns the migrations create.
"""

from __future__ import annotations

#: Entry statuses. `allocated`: number given and recorded, document not (yet) rendered;
#: `issued`: rendered, hashes recorded; `replaced`: superseded by a correction (`--force`).
STATUS_ALLOCATED = "allocated"
STATUS_ISSUED = "issued"
STATUS_REPLACED = "replaced"
STATUSES = (STATUS_ALLOCATED, STATUS_ISSUED, STATUS_REPLACED)

#: One row per (issuer, year, series): the last number given. Numbers restart each year
#: because the year is part of the key.
COUNTERS = "register_counters"
COUNTER_COLUMNS = ("issuer", "year", "series", "last")

#: One row per number given: the outgoing register (sổ đăng ký văn bản đi). `workspace` says
#: which workspace ("ws-…" id) a content path is relative to: a shared register serves several
#: clerks, whose workspaces may hold files of the same name. `note` and `replaces_id` came with
#: revision 0002 (corrections).
ENTRIES = "register_entries"
ENTRY_COLUMNS = (
    "id", "issuer", "year", "series", "number", "symbol", "doc_date", "kind", "type_name",
    "summary", "signer", "recipients", "archive", "copies", "workspace", "content_path",
    "output_path", "template_path", "content_sha256", "output_sha256", "template_sha256",
    "status", "allocated_at", "issued_at", "note", "replaces_id",
)
