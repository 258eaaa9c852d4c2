"""Register settings: where the database is and which document types have their own series.

Read from (first wins):
  1. environment variable `GENDOC_DATABASE_URL` — any SQLAlchemy URL, e.g.
     `postgresql+psycopg://user:pass@host:5432/db` for a register shared by several clerks;
  2. `gendoc.yaml`, section `so_dang_ky`:
       so_dang_ky:
         database_url: postgresql+psycopg://…   # optional; default SQLite in the workspace
         so_rieng: [QĐ]                          # types numbered in their own series
  3. default: SQLite at `<workspace>/.gendoc/register.sqlite3`, created on first use.

`so_rieng` lists type abbreviations (`QĐ`, `KH`, …) or kind names (`quyet_dinh`, `cong_van`);
the string `tat_ca` gives every type its own series. Anything else shares the issuer's single
series, ND30 Điều 15's default. A relative SQLite path in a URL is taken from the workspace root.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from gendoc.register.engine import env_database_url, sqlite_url
from gendoc.register.errors import RegisterError

SECTION = "so_dang_ky"
KEY_URL = "database_url"
KEY_SERIES = "so_rieng"
ALL_SERIES = "tat_ca"
DEFAULT_DB = Path(".gendoc") / "register.sqlite3"
#: Series name of the issuer's single shared series (stored in the database; shown as "chung").
SHARED_SERIES = ""


@dataclass(frozen=True)
class RegisterSettings:
    database_url: str
    separate: frozenset[str] = frozenset()
    all_separate: bool = False
    source: str = "mặc định"

    def series_for(self, type_abbr: str | None, kind: str) -> str:
        """The series a document is numbered in: its own one if configured, else the shared one."""
        key = type_abbr or kind
        if self.all_separate:
            return key
        for candidate in (type_abbr, kind):
            if candidate and candidate.casefold() in self.separate:
                return candidate
        return SHARED_SERIES


def workspace_settings(ws: Any) -> RegisterSettings:
    """The `so_dang_ky` section as gendoc.yaml gives it, checked when the workspace loads
    (GENDOC_DATABASE_URL is checked when the register is opened: a command that does not use
    the register must not fail on it)."""
    return settings_from(ws.root, ws.raw_config, use_env=False)


def settings_from(root: Path, raw_config: Mapping[str, Any] | None, *,
                  use_env: bool = True) -> RegisterSettings:
    """Build the settings from the workspace root and the raw `gendoc.yaml` mapping."""
    config_file = root / "gendoc.yaml"
    section = (raw_config or {}).get(SECTION) or {}
    if not isinstance(section, Mapping):
        raise RegisterError(f"{config_file}: trường '{SECTION}' phải là một bảng khóa: giá trị "
                            f"(ví dụ '{SECTION}: {{{KEY_SERIES}: [QĐ]}}').")
    unknown = sorted(set(section) - {KEY_URL, KEY_SERIES})
    if unknown:
        raise RegisterError(f"{config_file}: trường '{SECTION}.{unknown[0]}' không được hỗ trợ — "
                            f"chỉ dùng '{KEY_URL}' và '{KEY_SERIES}'.")

    separate: set[str] = set()
    all_separate = False
    series = section.get(KEY_SERIES)
    if series is None:
        pass
    elif isinstance(series, str) and series.strip() == ALL_SERIES:
        all_separate = True
    elif isinstance(series, list) and all(isinstance(s, str) and s.strip() for s in series):
        separate = {s.strip().casefold() for s in series}
    else:
        raise RegisterError(
            f"{config_file}: trường '{SECTION}.{KEY_SERIES}' phải là danh sách chữ viết tắt loại "
            f"văn bản (ví dụ [QĐ, KH]) hoặc '{ALL_SERIES}'."
        )

    url = env_database_url() if use_env else None
    source = "biến môi trường GENDOC_DATABASE_URL"
    if url is None and section.get(KEY_URL):
        url = str(section[KEY_URL]).strip()
        source = f"{config_file} ({SECTION}.{KEY_URL})"
    if url is None:
        return RegisterSettings(sqlite_url(root / DEFAULT_DB), frozenset(separate), all_separate)
    return RegisterSettings(_resolve(url, root, source), frozenset(separate), all_separate, source)


def _resolve(url: str, root: Path, source: str) -> str:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise RegisterError(
            f"{source}: địa chỉ cơ sở dữ liệu '{url}' không hợp lệ — ví dụ đúng: "
            "'postgresql+psycopg://nguoidung:matkhau@may-chu:5432/so_dang_ky' hoặc "
            "'sqlite:///.gendoc/register.sqlite3'."
        ) from exc
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        path = Path(parsed.database)
        if not path.is_absolute():
            return parsed.set(database=str(root / path)).render_as_string(hide_password=False)
    return url
