"""`gendoc --help` and a one-document command load only what they use: heavy libraries are
imported by the commands that need them (issue 18: `gendoc issue` within 5× `gendoc --help`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEAVY_FOR_HELP = ("pyhanko", "sqlalchemy", "alembic", "docx", "docxtpl", "openpyxl", "matplotlib",
                  "starlette", "ruamel", "yaml", "PIL", "pydantic")


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=REPO, timeout=120, check=True)
    return {line.split(".")[0] for line in done.stdout.splitlines()}


def test_help_imports_no_heavy_library() -> None:
    loaded = _modules_after(
        "from click.testing import CliRunner\nfrom gendoc.cli import main\n"
        "assert CliRunner().invoke(main, ['--help']).exit_code == 0")
    assert not loaded & set(HEAVY_FOR_HELP), sorted(loaded & set(HEAVY_FOR_HELP))


def test_loading_one_document_imports_only_its_kind() -> None:
    loaded = _modules_after(
        "from gendoc.api import load_workspace, load_document\n"
        "ws = load_workspace('.')\n"
        "load_document(ws, 'content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml')\n"
        "import sys\n"
        "kinds = [m for m in sys.modules if m.startswith('gendoc.kinds.')]\n"
        "assert 'gendoc.kinds.giay_chung_nhan' not in kinds, kinds\n"
        "assert 'gendoc.kinds.kiem_tra_bien_ban' not in kinds, kinds")
    assert "matplotlib" not in loaded and "starlette" not in loaded


def test_issuing_a_number_imports_neither_sqlalchemy_nor_alembic(tmp_path: Path) -> None:
    """On a register already at the newest schema (every `gendoc issue` but a new register's
    first), numbering, rendering and recording run on the driver; pydantic is not asked to
    look for plugins in every installed package."""
    import shutil

    shutil.copy2(REPO / "gendoc.yaml", tmp_path / "gendoc.yaml")
    shutil.copytree(REPO / "content" / "ke-hoach", tmp_path / "content" / "ke-hoach")
    plan = tmp_path / "content" / "ke-hoach" / "ubnd-tinh-bdg-2016-2020.yaml"
    shutil.copy2(plan, plan.with_name("lan-hai.yaml"))
    issue = ("from click.testing import CliRunner\nfrom gendoc.cli import main\n"
             "import os\nos.environ.pop('GENDOC_DATABASE_URL', None)\n"
             "os.environ.pop('PYDANTIC_DISABLE_PLUGINS', None)\n"
             f"r = CliRunner().invoke(main, ['-w', {str(tmp_path)!r}, 'issue', {{path!r}}, "
             "'--date', '2017-01-20'])\nassert r.exit_code == 0, r.output\n"
             "assert os.environ['PYDANTIC_DISABLE_PLUGINS'] == '__all__'\n")
    first = _modules_after(issue.format(path=str(plan)))
    assert "alembic" in first  # the new register was created by its migrations
    loaded = _modules_after(issue.format(path=str(plan.with_name("lan-hai.yaml"))))
    heavy = {"sqlalchemy", "alembic", "openpyxl", "matplotlib", "starlette", "pyhanko"}
    assert not loaded & heavy, sorted(loaded & heavy)
    assert (tmp_path / "output" / "ke-hoach" / "lan-hai.docx").is_file()
