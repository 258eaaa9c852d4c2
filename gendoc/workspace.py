"""The workspace: `gendoc.yaml` (issuing bodies and format settings), content/, templates/, output/.

A workspace is found like git finds a repository: the given folder, or the current folder and its
parents, up to the first one holding `gendoc.yaml`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from gendoc import nd30
from gendoc.exceptions import ConfigError, ContentError, FieldProblem
from gendoc.validation import validate
from gendoc.yamlio import load_yaml

CONFIG_NAME = "gendoc.yaml"
PACKAGE_DIR = Path(__file__).resolve().parent


def builtin_dir() -> Path:
    """Built-in templates and the example workspace: inside the wheel, or the source checkout."""
    shipped = PACKAGE_DIR / "_builtin"
    if (shipped / "templates").is_dir():
        return shipped
    return PACKAGE_DIR.parent  # source checkout / editable install: the repository root


def builtin_templates_dir() -> Path:
    return builtin_dir() / "templates"


def example_dir() -> Path:
    """The Kiên Giang example workspace that `gendoc init` copies."""
    shipped = PACKAGE_DIR / "_builtin" / "example"
    return shipped if (shipped / CONFIG_NAME).is_file() else PACKAGE_DIR.parent


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _in_range(value: float, rng: nd30.Range, what: str) -> float:
    if value not in rng:
        raise ValueError(f"{what} phải trong khoảng {rng} theo Nghị định 30/2020/NĐ-CP, "
                         f"nhận được {value:g}")
    return value


class DinhDang(_Strict):
    """Format settings a workspace may choose within ND30's ranges."""

    co_chu: int = Field(nd30.DEFAULT_BODY_SIZE_PT, description="cỡ chữ nội dung (13 hoặc 14)")
    le_tren: float = nd30.DEFAULT_MARGINS_MM["top"]
    le_duoi: float = nd30.DEFAULT_MARGINS_MM["bottom"]
    le_trai: float = nd30.DEFAULT_MARGINS_MM["left"]
    le_phai: float = nd30.DEFAULT_MARGINS_MM["right"]
    gian_dong: float = nd30.DEFAULT_LINE_SPACING
    thut_dau_dong: float = nd30.DEFAULT_FIRST_LINE_INDENT_CM

    @field_validator("co_chu")
    @classmethod
    def _size(cls, v: int) -> int:
        return int(_in_range(v, nd30.BODY_SIZE_PT, "cỡ chữ nội dung"))

    @field_validator("le_tren", "le_duoi", "le_trai", "le_phai")
    @classmethod
    def _margin(cls, v: float, info: Any) -> float:
        rng = {"le_tren": nd30.MARGIN_TOP_MM, "le_duoi": nd30.MARGIN_BOTTOM_MM,
               "le_trai": nd30.MARGIN_LEFT_MM, "le_phai": nd30.MARGIN_RIGHT_MM}[info.field_name]
        return _in_range(v, rng, "lề (mm)")

    @field_validator("gian_dong")
    @classmethod
    def _spacing(cls, v: float) -> float:
        return _in_range(v, nd30.LINE_SPACING, "giãn dòng")

    @field_validator("thut_dau_dong")
    @classmethod
    def _indent(cls, v: float) -> float:
        if not any(abs(v - ok) < 1e-6 for ok in nd30.FIRST_LINE_INDENT_CM):
            raise ValueError("thụt đầu dòng phải là 1 hoặc 1.27 (cm)")
        return v


class CoQuan(_Strict):
    """One issuing body in the registry."""

    ma: str = Field(description="mã (chữ thường không dấu, nối bằng '-'), ví dụ so-noi-vu")
    ten: str = Field(min_length=1, description="tên in ở đầu văn bản, chữ in hoa")
    ten_day_du: str | None = Field(None, description="tên viết thường, dùng trong câu văn")
    co_quan_chu_quan: str | None = Field(None, description="cơ quan chủ quản in phía trên")
    ky_hieu: str = Field(min_length=1, description="chữ viết tắt trong số, ký hiệu (UBND, SNV…)")
    dia_danh: str = Field(min_length=1, description="địa danh ghi ở dòng ngày tháng")
    cap: Literal["tinh", "so_ban_nganh", "cap_huyen", "cap_xa", "khac"] = "khac"
    chuc_vu_thu_truong: str | None = Field(None, description="chức vụ người đứng đầu (GIÁM ĐỐC…)")
    tap_the: str | None = Field(None, description="tên tập thể khi ký TM. (ỦY BAN NHÂN DÂN)")
    don_vi_truc_thuoc: list[str] = Field(default_factory=list,
                                         description="các phòng, đơn vị trực thuộc")

    @field_validator("ma")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", v):
            raise ValueError(f"mã '{v}' chỉ được gồm chữ thường không dấu, số và dấu '-'")
        return v

    @property
    def header_lines(self) -> list[str]:
        """The issuing body's name as printed, split on explicit line breaks."""
        return [line.strip() for line in self.ten.split("\n") if line.strip()]


class WorkspaceConfig(_Strict):
    ten: str | None = Field(None, description="tên không gian làm việc")
    tinh: str | None = Field(None, description="tên tỉnh")
    dinh_dang: DinhDang = Field(default_factory=DinhDang)
    co_quan: list[CoQuan] = Field(default_factory=list)
    # Feature areas keep their settings in their own sections.
    so_dang_ky: dict[str, Any] | None = None
    muc_tieu: dict[str, Any] | None = None
    bao_cao: dict[str, Any] | None = None
    truyen_thong: dict[str, Any] | None = None
    tap_huan: dict[str, Any] | None = None
    ky_so: dict[str, Any] | None = None  # gendoc/sign/settings.py


@dataclass
class Workspace:
    root: Path
    config: WorkspaceConfig
    raw_config: dict[str, Any] = field(default_factory=dict)

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def output_dir(self) -> Path:
        return self.root / "output"

    def unit(self, code: str) -> CoQuan:
        """Look up an issuing body by code; an unknown code lists the closest ones."""
        for unit in self.config.co_quan:
            if unit.ma == code:
                return unit
        codes = [u.ma for u in self.config.co_quan]
        close = difflib.get_close_matches(code, codes, n=3, cutoff=0.5)
        hint = (f"có phải ý là: {', '.join(close)}?" if close
                else "xem danh sách bằng lệnh 'gendoc units'")
        raise ContentError(None, [FieldProblem(
            "co_quan", f"không có cơ quan mã '{code}' trong {CONFIG_NAME}", hint=hint)])


def find_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise ConfigError(
        f"không tìm thấy {CONFIG_NAME} trong '{here}' hay các thư mục cha — "
        "chạy lệnh trong thư mục làm việc, dùng -w THƯ_MỤC, hoặc tạo mới bằng 'gendoc init THƯ_MỤC'."
    )


def load_workspace(path: Path | str | None = None) -> Workspace:
    """Find and validate the workspace; every config problem is reported at once."""
    root = Path(path).resolve() if path else find_root()
    cfg_path = root / CONFIG_NAME
    if not cfg_path.is_file():
        raise ConfigError(f"thư mục '{root}' không có tệp {CONFIG_NAME} — "
                          "tạo thư mục làm việc bằng 'gendoc init THƯ_MỤC'.")
    raw = load_yaml(cfg_path)
    if raw is None:
        raw = {}
    try:
        config = validate(WorkspaceConfig, raw, cfg_path)
    except ContentError as exc:
        raise ConfigError(exc.message) from exc
    codes = [u.ma for u in config.co_quan]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        raise ConfigError(f"{cfg_path}: mã cơ quan bị trùng: {', '.join(dupes)} — mỗi mã chỉ dùng một lần.")
    return Workspace(root=root, config=config, raw_config=dict(raw))
