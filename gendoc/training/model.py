"""The `lop_hoc:` section of a course announcement and the `tap_huan:` settings of gendoc.yaml.

Course dates must be full dates (a course cannot start "in June"); units are listed with their
quota because the announcement allocates seats per unit and the invitation to each unit states
its quota. The participant list itself lives in a separate file (`danh_sach`), read by
`gendoc.training.roster`, because clerks collect it from the units as a spreadsheet.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from gendoc.kinds.official import NguoiKy, Strict
from gendoc.validation import Email
from gendoc.vi.dates import parse_date
from gendoc.workspace import Workspace, section

GUI_THEO = ("don_vi", "hoc_vien")


def full_date(value: Any) -> dt.date | None:
    """A complete date (day, month, year) or None; partial dates are refused with a hint."""
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    parsed = parse_date(value)
    if parsed is None:
        return None
    if not parsed.is_complete:
        raise ValueError("cần ghi đủ ngày, tháng, năm (ví dụ 2017-06-05 hoặc 05/6/2017)")
    return parsed.to_date()


class DonViThamGia(Strict):
    """A participating unit and its quota of seats."""

    ten: str = Field(min_length=1, description="tên đơn vị như ghi trong giấy mời, ví dụ 'Sở Tư pháp'")
    so_luong: int = Field(ge=1, le=1000, description="số học viên đơn vị được cử (chỉ tiêu)")


class BuoiHoc(Strict):
    """One row of the course agenda (chương trình)."""

    thoi_gian: str = Field(min_length=1, description="buổi, ngày, ví dụ 'Sáng 05/6/2017'")
    noi_dung: str = Field(min_length=1, description="chuyên đề, nội dung của buổi học")
    bao_cao_vien: str | None = Field(None, description="báo cáo viên, giảng viên")


class LienHe(Strict):
    """The contact person for registration."""

    ho_ten: str = Field(min_length=1)
    chuc_vu: str | None = Field(None, description="chức vụ, phòng, ví dụ 'chuyên viên Phòng Xây dựng chính quyền'")
    dien_thoai: str | None = None
    email: Email = None


class GiayMoiLop(Strict):
    """How the invitations (Giấy mời) of the course are issued."""

    gui_theo: Literal["don_vi", "hoc_vien"] | None = Field(
        None, description="gửi mỗi đơn vị một giấy mời (don_vi) hay mỗi học viên một giấy (hoc_vien)")
    so: int | None = Field(None, ge=1, description="số của giấy mời; để trống khi chưa cấp số")
    ngay: Any = Field(None, description="ngày ký giấy mời; mặc định là ngày của thông báo")
    trich_yeu: str | None = Field(None, description="trích yếu; mặc định 'Tham dự <tên lớp>'")
    chu_tri: str | None = Field(None, description="người chủ trì lễ khai giảng")
    ghi_chu: list[str] = Field(default_factory=list, description="các đoạn thêm cuối giấy mời")
    nguoi_ky: NguoiKy | None = Field(None, description="người ký; mặc định như thông báo")
    noi_nhan: list[str] = Field(default_factory=list, description="nơi nhận thêm (ngoài người được mời)")

    @field_validator("ngay", mode="before")
    @classmethod
    def _date(cls, v: Any) -> dt.date | None:
        return full_date(v)

    @field_validator("ghi_chu", mode="before")
    @classmethod
    def _lines(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else ([] if v is None else v)


class ChungNhanLop(Strict):
    """Certificates (Giấy chứng nhận) for participants who completed the course."""

    so_bat_dau: int = Field(1, ge=1, description="số vào sổ của giấy chứng nhận đầu tiên")
    ky_hieu: str = Field("GCN", min_length=1, description="ký hiệu sau số vào sổ, ví dụ 'GCN-SNV'")
    ngay: Any = Field(None, description="ngày cấp; mặc định là ngày bế giảng (den_ngay)")
    nguoi_ky: NguoiKy | None = Field(None, description="người ký; mặc định như thông báo")

    @field_validator("ngay", mode="before")
    @classmethod
    def _date(cls, v: Any) -> dt.date | None:
        return full_date(v)


class LopHoc(Strict):
    """A course: what, who (units and quotas), when, where, agenda, contact, deadline."""

    ten: str = Field(min_length=1, description="tên lớp, ví dụ 'Lớp bồi dưỡng kỹ năng lãnh đạo …'")
    muc_dich: list[str] = Field(default_factory=list, description="mục đích, yêu cầu của lớp")
    doi_tuong: str = Field(min_length=1, description="đối tượng học viên")
    tu_ngay: Any = Field(description="ngày khai giảng, ví dụ 2017-06-05")
    den_ngay: Any = Field(description="ngày bế giảng")
    gio_khai_giang: str | None = Field(None, description="giờ khai giảng, ví dụ '7 giờ 30 phút'")
    dia_diem: str = Field(min_length=1, description="địa điểm tổ chức lớp")
    don_vi: list[DonViThamGia] = Field(min_length=1, description="đơn vị cử học viên và số lượng")
    chuong_trinh: list[BuoiHoc] = Field(default_factory=list, description="chương trình (bảng)")
    lien_he: LienHe
    han_dang_ky: Any = Field(description="hạn gửi danh sách học viên")
    danh_sach: str | None = Field(None, description="tệp danh sách học viên (.xlsx, .csv, .yaml)")
    ky_ten_theo_ngay: bool = Field(False, description="danh sách ký tên riêng cho từng ngày học")
    giay_moi: GiayMoiLop = Field(default_factory=GiayMoiLop)
    chung_nhan: ChungNhanLop = Field(default_factory=ChungNhanLop)

    @field_validator("tu_ngay", "den_ngay", "han_dang_ky", mode="before")
    @classmethod
    def _date(cls, v: Any) -> dt.date | None:
        date = full_date(v)
        if date is None:
            raise ValueError("thiếu ngày (ghi đủ ngày, tháng, năm, ví dụ 2017-06-05)")
        return date

    @field_validator("muc_dich", mode="before")
    @classmethod
    def _lines(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else ([] if v is None else v)

    @model_validator(mode="after")
    def _order(self) -> LopHoc:
        if self.den_ngay < self.tu_ngay:
            raise ValueError("ngày bế giảng (den_ngay) trước ngày khai giảng (tu_ngay)")
        if self.han_dang_ky > self.tu_ngay:
            raise ValueError("hạn đăng ký (han_dang_ky) sau ngày khai giảng (tu_ngay)")
        names = [u.ten.casefold() for u in self.don_vi]
        dupes = sorted({u.ten for u in self.don_vi if names.count(u.ten.casefold()) > 1})
        if dupes:
            raise ValueError(f"đơn vị bị lặp trong don_vi: {', '.join(dupes)}")
        return self

    @property
    def so_ngay(self) -> int:
        return (self.den_ngay - self.tu_ngay).days + 1

    @property
    def tong_so(self) -> int:
        return sum(u.so_luong for u in self.don_vi)


class TapHuanConfig(Strict):
    """The `tap_huan:` section of gendoc.yaml (defaults for every course of the workspace)."""

    giay_moi_theo: Literal["don_vi", "hoc_vien"] = Field(
        "don_vi", description="mặc định gửi giấy mời theo đơn vị hay theo học viên")
    # Accepted so that older gendoc.yaml files stay valid; they no longer have an effect: the
    # build's writer writes large batches in threads and the CLI shows the build's progress.
    song_song: int = Field(0, ge=0, le=32, description="không còn tác dụng (giữ cho tệp cũ)")
    tien_trinh_tu: int = Field(100, ge=1, description="không còn tác dụng (giữ cho tệp cũ)")


def tap_huan_config(ws: Workspace) -> TapHuanConfig:
    """The workspace's `tap_huan:` section (unknown keys are reported with their line)."""
    return section(ws, "tap_huan", TapHuanConfig)
