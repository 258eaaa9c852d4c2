"""Builds against the floor of merely opening and saving the same .docx files with python-docx,
in one run.

Prints, as medians of several runs after a warm-up:
- N ND30 documents: the provincial plan and every unit's plan derived from it (`gendoc new
  ke_hoach --all-units`, 40 plans), built serially (`-j 1 --force`, the floor is serial too),
  and — to separate rendering from loading the content files — the same documents rendered from
  already-loaded content; each with its ratio to the floor (target ≤ 3×);
- full build, serial (`-j 1 --force`) and in worker processes (`-j N --force`);
- a rebuild with nothing changed (incremental: every document skipped) and its ratio to a full
  build (target ≤ 0.10);
- the floor: python-docx opening and saving every .docx the build wrote (same files, same
  process), each written durably as gendoc writes (temporary file, fsync, rename), and the full
  build's ratio to it.

    python benchmarks/build.py [RUNS]
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the checkout's gendoc, not an installed copy

from docx import Document  # noqa: E402
from figures import figure  # noqa: E402

from gendoc import api  # noqa: E402
from gendoc.document import BuildContext, load_document  # noqa: E402
from gendoc.plans.new import scaffold  # noqa: E402
from gendoc.render import render_document  # noqa: E402
from gendoc.workspace import Workspace, example_dir, load_workspace  # noqa: E402
from gendoc.yamlio import forget_parses  # noqa: E402

PLAN = Path("content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml")


def median_times(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU time of this process, after one warm-up run.

    Each run starts with no YAML parse remembered (gendoc.yamlio keeps them per process), so a
    build is measured as a fresh `gendoc build` process runs it."""
    action()  # warm-up: imports, caches, the page cache
    walls, cpus = [], []
    for _ in range(runs):
        forget_parses()
        start, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def median_time(action: Callable[[], object], runs: int) -> float:
    return median_times(action, runs)[0]


def open_and_save(paths: list[Path]) -> None:
    """The floor: python-docx opens and saves each file, written durably as gendoc writes its
    outputs (a temporary file in the same folder, fsync, rename into place) — the same
    durability on both sides (issue 18: "same fsync")."""
    for path in paths:
        buffer = io.BytesIO()
        Document(str(path)).save(buffer)
        scratch = path.with_name(f".{path.name}.floor.tmp")
        with open(scratch, "wb") as fh:
            fh.write(buffer.getvalue())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(scratch, path.with_name(f".{path.name}.floor"))


def unit_plans(root: Path) -> Workspace:
    """A workspace holding the provincial plan and every unit's plan derived from it."""
    root.mkdir()
    shutil.copy2(example_dir() / "gendoc.yaml", root / "gendoc.yaml")
    (root / PLAN).parent.mkdir(parents=True)
    shutil.copy2(example_dir() / PLAN, root / PLAN)
    ws = load_workspace(root)
    options = SimpleNamespace(units=[], all_units=True, source=root / PLAN, output=None,
                              force=False, year=None, xlsx=False)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        scaffold(ws, options)  # its notes (plans without a number yet) are not the benchmark's
    return ws


def nd30_documents(tmp: Path, runs: int) -> None:
    ws = unit_plans(tmp / "plans")
    api.build(ws, jobs=1, force=True)
    docx = sorted((ws.root / "output").rglob("*.docx"))
    documents = [load_document(ws, path) for path in sorted(ws.content_dir.rglob("*.yaml"))]

    def render_all() -> None:
        bctx = BuildContext(ws)  # one build: templates compiled once
        for doc in documents:
            render_document(doc, bctx)

    build = median_times(lambda: api.build(ws, jobs=1, force=True), runs)
    render = median_times(render_all, runs)
    floor = median_times(lambda: open_and_save(docx), runs)
    print(f"ND30 documents: {len(documents)} plans (provincial + every unit), {len(docx)} .docx "
          f"files, median of {runs} runs; wall-clock s (CPU s of this process)")
    for label, (wall, cpu) in (("build, serial (-j 1 --force)", build),
                               ("render only (content loaded)", render),
                               ("floor, python-docx open+save", floor)):
        print(f"{label}: {wall:6.2f} s ({cpu:5.2f} s)   {wall / len(docx) * 1000:4.0f} ms a "
              f"document; / floor: {wall / floor[0]:.2f}× ({cpu / floor[1]:.2f}× CPU)")
    print("target: build / floor ≤ 3×")
    figure("ND30 build / python-docx open+save (wall)", build[0] / floor[0], "≤ 3×",
           build[0] / floor[0] <= 3, "×")
    figure("ND30 build / python-docx open+save (CPU)", build[1] / floor[1], "≤ 3×",
           build[1] / floor[1] <= 3, "×")
    print()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as tmp:
        nd30_documents(Path(tmp), runs)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        root.mkdir()
        shutil.copy2(example_dir() / "gendoc.yaml", root / "gendoc.yaml")
        shutil.copytree(example_dir() / "content", root / "content")
        ws = load_workspace(root)
        outcome = api.build(ws, jobs=1, force=True)
        documents = len(outcome.report.results)
        docx = sorted((root / "output").rglob("*.docx"))

        serial = median_time(lambda: api.build(ws, jobs=1, force=True), runs)
        parallel = median_time(lambda: api.build(ws, jobs=cores, force=True), runs)
        unchanged = median_time(lambda: api.build(ws, jobs=1), runs)
        floor = median_time(lambda: open_and_save(docx), runs)

    print(f"example workspace: {documents} documents, {len(docx)} .docx files, {cores} cores, "
          f"median of {runs} runs")
    print(f"full build, serial:           {serial:6.2f} s")
    print(f"full build, -j {cores}:             {parallel:6.2f} s   (speed-up {serial / parallel:.2f}×)")
    print(f"rebuild, nothing changed:     {unchanged:6.2f} s   (ratio to full build "
          f"{unchanged / serial:.3f}; target ≤ 0.10)")
    print(f"floor, python-docx open+save: {floor:6.2f} s   (full serial build / floor: "
          f"{serial / floor:.1f}×)")
    figure("no-change rebuild / full build", unchanged / serial, "≤ 0.10", unchanged / serial <= 0.10)


if __name__ == "__main__":
    main()
