"""PDF conversion of a 200-participant course: gendoc against plain LibreOffice and the floor.

The course (one invitation per participant, a certificate for each, the announcement, the
participant list and the two combined files: 404 .docx) is rendered once; then, in alternating
order, each side converts the same files:
- gendoc: `gendoc.pdf.convert`, what `gendoc build --pdf` runs (PDF/A-2b, at most one
  LibreOffice per core, each with a fresh profile, PDFs moved into place atomically with fsync;
  the invitations' and certificates' PDFs cut from their combined files' PDFs — gendoc.pdf_split
  — so LibreOffice converts 4 files, and the cutting, in this process, is in the time);
- plain: `soffice --convert-to pdf *.docx` in the files' folder, as few calls as LibreOffice
  allows (200 files a call, one after the other, one fresh profile; plain PDF, no PDF/A, no
  slimming, written straight into a folder) — what a user types;
- floor: one `soffice --convert-to pdf` of a one-paragraph document (fresh profile): the cost of
  starting LibreOffice, which every process pays once.
Figures are medians; besides wall time the script prints CPU time (this process — gendoc's
slimming and moves — plus the LibreOffice processes), the steadier figure on a shared machine.

    python benchmarks/pdf.py [PARTICIPANTS] [RUNS]      # defaults: 200 participants, 5 runs
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from docx import Document  # noqa: E402
from figures import figure  # noqa: E402 - benchmarks/figures.py

from gendoc import api  # noqa: E402
from gendoc.pdf import convert, find_soffice  # noqa: E402
from gendoc.workspace import load_workspace  # noqa: E402
from tests.training.coursefix import write_course  # noqa: E402

HO = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]
DEM = ["Thị", "Thị Ngọc", "Thu", "Văn", "Kim"]
TEN = ["Anh", "Ánh", "Bích", "Chi", "Dung", "Đào", "Hà", "Hạnh", "Hương", "Lan"]
UNITS = ["Sở Tư pháp", "Sở Y tế", "Sở Tài chính & Kế hoạch"]


def course(ws: Path, participants: int) -> list[Path]:
    """Write the course workspace, build it (no PDF) and return its .docx outputs."""
    rng = random.Random(2017)
    names = rng.sample([f"{h} {d} {t}" for h in HO for d in DEM for t in TEN], participants)
    rows = [[name, rng.choice(["Nữ", "Nam"]), rng.randint(1965, 1995), "Chuyên viên",
             rng.choice(UNITS), "", "", "x", rng.choice(["Giỏi", "Khá", ""])] for name in names]
    write_course(ws, rows, gui_theo="hoc_vien")
    outcome = api.build(load_workspace(ws))
    assert outcome.ok, outcome.report.failures
    return sorted(p for r in outcome.report.results for p in r.outputs if p.suffix == ".docx")


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def cpu() -> float:
    """CPU s so far of this process and of the child processes it reaped (LibreOffice)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """(wall s, CPU s of this process and its children meanwhile)."""
    before = cpu()
    start = time.perf_counter()
    work()
    return time.perf_counter() - start, cpu() - before


def plain(soffice: str, files: list[Path], scratch: Path) -> None:
    """One `soffice --convert-to pdf` for all files, as a user would type it (fresh profile)."""
    work = Path(tempfile.mkdtemp(dir=scratch))
    try:
        # Equal names in two folders would overwrite each other's PDF: the plain side gets
        # unique copies too (copying is in its time, as in gendoc's).
        copies = []
        for i, f in enumerate(files):
            copies.append(work / f"{i:04d}-{f.name}")
            shutil.copyfile(f, copies[-1])
        # Bare names, run in the folder, as typed in a shell; LibreOffice 7.4 silently ignores
        # arguments past about 254 (a 404-file call converts 247), so calls of 200 files, one
        # after the other, with the same profile.
        for start in range(0, len(copies), 200):
            done = subprocess.run(
                [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                 "--convert-to", "pdf", "--outdir", str(work / "out"),
                 *(c.name for c in copies[start:start + 200])], capture_output=True, check=False,
                cwd=work)
        made = len(list((work / "out").glob("*.pdf")))
        if made != len(files):  # say so: its time then covers fewer documents
            tail = done.stderr.decode(errors="replace").strip().splitlines()[-3:]
            print(f"  ! plain soffice made {made} of {len(files)} PDFs (exit {done.returncode}): "
                  f"{' | '.join(tail)}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def gendoc_side(files: list[Path], root: Path, jobs: int) -> None:
    report = convert(files, root=root, jobs=jobs)
    assert not report.errors and len(report.written) == len(files), report.errors
    for pdf in report.written:
        pdf.unlink()


def median(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def main(participants: int = 200, runs: int = 5) -> None:
    soffice = find_soffice()
    jobs = cores()
    print(f"machine: {jobs} cores, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}; "
          f"python {sys.version.split()[0]}; "
          f"{subprocess.run([soffice, '--version'], capture_output=True, text=True).stdout.strip()}")
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        files = course(scratch / "ws", participants)
        n = len(files)
        tiny = scratch / "tiny.docx"
        doc = Document()
        doc.add_paragraph("Một đoạn văn.")
        doc.save(str(tiny))
        print(f"{participants} participants: {n} .docx to convert; {runs} runs a side, alternating")
        floor = [timed(lambda: plain(soffice, [tiny], scratch)) for _ in range(max(5, runs))]
        sides: dict[str, list[tuple[float, float]]] = {"gendoc": [], "plain": []}
        gendoc_side(files, scratch / "ws/output", jobs)  # warm-up: page cache, fonts, imports
        plain(soffice, files, scratch)
        for run in range(runs):
            order = ["gendoc", "plain"] if run % 2 == 0 else ["plain", "gendoc"]
            for side in order:
                work = ((lambda: gendoc_side(files, scratch / "ws/output", jobs)) if side == "gendoc"
                        else (lambda: plain(soffice, files, scratch)))
                sides[side].append(timed(work))
                print(f"  run {run + 1} {side}: {sides[side][-1][0]:.1f} s wall, "
                      f"{sides[side][-1][1]:.1f} s CPU", flush=True)
    floor_wall, floor_cpu = median(floor)
    g_wall, g_cpu = median(sides["gendoc"])
    p_wall, p_cpu = median(sides["plain"])
    print(f"floor: LibreOffice start + one tiny document: {floor_wall:.2f} s wall, {floor_cpu:.2f} s CPU "
          f"(median of {len(floor)})")
    print(f"plain soffice (calls of 200): {p_wall:.1f} s wall = {p_wall / n:.3f} s/document; "
          f"CPU {p_cpu / n:.3f} s/document")
    print(f"gendoc ({jobs} processes, PDF/A): {g_wall:.1f} s wall = {g_wall / n:.3f} s/document; "
          f"CPU {g_cpu / n:.3f} s/document")
    print(f"gendoc / plain: wall {g_wall / p_wall:.2f}, CPU {g_cpu / p_cpu:.2f}")
    print(f"per-document conversion beyond the start (plain): {(p_wall - floor_wall) / n:.3f} s wall, "
          f"{(p_cpu - floor_cpu) / n:.3f} s CPU; on {jobs} free cores at best "
          f"{(p_cpu - floor_cpu) / n / jobs:.3f} s/document")
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"s/document: {g_wall / n:.3f}")
    figure(f"PDF, {participants}-participant course (wall)", g_wall / n, "≤ 0.05 s",
           g_wall / n <= 0.05, " s/doc")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
