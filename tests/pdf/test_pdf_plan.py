"""How files are shared among LibreOffice processes, and which work folders a new conversion
sweeps (no LibreOffice needed)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from gendoc.pdf import MIN_FILES_PER_PROCESS, convertible, plan
from gendoc.pdf_work import sweep_stale_work


def files_of(folder: Path, sizes: list[int]) -> list[Path]:
    made = []
    for i, size in enumerate(sizes):
        sub = folder / ("a" if i % 2 else "b")
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{i:04d}-ten.docx"
        path.write_bytes(b"x" * size)
        made.append(path)
    return made


@given(sizes=st.lists(st.integers(0, 5000), max_size=60), processes=st.integers(1, 8))
def test_plan_gives_every_file_to_exactly_one_run_in_order(tmp_path_factory, sizes, processes) -> None:  # noqa: ANN001
    files = files_of(tmp_path_factory.mktemp("f"), sizes)
    groups = plan(files, processes)
    assert sorted(p for g in groups for p in g) == sorted(files)
    assert len(groups) <= max(1, min(processes, -(-len(files) // MIN_FILES_PER_PROCESS)))
    for group in groups:  # each run keeps the build's order
        assert group == sorted(group, key=files.index)
    assert plan(files, processes) == groups  # deterministic


def test_plan_balances_bytes_and_keeps_small_batches_in_one_process(tmp_path: Path) -> None:
    assert len(plan(files_of(tmp_path / "few", [100] * (MIN_FILES_PER_PROCESS - 1)), 4)) == 1
    # One big combined file and many small ones: the big one gets a process (nearly) to itself.
    files = files_of(tmp_path / "many", [40_000] + [1_000] * 39)
    groups = plan(files, 2)
    loads = sorted(sum(p.stat().st_size for p in g) for g in groups)
    assert len(groups) == 2 and loads == [39_000, 40_000]


def test_convertible_keeps_word_documents_once_in_order(tmp_path: Path) -> None:
    paths = [tmp_path / "b.docx", tmp_path / "a.xlsx", tmp_path / "c.DOCX", tmp_path / "b.docx",
             tmp_path / "d.odt", tmp_path / "e.html"]
    assert convertible(paths) == [tmp_path / "b.docx", tmp_path / "c.DOCX", tmp_path / "d.odt"]


def dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(proc.stdout)


def test_sweep_removes_work_folders_whose_gendoc_is_gone_and_nothing_else(tmp_path: Path) -> None:
    dead = tmp_path / f"gendoc-pdf-{dead_pid()}-abc_123"
    (dead / "profile/user").mkdir(parents=True)
    (dead / "in/0000-x.docx").parent.mkdir()
    (dead / "in/0000-x.docx").write_bytes(b"x")
    mine = tmp_path / f"gendoc-pdf-{os.getpid()}-zz9"
    alive = tmp_path / "gendoc-pdf-1-keep"  # pid 1 always runs
    legacy_old = tmp_path / "gendoc-pdf-oldrandom"
    legacy_new = tmp_path / "gendoc-pdf-newrandom"
    others = [tmp_path / "gendoc-pdfx-1", tmp_path / "lu123.tmp", tmp_path / "gendoc-pdf-9-x.txt"]
    for folder in (mine, alive, legacy_old, legacy_new, *others[:2]):
        folder.mkdir()
    others[2].write_text("a file, not a folder")
    week_ago = time.time() - 7 * 24 * 3600
    os.utime(legacy_old, (week_ago, week_ago))
    swept = sweep_stale_work(tmp_path)
    assert sorted(swept) == sorted([dead, legacy_old])
    assert not dead.exists() and not legacy_old.exists()
    assert all(p.exists() for p in (mine, alive, legacy_new, *others))


def test_sweep_never_follows_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "precious"
    target.mkdir()
    (target / "keep.txt").write_text("keep")
    temp = tmp_path / "temp"
    temp.mkdir()
    (temp / f"gendoc-pdf-{dead_pid()}-link").symlink_to(target)
    assert sweep_stale_work(temp) == []
    assert (target / "keep.txt").read_text() == "keep"
