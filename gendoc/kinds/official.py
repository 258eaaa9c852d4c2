"""Fields and context shared by every ND30 administrative document.

The header (issuing body, `Số:`, place and date), the signature block and `Nơi nhận:` are the
same components in every document type, so they are defined once here; a kind adds its own body
fields and context on top.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from gendoc import nd30
from gendoc.body import Blocks, Muc, close_body, number_items, plain_paragraphs
from gendoc.vi.dates import PartialDate, parse_date
from gendoc.vi.formats import so_van_ban
from gendoc.workspace import CoQuan, Workspace


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class NguoiKy(Strict):
    """Signature block (ô 7a/7b): capacity lines, title, name."""

    quyen_han: list[str] = Field(
        default_factory=list,
        description="dòng thẩm quyền ký, ví dụ 'TM. ỦY BAN NHÂN DÂN' hoặc 'KT. GIÁM ĐỐC'",
    )
    chuc_vu: str = Field(min_length=1, description="chức vụ người ký, ví dụ 'CHỦ TỊCH'")
    ho_ten: str | None = Field(None, description="họ và tên người ký (để trống nếu chưa có)")

    @field_validator("quyen_han", mode="before")
    @classmethod
    def _one_or_many(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else ([] if v is None else v)

    @field_validator("quyen_han")
    @classmethod
    def _prefix(cls, lines: list[str]) -> list[str]:
        for line in lines:
            if line.split(" ", 1)[0] not in nd30.QUYEN_HAN:
                raise ValueError(
                    f"dòng '{line}' phải bắt đầu bằng một trong {', '.join(nd30.QUYEN_HAN)} "
                    "(ví dụ 'TM. ỦY BAN NHÂN DÂN', 'KT. GIÁM ĐỐC')"
                )
        return lines


class VanBan(Strict):
    """Components every administrative document has (Điều 8, ND30)."""

    loai: str = Field(description="loại văn bản, ví dụ ke_hoach")
    co_quan: str = Field(description="mã cơ quan ban hành trong gendoc.yaml, ví dụ ubnd-tinh")
    so: int | None = Field(None, ge=1, description="số văn bản; để trống khi chưa cấp số")
    ngay: Any = Field(None, description="ngày ban hành: 2017-01-20, hoặc 2016-12 khi chưa có ngày")
    ky_hieu: str | None = Field(None, description="ký hiệu thay cho mặc định, ví dụ 'UBND-VX'")
    dia_danh: str | None = Field(None, description="địa danh thay cho địa danh của cơ quan")
    trich_yeu: str = Field(min_length=1, description="trích yếu nội dung")
    kinh_gui: list[str] = Field(default_factory=list, description="nơi nhận ở dòng 'Kính gửi:'")
    nguoi_ky: NguoiKy
    noi_nhan: list[str] = Field(min_length=1, description="các nơi nhận, mỗi dòng một nơi")
    luu: str = Field("VT", description="dòng lưu, ví dụ 'VT, bntam'")
    so_ban: int | None = Field(None, ge=1, description="số lượng bản phát hành")
    template: str | None = Field(None, description="tên mẫu riêng trong templates/")

    @field_validator("ngay", mode="before")
    @classmethod
    def _date(cls, v: Any) -> PartialDate | None:
        if isinstance(v, PartialDate):
            return v
        if isinstance(v, dt.datetime):
            v = v.date()
        return parse_date(v)

    @field_validator("kinh_gui", mode="before")
    @classmethod
    def _kg(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else ([] if v is None else v)


class VanBanCoTenLoai(VanBan):
    """A document with a named type and a free text body (Phụ lục III, mẫu 1.4)."""

    can_cu: list[str] = Field(default_factory=list, description="các căn cứ (in nghiêng)")
    mo_dau: list[str] = Field(default_factory=list, description="đoạn mở đầu")
    noi_dung: list[Muc] = Field(default_factory=list, description="các phần, mục, điểm")
    danh_so_tu: str = Field("la_ma", description="cấp đánh số đầu tiên: la_ma, so hoặc chu")
    ket_thuc: list[str] = Field(default_factory=list, description="đoạn kết")

    @field_validator("can_cu", "mo_dau", "ket_thuc", mode="before")
    @classmethod
    def _paragraphs(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else ([] if v is None else v)

    @field_validator("danh_so_tu")
    @classmethod
    def _scheme(cls, v: str) -> str:
        if v not in ("la_ma", "so", "chu"):
            raise ValueError("chỉ nhận la_ma (I.), so (1.) hoặc chu (a))")
        return v


def body_blocks(doc: VanBanCoTenLoai) -> Blocks:
    paras = plain_paragraphs(doc.can_cu, role="can_cu", italic=True)
    paras += plain_paragraphs(doc.mo_dau)
    paras += number_items(doc.noi_dung, start=doc.danh_so_tu)
    paras += plain_paragraphs(doc.ket_thuc)
    return Blocks(close_body(paras))


def recipients(doc: VanBan) -> list[str]:
    """`Nơi nhận:` lines: `- X;` for each, last `- Lưu: VT, ….`."""
    lines = [f"- {item.rstrip(';.').strip()};" for item in doc.noi_nhan]
    luu = doc.luu.strip().rstrip(".")
    lines.append(f"- {nd30.LUU_PREFIX} {luu}.")
    return lines


def symbol(doc: VanBan, unit: CoQuan, viet_tat: str | None) -> str:
    """The part of `Số:` after the slash: KH-UBND, or the công văn form UBND-VX."""
    if doc.ky_hieu:
        return doc.ky_hieu
    return f"{viet_tat}-{unit.ky_hieu}" if viet_tat else unit.ky_hieu


def official_context(doc: VanBan, ws: Workspace, ten_loai: str | None) -> dict[str, Any]:
    """Template variables for the header, the signature block and the recipients."""
    unit = ws.unit(doc.co_quan)
    viet_tat = nd30.TYPE_ABBREVIATIONS.get(ten_loai or "")
    ngay = doc.ngay
    return {
        "co_quan_chu_quan": (unit.co_quan_chu_quan or "").upper(),
        "co_quan_ten": [line.upper() for line in unit.header_lines],
        "co_quan_ten_day_du": unit.ten_day_du or " ".join(unit.header_lines),
        "so": so_van_ban(doc.so) if doc.so else nd30.PLACEHOLDER,
        "ky_hieu": symbol(doc, unit, viet_tat),
        "dia_danh": doc.dia_danh or unit.dia_danh,
        "ngay": ngay,
        "ten_loai": ten_loai or "",
        "trich_yeu": doc.trich_yeu,
        "kinh_gui": doc.kinh_gui,
        "quyen_han": [line.upper() for line in doc.nguoi_ky.quyen_han],
        "chuc_vu": doc.nguoi_ky.chuc_vu.upper(),
        "ho_ten": doc.nguoi_ky.ho_ten or "",
        "noi_nhan": recipients(doc),
    }
