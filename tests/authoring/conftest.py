"""Shared fixtures for template authoring tests: one example workspace per module."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the `damage` helpers


@pytest.fixture(scope="module")
def ws_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the Kiên Giang example workspace, shared by a module (read-mostly)."""
    root = tmp_path_factory.mktemp("ws")
    shutil.copy2(REPO / "gendoc.yaml", root / "gendoc.yaml")
    shutil.copytree(REPO / "content", root / "content")
    (root / "templates").mkdir()
    return root


@pytest.fixture(scope="module")
def ws(ws_root: Path):  # noqa: ANN201 - gendoc.workspace.Workspace
    from gendoc.workspace import load_workspace

    return load_workspace(ws_root)
