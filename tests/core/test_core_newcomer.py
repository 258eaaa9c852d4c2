"""A newcomer's path: a normal (non-editable) install, `gendoc init ws && cd ws && gendoc build`.

The wheel must carry the built-in templates and the example workspace, and its declared
dependencies must be enough to run it, so this test builds the real wheel, installs it with its
dependencies into an isolated virtual environment (no system site packages: nothing left behind
by an earlier install can hide a missing declaration) and runs the installed `gendoc` from a
folder far from the source tree. It works the same when pytest itself runs inside a venv. pip
honours PIP_CONSTRAINT (CI sets it to constraints.txt) and its cache keeps repeat runs quick.
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


def base_python() -> str:
    """The interpreter to make a venv from: the real one, even when pytest runs in a venv."""
    candidate = Path(sys.base_prefix) / "bin" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    return str(candidate) if candidate.exists() else sys.executable


def test_fresh_install_init_and_build(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([base_python(), "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    paths = subprocess.run([str(python), "-c", "import sys; print(*sys.path, sep='\\n')"],
                           capture_output=True, text=True, check=True).stdout.splitlines()
    outside = [p for p in paths if "-packages" in p and not p.startswith(str(venv))]
    assert not outside, f"the venv must not see other site packages: {outside}"
    # pip from the running interpreter installs into the new venv (--python): no bootstrap needed.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    installed = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                                "-q", str(wheel)], env=env, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    gendoc = venv / "bin" / "gendoc"
    work = tmp_path / "elsewhere"
    work.mkdir()
    init = subprocess.run([str(gendoc), "init", "ws"], cwd=work, env=env, capture_output=True,
                          text=True)
    assert init.returncode == 0, init.stderr
    where = subprocess.run([str(python), "-c", "import gendoc; print(gendoc.__file__)"],
                           cwd=work, env=env, capture_output=True, text=True).stdout
    assert str(REPO) not in where, "the test must run the installed wheel, not the source tree"
    built = subprocess.run([str(gendoc), "build", "--check"], cwd=work / "ws", env=env,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    outputs = list((work / "ws" / "output").rglob("*.docx"))
    assert outputs, built.stdout
    assert "Đã dựng" in built.stdout and "Kiểm tra thể thức:" in built.stdout


def test_init_refuses_an_existing_workspace(tmp_path: Path, cli) -> None:  # noqa: ANN001
    assert cli("init", str(tmp_path / "ws")).exit_code == 0
    again = cli("init", str(tmp_path / "ws"))
    assert again.exit_code == 1 and "--force" in again.stderr
