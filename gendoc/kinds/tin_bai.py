"""Tin bài: a news article for the provincial web portal (plan III.3.a, III.3.c).

Headline, sapo (lead), body with subheads, photo with caption and credit, author. Outputs the
portal's HTML page, a Word file for the editorial desk and plain text for other newsrooms.
Not an ND30 document (no header, no number), so `gendoc check` leaves it alone.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from gendoc.document import Document
from gendoc.kinds.official import Strict
from gendoc.media.blocks import marked, plain, plain_text, text
from gendoc.media.brief import Brief, media_kind, produce
from gendoc.media.figures import Filler, TongHop
from gendoc.media.render import Images
from gendoc.media.schema import PAGE_NAMES, Anh, Phan, own_template, photo, sections
from gendoc.vi.dates import ngay_thang_nam, parse_date
from gendoc.vi.numwords import viet_hoa_dau
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
    template: str | None = Field(None, description="mẫu riêng trong templates/: khung trang web .html.j2 hoặc mẫu Word .docx")

    @field_validator("ngay", mode="before")
    @classmethod
    def _date(cls, v: Any) -> Any:
        return parse_date(v) if v is not None else None

    @field_validator("template")
    @classmethod
    def _own_template(cls, v: str | None) -> str | None:
        return own_template(v)


def blocks(ws: Workspace, source: Document, images: Images) -> tuple[str, str, list[Any]]:
    """Headline, lead and the article's blocks (the same for the page, the text and Word)."""
    doc: TinBai = source.data
    fill = Filler(ws, source, doc.tong_hop)
    title, sapo = fill(doc.tieu_de, "tieu_de"), fill(doc.sapo, "sapo")
    out: list[Any] = [plain(title, "tieu_de")]
    if doc.ngay:
        dated = viet_hoa_dau(ngay_thang_nam(doc.ngay))
        out.append(plain(f"{dated} · {doc.chuyen_muc}" if doc.chuyen_muc else dated, "ngay"))
    out.append(text(sapo, "sapo"))
    out.append(photo(images, doc.anh, ("anh",)))
    out.extend(sections(doc.noi_dung, fill, "noi_dung"))
    byline = f"{doc.tac_gia} (nguồn: {doc.nguon})" if doc.nguon else doc.tac_gia
    out.append(plain(byline, "tac_gia"))
    return title, sapo, [b for b in out if b is not None]


def build_outputs(ws: Workspace, doc: Document) -> dict[str, bytes]:
    images = Images(ws, doc)
    data: TinBai = doc.data
    title, sapo, body = blocks(ws, doc, images)
    brief = Brief(title=title, web=body, description=plain_text(marked(sapo)),
                  site=" · ".join(x for x in (data.don_vi, data.chuyen_muc) if x) or None,
                  formats=(".html", ".docx", ".txt"))
    return produce(ws, doc, images, brief)


# Variables its Word template (truyen_thong.docx) and page frame (truyen_thong.html.j2) get.
CONTEXT_NAMES = PAGE_NAMES


KIND = media_kind("tin_bai", "Tin bài (cổng thông tin)", TinBai, build_outputs,
                  formats=("html", "docx", "txt"), context_names=CONTEXT_NAMES,
                  example="tin-hoi-nghi-so-ket-2017")
