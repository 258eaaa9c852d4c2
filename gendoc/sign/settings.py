"""The `ky_so` section of gendoc.yaml: what signing and verification need from the workspace.

    ky_so:
      duong_kinh_dau_mm: 36            # seal diameter: the seal image is drawn at this real size
      chung_thu_goc:                   # root certificates (PEM/DER) trusted when checking PDFs
        - chung-thu/root-ca.pem
      may_chu_dau_thoi_gian: http://tsa.example.vn   # optional RFC 3161 timestamp server
      ten_co_quan_sao: Văn phòng UBND tỉnh Kiên Giang # copying organisation (gendoc copy)

Paths are relative to the workspace root. Every problem is reported together, naming the field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gendoc.exceptions import ConfigError, ContentError, FieldProblem
from gendoc.workspace import load_workspace

SECTION = "ky_so"
# Seals of state bodies are round, 30–50 mm across (Nghị định 99/2016/NĐ-CP, Thông tư 08/2017).
SEAL_RANGE_MM = (20.0, 60.0)


@dataclass(frozen=True)
class SignSettings:
    seal_diameter_mm: float | None = None
    trust_roots: tuple[Path, ...] = ()
    timestamp_url: str | None = None
    copying_body: str | None = None


def settings_from(root: Path | None, raw_config: Mapping[str, Any] | None,
                  locate: Callable[..., int | None] | None = None) -> SignSettings:
    """Read and check the section; absent section → defaults (nothing trusted, no seal size).

    `locate(*keys)` gives a key's line in gendoc.yaml (`Workspace.config_line`) for messages."""
    section = (raw_config or {}).get(SECTION) or {}
    where = (root / "gendoc.yaml") if root else "gendoc.yaml"
    if not isinstance(section, Mapping):
        raise ContentError(where, [FieldProblem(SECTION, "phải là các dòng 'tên: giá trị'.")])
    problems: list[FieldProblem] = []
    known = {"duong_kinh_dau_mm", "chung_thu_goc", "may_chu_dau_thoi_gian", "ten_co_quan_sao"}
    for key in section:
        if key not in known:
            problems.append(FieldProblem(f"{SECTION}.{key}", "trường không có trong mục ky_so",
                                         hint="các trường: " + ", ".join(sorted(known))))
    diameter = section.get("duong_kinh_dau_mm")
    if diameter is not None:
        low, high = SEAL_RANGE_MM
        if isinstance(diameter, bool) or not isinstance(diameter, int | float) or not low <= diameter <= high:
            problems.append(FieldProblem(f"{SECTION}.duong_kinh_dau_mm",
                                         f"'{diameter}' không phải đường kính dấu hợp lệ",
                                         hint=f"ghi số mm từ {low:g} đến {high:g}, ví dụ 36"))
            diameter = None
    roots_raw = section.get("chung_thu_goc") or []
    if isinstance(roots_raw, str):
        roots_raw = [roots_raw]
    roots: list[Path] = []
    for item in roots_raw:
        path = Path(str(item))
        path = path if path.is_absolute() or root is None else root / path
        if not path.is_file():
            problems.append(FieldProblem(f"{SECTION}.chung_thu_goc",
                                         f"không tìm thấy tệp chứng thư gốc '{item}'",
                                         hint="đường dẫn tính từ thư mục làm việc"))
        roots.append(path)
    url = section.get("may_chu_dau_thoi_gian")
    if url is not None and not str(url).startswith(("http://", "https://")):
        problems.append(FieldProblem(f"{SECTION}.may_chu_dau_thoi_gian",
                                     f"'{url}' không phải địa chỉ http(s)",
                                     hint="ví dụ http://tsa.ca.gov.vn"))
    if problems:
        if locate is not None:
            problems = [replace(p, where=locate(*p.field.split("."))) for p in problems]
        raise ContentError(where, problems)
    body = section.get("ten_co_quan_sao")
    return SignSettings(seal_diameter_mm=float(diameter) if diameter is not None else None,
                        trust_roots=tuple(roots), timestamp_url=str(url) if url else None,
                        copying_body=str(body).strip() if body else None)


def workspace_settings(workspace: str | Path | None) -> SignSettings:
    """Settings of the workspace at/above `workspace` (or the current folder); none → defaults."""
    try:
        ws = load_workspace(workspace)
    except ConfigError:
        if workspace is not None:
            raise
        return SignSettings()
    return settings_from(ws.root, ws.raw_config, ws.config_line)


def section_settings(ws: Any) -> SignSettings:
    """The `ky_so` section of a loaded workspace (run by `load_workspace` with every section)."""
    return settings_from(ws.root, ws.raw_config, ws.config_line)
