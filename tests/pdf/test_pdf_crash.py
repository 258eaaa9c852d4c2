"""Crash leftovers, for real: `gendoc build --pdf` killed with SIGKILL while LibreOffice converts
takes its LibreOffice processes with it (the watchdog), and the next build sweeps what the killed
one left (its work folders in the temp dir, hidden .tmp files of a write cut short in output/) and
completes the outputs."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.tools import requires
from tests.training.coursefix import REPO, write_course

pytestmark = requires("soffice")

# The items of the course's combined files are converted one by one here, not cut from the
# combined PDFs (gendoc.pdf_split): that keeps two LibreOffice runs busy for seconds with many
# files, which is what this test kills.
GENDOC = ("import gendoc.pdf; gendoc.pdf.find_batches = lambda files: []; "
          "from gendoc.cli import main; main(prog_name='gendoc')")
HO = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ"]
TEN = ["An", "Bích", "Chi", "Dung"]
UNITS = ["Sở Tư pháp", "Sở Y tế", "Sở Tài chính & Kế hoạch"]


def course(ws: Path) -> Path:
    """A course of 24 participants, one invitation each: 52 files, shared by two LibreOffice runs
    (each needs seconds, even on a fast machine)."""
    names = [f"{ho} Thị {ten}" for ho in HO for ten in TEN]
    rows = [[name, "Nữ", 1970 + i, "Chuyên viên", UNITS[i % 3], "", "", "x", ""]
            for i, name in enumerate(names)]
    write_course(ws, rows, gui_theo="hoc_vien")
    return ws


def gendoc(ws: Path, tmp: Path, *args: str,
           env_extra: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """`gendoc -w ws ARGS` in a process of its own, with its own temp dir and two cores."""
    env = {**os.environ, "TMPDIR": str(tmp), "GENDOC_JOBS": "2", "PYTHONPATH": str(REPO),
           **(env_extra or {})}
    return subprocess.Popen([sys.executable, "-c", GENDOC, "-w", str(ws), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_ctrl_c_as_on_a_terminal)


def _ctrl_c_as_on_a_terminal() -> None:
    """gendoc hears Ctrl-C as a clerk's foreground command does, even when the test run itself
    was started in the background (`pytest &`: the shell makes SIGINT ignored there, the ignore is
    inherited, and Python then installs no KeyboardInterrupt handler)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def processes_of(pid: int) -> dict[int, str]:
    """Live processes (zombies have no command line) started for the conversion of gendoc `pid`."""
    mark = f"gendoc-pdf-{pid}-".encode()
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if mark in cmdline:
            found[int(entry.name)] = cmdline.split(b"\0")[0].decode(errors="replace")
    return found


def wait_for(condition, seconds: float) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs Linux /proc")
def test_kill_9_during_pdf_stops_libreoffice_and_the_next_build_sweeps_leftovers(tmp_path: Path) -> None:
    ws = course(tmp_path / "ws")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    build = gendoc(ws, tmp, "build", "--pdf")
    try:
        # Wait until both LibreOffice processes (soffice.bin, forked by LibreOffice's launcher)
        # run for this build, then kill gendoc the hard way.
        running = wait_for(lambda: sum(n.endswith("soffice.bin") for n in processes_of(build.pid).values()) == 2
                           or build.poll() is not None, 240)
        assert running and build.poll() is None, build.communicate()
        time.sleep(1)
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
    finally:
        if build.poll() is None:
            build.kill()
        build.communicate()
    killed = build.pid
    work = list(tmp.glob(f"gendoc-pdf-{killed}-*"))
    assert len(work) == 2, "the killed build's work folders stay behind"
    # LibreOffice dies with gendoc: gone within seconds, its conversion unfinished.
    try:
        assert wait_for(lambda: not processes_of(killed), 5), processes_of(killed)
    finally:  # a failure here must not leave LibreOffice running on the test machine
        for pid in processes_of(killed):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    converted = sum(len(list((w / "out").glob("*.pdf"))) for w in work)
    given = sum(len(list((w / "in").iterdir())) for w in work)
    assert given == 52 and converted < given

    # A write cut short by SIGKILL inside gendoc's atomic writer leaves its hidden temp file.
    out = ws / "output/tap-huan/lop"
    cut = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from gendoc.writer import atomic_path
        with atomic_path(Path({str(out / 'thong-bao.docx')!r})) as tmp:
            tmp.write_bytes(b"half a document")
            os.kill(os.getpid(), signal.SIGKILL)
        """)], env={**os.environ, "PYTHONPATH": str(REPO)}, check=False)
    assert cut.returncode == -signal.SIGKILL
    leftovers = list(out.rglob(".*.tmp"))
    assert len(leftovers) == 1 and leftovers[0].read_bytes() == b"half a document"

    again = gendoc(ws, tmp, "build", "--pdf")
    stdout, stderr = again.communicate(timeout=600)
    assert again.returncode == 0, (stdout.decode(), stderr.decode())
    assert not list(tmp.glob(f"gendoc-pdf-{killed}-*"))
    assert not list(tmp.glob("gendoc-pdf-*")), "the second build removes its own work folders"
    assert not list(ws.joinpath("output").rglob("*.tmp"))
    assert not list(ws.joinpath("output").rglob(".~lock*"))
    docx = sorted(out.rglob("*.docx"))
    assert len(docx) == 52 and all(p.with_suffix(".pdf").is_file() for p in docx)
    assert all(p.with_suffix(".pdf").read_bytes().startswith(b"%PDF-") for p in docx)
    assert f"PDF: {len(docx)} tệp" in stdout.decode()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_or_ctrl_c_stops_libreoffice_and_removes_the_work_folder(
        tmp_path: Path, signum: signal.Signals) -> None:
    """A LibreOffice that never ends (a script that waits on a child): SIGTERM or Ctrl-C to gendoc
    kills its whole process group and gendoc removes its work folder before exiting."""
    ws = course(tmp_path / "ws")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    fake = tmp_path / "soffice"
    marker = tmp_path / "child.pid"
    fake.write_text(f"#!/bin/sh\nsleep 120 &\necho $! > {marker}\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    build = gendoc(ws, tmp, "build", "--pdf", env_extra={"GENDOC_SOFFICE": str(fake)})
    try:
        assert wait_for(lambda: marker.is_file() and marker.read_text().strip() or build.poll() is not None, 240)
        assert build.poll() is None, build.communicate()
        assert list(tmp.glob(f"gendoc-pdf-{build.pid}-*"))
        build.send_signal(signum)
        build.communicate(timeout=30)
    finally:
        if build.poll() is None:
            build.kill()
            build.communicate()
    assert build.returncode != 0
    child = Path(f"/proc/{int(marker.read_text())}/status")
    assert wait_for(lambda: not child.exists() or "State:\tZ" in child.read_text(), 5)
    assert not list(tmp.glob("gendoc-pdf-*"))
