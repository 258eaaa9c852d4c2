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

from gendoc.body import Para, Span, Table
from gendoc.document import Document
from gendoc.docx_templates import van_ban_co_ten_loai
from gendoc.kinds.official import Strict, VanBan, official_context
from gendoc.media.blocks import literal_markup, marked, plain, plain_text, text
from gendoc.media.brief import Brief, media_kind, produce
from gendoc.media.config import LienHe, media_config
from gendoc.media.figures import Filler, TongHop
from gendoc.media.render import Images
from gendoc.media.schema import PAGE_NAMES, Anh, Phan, own_template, photo, sections
from gendoc.vi.dates import dia_danh_ngay
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

    @field_validator("template")
    @classmethod
    def _own_template(cls, v: str | None) -> str | None:
        return own_template(v)


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


def contact(doc: ThongCao, ws: Workspace) -> Para | None:
    """"Thông tin liên hệ: …" — the release's own contact, else the workspace's default."""
    chosen = doc.lien_he if doc.lien_he and doc.lien_he.has_any() else media_config(ws).lien_he
    if chosen is None:
        return None
    line = ", ".join(x for x in (chosen.ho_ten, chosen.chuc_vu, chosen.don_vi) if x)
    if chosen.dien_thoai:
        line += f"; điện thoại: {chosen.dien_thoai}"
    if chosen.email:
        line += f"; thư điện tử: {chosen.email}"
    return Para([Span("Thông tin liên hệ:", bold=True), Span(f" {line}.")], role="lien_he")


def figures_table(doc: ThongCao, fill: Filler) -> Table | None:
    rows = fill.rows + figures(doc.so_lieu)
    if not rows:
        return None
    this_year = f"Năm {doc.tong_hop.nam}" if doc.tong_hop else "Kỳ này"
    header = ["Chỉ tiêu", this_year, literal_markup(rows[0]["nhan_so_sanh"]), "Thay đổi"]
    cells = [[[Span(r[k])] for k in ("chi_tieu", "gia_tri", "so_sanh", "thay_doi")] for r in rows]
    return Table(header=header, rows=cells,
                 widths=[6, 2, 2, 2], align=["trai", "phai", "phai", "phai"],
                 title=doc.tieu_de_so_lieu)


def bodies(ws: Workspace, source: Document, images: Images) -> tuple[str, str, list, list]:
    """Title, lead, the web blocks and the ND30 body blocks of the release."""
    doc: ThongCao = source.data
    unit = ws.unit(doc.co_quan)
    fill = Filler(ws, source, doc.tong_hop)
    title = fill(doc.tieu_de, "tieu_de") if doc.tieu_de else doc.trich_yeu
    sapo = fill(doc.sapo, "sapo")
    agency = unit.full_name
    place = doc.dia_danh or unit.dia_danh
    table, people = figures_table(doc, fill), contact(doc, ws)
    tail = [b for b in (table, people) if b is not None]
    web = [plain(title, "tieu_de"),
           plain(f"{PRINTED} của {agency} · {dia_danh_ngay(place, doc.ngay)}", "ngay"),
           text(sapo, "sapo"), photo(images, doc.anh, ("anh",)),
           *sections(doc.noi_dung, fill, "noi_dung"), *tail]
    van_ban = [text(sapo), *sections(doc.noi_dung, fill, "noi_dung", numbered_heads=True), *tail]
    return title, sapo, [b for b in web if b is not None], van_ban


def build_outputs(ws: Workspace, doc: Document) -> dict[str, bytes]:
    images = Images(ws, doc)
    data: ThongCao = doc.data
    title, sapo, web, van_ban = bodies(ws, doc, images)
    unit = ws.unit(data.co_quan)
    official = official_context(data, ws, TEN_LOAI)
    brief = Brief(title=title, web=web, van_ban=van_ban, description=plain_text(marked(sapo)),
                  site=data.don_vi_web or unit.full_name,
                  formats=(".docx", ".html", ".txt"), docx_template=DOCX_TEMPLATE,
                  docx_context=official, close_body=True)
    return produce(ws, doc, images, brief)


# Variables of the ND30 .docx template (header, signature, body blocks) and the page frame.
CONTEXT_NAMES = sorted({
    "co_quan_chu_quan", "co_quan_ten", "co_quan_ten_day_du", "so", "ky_hieu", "dia_danh", "ngay",
    "ten_loai", "trich_yeu", "kinh_gui", "quyen_han", "chuc_vu", "ho_ten", "noi_nhan", "noi_dung",
    "phu_luc", *PAGE_NAMES,
})


KIND = media_kind("thong_cao", "Thông cáo báo chí", ThongCao, build_outputs,
                  formats=("docx", "html", "txt"), context_names=CONTEXT_NAMES,
                  example="thong-cao-ket-qua-2017", template=DOCX_TEMPLATE,
                  make_template=van_ban_co_ten_loai, ten_loai=TEN_LOAI, official=True,
                  context=lambda document, bctx: official_context(document.data, bctx.ws,
                                                                  TEN_LOAI))
