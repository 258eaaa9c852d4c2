"""Allocation rules, crash visibility and schema migrations, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from register_workers import FACTS
from sqlalchemy import MetaData, Table, inspect, select, text

from gendoc.register.engine import make_engine
from gendoc.register.migrate import VERSION_TABLE, current_revision, head_revision, upgrade_engine
from gendoc.register.schema import (
    COUNTER_COLUMNS,
    COUNTERS,
    ENTRIES,
    ENTRY_COLUMNS,
    STATUS_ALLOCATED,
    STATUS_REPLACED,
)
from gendoc.register.store import DocumentFacts, open_register


def _alloc(register, *, year=2026, series="", facts=FACTS, path="content/a.yaml", **kw):
    return register.allocate(facts, series=series, doc_date=dt.date(year, 3, 5),
                             content_path=path, workspace="ws", **kw)


def test_numbers_start_at_01_and_are_formatted_per_nd30(db_url: str) -> None:
    with open_register(db_url) as register:
        got = [_alloc(register, path=f"c{i}.yaml").full_symbol for i in range(12)]
    assert got[:3] == ["01/KH-SYT", "02/KH-SYT", "03/KH-SYT"]
    assert got[8:10] == ["09/KH-SYT", "10/KH-SYT"]


def test_numbers_restart_each_year(db_url: str) -> None:
    with open_register(db_url) as register:
        assert [_alloc(register, year=2025).number for _ in range(3)] == [1, 2, 3]
        assert [_alloc(register, year=2026).number for _ in range(2)] == [1, 2]
        assert _alloc(register, year=2025).number == 4
        assert [e.number for e in register.entries(year=2026)] == [1, 2]
        assert len(register.entries(year=2025)) == 4


def test_issuers_and_series_are_counted_separately(db_url: str) -> None:
    other = DocumentFacts(**{**FACTS.__dict__, "issuer": "ubnd-tinh", "symbol": "KH-UBND"})
    decision = DocumentFacts(**{**FACTS.__dict__, "symbol": "QĐ-SYT", "kind": "quyet_dinh"})
    with open_register(db_url) as register:
        assert _alloc(register).number == 1
        assert _alloc(register, facts=other).number == 1
        assert _alloc(register, facts=decision, series="QĐ").number == 1
        assert _alloc(register, facts=decision, series="QĐ").number == 2
        assert _alloc(register).number == 2
        assert [e.number for e in register.entries(issuer="ubnd-tinh")] == [1]
        syt = register.entries(issuer="so-y-te")
        assert [(e.series, e.number) for e in syt] == [("", 1), ("", 2), ("QĐ", 1), ("QĐ", 2)]


def test_allocated_entry_is_recorded_before_rendering(db_url: str) -> None:
    """A crash after allocation leaves a visible `allocated` entry; the number is not reused."""
    with open_register(db_url) as register:
        first = _alloc(register, path="content/crashed.yaml")
    # ... the process dies here; a new one opens the register:
    with open_register(db_url) as register:
        pending = register.entries(status=STATUS_ALLOCATED)
        assert [(e.number, e.content_path) for e in pending] == [(1, "content/crashed.yaml")]
        assert register.latest_for_content("ws", "content/crashed.yaml").id == first.id
        assert _alloc(register, path="content/next.yaml").number == 2


def test_correction_marks_the_old_entry_replaced(db_url: str) -> None:
    with open_register(db_url) as register:
        old = _alloc(register)
        new = _alloc(register, replaces=old, note="Thay cho số 01/KH-SYT")
        rows = register.entries()
    assert new.number == 2 and new.replaces_id == old.id
    assert rows[0].status == STATUS_REPLACED
    assert "Đã thay bằng số 02/KH-SYT" in rows[0].note
    assert rows[1].note == "Thay cho số 01/KH-SYT"


def test_exclusive_allocation_refuses_a_second_number_for_one_file(db_url: str) -> None:
    from gendoc.register.errors import AlreadyIssuedError

    with open_register(db_url) as register:
        first = _alloc(register, exclusive=True)
        with pytest.raises(AlreadyIssuedError, match="01/KH-SYT"):
            _alloc(register, exclusive=True)
        assert _alloc(register, exclusive=True, replaces=first).number == 2
        assert _alloc(register, exclusive=True, path="content/b.yaml").number == 3


def test_new_database_is_created_at_head_with_a_schema_version(db_url: str) -> None:
    open_register(db_url).close()
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
            version = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one()
        assert version == head_revision()
        # the column lists the statements are written from are what the migrations create
        table = inspect(engine)
        assert tuple(c["name"] for c in table.get_columns(ENTRIES)) == ENTRY_COLUMNS
        assert tuple(c["name"] for c in table.get_columns(COUNTERS)) == COUNTER_COLUMNS
    finally:
        engine.dispose()


def test_entries_read_the_same_through_sqlalchemy(db_url: str) -> None:
    """Registers written by SQLAlchemy (gendoc before 0.9) and by the driver are one format:
    each side reads what the other wrote, dates and times included."""
    with open_register(db_url) as register:
        mine = _alloc(register, path="content/x&<y>'.yaml")
        issued = register.mark_issued(mine.id, output_path="output/x.docx", template_path=None,
                                      content_sha256="a" * 64, output_sha256="b" * 64,
                                      template_sha256=None)
    engine = make_engine(db_url)
    try:
        table = Table(ENTRIES, MetaData(), autoload_with=engine)
        with engine.connect() as conn:
            row = conn.execute(select(table)).one()._asdict()
    finally:
        engine.dispose()
    assert row["doc_date"] == dt.date(2026, 3, 5) == issued.doc_date
    assert row["content_path"] == "content/x&<y>'.yaml" == issued.content_path
    for name in ("allocated_at", "issued_at"):  # SQLite keeps no time zone: UTC either way
        theirs, ours = row[name], getattr(issued, name)
        assert theirs.replace(tzinfo=None) == ours.replace(tzinfo=None)
        assert abs(dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
                   - ours.replace(tzinfo=None)) < dt.timedelta(minutes=5)
    assert {k: v for k, v in row.items() if k not in ("allocated_at", "issued_at")} == {
        k: v for k, v in issued.__dict__.items() if k not in ("allocated_at", "issued_at")}


def test_v1_database_is_upgraded_keeping_its_entries(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert upgrade_engine(engine, target="0001") == "0001"
        cols = {c["name"] for c in inspect(engine).get_columns("register_entries")}
        assert "note" not in cols and "replaces_id" not in cols
        with engine.begin() as conn:  # an entry written by a v1 gendoc
            conn.execute(text(
                "INSERT INTO register_counters (issuer, year, series, last) "
                "VALUES ('so-y-te', 2026, '', 7)"))
            conn.execute(text(
                "INSERT INTO register_entries (issuer, year, series, number, symbol, doc_date, "
                "kind, type_name, summary, signer, recipients, archive, workspace, content_path, "
                "status, allocated_at) VALUES ('so-y-te', 2026, '', 7, 'KH-SYT', '2026-01-02', "
                "'ke_hoach', 'KẾ HOẠCH', 'Cũ', 'A', 'B', 'VT', 'ws', 'old.yaml', 'issued', "
                "'2026-01-02 00:00:00')"))
    finally:
        engine.dispose()
    with open_register(db_url) as register:  # first use by the new gendoc upgrades it
        (old,) = register.entries()
        assert old.summary == "Cũ" and old.note == "" and old.replaces_id is None
        assert old.doc_date == dt.date(2026, 1, 2)
        assert old.allocated_at.replace(tzinfo=None) == dt.datetime(2026, 1, 2)
        assert _alloc(register).number == 8  # the counter survived the upgrade
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision() != "0001"
    finally:
        engine.dispose()


def test_unreachable_database_is_a_clear_error(tmp_path) -> None:
    from gendoc.register.errors import RegisterDatabaseError

    url = "postgresql+psycopg://nobody:secret@127.0.0.1:1/none?connect_timeout=2"
    with pytest.raises(RegisterDatabaseError) as err:
        open_register(url)
    assert "secret" not in err.value.message
    assert "sổ đăng ký" in err.value.message


def test_head_revision_constant_matches_the_migration_scripts() -> None:
    from gendoc.register.migrate import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


def test_a_register_at_head_is_used_without_importing_alembic_or_sqlalchemy(
        sqlite_url: str) -> None:
    """Importing alembic and SQLAlchemy costs ~0.6 s of every `gendoc issue`; they are needed
    only to migrate (or to read a database URL a clerk typed)."""
    import subprocess
    import sys

    open_register(sqlite_url).close()  # created (and migrated) here, in this process
    code = (
        "import sys, datetime as dt\n"
        "from gendoc.register.store import open_register\n"
        "from register_workers import FACTS\n"
        f"with open_register({sqlite_url!r}) as reg:\n"
        "    e = reg.allocate(FACTS, series='', doc_date=dt.date(2026, 1, 2), content_path='a')\n"
        "    reg.mark_issued(e.id, output_path='o', template_path=None, content_sha256='',\n"
        "                    output_sha256='', template_sha256=None)\n"
        "    assert [x.number for x in reg.entries()] == [1]\n"
        "assert 'alembic' not in sys.modules, 'alembic imported'\n"
        "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy imported'\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(Path(__file__).resolve().parents[2]), str(Path(__file__).parent)])}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2], env=env)
    assert done.returncode == 0, done.stderr
