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


# -- a bad database URL is a clear error naming where it came from ---------------------------
BAD_URLS = [
    ("postgres://vanthu:bimat@may-chu/so", "PostgreSQL hoặc SQLite"),  # SQLAlchemy needs postgresql
    ("mysql://vanthu:bimat@may-chu/so", "PostgreSQL hoặc SQLite"),
    ("postgresql+psycopg2://vanthu:bimat@may-chu/so", "không có trình kết nối"),
    ("postgresql+psycopg://vanthu:bimat@may-chu:cong/so", "không hợp lệ"),
    ("sqlite://", "không có đường dẫn tệp"),
    ("", "để trống"),
]


def _register_list(root: Path):
    from click.testing import CliRunner

    from gendoc.cli import main

    return CliRunner().invoke(main, ["-w", str(root), "register", "list"])


def _workspace_with(tmp_path: Path, url: str) -> tuple[Path, int]:
    from register_fakes import make_workspace

    # Written valid, then made bad: the workspace loader itself refuses a bad gendoc.yaml.
    good = "sqlite:///.gendoc/so.sqlite3"
    extra = f"so_dang_ky:\n  so_rieng: [QĐ]\n  database_url: '{good}'\n"
    ws = make_workspace(tmp_path / "ws", extra)
    config = ws.root / "gendoc.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(good, url), encoding="utf-8")
    lines = config.read_text(encoding="utf-8").splitlines()
    return ws.root, lines.index(f"  database_url: '{url}'") + 1


@pytest.mark.parametrize(("url", "why"), BAD_URLS)
def test_bad_url_in_gendoc_yaml_names_file_line_and_field(tmp_path: Path, url: str,
                                                          why: str) -> None:
    root, line = _workspace_with(tmp_path, url)
    result = _register_list(root)
    assert result.exit_code == 1
    assert f"gendoc.yaml, dòng {line}: trường 'so_dang_ky.database_url'" in result.output
    assert why in result.output
    assert "bimat" not in result.output  # the password is never printed
    assert "Traceback" not in result.output and "lỗi ngoài dự kiến" not in result.output


@pytest.mark.parametrize(("url", "why"), BAD_URLS[:-1])
def test_bad_url_in_the_environment_names_the_variable(tmp_path: Path, url: str, why: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    root, _line = _workspace_with(tmp_path, "sqlite:///.gendoc/so.sqlite3")
    monkeypatch.setenv("GENDOC_DATABASE_URL", url)
    result = _register_list(root)
    assert result.exit_code == 1
    assert "biến môi trường GENDOC_DATABASE_URL" in result.output
    assert "gendoc.yaml" not in result.output  # the file's (valid) URL is not the culprit
    assert why in result.output and "bimat" not in result.output
    assert "Traceback" not in result.output and "lỗi ngoài dự kiến" not in result.output


def test_unreachable_server_names_where_the_url_came_from(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    root, _line = _workspace_with(tmp_path, "sqlite:///.gendoc/so.sqlite3")
    monkeypatch.setenv("GENDOC_DATABASE_URL",
                       "postgresql+psycopg://vanthu:bimat@127.0.0.1:1/so?connect_timeout=2")
    result = _register_list(root)
    assert result.exit_code == 1
    assert "địa chỉ lấy từ biến môi trường GENDOC_DATABASE_URL" in result.output
    assert "máy chủ cơ sở dữ liệu không trả lời" in result.output
    assert "bimat" not in result.output and "Traceback" not in result.output

    monkeypatch.delenv("GENDOC_DATABASE_URL")
    root2, line = _workspace_with(tmp_path / "2", "postgresql+psycopg://vanthu:bimat@127.0.0.1:1/so")
    result = _register_list(root2)
    assert result.exit_code == 1
    assert f"địa chỉ lấy từ {root2 / 'gendoc.yaml'}, dòng {line}" in result.output
