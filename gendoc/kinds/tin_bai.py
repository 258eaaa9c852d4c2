"""Tin bài: a news article for the provincial web portal (plan III.3.a, III.3.c).

Headline, sapo (lead), body with subheads, photo with caption and credit, author. Outputs the
portal's HTML page, a Word file for the editorial desk and plain text for other newsrooms.
Not an ND30 document (no header, no number), so `gendoc check` leaves it alone.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from gendoc.build import Document
from gendoc.kinds.official import Strict
from gendoc.media.brief import Brief, media_kind, produce, template_name
from gendoc.media.figures import Filler, TongHop
from gendoc.media.render import Images
from gendoc.media.schema import Anh, Phan, photo, sections
from gendoc.vi.dates import parse_date
from gendoc.workspace import Workspace


class TinBai(Strict):
    loai: str
    chuyen_muc: str | None = Field(None, description="chuyên mục trên cổng thông tin")
    tieu_de: str = Field(min_length=1, description="tít (tiêu đề bài)")
    sapo: str = Field(min_length=1, description="đoạn mở đầu in đậm tóm tắt tin")
    anh: Anh | None = Field(None, description="ảnh chính kèm chú thích, tác giả")
    noi_dung: list[Phan] = Field(min_length=1, description="các phần: tiêu đề phụ + các đoạn")
    tac_gia: str = Field(min_length=1, description="tác giả (bút danh) cuối bài")
    nguon: str | None = Field(None, description="nguồn tin, ví dụ 'Sở Nội vụ'")
    ngay: Any = Field(None, description="ngày đăng: 2018-01-16")
    don_vi: str | None = Field(None, description="cơ quan đăng tin (hiện ở đầu trang web)")
    tong_hop: TongHop | None = Field(None, description="lấy số liệu từ báo cáo tổng hợp của năm")
    template: str | None = Field(None, description="mẫu .md.j2 riêng trong templates/")

    @field_validator("ngay", mode="before")
    @classmethod
    def _date(cls, v: Any) -> Any:
        return parse_date(v) if v is not None else None


def context(ws: Workspace, source: Document, images: Images) -> dict[str, Any]:
    doc: TinBai = source.data
    fill = Filler(ws, source, doc.tong_hop)
    body = fill.sections(sections(doc.noi_dung))
    return {
        "chuyen_muc": doc.chuyen_muc or "", "tieu_de": fill(doc.tieu_de, "tieu_de"),
        "sapo": fill(doc.sapo, "sapo"), "anh": photo(images, doc.anh, ("anh",)), "noi_dung": body,
        "tac_gia": doc.tac_gia, "nguon": doc.nguon or "", "ngay": doc.ngay,
        "don_vi": doc.don_vi or "",
    }


def build_outputs(ws: Workspace, doc: Document) -> dict[str, bytes]:
    images = Images(ws, doc)
    data: TinBai = doc.data
    ctx = context(ws, doc, images)
    brief = Brief(template=template_name(doc, "tin_bai.md.j2"), context=ctx,
                  title=ctx["tieu_de"], description=ctx["sapo"],
                  site=" · ".join(x for x in (data.don_vi, data.chuyen_muc) if x) or None,
                  formats=(".html", ".docx", ".txt"))
    return produce(ws, doc, images, brief)


# Variables its .md.j2 template receives (and `noi_dung`, the body of truyen_thong.docx).
CONTEXT_NAMES = ["chuyen_muc", "tieu_de", "sapo", "anh", "noi_dung", "tac_gia", "nguon", "ngay", "don_vi", "kenh"]


KIND = media_kind("tin_bai", "Tin bài (cổng thông tin)", TinBai, build_outputs,
                  formats=("html", "docx", "txt"), context_names=CONTEXT_NAMES,
                  example="tin-hoi-nghi-so-ket-2017")
