"""The register's own connection layer (`database.py`) agrees with SQLAlchemy where it replaces it:
the URLs it reads without SQLAlchemy, the connection arguments it gives psycopg, and the text
dates and times it stores on SQLite."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Date, DateTime
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.engine import make_url

from gendoc.register.database import (
    PG_CONNECT_TIMEOUT_S,
    Database,
    Target,
    as_date,
    as_datetime,
    display_url,
    plain_sqlite_path,
    to_sqlite,
)
from gendoc.register.errors import RegisterDatabaseError
from gendoc.register.store import open_register

paths = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                min_size=1, max_size=40)


@given(paths)
def test_a_plain_sqlite_url_names_the_file_sqlalchemy_would_open(path: str) -> None:
    url = f"sqlite:///{path}"
    mine = plain_sqlite_path(url)
    theirs = make_url(url).database
    if mine is not None:  # read without SQLAlchemy: exactly its answer
        assert str(mine) == str(Path(theirs or ""))
        assert Target.of(url).path == mine
    elif theirs and theirs != ":memory:":  # anything else goes through SQLAlchemy's parser
        assert Target.of(url).path == Path(theirs)


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://gendoc:gendoc@127.0.0.1:5432/gendoc_test",
    "postgresql+psycopg://us%40er:p%3Aw%2F@may-chu/so_dang_ky?options=-csearch_path%3Dreg",
    "postgresql+psycopg://vanthu@[::1]:6543/so?sslmode=require&connect_timeout=3",
    "postgresql+psycopg:///so?host=/var/run/postgresql",
])
def test_postgresql_connection_arguments_are_sqlalchemys(url: str) -> None:
    _args, expected = PGDialect_psycopg().create_connect_args(make_url(url))
    expected.setdefault("connect_timeout", PG_CONNECT_TIMEOUT_S)
    assert dict(Target.of(url).connect_args) == expected


def test_a_password_never_reaches_a_message() -> None:
    shown = display_url("postgresql+psycopg://vanthu:bi-mat@may-chu/so")
    assert "bi-mat" not in shown and "vanthu" in shown
    assert display_url("sqlite:////srv/so.sqlite3") == "sqlite:////srv/so.sqlite3"


moments = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1))


@given(moments, st.booleans())
def test_times_are_stored_as_sqlalchemy_stored_them(moment: dt.datetime, aware: bool) -> None:
    """SQLite keeps text: the same text SQLAlchemy wrote for registers of earlier versions, and
    read back to the same moment (UTC, without its zone, as SQLAlchemy read it)."""
    value = moment.replace(tzinfo=dt.timezone.utc) if aware else moment
    dialect = sqlite_dialect.dialect()
    bind = DateTime(timezone=True).dialect_impl(dialect).bind_processor(dialect)
    assert to_sqlite(value) == bind(value)
    assert as_datetime(to_sqlite(value)) == moment
    day = moment.date()
    date_bind = Date().dialect_impl(dialect).bind_processor(dialect)
    assert to_sqlite(day) == date_bind(day)
    assert as_date(to_sqlite(day)) == day


def test_statements_take_named_parameters_literally(tmp_path: Path) -> None:
    """Values are bound, never spliced: quotes and colons in a value are only text."""
    db = Database(Target.of(f"sqlite:///{tmp_path / 'x.sqlite3'}"))
    try:
        db.rows("CREATE TABLE t (a TEXT)")
        tricky = "'); DROP TABLE t; -- :a %(a)s"
        db.count("INSERT INTO t (a) VALUES (:a)", {"a": tricky})
        assert db.rows("SELECT a FROM t WHERE a = :a", {"a": tricky}) == [(tricky,)]
    finally:
        db.close()


def test_a_register_in_a_folder_it_cannot_write_is_a_clear_error(tmp_path: Path) -> None:
    blocked = tmp_path / "khoa"
    blocked.write_text("một tệp, không phải thư mục", encoding="utf-8")
    with pytest.raises(RegisterDatabaseError) as err:
        open_register(f"sqlite:///{blocked / 'register.sqlite3'}")
    assert "sổ đăng ký" in err.value.message and "register.sqlite3" in err.value.message


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "register.sqlite3"
    bad.write_bytes(b"khong phai co so du lieu" * 100)
    with pytest.raises(RegisterDatabaseError) as err:
        open_register(f"sqlite:///{bad}")
    assert isinstance(err.value.__cause__, sqlite3.DatabaseError)
