"""Alembic migrations of the register schema, applied programmatically on first use.

Users never run alembic: `gendoc.register.migrate.ensure_schema` upgrades any database it opens
to the newest revision. Developers add a revision as a new file in `versions/` (see
docs/register.md, "Thay đổi lược đồ").
"""
