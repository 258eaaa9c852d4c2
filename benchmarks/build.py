"""A whole build of the example workspace, against the floor of merely opening and saving the
same .docx files with python-docx, in one run.

Prints, as medians of several runs after a warm-up:
- full build, serial (`-j 1 --force`) and in worker processes (`-j N --force`);
- a rebuild with nothing changed (incremental: every document skipped) and its ratio to a full
  build (target ≤ 0.10);
- the floor: python-docx opening and saving every .docx the build wrote (same files, same
  process), and the full build's ratio to it.

    python benchmarks/build.py [RUNS]
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from docx import Document

from gendoc import api
from gendoc.workspace import example_dir, load_workspace


def median_time(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up: imports, caches, the page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def open_and_save(paths: list[Path]) -> None:
    for path in paths:
        buffer = io.BytesIO()
        Document(str(path)).save(buffer)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    cores = len(os.sched_getaffinity(0))
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


if __name__ == "__main__":
    main()
