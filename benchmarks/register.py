"""The document register's speed, against the raw database driver, in one run.

1. Allocations per second with P processes allocating at once (default 8), on SQLite and on
   PostgreSQL: gendoc's `Register.allocate` against the same work done with the raw driver
   (sqlite3 / psycopg) — the physical floor. Symmetric: the same P worker processes, the same
   database settings (SQLite: WAL, synchronous=FULL, BEGIN IMMEDIATE; PostgreSQL: the server's
   fsync/synchronous_commit), the same statements (counter upsert + entry insert returning the
   new id and number; on PostgreSQL one statement in autocommit), one durable commit per
   number, connections opened before the clock starts.
   One warm-up round, then R timed rounds (default 21) of both, which goes first alternating
   from round to round; rates are medians, the ratio is the median of the per-round ratios.
   150 numbers a process (1,200 a round, about half a second on SQLite here) and 21 rounds:
   one slow fsync of this VM's disk swings a round's ratio by ±30 %, and with fewer, shorter
   rounds the median ratio moved by ±0.1 from one run to the next.
   `--aa` runs the raw driver against itself instead of gendoc: its "ratio" is this machine's
   noise (a shared machine under load can show 0.8 for identical code).
   Every round re-checks that the numbers came out exactly 1..N (no duplicate, no gap).
   SQLite also shows the durable-write floor: one process writing a page into a file and
   fdatasyncing it, as fast as it can, next to the database — SQLite commits one at a time with one
   fsync each, so no scheme of durable numbers on this disk beats that rate.
2. `gendoc issue` against `gendoc --help` (and bare `python -c pass`): fresh processes, the issue
   of an un-numbered plan in a temporary copy of the example workspace, warm-up, medians.

    python benchmarks/register.py [--processes 8] [--per-process 150] [--rounds 21]
                                  [--pg-url URL] [--skip-issue] [--aa]

PostgreSQL is used when --pg-url, GENDOC_BENCH_PG_URL or GENDOC_TEST_PG_URL is given; each
implementation works in its own throw-away schema, dropped afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from figures import figure  # noqa: E402 - benchmarks/figures.py

from gendoc.register.allocation import ALLOCATION_FIELDS  # noqa: E402
from gendoc.register.database import prepare_sqlite  # noqa: E402 - after the path setup
from gendoc.register.store import DocumentFacts, open_register  # noqa: E402

DOC_DATE = dt.date(2026, 1, 2)
FACTS = DocumentFacts(
    issuer="", symbol="KH-UBND", kind="ke_hoach", type_name="KẾ HOẠCH",
    summary="Đo tốc độ cấp số", signer="Nguyễn Văn A (CHỦ TỊCH)", recipients=("Các sở",),
    archive="VT", copies=1,
)

# The raw driver's statements: the same work as gendoc's (see gendoc/register/allocation.py).
_COLS = ", ".join(ALLOCATION_FIELDS)
_SQLITE_BUMP = (
    "INSERT INTO register_counters (issuer, year, series, last) VALUES (?, ?, ?, 1) "
    "ON CONFLICT (issuer, year, series) DO UPDATE SET last = register_counters.last + 1 "
    "RETURNING last"
)
_SQLITE_INSERT = (
    f"INSERT INTO register_entries ({_COLS}, number) "
    f"VALUES ({', '.join('?' * (len(ALLOCATION_FIELDS) + 1))}) RETURNING id, number"
)
_PG_ALLOCATE = (
    "WITH bump AS (INSERT INTO register_counters (issuer, year, series, last) "
    "VALUES (%(issuer)s, %(year)s, %(series)s, 1) ON CONFLICT (issuer, year, series) "
    "DO UPDATE SET last = register_counters.last + 1 RETURNING last) "
    f"INSERT INTO register_entries ({_COLS}, number) "
    f"SELECT {', '.join(f'%({c})s' for c in ALLOCATION_FIELDS)}, bump.last FROM bump "
    "RETURNING id, number"
)


def _values(issuer: str, worker: int, i: int) -> dict[str, object]:
    return {
        "issuer": issuer, "year": DOC_DATE.year, "series": "", "symbol": FACTS.symbol,
        "doc_date": DOC_DATE, "kind": FACTS.kind, "type_name": FACTS.type_name,
        "summary": FACTS.summary, "signer": FACTS.signer, "recipients": "\n".join(FACTS.recipients),
        "archive": FACTS.archive, "copies": FACTS.copies, "workspace": "bench",
        "content_path": f"bench/{worker}-{i}.yaml", "status": "allocated",
        "allocated_at": dt.datetime.now(dt.timezone.utc), "note": "", "replaces_id": None,
    }


def _gendoc_round(url: str, issuer: str, worker: int, count: int, barrier) -> tuple:  # noqa: ANN001
    facts = DocumentFacts(**{**FACTS.__dict__, "issuer": issuer})
    with open_register(url) as register:
        register.entries(issuer="-")  # connect now, not on the clock
        barrier.wait()
        start = time.perf_counter()
        numbers = [register.allocate(facts, series="", doc_date=DOC_DATE,
                                     content_path=f"bench/{worker}-{i}.yaml",
                                     workspace="bench").number for i in range(count)]
        end = time.perf_counter()
    return numbers, start, end


def _raw_sqlite_round(url: str, issuer: str, worker: int, count: int, barrier) -> tuple:  # noqa: ANN001
    import sqlite3

    conn = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=60, isolation_level=None)
    prepare_sqlite(conn)
    barrier.wait()
    start = time.perf_counter()
    numbers = []
    for i in range(count):
        v = _values(issuer, worker, i)
        v["doc_date"] = v["doc_date"].isoformat()  # as SQLAlchemy stores them
        v["allocated_at"] = v["allocated_at"].replace(tzinfo=None).isoformat(" ", "microseconds")
        conn.execute("BEGIN IMMEDIATE")
        number = conn.execute(_SQLITE_BUMP, (issuer, DOC_DATE.year, "")).fetchone()[0]
        row = conn.execute(_SQLITE_INSERT, (*v.values(), number)).fetchone()
        conn.execute("COMMIT")
        numbers.append(row[1])
    end = time.perf_counter()
    conn.close()
    return numbers, start, end


def _raw_pg_round(url: str, issuer: str, worker: int, count: int, barrier) -> tuple:  # noqa: ANN001
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    conninfo = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    # Autocommit, like gendoc: one statement is atomic on its own, no BEGIN/COMMIT round trips.
    with psycopg.connect(conninfo, autocommit=True) as conn:
        barrier.wait()
        start = time.perf_counter()
        numbers = []
        for i in range(count):
            row = conn.execute(_PG_ALLOCATE, _values(issuer, worker, i)).fetchone()
            numbers.append(row[1])
        end = time.perf_counter()
    return numbers, start, end


ROUNDS = {"gendoc": _gendoc_round, "raw-sqlite": _raw_sqlite_round, "raw-pg": _raw_pg_round}


def _task(args: tuple) -> tuple:
    impl, *rest = args
    return ROUNDS[impl](*rest)


def _round(pool, manager, impl: str, url: str, processes: int, per_process: int) -> float:  # noqa: ANN001
    """One timed round: P workers allocate `per_process` numbers each; returns allocations/s."""
    issuer = f"r{uuid.uuid4().hex[:8]}"  # a new counter: this round's numbers must be 1..N
    barrier = manager.Barrier(processes)
    tasks = [(impl, url, issuer, w, per_process, barrier) for w in range(processes)]
    results = pool.map(_task, tasks, chunksize=1)
    total = processes * per_process
    if sorted(n for chunk, _, _ in results for n in chunk) != list(range(1, total + 1)):
        sys.exit(f"FAILED: {impl} numbers are not exactly 1..{total}")
    return total / (max(e for _, _, e in results) - min(s for _, s, _ in results))


def _fsync_rate(folder: Path, count: int) -> float:
    """Durable page writes per second by one process, as a WAL commit does them: write 4 KiB
    into an already allocated file, `fdatasync` (SQLite's call on Linux), repeat."""
    path = folder / "fsync-floor.bin"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    sync = getattr(os, "fdatasync", os.fsync)
    try:
        os.write(fd, b"\0" * 4096 * 64)
        os.fsync(fd)
        start = time.perf_counter()
        for i in range(count):
            os.pwrite(fd, b"\1" * 4096, 4096 * (i % 64))
            sync(fd)
        return count / (time.perf_counter() - start)
    finally:
        os.close(fd)
        path.unlink()


def _compare(name: str, urls: dict[str, str], raw: str, args: argparse.Namespace,
             floor_dir: Path | None = None) -> dict:
    """Rounds of gendoc and raw back to back; the ratio is the median of the per-round ratios
    (each pair ran seconds apart, under the same load), the rates are medians too."""
    for url in urls.values():  # create the schema outside the timed rounds
        open_register(url).close()
    contender = raw if args.aa else "gendoc"  # --aa: raw against raw, to show the noise
    ctx = multiprocessing.get_context("spawn")
    rates: dict[str, list[float]] = {"gendoc": [], raw: [], "fsync": []}
    with ctx.Manager() as manager, ctx.Pool(args.processes) as pool:
        for index in range(args.rounds + 1):  # round 0 is the warm-up
            order = ("gendoc", raw) if index % 2 else (raw, "gendoc")  # no order advantage
            for impl in order:
                rate = _round(pool, manager, contender if impl == "gendoc" else raw,
                              urls[impl], args.processes, args.per_process)
                if index:
                    rates[impl].append(rate)
            if floor_dir is not None and index:
                rates["fsync"].append(_fsync_rate(floor_dir, args.per_process * 2))
    med = {impl: statistics.median(values) for impl, values in rates.items() if values}
    ratio = statistics.median(g / r for g, r in zip(rates["gendoc"], rates[raw], strict=True))
    g, r = med["gendoc"], med[raw]
    who = "raw (A/A)" if args.aa else "gendoc"
    line = (f"{name:<11} {args.processes} processes × {args.per_process}, {args.rounds} rounds: "
            f"{who} {g:6.0f}/s   raw driver {r:6.0f}/s   ratio {ratio:.2f}")
    if "fsync" in med:
        line += f"   fdatasync floor {med['fsync']:6.0f}/s   {who}/floor {g / med['fsync']:.2f}"
    print(line)
    if not args.aa:
        target = {"SQLite": 250, "PostgreSQL": 280}[name]
        figure(f"{name} allocations/s, {args.processes} processes", g, f"≥ {target}/s",
               g >= target, "/s")
        figure(f"{name} gendoc / raw driver", ratio, "≥ 0.9", ratio >= 0.9)
    for impl, values in rates.items():
        if values:
            print(f"{'':<11} {impl} rounds: {', '.join(f'{x:.0f}' for x in values)}")
    return {**med, "ratio": ratio}


def _pg_schema(base: str) -> tuple[str, str]:
    from sqlalchemy import create_engine, text

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", schema


def _pg_version(base: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(base)
    with engine.connect() as conn:
        version = conn.execute(text("SHOW server_version")).scalar()
        sync = conn.execute(text("SHOW synchronous_commit")).scalar()
    engine.dispose()
    return f"PostgreSQL {version} (synchronous_commit={sync}) on {make_url_host(base)}"


def make_url_host(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).host or "local socket"


def _drop_schemas(base: str, schemas: list[str]) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(base)
    with engine.begin() as conn:
        for schema in schemas:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


# -- gendoc issue vs gendoc --help ---------------------------------------------------------
_CLI = "import sys; from gendoc.cli import main; sys.exit(main())"


def _timed(cmd: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("GENDOC_DATABASE_URL", None)  # the workspace's own SQLite register
    # Byte-code caches as an installed gendoc has them (pip compiles them at install): with
    # PYTHONDONTWRITEBYTECODE set, every run would compile gendoc's modules again (≈ 0.2 s for
    # `issue`, which imports four times the modules `--help` does). The warm-up writes them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"FAILED: {' '.join(cmd[3:])}\n{done.stdout}{done.stderr}")
    return elapsed


def _issue_vs_help(rounds: int) -> dict:
    plan = REPO / "content" / "ke-hoach" / "ubnd-tinh-bdg-2016-2020.yaml"
    times: dict[str, list[float]] = {"pass": [], "help": [], "issue": []}
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        ws.mkdir()
        shutil.copy(REPO / "gendoc.yaml", ws / "gendoc.yaml")
        for folder in ("content", "templates"):
            if (REPO / folder).is_dir():
                shutil.copytree(REPO / folder, ws / folder)
        for index in range(rounds + 1):  # round 0 is the warm-up
            target = ws / "content" / "ke-hoach" / f"bench-{index}.yaml"
            shutil.copy(plan, target)
            run = {
                "pass": [sys.executable, "-c", "pass"],
                "help": [sys.executable, "-c", _CLI, "--help"],
                "issue": [sys.executable, "-c", _CLI, "-w", str(ws), "issue", str(target),
                          "--date", "2016-12-20"],
            }
            for name, cmd in run.items():
                elapsed = _timed(cmd)
                if index:
                    times[name].append(elapsed)
    med = {name: statistics.median(values) for name, values in times.items()}
    print(f"gendoc issue {med['issue']:.2f} s   gendoc --help {med['help']:.2f} s   "
          f"ratio {med['issue'] / med['help']:.1f}×   (python -c pass {med['pass']:.2f} s; "
          f"medians of {rounds} fresh processes)")
    figure("gendoc issue / gendoc --help", med["issue"] / med["help"], "≤ 5×",
           med["issue"] / med["help"] <= 5, "×")
    return med


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlite3

    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--per-process", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--pg-url", default=os.environ.get("GENDOC_BENCH_PG_URL")
                        or os.environ.get("GENDOC_TEST_PG_URL"))
    parser.add_argument("--skip-issue", action="store_true")
    parser.add_argument("--aa", action="store_true",
                        help="run the raw driver against itself: the ratio shows the noise")
    args = parser.parse_args()
    print(f"machine: {_machine()}")
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")

    with tempfile.TemporaryDirectory() as tmp:
        _compare("SQLite", {impl: f"sqlite:///{Path(tmp) / impl / 'register.sqlite3'}"
                            for impl in ("gendoc", "raw-sqlite")}, "raw-sqlite", args,
                 floor_dir=Path(tmp))

    if not args.pg_url:
        print("PostgreSQL  skipped (no --pg-url, GENDOC_BENCH_PG_URL or GENDOC_TEST_PG_URL)")
    else:
        schemas: list[str] = []
        try:
            urls = {}
            for impl in ("gendoc", "raw-pg"):
                urls[impl], schema = _pg_schema(args.pg_url)
                schemas.append(schema)
            print(f"server: {_pg_version(args.pg_url)}")
            _compare("PostgreSQL", urls, "raw-pg", args)
        finally:
            _drop_schemas(args.pg_url, schemas)

    if not args.skip_issue:
        _issue_vs_help(args.rounds)
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
