"""Thông cáo báo chí (TC): the official press release, plus its web page and plain text.

One content file gives three outputs: the ND30 document (Phụ lục III mẫu 1.4, type THÔNG CÁO,
symbol TC-…) that is signed and archived; a standalone web page for the portal (headline, lead,
body, key figures, contact); and plain text for agencies that paste text into their systems.
The key figures come from `so_lieu` in the content file — for a yearly release they are the
consolidated results of the units' reports (see docs/media.md).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from gendoc.build import Document
from gendoc.docx_templates import van_ban_co_ten_loai
from gendoc.kinds.official import Strict, VanBan, official_context
from gendoc.media.brief import Brief, media_kind, produce, template_name
from gendoc.media.figures import Filler, TongHop
from gendoc.media.render import Images
from gendoc.media.schema import Anh, LienHe, Phan, photo, sections
from gendoc.vi.formats import phan_tram, so_vn
from gendoc.workspace import Workspace

TEN_LOAI = "THÔNG CÁO"
PRINTED = "Thông cáo báo chí"  # what the web page calls it; the document prints THÔNG CÁO
DOCX_TEMPLATE = "thong_cao.docx"


class SoLieu(Strict):
    """One key figure: what it measures, this period's value, the comparison value."""

    chi_tieu: str = Field(min_length=1, description="tên chỉ tiêu")
    gia_tri: float = Field(description="giá trị kỳ này (số, ví dụ 35.2)")
    don_vi: str = Field("%", description="đơn vị: % hoặc người, đơn vị …")
    so_sanh: float | None = Field(None, description="giá trị kỳ trước hoặc chỉ tiêu để so sánh")
    nhan_so_sanh: str = Field("Năm trước", description="tên cột so sánh")


class ThongCao(VanBan):
    tieu_de: str | None = Field(None, description="tít trên trang web (mặc định: trích yếu)")
    sapo: str = Field(min_length=1, description="đoạn mở đầu tóm tắt (lead)")
    anh: Anh | None = Field(None, description="ảnh trên trang web (không in vào văn bản)")
    noi_dung: list[Phan] = Field(min_length=1, description="các phần: tiêu đề + các đoạn")
    so_lieu: list[SoLieu] = Field(default_factory=list, description="các chỉ tiêu chủ yếu")
    tieu_de_so_lieu: str = Field("Một số chỉ tiêu chủ yếu", description="tên bảng số liệu")
    lien_he: LienHe | None = Field(None, description="đầu mối liên hệ báo chí")
    don_vi_web: str | None = Field(None, description="tên trang/chuyên mục ở đầu trang web")
    tong_hop: TongHop | None = Field(None, description="lấy số liệu từ báo cáo tổng hợp của năm")

    @field_validator("noi_dung", mode="before")
    @classmethod
    def _one(cls, v: Any) -> Any:
        return [v] if isinstance(v, (str, dict)) else v


def figures(rows: list[SoLieu]) -> list[dict[str, str]]:
    def fmt(value: float | None, unit: str) -> str:
        if value is None:
            return "–"
        number = value if not float(value).is_integer() else int(value)
        return phan_tram(number) if unit == "%" else f"{so_vn(number)} {unit}".strip()

    out = []
    for row in rows:
        change = ""
        if row.so_sanh is not None:
            diff = round(row.gia_tri - row.so_sanh, 2)
            sign = "+" if diff > 0 else ("−" if diff < 0 else "±")
            diff_abs = abs(diff) if not float(abs(diff)).is_integer() else int(abs(diff))
            change = sign + (so_vn(diff_abs) + (" điểm %" if row.don_vi == "%" else f" {row.don_vi}"))
        out.append({"chi_tieu": row.chi_tieu, "gia_tri": fmt(row.gia_tri, row.don_vi),
                    "so_sanh": fmt(row.so_sanh, row.don_vi), "nhan_so_sanh": row.nhan_so_sanh,
                    "thay_doi": change})
    return out


def contact(doc: ThongCao, ws: Workspace) -> dict[str, str] | None:
    from gendoc.media.config import media_config

    chosen = doc.lien_he if doc.lien_he and doc.lien_he.has_any() else media_config(ws).lien_he
    if chosen is None:
        return None
    return {k: getattr(chosen, k) or "" for k in ("ho_ten", "chuc_vu", "don_vi", "dien_thoai",
                                                  "email")}


def context(doc: ThongCao, ws: Workspace, images: Images, source: Document) -> dict[str, Any]:
    unit = ws.unit(doc.co_quan)
    fill = Filler(ws, source, doc.tong_hop)
    body = fill.sections(sections(doc.noi_dung))
    return {
        "tieu_de": fill(doc.tieu_de or doc.trich_yeu, "tieu_de"), "trich_yeu": doc.trich_yeu,
        "sapo": fill(doc.sapo, "sapo"),
        "anh": photo(images, doc.anh, ("anh",)), "noi_dung": body,
        "so_lieu": fill.rows + figures(doc.so_lieu), "tieu_de_so_lieu": doc.tieu_de_so_lieu,
        "tong_hop": fill.values,
        "cot_ky_nay": f"Năm {doc.tong_hop.nam}" if doc.tong_hop else "Kỳ này",
        "lien_he": contact(doc, ws), "co_quan": unit.ten_day_du or " ".join(unit.header_lines),
        "dia_danh": doc.dia_danh or unit.dia_danh, "ngay": doc.ngay, "ten_loai": PRINTED,
    }


def build_outputs(ws: Workspace, doc: Document) -> dict[str, bytes]:
    images = Images(ws, doc)
    data: ThongCao = doc.data
    ctx = context(data, ws, images, doc)
    official = official_context(data, ws, TEN_LOAI)
    brief = Brief(template=template_name(doc, "thong_cao.md.j2"), context=ctx,
                  title=ctx["tieu_de"], description=ctx["sapo"],
                  site=data.don_vi_web or ctx["co_quan"], formats=(".docx", ".html", ".txt"),
                  docx_template=DOCX_TEMPLATE, docx_context=official, docx_separate=True,
                  close_body=True)
    return produce(ws, doc, images, brief)


# Variables of both templates: the ND30 .docx (header, signature, body) and the .md.j2.
CONTEXT_NAMES = sorted({
    "co_quan_chu_quan", "co_quan_ten", "co_quan_ten_day_du", "so", "ky_hieu", "dia_danh", "ngay",
    "ten_loai", "trich_yeu", "kinh_gui", "quyen_han", "chuc_vu", "ho_ten", "noi_nhan", "noi_dung",
    "tieu_de", "sapo", "anh", "so_lieu", "tieu_de_so_lieu", "tong_hop", "cot_ky_nay", "lien_he",
    "co_quan", "kenh", "phu_luc",
})


KIND = media_kind("thong_cao", "Thông cáo báo chí", ThongCao, build_outputs,
                  formats=("docx", "html", "txt"), context_names=CONTEXT_NAMES,
                  example="thong-cao-ket-qua-2017", template=DOCX_TEMPLATE,
                  make_template=van_ban_co_ten_loai, ten_loai=TEN_LOAI, official=True,
                  context=lambda document, bctx: official_context(document.data, bctx.ws,
                                                                  TEN_LOAI))
