"""Every package gendoc imports is declared in pyproject.toml.

A package that is only installed by chance (left behind by an earlier install, or pulled in by
another library's old release) makes `pip install .` work on one machine and fail on the next:
docxtpl 0.20 stopped requiring docxcompose, which its sub-documents still import.
"""

from __future__ import annotations

import ast
import re
import sys
from importlib import metadata
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    tomllib = pytest.importorskip("tomli")

REPO = Path(__file__).resolve().parents[2]

# Packages gendoc needs through a feature of another library, without importing them itself.
USED_THROUGH_ANOTHER_LIBRARY = {
    "docxcompose": "docxtpl's sub-documents (new_subdoc), used for every ND30 body",
    "psycopg": "SQLAlchemy's postgresql+psycopg URLs for the shared register",
    "python-multipart": "Starlette's form and upload parsing in gendoc serve",
    "itsdangerous": "Starlette's SessionMiddleware (signed session cookie) in gendoc serve",
}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = set()
    for requirement in project["dependencies"]:
        names.add(_normalise(re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]))
    return names


def imported_top_level(root: Path, base: Path = REPO) -> dict[str, list[str]]:
    """Top-level names imported anywhere under `root` (function bodies included) → where."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                found.setdefault(top, []).append(f"{path.relative_to(base)}:{node.lineno}")
    return found


def distributions_of(module: str) -> set[str]:
    return {_normalise(d) for d in metadata.packages_distributions().get(module, [])}


def test_every_imported_package_is_declared() -> None:
    wanted = declared()
    missing = []
    for module, places in imported_top_level(REPO / "gendoc").items():
        if module in sys.stdlib_module_names or module == "gendoc":
            continue
        dists = distributions_of(module)
        if not dists:
            missing.append(f"{module} (not installed at all) at {places[0]}")
        elif not dists & wanted:
            missing.append(f"{module} from {sorted(dists)} at {places[0]}")
    assert not missing, "imported but not declared in pyproject.toml: " + "; ".join(missing)


@pytest.mark.parametrize("package", sorted(USED_THROUGH_ANOTHER_LIBRARY))
def test_packages_used_through_another_library_are_declared(package: str) -> None:
    assert _normalise(package) in declared(), USED_THROUGH_ANOTHER_LIBRARY[package]


def test_the_check_notices_an_undeclared_import(tmp_path: Path) -> None:
    """The walk itself sees imports in function bodies and `from x.y import z` forms."""
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "m.py").write_text("def f():\n    from yaml.constructor import X\n    import six\n",
                              encoding="utf-8")
    assert set(imported_top_level(pkg, base=tmp_path)) == {"yaml", "six"}


def test_every_declared_dependency_has_a_reason_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8").lower()
    undocumented = [name for name in sorted(declared())
                    if name not in re.sub(r"[-_.]+", "-", readme)]
    assert not undocumented, f"README's dependency table does not explain: {undocumented}"
