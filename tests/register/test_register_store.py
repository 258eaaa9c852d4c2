"""Allocation rules, crash visibility and schema migrations, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from register_workers import FACTS
from sqlalchemy import inspect, select, text

from gendoc.register.engine import make_engine
from gendoc.register.migrate import VERSION_TABLE, current_revision, ensure_schema, head_revision
from gendoc.register.schema import STATUS_ALLOCATED, STATUS_REPLACED, entries
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
    with open_register(db_url) as register:
        with register.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
            version = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one()
        assert version == head_revision()


def test_v1_database_is_upgraded_keeping_its_entries(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert ensure_schema(engine, target="0001") == "0001"
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
        with register.engine.connect() as conn:
            assert current_revision(conn) == head_revision() != "0001"
            old = conn.execute(select(entries)).one()
        assert old.summary == "Cũ" and old.note == "" and old.replaces_id is None
        assert _alloc(register).number == 8  # the counter survived the upgrade


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


def test_a_register_at_head_is_opened_without_importing_alembic(sqlite_url: str) -> None:
    """Importing alembic costs ~0.4 s of every `gendoc issue`; it is needed only to migrate."""
    import subprocess
    import sys

    open_register(sqlite_url).close()  # created (and migrated) here, in this process
    code = (
        "import sys\n"
        "from gendoc.register.store import open_register\n"
        f"open_register({sqlite_url!r}).close()\n"
        "assert 'alembic' not in sys.modules, 'alembic imported'\n"
        "assert 'sqlalchemy.dialects.postgresql' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
