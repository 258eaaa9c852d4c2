"""Every headline figure of issue 18 in one run, side by side with its target.

Runs each benchmark in its own process, one after the other (never two at once: they would
measure each other), shows its whole output as it goes, and ends with the table of the figures
they reported (`benchmarks/figures.py`) and the machine's load before and after.

    python benchmarks/all.py              # build, register, consolidated report, PDF
    python benchmarks/all.py build pdf    # only these

PostgreSQL is measured when GENDOC_BENCH_PG_URL or GENDOC_TEST_PG_URL names a server.
A full run takes about a quarter of an hour on 2 cores.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from figures import parse

HERE = Path(__file__).resolve().parent
SCRIPTS = {
    "build": ["build.py", "5"],
    "register": ["register.py"],
    "consolidate": ["consolidate.py"],
    "pdf": ["pdf.py", "200", "5"],
}


def run(name: str) -> list[list[str]]:
    """Run one benchmark, echoing its output; the figures it printed."""
    print(f"\n=== {name}: python benchmarks/{' '.join(SCRIPTS[name])}", flush=True)
    figures = []
    with subprocess.Popen([sys.executable, str(HERE / SCRIPTS[name][0]), *SCRIPTS[name][1:]],
                          stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        for line in child.stdout:
            fields = parse(line)
            if fields is None:
                print(line, end="", flush=True)
            else:
                figures.append(fields)
    if child.returncode:
        figures.append([f"{name}: the benchmark failed (exit {child.returncode})", "—", "—",
                        "NOT met"])
    return figures


def main() -> None:
    chosen = sys.argv[1:] or list(SCRIPTS)
    unknown = [name for name in chosen if name not in SCRIPTS]
    if unknown:
        sys.exit(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(SCRIPTS)}")
    before = os.getloadavg()
    rows = [row for name in chosen for row in run(name)]
    width = max(len(row[0]) for row in rows) if rows else 10
    print(f"\n=== figures (load average {before[0]:.1f} before, {os.getloadavg()[0]:.1f} after)")
    print(f"{'figure':<{width}}  {'measured':>10}  {'target':>8}  result")
    for name, measured, target, met in rows:
        print(f"{name:<{width}}  {measured:>10}  {target:>8}  {met}")


if __name__ == "__main__":
    main()
