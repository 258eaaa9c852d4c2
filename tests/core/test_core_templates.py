"""The committed built-in .docx templates are exactly what `gendoc.docx_builtin` writes from
the numbers in `gendoc.nd30` (so the format is reviewed in code, not hidden in binaries)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from gendoc.docx_builtin import generators, write_all
from gendoc.workspace import builtin_templates_dir

PARTS = ("word/document.xml", "word/styles.xml")


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        names = [n for n in zf.namelist() if n in PARTS or n.startswith("word/header")]
        return {n: zf.read(n) for n in names}


@pytest.mark.parametrize("name", sorted(generators()))
def test_committed_template_matches_generator(name: str, tmp_path: Path) -> None:
    fresh = {p.name: p for p in write_all(tmp_path)}[name]
    committed = builtin_templates_dir() / name
    assert committed.is_file(), f"run: python -m gendoc.docx_builtin ({name} missing)"
    assert parts(fresh) == parts(committed), (
        f"{name} differs from its generator — regenerate with: python -m gendoc.docx_builtin")
