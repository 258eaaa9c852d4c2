"""The workspace: `gendoc.yaml` (issuing bodies and format settings), content/, templates/, output/.

A workspace is found like git finds a repository: the given folder, or the current folder and its
parents, up to the first one holding `gendoc.yaml`.
"""

from __future__ import annotations

import difflib
import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, Field, field_validator

from gendoc import nd30
from gendoc.exceptions import ConfigError, ContentError, FieldProblem, GendocError
from gendoc.units import CONFIG_NAME, CoQuan, StrictModel, date_span
from gendoc.validation import validate
from gendoc.yamlio import Locate, read_yaml

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


# `gendoc init --mau`: the built-in sample workspaces. The Kiên Giang 2016-2020 example (three
# tiers, the seed plan) is the default; the others live in samples/<name>/ (in the wheel:
# gendoc/_builtin/samples/<name>/).
DEFAULT_SAMPLE = "kien-giang-2016"
SAMPLES = {
    "kien-giang-2016": "Kiên Giang 2016-2020: tỉnh, sở, cấp huyện (ví dụ gốc, mặc định)",
    "an-giang-2025": "An Giang từ 01/7/2025: chính quyền hai cấp — sở; xã, phường, đặc khu",
}


def sample_dir(name: str = DEFAULT_SAMPLE) -> Path:
    """The folder of a built-in sample workspace (see SAMPLES)."""
    if name == DEFAULT_SAMPLE:
        return example_dir()
    shipped = PACKAGE_DIR / "_builtin" / "samples" / name
    if (shipped / CONFIG_NAME).is_file():
        return shipped
    return PACKAGE_DIR.parent / "samples" / name


def _in_range(value: float, rng: nd30.Range, what: str) -> float:
    if value not in rng:
        raise ValueError(f"{what} phải trong khoảng {rng} theo Nghị định 30/2020/NĐ-CP, "
                         f"nhận được {value:g}")
    return value


class DinhDang(StrictModel):
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


class WorkspaceConfig(StrictModel):
    ten: str | None = Field(None, description="tên không gian làm việc")
    tinh: str | None = Field(None, description="tên tỉnh")
    giai_doan: str | None = Field(None, description="giai đoạn của kế hoạch tỉnh, ví dụ 2026-2030")
    cong_thong_tin: str | None = Field(None, description="tên miền cổng thông tin điện tử của "
                                                         "tỉnh, ví dụ angiang.gov.vn")
    luat_to_chuc: str | None = Field(None, description="căn cứ luật tổ chức chính quyền địa "
                                                       "phương (bỏ trống: gendoc chọn theo cơ cấu)")
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
    raw_config: dict[str, Any] = field(default_factory=dict)  # plain values: never modify
    config_locate: Locate | None = None

    def config_line(self, *loc: str | int) -> int | None:
        """The line of a key of gendoc.yaml (`ws.config_line("so_dang_ky", "url")`), for messages."""
        return self.config_locate(loc) if self.config_locate is not None else None

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

    def unit_on(self, code: str, day: Any) -> CoQuan:
        """The unit as named on a document's date (`ngay`: a date, partial date or None)."""
        return unit_at(self, code, day)

    def units_of(self, *tiers: str) -> list[CoQuan]:
        return [u for u in self.config.co_quan if u.cap in tiers]


def unit_at(ws: Workspace, code: str, day: Any) -> CoQuan:
    """The unit `code` as it was named on `day` (date, partial date, text or None).

    A partial date ("2018-12") takes the name in force on its first day. Whether the unit existed
    then is `validity_problem`'s question; this only picks the name.
    """
    unit = ws.unit(code)
    span = date_span(day)
    return unit.name_on(span[0] if span else None)


def find_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise ConfigError(
        f"không tìm thấy {CONFIG_NAME} trong '{here}' hay các thư mục cha — "
        "chạy lệnh trong thư mục làm việc, dùng -w THƯ_MỤC, hoặc tạo mới bằng 'gendoc init THƯ_MỤC'."
    )


# The feature sections of gendoc.yaml and the functions that validate them, as
# "module:function" taking the Workspace. They are imported on use because the features sit
# above the workspace; `load_workspace` runs every one, so a wrong value in any section fails
# every command at load, with the others, instead of only the command that reads it.
SECTION_CHECKS = (
    "gendoc.reports.config:report_settings",  # bao_cao, muc_tieu
    "gendoc.media.config:media_config",  # truyen_thong
    "gendoc.training.model:tap_huan_config",  # tap_huan
    "gendoc.register.config:workspace_settings",  # so_dang_ky
    "gendoc.sign.settings:section_settings",  # ky_so
)

M = TypeVar("M", bound=BaseModel)


def section(ws: Workspace, name: str, model: type[M]) -> M:
    """Validate one feature section; problems name gendoc.yaml, the line and the dotted key."""
    raw = ws.raw_config.get(name)
    try:
        return validate(model, raw if raw is not None else {}, ws.config_path,
                        where=lambda loc: ws.config_line(name, *loc))
    except ContentError as exc:
        problems = [FieldProblem(f"{name}.{p.field}" if p.field else name, p.message,
                                 where=p.where, hint=p.hint) for p in exc.problems]
        raise ConfigError(ContentError(ws.config_path, problems).message) from None


def check_sections(ws: Workspace) -> None:
    """Run every feature section's validation; report all problems of gendoc.yaml together."""
    messages = []
    for spec in SECTION_CHECKS:
        module, func = spec.split(":")
        try:
            getattr(importlib.import_module(module), func)(ws)
        except GendocError as exc:
            messages.append(exc.format_message())
    if len(messages) == 1:
        raise ConfigError(messages[0])
    if messages:
        raise ConfigError(f"{ws.config_path}: {len(messages)} mục có lỗi\n"
                          + "\n".join(f"  - {m}" for m in messages))


def load_workspace(path: Path | str | None = None) -> Workspace:
    """Find and validate the workspace; every config problem is reported at once."""
    root = Path(path).resolve() if path else find_root()
    cfg_path = root / CONFIG_NAME
    if not cfg_path.is_file():
        raise ConfigError(f"thư mục '{root}' không có tệp {CONFIG_NAME} — "
                          "tạo thư mục làm việc bằng 'gendoc init THƯ_MỤC'.")
    raw, locate = read_yaml(cfg_path)
    if raw is None:
        raw = {}
    try:
        config = validate(WorkspaceConfig, raw, cfg_path, where=locate)
    except ContentError as exc:
        raise ConfigError(exc.message) from exc
    codes = [u.ma for u in config.co_quan]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        again = next(i for i, c in enumerate(codes) if c in dupes and codes.index(c) != i)
        line = locate(("co_quan", again, "ma"))
        raise ConfigError(f"{cfg_path}{f', dòng {line}' if line else ''}: mã cơ quan bị trùng: "
                          f"{', '.join(dupes)} — mỗi mã chỉ dùng một lần.")
    ids = [u.ma_dinh_danh for u in config.co_quan if u.ma_dinh_danh]
    twice = sorted({c for c in ids if ids.count(c) > 1})
    if twice:
        raise ConfigError(f"{cfg_path}: mã định danh bị trùng: {', '.join(twice)} — mỗi cơ quan "
                          "một mã định danh riêng (Quyết định 20/2020/QĐ-TTg).")
    ws = Workspace(root=root, config=config, raw_config=dict(raw), config_locate=locate)
    check_sections(ws)
    return ws
