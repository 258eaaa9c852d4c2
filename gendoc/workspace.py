"""The workspace: `gendoc.yaml` (issuing bodies and format settings), content/, templates/, output/.

A workspace is found like git finds a repository: the given folder, or the current folder and its
parents, up to the first one holding `gendoc.yaml`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from gendoc import levels, nd30
from gendoc.exceptions import ConfigError, ContentError, FieldProblem, GendocError
from gendoc.validation import validate
from gendoc.vi.dates import parse_date
from gendoc.yamlio import Locate, read_yaml

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


# Quyết định 20/2020/QĐ-TTg: mã định danh điện tử V1V2V3.Z1Z2.Y1Y2.MX1X2 (ví dụ 000.00.00.H01).
MA_DINH_DANH = re.compile(r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}")


def _a_date(value: Any) -> Any:
    """gendoc.yaml dates: 2018-11-01 (YAML date) or 01/11/2018, always a full day."""
    if value is None or isinstance(value, dt.date):
        return value
    found = parse_date(value)
    if found is None or not found.is_complete:
        raise ValueError(f"ngày '{value}' phải ghi đủ ngày, tháng, năm, ví dụ 2018-11-01 hoặc 01/11/2018")
    return found.to_date()


class TenCu(_Strict):
    """A former name of a unit, used for documents dated up to `den_ngay` (inclusive)."""

    den_ngay: dt.date = Field(description="ngày cuối cùng dùng tên này, ví dụ 2018-10-31")
    ten: str | None = Field(None, description="tên cũ in ở đầu văn bản")
    ten_day_du: str | None = Field(None, description="tên cũ viết thường, dùng trong câu văn")
    dia_danh: str | None = Field(None, description="địa danh cũ ở dòng ngày tháng")
    co_quan_chu_quan: str | None = None
    loai_dvhc: Literal[tuple(levels.FORMS)] | None = None  # type: ignore[valid-type]

    @field_validator("den_ngay", mode="before")
    @classmethod
    def _day(cls, v: Any) -> Any:
        return _a_date(v)


class CoQuan(_Strict):
    """One issuing body in the registry."""

    ma: str = Field(description="mã (chữ thường không dấu, nối bằng '-'), ví dụ so-noi-vu")
    ten: str = Field(min_length=1, description="tên in ở đầu văn bản, chữ in hoa")
    ten_day_du: str | None = Field(None, description="tên viết thường, dùng trong câu văn")
    co_quan_chu_quan: str | None = Field(None, description="cơ quan chủ quản in phía trên")
    ky_hieu: str = Field(min_length=1, description="chữ viết tắt trong số, ký hiệu (UBND, SNV…)")
    dia_danh: str = Field(min_length=1, description="địa danh ghi ở dòng ngày tháng")
    cap: Literal["tinh", "so_ban_nganh", "cap_huyen", "cap_xa", "khac"] = "khac"
    loai_dvhc: Literal[tuple(levels.FORMS)] | None = Field(  # type: ignore[valid-type]
        None, description="loại đơn vị hành chính của cấp huyện, cấp xã: xa, phuong, dac_khu, "
                          "thi_tran, huyen, quan, thi_xa, thanh_pho (bỏ trống: đọc từ tên)")
    chuc_vu_thu_truong: str | None = Field(None, description="chức vụ người đứng đầu (GIÁM ĐỐC…)")
    tap_the: str | None = Field(None, description="tên tập thể khi ký TM. (ỦY BAN NHÂN DÂN)")
    don_vi_truc_thuoc: list[str] = Field(default_factory=list,
                                         description="các phòng, đơn vị trực thuộc")
    ma_dinh_danh: str | None = Field(None, description="mã định danh điện tử theo Quyết định "
                                                       "20/2020/QĐ-TTg, ví dụ 000.00.00.H01")
    hieu_luc_tu: dt.date | None = Field(None, description="ngày đơn vị bắt đầu hoạt động")
    hieu_luc_den: dt.date | None = Field(None, description="ngày cuối cùng đơn vị hoạt động")
    ten_cu: list[TenCu] = Field(default_factory=list, description="các tên cũ, theo thời gian")

    @field_validator("ma")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", v):
            raise ValueError(f"mã '{v}' chỉ được gồm chữ thường không dấu, số và dấu '-'")
        return v

    @field_validator("ma_dinh_danh")
    @classmethod
    def _agency_code(cls, v: str | None) -> str | None:
        if v is None:
            return v
        v = v.upper()
        if not MA_DINH_DANH.fullmatch(v):
            raise ValueError(f"mã định danh '{v}' phải có dạng V1V2V3.Z1Z2.Y1Y2.MX1X2 theo Quyết "
                             "định 20/2020/QĐ-TTg, ví dụ 000.00.00.H01 (3 số, 2 số, 2 số, một chữ "
                             "in hoa và 2 số, cách nhau bằng dấu chấm)")
        return v

    @field_validator("hieu_luc_tu", "hieu_luc_den", mode="before")
    @classmethod
    def _dates(cls, v: Any) -> Any:
        return _a_date(v)

    @model_validator(mode="after")
    def _consistent(self) -> CoQuan:
        if self.loai_dvhc and levels.FORMS[self.loai_dvhc].tier != self.cap:
            form = levels.FORMS[self.loai_dvhc]
            raise ValueError(f"loai_dvhc '{self.loai_dvhc}' ({form.word}) thuộc {form.tier}, "
                             f"không hợp với cap: {self.cap}")
        named = levels.form_in_name(self.full_name)
        if (self.cap in levels.LOCAL_TIERS and not self.loai_dvhc and named is not None
                and named.tier != self.cap):
            raise ValueError(f"tên '{self.full_name}' là {named.word} ({levels.TIERS[named.tier]}) "
                             f"nhưng cap: {self.cap} — sửa thành cap: {named.tier}")
        if self.hieu_luc_tu and self.hieu_luc_den and self.hieu_luc_den < self.hieu_luc_tu:
            raise ValueError("hieu_luc_den phải sau hieu_luc_tu")
        self.ten_cu.sort(key=lambda old: old.den_ngay)
        return self

    @property
    def header_lines(self) -> list[str]:
        """The issuing body's name as printed, split on explicit line breaks."""
        return [line.strip() for line in self.ten.split("\n") if line.strip()]

    @property
    def full_name(self) -> str:
        return self.ten_day_du or " ".join(self.header_lines)

    @property
    def form(self) -> levels.LocalForm | None:
        """Local units only: the kind of administrative unit (xã, phường, đặc khu, huyện …)."""
        return levels.form_of(self.cap, self.loai_dvhc, self.full_name)

    def in_force(self, start: dt.date, end: dt.date | None = None) -> bool:
        """Does the unit exist on some day from `start` to `end` (inclusive)?"""
        end = end or start
        return not ((self.hieu_luc_den and start > self.hieu_luc_den)
                    or (self.hieu_luc_tu and end < self.hieu_luc_tu))

    def name_on(self, day: dt.date | None) -> CoQuan:
        """The unit as named on `day` (a former name applies up to its `den_ngay`)."""
        if day is None:
            return self
        for old in self.ten_cu:
            if day <= old.den_ngay:
                changes = {k: v for k, v in old.model_dump(exclude={"den_ngay"}).items()
                           if v is not None}
                if "ten" in changes and "ten_day_du" not in changes:
                    changes["ten_day_du"] = None
                return self.model_copy(update={**changes, "ten_cu": []})
        return self


class WorkspaceConfig(_Strict):
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


def date_span(day: Any) -> tuple[dt.date, dt.date] | None:
    """First and last day a (possibly partial) document date may stand for; None if unknown."""
    try:
        found = parse_date(day)
    except ValueError:
        return None
    if found is None:
        return None
    if found.day is not None:
        one = found.to_date()
        return one, one
    if found.month is not None:
        last = calendar.monthrange(found.year, found.month)[1]
        return dt.date(found.year, found.month, 1), dt.date(found.year, found.month, last)
    return dt.date(found.year, 1, 1), dt.date(found.year, 12, 31)


def validity_problem(unit: CoQuan, day: Any) -> str | None:
    """Why a document dated `day` cannot be issued by `unit` (it did not exist then), or None."""
    span = date_span(day)
    if span is None or unit.in_force(*span):
        return None
    since = f"từ ngày {unit.hieu_luc_tu:%d/%m/%Y}" if unit.hieu_luc_tu else ""
    until = f"đến ngày {unit.hieu_luc_den:%d/%m/%Y}" if unit.hieu_luc_den else ""
    return (f"văn bản ghi ngày {_shown(span)} nhưng '{unit.ma}' ({unit.full_name}) chỉ có "
            f"{' '.join(p for p in (since, until) if p)} (hieu_luc_tu, hieu_luc_den trong "
            f"{CONFIG_NAME})")


def _shown(span: tuple[dt.date, dt.date]) -> str:
    start, end = span
    if start == end:
        return f"{start:%d/%m/%Y}"
    if start.month == end.month:
        return f"{start:%m/%Y}"
    return f"{start:%Y}"


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
        raise ConfigError(f"{cfg_path}: mã cơ quan bị trùng: {', '.join(dupes)} — mỗi mã chỉ dùng một lần.")
    ids = [u.ma_dinh_danh for u in config.co_quan if u.ma_dinh_danh]
    twice = sorted({c for c in ids if ids.count(c) > 1})
    if twice:
        raise ConfigError(f"{cfg_path}: mã định danh bị trùng: {', '.join(twice)} — mỗi cơ quan "
                          "một mã định danh riêng (Quyết định 20/2020/QĐ-TTg).")
    ws = Workspace(root=root, config=config, raw_config=dict(raw), config_locate=locate)
    check_sections(ws)
    return ws
