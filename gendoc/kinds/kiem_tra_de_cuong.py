"""Đề cương báo cáo kiểm tra: a Hướng dẫn (HD) sent to the inspected units, with the outline of
the report they write before the team comes — one section per checklist item, its points as the
questions — and one Excel self-assessment form per unit (`gendoc.inspections.form`), which the
Biên bản reads back when the unit returns it.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from gendoc.artifacts import Artifact, artifact
from gendoc.body import Blocks, Muc, Para, Span, close_body, number_items, plain_paragraphs
from gendoc.document import BuildContext, Document
from gendoc.docx_templates import van_ban_co_ten_loai
from gendoc.inspections import blocks
from gendoc.inspections.form import write_form
from gendoc.inspections.scaffold import example_scaffold
from gendoc.inspections.sources import checklist, plan_of
from gendoc.kinds import Kind, register
from gendoc.kinds.official import VanBanCoTenLoai, official_context
from gendoc.render import docx_artifact, stem_of

TEN_LOAI = "HƯỚNG DẪN"
OUTLINE_TITLE = "ĐỀ CƯƠNG BÁO CÁO"


class DeCuongBaoCao(VanBanCoTenLoai):
    """The report outline for the inspected units (see docs/inspections.md)."""

    ke_hoach_kiem_tra: str = Field(min_length=1, description="tệp kế hoạch kiểm tra (tính từ "
                                   "thư mục của tệp này), ví dụ ke-hoach-kiem-tra-2018.yaml")
    bieu_tu_danh_gia: bool = Field(True, description="kèm Biểu tự đánh giá Excel cho từng đơn vị")


def outline(items: list[Any], year: int) -> list[Para]:
    """I. situation, II. one item per checklist entry with its points, III. limits, IV. proposals."""
    paras = [Para([Span(OUTLINE_TITLE, bold=True)], role="tieu_de_giua")]
    paras += number_items([Muc(tieu_de="Đặc điểm, tình hình", muc=[
        Muc(tieu_de=None, doan=["Khái quát chức năng, nhiệm vụ, tổ chức bộ máy của cơ quan, đơn vị."]),
        Muc(tieu_de=None, doan=[f"Số lượng cán bộ, công chức, viên chức, trong đó nữ (tại thời điểm 31/12/{year})."]),
    ])])
    paras.append(blocks.heading(2, f"Kết quả thực hiện năm {year}"))
    paras += blocks.checklist_paras(items)
    paras.append(blocks.heading(3, "Tồn tại, hạn chế và nguyên nhân"))
    paras.append(blocks.heading(4, "Kiến nghị, đề xuất"))
    return paras


def context(document: Document, bctx: BuildContext) -> dict[str, Any]:
    doc: DeCuongBaoCao = document.data
    plan_doc = plan_of(document, bctx)
    plan = plan_doc.data
    ctx = official_context(doc, bctx.ws, TEN_LOAI)
    cite = blocks.citation(plan, bctx.ws, "Kế hoạch", "KH")
    opening = doc.mo_dau or [f"Thực hiện {cite}, để chuẩn bị cho việc kiểm tra, "
                             f"{ctx['co_quan_ten_day_du']} hướng dẫn các cơ quan, đơn vị được "
                             "kiểm tra xây dựng báo cáo theo đề cương sau:"]
    body = plain_paragraphs(doc.can_cu, role="can_cu", italic=True) + plain_paragraphs(opening)
    body += outline(checklist(plan_doc, bctx), plan.nam)
    form = " và Biểu tự đánh giá (tệp Excel gửi kèm)" if doc.bieu_tu_danh_gia else ""
    body += plain_paragraphs([f"Báo cáo{form} gửi về {ctx['co_quan_ten_day_du']} trước ngày "
                              f"{blocks.day_text(plan.han_bao_cao)}.", *doc.ket_thuc])
    ctx["noi_dung"] = Blocks(close_body(body))
    return ctx


def make(document: Document, bctx: BuildContext) -> list[Artifact]:
    """The Hướng dẫn, then one blank self-assessment form per inspected unit."""
    made = [docx_artifact(document, bctx, context(document, bctx))]
    if document.data.bieu_tu_danh_gia:
        plan_doc = plan_of(document, bctx)
        items = checklist(plan_doc, bctx)
        stem = stem_of(document, bctx)
        for entry in plan_doc.data.lich:
            data = write_form(bctx.ws.unit(entry.don_vi), plan_doc.data.nam, items)
            made.append(artifact(f"{stem}-tu-danh-gia/{entry.don_vi}.xlsx", data, nd30=False))
    return made


KIND = register(Kind(
    name="kiem_tra_de_cuong",
    title="Đề cương báo cáo kiểm tra (Hướng dẫn)",
    schema=DeCuongBaoCao,
    template="kiem_tra_de_cuong.docx",
    context=context,
    make=make,
    formats=("docx", "xlsx"),
    ten_loai=TEN_LOAI,
    make_template=van_ban_co_ten_loai,
    scaffold=example_scaffold("kiem_tra_de_cuong", "de-cuong-bao-cao-2018"),
))
