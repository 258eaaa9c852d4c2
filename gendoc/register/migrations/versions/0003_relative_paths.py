"""Paths relative to the workspace, so a moved or copied workspace still verifies.

Entries record `workspace` ("host:/absolute/root" before this revision) and paths that were
relative to that root — except output and template paths outside it, and any path written by
a version that stored them absolute. This data migration rewrites every absolute path that lies
under its entry's recorded root as a relative POSIX path. Paths outside the root stay absolute;
`register verify` reads both forms. No column changes: the identity of a workspace now lives in
its `.gendoc/workspace-id` file (gendoc/register/identity.py), and legacy keys are adopted from
there at first use.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath, PureWindowsPath

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PATH_COLUMNS = ("content_path", "output_path", "template_path")


def _legacy_root(workspace: str) -> str | None:
    """"host:/srv/ws" → "/srv/ws"; "host:C:\\ws" → "C:\\ws"; anything else → None."""
    _host, sep, root = workspace.partition(":")
    if not sep or not root:
        return None
    if PurePosixPath(root).is_absolute() or PureWindowsPath(root).is_absolute():
        return root
    return None


def relative_under(path: str, root: str) -> str | None:
    """`path` relative to `root` (POSIX separators) if it lies inside it, else None."""
    for flavour in (PurePosixPath, PureWindowsPath):
        candidate, base = flavour(path), flavour(root)
        if candidate.is_absolute() and base.is_absolute():
            try:
                rel = candidate.relative_to(base)
            except ValueError:
                continue
            text = posixpath.join(*rel.parts) if rel.parts else ""
            return text or None
    return None


def upgrade() -> None:
    entries = sa.table(
        "register_entries",
        sa.column("id", sa.Integer),
        sa.column("workspace", sa.Text),
        *(sa.column(name, sa.Text) for name in PATH_COLUMNS),
    )
    conn = op.get_bind()
    rows = conn.execute(sa.select(entries)).all()
    for row in rows:
        root = _legacy_root(row.workspace or "")
        if root is None:
            continue
        changes = {}
        for name in PATH_COLUMNS:
            value = getattr(row, name)
            rel = relative_under(value, root) if value else None
            if rel is not None:
                changes[name] = rel
        if changes:
            conn.execute(sa.update(entries).where(entries.c.id == row.id).values(**changes))


def downgrade() -> None:
    """Relative paths are what earlier versions wrote for files inside the workspace."""
