"""8 processes × 50 allocations against one register: exactly 01…400, no duplicate, no gap."""

from __future__ import annotations

import multiprocessing

from register_workers import allocate_many, allocate_same_file

from gendoc.register.schema import STATUS_ALLOCATED
from gendoc.register.store import open_register

PROCESSES = 8
PER_PROCESS = 50


def _run(url: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(PROCESSES) as pool:
        results = pool.map(allocate_many, [(url, w, PER_PROCESS) for w in range(PROCESSES)])
    numbers = [n for chunk in results for n in chunk]
    total = PROCESSES * PER_PROCESS
    assert len(numbers) == total
    assert sorted(numbers) == list(range(1, total + 1))  # no duplicate, no gap
    for chunk in results:  # each process saw its own numbers increase
        assert chunk == sorted(chunk)
    with open_register(url) as register:
        rows = register.entries(year=2026, issuer="so-y-te")
    assert [e.number for e in rows] == list(range(1, total + 1))
    assert {e.status for e in rows} == {STATUS_ALLOCATED}
    assert rows[0].full_symbol == "01/KH-SYT"
    assert rows[-1].full_symbol == "400/KH-SYT"
    assert len({e.content_path for e in rows}) == total


def test_concurrent_allocation_sqlite(sqlite_url: str) -> None:
    _run(sqlite_url)


def test_concurrent_allocation_postgresql(pg_url: str) -> None:
    _run(pg_url)


def test_one_file_issued_by_eight_clerks_at_once_gets_one_number(db_url: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(PROCESSES) as pool:
        results = pool.map(allocate_same_file, [(db_url, w) for w in range(PROCESSES)])
    assert sorted(results, key=lambda r: r or 0) == [None] * (PROCESSES - 1) + [1]
    with open_register(db_url) as register:
        assert [e.number for e in register.entries()] == [1]
