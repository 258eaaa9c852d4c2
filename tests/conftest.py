"""Shared fixtures: an isolated HOME/CWD, a copy of the example workspace, a CLI runner."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

# Property tests check behaviour, not speed: no per-example deadline on a loaded CI machine.
settings.register_profile("gendoc", deadline=None, print_blob=True)
settings.load_profile("gendoc")

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolate(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real HOME, the repo's output/, or a configured database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("GENDOC_DATABASE_URL", raising=False)
    # The suite runs in parallel already (xdist) and monkeypatches in-process code: builds render
    # in this process unless a test asks for workers (tests/core/test_core_incremental.py).
    monkeypatch.setenv("GENDOC_JOBS", "1")
    monkeypatch.chdir(home)


@pytest.fixture
def example_ws(tmp_path: Path) -> Path:
    """A fresh copy of the repository's Kiên Giang example workspace."""
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copy2(REPO / "gendoc.yaml", ws / "gendoc.yaml")
    shutil.copytree(REPO / "content", ws / "content")
    return ws


@pytest.fixture
def make_ws(tmp_path: Path) -> Callable[..., Path]:
    """Build a small workspace: `make_ws({"content/a.yaml": "…"})` on top of the example config."""

    def make(files: dict[str, str] | None = None, *, config: str | None = None) -> Path:
        ws = tmp_path / "mini"
        ws.mkdir(exist_ok=True)
        cfg = config if config is not None else (REPO / "gendoc.yaml").read_text(encoding="utf-8")
        (ws / "gendoc.yaml").write_text(cfg, encoding="utf-8")
        (ws / "content").mkdir(exist_ok=True)
        for name, text in (files or {}).items():
            target = ws / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(textwrap.dedent(text), encoding="utf-8")
        return ws

    return make


@pytest.fixture
def cli() -> Callable[..., object]:
    """Invoke the real `gendoc` CLI in-process; returns click's Result (stdout and stderr apart)."""
    from gendoc.cli import main

    runner = CliRunner()

    def invoke(*args: str, ws: Path | None = None):  # noqa: ANN202
        argv = (["-w", str(ws)] if ws else []) + list(args)
        return runner.invoke(main, argv, catch_exceptions=False)

    return invoke
