"""Training-area fixtures: a small course workspace with a participant list in any format."""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from coursefix import COURSE, REPO, ROWS, write_roster  # noqa: E402


@pytest.fixture
def course_ws(tmp_path: Path) -> Callable[..., Path]:
    """`course_ws(rows=…, fmt="xlsx", gui_theo="don_vi")` → a workspace with one course."""

    def make(rows: Sequence[Sequence[object]] = ROWS, fmt: str = "xlsx", gui_theo: str = "don_vi",
             name: str = "ws") -> Path:
        ws = tmp_path / name
        (ws / "content" / "tap-huan").mkdir(parents=True)
        shutil.copy2(REPO / "gendoc.yaml", ws / "gendoc.yaml")
        roster = f"_du-lieu/hoc-vien.{fmt}"
        write_roster(ws / "content" / "tap-huan" / roster, rows)
        text = COURSE.format(danh_sach=roster, gui_theo=gui_theo)
        (ws / "content" / "tap-huan" / "lop.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
        return ws

    return make
