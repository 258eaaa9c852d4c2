"""Fixtures for the inspection documents: the example workspace, built once per module."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FOLDER = Path("content") / "kiem-tra"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - (root, BuildReport)
    """A copy of the example workspace with content/kiem-tra built (and nothing else)."""
    from gendoc.build import build
    from gendoc.workspace import load_workspace

    root = tmp_path_factory.mktemp("ws")
    shutil.copy2(REPO / "gendoc.yaml", root / "gendoc.yaml")
    shutil.copytree(REPO / "content", root / "content")
    report = build(load_workspace(root), [root / FOLDER])
    assert report.ok, [f"{p}: {e.format_message()}" for p, e in report.failures]
    return root, report


@pytest.fixture
def out(built) -> Path:  # noqa: ANN001
    return built[0] / "output" / "kiem-tra"
