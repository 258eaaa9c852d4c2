"""Register test fixtures: a SQLite register per test and, when configured, a PostgreSQL one.

PostgreSQL: `GENDOC_TEST_PG_URL` (set by .ci/run) names a real server. Each test gets a fresh
schema (selected through the connection's `search_path`) that is dropped afterwards, so tests
never see each other's tables. If the variable is set but the server cannot be reached, the
test FAILS rather than skips: CI must exercise the shared-register path for real.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_ENV = "GENDOC_TEST_PG_URL"


def _with_search_path(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    base = os.environ.get(PG_ENV, "").strip()
    if not base:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} must be set in CI (.ci/run starts PostgreSQL and sets it)")
        pytest.skip(f"{PG_ENV} not set: PostgreSQL register tests run in CI (.ci/run)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    schema = f"reg_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:  # set but unreachable: that is a failure, not a skip
        admin.dispose()
        pytest.fail(f"{PG_ENV} is set but PostgreSQL is unreachable: {exc}")
    try:
        yield _with_search_path(base, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / '.gendoc' / 'register.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return request.getfixturevalue(name)


@pytest.fixture(autouse=True)
def _no_ambient_database_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests choose their database explicitly; a developer's own setting must not leak in."""
    monkeypatch.delenv("GENDOC_DATABASE_URL", raising=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def ws_db(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a workspace-level test on the default SQLite register and on a PostgreSQL one."""
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
        monkeypatch.setenv("GENDOC_DATABASE_URL", url)
        return url
    return "sqlite"
