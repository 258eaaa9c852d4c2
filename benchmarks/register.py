"""Allocation throughput of the document register under concurrent clerks.

Prints allocations per second for 8 processes allocating at once (each allocation is one
committed transaction: counter increment + register entry), for SQLite and for PostgreSQL,
and the ratio to an in-process baseline: one process allocating sequentially on the same
database. Also re-checks that the numbers came out exactly 1..N.

    python benchmarks/register.py [--processes 8] [--per-process 200] [--pg-url URL]

PostgreSQL is used when --pg-url, GENDOC_BENCH_PG_URL or GENDOC_TEST_PG_URL is given; the run
works in a throw-away schema that is dropped afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

from gendoc.register.store import DocumentFacts, open_register

FACTS = DocumentFacts(
    issuer="ubnd-tinh", symbol="KH-UBND", kind="ke_hoach", type_name="KẾ HOẠCH",
    summary="Đo tốc độ cấp số", signer="Nguyễn Văn A (CHỦ TỊCH)", recipients=("Các sở",),
    archive="VT", copies=1,
)


def _allocate(args: tuple[str, int, int, object]) -> tuple[list[int], float, float]:
    url, worker, count, barrier = args
    with open_register(url) as register:
        if barrier is not None:
            barrier.wait()  # start together: measure contention, not process start-up
        start = time.perf_counter()
        numbers = [
            register.allocate(FACTS, series="", doc_date=dt.date(2026, 1, 2),
                              content_path=f"bench/{worker}-{i}.yaml", workspace="bench").number
            for i in range(count)
        ]
        end = time.perf_counter()
    return numbers, start, end


def _concurrent(url: str, processes: int, per_process: int) -> float:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(processes)
        with ctx.Pool(processes) as pool:
            results = pool.map(_allocate, [(url, w, per_process, barrier)
                                           for w in range(processes)])
    numbers = sorted(n for chunk, _, _ in results for n in chunk)
    total = processes * per_process
    if numbers != list(range(1, total + 1)):
        sys.exit(f"FAILED: numbers are not exactly 1..{total}")
    elapsed = max(e for _, _, e in results) - min(s for _, s, _ in results)
    return total / elapsed


def _sequential(url: str, count: int) -> float:
    numbers, start, end = _allocate((url, 0, count, None))
    assert numbers == list(range(1, count + 1))
    return count / (end - start)


def _pg_schema_url(base: str) -> tuple[str, str]:
    from sqlalchemy import create_engine, text

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", schema


def _drop_schema(base: str, schema: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def _report(name: str, make_url, processes: int, per_process: int) -> None:  # noqa: ANN001
    seq = _sequential(make_url("seq"), per_process)
    conc = _concurrent(make_url("conc"), processes, per_process)
    print(f"{name:<11} {processes} processes × {per_process}: {conc:8.0f} allocations/s   "
          f"1 process: {seq:8.0f}/s   ratio {conc / seq:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--per-process", type=int, default=200)
    parser.add_argument("--pg-url", default=os.environ.get("GENDOC_BENCH_PG_URL")
                        or os.environ.get("GENDOC_TEST_PG_URL"))
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        _report("SQLite", lambda tag: f"sqlite:///{Path(tmp) / tag / 'register.sqlite3'}",
                args.processes, args.per_process)

    if not args.pg_url:
        print("PostgreSQL  skipped (no --pg-url, GENDOC_BENCH_PG_URL or GENDOC_TEST_PG_URL)")
        return
    schemas: list[str] = []

    def pg(tag: str) -> str:
        url, schema = _pg_schema_url(args.pg_url)
        schemas.append(schema)
        return url

    try:
        _report("PostgreSQL", pg, args.processes, args.per_process)
    finally:
        for schema in schemas:
            _drop_schema(args.pg_url, schema)


if __name__ == "__main__":
    main()
