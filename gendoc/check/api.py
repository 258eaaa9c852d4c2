"""The checker's entry points: `check_docx(path)` and `check_document(python-docx Document)`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import gendoc.check.rules  # noqa: F401 - registers the rules
from gendoc.check.context import Context
from gendoc.check.model import Report
from gendoc.check.ooxml import Package, PackageError, load_package, package_from_document
from gendoc.check.registry import run_rules
from gendoc.exceptions import UnusableInputError


def check_package(pkg: Package, name: str = "", only: Iterable[str] | None = None) -> Report:
    """Run every rule (or only the ids in `only`) on a parsed package."""
    ctx = Context.from_package(pkg)
    return Report(path=name, findings=run_rules(ctx, only))


def check_docx(path: str | Path, only: Iterable[str] | None = None) -> Report:
    """Check one .docx against ND30. Raises `UnusableInputError` (exit code 2) when the file
    cannot be read as a .docx at all; otherwise never raises for a document's content."""
    try:
        pkg = load_package(path)
    except PackageError as exc:
        raise UnusableInputError(str(exc)) from exc
    return check_package(pkg, str(path), only)


check_file = check_docx


def check_document(document, name: str = "", only: Iterable[str] | None = None) -> Report:  # noqa: ANN001
    """Check an open python-docx `Document` without saving it first."""
    return check_package(package_from_document(document), name, only)
