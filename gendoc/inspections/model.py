"""Schema pieces shared by the inspection kinds: team member, scheduled unit, checklist item."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from gendoc.kinds.official import Strict
from gendoc.vi.dates import parse_date

VaiTro = Literal["truong_doan", "pho_truong_doan", "thanh_vien", "thu_ky"]
VAI_TRO: dict[str, str] = {"truong_doan": "Trưởng đoàn", "pho_truong_doan": "Phó Trưởng đoàn",
                           "thanh_vien": "Thành viên", "thu_ky": "Thư ký"}


def full_date(value: Any) -> dt.date | None:
    """A date written 2018-10-09 (or 09/10/2018); a partial date is refused."""
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    found = parse_date(value)
    if found is None:
        return None
    if not found.is_complete:
        raise ValueError("cần đủ ngày, tháng, năm, ví dụ 2018-10-09")
    return found.to_date()


def unit_code(value: str, info: ValidationInfo) -> str:
    """A unit code of gendoc.yaml (checked when the workspace is known)."""
    ws = (info.context or {}).get("workspace")
    if ws is not None and value not in {u.ma for u in ws.config.co_quan}:
        raise ValueError(f"không có cơ quan mã '{value}' trong gendoc.yaml "
                         "(xem danh sách bằng lệnh 'gendoc units')")
    return value


class ThanhVien(Strict):
    """One member of the inspection team."""

    ho_ten: str = Field(min_length=1, description="họ và tên, ví dụ 'Trần Văn Bình'")
    chuc_vu: str = Field(min_length=1, description="chức vụ, đơn vị công tác, ví dụ "
                                                   "'Phó Giám đốc Sở Nội vụ'")
    vai_tro: VaiTro = Field("thanh_vien", description="truong_doan, pho_truong_doan, "
                                                      "thanh_vien hoặc thu_ky")


class LichKiemTra(Strict):
    """One inspected unit: when and where the team comes, and why the unit was chosen."""

    don_vi: str = Field(min_length=1, description="mã cơ quan, đơn vị trong gendoc.yaml, "
                                                  "ví dụ so-tu-phap")
    ngay: Any = Field(description="ngày kiểm tra, ví dụ 2018-10-09")
    buoi: str = Field("Sáng", description="buổi, giờ làm việc, ví dụ 'Sáng' hoặc '14 giờ 00'")
    dia_diem: str | None = Field(None, description="địa điểm; mặc định trụ sở của đơn vị")
    ly_do: list[str] = Field(default_factory=list, description="lý do chọn đơn vị "
                             "('gendoc new kiem_tra_ke_hoach' điền từ số liệu của thư mục)")

    _unit = field_validator("don_vi")(unit_code)

    @field_validator("ngay", mode="before")
    @classmethod
    def _date(cls, v: Any) -> dt.date | None:
        found = full_date(v)
        if found is None:
            raise ValueError("thiếu ngày kiểm tra, ví dụ 2018-10-09")
        return found

    @field_validator("ly_do", mode="before")
    @classmethod
    def _reasons(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else ([] if v is None else v)


class NoiDungKiemTra(Strict):
    """One checklist item: what is inspected, and the points a unit reports on."""

    ma: str = Field(min_length=1, description="mã ngắn của nội dung, ví dụ 'quy-hoach' hoặc '2'")
    noi_dung: str = Field(min_length=1, description="nội dung kiểm tra")
    cau_hoi: list[str] = Field(default_factory=list, description="các điểm đơn vị phải báo cáo")

    @field_validator("ma", mode="before")
    @classmethod
    def _code(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int) and not isinstance(v, bool) else v


def team_problems(doan: list[ThanhVien]) -> str | None:
    """The team needs exactly one head; None when it is well formed."""
    heads = sum(1 for m in doan if m.vai_tro == "truong_doan")
    if heads != 1:
        return (f"đoàn kiểm tra có {heads} trưởng đoàn — ghi đúng một thành viên "
                "'vai_tro: truong_doan'")
    return None
