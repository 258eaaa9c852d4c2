"""A newcomer's path: a normal (non-editable) install, `gendoc init ws && cd ws && gendoc build`.

The wheel must carry the built-in templates and the example workspace, so this test builds the
real wheel, installs it into a fresh virtual environment (reusing the already installed
dependencies) and runs the installed `gendoc` from a folder far from the source tree.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "-q", "-w", str(out), str(REPO)], check=True, capture_output=True)
    return next(out.glob("gendoc-*.whl"))


def test_wheel_ships_templates_and_example(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    templates = sorted(p.name for p in (REPO / "templates").iterdir() if p.is_file())
    for name in templates:
        assert f"gendoc/_builtin/templates/{name}" in names
    assert "gendoc/_builtin/example/gendoc.yaml" in names
    content = [p for p in (REPO / "content").rglob("*") if p.is_file()]
    for path in content:
        assert f"gendoc/_builtin/example/content/{path.relative_to(REPO / 'content')}" in names


def test_fresh_install_init_and_build(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall",
                    str(wheel)], check=True, capture_output=True)
    gendoc = venv / "bin" / "gendoc"
    env = {**os.environ, "PYTHONPATH": ""}
    work = tmp_path / "elsewhere"
    work.mkdir()
    init = subprocess.run([str(gendoc), "init", "ws"], cwd=work, env=env, capture_output=True,
                          text=True)
    assert init.returncode == 0, init.stderr
    where = subprocess.run([str(python), "-c", "import gendoc; print(gendoc.__file__)"],
                           cwd=work, env=env, capture_output=True, text=True).stdout
    assert str(REPO) not in where, "the test must run the installed wheel, not the source tree"
    built = subprocess.run([str(gendoc), "build"], cwd=work / "ws", env=env, capture_output=True,
                           text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    outputs = list((work / "ws" / "output").rglob("*.docx"))
    assert outputs, built.stdout
    assert "Đã dựng" in built.stdout


def test_init_refuses_an_existing_workspace(tmp_path: Path, cli) -> None:  # noqa: ANN001
    assert cli("init", str(tmp_path / "ws")).exit_code == 0
    again = cli("init", str(tmp_path / "ws"))
    assert again.exit_code == 1 and "--force" in again.stderr
