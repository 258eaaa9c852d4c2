"""The issuing bodies of gendoc.yaml (`co_quan`): the model of one unit, its names over time
and the dates it existed — so a document is headed with the name the unit had on its date and
refused when the unit did not exist then.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from gendoc import levels
from gendoc.vi.dates import parse_date

CONFIG_NAME = "gendoc.yaml"


class StrictModel(BaseModel):
    """A section of gendoc.yaml: unknown keys are errors (a misspelt key must not pass silently)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


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


class TenCu(StrictModel):
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


class CoQuan(StrictModel):
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
