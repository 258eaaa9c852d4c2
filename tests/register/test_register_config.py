"""Where the register lives and how series are chosen (gendoc.yaml `so_dang_ky`, env var)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gendoc.register.config import SHARED_SERIES, settings_from
from gendoc.register.errors import RegisterError


def test_default_is_sqlite_in_the_workspace(tmp_path: Path) -> None:
    s = settings_from(tmp_path, {})
    assert s.database_url == f"sqlite:///{tmp_path / '.gendoc' / 'register.sqlite3'}"
    assert s.series_for("QĐ", "quyet_dinh") == SHARED_SERIES


def test_url_from_config_and_env_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = {"so_dang_ky": {"database_url": "postgresql+psycopg://u:p@db:5432/so"}}
    assert settings_from(tmp_path, raw).database_url == "postgresql+psycopg://u:p@db:5432/so"
    monkeypatch.setenv("GENDOC_DATABASE_URL", "postgresql+psycopg://x:y@other/so")
    s = settings_from(tmp_path, raw)
    assert s.database_url == "postgresql+psycopg://x:y@other/so"
    assert "GENDOC_DATABASE_URL" in s.source


def test_relative_sqlite_path_is_taken_from_the_workspace(tmp_path: Path) -> None:
    raw = {"so_dang_ky": {"database_url": "sqlite:///chung/so.sqlite3"}}
    assert settings_from(tmp_path, raw).database_url == f"sqlite:///{tmp_path}/chung/so.sqlite3"


def test_separate_series(tmp_path: Path) -> None:
    s = settings_from(tmp_path, {"so_dang_ky": {"so_rieng": ["QĐ", "cong_van"]}})
    assert s.series_for("QĐ", "quyet_dinh") == "QĐ"
    assert s.series_for(None, "cong_van") == "cong_van"
    assert s.series_for("KH", "ke_hoach") == SHARED_SERIES
    every = settings_from(tmp_path, {"so_dang_ky": {"so_rieng": "tat_ca"}})
    assert every.series_for("KH", "ke_hoach") == "KH"
    assert every.series_for(None, "cong_van") == "cong_van"


@pytest.mark.parametrize(
    ("section", "field"),
    [
        ({"so_rieng": 5}, "so_dang_ky.so_rieng"),
        ({"so_rieng": [""]}, "so_dang_ky.so_rieng"),
        ({"so_rieng_sai": []}, "so_dang_ky.so_rieng_sai"),
        ({"database_url": "không phải url"}, "không hợp lệ"),
        ("chuỗi", "so_dang_ky"),
    ],
)
def test_bad_settings_name_the_field(tmp_path: Path, section: object, field: str) -> None:
    with pytest.raises(RegisterError) as err:
        settings_from(tmp_path, {"so_dang_ky": section})
    assert field in err.value.message
