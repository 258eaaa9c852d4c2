"""Fixtures for the units' plans: a workspace holding only the provincial plan, and helpers."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[2]
PROVINCIAL = Path("content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml")
TARGET_LEVELS = ("so_ban_nganh", "cap_huyen")


def fresh_ws(root: Path) -> Path:
    """gendoc.yaml and the provincial plan, nothing else."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "gendoc.yaml", root / "gendoc.yaml")
    (root / PROVINCIAL).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / PROVINCIAL, root / PROVINCIAL)
    return root


def registry() -> list[dict]:
    """The registry read straight from gendoc.yaml (not through gendoc's own loader)."""
    data = YAML(typ="safe").load((REPO / "gendoc.yaml").read_text(encoding="utf-8"))
    return data["co_quan"]


def target_codes() -> list[str]:
    return [u["ma"] for u in registry() if u.get("cap") in TARGET_LEVELS]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def invoke(ws: Path, *args: str):  # noqa: ANN201 - click Result
    from gendoc.cli import main

    return CliRunner().invoke(main, ["-w", str(ws), *args], catch_exceptions=False)


@pytest.fixture
def plan_ws(tmp_path: Path) -> Path:
    return fresh_ws(tmp_path / "ws")


@pytest.fixture
def run() -> Callable[..., object]:
    return invoke
