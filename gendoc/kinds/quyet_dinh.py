"""Quyết định (QĐ, cá biệt): here the decision that publicly commends units and people (plan
III.3.d, "kịp thời biểu dương các cơ quan, đơn vị, địa phương thực hiện tốt").

Layout of Phụ lục III mẫu 1.2: header, QUYẾT ĐỊNH + trích yếu, the competent-authority line
(CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …), căn cứ in italics, `QUYẾT ĐỊNH:`, Điều 1, 2, 3 …, Nơi nhận
and signature; the commendation list follows as the attached DANH SÁCH (tables of collectives
and individuals). Individuals may come straight from a profile collection
(`danh_sach.ca_nhan_tu: guong-….yaml`), so the people commended are the people profiled.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from pydantic import Field, field_validator

from gendoc.body import Blocks, PageBreak, Para, Span, Table, close_body
from gendoc.document import BuildContext, Document, load_document, rel
from gendoc.docx_templates import (
    add_para,
    base_document,
    body_block,
    closing_block,
    header_block,
    title_block,
)
from gendoc.exceptions import ContentError, FieldProblem, GendocError
from gendoc.kinds import Kind, register
from gendoc.kinds.official import Strict, VanBan, official_context
from gendoc.media.blocks import marked
from gendoc.media.figures import fill_text
from gendoc.media.render import content_bias_warnings
from gendoc.media.scaffold import example_scaffold
from gendoc.media.schema import Phan
from gendoc.vi.dates import ngay_thang_nam
from gendoc.vi.text import viet_hoa_don_vi
from gendoc.workspace import Workspace

TEN_LOAI = "QUYẾT ĐỊNH"


def _list(v: Any) -> Any:
    return [v] if isinstance(v, str) else ([] if v is None else v)


class Dieu(Phan):
    """An article: a line of text, or a heading with paragraphs (the shape of a section)."""

    tieu_de: str | None = Field(None, description="tiêu đề của điều (nếu có)")
    doan: list[str] = Field(min_length=1, description="nội dung của điều")


class TapThe(Strict):
    ten: str = Field(min_length=1, description="tên tập thể")
    thanh_tich: str = Field(min_length=1, description="thành tích được biểu dương")


class CaNhan(Strict):
    ho_ten: str = Field(min_length=1)
    chuc_vu: str | None = None
    don_vi: str | None = None
    thanh_tich: str = Field(min_length=1, description="thành tích được biểu dương")


class DanhSach(Strict):
    tieu_de: str = Field("Các tập thể, cá nhân được biểu dương", description="tên danh sách")
    tap_the: list[TapThe] = Field(default_factory=list)
    ca_nhan: list[CaNhan] = Field(default_factory=list)
    ca_nhan_tu: str | None = Field(None, description="tệp gương điển hình lấy danh sách cá nhân")


class QuyetDinh(VanBan):
    tham_quyen: str | None = Field(None, description="dòng thẩm quyền ban hành, mặc định "
                                   "'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …'")
    can_cu: list[str] = Field(min_length=1, description="các căn cứ ban hành (in nghiêng)")
    dieu: list[Dieu] = Field(min_length=1, description="Điều 1, Điều 2 … (có thể dùng "
                             "{{ danh_sach.so_tap_the }}, {{ danh_sach.so_ca_nhan }})")
    danh_sach: DanhSach | None = Field(None, description="danh sách kèm theo quyết định")

    @field_validator("can_cu", mode="before")
    @classmethod
    def _many(cls, v: Any) -> Any:
        return _list(v)


def people_from_profiles(ws: Workspace, source: Document, relative: str) -> list[CaNhan]:
    """Individuals of a `guong_dien_hinh` content file, as commendation rows."""
    doc_path = source.path
    path = (doc_path.parent / relative).resolve()

    def fail(message: str) -> ContentError:
        return ContentError(rel(ws, doc_path), [FieldProblem(
            "danh_sach.ca_nhan_tu", message, where=source.line("danh_sach", "ca_nhan_tu"))])

    if ws.root.resolve() not in path.parents or not path.is_file():
        raise fail(f"không tìm thấy tệp '{relative}' trong thư mục làm việc "
                   "(đường dẫn tính từ thư mục của quyết định)")
    try:
        source = load_document(ws, path)
    except GendocError as exc:
        raise fail(f"tệp '{relative}' có lỗi: {exc.format_message()}") from None
    if source.kind.name != "guong_dien_hinh":
        raise fail(f"tệp '{relative}' là '{source.kind.name}', cần một tệp guong_dien_hinh")
    return [CaNhan(ho_ten=p.ho_ten, chuc_vu=p.chuc_vu, don_vi=p.don_vi,
                   thanh_tich="; ".join(p.thanh_tich)) for p in source.data.nguoi]


def annex(ds: DanhSach, people: list[CaNhan], ctx: dict[str, Any], viet_tat: str) -> Blocks:
    """The attached list: title, "(Kèm theo Quyết định số …)", tables of collectives and people."""
    blocks = Blocks([PageBreak(),
                     Para([Span("DANH SÁCH", bold=True)], role="tieu_de_giua"),
                     Para([Span(ds.tieu_de, bold=True)], role="tieu_de_giua"),
                     Para([Span(f"(Kèm theo Quyết định số {ctx['so']}/{ctx['ky_hieu']} "
                                f"{ctx['ngay_chu']} của {ctx['tham_quyen_thuong']})",
                                italic=True)], role="tieu_de_giua")])
    groups = []
    if ds.tap_the:
        groups.append(Table(header=["TT", "Tên tập thể", "Thành tích"],
                            rows=[[str(i), [Span(t.ten)], marked(t.thanh_tich)] for i, t in
                                  enumerate(ds.tap_the, 1)],
                            widths=[1, 6, 9], align=["giua", "trai", "trai"], title="TẬP THỂ"))
    if people:
        groups.append(Table(header=["TT", "Họ và tên", "Chức vụ, đơn vị", "Thành tích"],
                            rows=[[str(i), [Span(p.ho_ten)],
                                   [Span(", ".join(x for x in (p.chuc_vu, p.don_vi) if x))],
                                   marked(p.thanh_tich)] for i, p in enumerate(people, 1)],
                            widths=[1, 4, 5, 6], align=["giua", "trai", "trai", "trai"],
                            title="CÁ NHÂN"))
    if len(groups) == 2:
        groups[0].title, groups[1].title = "I. TẬP THỂ", "II. CÁ NHÂN"
    blocks.extend(groups)
    return blocks


def context(source: Document, bctx: BuildContext) -> dict[str, Any]:
    """Template variables; the source document gives the profile file's folder and lines."""
    doc: QuyetDinh = source.data
    ws = bctx.ws
    source.warnings.extend(content_bias_warnings(ws, source))
    ctx = official_context(doc, ws, TEN_LOAI)
    unit = ws.unit(doc.co_quan)
    default_authority = f"{unit.chuc_vu_thu_truong or ''} {unit.ten_day_du or ''}".strip()
    authority = doc.tham_quyen or default_authority
    ctx["tham_quyen"] = authority.upper()
    # In the annex line "(Kèm theo Quyết định … của Chủ tịch Ủy ban nhân dân tỉnh Kiên Giang)".
    ctx["tham_quyen_thuong"] = viet_hoa_don_vi(authority) if doc.tham_quyen \
        else f"{(unit.chuc_vu_thu_truong or '').capitalize()} {unit.ten_day_du or ''}".strip()
    ctx["ngay_chu"] = ngay_thang_nam(doc.ngay)
    people: list[CaNhan] = []
    if doc.danh_sach is not None:
        people = list(doc.danh_sach.ca_nhan)
        if doc.danh_sach.ca_nhan_tu:
            people += people_from_profiles(ws, source, doc.danh_sach.ca_nhan_tu)
    counts = {"so_tap_the": len(doc.danh_sach.tap_the) if doc.danh_sach else 0,
              "so_ca_nhan": len(people)}
    paras = [Para(marked(c, italic=True), role="can_cu") for c in doc.can_cu]
    paras.append(Para([Span(f"{TEN_LOAI}:", bold=True)], role="tieu_de_giua"))
    for number, article in enumerate(doc.dieu, start=1):
        texts = [fill_text(ws, source, t, counts, ("dieu", number - 1, "doan", j),
                           name="danh_sach")
                 for j, t in enumerate(article.doan)]
        label = Span(f"Điều {number}. ", bold=True)
        if article.tieu_de:
            paras.append(Para([label, *marked(article.tieu_de, bold=True)]))
        else:
            paras.append(Para([label, *marked(texts.pop(0))]))
        paras.extend(Para(marked(t)) for t in texts)
    ctx["noi_dung"] = Blocks(close_body(paras))
    ctx["phu_luc"] = annex(doc.danh_sach, people, ctx, "QĐ") if doc.danh_sach and (
        doc.danh_sach.tap_the or people) else Blocks()
    return ctx


def make_template() -> DocxDocument:
    """Phụ lục III mẫu 1.2 plus the attached list after the signature."""
    doc = base_document()
    header_block(doc)
    title_block(doc)
    add_para(doc, "{{ tham_quyen }}", bold=True, before=0, after=6)
    body_block(doc)
    closing_block(doc)
    add_para(doc, "{{p phu_luc }}", style="ND30 Noi dung", align=None)
    return doc


KIND = register(Kind(
    name="quyet_dinh",
    title="Quyết định (biểu dương, khen thưởng …)",
    schema=QuyetDinh,
    template="quyet_dinh.docx",
    context=context,
    ten_loai=TEN_LOAI,
    make_template=make_template,
    scaffold=example_scaffold("quyet_dinh", "bieu-duong-2017"),
    reads_workspace=True,  # individuals may come from a profile file
))
