"""Giấy chứng nhận: the course certificate layout (not an ND30 administrative document).

Certificates are produced in batches by the course renderer (`gendoc.training`); this kind
registers the built-in template so that `python -m gendoc.docx_builtin` draws it, a clerk can
fetch it to restyle it, and a single certificate can be written by hand (`loai: giay_chung_nhan`).
It is `official=False`: `gendoc build --check` does not hold it to the ND30 body format.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from gendoc.document import BuildContext, Document
from gendoc.kinds import Kind, register
from gendoc.kinds.official import NguoiKy, Strict
from gendoc.training import certificate
from gendoc.training.model import full_date
from gendoc.training.roster import HocVien


class KhoaHoc(Strict):
    """What a certificate says about the course."""

    ten: str = Field(min_length=1, description="tên lớp")
    tu_ngay: Any = Field(description="ngày khai giảng")
    den_ngay: Any = Field(description="ngày bế giảng")
    dia_diem: str = Field(min_length=1)

    @field_validator("tu_ngay", "den_ngay", mode="before")
    @classmethod
    def _date(cls, v: Any) -> Any:
        date = full_date(v)
        if date is None:
            raise ValueError("thiếu ngày (ghi đủ ngày, tháng, năm)")
        return date


class GiayChungNhan(Strict):
    """One certificate: issuing body, the course (as in a course announcement), the person."""

    loai: str
    co_quan: str = Field(description="mã cơ quan cấp giấy chứng nhận trong gendoc.yaml")
    ngay: Any = Field(description="ngày cấp")
    nguoi_ky: NguoiKy
    lop_hoc: KhoaHoc
    hoc_vien: HocVien
    so_vao_so: int = Field(ge=1, description="số vào sổ cấp giấy chứng nhận")
    ky_hieu: str = Field("GCN", description="ký hiệu sau số vào sổ")
    nguoi_cap: str | None = Field(None, description="dòng thẩm quyền cấp, mặc định GIÁM ĐỐC SỞ …")
    template: str | None = None

    @field_validator("ngay", mode="before")
    @classmethod
    def _date(cls, v: Any) -> Any:
        date = full_date(v)
        if date is None:
            raise ValueError("thiếu ngày cấp (ghi đủ ngày, tháng, năm)")
        return date


def context(document: Document, bctx: BuildContext) -> dict[str, Any]:
    doc: GiayChungNhan = document.data
    ws = bctx.ws
    ctx = certificate.shared_context(ws.unit(doc.co_quan), ws.config.tinh, doc.lop_hoc,
                                     doc.nguoi_ky, doc.ngay, doc.nguoi_cap)
    ctx.update(certificate.person_values(doc.hoc_vien, doc.so_vao_so, doc.ky_hieu))
    return ctx


KIND = register(Kind(
    name="giay_chung_nhan",
    title="Giấy chứng nhận",
    schema=GiayChungNhan,
    template=certificate.TEMPLATE,
    context=context,
    official=False,
    page_format="own",  # landscape, framed: not the ND30 page
    make_template=certificate.make_template,
))
