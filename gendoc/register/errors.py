"""Errors of the document register, all `GendocError`s so the CLI prints them in Vietnamese."""

from __future__ import annotations

from gendoc.exceptions import GendocError


class RegisterError(GendocError):
    """Something about the register itself (database, configuration) prevents the command."""


class RegisterDatabaseError(RegisterError):
    """The register database cannot be opened, migrated or written."""


class AlreadyIssuedError(RegisterError):
    """The document already carries a number; re-issuing needs `--force`."""
