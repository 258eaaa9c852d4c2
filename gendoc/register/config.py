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

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gendoc.exceptions import FieldProblem
from gendoc.register.database import display_url, env_database_url, sqlite_url
from gendoc.register.errors import RegisterError

if TYPE_CHECKING:  # SQLAlchemy parses a typed URL, imported then (0.25 s: see database.py)
    from sqlalchemy.engine import URL

SECTION = "so_dang_ky"
KEY_URL = "database_url"
KEY_SERIES = "so_rieng"
ALL_SERIES = "tat_ca"
ENV_URL = "GENDOC_DATABASE_URL"
DEFAULT_DB = Path(".gendoc") / "register.sqlite3"
DEFAULT_SOURCE = "mặc định"
#: Series name of the issuer's single shared series (stored in the database; shown as "chung").
SHARED_SERIES = ""
#: Databases the allocation statements are written for (INSERT … ON CONFLICT … RETURNING).
SUPPORTED_BACKENDS = ("sqlite", "postgresql")
URL_EXAMPLES = ("ví dụ đúng: 'postgresql+psycopg://nguoidung:matkhau@may-chu:5432/so_dang_ky' "
                "hoặc 'sqlite:///.gendoc/register.sqlite3'")


@dataclass(frozen=True)
class RegisterSettings:
    database_url: str
    separate: frozenset[str] = frozenset()
    all_separate: bool = False
    #: Where the URL came from, for messages: "gendoc.yaml, dòng 12", the variable, or default.
    source: str = DEFAULT_SOURCE

    @property
    def private(self) -> bool:
        """The register is the workspace's own SQLite file, used by no other workspace."""
        return self.source == DEFAULT_SOURCE

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
    return settings_from(ws.root, ws.raw_config, use_env=False, locate=ws.config_line)


def settings_from(root: Path, raw_config: Mapping[str, Any] | None, *, use_env: bool = True,
                  locate: Callable[..., int | None] | None = None) -> RegisterSettings:
    """Build the settings from the workspace root and the raw `gendoc.yaml` mapping;
    `locate(*keys)` gives a key's line in gendoc.yaml (`Workspace.config_line`)."""
    config_file = root / "gendoc.yaml"
    section = (raw_config or {}).get(SECTION) or {}

    def line(*keys: str) -> int | None:
        return locate(SECTION, *keys) if locate is not None else None

    def error(key: str | None, message: str, hint: str | None = None) -> RegisterError:
        where = line(key) if key else line()
        field_name = f"{SECTION}.{key}" if key else SECTION
        return RegisterError(FieldProblem(field_name, message, where, hint).render(config_file))

    if not isinstance(section, Mapping):
        raise error(None, "phải là một bảng khóa: giá trị",
                    f"ví dụ '{SECTION}: {{{KEY_SERIES}: [QĐ]}}'")
    unknown = sorted(set(section) - {KEY_URL, KEY_SERIES})
    if unknown:
        raise error(str(unknown[0]), "khóa này không được hỗ trợ",
                    f"chỉ dùng '{KEY_URL}' và '{KEY_SERIES}'")

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
        raise error(KEY_SERIES, "phải là danh sách chữ viết tắt loại văn bản (ví dụ [QĐ, KH]) "
                                f"hoặc '{ALL_SERIES}'")

    url = env_database_url() if use_env else None
    if url is not None:
        source = f"biến môi trường {ENV_URL}"
        resolved = _resolve(url, root, lambda msg: RegisterError(f"{source}: {msg} — sửa hoặc "
                                                                 f"xóa biến {ENV_URL} rồi chạy lại."))
        return RegisterSettings(resolved, frozenset(separate), all_separate, source)
    if section.get(KEY_URL) is None:
        return RegisterSettings(sqlite_url(root / DEFAULT_DB), frozenset(separate), all_separate)
    url_line = line(KEY_URL)
    source = f"{config_file}" + (f", dòng {url_line}" if url_line else "")
    raw_url = section[KEY_URL]
    if not isinstance(raw_url, str):
        raise error(KEY_URL, f"phải là một địa chỉ dạng chuỗi, không phải '{raw_url}'",
                    URL_EXAMPLES)
    resolved = _resolve(raw_url.strip(), root, lambda msg: error(KEY_URL, msg, URL_EXAMPLES))
    return RegisterSettings(resolved, frozenset(separate), all_separate, source)


def _resolve(url: str, root: Path, error: Any) -> str:
    """Check `url` names a database gendoc can use, without connecting; make SQLite absolute."""
    from sqlalchemy.exc import NoSuchModuleError  # heavy: only for a URL the clerk typed

    parsed = _parse(url, error)
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise error(f"sổ đăng ký chỉ dùng được PostgreSQL hoặc SQLite, không dùng được "
                    f"'{backend}' (địa chỉ '{_shown(url)}')")
    try:
        parsed.get_dialect().import_dbapi()
    except (NoSuchModuleError, ImportError):
        raise error(f"không có trình kết nối '{parsed.drivername}' (địa chỉ '{_shown(url)}'); "
                    "với PostgreSQL hãy viết 'postgresql+psycopg://…'") from None
    if backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise error(f"địa chỉ '{_shown(url)}' không có đường dẫn tệp SQLite — sổ trong bộ "
                        "nhớ sẽ mất hết số khi lệnh kết thúc")
        path = Path(parsed.database)
        if not path.is_absolute():
            return parsed.set(database=str(root / path)).render_as_string(hide_password=False)
    return url


def _parse(url: str, error: Any) -> URL:
    # heavy (SQLAlchemy): only for a URL the clerk typed
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if not url:
        raise error("địa chỉ cơ sở dữ liệu đang để trống")
    try:
        parsed = make_url(url)
        _ = parsed.port  # a non-numeric port fails here or above
    except (ArgumentError, ValueError):
        raise error(f"địa chỉ cơ sở dữ liệu '{_shown(url)}' không hợp lệ") from None
    return parsed


def _shown(url: str) -> str:
    """The URL as typed but with any password hidden (`user:***@host`), even unparseable."""
    from sqlalchemy.exc import ArgumentError  # heavy: only for a URL the clerk typed

    try:
        return display_url(url)
    except (ArgumentError, ValueError):
        scheme, sep, rest = url.partition("://")
        if sep and "@" in rest:
            creds, _, host = rest.rpartition("@")
            user = creds.split(":", 1)[0]
            return f"{scheme}://{user}:***@{host}"
        return url
