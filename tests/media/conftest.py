"""A built copy of the example workspace's media briefs, shared by the media tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - (Workspace, BuildReport)
    """content/truyen-thong/ of the example workspace, built once per test module."""
    from gendoc.build import build
    from gendoc.workspace import load_workspace

    root = tmp_path_factory.mktemp("media") / "ws"
    root.mkdir()
    shutil.copy2(REPO / "gendoc.yaml", root / "gendoc.yaml")
    shutil.copytree(REPO / "content", root / "content")
    ws = load_workspace(root)
    report = build(ws, [root / "content" / "truyen-thong"])
    assert report.ok, [e.format_message() for _, e in report.failures]
    return ws, report


def output(ws, name: str) -> Path:  # noqa: ANN001
    return ws.output_dir / "truyen-thong" / name


def docx_text(path: Path) -> list[str]:
    """Every paragraph of a .docx in document order, table cells included."""
    from docx import Document

    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = Document(str(path)).element.body
    return ["".join(t.text or "" for t in p.iter(f"{ns}t")) for p in body.iter(f"{ns}p")]
